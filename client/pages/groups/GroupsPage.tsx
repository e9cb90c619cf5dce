// Placeholder until the page is built (issue 6).
export function GroupsPage() {
  return <h1>Groups</h1>;
}
