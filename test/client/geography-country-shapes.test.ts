import { geoEqualEarth, geoPath } from 'd3-geo';
import codes from 'i18n-iso-countries/codes.json';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-110m.json';
import { alpha2ByNumeric, centreLongitude, countryShapes, focusArea } from '../../client/pages/geography/country-shapes';
import { MAP_MAX_HEIGHT, MAP_WIDTH, mapLayout } from '../../client/pages/geography/map-layout';

const table = alpha2ByNumeric(codes);
const shapes = countryShapes(world as unknown as Topology, table);
const shapeOf = (code: string) => shapes.find((shape) => shape.code === code)!;

describe('alpha2ByNumeric', () => {
  it('maps ISO numeric codes, leading zeros kept, to alpha-2', () => {
    expect(table.get('250')).toBe('FR');
    expect(table.get('004')).toBe('AF');
    expect(table.get('840')).toBe('US');
  });
});

describe('countryShapes', () => {
  it('gives every country of the atlas its alpha-2 code', () => {
    expect(shapes).toHaveLength(177);
    expect(shapeOf('FR').feature.properties).toEqual({ name: 'France' });
    expect(shapeOf('US').feature.properties).toEqual({ name: 'United States of America' });
    expect(shapeOf('XK').feature.properties).toEqual({ name: 'Kosovo' });
    // Only the two territories with no ISO code at all stay uncoded.
    expect(shapes.filter((shape) => shape.code === null).map((shape) => shape.feature.properties)).toEqual([
      { name: 'N. Cyprus' },
      { name: 'Somaliland' },
    ]);
    expect(new Set(shapes.map((shape) => shape.code)).size).toBe(176);
  });
});

describe('focusArea', () => {
  it('keeps the main piece of each country, so Europe is not stretched to French Guiana', () => {
    const area = focusArea([shapeOf('FR'), shapeOf('DE')]);
    const [[west], [east]] = geoPath().bounds(area);
    expect(west).toBeGreaterThan(-10);
    expect(east).toBeLessThan(20);
  });

  it('centres the Americas west of Greenwich, and a box fitted to them is filled', () => {
    const area = focusArea([shapeOf('US'), shapeOf('CA'), shapeOf('BR')]);
    const longitude = centreLongitude(area);
    expect(longitude).toBeLessThan(-60);
    expect(longitude).toBeGreaterThan(-120);
    // Fitted to a box, the area fills its height rather than being a sliver of a world map.
    const projection = geoEqualEarth().rotate([-longitude, 0]).fitSize([400, 300], area);
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(area);
    expect(y1 - y0).toBeCloseTo(300, 0);
    expect(x1 - x0).toBeLessThan(400);
  });

  it('centres an empty area on Greenwich', () => {
    expect(centreLongitude(focusArea([]))).toBe(0);
  });
});

describe('mapLayout', () => {
  it('fits the world to the full width at about half as tall', () => {
    const { projection, height } = mapLayout(shapes, null);
    const [[x0], [x1]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: shapes.map((s) => s.feature) });
    expect(x0).toBeCloseTo(8, 0);
    expect(x1).toBeCloseTo(MAP_WIDTH - 8, 0);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(MAP_MAX_HEIGHT);
  });

  it('zooms on a tall area within the height limit, keeping it inside the box', () => {
    const americas = ['US', 'CA', 'MX', 'BR', 'AR', 'CL'].map(shapeOf);
    const { projection, height } = mapLayout(shapes, americas);
    expect(height).toBe(MAP_MAX_HEIGHT);
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(focusArea(americas));
    expect(y0).toBeCloseTo(8, 0);
    expect(y1).toBeCloseTo(MAP_MAX_HEIGHT - 8, 0);
    expect(x0).toBeGreaterThan(0);
    expect(x1).toBeLessThan(MAP_WIDTH);
  });
});
