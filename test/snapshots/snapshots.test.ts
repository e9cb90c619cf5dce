import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../server/modules/snapshots/canonical';
import { publishSnapshot, verifySnapshots } from '../../server/modules/snapshots/snapshot.service';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;

const PUBLISH = `mutation($input: PublishSnapshotInput!) { publishSnapshot(input: $input) { slug status checksum url dataVersion content } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    report({ year: 2023, count: 50 }),
    report({ year: 2024, count: 100, subdivision: 'US-IL', groupRef: 'G-BIG', groupName: 'Chicago <script>alert(1)</script> group' }),
    report({ year: 2024, count: 4, subdivision: 'US-NY', groupRef: 'G-SMALL', groupName: '=HYPERLINK("http://evil")' }),
    report({ year: 2024, count: 30, caseSlug: 'li-wen', country: 'MX', region: 'Americas' }),
  ]);
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('Mutation.publishSnapshot', () => {
  it('freezes the figures with a checksum of their canonical JSON; FINAL after the deadline', async () => {
    const { data, errors } = await app.graphql(PUBLISH, { input: { year: 2024, title: 'Write for Rights 2024: results' } });
    expect(errors).toBeUndefined();
    const s = data.publishSnapshot;
    expect(s).toMatchObject({ slug: 'w4r-2024-final', status: 'FINAL', url: '/s/w4r-2024-final' });
    expect(s.checksum).toBe(sha256(canonicalJson(s.content)));
    expect(s.content.totals).toEqual({ actions: 134, reports: 3, groups: 2, countries: 2 });
    expect(s.content.methodology).toContain('Retracted');
  });

  it('can be previewed without storing anything', async () => {
    const { data } = await app.graphql(`{ previewSnapshot(input: { year: 2023, title: "Preview" }) { status content } }`);
    expect(data.previewSnapshot.status).toBe('FINAL');
    expect(data.previewSnapshot.content.totals.actions).toBe(50);
    expect((await app.graphql(`{ snapshots { year } }`)).data.snapshots.some((s: { year: number }) => s.year === 2023)).toBe(false);
  });

  it('is PROVISIONAL before the reporting deadline', async () => {
    const row = await publishSnapshot(db.dataSource, { year: 2024, title: 'Interim', slug: 'w4r-2024-interim' }, null, new Date('2024-12-15T12:00:00Z'));
    expect(row.status).toBe('PROVISIONAL');
  });

  it('needs an explicit replace for a second FINAL of the same scope, and keeps the old one readable', async () => {
    const again = await app.graphql(PUBLISH, { input: { year: 2024, title: 'Again' } });
    expect(again.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(again.errors[0].message).toContain('replace');
    const replaced = await app.graphql(PUBLISH, { input: { year: 2024, title: 'Corrected results', replace: true } });
    expect(replaced.data.publishSnapshot.slug).toBe('w4r-2024-final-2');
    const { data } = await app.graphql(`{ old: snapshot(slug: "w4r-2024-final") { title replacedBy { slug } } }`, {}, null);
    expect(data.old).toEqual({ title: 'Write for Rights 2024: results', replacedBy: { slug: 'w4r-2024-final-2' } });
  });

  it('suppresses small figures in the finest breakdowns and names no group unless asked', async () => {
    const { data } = await app.graphql(PUBLISH, { input: { year: 2024, title: 'Groups', slug: 'with-groups', includeGroupNames: true } });
    const c = data.publishSnapshot.content;
    expect(c.bySubdivision).toContainEqual({ key: 'US-NY', label: 'US-NY', actions: null, reports: null, suppressed: true });
    // the United States (104) is US-NY and US-IL only: showing US-IL would give US-NY away
    expect(c.bySubdivision).toContainEqual({ key: 'US-IL', label: 'US-IL', actions: null, reports: null, suppressed: true });
    expect(c.byCountry).toContainEqual({ key: 'US', label: 'United States', actions: 104, reports: 2 });
    // never one hidden group alone: the second smallest goes too
    expect(c.topGroups.map((g: { actions: number | null }) => g.actions)).toEqual([null, null]);
    const anonymous = (await app.graphql(`{ snapshot(slug: "w4r-2024-final") { content } }`, {}, null)).data.snapshot.content;
    expect(anonymous.topGroups).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain('Chicago');
  });

  it('is for staff: a coordinator may not publish', async () => {
    const coordinator = await app.userToken('coordinator', ['Americas']);
    const res = await app.graphql(PUBLISH, { input: { year: 2023, title: 'x' } }, coordinator);
    expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('a published snapshot', () => {
  it('does not change when reports arrive later; the diff shows exactly the late reports', async () => {
    const files = ['.json', '.csv', '', '/cases.svg'].map((suffix) => `${app.url}/s/w4r-2024-final${suffix}`);
    const before = await Promise.all(files.map((f) => fetch(f).then((r) => r.text())));
    await givenReports(db.dataSource, [report({ year: 2024, count: 7, caseSlug: 'li-wen', country: 'DE', region: 'Europe and Central Asia' })]);
    expect(await Promise.all(files.map((f) => fetch(f).then((r) => r.text())))).toEqual(before);
    const { data } = await app.graphql(`{ snapshotDiff(slug: "w4r-2024-final") { totalBefore totalAfter byCase { key before after change } byCountry { key change } } }`);
    expect(data.snapshotDiff).toEqual({
      totalBefore: 134,
      totalAfter: 141,
      byCase: [{ key: 'li-wen', before: 30, after: 37, change: 7 }],
      byCountry: [{ key: 'DE', change: 7 }],
    });
  });

  it('cannot be changed or deleted, even by SQL, and verify checks every checksum', async () => {
    await expect(db.dataSource.query(`UPDATE snapshot SET title = 'forged'`)).rejects.toThrow(/cannot be changed/);
    await expect(db.dataSource.query(`DELETE FROM snapshot`)).rejects.toThrow(/cannot be changed/);
    await expect(db.dataSource.query(`TRUNCATE snapshot CASCADE`)).rejects.toThrow(/truncated/);
    expect(await verifySnapshots(db.dataSource)).toEqual([]);
  });

  it('is public: page, JSON, CSV and charts without sign-in, cached forever, the checksum matching the JSON', async () => {
    const page = await fetch(`${app.url}/s/with-groups`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const html = await page.text();
    expect(html).toContain('<meta property="og:title" content="Groups">');
    // dates as the dashboard writes them in English (British), not "December 8, 2026 at 12:07 AM"
    expect(html).toMatch(/\b\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC\b/);
    expect(html).not.toMatch(/ [AP]M UTC/);
    expect(html).toContain('Chicago &lt;script&gt;alert(1)&lt;/script&gt; group');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt; 10');
    const json = await fetch(`${app.url}/s/with-groups.json`);
    expect(sha256(await json.text())).toBe(json.headers.get('x-content-sha256'));
    const csv = await (await fetch(`${app.url}/s/with-groups.csv`)).text();
    expect(csv).toContain(`group,`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const png = await fetch(`${app.url}/s/with-groups/cumulative.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${app.url}/s/no-such-thing`)).status).toBe(404);
  });

  it('speaks the four public languages: by ?lang= or the browser, Arabic right to left with Arabic-Indic digits', async () => {
    const english = await fetch(`${app.url}/s/with-groups`);
    expect(english.headers.get('vary')).toContain('Accept-Language');
    expect(await english.text()).toContain('<html lang="en" dir="ltr">');

    const french = await fetch(`${app.url}/s/with-groups`, { headers: { 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.5' } });
    const frenchHtml = await french.text();
    expect(frenchHtml).toContain('<html lang="fr" dir="ltr">');
    expect(frenchHtml).toContain('Méthodologie');
    expect(frenchHtml).toContain('États-Unis'); // a country named in the page's language
    expect(french.headers.get('etag')).not.toBe(english.headers.get('etag'));

    const arabic = await fetch(`${app.url}/s/with-groups?lang=ar`, { headers: { 'Accept-Language': 'fr' } });
    expect(arabic.headers.get('vary') ?? '').not.toContain('Accept-Language'); // the address names the language
    const arabicHtml = await arabic.text();
    expect(arabicHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arabicHtml).toContain('المنهجية');
    expect(arabicHtml).toContain('١٣٤ تحرك'); // 134 actions, in Arabic-Indic digits
    expect(arabicHtml).toContain('Chicago &lt;script&gt;'); // names stay as data, escaped
    expect(arabicHtml).toContain('href="/s/with-groups/cumulative.png?lang=ar"');

    // The charts mirrored: right to left, the first day stands at the right.
    const chart = await (await fetch(`${app.url}/s/with-groups/cumulative.svg?lang=ar`)).text();
    expect(chart).toContain('<text x="690" y="24" text-anchor="end"'); // the title starts at the right
    expect(chart).toContain('الأيام منذ بدء الكتابة');
    const png = await fetch(`${app.url}/s/with-groups/cases.png?lang=ar`);
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('appears in the list at once, though the list was just read (and cached) by the same user', async () => {
    const before = (await app.graphql(`{ snapshots { slug } }`)).data.snapshots.length;
    await app.graphql(PUBLISH, { input: { year: 2023, title: 'Listed at once', slug: 'listed-at-once' } });
    const after = (await app.graphql(`{ snapshots { slug } }`)).data.snapshots;
    expect(after).toHaveLength(before + 1);
    expect(after[0].slug).toBe('listed-at-once');
  });

  it('lists for staff only; anonymous readers get the published one by slug, and no preview', async () => {
    expect((await app.graphql(`{ snapshots { slug } }`, {}, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.graphql(`{ previewSnapshot(input: { year: 2024, title: "x" }) { status } }`, {}, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.graphql(`{ snapshot(slug: "w4r-2024-interim") { status } }`, {}, null)).data.snapshot).toEqual({ status: 'PROVISIONAL' });
    expect((await app.graphql(`{ snapshots { slug } }`)).data.snapshots.length).toBeGreaterThanOrEqual(4);
  });
});

describe('chart images', () => {
  const PNG_MARK = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from('stored, not rendered')]);
  const stored = (slug: string) =>
    db.dataSource.query(
      `SELECT i.chart || ':' || i.language AS chart, i.png FROM snapshot_image i JOIN snapshot s ON s.id = i.snapshot_id WHERE s.slug = $1 ORDER BY 1`,
      [slug],
    ) as Promise<{ chart: string; png: Buffer }[]>;
  const png = async (path: string) => {
    const res = await fetch(`${app.url}${path}`);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('renders a PNG on its first request, stores it, and serves the stored bytes ever after', async () => {
    await app.graphql(PUBLISH, { input: { year: 2024, title: 'Images', slug: 'images', filter: { regions: ['Americas'] } } });
    expect(await stored('images')).toEqual([]);
    // requests arriving together before anything is stored: one row, the same bytes for all
    const first = await Promise.all(Array.from({ length: 4 }, () => png('/s/images/cases.png')));
    expect(first.map(({ res }) => res.headers.get('content-type'))).toEqual(Array(4).fill('image/png'));
    const rows = await stored('images');
    expect(rows.map((r) => r.chart)).toEqual(['cases:en']);
    for (const { bytes } of first) expect(bytes.equals(rows[0].png)).toBe(true);

    // what is stored is what is served: a planted value comes back as it is, so nothing was rendered again
    await db.dataSource.query(`UPDATE snapshot_image SET png = $1 WHERE snapshot_id = (SELECT id FROM snapshot WHERE slug = 'images')`, [PNG_MARK]);
    const again = await png('/s/images/cases.png');
    expect(again.bytes.equals(PNG_MARK)).toBe(true);
    expect(again.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // each language is an image of its own
    const spanish = await png('/s/images/cases.png?lang=es');
    expect(spanish.bytes.equals(PNG_MARK)).toBe(false);
    expect((await stored('images')).map((r) => r.chart)).toEqual(['cases:en', 'cases:es']);
  });

  it('gives a replacing snapshot images of its own', async () => {
    // "images" serves the planted bytes (above); its replacement must not
    const replaced = await app.graphql(PUBLISH, {
      input: { year: 2024, title: 'Images again', slug: 'images-after', filter: { regions: ['Americas'] }, replace: true },
    });
    expect(replaced.errors?.[0]?.message).toBeUndefined();
    const after = await png('/s/images-after/cases.png');
    expect(after.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(after.bytes.equals(PNG_MARK)).toBe(false);
    expect((await stored('images-after')).map((r) => r.chart)).toEqual(['cases:en']);
    expect((await png('/s/images/cases.png')).bytes.equals(PNG_MARK)).toBe(true);
  });
});
