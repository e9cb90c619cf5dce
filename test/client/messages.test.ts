import { describe, expect, it } from 'vitest';
import { commonMessages } from '../../client/i18n/common.messages';
import { casesMessages } from '../../client/pages/cases/messages';
import { countersMessages } from '../../client/pages/counters/messages';
import { geographyMessages } from '../../client/pages/geography/messages';
import { groupsMessages } from '../../client/pages/groups/messages';
import { loginMessages } from '../../client/pages/login/messages';
import { overviewMessages } from '../../client/pages/overview/messages';
import { reportsMessages } from '../../client/pages/reports/messages';
import { snapshotsMessages } from '../../client/pages/snapshots/messages';
import { trendsMessages } from '../../client/pages/trends/messages';

// Every message set of the dashboard in the four languages: the type already makes every key exist
// in every language; this checks what it cannot: the same placeholders as the English, Arabic plurals
// in all six forms, and no English left untranslated.

type Texts = Record<string, string>;
const SETS: [string, { en: Texts; es: Texts; fr: Texts; ar: Texts }][] = [
  ['common', commonMessages],
  ['login', loginMessages],
  ['overview', overviewMessages],
  ['trends', trendsMessages],
  ['cases', casesMessages],
  ['geography', geographyMessages],
  ['groups', groupsMessages],
  ['reports', reportsMessages],
  ['snapshots', snapshotsMessages],
  ['counters', countersMessages],
];
const LANGUAGES = ['es', 'fr', 'ar'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const ARABIC_PLURALS = ['zero', 'one', 'two', 'few', 'many', 'other'];

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

/** Words that are rightly the same as the English (names, codes, words both languages share). */
const EVERYWHERE = ['{{head}}: {{changes}}.', 'Write for Rights Impact', 'English', 'Español', 'Français', 'العربية', '{{role}} ({{regions}})', '–', '{{count}} × {{actionType}}, {{case}} ({{year}}), {{group}}'];
const SAME: Record<(typeof LANGUAGES)[number], Set<string>> = {
  es: new Set([...EVERYWHERE, 'Provisional', 'Faxes', 'Total']),
  fr: new Set([...EVERYWHERE, 'Subdivision (ISO 3166-2)', 'Actions', 'Date', 'Total', 'Type', 'Note', 'Subdivision', 'Page {{page}}', 'Date ({{year}})', '{{actions}} actions', 'Actions ({{campaign}})', 'Région', 'Campagne', 'Cas', 'Groupe', 'Badge de {{title}}', 'SMS']),
  ar: new Set(EVERYWHERE),
};

describe.each(SETS)('%s messages', (_name, messages) => {
  it.each(LANGUAGES)('%s has every English key, Arabic every plural form', (language) => {
    const bases = new Set(Object.keys(messages.en).map((key) => key.replace(PLURAL, '')));
    const expected = Object.keys(messages.en).flatMap((key) =>
      language === 'ar' && PLURAL.test(key) ? (key.endsWith('_other') ? ARABIC_PLURALS.map((form) => key.replace(PLURAL, `_${form}`)) : []) : [key],
    );
    expect(Object.keys(messages[language]).sort()).toEqual(expected.sort());
    expect(bases.size).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('%s keeps the English placeholders (a singular, dual or zero may leave the count out)', (language) => {
    for (const [key, text] of Object.entries(messages[language])) {
      const english = messages.en[key] ?? messages.en[key.replace(PLURAL, '_other')];
      const wanted = placeholders(english);
      if (PLURAL.test(key) && !key.endsWith('_other')) {
        expect([key, placeholders(text).filter((p) => !wanted.includes(p))]).toEqual([key, []]);
      } else {
        expect([key, placeholders(text)]).toEqual([key, wanted]);
      }
    }
  });

  it.each(LANGUAGES)('%s tells apart the columns English tells apart', (language) => {
    // a table's headings share a prefix ("col.", "column."): Arabic once headed both Status and Case "الحالة"
    const clashes: string[] = [];
    for (const prefix of ['col.', 'column.']) {
      const keys = Object.keys(messages.en).filter((key) => key.startsWith(prefix));
      for (const [i, a] of keys.entries()) {
        for (const b of keys.slice(i + 1)) {
          if (messages.en[a] !== messages.en[b] && messages[language][a] === messages[language][b]) clashes.push(`${a} = ${b}: ${messages[language][a]}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(LANGUAGES)('%s is translated, not copied', (language) => {
    const copied = Object.keys(messages.en).filter((key) => messages[language][key] === messages.en[key] && !SAME[language].has(messages.en[key]));
    expect(copied).toEqual([]);
    expect(Object.values(messages[language]).filter((text) => text.trim() === '')).toEqual([]);
  });
});
