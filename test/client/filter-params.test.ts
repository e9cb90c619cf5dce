import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  changeFilter,
  NO_FILTERS,
  parseFilters,
  rejectedFilterParams,
  toImpactFilter,
  writeFilters,
} from '../../client/filters/filter-params';

describe('parseFilters', () => {
  it('reads every filter from its parameter', () => {
    const filters = parseFilters(
      '?year=2024&region=Americas&country=BR&subdivision=BR-SP&case=12&groupType=SCHOOL&actionType=LETTER&from=2024-12-01&to=2024-12-31',
    );
    expect(filters).toEqual({
      year: 2024,
      region: 'Americas',
      country: 'BR',
      subdivision: 'BR-SP',
      caseId: '12',
      groupType: 'SCHOOL',
      actionType: 'LETTER',
      from: '2024-12-01',
      to: '2024-12-31',
    });
  });

  it.each([
    ['year=24', 'year'],
    ['year=abcd', 'year'],
    ['country=france', 'country'],
    ['country=FRA', 'country'],
    ['subdivision=IDF', 'subdivision'],
    ['case=1;DROP', 'caseId'],
    ['groupType=CLUB', 'groupType'],
    ['actionType=letter', 'actionType'],
    ['from=2024-02-30', 'from'],
    ['to=31/12/2024', 'to'],
  ] as const)('drops a malformed %s and keeps the others', (bad, key) => {
    const filters = parseFilters(`?region=Americas&${bad}`);
    expect(filters[key]).toBeNull();
    expect(filters.region).toBe('Americas');
    expect(rejectedFilterParams(`?region=Americas&${bad}`)).toEqual([bad.split('=')[0]]);
  });

  it('drops a region that is not a name', () => {
    expect(parseFilters('?region=%3Cscript%3E&country=BR')).toMatchObject({ region: null, country: 'BR' });
  });

  it('drops a subdivision of another country, and an end before the start', () => {
    expect(parseFilters('?country=BR&subdivision=FR-IDF').subdivision).toBeNull();
    expect(parseFilters('?from=2024-12-10&to=2024-12-01')).toMatchObject({ from: '2024-12-10', to: null });
  });

  it('reads nothing from an empty or foreign query string', () => {
    expect(parseFilters('')).toEqual(NO_FILTERS);
    expect(parseFilters('?page=trends&q=x')).toEqual(NO_FILTERS);
  });
});

describe('changeFilter', () => {
  const chosen = parseFilters('?year=2024&region=Americas&country=BR&subdivision=BR-SP&case=3&from=2024-12-01');

  it('clears what depends on a changed region, country or year', () => {
    expect(changeFilter(chosen, { region: 'Africa' })).toMatchObject({ region: 'Africa', country: null, subdivision: null });
    expect(changeFilter(chosen, { country: 'AR' })).toMatchObject({ region: 'Americas', country: 'AR', subdivision: null });
    expect(changeFilter(chosen, { year: 2023 })).toMatchObject({ year: 2023, caseId: null, from: null, region: 'Americas' });
  });

  it('keeps everything else', () => {
    expect(changeFilter(chosen, { actionType: 'EMAIL' })).toEqual({ ...chosen, actionType: 'EMAIL' });
    expect(changeFilter(chosen, { region: 'Americas' })).toEqual(chosen);
  });
});

describe('writing and using filters', () => {
  it('round-trips through the address, leaving other parameters alone', () => {
    const params = new URLSearchParams('page=groups&q=oxford&country=GB');
    writeFilters(params, { ...NO_FILTERS, year: 2025, region: 'Europe and Central Asia' });
    expect(params.toString()).toBe('page=groups&q=oxford&year=2025&region=Europe+and+Central+Asia');
    expect(parseFilters(`?${params}`)).toMatchObject({ year: 2025, region: 'Europe and Central Asia', country: null });
  });

  it('counts the filters on, the year aside', () => {
    expect(activeFilterCount(parseFilters('?year=2024'))).toBe(0);
    expect(activeFilterCount(parseFilters('?year=2024&region=Africa&actionType=SMS'))).toBe(2);
  });

  it('becomes a GraphQL filter, with lists of one and fields left out on request', () => {
    const filters = parseFilters('?region=Africa&country=KE&actionType=SMS&to=2024-12-31');
    expect(toImpactFilter(filters, 2024)).toEqual({
      year: 2024,
      regions: ['Africa'],
      countries: ['KE'],
      subdivisions: undefined,
      caseIds: undefined,
      groupTypes: undefined,
      actionTypes: ['SMS'],
      from: undefined,
      to: '2024-12-31',
    });
    expect(toImpactFilter(filters, 2024, ['country']).countries).toBeUndefined();
  });
});
