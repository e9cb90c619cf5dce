import './styles.css';

// index.html's header bar is painted before the app's code is evaluated (on a phone that takes a few
// hundred milliseconds): the first paint does not wait for it. The server announces ./start's code
// in index.html, so it downloads meanwhile (server/http/page-preload.ts).
await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
await import('./start');
