import { countryName } from '../../common/iso-codes';

/** "LOCAL_GROUP" → "Local group", for enum keys shown to people. */
export function enumLabel(key: string): string {
  const text = key.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const labelOf = {
  country: (key: string) => countryName(key),
  region: (key: string) => key,
  subdivision: (key: string) => key || 'Not given',
  action_type: (key: string) => (key === 'SMS' ? 'SMS' : enumLabel(key)),
  group_type: (key: string) => enumLabel(key),
};
