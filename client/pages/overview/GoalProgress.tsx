import { Fragment, useId } from 'react';
import { formatCount, formatList, formatPercent, formatYear } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import type { OverviewGoal } from './queries';
import { overviewMessages } from './messages';

/** The whole campaign against its goal: a bar (full at the goal), the pace of past years, the forecast. */
export function GoalProgress({ progress }: { progress: OverviewGoal }) {
  const { t } = useMessages('overview', overviewMessages);
  const labelId = useId();
  const { goal, totalActions: total } = progress;
  if (!goal || goal <= 0) {
    return (
      <section className="card overview-goal" aria-label={t('goal.title')}>
        <h2>{t('goal.title')}</h2>
        <p className="goal--none">{t('goal.none')}</p>
      </section>
    );
  }
  const ratio = total / goal;
  const share = formatPercent(ratio);
  const parts =
    total >= goal
      ? [t('goal.reached', { goal: formatCount(goal), share })]
      : [t('goal.share', { share, goal: formatCount(goal) }), t('goal.remaining', { remaining: formatCount(goal - total) })];
  const forecast = progress.forecast;

  return (
    <section className="card overview-goal" aria-label={t('goal.title')}>
      <h2>{t('goal.title')}</h2>
      <div className="goal">
        <p className="goal__label" id={labelId}>
          {parts.map((part, i) => (
            <Fragment key={part}>
              {i > 0 ? ' · ' : null}
              <span className="goal__part">{part}</span>
            </Fragment>
          ))}
        </p>
        <div
          className="goal__bar"
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={goal}
          aria-valuenow={Math.min(total, goal)}
          aria-valuetext={t('goal.valueText', { total: formatCount(total), goal: formatCount(goal), share })}
        >
          {total > 0 ? <div className="goal__fill" style={{ width: `${Math.min(ratio, 1) * 100}%` }} /> : null}
        </div>
      </div>
      {progress.final ? (
        <p className="overview-goal__pace">{t('goal.final')}</p>
      ) : (
        <ul className="overview-goal__pace">
          {progress.expectedShareByNow !== null && progress.expectedShareByNow !== undefined ? (
            <li>{t('goal.pace', { share: formatPercent(progress.expectedShareByNow) })}</li>
          ) : null}
          {progress.onPaceForGoal !== null && progress.onPaceForGoal !== undefined ? (
            <li>{t(progress.onPaceForGoal ? 'goal.onPace' : 'goal.offPace')}</li>
          ) : null}
          <li>
            {forecast
              ? t('goal.forecast', {
                  expected: formatCount(forecast.expected),
                  low: formatCount(forecast.low),
                  high: formatCount(forecast.high),
                  years: yearSpan(forecast.basedOnYears),
                })
              : t('goal.noForecast')}
          </li>
        </ul>
      )}
    </section>
  );
}

/** "2019–2024" for a run of years, "2019, 2021" otherwise. */
function yearSpan(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((year, i) => i === 0 || year === sorted[i - 1] + 1);
  return consecutive && sorted.length > 2 ? `${formatYear(sorted[0])}–${formatYear(sorted.at(-1)!)}` : formatList(sorted.map(formatYear));
}
