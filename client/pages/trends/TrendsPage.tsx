// Placeholder until the page is built (issue 6).
export function TrendsPage() {
  return <h1>Trends</h1>;
}
