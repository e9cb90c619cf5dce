import { useTranslation } from 'react-i18next';
import { i18next, LANGUAGES } from './i18n';

/** A page's or component's messages: every language has the same keys (the type makes sure). */
export type Messages<T extends Record<string, string>> = { en: T; es: { [K in keyof T]: string } };

/** A key as written in code: plural forms ("files_one", "files_other") are asked for by their base ("files"). */
export type MessageKey<T> = {
  [K in keyof T & string]: K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;
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
  };
}
