import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../server/db/data-source';
import { openDatabase, type Database } from '../../server/db/open-database';
import { campaign, givenCampaigns } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';
import { startReplicaPair, type ReplicaPair } from '../support/replica';
import type { DataSource } from 'typeorm';

let pair: ReplicaPair;
let database: Database;
let replica: DataSource;
let app: RunningApp;
let replicaQueries = 0;

const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { id } }`;
const TOTAL = `{ impact(filter: { year: 2024 }) { totalActions } }`;
const input = (reportId: string, count: number) => ({
  reportId, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count,
  reportedAt: '2024-12-10T10:00:00Z', country: 'US', region: 'Americas',
});

async function replicaCaughtUp() {
  for (let i = 0; i < 100; i++) {
    const [a] = await database.dataSource.query(`SELECT version FROM data_version`);
    const [b] = await replica.query(`SELECT version FROM data_version`);
    if (a.version === b.version) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the replica did not catch up');
}

beforeAll(async () => {
  pair = startReplicaPair(5491 + (process.pid % 50) * 2, 5492 + (process.pid % 50) * 2);
  database = await openDatabase({ databaseUrl: pair.primaryUrl, dataDir: 'unused' });
  replica = createDataSource({ url: pair.replicaUrl });
  await replica.initialize();
  const query = replica.query.bind(replica);
  replica.query = ((sql: string, params?: unknown[]) => {
    replicaQueries++;
    return query(sql, params);
  }) as typeof replica.query;
  await givenCampaigns(database.dataSource, campaign(2024));
  app = await startApp(database.dataSource, { readDataSource: replica });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await replica?.destroy();
  await database?.close();
  pair?.stop();
});

describe('DATABASE_READ_URL: a streaming replica', () => {
  it('answers dashboard reads once it has caught up with the data version', async () => {
    await app.graphql(SUBMIT, { input: input('R-1', 5) });
    await replicaCaughtUp();
    const before = replicaQueries;
    expect((await app.graphql(TOTAL)).data.impact.totalActions).toBe(5);
    expect(replicaQueries).toBeGreaterThan(before);
  });

  it('is bypassed while it lags, so no answer is ever older than the last write', async () => {
    await replica.query(`SELECT pg_wal_replay_pause()`);
    try {
      await app.graphql(SUBMIT, { input: input('R-2', 7) });
      // the replica still has the old figures, the answer must not
      const [{ version }] = await replica.query(`SELECT version FROM data_version`);
      const [{ version: primaryVersion }] = await database.dataSource.query(`SELECT version FROM data_version`);
      expect(Number(version)).toBeLessThan(Number(primaryVersion));
      expect((await app.graphql(TOTAL)).data.impact.totalActions).toBe(12);
    } finally {
      await replica.query(`SELECT pg_wal_replay_resume()`);
    }
  });

  it('keeps answering from the primary when the replica is down', async () => {
    await app.graphql(SUBMIT, { input: input('R-3', 1) });
    await replicaCaughtUp();
    await replica.destroy();
    try {
      // the replica cannot be reached: reads go to the primary
      expect((await app.graphql(TOTAL)).data.impact.totalActions).toBe(13);
      expect((await app.graphql(`{ impact(filter: { year: 2024, countries: ["US"] }) { totalActions } }`)).data.impact.totalActions).toBe(13);
    } finally {
      await replica.initialize();
    }
  });
});
