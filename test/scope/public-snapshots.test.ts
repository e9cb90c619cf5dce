import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupType } from '../../server/modules/groups/group.enums';
import type { ActionType } from '../../server/modules/reports/report.enums';
import { buildSnapshotContent, type SnapshotContent } from '../../server/modules/snapshots/snapshot-content';
import { publishedFigures, type PublishedFigures } from '../../server/modules/snapshots/snapshot-disclosure';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { AREAS, CASES, YEARS, buildScopeWorld } from '../support/scope-world';
import { recomputable, recoverableAcross, type PublishedSnapshot } from '../support/snapshot-tables';

/**
 * The public side of the scope fuzzer: snapshots of random scopes and thresholds published one after
 * another in the scope world, read as anyone reads them (JSON and CSV). No hidden figure may come back
 * by "total minus shown" within a snapshot, nor from another published snapshot of the same year: a
 * figure one hides that another shows, two figures of one cell (or two totals) that differ by less
 * than the threshold, or the tables of all the year's snapshots solved together. FUZZ_SEED replays a run, PUBLIC_FUZZ_RUNS sets how many snapshots are tried.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const RUNS = Number(process.env.PUBLIC_FUZZ_RUNS ?? 40);
const PUBLISH = `mutation($input: PublishSnapshotInput!) { publishSnapshot(input: $input) { slug } }`;
const CSV_SECTIONS: Record<string, string> = {
  country: 'byCountry', case_country: 'byCaseCountry', region: 'byRegion', action_type: 'byActionType',
  group_type: 'byGroupType', subdivision: 'bySubdivision', group: 'topGroups',
};

let db: TestDatabase;
let app: RunningApp;
let regionsOf: Map<string, string[]>;
/** Every snapshot published so far, by year, as readers see it and as it is (nothing hidden). */
const published = new Map<number, { shown: PublishedFigures; actual: PublishedFigures }[]>();
/** The same, whole, in the order published: for reading all of a year's snapshots together. */
const contents = new Map<number, PublishedSnapshot[]>();

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startApp(db.dataSource);
  await buildScopeWorld(db.dataSource, app);
  regionsOf = new Map(AREAS.flatMap((a) => a.countries.map((c) => [c.code, [a.region]])));
}, 300_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const scope = () => fc.record({
  regions: fc.subarray(AREAS.map((a) => a.region), { minLength: 1 }),
  countries: fc.subarray(AREAS.flatMap((a) => a.countries.map((c) => c.code)), { minLength: 1 }),
  subdivisions: fc.subarray(AREAS.flatMap((a) => a.countries.flatMap((c) => c.subdivisions)), { minLength: 1 }),
  caseCountries: fc.subarray(CASES.map((c) => c.country), { minLength: 1 }),
  actionTypes: fc.subarray<ActionType>(['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION'], { minLength: 1 }),
  groupTypes: fc.subarray<GroupType>(['LOCAL_GROUP', 'STUDENT_GROUP', 'SCHOOL', 'FAITH_GROUP', 'EVENT'], { minLength: 1 }),
}, { requiredKeys: [] });

describe('published snapshots of the scope world, as anyone reads them', () => {
  it(`never give back a hidden figure, within a snapshot or across snapshots (${RUNS} tried, seed ${SEED})`, async () => {
    let made = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...YEARS),
        scope(),
        fc.constantFrom(2, 10, 50, 200, 1_000, 300_000, 800_000),
        fc.boolean(),
        fc.boolean(),
        async (year, filter, threshold, includeGroupNames, replace) => {
          const slug = `fuzz-${++made}`;
          const { data, errors } = await app.graphql(PUBLISH, {
            input: { year, title: slug, slug, filter, suppressBelow: threshold, includeGroupNames, replace },
          });
          // refusing a scope is always safe (too small, too close to another, or already published)
          if (errors) {
            expect(errors[0].extensions.code, JSON.stringify(errors)).toBe('BAD_USER_INPUT');
            return;
          }
          const content: SnapshotContent = await (await fetch(`${app.url}/s/${data.publishSnapshot.slug}.json`)).json();
          const raw = await db.dataSource.transaction('REPEATABLE READ', (m) =>
            buildSnapshotContent(m, year, filter, { suppressBelow: 0, includeGroupNames }, false));
          const shown = publishedFigures(slug, content);
          const actual = publishedFigures(slug, { ...raw, protection: content.protection });
          expect(recomputable(content, raw, regionsOf), `${slug}: total minus shown`).toEqual([]);
          expect(csvCells(await (await fetch(`${app.url}/s/${slug}.csv`)).text()), `${slug}: CSV`).toEqual(jsonCells(shown, threshold));
          const others = published.get(year) ?? [];
          expect(others.flatMap((o) => acrossSnapshots({ shown, actual }, o)), `${slug} against earlier snapshots of ${year}`).toEqual([]);
          published.set(year, [...others, { shown, actual }]);
          contents.set(year, [...(contents.get(year) ?? []), { slug, threshold, filter, shown: content, actual: raw }]);
          expect(recoverableAcross(contents.get(year)!, regionsOf), `${slug} read with every earlier snapshot of ${year}`).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // most scopes were published, in every year
    expect([...published.values()].flat().length).toBeGreaterThan(RUNS / 3);
  }, 900_000);
});

/** What one snapshot gives away of the other: a figure hidden there that is shown here, or a small difference. */
function acrossSnapshots(a: { shown: PublishedFigures; actual: PublishedFigures }, b: { shown: PublishedFigures; actual: PublishedFigures }): string[] {
  const found: string[] = [];
  const limit = Math.max(a.shown.threshold, b.shown.threshold);
  const small = (x: number, y: number) => x !== y && Math.abs(x - y) < limit;
  if (small(a.shown.total, b.shown.total)) found.push(`totals ${a.shown.total} and ${b.shown.total} (${b.shown.slug})`);
  for (const [id, x] of a.shown.cells) {
    if (!b.shown.cells.has(id)) continue;
    const y = b.shown.cells.get(id)!;
    if (x !== null && y !== null && small(x, y)) found.push(`${id}: ${x} here, ${y} in ${b.shown.slug}`);
    // hidden in one and shown, at its figure, in another at least as strict
    for (const [hider, shower, figure] of [[a, b, y], [b, a, x]] as const) {
      if (hider.shown.cells.get(id) === null && figure !== null && shower.shown.threshold >= hider.shown.threshold && hider.actual.cells.get(id) === figure) {
        found.push(`${id}: hidden in ${hider.shown.slug}, shown as ${figure} in ${shower.shown.slug}`);
      }
    }
  }
  return found;
}

/** Cells of the JSON as the CSV writes them: a figure, or "< threshold" for a hidden one. */
function jsonCells(figures: PublishedFigures, threshold: number): Record<string, string> {
  return Object.fromEntries([...figures.cells].filter(([id]) => !id.startsWith('case:')).map(([id, v]) => [id, v === null ? `< ${threshold}` : String(v)]));
}

/** Cells of the CSV: section and key first, actions and reports last (a label may hold commas). */
function csvCells(csv: string): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const line of csv.trim().split('\r\n').slice(1)) {
    const fields = line.split(',');
    const breakdown = CSV_SECTIONS[fields[0]];
    if (breakdown) cells[`${breakdown}:${fields[1]}`] = fields[fields.length - 2];
  }
  return cells;
}
