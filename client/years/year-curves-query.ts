import { graphql } from '../gql';

/**
 * Years' cumulative curves under the filters, by campaign day or calendar date: the trends page's
 * chart, and the overview's (by campaign day), which then share cached answers.
 */
export const YEAR_CURVES_QUERY = graphql(`
  query YearCurves($years: [Int!]!, $filter: ImpactFilter!, $align: Alignment!) {
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
