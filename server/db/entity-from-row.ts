import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity made from a row read by SQL (its columns by database name, as JSON gives them), each
 * value converted as TypeORM converts what it reads itself (a timestamptz becomes a Date, a date
 * stays "YYYY-MM-DD"): for a row a statement returned, so that no second round trip reads it again.
 */
export function entityFromRow<T extends ObjectLiteral>(db: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const entity = db.create(target);
  for (const column of db.connection.getMetadata(target).columns) {
    if (column.databaseName in row) column.setEntityValue(entity, db.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
