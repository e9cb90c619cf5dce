import { direction, numberLocale } from '../../common/public-language';
import { COUNTER_WORDS } from './counter-words';
import type { CounterFigures } from './counter-figures';
import type { CounterRow } from './counter.service';
import type { CounterFigure, CounterLanguage } from './counter.types';

/** What every public form of a counter (JSON, widget, badge) shows: figures already worded and formatted. */
export interface CounterView {
  slug: string;
  title: string;
  year: number;
  region: string | null;
  country: string | null;
  language: CounterLanguage;
  dir: 'ltr' | 'rtl';
  paused: boolean;
  /** Absent when paused. `value` null: below the threshold, `text` says "fewer than N". */
  figures: { figure: CounterFigure; value: number | null; text: string; label: string }[];
  suppressBelow: number;
  /** For the reader's browser to format the time in its own zone. */
  locale: string;
  updatedAt: string;
  refreshSeconds: number;
  words: { paused: string; source: string; updated: string };
}

export function counterView(counter: CounterRow, figures: CounterFigures, at: Date, refreshSeconds: number): CounterView {
  const words = COUNTER_WORDS[counter.language];
  const locale = numberLocale(counter.language);
  const number = new Intl.NumberFormat(locale);
  const values: Record<CounterFigure, number | null> = { ACTIONS: figures.actions, COUNTRIES: figures.countries, CASES: figures.cases };
  return {
    slug: counter.slug,
    title: counter.title,
    year: counter.year,
    region: counter.region,
    country: counter.country,
    language: counter.language,
    dir: direction(counter.language),
    paused: counter.paused,
    figures: counter.paused
      ? []
      : counter.shows.map((figure) => {
          const value = values[figure];
          const text = value === null ? words.fewerThan(number.format(counter.suppress_below)) : number.format(value);
          return { figure, value, text, label: words.figures[figure] };
        }),
    suppressBelow: counter.suppress_below,
    locale,
    updatedAt: at.toISOString(),
    refreshSeconds,
    words: { paused: words.paused, source: words.source, updated: words.updated },
  };
}
