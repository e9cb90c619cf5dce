import type { ApolloServer } from '@apollo/server';
import type { Request } from 'express';
import { Kind, visit, type DocumentNode, type FieldNode } from 'graphql';
import { CampaignsDocument, MeDocument } from '../../client/gql/graphql';
import { BOOTSTRAP_ELEMENT_ID, type DashboardBootstrap } from '../common/dashboard-bootstrap';
import type { Context } from '../graphql/context';
import type { AuthUser } from './authenticate';

// What the dashboard asks before anything else (who is signed in, then the campaigns), answered
// while index.html is served and written into it: the first paint no longer waits for two round
// trips in series before the page's own figures are even asked for (issue 15, item 4). The
// dashboard's own documents, run through the same schema, scope and plugins as over HTTP, so the
// client stores them as if it had asked (client/bootstrap.ts).

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** The document as Apollo Client sends it: every object selection also asks for `__typename`, which its cache keys objects by. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field: (field) =>
      field.selectionSet && !field.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')
        ? { ...field, selectionSet: { ...field.selectionSet, selections: [...field.selectionSet.selections, TYPENAME] } }
        : undefined,
  });
}

const ME = withTypenames(MeDocument);
const CAMPAIGNS = withTypenames(CampaignsDocument);

/**
 * The answers for `user` (null: signed out, when only `me` is known), or null when any of them
 * failed (the database is down): the dashboard then asks for itself, as it always could.
 */
export async function dashboardBootstrap(
  apollo: ApolloServer<Context>,
  user: AuthUser | null,
  contextFor: () => Context,
): Promise<DashboardBootstrap | null> {
  const run = async (query: DocumentNode) => {
    const response = await apollo.executeOperation({ query }, { contextValue: contextFor() });
    if (response.body.kind !== 'single') return null;
    const { data, errors, extensions } = response.body.singleResult;
    return errors || !data ? null : { data, extensions };
  };
  const [me, campaigns] = await Promise.all([run(ME), user ? run(CAMPAIGNS) : null]);
  if (!me || (user && !campaigns)) return null;
  return campaigns ? { Me: me, Campaigns: campaigns } : { Me: me };
}

/** `bootstrap` as a JSON script element; `<` escaped so no text in it can end the element. */
export function bootstrapElement(bootstrap: DashboardBootstrap): string {
  const json = JSON.stringify(bootstrap).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${json}</script>`;
}

export type BootstrapFor = (req: Request) => Promise<DashboardBootstrap | null>;
