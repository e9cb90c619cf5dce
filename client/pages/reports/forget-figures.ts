import type { ApolloCache } from '@apollo/client';

/**
 * Root fields whose answers hold reports or figures made from them. After an import, a retraction
 * or a correction they are dropped from the cache: the queries on screen ask again, and every other
 * page asks again when opened, so no total shown is from before the change.
 */
const FIELDS_WITH_FIGURES = [
  'impact',
  'yearComparison',
  'campaigns',
  'campaign',
  'notYetReported',
  'groupRanking',
  'group',
  'outcomeSummary',
  'report',
  'recentReports',
  'imports',
  'previewSnapshot',
  'snapshotDiff',
];

export function forgetFigures(cache: ApolloCache): void {
  for (const fieldName of FIELDS_WITH_FIGURES) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}
