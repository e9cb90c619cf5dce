import type { ImpactTotals } from '../graphql/operations';
import { formatCount } from '../format';

type CountersProps = Pick<ImpactTotals, 'reportCount' | 'groupCount' | 'countryCount'>;

export function Counters({ reportCount, groupCount, countryCount }: CountersProps) {
  const items = [
    { label: 'Reports', value: reportCount },
    { label: 'Groups', value: groupCount },
    { label: 'Countries', value: countryCount },
  ];
  return (
    <dl className="counters">
      {items.map((item) => (
        <div className="counters__item" key={item.label}>
          <dt>{item.label}</dt>
          <dd>{formatCount(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
