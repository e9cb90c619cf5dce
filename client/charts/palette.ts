// Okabe-Ito: distinct under the common colour-vision deficiencies (its yellow is left out: too pale
// on white). The first four and black are at least 3:1 against white; use them for lines and small
// marks, the paler ones only for filled areas. Charts never tell series apart by colour alone: lines
// also differ by dash, bars carry labels or a table.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#56B4E9', '#E69F00', '#999999'] as const;

/** The colour of the n-th series, repeating after eight. */
export const seriesColour = (index: number): string => PALETTE[index % PALETTE.length];

/** Dash patterns to tell lines apart without colour; the first (current) series is solid. */
export const DASHES = ['', '6 4', '2 3', '10 3 2 3', '1 4', '8 8'] as const;

/** Axis, grid and text colours shared by every chart. */
export const CHART_INK = { text: '#404040', axis: '#767676', grid: '#e4e4e4' } as const;

/** Sequential shades (light to dark blue) for maps and heat tables; the lightest still differs from "no data" grey. */
export const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA = '#f0f0f0';
