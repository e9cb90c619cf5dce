import path from 'node:path';

/** The committed SDL that the client's generated types and outside tools read. */
export const schemaFile = path.resolve(import.meta.dirname, '../../schema.graphql');
