import type { Language } from './i18n';

/**
 * Amnesty International's five regions (the areas coordinators work in, as reports name them, in
 * English) in the other languages of the dashboard, as Amnesty's own sites name them. Any other
 * region is shown as it is stored: regions are the data's, and a section may name its own.
 */
export const REGION_NAMES: Record<Exclude<Language, 'en'>, Record<string, string>> = {
  es: {
    Africa: 'África',
    Americas: 'Américas',
    'Asia-Pacific': 'Asia y Oceanía',
    'Europe and Central Asia': 'Europa y Asia Central',
    'Middle East and North Africa': 'Oriente Medio y Norte de África',
  },
  fr: {
    Africa: 'Afrique',
    Americas: 'Amériques',
    'Asia-Pacific': 'Asie-Pacifique',
    'Europe and Central Asia': 'Europe et Asie centrale',
    'Middle East and North Africa': 'Moyen-Orient et Afrique du Nord',
  },
  ar: {
    Africa: 'أفريقيا',
    Americas: 'الأمريكتان',
    'Asia-Pacific': 'آسيا والمحيط الهادئ',
    'Europe and Central Asia': 'أوروبا وآسيا الوسطى',
    'Middle East and North Africa': 'الشرق الأوسط وشمال أفريقيا',
  },
};
