import type { DataSource } from 'typeorm';
import { disclosedActions } from './counter-disclosure';
import type { CounterRow } from './counter.service';

export interface CounterFigures {
  /** Null: hidden under the threshold (see counter-disclosure.ts). */
  actions: number | null;
  countries: number;
  cases: number;
}

/**
 * A counter and its figures in one statement, from the summary table the dashboard reads (never the raw
 * reports): the scope's actions, countries and cases with actions, and the totals of the scopes that
 * enclose it (the regions it lies in, the whole campaign) for the disclosure rule. Null: no such counter.
 */
const SQL = `
  WITH c AS (SELECT * FROM public_counter WHERE slug = $1),
  cells AS (
    SELECT r.region, r.country, r.case_id, sum(r.actions)::bigint AS actions,
           (c.region IS NULL OR r.region = c.region) AND (c.country IS NULL OR r.country = c.country) AS in_scope
    FROM rollup_area_case r JOIN c ON r.year = c.year
    GROUP BY r.region, r.country, r.case_id, c.region, c.country),
  regions AS (SELECT DISTINCT region FROM cells WHERE in_scope AND actions > 0)
  SELECT c.*,
    coalesce((SELECT sum(actions) FROM cells WHERE in_scope), 0)::bigint AS actions,
    (SELECT count(DISTINCT country) FROM cells WHERE in_scope AND actions > 0)::int AS countries,
    (SELECT count(DISTINCT case_id) FROM cells WHERE in_scope AND actions > 0)::int AS cases,
    coalesce((SELECT sum(actions) FROM cells WHERE region IN (SELECT region FROM regions)), 0)::bigint AS region_actions,
    coalesce((SELECT sum(actions) FROM cells), 0)::bigint AS campaign_actions
  FROM c`;

export async function readCounter(db: DataSource, slug: string): Promise<{ counter: CounterRow; figures: CounterFigures } | null> {
  const [row] = await db.query(SQL, [slug]);
  if (!row) return null;
  const actions = Number(row.actions);
  // a country's counter is enclosed by its region(s) and the campaign; a region's by the campaign
  const enclosing = row.country ? [Number(row.region_actions), Number(row.campaign_actions)] : row.region ? [Number(row.campaign_actions)] : [];
  return {
    counter: row,
    figures: { actions: disclosedActions(actions, enclosing, row.suppress_below), countries: row.countries, cases: row.cases },
  };
}
