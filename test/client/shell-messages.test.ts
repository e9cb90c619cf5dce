import { describe, expect, it } from 'vitest';
import { commonMessages } from '../../client/i18n/common.messages';
import { loginMessages } from '../../client/pages/login/messages';
import { snapshotsMessages } from '../../client/pages/snapshots/messages';

// The shell's, sign-in page's and snapshots page's words: every key said in both languages, with
// the same placeholders, and Spanish that is not English left untranslated.

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// Words that are the same in both languages.
const SAME = new Set(['Write for Rights Impact', 'English', 'Español', 'Provisional', 'Faxes', '{{role}} ({{regions}})']);

describe.each([
  ['common', commonMessages],
  ['login', loginMessages],
  ['snapshots', snapshotsMessages],
])('%s messages', (_name, messages: { en: Record<string, string>; es: Record<string, string> }) => {
  it('have the same keys in English and Spanish', () => {
    expect(Object.keys(messages.es).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('keep every placeholder in Spanish', () => {
    for (const [key, english] of Object.entries(messages.en)) {
      // A singular may leave the count out ("El único grupo…").
      if (key.endsWith('_one')) continue;
      expect([key, placeholders(messages.es[key])]).toEqual([key, placeholders(english)]);
    }
  });

  it('are translated, not copied', () => {
    const copied = Object.keys(messages.en).filter((key) => messages.es[key] === messages.en[key] && !SAME.has(messages.en[key]));
    expect(copied).toEqual([]);
    expect(Object.values(messages.es).filter((text) => text.trim() === '')).toEqual([]);
  });
});
