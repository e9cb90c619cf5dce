import type { EntityManager } from 'typeorm';
import { MAX_LISTED_ERRORS, type ErrorTally } from './ingest-result';

/** A staged row's content (`s`) and a stored report's (`r`, its case `k`, its group `g`): equal for the same report. */
const CONTENT = `(s.year, s.case_slug, s.group_ref, s.action_type, s.count, s.written_on, s.reported_at, s.country, s.region, s.subdivision)`;
const FIRST_CONTENT = CONTENT.replace(/\bs\./g, 'f.');
const STORED_CONTENT = `(r.year, k.slug, g.ref, r.action_type, r.count, r.written_on, r.reported_at, r.country, r.region, r.subdivision)`;
const STORED_WITH_OTHER_CONTENT = `JOIN letter_report r ON r.report_id = s.report_id
  JOIN "case" k ON k.id = r.case_id LEFT JOIN writing_group g ON g.id = r.group_id
  WHERE ${CONTENT} IS DISTINCT FROM ${STORED_CONTENT}`;

/** A staged row `s` whose case is not in its year's campaign (or that has no campaign). */
const UNKNOWN_CASE = `NOT EXISTS (SELECT 1 FROM "case" k WHERE k.year = s.year AND k.slug = s.case_slug)`;

/**
 * The checks that need the database, over every staged row (`staging s`), each error as (line,
 * column, reason): a year without a campaign, a case not in that year, an id repeated in the file
 * with other content (ids listed in `repeated` first, see StagingTable.findRepeatedIds), an id
 * stored with other content. `storedBy`: a batch whose rows are left out of the stored ones (a
 * pipelined import stored some of its own rows already).
 */
export function stagedProblems(storedBy?: number | null): string {
  const before = storedBy == null ? '' : `AND r.batch_id IS DISTINCT FROM ${Number(storedBy)}`;
  return `
    SELECT s.line, 'year' AS "column", format('there is no campaign for %s', s.year) AS reason
    FROM staging s WHERE NOT EXISTS (SELECT 1 FROM campaign c WHERE c.year = s.year)
    UNION ALL
    SELECT s.line, 'case', format('no case "%s" in the %s campaign', s.case_slug, s.year)
    FROM staging s WHERE ${UNKNOWN_CASE} AND EXISTS (SELECT 1 FROM campaign c WHERE c.year = s.year)
    UNION ALL
    SELECT s.line, 'report_id', format('report_id "%s" is also on line %s with different content', s.report_id, f.line)
    FROM staging s JOIN (
      SELECT DISTINCT ON (report_id) * FROM staging JOIN repeated USING (report_id) ORDER BY report_id, line
    ) f ON f.report_id = s.report_id
    WHERE s.line <> f.line AND ${CONTENT} IS DISTINCT FROM ${FIRST_CONTENT}
    UNION ALL
    SELECT s.line, 'report_id',
      format('"%s" is already stored with different content; use correctReport to change a report', s.report_id)
    FROM staging s ${STORED_WITH_OTHER_CONTENT} ${before}`;
}

/** The problems of every staged row (see stagedProblems): the first listed, all counted. */
export async function checkStaged(db: EntityManager, storedBy?: number | null): Promise<ErrorTally> {
  const problems = stagedProblems(storedBy);
  const [summary] = await db.query(`SELECT count(*)::int AS count, count(DISTINCT line)::int AS rows FROM (${problems}) p`);
  if (summary.count === 0) return { errors: [], count: 0, rows: 0 };
  const errors = await db.query(`SELECT * FROM (${problems}) p ORDER BY line LIMIT ${MAX_LISTED_ERRORS}`);
  return { errors, count: summary.count, rows: summary.rows };
}

/** True when a row of the part has an unknown year or case, or an id stored (by now) with other content. */
export async function partHasProblem(db: EntityManager, part: string): Promise<boolean> {
  const [{ problem }] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM ${part} s WHERE ${UNKNOWN_CASE})
       OR EXISTS (SELECT 1 FROM ${part} s ${STORED_WITH_OTHER_CONTENT}) AS problem`,
  );
  return problem;
}
