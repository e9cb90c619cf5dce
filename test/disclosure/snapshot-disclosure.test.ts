import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/demo';
import { buildSnapshotContent, type SnapshotContent } from '../../server/modules/snapshots/snapshot-content';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { recomputable as hiddenRecomputable, regionsOfCountries, snapshotTables } from '../support/snapshot-tables';

let db: TestDatabase;
let app: RunningApp;
let raw: SnapshotContent;
let regionOf: Map<string, string[]>;

const PUBLISH = `mutation($input: PublishSnapshotInput!) { publishSnapshot(input: $input) { slug } }`;

async function publish(input: Record<string, unknown>): Promise<SnapshotContent> {
  const { data, errors } = await app.graphql(PUBLISH, { input: { year: 2025, includeGroupNames: true, ...input } });
  expect(errors).toBeUndefined();
  return (await fetch(`${app.url}/s/${data.publishSnapshot.slug}.json`)).json();
}

const tables = (c: SnapshotContent) => snapshotTables(c, regionOf);
const recomputable = (published: SnapshotContent) => hiddenRecomputable(published, raw, regionOf);

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.dataSource);
  raw = await db.dataSource.transaction('REPEATABLE READ', (m) =>
    buildSnapshotContent(m, 2025, {}, { suppressBelow: 0, includeGroupNames: true }, false),
  );
  regionOf = await regionsOfCountries(db.dataSource, 2025);
  app = await startApp(db.dataSource);
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('secondary suppression in published snapshots (demo data, 2025)', () => {
  const published = new Map<number, SnapshotContent>();

  it.each([10, 200, 1000])('with a threshold of %i, hides every small figure and no hidden one is total minus shown', async (threshold) => {
    const c = await publish({ title: `Threshold ${threshold}`, slug: `demo-2025-t${threshold}`, suppressBelow: threshold });
    published.set(threshold, c);
    for (const t of tables(raw)) {
      for (const r of t.rows) if (r.actions! > 0 && r.actions! < threshold) expect(tables(c).find((p) => p.name === t.name)!.rows.find((p) => p.key === r.key)!.actions, `${t.name} ${r.key}`).toBeNull();
    }
    for (const t of tables(c)) if (t.total !== null) expect(t.rows.filter((r) => r.actions === null).length, t.name).not.toBe(1);
    expect(recomputable(c)).toEqual([]);
    expect(c.methodology).toContain('worked out by subtraction');
  });

  it("no longer gives away the issue's example: Bern's 139 actions behind a threshold of 200", async () => {
    expect(raw.bySubdivision.find((s) => s.key === 'CH-BE')!.actions).toBe(139);
    const c = published.get(200)!;
    const swiss = c.bySubdivision.filter((s) => s.key.startsWith('CH-'));
    expect(swiss.filter((s) => s.actions === null).length).toBeGreaterThanOrEqual(2);
    const switzerland = c.byCountry.find((k) => k.key === 'CH')!.actions;
    if (switzerland !== null) expect(switzerland - swiss.reduce((s, r) => s + (r.actions ?? 0), 0)).not.toBe(139);
  });

  it('shows the same hidden cells in the CSV, the page and the charts as in the JSON', async () => {
    const c = published.get(200)!;
    const csv = await (await fetch(`${app.url}/s/demo-2025-t200.csv`)).text();
    for (const s of c.bySubdivision.filter((r) => r.actions === null)) expect(csv).toContain(`subdivision,${s.key},${s.label},< 200,< 200`);
    for (const k of c.byCountry.filter((r) => r.actions === null)) {
      expect(csv).toContain(`country,${k.key},`);
      expect(csv).not.toContain(`country,${k.key},${k.label},${raw.byCountry.find((r) => r.key === k.key)!.actions}`);
    }
    const page = await (await fetch(`${app.url}/s/demo-2025-t200`)).text();
    expect(page).not.toContain('>139<');
    expect(page).toContain('worked out by subtraction');
  });

  it('protects against other snapshots of the year: what one hides the next hides, and no figure differs by less than the threshold', async () => {
    const europe = await publish({ title: 'Europe', slug: 'demo-2025-europe', suppressBelow: 200, filter: { regions: ['Europe and Central Asia'] } });
    for (const other of published.values()) {
      for (const b of ['byCountry', 'bySubdivision'] as const) {
        for (const r of europe[b]) {
          const there = other[b].find((o) => o.key === r.key);
          if (!there) continue;
          if (there.actions === null) expect(r.actions, `${b} ${r.key}`).toBeNull();
          else if (r.actions !== null) expect(Math.abs(r.actions - there.actions) === 0 || Math.abs(r.actions - there.actions) >= 200).toBe(true);
        }
      }
    }
    expect(recomputable(europe)).toEqual([]);
  });

  it('refuses a scope whose total differs from a published one by less than the threshold', async () => {
    const small = raw.byCountry.filter((k) => k.actions! < 200).map((k) => k.key);
    expect(small.length).toBeGreaterThan(0);
    const everyOther = raw.byCountry.map((k) => k.key).filter((k) => !small.includes(k));
    const { errors } = await app.graphql(PUBLISH, { input: { year: 2025, title: 'All but the smallest', suppressBelow: 200, filter: { countries: everyOther } } });
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0].message).toMatch(/differs from the published snapshot "demo-2025-t\d+" by \d+ actions/);
  });

  it('refuses a scope whose whole total is below the threshold', async () => {
    const { errors } = await app.graphql(PUBLISH, { input: { year: 2025, title: 'Mali', suppressBelow: 200, filter: { countries: ['ML'] } } });
    expect(errors[0].message).toContain('fewer than the threshold of 200');
  });
});
