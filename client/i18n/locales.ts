/**
 * The locale each interface language formats figures and dates in: British English, Spain's Spanish,
 * France's French, and Arabic with Arabic-Indic digits (١٬٢٣٤) asked for by name, since what plain
 * "ar" gives depends on the ICU version (Latin digits in Node 20's) and "ar-SA" counts dates in the
 * Hijri calendar. The public counters use the same Arabic locale (server/modules/counters/counter-words.ts).
 */
export const LOCALES = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR', ar: 'ar-u-nu-arab' } as const;

/** The locale of a language code; English for one we do not speak. */
export const localeOf = (language: string): string => LOCALES[language as keyof typeof LOCALES] ?? LOCALES.en;
