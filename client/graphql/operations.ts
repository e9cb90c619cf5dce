import { graphql } from '../gql';
import type { CampaignsQuery } from '../gql/graphql';

// Documents shared by more than one page. Their types are generated from schema.graphql
// (`npm run codegen`, client/gql/); the names below are the shapes components take.

export type CampaignSummary = CampaignsQuery['campaigns'][number];

export const CAMPAIGNS_QUERY = graphql(`
  query Campaigns {
    campaigns {
      year
      name
      goal
      writingStarts
      writingEnds
      reportingDeadline
    }
  }
`);

// The session is an httpOnly cookie: the client never sees it, only `me`.

export const ME_QUERY = graphql(`
  query Me {
    me {
      id
      email
      role
      regions
    }
  }
`);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

export const SIGN_OUT_EVERYWHERE_MUTATION = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
