import type { Alignment } from '../../gql/graphql';
import { useMessages } from '../../i18n/use-messages';
import { trendsMessages } from './messages';

interface AlignmentChoiceProps {
  value: Alignment;
  onChange: (value: Alignment) => void;
}

/** Campaign day (each year from its own start) or calendar date (each year from 1 December). */
export function AlignmentChoice({ value, onChange }: AlignmentChoiceProps) {
  const { t } = useMessages('trends', trendsMessages);
  const options: { value: Alignment; label: string }[] = [
    { value: 'CAMPAIGN_DAY', label: t('align.campaign') },
    { value: 'CALENDAR_DATE', label: t('align.calendar') },
  ];
  return (
    <fieldset className="trends-align">
      <legend>{t('align')}</legend>
      {options.map((option) => (
        <label key={option.value} className="trends-align__option">
          <input
            type="radio"
            name="trends-align"
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
