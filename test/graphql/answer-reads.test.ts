import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ANY_REPORT } from '../../server/data-version';
import { operationReads, RULES } from '../../server/graphql/answer-reads';

function readsOf(query: string, variables: Record<string, unknown> = {}, scope: string[] | null = null) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return operationReads(document, operation, variables, scope);
}

describe('what an answer reads', () => {
  it("reads the filter's year and area, from variables or literals", () => {
    expect(readsOf('query($f: ImpactFilter!) { impact(filter: $f) { totalActions byRegion { key actions } } }', { f: { year: 2024, countries: ['BR'] } }))
      .toEqual([{ years: [2024], regions: null, countries: ['BR'] }]);
    expect(readsOf('{ impact(filter: { regions: "Americas" }) { totalActions } }')).toEqual([{ years: null, regions: ['Americas'], countries: null }]);
  });

  it("limits a coordinator's areas to their regions", () => {
    expect(readsOf('{ impact(filter: { year: 2024, regions: ["Americas", "Africa"] }) { totalActions } }', {}, ['Americas']))
      .toEqual([{ years: [2024], regions: ['Americas'], countries: null }]);
    expect(readsOf('{ impact(filter: { year: 2024 }) { totalActions } }', {}, ['Africa'])).toEqual([{ years: [2024], regions: ['Africa'], countries: null }]);
  });

  it("reads the campaigns before a campaign's progress, and a case's whole campaign for its totals", () => {
    const reads = readsOf('query($y: Int!) { campaign(year: $y) { name cases { name actions } progress(filter: { countries: ["PL"] }) { totalActions forecast { expected } } } }', { y: 2024 });
    expect(reads).toEqual([
      { years: [2024], regions: null, countries: null },
      { years: { upTo: 2024 }, regions: null, countries: ['PL'] },
    ]);
  });

  it("reads only the year before for the same day last year, under its own filter: the day a running campaign stands at is today's", () => {
    const reads = readsOf('{ campaign(year: 2024) { progress { asOf campaignDay final goal sameDayLastYear(filter: { countries: ["BR"] }) { year figures { totalActions } } } } }');
    expect(reads).toEqual([{ years: [2023], regions: null, countries: ['BR'] }]);
  });

  it('reads the base year and the years it is compared with at the same day, under the filter', () => {
    const query = 'query($f: ImpactFilter!, $y: [Int!]!) { sameDayComparison(baseYear: 2025, years: $y, filter: $f) { day years { year actions baseVsThis } } }';
    expect(readsOf(query, { f: { year: 2025, countries: ['BR'] }, y: [2024, 2019] })).toEqual([{ years: [2025, 2024, 2019], regions: null, countries: ['BR'] }]);
  });

  it("reads this campaign's figures too for the change against last year, under sameDayLastYear's filter", () => {
    const reads = readsOf('{ campaign(year: 2024) { progress { sameDayLastYear(filter: { countries: ["BR"] }) { change { totalActions } } } } }');
    expect(reads).toEqual([{ years: [2023], regions: null, countries: ['BR'] }, { years: null, regions: null, countries: ['BR'] }]);
  });

  it('reads nothing for what @include and @skip leave out', () => {
    const query = 'query($goal: Boolean!) { campaign(year: 2024) { progress { asOf totalActions @include(if: $goal) forecast @skip(if: true) { expected } } } }';
    expect(readsOf(query, { goal: false })).toEqual([]);
    expect(readsOf(query, { goal: true })).toEqual([{ years: { upTo: 2024 }, regions: null, countries: null }]);
  });

  it('follows fragments, and reads every report for what a report anywhere can change (a group)', () => {
    expect(readsOf('query { ...F } fragment F on Query { impact(filter: { year: 2024 }) { topGroups { edges { node { actions group { id name } } } } } }'))
      .toEqual([{ years: [2024], regions: null, countries: null }, ANY_REPORT]);
  });

  it('depends on everything for any other field, and for mutations', () => {
    expect(readsOf('{ imports { id } impact(filter: { year: 2024 }) { totalActions } }')).toBe('all');
    // who is asking reads no report: only a change of users (a write without parts) changes it
    expect(readsOf('{ me { email role } }')).toEqual([]);
    expect(readsOf('{ impact(filter: { year: 2024 }) { dataVersion } }')).toBe('all');
    expect(readsOf('mutation { logout }')).toBe('all');
  });
});

describe('the fields whose reads are known', () => {
  it('are in the schema, with no argument the rules do not read (a new one may read elsewhere)', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const unknown: string[] = [];
    for (const [typeName, fields] of Object.entries(RULES)) {
      const type = schema.getType(typeName);
      for (const [name, rule] of Object.entries(fields)) {
        const field = isObjectType(type) ? type.getFields()[name] : undefined;
        if (!field) unknown.push(`${typeName}.${name} is not in the schema`);
        for (const arg of field?.args ?? []) if (!rule.args?.includes(arg.name)) unknown.push(`${typeName}.${name}(${arg.name})`);
        const inner = field && getNamedType(field.type).name;
        if (rule.type && inner !== rule.type) unknown.push(`${typeName}.${name} is a ${inner}, not ${rule.type}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
