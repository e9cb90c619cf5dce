import { describe, expect, it } from 'vitest';
import { dayRange, defaultAsOfDay } from '../../client/pages/trends/same-day-table';
import { series } from '../support/year-series';


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
