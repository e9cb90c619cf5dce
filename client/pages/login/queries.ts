import { graphql } from '../../gql';
import type { DemoAccountsQuery } from '../../gql/graphql';

export type DemoAccount = DemoAccountsQuery['demoAccounts'][number];

// Signing in: the session is an httpOnly cookie the client never sees.

export const LOGIN_MUTATION = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      role
      regions
    }
  }
`);

export const DEMO_ACCOUNTS_QUERY = graphql(`
  query DemoAccounts {
    demoAccounts {
      email
      password
      role
      regions
    }
  }
`);
