import { graphql } from '../../gql';

// The page's documents. Types come from schema.graphql (`npm run codegen`).

export const COUNTERS_QUERY = graphql(`
  query Counters {
    counters {
      slug
      year
      region
      country
      shows
      title
      language
      suppressBelow
      paused
    }
    campaigns {
      year
    }
  }
`);

/** The regions and countries that have reported in a campaign: what a counter can count. */
export const COUNTER_PLACES_QUERY = graphql(`
  query CounterPlaces($year: Int!) {
    impact(filter: { year: $year }) {
      byRegion {
        key
        label
      }
      byCountry {
        key
        label
      }
    }
  }
`);

export const CREATE_COUNTER_MUTATION = graphql(`
  mutation CreateCounter($input: CounterInput!) {
    createCounter(input: $input) {
      slug
    }
  }
`);

export const SET_COUNTER_PAUSED_MUTATION = graphql(`
  mutation SetCounterPaused($slug: String!, $paused: Boolean!) {
    setCounterPaused(slug: $slug, paused: $paused) {
      slug
      paused
    }
  }
`);

export const REMOVE_COUNTER_MUTATION = graphql(`
  mutation RemoveCounter($slug: String!) {
    removeCounter(slug: $slug)
  }
`);
