import type { DataSource } from 'typeorm';
import { isPositiveOutcome, OUTCOME_KINDS } from '../campaigns/campaign.enums';
import { CaseOutcome } from '../campaigns/case-outcome.entity';
import type { OutcomeSummary, OutcomeYear } from './outcome-summary.types';

/** The kinds isPositiveOutcome accepts, handed to SQL so both sides share one definition. */
const POSITIVE_KINDS = OUTCOME_KINDS.filter(isPositiveOutcome);

/** Average days in a month (365.25 / 12): months = days / 30.4375. */
const DAYS_PER_MONTH = 30.4375;

/**
 * The first positive outcome of a case counts only from its campaign's writingStarts on: an outcome
 * dated before the campaign (a release the year before it was featured, say) is context, not a
 * result of the letters, so it neither makes a case a success nor starts the clock. `o` is the outcome
 * and `c` the campaign of its case.
 */
function countsAsResult(kindsParam: string): string {
  return `o.kind = ANY(${kindsParam}::text[]) AND o.date >= c.writing_starts`;
}

export class OutcomeService {
  constructor(private readonly db: DataSource) {}

  /** Cases featured, cases with a positive outcome and the median time to it: overall and by year, in one query. */
  async summary(years: number[] | null): Promise<OutcomeSummary> {
    const rows: {
      year: number | null;
      overall: boolean;
      cases_featured: number;
      cases_positive: number;
      median_months: number | null;
    }[] = await this.db.query(
      `WITH selected AS (
         SELECT c.year, c.writing_starts, k.id AS case_id,
                (SELECT min(o.date) FROM case_outcome o WHERE o.case_id = k.id AND ${countsAsResult('$2')})
                  AS first_positive
         FROM campaign c LEFT JOIN "case" k ON k.year = c.year
         WHERE $1::int[] IS NULL OR c.year = ANY($1::int[]))
       SELECT year, grouping(year) = 1 AS overall,
              count(case_id)::int AS cases_featured,
              count(first_positive)::int AS cases_positive,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (first_positive - writing_starts) / $3::float8) AS median_months
       FROM selected
       GROUP BY GROUPING SETS ((year), ())
       ORDER BY overall DESC, year`,
      [years, POSITIVE_KINDS, DAYS_PER_MONTH],
    );
    const figures = (r: (typeof rows)[number]) => ({
      casesFeatured: r.cases_featured,
      casesWithPositiveOutcome: r.cases_positive,
      share: r.cases_featured ? r.cases_positive / r.cases_featured : 0,
      medianMonthsToFirstPositive: r.median_months == null ? null : Number(r.median_months),
    });
    const [overall, ...perYear] = rows;
    return {
      ...figures(overall),
      byYear: perYear.map((r): OutcomeYear => ({ year: r.year!, ...figures(r) })),
    };
  }

  /** For each case id, its earliest positive outcome dated on or after writingStarts (null if none), in key order. */
  async firstPositiveOutcomes(caseIds: readonly number[]): Promise<(CaseOutcome | null)[]> {
    const rows: { id: number; case_id: number; date: string; kind: CaseOutcome['kind']; note: string }[] = await this.db.query(
      `SELECT DISTINCT ON (o.case_id) o.id, o.case_id, to_char(o.date, 'YYYY-MM-DD') AS date, o.kind, o.note
       FROM case_outcome o JOIN "case" k ON k.id = o.case_id JOIN campaign c ON c.year = k.year
       WHERE o.case_id = ANY($1::int[]) AND ${countsAsResult('$2')}
       ORDER BY o.case_id, o.date, o.id`,
      [[...caseIds], POSITIVE_KINDS],
    );
    const repository = this.db.getRepository(CaseOutcome);
    const byCase = new Map(
      rows.map((r) => [r.case_id, repository.create({ id: r.id, caseId: r.case_id, date: r.date, kind: r.kind, note: r.note })]),
    );
    return caseIds.map((id) => byCase.get(id) ?? null);
  }
}
