/**
 * What a write changed and what an answer read, in campaign years and areas, so that a write
 * invalidates only the answers it can change: a report from Poland leaves Brazil's figures and
 * past years alone.
 */

/** A year and area a write changed; a null region and country: the whole year. */
export interface Part {
  year: number;
  region: string | null;
  country: string | null;
}

/**
 * Reports an answer may have read: those of these years (null: every year; `upTo`: that year and
 * the ones before) in these regions and countries (null: any). A report must match all three.
 */
export interface Area {
  years: number[] | { upTo: number } | null;
  regions: string[] | null;
  countries: string[] | null;
}

/** What an answer read: some areas of the reports (and the catalog, which only global writes change), or anything at all. */
export type Reads = Area[] | 'all';

/** Every report, anywhere, any year (and nothing else). */
export const ANY_REPORT: Area = { years: null, regions: null, countries: null };

/**
 * The reports an ImpactFilter selects, as an area: its year, its regions within `scope` (a
 * coordinator's regions) and its countries. Anything malformed widens it (Apollo refuses such a
 * request anyway); the filter's other fields only narrow what it selects.
 */
export function filterArea(filter: unknown, scope: string[] | null): Area {
  const f = (filter ?? {}) as Record<string, unknown>;
  const regions = textList(f.regions);
  const year = yearOf(f);
  return {
    years: year === null ? null : [year],
    regions: scope && regions ? regions.filter((r) => scope.includes(r)) : (regions ?? scope),
    countries: textList(f.countries),
  };
}

/** An ImpactFilter's year, or null. */
export function yearOf(filter: unknown): number | null {
  const year = ((filter ?? {}) as Record<string, unknown>).year;
  return Number.isSafeInteger(year) ? (year as number) : null;
}

function textList(value: unknown): string[] | null {
  if (value == null) return null;
  const list = Array.isArray(value) ? value : [value];
  return list.every((v) => typeof v === 'string') ? (list as string[]) : null;
}

/** Whether a write to `part` may change what `area` covers. */
export function touches(part: Part, area: Area): boolean {
  const { years, regions, countries } = area;
  if (years && (Array.isArray(years) ? !years.includes(part.year) : part.year > years.upTo)) return false;
  if (regions && part.region !== null && !regions.includes(part.region)) return false;
  return !countries || part.country === null || countries.includes(part.country);
}

/** At most this many parts travel with a change (a NOTIFY payload holds 8000 bytes). */
const MAX_PARTS = 64;

/** The parts of a write as they travel: distinct, widened to whole years when there are many; null: everything. */
export function compactParts(parts: Part[]): Part[] | null {
  const distinct = new Map(parts.map((p) => [JSON.stringify([p.year, p.region, p.country]), p]));
  if (distinct.size <= MAX_PARTS) return [...distinct.values()];
  const years = [...new Set(parts.map((p) => p.year))];
  return years.length <= MAX_PARTS ? years.map((year) => ({ year, region: null, country: null })) : null;
}
