import type { GroupType } from '../server/modules/groups/group.enums';
import type { ReportRow } from '../server/modules/reports/report-row';
import type { ActionType } from '../server/modules/reports/report.enums';
import { DEMO_COUNTRIES, type DemoCountry } from './areas';

/**
 * A deterministic generator of letter reports with the shape of a real campaign: writing peaks
 * around Human Rights Day (10 December) and reports trail in until the deadline; group sizes follow a
 * power law; a few cases draw most actions; schools write letters and cards, online groups sign
 * petitions. The same seed always gives the same rows.
 */
export interface GeneratorCampaign {
  year: number;
  writingStarts: string;
  writingEnds: string;
  reportingDeadline: string;
  cases: { slug: string }[];
  /** Actions to generate for this year. */
  targetActions: number;
}

export interface GeneratorOptions {
  seed?: number;
  /** Size of the pool of groups that reports come from, shared across years. */
  groups?: number;
  /** Share of reports sent by individuals without a group. */
  anonymousShare?: number;
  /** Multiplies every group's size: larger groups give fewer, bigger reports. */
  sizeFactor?: number;
  /**
   * Only reports made by this instant: a campaign as far as it has got. The rows before it are the
   * same as without it (the whole campaign is drawn, later rows are left out).
   */
  until?: Date;
}

interface GroupProfile {
  ref: string;
  name: string;
  type: GroupType;
  country: DemoCountry;
  subdivision: string | null;
  city: string;
  size: number; // typical actions per campaign
  firstYear: number;
  loyalty: number; // chance of taking part in a given year
}

const GROUP_TYPE_WEIGHTS: [GroupType, number][] = [
  ['LOCAL_GROUP', 30],
  ['STUDENT_GROUP', 18],
  ['SCHOOL', 16],
  ['INDIVIDUAL', 14],
  ['FAITH_GROUP', 8],
  ['COMMUNITY_ORGANISATION', 6],
  ['EVENT', 6],
  ['ONLINE', 2],
];

const ACTIONS_BY_GROUP_TYPE: Record<GroupType, [ActionType, number][]> = {
  LOCAL_GROUP: [['LETTER', 50], ['SOLIDARITY', 15], ['PETITION', 15], ['EMAIL', 10], ['FAX', 2], ['SMS', 3], ['SOCIAL', 5]],
  STUDENT_GROUP: [['LETTER', 40], ['SOLIDARITY', 20], ['PETITION', 15], ['SOCIAL', 15], ['EMAIL', 10]],
  SCHOOL: [['LETTER', 55], ['SOLIDARITY', 35], ['OTHER', 10]],
  INDIVIDUAL: [['LETTER', 45], ['EMAIL', 25], ['SOLIDARITY', 15], ['SOCIAL', 10], ['SMS', 5]],
  FAITH_GROUP: [['LETTER', 55], ['SOLIDARITY', 35], ['PETITION', 10]],
  COMMUNITY_ORGANISATION: [['LETTER', 40], ['PETITION', 30], ['SOLIDARITY', 15], ['EMAIL', 15]],
  EVENT: [['LETTER', 45], ['SOLIDARITY', 25], ['PETITION', 25], ['OTHER', 5]],
  ONLINE: [['PETITION', 45], ['EMAIL', 30], ['SOCIAL', 20], ['SMS', 5]],
};

const SIZE_BY_GROUP_TYPE: Record<GroupType, { min: number; alpha: number; max: number }> = {
  LOCAL_GROUP: { min: 40, alpha: 1.4, max: 20_000 },
  STUDENT_GROUP: { min: 30, alpha: 1.6, max: 5_000 },
  SCHOOL: { min: 60, alpha: 1.5, max: 8_000 },
  INDIVIDUAL: { min: 3, alpha: 2.0, max: 200 },
  FAITH_GROUP: { min: 30, alpha: 1.7, max: 3_000 },
  COMMUNITY_ORGANISATION: { min: 40, alpha: 1.5, max: 10_000 },
  EVENT: { min: 50, alpha: 1.4, max: 15_000 },
  ONLINE: { min: 500, alpha: 1.2, max: 200_000 },
};

const NAME_PATTERNS: Record<GroupType, (city: string, n: number) => string> = {
  LOCAL_GROUP: (city, n) => `Amnesty ${city} Group ${n}`,
  STUDENT_GROUP: (city, n) => `${city} University Amnesty Society${n > 1 ? ` ${n}` : ''}`,
  SCHOOL: (city, n) => `${city} High School ${n} Human Rights Club`,
  INDIVIDUAL: (city, n) => `Letter-writer ${n} (${city})`,
  FAITH_GROUP: (city, n) => `${city} Unitarian Fellowship ${n}`,
  COMMUNITY_ORGANISATION: (city, n) => `${city} Community Centre ${n}`,
  EVENT: (city, n) => `Write-a-thon ${city} ${n}`,
  ONLINE: (city, n) => `Online action team ${city} ${n}`,
};

/** mulberry32: small, fast and deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

function pareto(rand: () => number, min: number, alpha: number, max: number): number {
  return Math.min(max, min / Math.pow(1 - rand(), 1 / alpha));
}

/** A standard normal deviate (Box-Muller). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function buildGroups(options: GeneratorOptions, firstYear: number, lastYear: number): GroupProfile[] {
  const rand = random((options.seed ?? 2001) ^ 0x9e3779b9);
  const countryWeights = DEMO_COUNTRIES.map((c) => [c, c.weight] as [DemoCountry, number]);
  const counters = new Map<string, number>();
  const groups: GroupProfile[] = [];
  for (let i = 0; i < (options.groups ?? 4000); i++) {
    const type = pick(rand, GROUP_TYPE_WEIGHTS);
    const country = pick(rand, countryWeights);
    const city = country.cities[Math.floor(rand() * country.cities.length)];
    const subdivision =
      country.subdivisions.length && rand() < 0.85
        ? country.subdivisions[Math.floor(rand() * country.subdivisions.length)]
        : null;
    const key = `${type}:${city}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const s = SIZE_BY_GROUP_TYPE[type];
    groups.push({
      ref: `${country.code}-${String(i + 1).padStart(6, '0')}`,
      name: NAME_PATTERNS[type](city, n),
      type,
      country,
      subdivision,
      city,
      size: pareto(rand, s.min, s.alpha, s.max) * (options.sizeFactor ?? 1),
      // groups join over the years, so the pool grows like the campaign did
      firstYear: firstYear + Math.floor(Math.pow(rand(), 1.5) * (lastYear - firstYear + 1)),
      loyalty: 0.55 + rand() * 0.4,
    });
  }
  return groups;
}

/** Yields every report of one campaign until its target number of actions is reached. */
export function* generateCampaignReports(
  campaign: GeneratorCampaign,
  groups: GroupProfile[],
  options: GeneratorOptions = {},
): Generator<ReportRow> {
  const rand = random((options.seed ?? 2001) * 7919 + campaign.year);
  const anonymousShare = options.anonymousShare ?? 0.12;
  const starts = utc(campaign.writingStarts);
  const ends = utc(campaign.writingEnds);
  const deadline = utc(campaign.reportingDeadline);
  const peak = utc(`${campaign.year}-12-10`);
  // A few cases draw most actions (Zipf over a per-year order of the cases).
  const caseOrder = [...campaign.cases].sort(() => rand() - 0.5);
  const caseWeights = caseOrder.map((k, i) => [k.slug, 1 / Math.pow(i + 1, 0.9)] as [string, number]);
  const active = groups.filter((g) => g.firstYear <= campaign.year);
  const until = options.until?.getTime() ?? Infinity;
  const made = (r: ReportRow) => Date.parse(r.reportedAt) <= until;
  let produced = 0;
  let serial = 0;

  const writtenAt = () => {
    // writing clusters around 10 December, never outside the writing window
    const t = peak + normal(rand) * 8 * DAY;
    return Math.min(ends, Math.max(starts, t));
  };
  const reportedAt = (written: number) => {
    const lag = -Math.log(1 - rand()) * 9 * DAY;
    const late = rand() < 0.015 ? rand() * 20 * DAY : 0; // a few stragglers after the deadline
    return Math.min(written + lag, deadline + DAY - 1) + late + Math.floor(rand() * 14 * 3_600_000) + 8 * 3_600_000;
  };
  const row = (g: GroupProfile | null, country: DemoCountry, subdivision: string | null, caseSlug: string,
    actionType: ActionType, count: number, written: number): ReportRow => ({
    reportId: `W4R-${campaign.year}-${String(++serial).padStart(8, '0')}`,
    year: campaign.year,
    caseSlug,
    groupRef: g?.ref ?? null,
    groupName: g?.name ?? null,
    groupType: g?.type ?? null,
    actionType,
    count: Math.max(1, Math.min(1_000_000, Math.round(count))),
    writtenOn: rand() < 0.7 ? isoDate(written) : null,
    reportedAt: new Date(Math.floor(reportedAt(written) / 1000) * 1000).toISOString(),
    country: country.code,
    region: country.region,
    subdivision,
  });

  while (produced < campaign.targetActions) {
    if (rand() < anonymousShare) {
      // an individual without a group: a handful of letters on one or two cases
      const country = pick(rand, DEMO_COUNTRIES.map((c) => [c, c.weight] as [DemoCountry, number]));
      const subdivision = country.subdivisions.length && rand() < 0.6
        ? country.subdivisions[Math.floor(rand() * country.subdivisions.length)] : null;
      const r = row(null, country, subdivision, pick(rand, caseWeights), pick(rand, ACTIONS_BY_GROUP_TYPE.INDIVIDUAL),
        1 + Math.floor(rand() * 6), writtenAt());
      produced += r.count;
      if (made(r)) yield r;
      continue;
    }
    const g = active[Math.floor(rand() * active.length)];
    if (rand() > g.loyalty) continue;
    // this group's campaign: its size this year, spread over the cases it takes up
    const total = g.size * (0.6 + rand() * 0.8);
    const caseCount = Math.max(1, Math.min(caseWeights.length, Math.round(1 + rand() * caseWeights.length)));
    const chosen = new Set<string>();
    while (chosen.size < caseCount) chosen.add(pick(rand, caseWeights));
    const written = writtenAt();
    for (const slug of chosen) {
      const share = (total / caseCount) * (0.5 + rand());
      const types = rand() < 0.35 ? 2 : 1;
      for (let t = 0; t < types; t++) {
        const r = row(g, g.country, g.subdivision, slug, pick(rand, ACTIONS_BY_GROUP_TYPE[g.type]), share / types,
          written + Math.floor(rand() * 3) * DAY);
        produced += r.count;
        if (made(r)) yield r;
      }
    }
  }
}
