// Which chunks of the built dashboard a first visit downloads, from Vite's build manifest. Pure, for the client bench.

/** The part of Vite's build manifest (dist/client/.vite/manifest.json) this bench reads. */
import { APP_CHUNK, type ViteManifest } from '../server/http/page-preload';

export type { ViteManifest };

/**
 * The JavaScript a first visit downloads before anything runs: the module script of index.html, the
 * app's chunk the server preloads with it (server/http/page-preload.ts), and everything they import
 * statically, found through the manifest.
 * Every other JavaScript chunk loads lazily (pages, charts, the map).
 */
export function splitChunks(manifest: ViteManifest, entryFile: string): { initial: string[]; lazy: string[] } {
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const entryKey = byFile.get(entryFile);
  if (!entryKey) throw new Error(`${entryFile} (the script of index.html) is not in the build manifest`);
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  visit(APP_CHUNK);
  const lazy = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js') && !initial.has(f));
  return { initial: [...initial].sort(), lazy: lazy.sort() };
}

/** The module script index.html loads. */
export function entryScript(indexHtml: string): string {
  const src = /<script[^>]*type="module"[^>]*src="\/?([^"]+)"/.exec(indexHtml)?.[1];
  if (!src) throw new Error('dist/client/index.html has no module script');
  return src;
}
