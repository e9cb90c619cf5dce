import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { getSchema } from '../graphql/schema';
import { schemaFile } from '../graphql/schema-file';

// Writes schema.graphql from the server code; a test fails when the committed file is stale.
writeFileSync(schemaFile, printSchema(await getSchema()));
console.log(`wrote ${schemaFile}`);
