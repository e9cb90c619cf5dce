import { describe, expect, it } from 'vitest';
import { everyYear, reportSpan, type GroupYearFigures } from '../../client/pages/groups/group-years';

const year = (y: number, actions: number, first: string, last: string): GroupYearFigures => ({
  year: y,
  actions,
  reports: 1,
  firstReportedAt: first,
  lastReportedAt: last,
});

const CAMPAIGNS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('everyYear', () => {
  it('lists every campaign from the first report to the year shown, a year without reports at zero', () => {
    const rows = everyYear(
      [year(2021, 50, '2021-12-01T10:00:00.000Z', '2021-12-01T10:00:00.000Z'), year(2023, 80, '2023-12-02T10:00:00.000Z', '2023-12-09T10:00:00.000Z')],
      CAMPAIGNS,
      2025,
    );
    expect(rows.map((r) => [r.year, r.actions])).toEqual([[2021, 50], [2022, 0], [2023, 80], [2024, 0], [2025, 0]]);
    expect(rows[1]).toEqual({ year: 2022, actions: 0, reports: 0, firstReportedAt: null, lastReportedAt: null });
  });

  it('leaves out years after the one shown and years without a campaign', () => {
    const rows = everyYear([year(2019, 5, 'a', 'a'), year(2024, 7, 'b', 'b')], [2024, 2019, 2021, 2022], 2022);
    expect(rows.map((r) => r.year)).toEqual([2019, 2021, 2022]);
  });

  it('is empty for a group with no reports', () => {
    expect(everyYear([], CAMPAIGNS, 2025)).toEqual([]);
  });
});

describe('reportSpan', () => {
  it('gives the first and the last report over all years', () => {
    expect(
      reportSpan([
        year(2024, 1, '2024-12-05T00:00:00.000Z', '2025-01-20T00:00:00.000Z'),
        year(2023, 1, '2023-11-30T00:00:00.000Z', '2023-12-10T00:00:00.000Z'),
      ]),
    ).toEqual({ first: '2023-11-30T00:00:00.000Z', last: '2025-01-20T00:00:00.000Z' });
    expect(reportSpan([])).toBeNull();
  });
});
