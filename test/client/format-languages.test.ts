import { afterAll, describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatList, formatYear } from '../../client/format';
import { i18next, setLanguage } from '../../client/i18n/i18n';

// Figures, dates, years and lists follow the interface language: Arabic in Arabic-Indic digits with
// the Arabic comma, French with its own grouping; messages put numbers in the language's digits too.

afterAll(() => setLanguage('en'));

describe('formats by language', () => {
  it('writes English as before', () => {
    setLanguage('en');
    expect([formatCount(29007), formatYear(2025), formatList(['2024', '2023']), formatDate('2025-11-20')]).toEqual(['29,007', '2025', '2024, 2023', '20 Nov 2025']);
  });

  it('writes French with its narrow no-break space between thousands', () => {
    setLanguage('fr');
    expect([formatCount(29007), formatYear(2025), formatDate('2025-11-20')]).toEqual(['29\u202f007', '2025', '20 nov. 2025']);
  });

  it('writes Arabic in Arabic-Indic digits, with the Arabic comma between items', () => {
    setLanguage('ar');
    expect([formatCount(29007), formatYear(2025), formatList(['٢٠٢٤', '٢٠٢٣']), formatDate('2025-11-20')]).toEqual(['٢٩٬٠٠٧', '٢٠٢٥', '٢٠٢٤، ٢٠٢٣', '٢٠ نوفمبر ٢٠٢٥']);
    expect(i18next.t('filters.active', { count: 3 })).toBe('٣ عوامل تصفية مفعّلة');
    expect(i18next.t('filters.active', { count: 11 })).toBe('١١ عامل تصفية مفعّلًا');
  });
});
