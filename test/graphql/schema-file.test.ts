import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../server/graphql/schema';
import { schemaFile } from '../../server/graphql/schema-file';

describe('schema.graphql', () => {
  it('matches the schema the server code builds (run "npm run schema" after changing it)', async () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printSchema(await getSchema()));
  });
});
