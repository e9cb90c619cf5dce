import { graphql } from '../gql';

// Options come from the figures themselves, so they are what the reader may see: a coordinator is
// offered only their own regions (the server scopes every answer), and each list is narrowed by
// the choices above it (region → country → subdivision).
export const FILTER_OPTIONS_QUERY = graphql(`
  query FilterOptions($year: Int!, $regions: [String!], $countries: [String!], $withCountry: Boolean!) {
    regions: impact(filter: { year: $year }) {
      byRegion {
        key
        label
      }
    }
    countries: impact(filter: { year: $year, regions: $regions }) {
      byCountry {
        key
        label
      }
    }
    subdivisions: impact(filter: { year: $year, countries: $countries }) @include(if: $withCountry) {
      bySubdivision {
        key
        label
      }
    }
    campaign(year: $year) {
      year
      cases {
        id
        name
      }
    }
  }
`);
