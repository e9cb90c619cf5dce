import { graphql } from '../../gql';

/** The chosen years' cumulative curves under the filters, by campaign day or calendar date. */
export const TRENDS_QUERY = graphql(`
  query TrendsComparison($years: [Int!]!, $filter: ImpactFilter!, $align: Alignment!) {
    yearComparison(years: $years, filter: $filter, align: $align) {
      year
      total
      points {
        day
        date
        cumulative
      }
    }
  }
`);
