import { skipToken, useQuery } from '@apollo/client/react';
import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useMessages } from '../i18n/use-messages';
import { commonMessages } from '../i18n/common.messages';
import { ACTION_TYPES, activeFilterCount, GROUP_TYPES, type Filters } from './filter-params';
import { useSessionUser } from '../session-user';
import { FILTER_OPTIONS_QUERY, FILTER_SUBDIVISIONS_QUERY } from './filter-options-query';
import { useCampaign, useFilters } from './use-filters';
import { countryName, formatYear, regionName } from '../format';
import './filters.css';

interface Option {
  key: string;
  label: string;
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/** The filters of the dashboard's pages; every choice is written to the address. */
export function FilterBar() {
  const { t } = useMessages('common', commonMessages);
  const { filters, setFilters, clearFilters } = useFilters();
  const { campaigns, campaign } = useCampaign();
  // A coordinator's "all" is all of their own regions, not the world's: say so.
  const scoped = (useSessionUser()?.regions.length ?? 0) > 0;
  const year = campaign?.year;
  // On a phone the eight fields would fill the first screen: they fold under one line saying how
  // many are on, until the reader opens them. Folded, their lists are neither asked for nor built.
  const wide = useWideScreen();
  const [opened, setOpened] = useState<boolean | null>(null);
  const open = opened ?? wide;
  const options = useQuery(
    FILTER_OPTIONS_QUERY,
    year && open ? { variables: { year, regions: filters.region ? [filters.region] : null } } : skipToken,
  );
  const subdivisionOptions = useQuery(
    FILTER_SUBDIVISIONS_QUERY,
    year && open && filters.country ? { variables: { year, countries: [filters.country] } } : skipToken,
  );
  // While new options load, the previous ones stay (no flicker of empty lists).
  const data = options.data ?? options.previousData;
  const regions = (data?.regions.byRegion ?? []).map((r) => ({ key: r.key, label: regionName(r.label) })).sort(byLabel);
  // named as every table names them (countryName: the reader's language), not by the server's labels
  const countries = (data?.countries.byCountry ?? []).map((c) => ({ key: c.key, label: countryName(c.key) })).sort(byLabel);
  const subdivisions = [...((subdivisionOptions.data ?? subdivisionOptions.previousData)?.subdivisions.bySubdivision ?? [])]
    .filter((option) => option.key !== '')
    .sort(byLabel);
  const cases = [...(data?.campaign?.cases ?? [])].map((c) => ({ key: c.id, label: c.name })).sort(byLabel);
  const count = activeFilterCount(filters);

  const set = (key: keyof Filters) => (value: string) => setFilters({ [key]: value === '' ? null : value });

  return (
    <form className="filter-bar" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      <details
        className="filter-bar__fold"
        open={open}
        // Only a reader's own choice is kept: the browser also fires "toggle" when it first draws an open fold.
        onToggle={(event) => setOpened(event.currentTarget.open === wide ? null : event.currentTarget.open)}
      >
        <summary className="filter-bar__summary">
          {t('filters.label')}
          {count > 0 ? ` · ${t('filters.active', { count })}` : ''}
        </summary>
        {open ? (
          <div className="filter-bar__fields">
            <Select label={t('filters.year')} value={year ? String(year) : ''} onChange={(value) => setFilters({ year: value ? Number(value) : null })}>
              {[...campaigns]
                .sort((a, b) => b.year - a.year)
                .map((c) => (
                  <option key={c.year} value={c.year}>
                    {formatYear(c.year)}
                  </option>
                ))}
            </Select>
            <Select label={t('filters.region')} value={filters.region ?? ''} onChange={set('region')}>
              <option value="">{scoped ? t('filters.anyOwnRegion') : t('filters.anyRegion')}</option>
              <Options options={regions} selected={filters.region} />
            </Select>
            <Select label={t('filters.country')} value={filters.country ?? ''} onChange={set('country')}>
              <option value="">{t('filters.any')}</option>
              <Options options={countries} selected={filters.country} />
            </Select>
            {filters.country ? (
              <Select label={t('filters.subdivision')} value={filters.subdivision ?? ''} onChange={set('subdivision')}>
                <option value="">{t('filters.any')}</option>
                <Options options={subdivisions} selected={filters.subdivision} />
              </Select>
            ) : null}
            <Select label={t('filters.case')} value={filters.caseId ?? ''} onChange={set('caseId')}>
              <option value="">{t('filters.any')}</option>
              <Options options={cases} selected={filters.caseId} />
            </Select>
            <Select label={t('filters.groupType')} value={filters.groupType ?? ''} onChange={set('groupType')}>
              <option value="">{t('filters.any')}</option>
              {GROUP_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`groupType.${type}`)}
                </option>
              ))}
            </Select>
            <Select label={t('filters.actionType')} value={filters.actionType ?? ''} onChange={set('actionType')}>
              <option value="">{t('filters.any')}</option>
              {ACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`actionType.${type}`)}
                </option>
              ))}
            </Select>
            <DateField
              label={t('filters.from')}
              value={filters.from}
              min={campaign?.writingStarts}
              max={filters.to ?? campaign?.reportingDeadline}
              onChange={set('from')}
            />
            <DateField
              label={t('filters.to')}
              value={filters.to}
              min={filters.from ?? campaign?.writingStarts}
              max={campaign?.reportingDeadline}
              onChange={set('to')}
            />
            <div className="filter-bar__end">
              <p className="filter-bar__count" aria-live="polite">
                {count > 0 ? t('filters.active', { count }) : ''}
              </p>
              {count > 0 ? (
                <button type="button" className="button button--secondary" onClick={clearFilters}>
                  {t('filters.clear')}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </details>
    </form>
  );
}

const WIDE = '(min-width: 700px)';

/** Whether the window is wider than a phone, followed as it changes (a phone turned sideways). */
function useWideScreen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener('change', listener);
      return () => query.removeEventListener('change', listener);
    },
    () => window.matchMedia(WIDE).matches,
  );
}

/** The options of a list; a chosen value the list does not hold (yet) is kept, shown by its key. */
function Options({ options, selected }: { options: readonly Option[]; selected: string | null }) {
  const missing = selected !== null && !options.some((option) => option.key === selected);
  return (
    <>
      {missing ? <option value={selected}>{selected}</option> : null}
      {options.map((option) => (
        <option key={option.key} value={option.key}>
          {option.label}
        </option>
      ))}
    </>
  );
}

function Select(props: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="filter-bar__field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.children}
      </select>
    </div>
  );
}

function DateField(props: {
  label: string;
  value: string | null;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className={`filter-bar__field filter-bar__field--date${props.value ? '' : ' filter-bar__field--empty'}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value ?? ''}
        min={props.min}
        max={props.max}
        // A date input reports "" while a date is half typed; only whole dates (or clearing) count.
        onChange={(event) => {
          if (event.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) props.onChange(event.target.value);
        }}
      />
    </div>
  );
}
