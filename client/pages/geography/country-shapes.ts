import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

// world-atlas keys its countries by ISO 3166-1 numeric code ("250"); reports carry alpha-2 ("FR").
// The join goes through i18n-iso-countries' table of [alpha-2, alpha-3, numeric, ...] rows.

export type CountryGeometry = Polygon | MultiPolygon;

export interface CountryShape {
  /** ISO 3166-1 alpha-2; null for the few territories the atlas draws without a code (N. Cyprus, Somaliland). */
  code: string | null;
  feature: Feature<CountryGeometry>;
}

// Kosovo has no ISO numeric code, so the atlas leaves it without an id; its user-assigned alpha-2 is XK.
const UNCODED_BY_NAME: Record<string, string> = { Kosovo: 'XK' };

/** numeric → alpha-2, from rows whose first field is alpha-2 and third is numeric. */
export function alpha2ByNumeric(rows: readonly (readonly string[])[]): Map<string, string> {
  return new Map(rows.map((row) => [row[2], row[0]]));
}

/** The atlas's countries, each with its alpha-2 code. */
export function countryShapes(topology: Topology, numericToAlpha2: ReadonlyMap<string, string>): CountryShape[] {
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const collection = feature(topology, countries) as FeatureCollection<CountryGeometry, { name: string }>;
  return collection.features.map((shape) => {
    const id = shape.id === undefined ? undefined : String(shape.id);
    const code = (id && numericToAlpha2.get(id)) ?? UNCODED_BY_NAME[shape.properties.name] ?? null;
    return { code, feature: shape };
  });
}

/**
 * What the map is fitted to when it zooms in on some countries: the largest piece of each, so that
 * France's overseas departments or Alaska do not stretch a map of Europe or the Americas.
 */
export function focusArea(shapes: readonly CountryShape[]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: shapes.map((shape) => ({ type: 'Feature', properties: {}, geometry: largestPolygon(shape.feature.geometry) })),
  };
}

function largestPolygon(geometry: CountryGeometry): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  const pieces: Polygon[] = geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return pieces.reduce((largest, piece) => (geoArea(piece) > geoArea(largest) ? piece : largest));
}

/**
 * The longitude to centre the projection on, so that an area never straddles the map's edge
 * (the Americas with the Aleutians, beyond 180°E). Whole-world maps stay centred on Greenwich.
 */
export function centreLongitude(area: FeatureCollection<Polygon>): number {
  return area.features.length === 0 ? 0 : geoCentroid(area)[0];
}
