import type { Column } from '../../components/DataTable';
import { countryName } from '../../format';
import type { GroupType } from '../../gql/graphql';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { groupsMessages } from './messages';

/** What a list row holds of its group (GroupListFields) beyond the name. */
interface GroupFacts {
  type: GroupType;
  country?: string | null;
  ref: string;
}

/** The last columns of both group lists, telling groups of the same name apart: type, country, reference. */
export function useGroupFactColumns(): Column<GroupFacts>[] {
  const { t } = useMessages('groups', groupsMessages);
  const common = useMessages('common', commonMessages);
  return [
    { label: t('col.type'), value: (row) => common.t(`groupType.${row.type}`) },
    { label: t('col.country'), value: (row) => (row.country ? countryName(row.country) : '') },
    { label: t('col.ref'), value: (row) => row.ref },
  ];
}
