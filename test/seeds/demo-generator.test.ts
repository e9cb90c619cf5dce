import { describe, expect, it } from 'vitest';
import { buildGroups, generateCampaignReports } from '../../seeds/generate-reports';

const campaign = {
  year: 2024,
  writingStarts: '2024-11-20',
  writingEnds: '2024-12-31',
  reportingDeadline: '2025-01-31',
  cases: [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }],
  targetActions: 50_000,
};

describe('demo report generator', () => {
  const groups = buildGroups({ seed: 7, groups: 500 }, 2013, 2025);
  const rows = [...generateCampaignReports(campaign, groups, { seed: 7 })];

  it('is deterministic: the same seed gives the same rows', () => {
    expect([...generateCampaignReports(campaign, buildGroups({ seed: 7, groups: 500 }, 2013, 2025), { seed: 7 })]).toEqual(rows);
  });

  it('reaches the target, with valid counts, unique ids and reports no later than 20 days after the deadline', () => {
    const total = rows.reduce((s, r) => s + r.count, 0);
    expect(total).toBeGreaterThanOrEqual(50_000);
    expect(total).toBeLessThan(50_000 * 1.2);
    expect(new Set(rows.map((r) => r.reportId)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.count).toBeGreaterThanOrEqual(1);
      expect(r.count).toBeLessThanOrEqual(1_000_000);
      expect(Date.parse(r.reportedAt)).toBeLessThan(Date.parse('2025-02-22T00:00:00Z'));
    }
  });

  it('peaks around Human Rights Day', () => {
    const written = rows.filter((r) => r.writtenOn);
    const near = written.filter((r) => r.writtenOn! >= '2024-12-03' && r.writtenOn! <= '2024-12-17').length;
    expect(near / written.length).toBeGreaterThan(0.5);
  });
});
