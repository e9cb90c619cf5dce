// Placeholder until the page is built (issue 6).
export function CasesPage() {
  return <h1>Cases</h1>;
}
