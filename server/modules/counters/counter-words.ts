import type { CounterFigure, CounterLanguage } from './counter.types';

interface Words {
  figures: Record<CounterFigure, string>;
  fewerThan: (n: string) => string;
  paused: string;
  updated: string;
  source: string;
  notFound: string;
}

/** What a counter says around its figures, in the four languages Amnesty works in. */
export const COUNTER_WORDS: Record<CounterLanguage, Words> = {
  en: {
    figures: { ACTIONS: 'actions', COUNTRIES: 'countries', CASES: 'cases' },
    fewerThan: (n) => `fewer than ${n}`,
    paused: 'This counter is paused.',
    updated: 'Updated',
    source: 'Write for Rights · Amnesty International',
    notFound: 'There is no counter at this address.',
  },
  es: {
    figures: { ACTIONS: 'acciones', COUNTRIES: 'países', CASES: 'casos' },
    fewerThan: (n) => `menos de ${n}`,
    paused: 'Este contador está en pausa.',
    updated: 'Actualizado',
    source: 'Escribe por los Derechos · Amnistía Internacional',
    notFound: 'No hay ningún contador en esta dirección.',
  },
  fr: {
    figures: { ACTIONS: 'actions', COUNTRIES: 'pays', CASES: 'cas' },
    fewerThan: (n) => `moins de ${n}`,
    paused: 'Ce compteur est en pause.',
    updated: 'Mis à jour',
    source: 'Écrire pour les droits · Amnesty International',
    notFound: 'Aucun compteur à cette adresse.',
  },
  ar: {
    figures: { ACTIONS: 'تحركات', COUNTRIES: 'بلدان', CASES: 'حالات' },
    fewerThan: (n) => `أقل من ${n}`,
    paused: 'هذا العداد متوقف مؤقتًا.',
    updated: 'آخر تحديث',
    source: 'اكتب من أجل الحقوق · منظمة العفو الدولية',
    notFound: 'لا يوجد عداد في هذا العنوان.',
  },
};
