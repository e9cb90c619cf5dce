// Placeholder until the page is built (issue 6).
export function ReportsPage() {
  return <h1>Reports</h1>;
}
