import type { EntityManager } from 'typeorm';
import { simpleQuery, type ShortTransaction } from '../db/write-transaction';
import { compactParts, type Part } from './areas';
import { DATA_VERSION_CHANNEL } from './notification';
import { versionWritten } from './own-commits';

const bumpSql = (parts: string) => `WITH bumped AS (
    UPDATE data_version SET version = version + 1, updated_at = now() RETURNING version, updated_at
  )
  SELECT version, updated_at,
    pg_notify('${DATA_VERSION_CHANNEL}', json_build_object('version', version, 'updatedAt', updated_at${parts})::text)
  FROM bumped`;

/**
 * Bumps the version and queues a notification carrying it, in one statement. PostgreSQL delivers
 * the notification only when (and if) the transaction commits, in commit order. The row stays
 * locked until then, so versions commit one after another, none skipped.
 */
export const BUMP_DATA_VERSION_SQL = bumpSql('');
const BUMP_PARTS_SQL = bumpSql(`, 'parts', $1::json`);
/** An SQL string literal (standard_conforming_strings: only quotes are doubled). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Marks that figures changed; returns the new version. Call last in a write transaction. Other
 * processes hear of it by NOTIFY when the transaction commits; this process at once after COMMIT.
 * `parts`: the years and areas of the reports the write changed; without them, anything may have
 * changed (campaigns, users, snapshots...) and every cached answer goes.
 */
export async function bumpDataVersion(db: EntityManager, parts?: Part[]): Promise<number> {
  return bumpDataVersionAfter(db, [], parts);
}

/**
 * Runs `statements` (a write's updates of the summary tables), then bumps as bumpDataVersion does,
 * in one round trip (one simple query: PostgreSQL runs them in order, each with its own snapshot).
 * Summary rows are hot (every form of a region and case adds to one row) and stay locked until
 * COMMIT: each round trip between them and the commit waits its turn on a busy event loop while
 * other writers wait for those rows. With `tx`, COMMIT goes in the same round trip.
 */
export async function bumpDataVersionAfter(db: EntityManager, statements: string[], parts?: Part[], tx?: ShortTransaction): Promise<number> {
  const sent = parts ? compactParts(parts) : null;
  const json = sent && JSON.stringify(sent.map((p) => [p.year, p.region, p.country]));
  let row: { version: string; updated_at: string };
  if (!tx && statements.length === 0) {
    [row] = json ? await db.query(BUMP_PARTS_SQL, [json]) : await db.query(BUMP_DATA_VERSION_SQL);
  } else {
    // TypeORM answers nothing for several statements: the driver's client gives each one's result
    const all = [...statements, json ? bumpSql(`, 'parts', ${literal(json)}::json`) : BUMP_DATA_VERSION_SQL];
    // with tx, COMMIT too: announced at once below, as TypeORM's runner has no transaction open
    const results = tx ? await tx.commitWith(all) : await simpleQuery(await db.queryRunner!.connect(), all.join(';\n'));
    [row] = results.at(-1)!.rows;
  }
  const version = Number(row.version);
  versionWritten(db, { version, updatedAt: new Date(row.updated_at), parts: sent });
  return version;
}

/** The years and areas of the reports in `from` (an SQL FROM item with year, region and country). */
export async function partsOf(db: EntityManager, from: string, params: unknown[] = []): Promise<Part[]> {
  const rows: Part[] = await db.query(`SELECT DISTINCT year, region, country FROM ${from}`, params);
  return rows.map(({ year, region, country }) => ({ year: Number(year), region, country }));
}
