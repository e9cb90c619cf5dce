import { graphql } from '../../gql';
import type { CasesAcrossYearsQuery, CasesCampaignQuery } from '../../gql/graphql';

// The page's documents. Types come from schema.graphql (`npm run codegen`).

/** One campaign's cases with their outcomes, and their figures under the filters (the case filter aside). */
export const CASES_CAMPAIGN_QUERY = graphql(`
  query CasesCampaign($year: Int!, $filter: ImpactFilter!) {
    campaign(year: $year) {
      year
      writingStarts
      writingEnds
      reportingDeadline
      cases {
        id
        slug
        name
        country
        theme
        summary
        target
        outcomes {
          id
          date
          kind
          note
          positive
        }
      }
    }
    impact(filter: $filter) {
      byCase {
        actions
        reports
        case {
          id
        }
      }
    }
  }
`);

/**
 * One case's daily actions, one series per action type (the schema has no daily split by type, so
 * each type is its own `impact`, aliased by type; all eight come in one request).
 */
export const CASE_ACTIONS_BY_TYPE_QUERY = graphql(`
  query CaseActionsByType(
    $letter: ImpactFilter!
    $solidarity: ImpactFilter!
    $email: ImpactFilter!
    $petition: ImpactFilter!
    $sms: ImpactFilter!
    $social: ImpactFilter!
    $fax: ImpactFilter!
    $other: ImpactFilter!
  ) {
    LETTER: impact(filter: $letter) { daily { date actions } }
    SOLIDARITY: impact(filter: $solidarity) { daily { date actions } }
    EMAIL: impact(filter: $email) { daily { date actions } }
    PETITION: impact(filter: $petition) { daily { date actions } }
    SMS: impact(filter: $sms) { daily { date actions } }
    SOCIAL: impact(filter: $social) { daily { date actions } }
    FAX: impact(filter: $fax) { daily { date actions } }
    OTHER: impact(filter: $other) { daily { date actions } }
  }
`);

/** Every campaign's outcome rate, and every case of every year with its actions and first good news. */
export const CASES_ACROSS_YEARS_QUERY = graphql(`
  query CasesAcrossYears($filter: ImpactFilter!) {
    outcomeSummary {
      casesFeatured
      casesWithPositiveOutcome
      share
      medianMonthsToFirstPositive
      byYear {
        year
        casesFeatured
        casesWithPositiveOutcome
        share
        medianMonthsToFirstPositive
      }
    }
    impact(filter: $filter) {
      byCase {
        actions
        case {
          id
          year
          name
          firstPositiveOutcome {
            date
          }
        }
      }
    }
  }
`);

export type CasesCampaign = NonNullable<CasesCampaignQuery['campaign']>;
export type CampaignCase = CasesCampaign['cases'][number];
export type OutcomeSummary = CasesAcrossYearsQuery['outcomeSummary'];
export type OutcomeYear = OutcomeSummary['byYear'][number];
