// The app's code (client/start.tsx, which client/main.tsx imports once index.html is painted) and the
// opened page's, announced in index.html: the browser downloads them alongside the entry instead of
// after it has run (round trips less before a signed-in reader's first figure).

/** The part of Vite's build manifest (dist/client/.vite/manifest.json) read here. */
export type ViteManifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }>;

/** The app's chunk: every visit loads it once index.html is painted. */
export const APP_CHUNK = 'start.tsx';

/** The `<link>` elements preloading the app's chunk and, when given, page `page`'s, with the chunks they import and their styles, less what `html` already loads. */
export function preloadLinks(manifest: ViteManifest, page: string | null, html: string): string {
  // pages live in client/pages/<page>/<Name>Page.tsx, each its own chunk (client/pages/registry.ts)
  const pageKey = page && Object.keys(manifest).find((name) => name.startsWith(`pages/${page}/`) && name.endsWith('Page.tsx') && manifest[name].isDynamicEntry);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk || chunk.isEntry || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    chunk.css?.forEach((file) => styles.add(file));
    chunk.imports?.forEach(visit);
  };
  visit(APP_CHUNK);
  if (pageKey) visit(pageKey);
  const fresh = (file: string) => !html.includes(`/${file}"`);
  return [
    ...[...scripts].filter(fresh).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...[...styles].filter(fresh).map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
  ].join('');
}
