import { useTranslation } from 'react-i18next';
import { i18next, isRightToLeft, LANGUAGES } from './i18n';

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The keys as English has them, except plurals: "files_one" and "files_other" ask for all six Arabic forms. */
type ArabicKeys<T> = { [K in keyof T & string]: K extends `${infer Base}_${PluralCategory}` ? `${Base}_${PluralCategory}` : K }[keyof T & string];

/**
 * A page's or component's messages: every language has the same keys (the type makes sure), Arabic
 * with every plural form it has (zero, one, two, few, many, other). French and Spanish "many" (a
 * million) falls back to "other", which i18next does within the language.
 */
export type Messages<T extends Record<string, string>> = {
  en: T;
  es: { [K in keyof T]: string };
  fr: { [K in keyof T]: string };
  ar: { [K in ArabicKeys<T>]: string };
};

/** A key as written in code: plural forms ("files_one", "files_other") are asked for by their base ("files"). */
export type MessageKey<T> = {
  [K in keyof T & string]: K extends `${infer Base}_${PluralCategory}` ? Base : K;
}[keyof T & string];

/**
 * Registers a namespace's messages the first time it is used, then translates in it. Keys are
 * checked against the English messages; `{{name}}` placeholders are filled from `values`.
 */
export function useMessages<T extends Record<string, string>>(namespace: string, messages: Messages<T>) {
  for (const language of LANGUAGES) {
    if (!i18next.hasResourceBundle(language, namespace)) {
      i18next.addResourceBundle(language, namespace, messages[language]);
    }
  }
  const { t, i18n } = useTranslation(namespace);
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  return {
    t: (key: MessageKey<T>, values?: Record<string, unknown>): string => translate(key, values),
    language: i18n.language,
    /** Right to left: charts put their figures' axis on the right and run time from right to left. */
    rtl: isRightToLeft(i18n.language),
  };
}

/** True while the interface reads right to left; re-renders when the language changes. */
export function useRightToLeft(): boolean {
  const { i18n } = useTranslation();
  return isRightToLeft(i18n.language);
}
