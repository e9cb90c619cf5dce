import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../../server/db/database-unavailable';

/** An error as pg makes it from a server's answer: its SQLSTATE in `code`. */
function serverError(code: string, message: string): DatabaseError {
  return Object.assign(new DatabaseError(message, message.length, 'error'), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['our own', new DatabaseUnavailableError('busy')],
    ["TypeORM's released query runner, by class", new QueryRunnerAlreadyReleasedError()],
    ["TypeORM's released query runner provider, by class", new QueryRunnerProviderAlreadyReleasedError()],
    ['a connection exception (SQLSTATE 08006)', serverError('08006', 'connection failure')],
    ['a server shutting down (57P01)', serverError('57P01', 'terminating connection due to administrator command')],
    ['too many connections (53300)', serverError('53300', 'sorry, too many clients already')],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ["pg's closed connection (no class, no code)", new Error('Connection terminated unexpectedly')],
    ["pg-pool's connection wait (no class, no code)", new Error('timeout exceeded when trying to connect')],
    ['the statement timeout (57014)', serverError('57014', 'canceling statement due to statement timeout')],
    ['a released runner inside a cause', new Error('submit failed', { cause: new QueryRunnerProviderAlreadyReleasedError() })],
    ["a server error inside TypeORM's QueryFailedError", new QueryFailedError('SELECT 1', [], serverError('57P01', 'terminating connection'))],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a statement cancelled by hand (57014)', serverError('57014', 'canceling statement due to user request')],
    ['a constraint violation (23505)', serverError('23505', 'duplicate key value violates unique constraint')],
    ['an error of the code', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an error naming a released runner in its text only', new Error('Query runner already released. Cannot run queries anymore.')],
  ])('does not take %s for unavailability', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
