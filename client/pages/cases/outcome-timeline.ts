import type { OutcomeKind } from '../../gql/graphql';

// A case's dated events next to its campaign's dates. An outcome dated before writing started is
// context (it happened before the letters), one on or after it a result, as the schema counts them.

export interface TimelineOutcome {
  id: string;
  date: string;
  kind: OutcomeKind;
  note: string;
  positive: boolean;
}

export interface CampaignDates {
  writingStarts: string;
  writingEnds: string;
  reportingDeadline: string;
}

export type CampaignMarker = keyof CampaignDates;

export type TimelineEntry =
  | { type: 'marker'; key: string; date: string; marker: CampaignMarker }
  | { type: 'outcome'; key: string; date: string; outcome: TimelineOutcome; role: 'context' | 'result' };

const MARKERS: readonly CampaignMarker[] = ['writingStarts', 'writingEnds', 'reportingDeadline'];

/** Outcomes and campaign dates in date order; on the same day the campaign's date comes first. */
export function buildTimeline(outcomes: readonly TimelineOutcome[], campaign: CampaignDates): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...MARKERS.map((marker): TimelineEntry => ({ type: 'marker', key: marker, date: campaign[marker], marker })),
    ...outcomes.map(
      (outcome): TimelineEntry => ({
        type: 'outcome',
        key: `outcome-${outcome.id}`,
        date: outcome.date,
        outcome,
        role: outcome.date < campaign.writingStarts ? 'context' : 'result',
      }),
    ),
  ];
  const order = (entry: TimelineEntry) => (entry.type === 'marker' ? MARKERS.indexOf(entry.marker) : MARKERS.length);
  // Array.prototype.sort is stable: outcomes of one day keep the server's order.
  return entries.sort((a, b) => a.date.localeCompare(b.date) || order(a) - order(b));
}
