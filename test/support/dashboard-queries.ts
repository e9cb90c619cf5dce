/** The whole dashboard in one request: totals, every breakdown, the top 20 groups and the daily curve. */
export const DASHBOARD_QUERY = `query Dashboard($filter: ImpactFilter!) {
  impact(filter: $filter) {
    totalActions reportCount groupCount countryCount
    byCase { case { id slug name } actions reports }
    byCountry { key label actions reports }
    byCaseCountry { key label actions reports }
    byRegion { key label actions reports }
    bySubdivision { key label actions reports }
    byActionType { key label actions reports }
    byGroupType { key label actions reports }
    topGroups(first: 20) { totalCount edges { cursor node { group { id ref name } actions reports } } pageInfo { hasNextPage endCursor } }
    daily { date actions cumulative }
  }
}`;

export const YEAR_COMPARISON_QUERY = `query Trends($years: [Int!]!) {
  yearComparison(years: $years) { year total points { day date actions cumulative } }
}`;
