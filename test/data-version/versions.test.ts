import { describe, expect, it } from 'vitest';
import type { Area, Part } from '../../server/data-version';
import { Versions } from '../../server/data-version/versions';

const at = new Date('2024-12-10T10:00:00Z');
const part = (country: string, year = 2024, region = 'Americas'): Part => ({ year, region, country });
const area = (countries: string[] | null, years: Area['years'] = [2024]): Area[] => [{ years, regions: null, countries }];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Versions', () => {
  it('keys an area by the last version that changed it', () => {
    const versions = new Versions({ publishEveryMs: 0 });
    versions.saw({ version: 10, updatedAt: at });
    versions.apply({ version: 11, updatedAt: at, parts: [part('PL', 2024, 'Europe and Central Asia')] });
    versions.apply({ version: 12, updatedAt: at, parts: [part('BR')] });
    const view = versions.newest();
    expect(view.version).toBe(12);
    expect(view.changedAt(area(['BR']))).toBe(12);
    expect(view.changedAt(area(['PL']))).toBe(11);
    expect(view.changedAt(area(['MX']))).toBe(10);
    expect(view.changedAt(area(null, [2023]))).toBe(10);
    expect(view.changedAt(area(null, { upTo: 2024 }))).toBe(12);
    expect(view.changedAt([{ years: null, regions: ['Europe and Central Asia'], countries: null }])).toBe(11);
    expect(view.changedAt('all')).toBe(12);
    versions.apply({ version: 13, updatedAt: at, parts: null });
    expect(versions.newest().changedAt(area(['MX']))).toBe(13);
    versions.stop();
  });

  it('holds a version heard before its predecessor; meanwhile the newest view counts everything as changed', () => {
    const versions = new Versions({ publishEveryMs: 0 });
    versions.saw({ version: 10, updatedAt: at });
    versions.apply({ version: 12, updatedAt: at, parts: [part('BR')] });
    expect(versions.latest!.version).toBe(12);
    expect(versions.newest().changedAt(area(['PL']))).toBe(12);
    expect(versions.viewFor(null).version).toBe(10); // shared: nothing past the gap
    versions.apply({ version: 11, updatedAt: at, parts: [part('PL')] });
    expect(versions.newest().changedAt(area(['PL']))).toBe(11);
    expect(versions.newest().changedAt(area(['MX']))).toBe(10);
    expect(versions.viewFor(null).version).toBe(12);
    versions.stop();
  });

  it('counts a version that never arrives as a change of everything', async () => {
    const versions = new Versions({ publishEveryMs: 0, gapMs: 50 });
    versions.saw({ version: 10, updatedAt: at });
    versions.saw({ version: 11, updatedAt: at }); // read from the table, its notification lost
    await sleep(100);
    expect(versions.viewFor(null).version).toBe(11);
    expect(versions.viewFor(null).changedAt(area(['MX']))).toBe(11);
    versions.stop();
  });

  it('advances the shared view at once for a write without parts, at most once an interval for report writes, and shows writers the newest', async () => {
    const versions = new Versions({ publishEveryMs: 200 });
    const published: number[] = [];
    versions.onPublish((v) => published.push(v.version));
    versions.saw({ version: 10, updatedAt: at });
    for (let v = 11; v <= 15; v++) versions.apply({ version: v, updatedAt: at, parts: [part('BR')] });
    versions.wrote(7);
    expect(versions.viewFor(7).version).toBe(15);
    expect(versions.viewFor(8).version).toBeLessThan(15);
    await sleep(250);
    expect(versions.viewFor(8).version).toBe(15);
    versions.apply({ version: 16, updatedAt: at, parts: null });
    expect(versions.viewFor(8).version).toBe(16);
    expect(published).toEqual([10, 15, 16]);
    versions.stop();
  });
});
