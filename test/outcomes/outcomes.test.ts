import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;

const MONTH = 30.4375;
const c = (slug: string, outcomes: { date: string; kind: string }[] = []) => ({
  slug, name: slug, country: 'MX', theme: 'OTHER', outcomes: outcomes.map((o) => ({ ...o, note: '' })),
});

/*
 * 2022 (writing starts 2022-11-20): 4 cases, 2 with a positive outcome, after 30 and 60 days
 * 2023 (writing starts 2023-11-20): 3 cases, 2 with a positive outcome, after 0 and 365 days
 * 2024: 2 cases, none
 */
beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(
    db.dataSource,
    campaign(2022, {
      writingStarts: '2022-11-20',
      cases: [
        // released before the campaign: context, not a result
        c('before-only', [{ date: '2022-06-01', kind: 'RELEASED' }]),
        c('setbacks-only', [{ date: '2023-01-10', kind: 'SETBACK' }, { date: '2023-02-01', kind: 'OTHER' }]),
        // two positives: the first one counts (60 days after 2022-11-20)
        c('two-positives', [{ date: '2023-05-01', kind: 'RELEASED' }, { date: '2023-01-19', kind: 'CHARGES_DROPPED' }]),
        // a positive before the campaign does not start the clock: 30 days
        c('before-and-after', [{ date: '2022-10-01', kind: 'RELEASED' }, { date: '2022-12-20', kind: 'ACQUITTED' }]),
      ],
    }),
    campaign(2023, {
      writingStarts: '2023-11-20',
      cases: [
        // on the first day of writing counts: 0 days
        c('same-day', [{ date: '2023-11-20', kind: 'SENTENCE_REDUCED' }]),
        c('nothing'),
        // 2023-11-20 to 2024-11-19 is 365 days (29 February 2024 included)
        c('a-year-later', [{ date: '2023-12-01', kind: 'SETBACK' }, { date: '2024-11-19', kind: 'JUSTICE_PROGRESS' }]),
      ],
    }),
    campaign(2024),
  );
  app = await startApp(db.dataSource);
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const SUMMARY = `query ($years: [Int!]) {
  outcomeSummary(years: $years) {
    casesFeatured casesWithPositiveOutcome share medianMonthsToFirstPositive
    byYear { year casesFeatured casesWithPositiveOutcome share medianMonthsToFirstPositive }
  }
}`;

describe('Query.outcomeSummary', () => {
  it('counts positive outcomes on or after writingStarts across all campaigns, with the median in months', async () => {
    const { data, errors } = await app.graphql(SUMMARY);
    expect(errors).toBeUndefined();
    const s = data.outcomeSummary;
    expect(s.casesFeatured).toBe(9);
    expect(s.casesWithPositiveOutcome).toBe(4);
    expect(s.share).toBeCloseTo(4 / 9, 12);
    // days 0, 30, 60, 365: the median is (30 + 60) / 2 = 45 days
    expect(s.medianMonthsToFirstPositive).toBeCloseTo(45 / MONTH, 12);
    expect(s.byYear.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024]);
  });

  it('ignores outcomes before the campaign and setbacks; counts a case once, from its first positive outcome', async () => {
    const { data } = await app.graphql(SUMMARY, { years: [2022] });
    expect(data.outcomeSummary.casesFeatured).toBe(4);
    expect(data.outcomeSummary.casesWithPositiveOutcome).toBe(2);
    expect(data.outcomeSummary.share).toBe(0.5);
    expect(data.outcomeSummary.medianMonthsToFirstPositive).toBeCloseTo(45 / MONTH, 12);
  });

  it('restricts to the given years and breaks them down oldest first', async () => {
    const { data } = await app.graphql(SUMMARY, { years: [2024, 2023] });
    const s = data.outcomeSummary;
    expect(s.casesFeatured).toBe(5);
    expect(s.casesWithPositiveOutcome).toBe(2);
    expect(s.share).toBeCloseTo(2 / 5, 12);
    expect(s.medianMonthsToFirstPositive).toBeCloseTo(182.5 / MONTH, 12);
    expect(s.byYear).toEqual([
      { year: 2023, casesFeatured: 3, casesWithPositiveOutcome: 2, share: expect.closeTo(2 / 3, 12), medianMonthsToFirstPositive: expect.closeTo(182.5 / MONTH, 12) },
      { year: 2024, casesFeatured: 2, casesWithPositiveOutcome: 0, share: 0, medianMonthsToFirstPositive: null },
    ]);
  });

  it('gives a null median when no case has a positive outcome, and nothing for an empty list of years', async () => {
    const { data } = await app.graphql(`{
      none: outcomeSummary(years: [2024]) { casesFeatured casesWithPositiveOutcome share medianMonthsToFirstPositive }
      empty: outcomeSummary(years: []) { casesFeatured casesWithPositiveOutcome share medianMonthsToFirstPositive byYear { year } }
      unknown: outcomeSummary(years: [1999]) { casesFeatured byYear { year } }
    }`);
    expect(data.none).toEqual({ casesFeatured: 2, casesWithPositiveOutcome: 0, share: 0, medianMonthsToFirstPositive: null });
    expect(data.empty).toEqual({ casesFeatured: 0, casesWithPositiveOutcome: 0, share: 0, medianMonthsToFirstPositive: null, byYear: [] });
    expect(data.unknown).toEqual({ casesFeatured: 0, byYear: [] });
  });
});

describe('Case.firstPositiveOutcome', () => {
  it('is the earliest positive outcome on or after writingStarts, null for setbacks or earlier outcomes only', async () => {
    const { data, errors } = await app.graphql(`{
      campaign(year: 2022) { cases { slug firstPositiveOutcome { date kind positive } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.campaign.cases).toEqual([
      { slug: 'before-only', firstPositiveOutcome: null },
      { slug: 'setbacks-only', firstPositiveOutcome: null },
      { slug: 'two-positives', firstPositiveOutcome: { date: '2023-01-19', kind: 'CHARGES_DROPPED', positive: true } },
      { slug: 'before-and-after', firstPositiveOutcome: { date: '2022-12-20', kind: 'ACQUITTED', positive: true } },
    ]);
  });

  /** The case ids of each firstPositiveOutcome query the request made. */
  async function outcomeBatches(query: string): Promise<{ data: any; batches: number[][] }> {
    const spy = vi.spyOn(app.readPool, 'query'); // reads run on the app's read pool
    try {
      const { data, errors } = await app.graphql(query);
      expect(errors).toBeUndefined();
      const batches = spy.mock.calls
        .filter(([sql]) => String(sql).includes('case_outcome'))
        .map(([, params]) => (params as unknown[])[0] as number[]);
      return { data, batches };
    } finally {
      spy.mockRestore();
    }
  }

  it('loads the first positive outcomes of all the cases of a list in one query', async () => {
    const { data, batches } = await outcomeBatches(`{ campaigns { year cases { slug firstPositiveOutcome { date } } } }`);
    expect(data.campaigns.flatMap((k: { cases: unknown[] }) => k.cases)).toHaveLength(9);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(9);
  });

  it('asks for each case at most once per request, however many fields reach it', async () => {
    const { data, batches } = await outcomeBatches(`{
      campaigns { cases { firstPositiveOutcome { date } } }
      again: campaign(year: 2023) { cases { firstPositiveOutcome { kind } } }
    }`);
    expect(data.again.cases.map((k: { firstPositiveOutcome: { kind: string } | null }) => k.firstPositiveOutcome?.kind ?? null))
      .toEqual(['SENTENCE_REDUCED', null, 'JUSTICE_PROGRESS']);
    // one batch per root field at most (they resolve their cases at different ticks), never one per case
    expect(batches.length).toBeLessThanOrEqual(2);
    const ids = batches.flat();
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
  });
});
