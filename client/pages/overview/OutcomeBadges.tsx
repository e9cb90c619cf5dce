import type { OutcomeKind } from '../../gql/graphql';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';

interface OutcomeBadgesProps {
  outcomes: readonly { kind: OutcomeKind; positive: boolean }[];
}

/** A case's outcomes in words ("✓ Released"), each kind once; the mark and text, never colour alone. */
export function OutcomeBadges({ outcomes }: OutcomeBadgesProps) {
  const { t } = useMessages('common', commonMessages);
  const kinds = uniqueKinds(outcomes);
  if (kinds.length === 0) return null;
  return (
    <span className="overview-badges">
      {kinds.map(({ kind, positive }) => (
        <span key={kind} className={`overview-badge overview-badge--${positive ? 'good' : 'other'}`}>
          <span aria-hidden="true">{positive ? '✓ ' : '! '}</span>
          {t(`outcomeKind.${kind}`)}
        </span>
      ))}
    </span>
  );
}

/** Each kind once, in the order first seen (the server sends outcomes oldest first). */
export function uniqueKinds<T extends { kind: OutcomeKind }>(outcomes: readonly T[]): T[] {
  const seen = new Set<OutcomeKind>();
  return outcomes.filter((outcome) => !seen.has(outcome.kind) && seen.add(outcome.kind));
}
