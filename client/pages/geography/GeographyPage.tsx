// Placeholder until the page is built (issue 6).
export function GeographyPage() {
  return <h1>Geography</h1>;
}
