/**
 * `npm run build:server`: the server as one JavaScript file, dist/server/index.js, for `npm start`
 * and the benchmark. The same esbuild transform that tsx applies in development and tests (legacy
 * decorators, no decorator metadata), so the built server behaves as they do; packages stay in
 * node_modules. Running plain JavaScript spares the production process tsx's loader thread and
 * source maps (the README's "Server memory" says by how much).
 *
 * Sources find files next to them with `import.meta.dirname` (the built client, schema.graphql,
 * the demo campaigns); in one bundle that would be dist/server/, so each use is rewritten to the
 * source file's own folder, relative to the bundle: the built tree stays movable with the checkout.
 */
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const outfile = path.join(root, 'dist/server/index.js');

const ownDirname: Plugin = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.dirname')) return { contents: source, loader: 'ts' };
      const relative = path.relative(path.dirname(outfile), path.dirname(args.path)).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.dirname', `__w4rResolve(import.meta.dirname, ${JSON.stringify(relative)})`), loader: 'ts' };
    });
  },
};

// packages stay in node_modules, except JSON files imported from them (node would want an import attribute)
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

const started = performance.now();
await build({
  entryPoints: [path.join(root, 'server/index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.json'),
  sourcemap: false,
  logLevel: 'warning',
  banner: { js: `import { resolve as __w4rResolve } from 'node:path';` },
  plugins: [packagesExternal, ownDirname],
});
console.log(`built ${path.relative(root, outfile)} in ${Math.round(performance.now() - started)} ms`);
