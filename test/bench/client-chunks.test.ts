import { describe, expect, it } from 'vitest';
import { entryScript, splitChunks, type ViteManifest } from '../../bench/client-chunks';

// A manifest shaped like Vite's (dynamic imports left out: they are what makes a chunk lazy): the
// entry imports shared chunks statically; a page imports the entry back (a cycle) and a chart chunk.
const manifest: ViteManifest = {
  'index.html': { file: 'assets/index-a.js', imports: ['_format-c.js'] },
  // the app, which the entry imports once the page is painted and the server preloads with it
  'start.tsx': { file: 'assets/start-g.js', imports: ['_react-b.js', '_format-c.js'] },
  '_react-b.js': { file: 'assets/react-b.js' },
  '_format-c.js': { file: 'assets/format-c.js', imports: ['_react-b.js'] },
  'pages/Overview.tsx': { file: 'assets/Overview-d.js', imports: ['index.html', '_chart-e.js', '_format-c.js'] },
  '_chart-e.js': { file: 'assets/chart-e.js' },
  'pages/overview.css': { file: 'assets/overview-f.css' },
};

describe('splitChunks', () => {
  it('counts the entry, the app and their static imports as initial, every other script as lazy', () => {
    expect(splitChunks(manifest, 'assets/index-a.js')).toEqual({
      initial: ['assets/format-c.js', 'assets/index-a.js', 'assets/react-b.js', 'assets/start-g.js'],
      lazy: ['assets/Overview-d.js', 'assets/chart-e.js'],
    });
  });

  it('refuses an entry the manifest does not know (a manifest from another build)', () => {
    expect(() => splitChunks(manifest, 'assets/index-old.js')).toThrow(/not in the build manifest/);
  });
});

describe('entryScript', () => {
  it('reads the module script of index.html, without the leading slash', () => {
    const html = '<link rel="modulepreload" href="/assets/react-b.js">\n<script type="module" crossorigin src="/assets/index-a.js"></script>';
    expect(entryScript(html)).toBe('assets/index-a.js');
  });
});
