// Four campaigns' cumulative series by campaign day (one with no reports, one from before day 0),
// for the tests of the same-day comparison and of the days a reader may pick.
export const series = [
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
