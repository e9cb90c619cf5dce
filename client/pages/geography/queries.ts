import { graphql } from '../../gql';

// Each level of the drill-down is asked without the filters below it, so the region table lists
// every region while one is chosen, and the map and country table every country of that region.
export const GEOGRAPHY_QUERY = graphql(`
  query GeographyFigures(
    $world: ImpactFilter!
    $region: ImpactFilter!
    $country: ImpactFilter!
    $place: ImpactFilter!
    $withCountry: Boolean!
  ) {
    world: impact(filter: $world) {
      byRegion {
        key
        label
        actions
        reports
      }
    }
    region: impact(filter: $region) {
      byCountry {
        key
        label
        actions
        reports
      }
    }
    country: impact(filter: $country) @include(if: $withCountry) {
      bySubdivision {
        key
        label
        actions
        reports
      }
    }
    place: impact(filter: $place) @include(if: $withCountry) {
      byRegion {
        key
      }
    }
  }
`);
