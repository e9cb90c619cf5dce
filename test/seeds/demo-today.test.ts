import { describe, expect, it } from 'vitest';
import { demoData } from '../../seeds/demo';
import { runningCampaign } from '../../seeds/demo-calendar';
import type { ReportRow } from '../../server/modules/reports/report-row';

// The demo as it stands on a given day: the campaign running that day (with placeholder cases when
// its real ones are not in seeds/campaigns.json) as far as it has got, or the latest finished one.

const SCALE = 0.05;
const at = (instant: string) => new Date(instant);
const sum = (rows: ReportRow[]) => rows.reduce((s, r) => s + r.count, 0);
const byYear = (rows: ReportRow[], year: number) => rows.filter((r) => r.year === year);

function demoOn(now: Date) {
  const demo = demoData({ scale: SCALE, now });
  return { campaigns: demo.campaigns, rows: [...demo.reports()] };
}

const whole = demoData({ scale: SCALE });
const wholeRows = [...whole.reports()];

describe('the demo on a given day', () => {
  it('on 6 December 2026: this season under way with labelled placeholder cases, up to now and no later', () => {
    const now = at('2026-12-06T15:30:00Z');
    const { campaigns, rows } = demoOn(now);
    expect(campaigns.map((c) => c.year)).toEqual([...whole.campaigns.map((c) => c.year), 2026]);
    const current = campaigns.at(-1)!;
    expect(runningCampaign(campaigns, now)?.year).toBe(2026);
    expect(current.name).toContain('placeholder');
    expect(current.cases.length).toBeGreaterThan(0);
    for (const k of current.cases) {
      expect(k.name).toMatch(/^Demo case \d+ \(placeholder\)$/);
      expect(k.summary).toContain('Not a real person');
      expect(k.outcomes).toEqual([]);
    }
    for (const r of rows) expect(Date.parse(r.reportedAt)).toBeLessThanOrEqual(now.getTime());
    expect(byYear(rows, 2026).length).toBeGreaterThan(0);
    expect(new Set(byYear(rows, 2026).map((r) => r.caseSlug))).toEqual(new Set(current.cases.map((k) => k.slug)));
  });

  it('draws the running campaign where last year stood on the same campaign day', () => {
    const share = (year: number, now: Date) => {
      const upTo = sum(byYear(demoOn(now).rows, year));
      const final = sum(byYear(demoOn(at(`${year + 1}-06-01T00:00:00Z`)).rows, year));
      return upTo / final;
    };
    const thisYear = share(2026, at('2026-12-06T12:00:00Z'));
    const lastYear = share(2025, at('2025-12-06T12:00:00Z'));
    expect(thisYear).toBeGreaterThan(0.05);
    expect(thisYear).toBeLessThan(0.6);
    expect(Math.abs(thisYear - lastYear)).toBeLessThan(0.1);
  });

  it('keeps past years as they are: the same rows as the whole file', () => {
    const { campaigns, rows } = demoOn(at('2026-12-06T15:30:00Z'));
    expect(campaigns.slice(0, whole.campaigns.length)).toEqual(whole.campaigns);
    expect(rows.filter((r) => r.year <= 2025)).toEqual(wholeRows);
  });

  it('is deterministic for a given instant', () => {
    const now = at('2027-01-10T09:00:00Z');
    expect(demoOn(now).rows).toEqual(demoOn(now).rows);
  });

  it('in January the campaign of the season before is still taking reports', () => {
    const now = at('2027-01-20T12:00:00Z');
    const { campaigns, rows } = demoOn(now);
    expect(runningCampaign(campaigns, now)?.year).toBe(2026);
    expect(campaigns.at(-1)!.year).toBe(2026);
    // most of it is in by now, against a sixth or so on 6 December
    expect(sum(byYear(rows, 2026))).toBeGreaterThan(3 * sum(byYear(demoOn(at('2026-12-06T12:00:00Z')).rows, 2026)));
  });

  it('between February and the autumn: the latest finished campaign, nothing running', () => {
    for (const [day, latest] of [['2026-06-15', 2025], ['2026-11-19', 2025], ['2027-03-01', 2026], ['2027-09-30', 2026]] as const) {
      const now = at(`${day}T12:00:00Z`);
      const { campaigns, rows } = demoOn(now);
      expect(campaigns.at(-1)!.year, day).toBe(latest);
      expect(runningCampaign(campaigns, now), day).toBeNull();
      for (const r of rows) expect(Date.parse(r.reportedAt)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('a campaign starts on 20 November', () => {
    const now = at('2026-11-20T10:00:00Z');
    const { campaigns } = demoOn(now);
    expect(runningCampaign(campaigns, now)?.year).toBe(2026);
  });

  it('on a day of a campaign in the file, that campaign runs and no placeholder is added', () => {
    const now = at('2025-12-06T12:00:00Z');
    const { campaigns, rows } = demoOn(now);
    expect(campaigns.at(-1)!.year).toBe(2025);
    expect(runningCampaign(campaigns, now)?.name).toBe('Write for Rights 2025');
    expect(campaigns.some((c) => c.name.includes('placeholder'))).toBe(false);
    expect(sum(byYear(rows, 2025))).toBeLessThan(sum(byYear(wholeRows, 2025)));
  });

  it('years later: every season since the file has a placeholder campaign, the earlier ones finished', () => {
    const now = at('2028-12-06T12:00:00Z');
    const { campaigns, rows } = demoOn(now);
    expect(campaigns.slice(-3).map((c) => c.year)).toEqual([2026, 2027, 2028]);
    expect(runningCampaign(campaigns, now)?.year).toBe(2028);
    expect(sum(byYear(rows, 2027))).toBeGreaterThan(3 * sum(byYear(rows, 2028)));
  });
});
