import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonMessages } from './common.messages';

/** The languages of the interface; figures and dates follow the chosen one. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'w4r-language';

/** The reader's earlier choice, else the browser's first language we have, else English. */
function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

function readStored(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
  } catch {
    return null; // storage blocked: the browser's language it is
  }
}

// Each page brings its own messages with its code (useMessages), so the first download holds only
// the shell's.
void i18next.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: ['common'],
  defaultNS: 'common',
  resources: { en: { common: commonMessages.en }, es: { common: commonMessages.es } },
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;

export function currentLanguage(): Language {
  return i18next.language === 'es' ? 'es' : 'en';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not kept across visits, still switched now
  }
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export { i18next };
