import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../client/dates';
import { outcomeMarkers } from '../../client/charts/outcome-markers';

const points = [
  { day: -1, cumulative: 4 },
  { day: 0, cumulative: 10 },
  { day: 5, cumulative: 50 },
  { day: 30, cumulative: 90 },
];

const cases = [
  {
    name: 'Zhang Zhan',
    outcomes: [
      { date: '2021-11-01', kind: 'RELEASED', positive: true }, // before writing started: context
      { date: '2021-11-27', kind: 'SETBACK', positive: false },
      { date: '2021-11-27', kind: 'CHARGES_DROPPED', positive: true },
    ],
  },
  { name: 'Bernardo Caal Xol', outcomes: [{ date: '2022-03-24', kind: 'RELEASED', positive: true }] },
  { name: 'Aaron', outcomes: [{ date: '2021-11-27', kind: 'ACQUITTED', positive: true }] },
];

describe('outcomeMarkers', () => {
  it('keeps positive outcomes from the first day of writing, oldest first, on the curve where drawn', () => {
    const markers = outcomeMarkers(cases, '2021-11-22', points, 30);
    expect(markers).toEqual([
      { caseName: 'Aaron', kind: 'ACQUITTED', date: '2021-11-27', day: 5, value: 50 },
      { caseName: 'Zhang Zhan', kind: 'CHARGES_DROPPED', date: '2021-11-27', day: 5, value: 50 },
      // After the curve ends: listed, not drawn.
      { caseName: 'Bernardo Caal Xol', kind: 'RELEASED', date: '2022-03-24', day: 122, value: null },
    ]);
  });

  it('draws nothing past the running line or without a curve', () => {
    expect(outcomeMarkers(cases, '2021-11-22', points, 4).every((m) => m.value === null)).toBe(true);
    expect(outcomeMarkers(cases, '2021-11-22', [], null).map((m) => m.value)).toEqual([null, null, null]);
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2025-11-20', '2026-01-31')).toBe(72);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
