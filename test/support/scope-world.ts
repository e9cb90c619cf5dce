import type { DataSource } from 'typeorm';
import type { ReportRow } from '../../server/modules/reports/report-row';
import { ROLLUP_TABLES } from '../../server/modules/rollups/rollup-tables';
import { campaign, givenCampaigns, givenReports } from './fixtures';
import type { RunningApp } from './http';

/**
 * Demo-like data for the scope fuzzer: five regions, each with words, refs, report ids,
 * subdivisions and counts that occur nowhere else, so any of them in a coordinator's answer is a
 * leak. The coordinator's own region (Americas) has small counts (1..60); every other region's
 * report counts 300,000 or more, so a figure of 250,000 or more seen by the coordinator includes
 * another region. Groups that report in two regions ("travelling" groups) have neutral names: the
 * coordinator may see them, but not where else they reported.
 */
export const OWN_REGION = 'Americas';
export const BIG = 250_000;
export const YEARS = [2024, 2025, 2026];

interface Area {
  region: string;
  /** A word in every group name of the region. */
  word: string;
  /** Prefix of every ref and report id of the region. */
  code: string;
  countries: { code: string; name: string; subdivisions: string[] }[];
}

export const AREAS: Area[] = [
  { region: 'Americas', word: 'Condor', code: 'CDR', countries: [
    { code: 'US', name: 'United States', subdivisions: ['US-IL', 'US-NY'] },
    { code: 'CA', name: 'Canada', subdivisions: ['CA-ON'] },
    { code: 'MX', name: 'Mexico', subdivisions: [] },
  ] },
  { region: 'Europe and Central Asia', word: 'Edelweiss', code: 'EDW', countries: [
    { code: 'DE', name: 'Germany', subdivisions: ['DE-BY', 'DE-BE'] },
    { code: 'CH', name: 'Switzerland', subdivisions: ['CH-ZH'] },
  ] },
  { region: 'Asia-Pacific', word: 'Kookaburra', code: 'KKB', countries: [
    { code: 'AU', name: 'Australia', subdivisions: ['AU-NSW'] },
    { code: 'JP', name: 'Japan', subdivisions: ['JP-13'] },
  ] },
  { region: 'Africa', word: 'Baobab', code: 'BAO', countries: [
    { code: 'ZA', name: 'South Africa', subdivisions: ['ZA-GP'] },
    { code: 'KE', name: 'Kenya', subdivisions: [] },
  ] },
  { region: 'Middle East and North Africa', word: 'Cedrus', code: 'CED', countries: [
    { code: 'MA', name: 'Morocco', subdivisions: [] },
    { code: 'TN', name: 'Tunisia', subdivisions: [] },
  ] },
];

/** Cases are in countries where nobody writes from, so their codes never look like a leak. */
export const CASES = [
  { slug: 'ana-ruiz', name: 'Ana Ruiz', country: 'VE', theme: 'HUMAN_RIGHTS_DEFENDER' },
  { slug: 'li-wen', name: 'Li Wen', country: 'CN', theme: 'PRISONER_OF_CONSCIENCE' },
  { slug: 'rio-bravo', name: 'Río Bravo community', country: 'GT', theme: 'COMMUNITY' },
];
const GROUP_TYPES = ['LOCAL_GROUP', 'STUDENT_GROUP', 'SCHOOL', 'FAITH_GROUP'] as const;
const ACTION_TYPES = ['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION'] as const;

export interface KnownGroup {
  ref: string;
  name: string;
  type: string;
  /** Regions it has reported in. */
  regions: Set<string>;
  id?: string;
}

export interface Place {
  region: string;
  country: string;
  subdivision: string | null;
}

/** What the fuzzer knows of the data, as staff would: every id, ref and name, by region. */
export class ScopeWorld {
  groups = new Map<string, KnownGroup>();
  /** reportId -> region */
  reports = new Map<string, string>();
  /** internal report id -> where and by whom */
  stored = new Map<string, { region: string; year: number; groupRef: string | null }>();
  /** reportIds of reports that staff corrected or retracted */
  changed: string[] = [];
  caseIds: string[] = [];
  /** Counts of other regions' reports: each occurs once. */
  bigCounts = new Set<number>();
  private serial = 0;
  private nextBig = 300_007;

  /** A count that occurs nowhere else: small for the coordinator's region, big and unique elsewhere. */
  count(region: string, small: number): number {
    if (region === OWN_REGION) return small;
    this.nextBig += 7919;
    if (this.nextBig > 990_000) this.nextBig = 300_011 + (this.nextBig % 977);
    this.bigCounts.add(this.nextBig);
    return this.nextBig;
  }

  reportId(region: string, what = 'R'): string {
    return `${area(region).code}-${what}${++this.serial}`;
  }

  place(region: string, pick: number): Place {
    const countries = area(region).countries;
    const country = countries[pick % countries.length];
    const subdivision = country.subdivisions.length && pick % 3 !== 2 ? country.subdivisions[pick % country.subdivisions.length] : null;
    return { region, country: country.code, subdivision };
  }

  /** A report row of this group (or an individual) in this region. */
  row(region: string, year: number, pick: number, group: KnownGroup | null): ReportRow {
    // 21 November to 5 December: within writing, and before today in the running campaign
    const day = new Date(Date.UTC(year, 10, 21 + (pick * 7) % 15)).toISOString().slice(0, 10);
    return {
      reportId: this.reportId(region),
      year,
      caseSlug: CASES[pick % CASES.length].slug,
      groupRef: group?.ref ?? null,
      groupName: group?.name ?? null,
      groupType: (group?.type ?? null) as ReportRow['groupType'],
      actionType: ACTION_TYPES[pick % ACTION_TYPES.length],
      count: this.count(region, 1 + (pick * 13) % 60),
      writtenOn: null,
      reportedAt: `${day}T1${pick % 10}:00:00Z`,
      ...this.place(region, pick),
    };
  }

  remember(row: ReportRow): void {
    this.reports.set(row.reportId, row.region);
    if (row.groupRef) this.groups.get(row.groupRef)?.regions.add(row.region);
  }

  /** Strings that must never reach a coordinator of OWN_REGION. */
  markers(): string[] {
    const others = AREAS.filter((a) => a.region !== OWN_REGION);
    return [
      ...others.flatMap((a) => [a.region, a.word, `${a.code}-`, ...a.countries.flatMap((c) => [c.name, ...c.subdivisions])]),
      ...[...this.reports].filter(([, region]) => region !== OWN_REGION).map(([reportId]) => reportId),
    ];
  }

  /** Country codes of other regions: a leak only as a whole string value (they are two letters). */
  otherCountries(): Set<string> {
    return new Set(AREAS.filter((a) => a.region !== OWN_REGION).flatMap((a) => a.countries.map((c) => c.code)));
  }

  /** Internal ids of other regions' reports. */
  otherReportIds(): Set<string> {
    return new Set([...this.stored].filter(([, r]) => r.region !== OWN_REGION).map(([id]) => id));
  }

  /** Ids of groups that never reported in OWN_REGION. */
  otherGroupIds(): Set<string> {
    return new Set([...this.groups.values()].filter((g) => g.id && !g.regions.has(OWN_REGION)).map((g) => g.id!));
  }
}

export function area(region: string): Area {
  return AREAS.find((a) => a.region === region)!;
}

/**
 * Loads the world through the real write paths: campaigns from a campaign file, most reports as
 * an import, some through submitReport, and corrections and retractions by staff over GraphQL,
 * among them corrections that move an Americas report to another region and back.
 */
export async function buildScopeWorld(db: DataSource, app: RunningApp): Promise<ScopeWorld> {
  const world = new ScopeWorld();
  await givenCampaigns(db, ...YEARS.map((year) => campaign(year, {
    goal: 20_000,
    writingStarts: `${year}-11-20`,
    cases: CASES.map((c) => ({ ...c, summary: `${c.name} (${year})`, outcomes: [{ date: `${year + 1}-03-01`, kind: 'RELEASED', note: 'Released' }] })),
  })));
  const rows: ReportRow[] = [];
  for (const a of AREAS) {
    for (let i = 1; i <= 8; i++) {
      const group: KnownGroup = { ref: `${a.code}-G${i}`, name: `${a.word} circle ${i}`, type: GROUP_TYPES[i % GROUP_TYPES.length], regions: new Set() };
      world.groups.set(group.ref, group);
      // every group reported in 2024; half of them again in 2025 and 2026 (the others are "not yet reported")
      for (const year of i % 2 ? YEARS : [2024]) rows.push(world.row(a.region, year, i + year, group), world.row(a.region, year, i * 3 + year, group));
    }
    for (let i = 0; i < 4; i++) rows.push(world.row(a.region, YEARS[i % 3], i, null));
  }
  // travelling groups: based in the Americas or elsewhere, reporting in both, latest elsewhere
  for (const [i, other] of AREAS.filter((a) => a.region !== OWN_REGION).entries()) {
    const group: KnownGroup = { ref: `TRV-${i + 1}`, name: `Travelling circle ${i + 1}`, type: 'EVENT', regions: new Set() };
    world.groups.set(group.ref, group);
    rows.push(world.row(OWN_REGION, 2024, i, group), world.row(other.region, 2025, i, group), world.row(other.region, 2026, i + 1, group));
    if (i % 2) rows.push(world.row(OWN_REGION, 2026, i + 2, group));
  }
  await givenReports(db, rows);
  rows.forEach((row) => world.remember(row));

  // a few through the form path, as staff
  for (const a of AREAS) {
    const row = world.row(a.region, 2026, 5, world.groups.get(`${a.code}-G2`)!);
    await staffWrite(app, `mutation($input: ReportInput!) { submitReport(input: $input) { id } }`, { input: reportInput(row) });
    world.remember(row);
  }
  const idOf = new Map((await everyReport(app)).map((r) => [r.reportId, r.id]));
  // corrections: Americas -> another region, and another region -> Americas; retractions everywhere
  const own = rows.filter((r) => r.region === OWN_REGION && r.groupRef);
  for (const [i, other] of AREAS.filter((a) => a.region !== OWN_REGION).entries()) {
    const from = own[i * 3];
    const moved = { ...world.row(other.region, from.year, i + 40, world.groups.get(from.groupRef!)!), reportId: world.reportId(other.region, 'FIX') };
    await staffWrite(app, `mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "wrong region") { id } }`,
      { id: idOf.get(from.reportId), input: reportInput(moved) });
    world.remember(moved);
    const back = rows.find((r) => r.region === other.region && r.groupRef)!;
    const home = { ...world.row(OWN_REGION, back.year, i + 50, null), reportId: world.reportId(OWN_REGION, 'FIX') };
    await staffWrite(app, `mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input) { id } }`,
      { id: idOf.get(back.reportId), input: reportInput(home) });
    world.remember(home);
    const gone = rows.filter((r) => r.region === other.region)[5];
    await staffWrite(app, `mutation($id: ID!) { retractReport(id: $id, reason: "duplicate") { id } }`, { id: idOf.get(gone.reportId) });
    world.changed.push(from.reportId, back.reportId, gone.reportId);
  }
  await staffWrite(app, `mutation($id: ID!) { retractReport(id: $id, reason: "duplicate") { id } }`, { id: idOf.get(own[1].reportId) });
  world.changed.push(own[1].reportId);

  await readIds(app, world);
  return world;
}

interface StoredReport {
  id: string;
  reportId: string;
  year: number;
  region: string;
  group: { id: string; ref: string } | null;
}

/** Every stored report, of any status, as staff see them. */
async function everyReport(app: RunningApp): Promise<StoredReport[]> {
  const all: StoredReport[] = [];
  let after: string | null = null;
  do {
    const { recentReports: page } = await staffWrite(app, `query($after: String) { recentReports(first: 100, after: $after) {
      edges { node { id reportId year region group { id ref } } } pageInfo { hasNextPage endCursor } } }`, { after });
    all.push(...page.edges.map((e: { node: StoredReport }) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return all;
}

/** Internal ids of every report, group and case, as staff see them. */
export async function readIds(app: RunningApp, world: ScopeWorld): Promise<void> {
  for (const node of await everyReport(app)) {
    world.stored.set(node.id, { region: node.region, year: node.year, groupRef: node.group?.ref ?? null });
    world.reports.set(node.reportId, node.region);
    if (node.group) world.groups.get(node.group.ref)!.id = node.group.id;
  }
  const cases = await staffWrite(app, `{ campaigns { cases { id } } }`);
  world.caseIds = cases.campaigns.flatMap((c: { cases: { id: string }[] }) => c.cases.map((k) => k.id));
}

export function reportInput(row: ReportRow): Record<string, unknown> {
  const { groupRef, groupName, groupType, writtenOn, subdivision, ...rest } = row;
  return { ...rest, ...(groupRef && { groupRef, groupName, groupType }), ...(subdivision && { subdivision }), ...(writtenOn && { writtenOn }) };
}

/** A request as the test's admin that must succeed. */
export async function staffWrite(app: RunningApp, query: string, variables?: Record<string, unknown>): Promise<any> {
  const { data, errors } = await app.graphql(query, variables);
  if (errors) throw new Error(`${query}: ${JSON.stringify(errors)}`);
  return data;
}

/**
 * A fingerprint of everything a coordinator of OWN_REGION must not change: other regions' reports
 * and summary rows, groups based elsewhere or with reports elsewhere, and everything that belongs
 * to no region (campaigns, cases, outcomes, users, snapshots).
 */
export async function othersChecksum(db: DataSource): Promise<string> {
  const parts = [
    `SELECT * FROM letter_report WHERE region <> $1`,
    // a table without the region (rollup_group) sums every region's rows: kept exact by verify
    ...ROLLUP_TABLES.filter((t) => t.dimensions.includes('region')).map((t) => `SELECT * FROM ${t.name} WHERE region <> $1`),
    `SELECT id, ref, name, type, country, region, subdivision FROM writing_group g
     WHERE region IS DISTINCT FROM $1 OR EXISTS (SELECT 1 FROM letter_report r WHERE r.group_id = g.id AND r.region <> $1)`,
    `SELECT * FROM campaign`,
    `SELECT * FROM "case"`,
    `SELECT * FROM case_outcome`,
    `SELECT id, email, role, regions, disabled FROM app_user`,
    `SELECT * FROM snapshot`,
  ];
  const sql = parts.map((p) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM (${p}) t)`).join(` || '/' || `);
  const [{ sum }] = await db.query(`SELECT ${sql} AS sum`, [OWN_REGION]);
  return sum;
}
