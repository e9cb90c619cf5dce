import { useId } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { formatSignedPercent } from '../../format';
import type { SameDayYear } from '../../years/same-day-query';
import { trendsMessages } from './messages';

interface SameDayCardProps {
  rows: readonly SameDayYear[];
  baseYear: number;
  day: number | null;
  dayName: (day: number) => string;
  range: { first: number; last: number } | null;
  onDay: (day: number | null) => void;
}

/** Each year's cumulative total at one day, and the base year against each. */
export function SameDayCard({ rows, baseYear, day, dayName, range, onDay }: SameDayCardProps) {
  const { t } = useMessages('trends', trendsMessages);
  const inputId = useId();
  const helpId = useId();
  const columns: Column<SameDayYear>[] = [
    { label: t('table.year'), value: (row) => row.year },
    { label: t('table.date'), value: (row) => row.date ?? '', render: (row) => <span className="trends-nowrap">{row.date ? formatDate(row.date) : t('table.noDate')}</span> },
    {
      label: t('table.actions'),
      value: (row) => row.actions ?? '',
      render: (row) => (row.actions === null ? t('table.noReports') : formatCount(row.actions)),
      numeric: true,
    },
    {
      label: t('table.vs', { base: baseYear }),
      value: (row) => (row.baseVsThis === null ? '' : Number(row.baseVsThis.toFixed(4))),
      render: (row) => (row.year === baseYear ? t('table.base') : row.baseVsThis === null ? '–' : formatSignedPercent(row.baseVsThis)),
      numeric: true,
    },
  ];
  return (
    <section className="card trends-same-day" aria-labelledby="same-day-title">
      <h2 id="same-day-title">{t('table.title')}</h2>
      {day === null || !range ? (
        <p>{t('table.noBase')}</p>
      ) : (
        <>
          <div className="trends-same-day__day">
            <label htmlFor={inputId}>{t('table.asOf')}</label>
            <input
              id={inputId}
              type="number"
              inputMode="numeric"
              min={range.first}
              max={range.last}
              value={day}
              aria-describedby={helpId}
              onChange={(event) => {
                const next = event.target.valueAsNumber;
                if (Number.isInteger(next) && next >= range.first && next <= range.last) onDay(next);
              }}
            />
            <span id={helpId} className="trends-same-day__help">
              {t('table.asOfHelp', { day: dayName(day), first: range.first, last: range.last })}
            </span>
          </div>
          <DataTable caption={t('table.caption', { day: dayName(day) })} columns={columns} rows={rows} rowKey={(row) => String(row.year)} />
        </>
      )}
    </section>
  );
}
