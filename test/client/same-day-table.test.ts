import { describe, expect, it } from 'vitest';
import { dayRange, defaultAsOfDay, sameDayTable } from '../../client/pages/trends/same-day-table';

const series = [
  {
    year: 2023,
    points: [
      { day: 0, date: '2023-11-20', cumulative: 100 },
      { day: 1, date: '2023-11-21', cumulative: 200 },
      { day: 2, date: '2023-11-22', cumulative: 250 },
    ],
  },
  { year: 2019, points: [] },
  {
    year: 2025,
    points: [
      { day: -1, date: '2025-11-19', cumulative: 10 },
      { day: 0, date: '2025-11-20', cumulative: 120 },
      { day: 1, date: '2025-11-21', cumulative: 150 },
    ],
  },
  { year: 2024, points: [{ day: 0, date: '2024-11-20', cumulative: 300 }] },
];

describe('sameDayTable', () => {
  it('gives each year its total at the day and the base year against it, newest first', () => {
    expect(sameDayTable(series, 2025, 1)).toEqual([
      { year: 2025, date: '2025-11-21', actions: 150, baseVsThis: null },
      // Only day 0 reported: its total carries forward, and day 1 is still a date of that campaign.
      { year: 2024, date: '2024-11-21', actions: 300, baseVsThis: -0.5 },
      { year: 2023, date: '2023-11-21', actions: 200, baseVsThis: -0.25 },
      { year: 2019, date: null, actions: null, baseVsThis: null },
    ]);
  });

  it('has no percentage against a year with nothing yet by that day', () => {
    const [, , y2023] = sameDayTable(series, 2025, -1);
    expect(y2023).toEqual({ year: 2023, date: '2023-11-19', actions: 0, baseVsThis: null });
  });

  it('compares with a base year that is not the newest', () => {
    const rows = sameDayTable(series, 2023, 2);
    expect(rows.find((r) => r.year === 2025)?.baseVsThis).toBeCloseTo(250 / 150 - 1);
  });
});

describe('defaultAsOfDay and dayRange', () => {
  it('is today while the campaign runs, else the last day with data', () => {
    const base = series[2];
    expect(defaultAsOfDay(base, 0)).toBe(0);
    expect(defaultAsOfDay(base, 400)).toBe(1);
    expect(defaultAsOfDay(base, -30)).toBe(-1);
    expect(defaultAsOfDay({ year: 2019, points: [] }, 3)).toBeNull();
  });

  it('spans every series', () => {
    expect(dayRange(series)).toEqual({ first: -1, last: 2 });
    expect(dayRange([{ year: 2019, points: [] }])).toBeNull();
  });
});
