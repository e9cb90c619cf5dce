/** A page's h1 and its one-paragraph introduction (none while what it names is still loading). */
export function PageIntro({ title, intro }: { title: string; intro?: string | null }) {
  return (
    <header className="page-intro">
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
    </header>
  );
}
