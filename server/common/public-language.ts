/** The languages of the public pages (snapshot pages and counters): the four Amnesty works in. */
export const PUBLIC_LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

export const isPublicLanguage = (value: unknown): value is PublicLanguage => (PUBLIC_LANGUAGES as readonly unknown[]).includes(value);

/**
 * The locale figures and dates are written in. Arabic asks for Arabic-Indic digits (١٬٢٣٤) by name,
 * as readers in most of Amnesty's Arabic-speaking sections expect: plain "ar" gives Latin digits in
 * Node 20's ICU. The dashboard makes the same choice (client/i18n/locales.ts).
 */
export const numberLocale = (language: PublicLanguage): string => (language === 'ar' ? 'ar-u-nu-arab' : language);

export const direction = (language: PublicLanguage): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');
