import { ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { commonMessages } from '../../client/i18n/common.messages';
import {
  accountLabel,
  COOKIE_BLOCKED_MESSAGE,
  errorMessage,
  roleDescription,
  roleLabel,
  SESSION_ENDED_NOTICE,
  type Translate,
} from '../../client/session';

/** The shell's words in one language, `{{name}}` filled in, as i18next would. */
const translator =
  (language: 'en' | 'es'): Translate =>
  (key, values = {}) =>
    (commonMessages[language][key as keyof (typeof commonMessages)['en']] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(values[name]),
    );
const en = translator('en');
const es = translator('es');

const coordinator = { role: 'coordinator', regions: ['Americas'] };

describe('session words', () => {
  it('name roles and demo accounts in the chosen language', () => {
    expect(roleLabel('staff', en)).toBe('Staff');
    expect(roleLabel('staff', es)).toBe('Personal');
    expect(roleLabel('auditor', es)).toBe('auditor'); // unknown: as the server says
    expect(accountLabel(coordinator, en)).toBe('Coordinator (Americas)');
    expect(accountLabel(coordinator, es)).toBe('Coordinación (Americas)');
    expect(roleDescription(coordinator, es)).toBe('Solo las cifras de Americas');
    expect(roleDescription({ role: 'coordinator', regions: [] }, en)).toBe('Only their own regions');
    expect(roleDescription({ role: 'admin', regions: [] }, en)).toBe('Everything, including users and publishing');
  });

  it('pass notices on as keys of the shell’s words', () => {
    expect(es(SESSION_ENDED_NOTICE)).toBe('Tu sesión ha terminado; vuelve a iniciar sesión.');
    expect(en(COOKIE_BLOCKED_MESSAGE)).toMatch(/did not keep the session cookie/);
  });
});

describe('errorMessage', () => {
  const serverError = (status: number, body: string) =>
    new ServerError('failed', { response: new Response(body, { status }), bodyText: body });

  it('says what went wrong in the chosen language', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), es)).toBe(
      'No se pudo conectar con el servidor. Comprueba la conexión y vuelve a intentarlo.',
    );
    expect(errorMessage(serverError(502, 'Bad gateway'), es)).toBe(
      'El servidor respondió con un error (HTTP 502). Vuelve a intentarlo en un momento.',
    );
    expect(errorMessage(serverError(429, ''), en)).toBe('Too many attempts. Wait a few minutes, then try again.');
    expect(errorMessage(new Error(COOKIE_BLOCKED_MESSAGE), es)).toMatch(/^Has iniciado sesión, pero este navegador/);
  });

  it('keeps the server’s own message when it sent one', () => {
    const body = JSON.stringify({ errors: [{ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(errorMessage(serverError(401, body), es)).toBe('Wrong email or password');
  });
});
