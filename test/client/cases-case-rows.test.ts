import { describe, expect, it } from 'vitest';
import {
  buildCaseRows,
  caseBadge,
  parseCaseSort,
  searchCases,
  sortCases,
  type CaseRow,
  type RowLabels,
} from '../../client/pages/cases/case-rows';

const STARTS = '2014-12-01';
const labels: RowLabels = {
  country: (code) => ({ SA: 'Saudi Arabia', NG: 'Nigeria', SV: 'El Salvador', CO: 'Colombia' })[code] ?? code,
  outcome: (row) => row.badge?.kind ?? '',
  compare: (a, b) => a.localeCompare(b, 'en'),
};

describe('caseBadge', () => {
  it('shows the latest good news since writing started, even when a setback came later', () => {
    const badge = caseBadge(
      [
        { date: '2015-01-09', kind: 'SETBACK', positive: false },
        { date: '2020-04-26', kind: 'POLICY_CHANGE', positive: true },
        { date: '2022-03-11', kind: 'RELEASED', positive: true },
        { date: '2023-01-01', kind: 'SETBACK', positive: false },
      ],
      STARTS,
    );
    expect(badge).toEqual({ date: '2022-03-11', kind: 'RELEASED', positive: true });
  });

  it('shows a setback when nothing good followed', () => {
    expect(caseBadge([{ date: '2015-01-16', kind: 'SETBACK', positive: false }], STARTS)?.kind).toBe('SETBACK');
  });

  it('ignores outcomes before writing started: they are context, not results', () => {
    expect(caseBadge([{ date: '2014-11-22', kind: 'RELEASED', positive: true }], STARTS)).toBeNull();
    // On the first day of writing it counts.
    expect(caseBadge([{ date: STARTS, kind: 'RELEASED', positive: true }], STARTS)?.kind).toBe('RELEASED');
  });
});

describe('buildCaseRows', () => {
  it('keeps every case of the campaign, with 0 for a case no report matches', () => {
    const rows = buildCaseRows(
      [
        { id: '1', name: 'Raif Badawi', country: 'SA', outcomes: [] },
        { id: '2', name: 'Moses Akatugba', country: 'NG', outcomes: [{ date: '2015-05-28', kind: 'RELEASED', positive: true }] },
      ],
      [{ caseId: '2', actions: 120, reports: 4 }],
      STARTS,
    );
    expect(rows).toEqual([
      { id: '1', name: 'Raif Badawi', country: 'SA', actions: 0, reports: 0, badge: null },
      { id: '2', name: 'Moses Akatugba', country: 'NG', actions: 120, reports: 4, badge: { date: '2015-05-28', kind: 'RELEASED', positive: true } },
    ]);
  });
});

const row = (id: string, name: string, country: string, actions: number, badge: CaseRow['badge'] = null): CaseRow => ({
  id,
  name,
  country,
  actions,
  reports: actions / 10,
  badge,
});
const rows = [
  row('1', 'Raif Badawi', 'SA', 500),
  row('2', 'Moses Akatugba', 'NG', 900, { date: '2015-05-28', kind: 'RELEASED', positive: true }),
  row('3', 'Women and girls of El Salvador', 'SV', 500, { date: '2015-01-16', kind: 'SETBACK', positive: false }),
  row('4', 'Héctor Córdoba', 'CO', 100),
];

describe('searchCases', () => {
  it('matches every word in the name or the country name, ignoring case and accents', () => {
    expect(searchCases(rows, 'cordoba', labels).map((r) => r.id)).toEqual(['4']);
    expect(searchCases(rows, 'EL salvador women', labels).map((r) => r.id)).toEqual(['3']);
    expect(searchCases(rows, 'saudi', labels).map((r) => r.id)).toEqual(['1']);
    expect(searchCases(rows, '  ', labels)).toHaveLength(4);
    expect(searchCases(rows, 'nobody', labels)).toEqual([]);
  });
});

describe('sortCases', () => {
  const ids = (sorted: CaseRow[]) => sorted.map((r) => r.id);
  it('sorts figures largest first, ties by name', () => {
    expect(ids(sortCases(rows, 'actions', labels))).toEqual(['2', '1', '3', '4']);
  });
  it('sorts names and country names alphabetically', () => {
    expect(ids(sortCases(rows, 'name', labels))).toEqual(['4', '2', '1', '3']);
    expect(ids(sortCases(rows, 'country', labels))).toEqual(['4', '3', '2', '1']);
  });
  it('puts good news first, then other news, then none', () => {
    expect(ids(sortCases(rows, 'outcome', labels))).toEqual(['2', '3', '1', '4']);
  });
  it('reads only known sorts from the address', () => {
    expect(parseCaseSort('name')).toBe('name');
    expect(parseCaseSort('drop table')).toBeNull();
    expect(parseCaseSort(null)).toBeNull();
  });
});
