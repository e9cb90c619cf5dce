import codes from 'i18n-iso-countries/codes.json';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { alpha2ByNumeric, countryShapes } from './country-shapes';

// The world's countries at 1:110 million, bundled with this page only (no tiles, nothing fetched
// from elsewhere). Antarctica is left out: nobody reports from there, and it would take a fifth of
// the map's height.
export const COUNTRY_SHAPES = countryShapes(world as unknown as Topology, alpha2ByNumeric(codes)).filter(
  (shape) => shape.code !== 'AQ',
);
