import { Fragment, useId } from 'react';
import { formatCount, formatPercent } from '../format';

interface GoalProgressProps {
  total: number;
  goal: number | null;
}

/** The total against the campaign goal: a bar (full at the goal) and the percent in words. */
export function GoalProgress({ total, goal }: GoalProgressProps) {
  const labelId = useId();
  if (!goal || goal <= 0) {
    return <p className="goal goal--none">No goal set for this campaign.</p>;
  }
  const ratio = total / goal;
  const remaining = goal - total;
  const parts =
    remaining <= 0
      ? [`Goal of ${formatCount(goal)} reached`, formatPercent(ratio)]
      : total > 0
        ? [`${formatPercent(ratio)} of the goal of ${formatCount(goal)}`, `${formatCount(remaining)} to go`]
        : [`Goal: ${formatCount(goal)} actions`];

  return (
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
        aria-valuetext={`${formatCount(total)} of ${formatCount(goal)} actions (${formatPercent(ratio)})`}
      >
        {total > 0 ? <div className="goal__fill" style={{ width: `${Math.min(ratio, 1) * 100}%` }} /> : null}
      </div>
    </div>
  );
}
