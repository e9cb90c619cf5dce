import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

const root = path.resolve(import.meta.dirname, '../..');
const outputDir = path.join(root, 'client/gql');

describe('client/gql/', () => {
  it('matches schema.graphql and the documents in client/ (run "npm run codegen" after changing either)', async () => {
    // The committed config, generated in memory rather than written over the committed files.
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    const generated = Object.fromEntries(
      outputs.map((o: { filename: string; content: string }) => [path.relative(outputDir, path.resolve(root, o.filename)), o.content]),
    );
    const committed = Object.fromEntries(readdirSync(outputDir).map((name) => [name, readFileSync(path.join(outputDir, name), 'utf8')]));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, content] of Object.entries(generated)) expect(committed[name], name).toBe(content);
  }, 60_000);
});
