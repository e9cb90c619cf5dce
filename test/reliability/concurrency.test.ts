import { random } from '../../seeds/generate-reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrphanReports } from '../../server/modules/reports/verify-references';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

/**
 * Design §7: "32 concurrent writers: totals exact; `npm run verify` passes." 32 writers submit,
 * correct and retract reports over HTTP, often the same reports and the same summary rows at once,
 * while 4 readers query the figures. Each writer keeps its own ledger from the answers it got; at the
 * end the figures equal the sum of the reports the ledgers say are active, the summary tables equal
 * the raw reports, and no session is left holding a lock or a transaction.
 */

const WRITERS = 32;
const OPS_PER_WRITER = 16;
const READERS = 4;
const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { id reportId count status } }`;
const CORRECT = `mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "recount") { id reportId count status } }`;
const RETRACT = `mutation($id: ID!) { retractReport(id: $id, reason: "sent twice") { id status } }`;
const READ = `{ impact(filter: { year: 2024 }) { totalActions reportCount byRegion { key actions } byCase { case { slug } actions reports }
  topGroups(first: 5) { totalCount } daily { actions } } }`;
const AREAS = [
  { country: 'DE', region: 'Europe and Central Asia' },
  { country: 'US', region: 'Americas' },
  { country: 'KE', region: 'Africa' },
];
const GROUPS = 6; // few groups, few days: writers meet on the same summary rows

let db: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

/** A deterministic generator (mulberry32, shared with the demo data), so a failure can be replayed. */
const rng = random;

interface Active {
  id: string;
  reportId: string;
  count: number;
  region: string;
  caseSlug: string;
}

describe(`${WRITERS} writers submitting, correcting and retracting while ${READERS} readers query`, () => {
  it('keeps every total exact, the summary tables equal to the raw reports, and leaves no lock', async () => {
    // the shared ledger: what the answers said is active now, by database id
    const active = new Map<string, Active>();
    const retired = new Set<string>();
    const outcomes = { submitted: 0, resubmitted: 0, corrected: 0, retracted: 0, refusedAsAlreadyChanged: 0, failed: [] as string[] };
    let readsDone = 0;
    const readErrors: string[] = [];
    let writing = true;

    const inputFor = (random: () => number, reportId: string) => {
      const g = Math.floor(random() * GROUPS);
      return {
        reportId, year: 2024, caseSlug: random() < 0.5 ? 'ana-ruiz' : 'li-wen', actionType: random() < 0.7 ? 'LETTER' : 'EMAIL',
        count: 1 + Math.floor(random() * 200), reportedAt: `2024-12-${10 + Math.floor(random() * 3)}T12:00:00Z`,
        groupRef: `G-${g}`, groupName: `Group ${g}`, groupType: 'LOCAL_GROUP', ...AREAS[g % AREAS.length],
      };
    };
    const remember = (r: { id: string; reportId: string; count: number }, input: { region: string; caseSlug: string }) =>
      active.set(r.id, { id: r.id, reportId: r.reportId, count: r.count, region: input.region, caseSlug: input.caseSlug });

    const writer = async (w: number) => {
      const random = rng(1000 + w);
      const mine: string[] = []; // reportIds this writer sent, to send again
      const sent = new Map<string, object>();
      for (let op = 0; op < OPS_PER_WRITER; op++) {
        const roll = random();
        // someone's active report, often another writer's: writers race on the same reports
        const targets = [...active.values()];
        const target = targets.length ? targets[Math.floor(random() * targets.length)] : undefined;
        if (roll < 0.55 || !target) {
          const input = inputFor(random, `W${w}-${op}`);
          const res = await app.graphql(SUBMIT, { input });
          if (res.errors) outcomes.failed.push(`submit: ${JSON.stringify(res.errors)}`);
          else {
            outcomes.submitted++;
            mine.push(input.reportId);
            sent.set(input.reportId, input);
            remember(res.data.submitReport, input);
          }
        } else if (roll < 0.62 && mine.length) {
          // the same report sent again: idempotent, the same stored report
          const reportId = mine[Math.floor(random() * mine.length)];
          const res = await app.graphql(SUBMIT, { input: sent.get(reportId) });
          if (res.errors) outcomes.failed.push(`resubmit: ${JSON.stringify(res.errors)}`);
          else outcomes.resubmitted++;
        } else if (roll < 0.85) {
          const input = { ...inputFor(random, `W${w}-${op}-c`), count: 1 + Math.floor(random() * 50) };
          const res = await app.graphql(CORRECT, { id: target.id, input });
          if (res.errors) {
            const message = res.errors[0].message as string;
            if (/already (superseded|retracted)/.test(message)) outcomes.refusedAsAlreadyChanged++;
            else outcomes.failed.push(`correct: ${JSON.stringify(res.errors)}`);
          } else {
            outcomes.corrected++;
            active.delete(target.id);
            retired.add(target.id);
            remember(res.data.correctReport, input);
          }
        } else {
          const res = await app.graphql(RETRACT, { id: target.id });
          if (res.errors) {
            const message = res.errors[0].message as string;
            if (/already (superseded|retracted)/.test(message)) outcomes.refusedAsAlreadyChanged++;
            else outcomes.failed.push(`retract: ${JSON.stringify(res.errors)}`);
          } else {
            outcomes.retracted++;
            active.delete(target.id);
            retired.add(target.id);
          }
        }
      }
    };

    const reader = async () => {
      while (writing) {
        const res = await app.graphql(READ);
        if (res.errors) readErrors.push(JSON.stringify(res.errors));
        readsDone++;
      }
    };

    const started = Date.now();
    const readers = Array.from({ length: READERS }, () => reader());
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await Promise.all(readers);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `concurrency: ${WRITERS} writers × ${OPS_PER_WRITER} operations in ${seconds.toFixed(1)} s: ${JSON.stringify({ ...outcomes, failed: outcomes.failed.length })}; ` +
        `${readsDone} reads by ${READERS} readers`,
    );
    expect(outcomes.failed).toEqual([]);
    expect(readErrors).toEqual([]);
    expect(outcomes.corrected + outcomes.retracted).toBeGreaterThan(50);

    // the ledger, summed independently of the server
    const ledger = [...active.values()];
    const expected = {
      totalActions: ledger.reduce((s, r) => s + r.count, 0),
      reportCount: ledger.length,
    };
    const byRegion = new Map<string, number>();
    for (const r of ledger) byRegion.set(r.region, (byRegion.get(r.region) ?? 0) + r.count);
    const byCase = new Map<string, { actions: number; reports: number }>();
    for (const r of ledger) {
      const c = byCase.get(r.caseSlug) ?? { actions: 0, reports: 0 };
      byCase.set(r.caseSlug, { actions: c.actions + r.count, reports: c.reports + 1 });
    }

    const { data, errors } = await app.graphql(READ);
    expect(errors).toBeUndefined();
    expect({ totalActions: data.impact.totalActions, reportCount: data.impact.reportCount }).toEqual(expected);
    expect(new Map(data.impact.byRegion.map((r: { key: string; actions: number }) => [r.key, r.actions]))).toEqual(byRegion);
    expect(
      new Map(data.impact.byCase.map((c: { case: { slug: string }; actions: number; reports: number }) => [c.case.slug, { actions: c.actions, reports: c.reports }])),
    ).toEqual(byCase);

    // the raw reports agree, report by report
    const rows: { id: string; status: string; count: number }[] = await db.dataSource.query(
      `SELECT id::text, status, count FROM letter_report`,
    );
    const status = new Map(rows.map((r) => [r.id, r]));
    for (const r of ledger) expect(status.get(r.id)).toMatchObject({ status: 'ACTIVE', count: r.count });
    for (const id of retired) expect(status.get(id)?.status).not.toBe('ACTIVE');
    expect(rows.filter((r) => r.status === 'ACTIVE').length).toBe(ledger.length);
    expect(rows.length).toBe(ledger.length + retired.size);

    // npm run verify
    expect(await verifyRollups(db.dataSource)).toEqual([]);
    expect(await findOrphanReports(db.dataSource)).toEqual([]);

    // nothing left open: no transaction, no lock held by an idle session of this database
    const idleInTransaction = await db.dataSource.query(
      `SELECT pid, state, left(query, 80) AS query FROM pg_stat_activity
       WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(idleInTransaction).toEqual([]);
    const heldByIdle = await db.dataSource.query(
      `SELECT l.pid, l.locktype, l.mode, l.relation::regclass::text AS relation
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE a.datname = current_database() AND l.granted AND a.state <> 'active' AND l.pid <> pg_backend_pid()`,
    );
    expect(heldByIdle).toEqual([]);
    const waiting = await db.dataSource.query(
      `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.datname = current_database() AND NOT l.granted`,
    );
    expect(waiting).toEqual([]);
  }, 120_000);
});
