import type { OutcomeKind } from '../../gql/graphql';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { casesMessages } from './messages';

interface OutcomeBadgeProps {
  outcome: { kind: OutcomeKind; positive: boolean } | null;
}

/** The outcome in words, with a mark (✓ good news, ! other news) so colour is never the only cue. */
export function OutcomeBadge({ outcome }: OutcomeBadgeProps) {
  const { t } = useMessages('cases', casesMessages);
  const common = useMessages('common', commonMessages);
  if (!outcome) return <span className="outcome-badge outcome-badge--none">{t('badge.none')}</span>;
  const good = outcome.positive;
  return (
    <span className={`outcome-badge outcome-badge--${good ? 'good' : 'other'}`}>
      <span aria-hidden="true">{good ? '✓' : '!'}</span>
      <span className="visually-hidden">{t(good ? 'badge.goodNews' : 'badge.otherNews')}: </span>
      {common.t(`outcomeKind.${outcome.kind}`)}
    </span>
  );
}
