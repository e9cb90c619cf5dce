import { useMessages } from '../../i18n/use-messages';
import { groupsMessages } from './messages';
import { useParamLink } from './use-param-link';

/** Back to the list the group was opened from (its search and list stay in the address). */
export function BackLink() {
  const { t } = useMessages('groups', groupsMessages);
  const { href, follow } = useParamLink();
  const change = { group: null };
  return (
    <p className="groups-back">
      <a href={href(change)} onClick={(event) => follow(event, change)}>
        <span className="arrow" aria-hidden="true">←</span>{' '}
        {t('group.back')}
      </a>
    </p>
  );
}
