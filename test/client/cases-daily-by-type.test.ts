import { describe, expect, it } from 'vitest';
import { mergeDailyByType, perTypeFilters } from '../../client/pages/cases/daily-by-type';

describe('perTypeFilters', () => {
  it('narrows the filter to each action type, keeping the rest of it', () => {
    const filters = perTypeFilters({ year: 2024, caseIds: ['7'], regions: ['Africa'] });
    expect(filters.LETTER).toEqual({ year: 2024, caseIds: ['7'], regions: ['Africa'], actionTypes: ['LETTER'] });
    expect(filters.FAX.actionTypes).toEqual(['FAX']);
  });
  it('asks nothing for a type the filter leaves out', () => {
    const filters = perTypeFilters({ year: 2024, actionTypes: ['EMAIL'] });
    expect(filters.EMAIL.actionTypes).toEqual(['EMAIL']);
    expect(filters.LETTER.actionTypes).toEqual([]);
  });
});

describe('mergeDailyByType', () => {
  it('puts the series on one row per day, filling the gaps with 0, and the totals add up', () => {
    const merged = mergeDailyByType({
      LETTER: [
        { date: '2024-11-30', actions: 5 },
        { date: '2024-12-01', actions: 0 },
        { date: '2024-12-02', actions: 7 },
      ],
      EMAIL: [{ date: '2024-12-03', actions: 2 }],
      FAX: [],
    });
    expect(merged.types).toEqual(['LETTER', 'EMAIL']);
    expect(merged.rows.map((r) => [r.date, r.byType.LETTER, r.byType.EMAIL, r.total])).toEqual([
      ['2024-11-30', 5, 0, 5],
      ['2024-12-01', 0, 0, 0],
      ['2024-12-02', 7, 0, 7],
      ['2024-12-03', 0, 2, 2],
    ]);
    expect(merged.totals.LETTER + merged.totals.EMAIL).toBe(merged.rows.reduce((sum, r) => sum + r.total, 0));
  });
  it('crosses month and year ends by calendar day', () => {
    const merged = mergeDailyByType({ SMS: [{ date: '2024-12-31', actions: 1 }, { date: '2025-01-01', actions: 1 }] });
    expect(merged.rows.map((r) => r.date)).toEqual(['2024-12-31', '2025-01-01']);
  });
  it('has no rows and no types when nothing was reported', () => {
    expect(mergeDailyByType({})).toMatchObject({ types: [], rows: [] });
  });
});
