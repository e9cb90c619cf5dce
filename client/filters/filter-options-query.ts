import { graphql } from '../gql';

// Options come from the figures themselves, so they are what the reader may see: a coordinator is
// offered only their own regions (the server scopes every answer), and each list is narrowed by
// the choices above it (region → country → subdivision). Two documents, because an answer is
// cached by what it reads: the area-level lists read the whole region (asked alike from every
// country of it), a country's subdivisions only that country (a write in another leaves them cached).
export const FILTER_OPTIONS_QUERY = graphql(`
  query FilterOptions($year: Int!, $regions: [String!]) {
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
    campaign(year: $year) {
      year
      cases {
        id
        name
      }
    }
  }
`);

/** A country's subdivisions, asked only once a country is chosen. */
export const FILTER_SUBDIVISIONS_QUERY = graphql(`
  query FilterSubdivisions($year: Int!, $countries: [String!]!) {
    subdivisions: impact(filter: { year: $year, countries: $countries }) {
      bySubdivision {
        key
        label
      }
    }
  }
`);
