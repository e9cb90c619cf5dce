import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/modules/users/demo-accounts';
import { screenshot, useDashboard } from './support/browser';

// The shell as a keyboard user and a Spanish reader meet it: skip link, tab order, focus ring,
// language picker (kept across reloads), signing in and out in Spanish, signing out everywhere, and
// no overflow on a phone.

const dashboard = useDashboard();

const PHONE = { width: 375, height: 800 };
const STAFF = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const NAV_ES = ['Resumen', 'Tendencias', 'Casos y resultados', 'Geografía', 'Grupos', 'Informes', 'Publicaciones', 'Contadores'];

/** What has the focus, in a few words, and whether it shows a focus ring. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', ring: false };
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const where = el.closest('nav') ? 'nav' : el.closest('form.filter-bar') ? 'filter' : el.closest('header') ? 'header' : 'page';
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return { what: `${where}:${el.tagName.toLowerCase()}:${el.className}:${label}`.slice(0, 120), ring };
  });
}

/** The latest campaign's total actions, as the server counts them. */
async function latestTotal(): Promise<number> {
  const { data } = await dashboard().app.graphql<{ campaigns: { year: number }[] }>('{ campaigns { year } }');
  const year = Math.max(...data.campaigns.map((c) => c.year));
  const answer = await dashboard().app.graphql<{ impact: { totalActions: number } }>(
    'query($year: Int!) { impact(filter: { year: $year }) { totalActions } }',
    { year },
  );
  return answer.data.impact.totalActions;
}

/** A new browser whose language is Spanish, on the sign-in page. */
async function spanishVisitor(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await dashboard().browser.newContext({ locale: 'es-ES', viewport });
  const page = await context.newPage();
  await page.goto(dashboard().app.url);
  await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
  return page;
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

describe('keyboard', () => {
  it('skips to the main content, then tabs through language, sign-out, navigation and filters with a visible ring', async () => {
    const page = await dashboard().signIn('staff');
    // A fresh load: the keyboard starts from the top of the document.
    await page.reload();
    await page.locator('.filter-bar').waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).what).toMatch(/skip-link/);
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    // "Skip to the figures": past the filters (it once landed before them, 14 stops away)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('figures');
    await page.keyboard.press('Tab');
    expect((await focused(page)).what).toMatch(/^page:/);

    // From the top again: the order the keyboard meets things in.
    await page.reload();
    await page.locator('.filter-bar').waitFor();
    const stops: { what: string; ring: boolean }[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    const first = (pattern: RegExp) => stops.findIndex((s) => pattern.test(s.what));
    // As seen: the header's bar (language, account), its row of pages, then the page's filters.
    const order = [
      first(/skip-link/),
      first(/^header:select/),
      first(/^header:button:.*Sign out/),
      first(/^nav:a:.*Overview/),
      first(/^nav:a:.*Snapshots/),
      first(/^filter:/),
    ];
    expect(order.every((index) => index >= 0), JSON.stringify(stops, null, 1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every stop shows where the focus is.
    expect(stops.filter((s) => !s.ring)).toEqual([]);
  });
});

describe('signing out everywhere', () => {
  it("ends the account's sessions in other browsers too: their next load is the sign-in page", async () => {
    const here = await dashboard().signIn('staff');
    const elsewhere = await dashboard().signIn('staff');
    await here.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await elsewhere.reload();
    await elsewhere.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expect(elsewhere.getByRole('button', { name: 'Sign out', exact: true }).count()).resolves.toBe(0);
  });
});

describe('Spanish', () => {
  it('switches the navigation, <html lang>, document title and figures, and keeps the choice after a reload', async () => {
    const total = await latestTotal();
    const english = new Intl.NumberFormat('en-GB', { useGrouping: 'always' }).format(total);
    const spanish = new Intl.NumberFormat('es-ES', { useGrouping: 'always' }).format(total);
    expect(english).not.toBe(spanish); // the demo total has thousands, so the separators differ

    const page = await dashboard().signIn('staff');
    const main = page.locator('main');
    await expect.poll(() => main.textContent(), { timeout: 15_000 }).toContain(english);
    await page.getByLabel('Language').selectOption('es');

    const nav = page.getByRole('navigation', { name: 'Páginas del panel' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(NAV_ES);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    await expect.poll(() => main.textContent()).toContain(spanish);
    await expect(page.getByRole('button', { name: 'Cerrar sesión' }).isVisible()).resolves.toBe(true);

    await page.reload();
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(NAV_ES);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    await expect.poll(() => main.textContent(), { timeout: 15_000 }).toContain(spanish);
    await expect(page.getByLabel('Idioma').inputValue()).resolves.toBe('es');

    await nav.getByRole('link', { name: 'Publicaciones' }).click();
    await page.getByRole('heading', { name: 'Publicaciones de impacto', level: 1 }).waitFor();
    await expect(page.title()).resolves.toBe('Publicaciones de impacto · Write for Rights Impact');
  });

  it('signs in and out in Spanish, with Spanish errors', async () => {
    const page = await spanishVisitor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    await expect(page.title()).resolves.toBe('Iniciar sesión · Write for Rights Impact');

    await page.getByLabel('Correo electrónico').fill(STAFF.email);
    await page.getByLabel('Contraseña').fill('not-the-password');
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'incorrectos' }).textContent()).resolves.toBe(
      'Correo electrónico o contraseña incorrectos.',
    );

    await page.getByLabel('Contraseña').fill(STAFF.password);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
    await expect(page.getByLabel('Idioma').inputValue()).resolves.toBe('es');
  });

  it('offers the language picker on the sign-in page, and remembers it', async () => {
    const context = await dashboard().browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(dashboard().app.url);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
    await expect(page.getByRole('button', { name: /^Entrar como Personal$/ }).count()).resolves.toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
  });
});

describe('Spanish on a phone and a desktop', () => {
  beforeAll(async () => {
    // A published snapshot, so its table (a card per row on phones) is on the page.
    const answer = await dashboard().app.graphql(
      'mutation { publishSnapshot(input: { year: 2024, title: "Escribe por los Derechos 2024: nuestro impacto" }) { slug } }',
    );
    expect(answer.errors).toBeUndefined();
  });

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', PHONE],
  ] as const) {
    it(`fits the sign-in and snapshots pages on a ${size}`, async () => {
      const page = await spanishVisitor(viewport);
      await noHorizontalOverflow(page);
      await screenshot(page, `shell-es-login-${size}`);

      await page.getByLabel('Correo electrónico').fill(STAFF.email);
      await page.getByLabel('Contraseña').fill(STAFF.password);
      await page.getByRole('button', { name: 'Entrar', exact: true }).click();
      await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
      await page.goto(`${dashboard().app.url}/?page=snapshots`);
      await page.getByRole('heading', { name: 'Publicaciones de impacto', level: 1 }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 });
      await page.getByRole('button', { name: 'Previsualizar' }).click();
      await page.getByRole('heading', { name: /^Vista previa:/ }).waitFor();
      await page.getByRole('button', { name: 'Comparar con los datos en directo' }).click();
      await page.locator('.diff__total').waitFor();
      await noHorizontalOverflow(page);
      // All seven pages stay reachable in the header, however narrow the screen.
      const links = page.getByRole('navigation', { name: 'Páginas del panel' }).getByRole('link');
      await expect(links.allTextContents()).resolves.toEqual(NAV_ES);
      await screenshot(page, `shell-es-snapshots-${size}`);
    });
  }
});
