import { describe, expect, it } from 'vitest';
import { buildCumulativeRows, maxRowValue, valueAtDay, valueAxisTicks } from '../../client/charts/cumulative-series';
import { cumulativeView } from '../../client/pages/overview/cumulative-view';

const y2024 = { year: 2024, points: [{ day: -2, cumulative: 5 }, { day: 0, cumulative: 10 }, { day: 3, cumulative: 40 }] };
const y2025 = { year: 2025, points: [{ day: 0, cumulative: 7 }, { day: 1, cumulative: 20 }] };
const y2023 = { year: 2023, points: [{ day: 1, cumulative: 3 }, { day: 2, cumulative: 9 }] };

describe('buildCumulativeRows', () => {
  it('makes one row per day for any number of years, carrying values forward', () => {
    const rows = buildCumulativeRows([y2025, y2024, y2023]);
    expect(rows.map((r) => r.day)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(rows.map((r) => r[2024])).toEqual([5, 5, 10, 10, 10, 40]);
    expect(rows.map((r) => r[2023])).toEqual([0, 0, 0, 3, 9, 9]);
    // Finished years run flat to the end of the chart.
    expect(rows.map((r) => r[2025])).toEqual([0, 0, 7, 20, 20, 20]);
  });

  it('stops the running year at its last point', () => {
    const rows = buildCumulativeRows([y2025, y2024], { runningYear: 2025 });
    expect(rows.map((r) => r[2025])).toEqual([0, 0, 7, 20, null, null]);
  });

  it('starts at day 0 when every series starts later, and leaves out years without points', () => {
    const rows = buildCumulativeRows([y2023, { year: 2022, points: [] }]);
    expect(rows.map((r) => r.day)).toEqual([0, 1, 2]);
    expect(rows[0]).not.toHaveProperty('2022');
    expect(buildCumulativeRows([{ year: 2022, points: [] }])).toEqual([]);
  });

  it('accepts points out of order', () => {
    const rows = buildCumulativeRows([{ year: 2020, points: [{ day: 2, cumulative: 9 }, { day: 0, cumulative: 1 }] }]);
    expect(rows.map((r) => r[2020])).toEqual([1, 1, 9]);
  });
});

describe('valueAtDay, maxRowValue, valueAxisTicks', () => {
  it('reads a series on a day, 0 before its first point', () => {
    expect(valueAtDay(y2024.points, -3)).toBe(0);
    expect(valueAtDay(y2024.points, 2)).toBe(10);
    expect(valueAtDay(y2024.points, 99)).toBe(40);
  });

  it('finds the largest drawn value and round ticks above it', () => {
    const rows = buildCumulativeRows([y2025, y2024]);
    expect(maxRowValue(rows, [2024, 2025])).toBe(40);
    expect(valueAxisTicks(29_007)).toEqual([0, 5000, 10000, 15000, 20000, 25000, 30000]);
    expect(valueAxisTicks(0)).toEqual([0]);
  });
});

describe('cumulativeView (overview)', () => {
  const cases = [
    { name: 'A', outcomes: [{ date: '2025-11-21', kind: 'RELEASED', positive: true }] },
    { name: 'B', outcomes: [{ date: '2025-11-21', kind: 'ACQUITTED', positive: true }, { date: '2026-06-01', kind: 'RELEASED', positive: true }] },
  ];
  const series = [
    { year: 2025, points: [{ day: 0, cumulative: 7 }, { day: 1, cumulative: 20 }] },
    { year: 2023, points: [{ day: 0, cumulative: 3 }, { day: 3, cumulative: 30 }] },
    { year: 2022, points: [] },
  ];

  it('puts the year first, then past years with data, and numbers outcomes on one dot per day', () => {
    const view = cumulativeView(series, 2025, { running: true, goal: 50, cases, writingStarts: '2025-11-20' });
    expect(view.years).toEqual([2025, 2023]);
    expect(view.rows.map((r) => r[2025])).toEqual([7, 20, null, null]);
    expect(view.outcomes.map((o) => [o.caseName, o.day, o.value])).toEqual([
      ['A', 1, 20],
      ['B', 1, 20],
      ['B', 193, null],
    ]);
    expect(view.marks).toEqual([{ day: 1, value: 20, label: '1, 2' }]);
    expect(view.lastDay).toBe(1);
    expect(view.showGoal).toBe(true);
    expect(view.valueTicks.at(-1)).toBeGreaterThanOrEqual(50);
  });

  it('leaves a far goal off the chart', () => {
    const view = cumulativeView(series, 2025, { running: false, goal: 1000, cases: [], writingStarts: '2025-11-20' });
    expect(view.showGoal).toBe(false);
    expect(view.valueTicks.at(-1)).toBeLessThan(100);
    expect(view.rows.map((r) => r[2025])).toEqual([7, 20, 20, 20]);
  });
});
