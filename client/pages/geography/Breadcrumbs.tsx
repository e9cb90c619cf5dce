import { countryName, regionName } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { breadcrumbs, type AreaFilters } from './drill-down';
import { geographyMessages } from './messages';
import { useDrill } from './use-drill';

interface BreadcrumbsProps {
  filters: AreaFilters;
  regionOfCountry: string | null;
}

/** World › region › country › subdivision: where the view is, each level a link back up. */
export function Breadcrumbs({ filters, regionOfCountry }: BreadcrumbsProps) {
  const { t } = useMessages('geography', geographyMessages);
  const { href, follow } = useDrill();
  const crumbs = breadcrumbs(filters, regionOfCountry, { world: t('crumbs.world'), region: regionName, country: countryName });
  return (
    <nav className="geo-crumbs" aria-label={t('crumbs.label')}>
      <ol>
        {crumbs.map(({ key, label, change }) => (
          <li key={key}>
            {change ? (
              <a href={href(change)} onClick={(event) => follow(event, change)}>
                {label}
              </a>
            ) : (
              <span aria-current="location">{label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
