import madge from 'madge';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// How the code is laid out, checked: the next engineer can rely on it (ARCHITECTURE.md, README Layout).
const config = { baseDir: process.cwd(), ...JSON.parse(readFileSync('.madgerc', 'utf8')) };

describe('the layout of the code', () => {
  it('has no import cycle in server/ or client/ (type-only imports aside)', async () => {
    const graph = await madge(['server', 'client'], config);
    expect(graph.circular()).toEqual([]);
  }, 60_000);

  it('has no page importing another page\'s folder: what two pages share lives in a common place', async () => {
    const graph = (await madge(['client/pages'], config)).obj();
    const folder = (file: string) => /^client\/pages\/([^/]+)\//.exec(file)?.[1];
    const crossings = Object.entries(graph).flatMap(([file, deps]) =>
      deps.filter((dep) => folder(dep) && folder(file) && folder(dep) !== folder(file)).map((dep) => `${file} → ${dep}`),
    );
    expect(crossings).toEqual([]);
  }, 60_000);

  it('makes DataLoaders per request in two places: the loader bag and the impact service\'s grouping passes', () => {
    // The bag (server/graphql/loaders.ts) loads what a field reaches by id; the impact service, made
    // per request in the context, batches the figures asked of one table and filter into one query.
    expect(serverFilesMatching(/from 'dataloader'/).sort()).toEqual(['graphql/loaders.ts', 'modules/impact/grouping-passes.ts']);
  });

  it('reads the configuration in server/env.ts only', () => {
    expect(serverFilesMatching(/process\.env\b/)).toEqual(['env.ts']);
  });

  it('reads it once per process: only the entry points call readEnv, the rest is passed what it read', () => {
    expect(serverFilesMatching(/\breadEnv\(/).sort()).toEqual(['cli/run-command.ts', 'env.ts', 'index.ts']);
  });
});

/** The files under server/ (relative to it) whose text matches. */
function serverFilesMatching(pattern: RegExp): string[] {
  const files = readdirSync('server', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.filter((f) => pattern.test(readFileSync(`server/${f}`, 'utf8')));
}
