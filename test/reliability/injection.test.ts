import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

const PAYLOADS = {
  sql: `Robert'); DROP TABLE letter_report; --`,
  html: `<img src=x onerror="alert(1)"> & <b>bold</b>`,
  script: `</script><script>alert('x')</script>`,
  formula: `=HYPERLINK("http://evil.example","click")`,
};

let db: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023));
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('hostile text in reports', () => {
  it('is stored verbatim, filters on it match it literally, and every table survives', async () => {
    const submit = `mutation($input: ReportInput!) { submitReport(input: $input) { id group { name } region } }`;
    for (const [kind, text] of Object.entries(PAYLOADS)) {
      const { data, errors } = await app.graphql(submit, {
        input: {
          reportId: `INJ-${kind}`, year: 2023, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 3,
          reportedAt: '2023-12-10T10:00:00Z', country: 'US', region: text,
          groupRef: `ref-${kind}`, groupName: text, groupType: 'LOCAL_GROUP',
        },
      });
      expect(errors).toBeUndefined();
      expect(data.submitReport.group.name).toBe(text);
      expect(data.submitReport.region).toBe(text);
      const filtered = await app.graphql(`query($r: [String!]) { impact(filter: { regions: $r }) { totalActions byRegion { key } } }`, { r: [text] });
      expect(filtered.data.impact).toEqual({ totalActions: 3, byRegion: [{ key: text }] });
    }
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM letter_report`);
    expect(n).toBe(4);
  });

  it('comes out escaped on a published page and in its CSV', async () => {
    const published = await app.graphql(
      `mutation { publishSnapshot(input: { year: 2023, title: "<script>alert(1)</script>", includeGroupNames: true, suppressBelow: 0 }) { slug } }`,
    );
    const slug = published.data.publishSnapshot.slug;
    const html = await (await fetch(`${app.url}/s/${slug}`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    const csv = await (await fetch(`${app.url}/s/${slug}.csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
