import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonMessages } from './common.messages';
import { figureFormatter } from './figure-formatter';

/** The languages of the interface, as Amnesty works in them; figures and dates follow the chosen one. */
export const LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left: the page's `dir` and every mirrored layout and chart follow it. */
const RIGHT_TO_LEFT: readonly Language[] = ['ar'];

const STORAGE_KEY = 'w4r-language';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The reader's earlier choice, else the browser's first language we have, else English. */
function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readStored(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
    return value !== null && isLanguage(value) ? value : null;
  } catch {
    return null; // storage blocked: the browser's language it is
  }
}

export const isRightToLeft = (language: string): boolean => RIGHT_TO_LEFT.includes(language as Language);

/** `<html lang dir>`: screen readers pick their voice from it, and the layout mirrors with `dir`. */
function markDocument(language: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

// Each page brings its own messages with its code (useMessages), so the first download holds only
// the shell's.
void i18next.use(initReactI18next).use(figureFormatter).init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: ['common'],
  defaultNS: 'common',
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { common: commonMessages[language] }])),
  interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes; numbers in the language's digits
  initAsync: false,
});
markDocument(currentLanguage());

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not kept across visits, still switched now
  }
  markDocument(language);
  void i18next.changeLanguage(language);
}

export { i18next };
