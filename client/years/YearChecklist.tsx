import { formatYear } from '../format';
import './year-checklist.css';

interface YearChecklistProps {
  legend: string;
  /** The years offered, in the order shown. */
  years: readonly number[];
  selected: readonly number[];
  onChange: (year: number, on: boolean) => void;
  /** A year that is always on (the base year), with the words that say why. */
  fixed?: { year: number; note: string } | null;
  /** Hides the legend visually (a summary above already names the list). */
  legendHidden?: boolean;
}

/** A checkbox per campaign year: pick any. */
export function YearChecklist({ legend, years, selected, onChange, fixed, legendHidden = false }: YearChecklistProps) {
  return (
    <fieldset className="year-checklist">
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      <div className="year-checklist__options">
        {years.map((year) => {
          const isFixed = fixed?.year === year;
          return (
            <label key={year} className="year-checklist__option">
              <input
                type="checkbox"
                checked={isFixed || selected.includes(year)}
                disabled={isFixed}
                onChange={(event) => onChange(year, event.target.checked)}
              />
              {formatYear(year)}
              {isFixed ? <span className="year-checklist__note"> ({fixed.note})</span> : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
