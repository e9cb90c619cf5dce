import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { centreLongitude, focusArea, type CountryShape } from './country-shapes';

// The map is drawn in a fixed coordinate box (the SVG's viewBox) and scaled to the card's width by
// the browser, so it needs no measuring and stays sharp at any size.

export const MAP_WIDTH = 960;
/** A tall area (the Americas) is fitted into this height instead of growing the map down the page. */
export const MAP_MAX_HEIGHT = 520;
const MARGIN = 8;

export interface MapLayout {
  projection: GeoProjection;
  height: number;
}

/**
 * An Equal Earth projection (true areas, so big countries are not exaggerated) fitted to the whole
 * map, or zoomed in on `focus` (the main piece of each of those countries).
 */
export function mapLayout(shapes: readonly CountryShape[], focus: readonly CountryShape[] | null): MapLayout {
  const zoomed = focus !== null && focus.length > 0;
  const target: FeatureCollection = zoomed
    ? focusArea(focus)
    : { type: 'FeatureCollection', features: shapes.map((shape) => shape.feature) };
  const projection = geoEqualEarth().rotate([zoomed ? -centreLongitude(focusArea(focus)) : 0, 0]);
  const inner = MAP_WIDTH - 2 * MARGIN;
  projection.fitWidth(inner, target);
  const [, [, bottom]] = geoPath(projection).bounds(target);
  if (bottom <= MAP_MAX_HEIGHT - 2 * MARGIN) {
    projection.fitExtent([[MARGIN, MARGIN], [MARGIN + inner, MARGIN + bottom]], target);
    return { projection, height: Math.ceil(bottom + 2 * MARGIN) };
  }
  // Too tall at full width: as tall as allowed, centred across.
  projection.fitExtent([[MARGIN, MARGIN], [MAP_WIDTH - MARGIN, MAP_MAX_HEIGHT - MARGIN]], target);
  return { projection, height: MAP_MAX_HEIGHT };
}
