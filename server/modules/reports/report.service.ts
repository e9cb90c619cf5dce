import type { DataSource, EntityManager } from 'typeorm';
import { forbidden } from '../../graphql/auth-checker';
import { badInput } from '../../graphql/errors-user';
import { audit } from '../audit/audit';
import { filterToSql } from '../impact/filter-sql';
import { bumpDataVersionAfter, partsOf } from '../../data-version';
import { entityFromRow } from '../../db/entity-from-row';
import { shortWriteTransaction, writeTransaction } from '../../db/write-transaction';
import { rollupUpdates } from '../rollups/rollup-maintenance';
import { ConcurrentWriteError, type RowError } from './ingest';
import { storeRow } from './ingest-row';
import { LetterReport } from './letter-report.entity';
import { parseReport, type FieldError } from './report-fields';
import { INPUT_FIELD, inputToRaw, type ReportInput } from './report.inputs';
import type { ReportSource } from './report.enums';
import type { ReportRow, WriteOptions } from './report-row';

export interface Actor {
  userId: number | null;
  /** A coordinator's regions: they write only there (see storeOne); null or absent for no limit. */
  scope?: string[] | null;
}

/**
 * Stores one report from a form with the checks and SQL of an import (ingest-row.ts). Idempotent on
 * reportId: the same report sent again returns the stored one; other content under the same id is
 * refused (corrections go through correctReport).
 */
export async function submitReport(db: DataSource, input: ReportInput, actor: Actor): Promise<LetterReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      // answered as the insert returned it, or read inside the transaction: once COMMIT has
      // returned nothing is left to fail, so an error answered means the report was not stored.
      // Two round trips for a new report: the checks and the insert (after BEGIN), then the
      // summary tables, the bump and COMMIT.
      return await shortWriteTransaction(db, async (transaction) => {
        const m = transaction.manager;
        const stored = await storeOne(m, input, 'FORM', actor, { transaction });
        return stored.report ? entityFromRow(m, LetterReport, stored.report) : m.getRepository(LetterReport).findOneByOrFail({ id: stored.id });
      });
    } catch (error) {
      // the same id sent twice at once: the second sees the first's row on its next try
      if (!(error instanceof ConcurrentWriteError) || attempt === 2) throw error;
    }
  }
}

/** Retracts an active report: it stays, marked with the reason, and leaves every total. */
export async function retractReport(db: DataSource, id: number, reason: string, actor: Actor): Promise<LetterReport> {
  if (!reason.trim()) throw badInput('A retraction needs a reason', { reason: 'is required' });
  return writeTransaction(db, async (m) => {
    await lockActive(m, id);
    await m.query(
      `UPDATE letter_report SET status = 'RETRACTED', status_reason = $2, status_changed_at = now(), status_changed_by = $3
       WHERE id = $1`,
      [id, reason.trim().slice(0, 1000), actor.userId],
    );
    await audit(m, actor.userId, 'retract', `report ${id}`, { reason: reason.trim().slice(0, 1000) });
    // it leaves the summary tables last, with the bump (their rows are hot: see bumpDataVersionAfter)
    await bumpDataVersionAfter(m, rollupUpdates([], [id]), await partsOf(m, 'letter_report WHERE id = $1', [id]));
    return m.getRepository(LetterReport).findOneByOrFail({ id });
  });
}

/**
 * Replaces an active report by a corrected one under a new reportId. The old report stays, marked
 * SUPERSEDED and linked to its replacement; totals count only the replacement.
 */
export async function correctReport(
  db: DataSource,
  id: number,
  input: ReportInput,
  actor: Actor,
  reason = 'corrected',
): Promise<LetterReport> {
  return writeTransaction(db, async (m) => {
    // its reportId never changes: checked here, unlocked; the report is locked (and checked to be
    // active) only once the groups are stored, in the lock order of every writer (see WriteOptions)
    const [old] = await m.query(`SELECT report_id FROM letter_report WHERE id = $1`, [id]);
    if (!old) throw notFound(id);
    if (old.report_id === input.reportId) {
      throw badInput(`A correction needs a new reportId (for example "${old.report_id}-c1")`, {
        reportId: 'must differ from the corrected report',
      });
    }
    const [taken] = await m.query(`SELECT 1 FROM letter_report WHERE report_id = $1`, [input.reportId]);
    const alreadyStored = () => badInput(`reportId "${input.reportId}" is already stored`, { reportId: 'is already used' });
    if (taken) throw alreadyStored();
    // the old report leaves the summary tables as the new one enters them, in one pass (lock order),
    // after it is marked (see WriteOptions.beforeSummaries)
    let replacement: LetterReport | undefined;
    await storeOne(m, input, 'API', actor, {
      replacing: [id],
      lockReplaced: () => lockActive(m, id),
      beforeSummaries: async ([newId]) => {
        if (newId === undefined) throw alreadyStored(); // by another writer since the check above
        await m.query(
          `UPDATE letter_report SET status = 'SUPERSEDED', superseded_by_id = $2, status_reason = $3,
             status_changed_at = now(), status_changed_by = $4
           WHERE id = $1`,
          [id, newId, reason, actor.userId],
        );
        await audit(m, actor.userId, 'correct', `report ${id}`, { replacement: newId, reason });
        replacement = await m.getRepository(LetterReport).findOneByOrFail({ id: newId });
      },
    });
    return replacement!;
  });
}

/**
 * Validates and stores one report in the caller's transaction (`options`: the reports it replaces and the caller's steps,
 * see WriteOptions); returns its id (the stored one for a duplicate) and, when this write stored it, its row.
 */
async function storeOne(
  m: EntityManager,
  input: ReportInput,
  source: ReportSource,
  actor: Actor,
  options: Pick<WriteOptions, 'replacing' | 'lockReplaced' | 'beforeSummaries' | 'transaction'> = {},
): Promise<{ id: number; report?: Record<string, unknown> }> {
  const parsed = parseReport(inputToRaw(input));
  if (parsed.errors) throw inputErrors(parsed.errors);
  if (actor.scope) await withinScope(options.transaction ?? m, parsed.row, actor.scope);
  const stored = await storeRow(m, parsed.row, { source, createdBy: actor.userId, ...options });
  if (stored.errors) throw inputErrors(stored.errors);
  return stored;
}

/**
 * A coordinator writes only in their regions: the report's, and the group its groupRef names, which
 * the write creates or updates (name, type, place). An existing group may be changed only when
 * nobody outside the regions sees it: its place and every report of it (any status) are in them.
 * The group's row is locked first, so an import cannot add a report elsewhere meanwhile.
 */
async function withinScope(m: Pick<EntityManager, 'query'>, row: ReportRow, scope: string[]): Promise<void> {
  const regions = scope.join(', ');
  if (!scope.includes(row.region)) throw forbidden(`You can submit reports for ${regions} only`);
  if (!row.groupRef) return;
  const [group] = await m.query(`SELECT id, region FROM writing_group WHERE ref = $1 FOR UPDATE`, [row.groupRef]);
  if (!group) return;
  const inScope = filterToSql({}, 'r', 1, scope);
  const [elsewhere] = await m.query(
    `SELECT 1 FROM letter_report r WHERE r.group_id = $1 AND NOT (${inScope.where}) LIMIT 1`,
    [group.id, ...inScope.params],
  );
  if (elsewhere || !scope.includes(group.region)) {
    throw forbidden(
      `The report was not stored: groupRef "${row.groupRef}" is a group that also reports outside your regions (${regions}); ` +
        'only staff can change it',
    );
  }
}

async function lockActive(m: EntityManager, id: number): Promise<void> {
  const [report] = await m.query(`SELECT report_id, status FROM letter_report WHERE id = $1 FOR UPDATE`, [id]);
  if (!report) throw notFound(id);
  if (report.status !== 'ACTIVE') {
    throw badInput(`Report ${report.report_id} is already ${report.status.toLowerCase()}`, { id: `is ${report.status}` });
  }
}

const notFound = (id: number) => badInput(`No report with id ${id}`, { id: 'not found' });

function inputErrors(errors: (FieldError | RowError)[]) {
  const fields = Object.fromEntries(
    errors.map((e) => [e.column in INPUT_FIELD ? INPUT_FIELD[e.column as FieldError['column']] : e.column, e.reason]),
  );
  return badInput(
    `The report was not stored: ${Object.entries(fields).map(([f, reason]) => `${f} ${reason}`).join('; ')}`,
    fields,
  );
}
