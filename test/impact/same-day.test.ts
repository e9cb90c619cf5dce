import { describe, expect, it } from 'vitest';
import { addDays } from '../../server/common/dates';
import { sameDayLastYearFilter, sameDayRows } from '../../server/modules/impact/same-day';
import { series } from '../support/year-series';

const current = { year: 2025, writingStarts: '2025-11-20' };
const previous = { year: 2024, writingStarts: '2024-11-20' };

describe('sameDayLastYearFilter', () => {
  it('asks the previous campaign up to the same campaign day, with the same area and types', () => {
    expect(sameDayLastYearFilter({ year: 2025, regions: ['Americas'], actionTypes: ['LETTER'] }, current, previous, 72)).toEqual({
      year: 2024,
      regions: ['Americas'],
      actionTypes: ['LETTER'],
      from: undefined,
      to: '2025-01-31',
    });
  });

  it('moves a date range to the same campaign days, never past the day compared', () => {
    const earlier = { year: 2024, writingStarts: '2024-11-18' };
    const filter = { year: 2025, from: '2025-11-25', to: '2025-12-10' };
    expect(sameDayLastYearFilter(filter, current, earlier, 72)).toMatchObject({ from: '2024-11-23', to: '2024-12-08' });
    expect(sameDayLastYearFilter(filter, current, earlier, 10)).toMatchObject({ from: '2024-11-23', to: '2024-11-28' });
  });

  it('has no comparison for a case: cases belong to one campaign', () => {
    expect(sameDayLastYearFilter({ year: 2025, caseIds: ['12'] }, current, previous, 10)).toBeNull();
  });

  it('adds days across a year end', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-12-01', -1)).toBe('2024-11-30');
  });
});


describe('sameDayRows', () => {
  it('gives each year its total at the day and the base year against it, newest first', () => {
    expect(sameDayRows(series, 2025, 1)).toEqual([
      { year: 2025, date: '2025-11-21', actions: 150, baseVsThis: null },
      // Only day 0 reported: its total carries forward, and day 1 is still a date of that campaign.
      { year: 2024, date: '2024-11-21', actions: 300, baseVsThis: -0.5 },
      { year: 2023, date: '2023-11-21', actions: 200, baseVsThis: -0.25 },
      { year: 2019, date: null, actions: null, baseVsThis: null },
    ]);
  });

  it('has no percentage against a year with nothing yet by that day', () => {
    const [, , y2023] = sameDayRows(series, 2025, -1);
    expect(y2023).toEqual({ year: 2023, date: '2023-11-19', actions: 0, baseVsThis: null });
  });

  it('compares with a base year that is not the newest', () => {
    const rows = sameDayRows(series, 2023, 2);
    expect(rows.find((r) => r.year === 2025)?.baseVsThis).toBeCloseTo(250 / 150 - 1);
  });
});
