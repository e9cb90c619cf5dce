import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { formatYear, regionName } from '../../format';
import type { CounterFigure } from '../../gql/graphql';
import { useMessages } from '../../i18n/use-messages';
import { COUNTER_LANGUAGES, countersMessages } from './messages';
import { COUNTER_PLACES_QUERY, COUNTERS_QUERY, CREATE_COUNTER_MUTATION } from './queries';

const FIGURES: CounterFigure[] = ['ACTIONS', 'COUNTRIES', 'CASES'];

/** Staff describe a counter (scope, figures, title, language, threshold) and create it. */
export function CounterForm({ years }: { years: number[] }) {
  const { t, language } = useMessages('counters', countersMessages);
  const id = useId();
  const [year, setYear] = useState<number | null>(years[0] ?? null);
  const [region, setRegion] = useState('');
  const [country, setCountry] = useState('');
  const [title, setTitle] = useState('');
  const [shows, setShows] = useState<CounterFigure[]>(['ACTIONS']);
  const [counterLanguage, setCounterLanguage] = useState<string>(language);
  const [threshold, setThreshold] = useState('100');
  const [error, setError] = useState<string | null>(null);
  const places = useQuery(COUNTER_PLACES_QUERY, year ? { variables: { year } } : skipToken);
  const [create, { loading }] = useMutation(CREATE_COUNTER_MUTATION, { refetchQueries: [COUNTERS_QUERY] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!year) return;
    setError(null);
    try {
      await create({
        variables: {
          input: {
            year,
            region: region || null,
            country: country || null,
            shows,
            title,
            language: counterLanguage,
            suppressBelow: Number(threshold),
          },
        },
      });
      setTitle('');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const toggle = (figure: CounterFigure) =>
    setShows((now) => (now.includes(figure) ? now.filter((f) => f !== figure) : FIGURES.filter((f) => f === figure || now.includes(f))));
  const impact = places.data?.impact;

  return (
    <form className="counter-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('form.heading')}</h2>
      <div className="counter-form__field counter-form__field--wide">
        <label htmlFor={`${id}-title`}>{t('form.title')}</label>
        <p id={`${id}-title-hint`} className="counter-form__hint">
          {t('form.titleHint')}
        </p>
        <input id={`${id}-title`} aria-describedby={`${id}-title-hint`} required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="counter-form__field">
        <label htmlFor={`${id}-year`}>{t('form.year')}</label>
        <select id={`${id}-year`} value={year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {formatYear(y)}
            </option>
          ))}
        </select>
      </div>
      <div className="counter-form__field">
        <label htmlFor={`${id}-region`}>{t('form.region')}</label>
        <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">{t('form.any')}</option>
          {impact?.byRegion.map((r) => (
            <option key={r.key} value={r.key}>
              {regionName(r.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="counter-form__field">
        <label htmlFor={`${id}-country`}>{t('form.country')}</label>
        <select id={`${id}-country`} value={country} onChange={(e) => setCountry(e.target.value)}>
          <option value="">{t('form.any')}</option>
          {impact?.byCountry.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="counter-form__field">
        <label htmlFor={`${id}-language`}>{t('form.language')}</label>
        <select id={`${id}-language`} value={counterLanguage} onChange={(e) => setCounterLanguage(e.target.value)}>
          {COUNTER_LANGUAGES.map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="counter-form__field">
        <label htmlFor={`${id}-threshold`}>{t('form.threshold')}</label>
        <p id={`${id}-threshold-hint`} className="counter-form__hint">
          {t('form.thresholdHint')}
        </p>
        <input
          id={`${id}-threshold`}
          aria-describedby={`${id}-threshold-hint`}
          type="number"
          min={10}
          max={1000}
          required
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
      </div>
      <fieldset className="counter-form__field counter-form__field--wide">
        <legend>{t('form.shows')}</legend>
        {FIGURES.map((figure) => (
          <label key={figure} className="counter-form__check">
            <input type="checkbox" checked={shows.includes(figure)} onChange={() => toggle(figure)} /> {t(`figure.${figure}`)}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="counter-form__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={loading || !year || !shows.length}>
        {loading ? t('form.creating') : t('form.create')}
      </button>
    </form>
  );
}
