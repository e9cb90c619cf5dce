import type { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../../graphql/errors-user';
import { audit } from '../audit/audit';
import { bumpDataVersion } from '../../data-version';
import type { ImpactFilter } from '../impact/impact-filter.input';
import { dateIn } from '../impact/progress.service';
import { canonicalJson, sha256 } from './canonical';
import { buildSnapshotContent, type Protection, type SnapshotContent } from './snapshot-content';

export interface PublishInput {
  year: number;
  title: string;
  slug?: string | null;
  filter?: ImpactFilter | null;
  note?: string | null;
  suppressBelow?: number | null;
  includeGroupNames?: boolean | null;
  /** Publish a FINAL snapshot of a scope that already has one: the new one replaces it, the old stays readable. */
  replace?: boolean | null;
}

export interface SnapshotRow {
  id: number;
  slug: string;
  year: number;
  title: string;
  status: 'PROVISIONAL' | 'FINAL';
  content: SnapshotContent & { title: string; status: string; note: string; asOf: string; dataVersion: number };
  checksum: string;
  data_version: string;
  as_of: Date;
  published_at: Date;
  replaces_id: number | null;
}

/**
 * Freezes a campaign's figures: everything is read in one repeatable-read transaction (one state of
 * the data), written once with the SHA-256 of its canonical JSON, and never changed (the database
 * refuses). PROVISIONAL before the reporting deadline, FINAL after; a second FINAL of the same scope
 * needs `replace`.
 */
export async function publishSnapshot(db: DataSource, input: PublishInput, userId: number | null, now = new Date()) {
  const title = input.title.trim();
  if (!title || title.length > 200) throw badInput('A snapshot needs a title of at most 200 characters', { title: 'is required' });
  const filter: ImpactFilter = { ...(input.filter ?? {}), year: null };
  const protection: Protection = {
    suppressBelow: input.suppressBelow ?? 10,
    includeGroupNames: input.includeGroupNames ?? false,
  };
  if (protection.suppressBelow < 0 || protection.suppressBelow > 1000) throw badInput('suppressBelow must be from 0 to 1,000');
  const scopeKey = canonicalJson({ filter, protection });
  const id = await db.transaction('REPEATABLE READ', async (m) => {
    const [campaign] = await m.query(`SELECT timezone, to_char(reporting_deadline, 'YYYY-MM-DD') AS deadline FROM campaign WHERE year = $1`, [input.year]);
    if (!campaign) throw badInput(`There is no campaign for ${input.year}`, { year: 'unknown' });
    const status = dateIn(campaign.timezone, now) > campaign.deadline ? 'FINAL' : 'PROVISIONAL';
    let replacesId: number | null = null;
    if (status === 'FINAL') {
      const [current] = await m.query(
        `SELECT s.id, s.slug FROM snapshot s WHERE s.year = $1 AND s.scope_key = $2 AND s.status = 'FINAL'
           AND NOT EXISTS (SELECT 1 FROM snapshot n WHERE n.replaces_id = s.id)`,
        [input.year, scopeKey],
      );
      if (current && !input.replace) {
        throw badInput(
          `"${current.slug}" is already the final snapshot of this scope; publish with replace: true to replace it (it stays readable)`,
          { replace: 'is required' },
        );
      }
      replacesId = current?.id ?? null;
    }
    const slug = await freeSlug(m, input.slug?.trim() || `w4r-${input.year}-${status.toLowerCase()}`, Boolean(input.slug));
    const [{ version, updated_at: asOf }] = await m.query(`SELECT version, updated_at FROM data_version`);
    const figures = await buildSnapshotContent(m, input.year, filter, protection);
    const content = { ...figures, title, status, note: input.note?.trim() ?? '', asOf: new Date(asOf).toISOString(), dataVersion: Number(version) };
    const json = canonicalJson(content);
    const [row] = await m.query(
      `INSERT INTO snapshot (slug, year, title, status, scope_key, content, checksum, data_version, as_of, published_by, replaces_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11) RETURNING id`,
      [slug, input.year, title, status, scopeKey, json, sha256(json), version, asOf, userId, replacesId],
    );
    await audit(m, userId, 'publish', slug, { year: input.year, status, checksum: sha256(json), replaces: replacesId });
    await bumpDataVersion(m); // the list of snapshots changed: cached answers must not outlive it
    return row.id as number;
  });
  return (await db.query(`SELECT * FROM snapshot WHERE id = $1`, [id]))[0] as SnapshotRow;
}

async function freeSlug(m: { query: DataSource['query'] }, wanted: string, exact: boolean): Promise<string> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(wanted) || wanted.length > 90) {
    throw badInput('slug must be lower-case letters and digits joined by hyphens', { slug: 'is not valid' });
  }
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    const [taken] = await m.query(`SELECT 1 FROM snapshot WHERE slug = $1`, [slug]);
    if (!taken) return slug;
    if (exact) throw badInput(`The slug "${wanted}" is taken`, { slug: 'is taken' });
  }
  throw badInput('No free slug', { slug: 'is taken' });
}

/** What a publication would freeze, without storing anything: the preview staff check first. */
export async function previewSnapshot(db: DataSource, input: PublishInput, now = new Date()) {
  const filter: ImpactFilter = { ...(input.filter ?? {}), year: null };
  const protection: Protection = { suppressBelow: input.suppressBelow ?? 10, includeGroupNames: input.includeGroupNames ?? false };
  return db.transaction('REPEATABLE READ', async (m) => {
    const [campaign] = await m.query(`SELECT timezone, to_char(reporting_deadline, 'YYYY-MM-DD') AS deadline FROM campaign WHERE year = $1`, [input.year]);
    if (!campaign) throw badInput(`There is no campaign for ${input.year}`, { year: 'unknown' });
    const status = dateIn(campaign.timezone, now) > campaign.deadline ? 'FINAL' : 'PROVISIONAL';
    return { status, content: { ...(await buildSnapshotContent(m, input.year, filter, protection)), title: input.title, note: input.note ?? '' } };
  });
}

export async function findSnapshot(db: DataSource, slug: string): Promise<SnapshotRow | null> {
  const [row] = await db.query(`SELECT * FROM snapshot WHERE slug = $1`, [slug]);
  return row ?? null;
}

export async function listSnapshots(db: DataSource): Promise<SnapshotRow[]> {
  return db.query(`SELECT * FROM snapshot ORDER BY published_at DESC, id DESC`);
}

/** Snapshots whose stored content no longer matches the checksum published with it. */
export async function verifySnapshots(db: DataSource | EntityManager): Promise<string[]> {
  const rows: { slug: string; content: unknown; checksum: string }[] = await db.query(`SELECT slug, content, checksum FROM snapshot`);
  return rows.filter((r) => sha256(canonicalJson(r.content)) !== r.checksum).map((r) => r.slug);
}

export interface Change {
  key: string;
  label: string;
  before: number;
  after: number;
  change: number;
}

/**
 * What changed between a snapshot and another (or the live data of its scope), by case and country.
 * A figure hidden on either side has no known change and is left out.
 */
export async function diffSnapshot(db: DataSource, slug: string, against: string | null) {
  const base = await findSnapshot(db, slug);
  if (!base) throw badInput(`No snapshot "${slug}"`, { slug: 'not found' });
  let other: SnapshotContent;
  if (against) {
    const row = await findSnapshot(db, against);
    if (!row) throw badInput(`No snapshot "${against}"`, { against: 'not found' });
    other = row.content;
  } else {
    // for staff only: the live figures in full
    const unprotected = { ...base.content.protection, suppressBelow: 0 };
    other = await db.transaction('REPEATABLE READ', (m) => buildSnapshotContent(m, base.year, base.content.filter, unprotected, false));
  }
  const compare = (before: { key: string; label: string; actions: number | null }[], after: { key: string; label: string; actions: number | null }[]): Change[] => {
    const keys = new Map<string, Change>();
    for (const r of before) keys.set(r.key, { key: r.key, label: r.label, before: r.actions ?? 0, after: 0, change: 0 });
    for (const r of after) {
      const c = keys.get(r.key) ?? { key: r.key, label: r.label, before: 0, after: 0, change: 0 };
      c.after = r.actions ?? 0;
      keys.set(r.key, c);
    }
    const hidden = new Set([...before, ...after].filter((r) => r.actions === null).map((r) => r.key));
    return [...keys.values()]
      .filter((c) => !hidden.has(c.key))
      .map((c) => ({ ...c, change: c.after - c.before }))
      .filter((c) => c.change !== 0)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.key.localeCompare(b.key));
  };
  const cases = (c: SnapshotContent) => c.cases.map((k) => ({ key: k.slug, label: k.name, actions: k.actions }));
  return {
    totalBefore: base.content.totals.actions,
    totalAfter: other.totals.actions,
    byCase: compare(cases(base.content), cases(other)),
    byCountry: compare(base.content.byCountry, other.byCountry),
  };
}
