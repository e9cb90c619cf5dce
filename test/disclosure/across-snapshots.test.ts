import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/demo';
import { buildSnapshotContent, type SnapshotContent } from '../../server/modules/snapshots/snapshot-content';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { recoverableAcross, regionsOfCountries, type PublishedSnapshot } from '../support/snapshot-tables';

/**
 * Snapshots of overlapping scopes and thresholds on the demo data, published in an order chosen to
 * tempt the suppression into leaning on figures already public; then every published JSON is read
 * together (test/support/snapshot-tables.ts recoverableAcross) and no hidden figure may come back.
 */

let db: TestDatabase;
let app: RunningApp;
let regionsOf: Map<string, string[]>;

const YEAR = 2025;
const PUBLISH = `mutation($input: PublishSnapshotInput!) { publishSnapshot(input: $input) { slug } }`;

const published: PublishedSnapshot[] = [];
const refused: string[] = [];

async function publish(slug: string, threshold: number, filter: Record<string, string[]> = {}, replace = false): Promise<boolean> {
  const { data, errors } = await app.graphql(PUBLISH, {
    input: { year: YEAR, title: slug, slug, filter, suppressBelow: threshold, includeGroupNames: true, replace },
  });
  if (errors) {
    // refusing a scope is always safe
    expect(errors[0].extensions.code, JSON.stringify(errors)).toBe('BAD_USER_INPUT');
    refused.push(`${slug}: ${errors[0].message}`);
    return false;
  }
  const shown: SnapshotContent = await (await fetch(`${app.url}/s/${data.publishSnapshot.slug}.json`)).json();
  const actual = await db.dataSource.transaction('REPEATABLE READ', (m) =>
    buildSnapshotContent(m, YEAR, { ...filter, year: null }, { suppressBelow: 0, includeGroupNames: true }, false));
  published.push({ slug, threshold, filter, shown, actual });
  return true;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.dataSource);
  regionsOf = await regionsOfCountries(db.dataSource, YEAR);
  app = await startApp(db.dataSource);
}, 300_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('snapshots of overlapping scopes, read together (demo data, 2025)', () => {
  it('give back no hidden figure: thresholds 10, 200 and 1,000, the campaign, a region, a country, and a scope published again as data moved', async () => {
    const europe = { regions: ['Europe and Central Asia'] };
    const complements: { slug: string; filter: Record<string, string[]> }[] = [];
    // what a region's snapshot would hide to protect a small figure (its complements), published
    // first as scopes of their own: the region must not lean on figures already public
    const plan = await db.dataSource.transaction('REPEATABLE READ', async (m) => [
      await buildSnapshotContent(m, YEAR, { ...europe, year: null }, { suppressBelow: 200, includeGroupNames: true }),
      await buildSnapshotContent(m, YEAR, { ...europe, year: null }, { suppressBelow: 0, includeGroupNames: true }, false),
    ]);
    for (const [b, field] of [['bySubdivision', 'subdivisions'], ['byCountry', 'countries']] as const) {
      plan[0][b].forEach((r, i) => {
        if (r.actions === null && plan[1][b][i].actions! >= 200) complements.push({ slug: `${r.key.toLowerCase()}-200`, filter: { [field]: [r.key] } });
      });
    }
    expect(complements.length).toBeGreaterThan(0);
    for (const c of complements) await publish(c.slug, 200, c.filter);
    await publish('campaign-200', 200);
    await publish('europe-200', 200, europe);
    await publish('europe-1000', 1000, europe);
    // a lenient snapshot after the strict ones, and a strict one after it
    await publish('europe-10', 10, europe);
    await publish('campaign-10', 10);
    await publish('campaign-1000', 1000);
    // a country that a wider snapshot hides to protect another (a complement), published as its own scope
    for (const p of [...published]) {
      const complement = p.shown.byCountry.find((k, i) => k.actions === null && p.actual.byCountry[i].actions! >= p.threshold);
      if (complement) await publish(`${p.slug}-${complement.key.toLowerCase()}`, 10, { countries: [complement.key] });
    }
    // one country of the region, and the region's largest country
    await publish('switzerland-200', 200, { countries: ['CH'] });
    const largest = published.find((p) => p.slug === 'europe-200')?.actual.byCountry[0].key;
    if (largest) await publish('largest-200', 200, { countries: [largest] });

    // data moves: a few of Europe's reports are retracted, and the region is published again
    const moved: { id: string }[] = await db.dataSource.query(
      `SELECT id::text FROM letter_report WHERE year = $1 AND region = $2 AND status = 'ACTIVE' ORDER BY count DESC, id LIMIT 3`, [YEAR, europe.regions[0]]);
    for (const { id } of moved) {
      const { errors } = await app.graphql(`mutation($id: ID!) { retractReport(id: $id, reason: "sent twice") { id } }`, { id });
      expect(errors).toBeUndefined();
    }
    await publish('europe-200-again', 200, europe, true);
    await publish('europe-1000-again', 1000, europe, true);
    await publish('campaign-200-again', 200, {}, true);

    expect(published.length, `published: ${published.map((p) => p.slug).join(', ')}; refused: ${refused.join(' | ')}`).toBeGreaterThanOrEqual(6);
    expect(recoverableAcross(published, regionsOf), `published: ${published.map((p) => p.slug).join(', ')}`).toEqual([]);
  }, 600_000);
});
