import type { EntityManager } from 'typeorm';

/**
 * Runs `work` after a savepoint. On an error the transaction goes back to the savepoint, so it stays
 * usable (the caller may try another way), and the error is rethrown.
 */
export async function withSavepoint<T>(db: EntityManager, name: string, work: () => Promise<T>): Promise<T> {
  await db.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await db.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await db.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await db.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/** True for PostgreSQL's unique_violation, as TypeORM wraps it. */
export const isUniqueViolation = (error: unknown) => (error as { driverError?: { code?: string } }).driverError?.code === '23505';
