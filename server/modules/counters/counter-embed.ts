import type { CounterView } from './counter-view';

/**
 * Runs in the reader's browser, served as /c/embed.js: fills every <div data-w4r-counter="<slug>"> on
 * the page with that counter, inside a shadow root (the host page's styles neither leak in nor out),
 * and refreshes it as often as the counter says. The page of /c/<slug> (for iframes) uses it too, with
 * its first figures inline. Written as a function so it is type-checked; sent as its source text.
 */
function embedCounters(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const origin = script?.src ? new URL(script.src).origin : location.origin;
  const css = `
    :host { display: block; }
    figure { margin: 0; padding: 0.75rem 1rem; font: 16px/1.35 system-ui, sans-serif; color: #1a1a1a;
      background: #fff; border: 2px solid #1a1a1a; border-inline-start: 0.6rem solid #ffdd00; max-width: 26rem; }
    figcaption { font-weight: 700; margin-block-end: 0.35rem; }
    dl { margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
    div { display: flex; flex-direction: column-reverse; }
    dt { font-size: 0.85rem; }
    dd { margin: 0; font-size: 1.9rem; font-weight: 800; font-variant-numeric: tabular-nums; }
    dd.hidden { font-size: 1rem; font-weight: 600; padding-block: 0.5rem; }
    p { margin: 0.4rem 0 0; font-size: 0.78rem; color: #4a4a4a; }`;

  function render(root: ShadowRoot, view: CounterView): void {
    const figure = document.createElement('figure');
    figure.lang = view.language;
    figure.dir = view.dir;
    const caption = document.createElement('figcaption');
    caption.textContent = view.title;
    figure.append(caption);
    if (view.paused) {
      const p = document.createElement('p');
      p.textContent = view.words.paused;
      figure.append(p);
    } else {
      const list = document.createElement('dl');
      for (const f of view.figures) {
        const item = document.createElement('div');
        const dt = document.createElement('dt');
        dt.textContent = f.label;
        const dd = document.createElement('dd');
        dd.textContent = f.text;
        dd.dataset.figure = f.figure;
        if (f.value === null) dd.className = 'hidden';
        item.append(dt, dd);
        list.append(item);
      }
      figure.append(list);
    }
    const time = new Intl.DateTimeFormat(view.locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(view.updatedAt));
    const foot = document.createElement('p');
    foot.textContent = `${view.words.updated} ${time} · ${view.words.source}`;
    figure.append(foot);
    const style = document.createElement('style');
    style.textContent = css;
    root.replaceChildren(style, figure);
  }

  function start(host: HTMLElement): void {
    const slug = host.dataset.w4rCounter ?? '';
    if (host.shadowRoot || !/^[a-z0-9]{10}$/.test(slug)) return;
    const root = host.attachShadow({ mode: 'open' });
    let every = 5;
    const refresh = async (): Promise<void> => {
      try {
        const res = await fetch(`${origin}/c/${slug}.json`);
        if (res.ok) {
          const view = (await res.json()) as CounterView;
          every = view.refreshSeconds;
          render(root, view);
        }
      } catch {
        // offline or the server is away: keep the figures on screen and try again
      }
      setTimeout(refresh, Math.max(every, 2) * 1000);
    };
    const inline = document.getElementById(`w4r-counter-${slug}`);
    if (inline?.textContent) {
      const view = JSON.parse(inline.textContent) as CounterView;
      every = view.refreshSeconds;
      render(root, view);
      setTimeout(refresh, Math.max(every, 2) * 1000);
    } else {
      void refresh();
    }
  }

  const startAll = () => document.querySelectorAll<HTMLElement>('[data-w4r-counter]').forEach(start);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll);
  else startAll();
}

export const EMBED_SCRIPT = `(${embedCounters.toString()})();\n`;
