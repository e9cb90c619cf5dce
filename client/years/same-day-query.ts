import { graphql } from '../gql';
import type { SameDayComparisonQuery } from '../gql/graphql';

/**
 * Years side by side at one day, and the base year against each, computed by the server: the
 * trends page's same-day table and summary, and the overview chart's summary (day omitted: the base
 * year's last day with data).
 */
export const SAME_DAY_QUERY = graphql(`
  query SameDayComparison($baseYear: Int!, $years: [Int!]!, $day: Int, $filter: ImpactFilter!, $align: Alignment!) {
    sameDayComparison(baseYear: $baseYear, years: $years, day: $day, filter: $filter, align: $align) {
      baseYear
      day
      years {
        year
        date
        actions
        baseVsThis
      }
    }
  }
`);

export type SameDayYear = SameDayComparisonQuery['sameDayComparison']['years'][number];
