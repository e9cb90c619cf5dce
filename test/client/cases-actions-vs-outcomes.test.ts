import { describe, expect, it } from 'vitest';
import { groupFigures, median, placeCases } from '../../client/pages/cases/actions-vs-outcomes';

const starts = new Map([
  [2014, '2014-12-01'],
  [2025, '2025-11-20'],
]);
const c = (id: string, year: number, actions: number, firstPositive: string | null) => ({ id, year, name: `Case ${id}`, actions, firstPositive });

describe('placeCases', () => {
  const points = placeCases(
    [
      c('1', 2014, 100, '2015-05-28'),
      c('2', 2014, 300, '2022-03-11'),
      c('3', 2014, 50, null),
      c('4', 2025, 900, null),
      c('5', 2025, 40, '2025-12-10'),
      c('6', 1999, 10, null),
    ],
    starts,
    '2026-01-15',
  );
  it('groups cases by whether and how soon good news followed', () => {
    expect(points.map((p) => [p.id, p.group])).toEqual([
      ['1', 'within12'],
      ['2', 'later'],
      ['3', 'none'],
      ['4', 'tooRecent'],
      ['5', 'within12'],
    ]);
  });
  it('counts months as the server does (days / 30.4375)', () => {
    expect(points[0].monthsToOutcome).toBeCloseTo(178 / 30.4375, 6);
    expect(points[2].monthsToOutcome).toBeNull();
  });
  it('gives each group its case count and median actions', () => {
    expect(groupFigures(points)).toEqual([
      { group: 'within12', cases: 2, medianActions: 70 },
      { group: 'later', cases: 1, medianActions: 300 },
      { group: 'none', cases: 1, medianActions: 50 },
      { group: 'tooRecent', cases: 1, medianActions: 900 },
    ]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
