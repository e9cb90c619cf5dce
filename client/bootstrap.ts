import type { ApolloClient } from '@apollo/client';
import { BOOTSTRAP_ELEMENT_ID, type DashboardBootstrap } from '../server/common/dashboard-bootstrap';
import { CAMPAIGNS_QUERY, ME_QUERY } from './graphql/operations';
import type { ShownVersion } from './live/shown-version';
import { answerVersion } from './live/shown-version';

// The server writes the answers to Me and Campaigns into index.html (server/http/dashboard-bootstrap.ts):
// stored here as if they had been asked for, so the first paint starts with the page's own figures
// instead of two round trips in series. Their hooks read them cache-first.

/** Stores the answers index.html carries, if any; the element goes, so a later store reset cannot bring them back. */
export function restoreBootstrap(client: ApolloClient, shown: ShownVersion, element = document.getElementById(BOOTSTRAP_ELEMENT_ID)): void {
  if (!element?.textContent) return;
  element.remove();
  let bootstrap: DashboardBootstrap;
  try {
    bootstrap = JSON.parse(element.textContent) as DashboardBootstrap;
  } catch {
    return; // the dashboard asks for itself
  }
  const answers = [
    [ME_QUERY, bootstrap.Me],
    [CAMPAIGNS_QUERY, bootstrap.Campaigns],
  ] as const;
  for (const [query, answer] of answers) {
    if (!answer) continue;
    client.writeQuery({ query, data: answer.data as never });
    const version = answerVersion(answer.extensions);
    if (version !== null) shown.saw(version);
  }
}
