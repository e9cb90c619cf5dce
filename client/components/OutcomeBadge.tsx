import type { OutcomeKind } from '../gql/graphql';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/use-messages';

interface Outcome {
  kind: OutcomeKind;
  positive: boolean;
}

/**
 * An outcome in words ("✓ Released"). The mark (✓ good news, ! other news) is an image named in
 * words, so neither colour nor a symbol alone carries the meaning.
 */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useMessages('common', commonMessages);
  const good = outcome.positive;
  return (
    <span className={`outcome-badge outcome-badge--${good ? 'good' : 'other'}`}>
      <span role="img" aria-label={t(good ? 'outcome.goodNews' : 'outcome.otherNews')}>
        {good ? '✓' : '!'}
      </span>{' '}
      {t(`outcomeKind.${outcome.kind}`)}
    </span>
  );
}

/** A case's outcomes as badges, each kind once. */
export function OutcomeBadges({ outcomes }: { outcomes: readonly Outcome[] }) {
  const kinds = uniqueKinds(outcomes);
  if (kinds.length === 0) return null;
  return (
    <span className="outcome-badges">
      {kinds.map((outcome) => (
        <OutcomeBadge key={outcome.kind} outcome={outcome} />
      ))}
    </span>
  );
}

/** Each kind once, in the order first seen (the server sends outcomes oldest first). */
export function uniqueKinds<T extends { kind: OutcomeKind }>(outcomes: readonly T[]): T[] {
  const seen = new Set<OutcomeKind>();
  return outcomes.filter((outcome) => !seen.has(outcome.kind) && seen.add(outcome.kind));
}
