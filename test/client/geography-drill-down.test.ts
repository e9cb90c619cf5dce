import { describe, expect, it } from 'vitest';
import { breadcrumbs, drillHref, withShares } from '../../client/pages/geography/drill-down';

const labels = { world: 'World', region: (region: string) => region, country: (code: string) => ({ FR: 'France', US: 'United States' })[code] ?? code };
const none = { region: null, country: null, subdivision: null };

describe('breadcrumbs', () => {
  it('is the world alone, where the reader is, with no filter', () => {
    expect(breadcrumbs(none, null, labels)).toEqual([{ key: 'world', label: 'World', change: null }]);
  });

  it('walks world › region › country › subdivision, each going back up', () => {
    const crumbs = breadcrumbs({ region: 'Europe and Central Asia', country: 'FR', subdivision: 'FR-IDF' }, null, labels);
    expect(crumbs.map((crumb) => crumb.label)).toEqual(['World', 'Europe and Central Asia', 'France', 'FR-IDF']);
    expect(crumbs.map((crumb) => crumb.change)).toEqual([
      { region: null, country: null, subdivision: null },
      { region: 'Europe and Central Asia', country: null, subdivision: null },
      { country: 'FR', subdivision: null },
      null,
    ]);
  });

  it('names the region of a country chosen from the world map', () => {
    const crumbs = breadcrumbs({ region: null, country: 'US', subdivision: null }, 'Americas', labels);
    expect(crumbs.map((crumb) => [crumb.label, crumb.change])).toEqual([
      ['World', { region: null, country: null, subdivision: null }],
      ['Americas', { region: 'Americas', country: null, subdivision: null }],
      ['United States', null],
    ]);
  });

  it("names the region in the reader's language, its filter keeping the stored name", () => {
    const crumbs = breadcrumbs({ region: 'Americas', country: null, subdivision: null }, null, { ...labels, region: () => 'Amériques' });
    expect(crumbs[1]).toEqual({ key: 'region:Americas', label: 'Amériques', change: null });
  });

  it('shows a region filter even before the region of a country is known', () => {
    expect(breadcrumbs({ region: 'Africa', country: null, subdivision: null }, 'Americas', labels).map((c) => c.label)).toEqual([
      'World',
      'Africa',
    ]);
  });
});

describe('withShares', () => {
  it('gives each row its share of the level total', () => {
    const { rows, total } = withShares([
      { key: 'FR', label: 'France', actions: 300, reports: 3 },
      { key: 'DE', label: 'Germany', actions: 100, reports: 1 },
    ]);
    expect(total).toBe(400);
    expect(rows.map((row) => row.share)).toEqual([0.75, 0.25]);
  });
  it('has zero shares, not NaN, when nothing was written', () => {
    expect(withShares([{ key: '', label: 'Not given', actions: 0, reports: 0 }]).rows[0].share).toBe(0);
  });
});

describe('drillHref', () => {
  it('keeps the page and other filters, and drops what a new country makes meaningless', () => {
    const href = drillHref('?page=geography&year=2024&country=FR&subdivision=FR-IDF&actionType=LETTER', { country: 'DE' });
    expect(new URLSearchParams(href)).toEqual(new URLSearchParams('?page=geography&year=2024&country=DE&actionType=LETTER'));
  });
  it('goes back up to the world by removing the area filters', () => {
    expect(drillHref('?page=geography&region=Africa&country=KE', { region: null, country: null, subdivision: null })).toBe('?page=geography');
  });
});
