import { useId } from 'react';
import type { CampaignSummary } from '../graphql/operations';

interface CampaignPickerProps {
  campaigns: readonly Pick<CampaignSummary, 'year' | 'name'>[];
  year: number;
  onChange: (year: number) => void;
}

export function CampaignPicker({ campaigns, year, onChange }: CampaignPickerProps) {
  const id = useId();
  const newestFirst = [...campaigns].sort((a, b) => b.year - a.year);
  return (
    <div className="picker">
      <label htmlFor={id}>Campaign</label>
      <select id={id} value={year} onChange={(event) => onChange(Number(event.target.value))}>
        {newestFirst.map((campaign) => (
          <option key={campaign.year} value={campaign.year}>
            {campaign.year}
          </option>
        ))}
      </select>
    </div>
  );
}
