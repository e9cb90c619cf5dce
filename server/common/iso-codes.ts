import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);
const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** ISO 3166-1 alpha-2, upper case ("XK" for Kosovo is accepted as Amnesty uses it). */
export function isCountryCode(code: string): boolean {
  return alpha2.has(code) || code === 'XK';
}

export function countryName(code: string): string {
  return countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en') ?? code;
}

/** ISO 3166-2: the country's alpha-2 code, a hyphen and up to three letters or digits (US-IL, GB-SCT, PL-14). */
export function isSubdivisionCode(code: string, country?: string): boolean {
  const match = /^([A-Z]{2})-[A-Z0-9]{1,3}$/.exec(code);
  return Boolean(match) && isCountryCode(match![1]) && (country === undefined || match![1] === country);
}
