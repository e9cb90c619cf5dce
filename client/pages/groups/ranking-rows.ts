import type { GroupType } from '../../gql/graphql';

export interface RankedEdge {
  node: {
    rank: number;
    actions: number;
    reports: number;
    group: { id: string; ref: string; name: string; type: GroupType; country?: string | null; subdivision?: string | null };
  };
}

export interface RankingRow {
  id: string;
  rank: number;
  name: string;
  ref: string;
  type: GroupType;
  country: string | null;
  subdivision: string | null;
  actions: number;
  reports: number;
  /** Of every action under the filters (individuals' included), 0..1; 0 when there are none. */
  share: number;
}

/** The rows of the ranking table, each with its share of the actions under the same filters. */
export function toRankingRows(edges: readonly RankedEdge[], totalActions: number): RankingRow[] {
  return edges.map(({ node }) => ({
    id: node.group.id,
    rank: node.rank,
    name: node.group.name,
    ref: node.group.ref,
    type: node.group.type,
    country: node.group.country ?? null,
    subdivision: node.group.subdivision ?? null,
    actions: node.actions,
    reports: node.reports,
    share: totalActions > 0 ? node.actions / totalActions : 0,
  }));
}
