import type { DataSource, EntityManager } from 'typeorm';
import { isRowId } from '../../common/id';
import { badInput } from '../../graphql/errors-user';
import { audit } from '../audit/audit';
import { bumpDataVersion } from '../../data-version';
import { Campaign } from './campaign.entity';
import { CaseOutcome } from './case-outcome.entity';
import type { OutcomeInput } from './outcome.inputs';
import type { CampaignDefinition } from './campaign-file';

export interface LoadSummary {
  campaigns: number;
  cases: number;
  outcomes: number;
}

/**
 * Upserts campaign definitions by year, their cases by (year, slug) and outcomes by (case, date, kind),
 * all in one transaction. Outcomes missing from a file are kept: outcomes also arrive through the API.
 */
export async function loadCampaigns(dataSource: DataSource, definitions: CampaignDefinition[]): Promise<LoadSummary> {
  return dataSource.transaction(async (db) => {
    const summary: LoadSummary = { campaigns: 0, cases: 0, outcomes: 0 };
    for (const c of definitions) {
      const [previous] = await db.query(`SELECT timezone FROM campaign WHERE year = $1`, [c.year]);
      await db.query(
        `INSERT INTO campaign (year, name, writing_starts, writing_ends, reporting_deadline, goal, timezone)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (year) DO UPDATE SET name = excluded.name, writing_starts = excluded.writing_starts,
           writing_ends = excluded.writing_ends, reporting_deadline = excluded.reporting_deadline,
           goal = excluded.goal, timezone = excluded.timezone`,
        [c.year, c.name, c.writingStarts, c.writingEnds, c.reportingDeadline, c.goal ?? null, c.timezone],
      );
      if (previous && previous.timezone !== c.timezone) await rebucketReportDays(db, c.year);
      summary.campaigns++;
      for (const k of c.cases) {
        const [{ id }] = await db.query(
          `INSERT INTO "case" (year, slug, name, country, theme, summary, target)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (year, slug) DO UPDATE SET name = excluded.name, country = excluded.country,
             theme = excluded.theme, summary = excluded.summary, target = excluded.target
           RETURNING id`,
          [c.year, k.slug, k.name, k.country, k.theme, k.summary, k.target ?? null],
        );
        summary.cases++;
        for (const o of k.outcomes) {
          await db.query(
            `INSERT INTO case_outcome (case_id, date, kind, note) VALUES ($1, $2, $3, $4)
             ON CONFLICT (case_id, date, kind) DO UPDATE SET note = excluded.note`,
            [id, o.date, o.kind, o.note],
          );
          summary.outcomes++;
        }
      }
    }
    await bumpDataVersion(db); // campaigns, cases and outcomes are part of every cached answer
    return summary;
  });
}

/** The day of a report depends on the campaign's time zone: when that changes, every day moves. */
async function rebucketReportDays(db: EntityManager, year: number): Promise<void> {
  await db.query(
    `UPDATE letter_report r SET day = (r.reported_at AT TIME ZONE c.timezone)::date
     FROM campaign c WHERE c.year = r.year AND r.year = $1`,
    [year],
  );
}

export function listCampaigns(db: DataSource | EntityManager): Promise<Campaign[]> {
  return db.getRepository(Campaign).find({ order: { year: 'ASC' } });
}

/** Adds a dated outcome to a case; the same kind on the same date is refused as a repeat. */
export async function recordOutcome(db: DataSource, caseId: string, input: OutcomeInput, actorId: number | null): Promise<CaseOutcome> {
  if (!isRowId(caseId)) throw badInput(`"${caseId.slice(0, 40)}" is not a case id`, { caseId: 'is not valid' });
  const id = await db.transaction(async (m) => {
    const [known] = await m.query(`SELECT 1 FROM "case" WHERE id = $1`, [Number(caseId)]);
    if (!known) throw badInput(`No case with id ${caseId}`, { caseId: 'not found' });
    const [row] = await m.query(
      `INSERT INTO case_outcome (case_id, date, kind, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id, date, kind) DO NOTHING RETURNING id`,
      [Number(caseId), input.date, input.kind, input.note.trim()],
    );
    if (!row) throw badInput(`This case already has a ${input.kind} outcome on ${input.date}`, { date: 'already recorded' });
    await audit(m, actorId, 'outcome', `case ${caseId}`, { date: input.date, kind: input.kind, note: input.note });
    await bumpDataVersion(m);
    return row.id as number;
  });
  return db.getRepository(CaseOutcome).findOneByOrFail({ id });
}
