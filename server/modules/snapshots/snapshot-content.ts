import type { EntityManager } from 'typeorm';
import { ImpactService, uncached, type KeyTotal } from '../impact/impact.service';
import type { ImpactFilter } from '../impact/impact-filter.input';
import { impactSource } from '../impact/impact-source';
import { labelOf } from '../impact/labels';
import { breakdownCell, caseCell, hiddenCells, publishedFigures, type Breakdown, type RawFigures } from './snapshot-disclosure';

/** Options of a publication that change what the public sees. */
export interface Protection {
  /** Figures below this in the finest breakdowns (subdivision, group) show as "< N". */
  suppressBelow: number;
  /** Group names are shown only when the snapshot opts in. */
  includeGroupNames: boolean;
}

type Row = { key: string; label: string; actions: number | null; reports: number | null; suppressed?: true };

const METHODOLOGY = (p: Protection) =>
  'Actions are letters, solidarity cards, emails, petition signatures, messages and other actions reported by groups and ' +
  'individuals for the cases of this campaign, counted from the reports received up to the time shown ("as of"). ' +
  'Retracted and corrected reports are not counted (a correction counts once, as corrected). The day of a report is the ' +
  "day it was reported, in the campaign's time zone. Reports keep arriving after the deadline: a PROVISIONAL snapshot " +
  'was published before the reporting deadline and a later one may show more. ' +
  `To protect people, no figure below ${p.suppressBelow} is shown ("< ${p.suppressBelow}"), and further figures are hidden, ` +
  'the smallest first, wherever a hidden one could otherwise be worked out by subtraction: from the total and the rest of a ' +
  "breakdown, a region and its countries, a country and its subdivisions, a case's country and its cases, or another " +
  'snapshot published for the same year, of this scope or an overlapping one (a figure hidden there is hidden here too, ' +
  `no figure differs from the same figure there by fewer than ${p.suppressBelow}, and a figure shown there, or the total ` +
  'of a snapshot of one country, region or subdivision, never serves to hide another: it is already public). ' +
  'So a breakdown hides at least two figures, or none' +
  (p.includeGroupNames ? '.' : '; and no group is named.');

/**
 * Everything a snapshot freezes, read in the caller's (repeatable-read) transaction so every figure
 * comes from one state of the data.
 */
export async function buildSnapshotContent(
  db: EntityManager,
  year: number,
  filter: ImpactFilter,
  protection: Protection,
  /** Protect against the snapshots published for the year (false: for staff's comparison with live data only). */
  againstPublished = true,
) {
  const impact = new ImpactService(uncached(db));
  const scoped: ImpactFilter = { ...filter, year };
  const [campaign] = await db.query(
    `SELECT name, to_char(writing_starts, 'YYYY-MM-DD') AS "writingStarts", to_char(writing_ends, 'YYYY-MM-DD') AS "writingEnds",
            to_char(reporting_deadline, 'YYYY-MM-DD') AS "reportingDeadline", goal, timezone FROM campaign WHERE year = $1`,
    [year],
  );
  const cases: { id: number; slug: string; name: string; country: string; theme: string }[] = await db.query(
    `SELECT id, slug, name, country, theme FROM "case" WHERE year = $1 ORDER BY id`,
    [year],
  );
  const outcomes: { case_id: number; date: string; kind: string; note: string }[] = await db.query(
    `SELECT case_id, to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM case_outcome
     WHERE case_id = ANY($1::int[]) ORDER BY date, id`,
    [cases.map((c) => c.id)],
  );
  const byCaseRows = new Map((await impact.breakdown(scoped, 'case_id')).map((r) => [Number(r.key), r]));
  const labelled = (rows: KeyTotal[], label: (k: string) => string): Row[] => rows.map((r) => ({ ...r, label: label(r.key) }));
  const totals = await impact.totals(scoped);
  const years: { year: number }[] = await db.query(`SELECT year FROM campaign WHERE year <= $1 ORDER BY year DESC LIMIT 5`, [year]);
  const comparison = await impact.yearComparison(years.map((y) => y.year).reverse(), filter, 'CAMPAIGN_DAY');
  const groups = protection.includeGroupNames ? await impact.topGroups(scoped, 20, null) : null;
  const groupNames: Map<number, string> = groups
    ? new Map(
        (await db.query(`SELECT id, name FROM writing_group WHERE id = ANY($1::int[])`, [groups.rows.map((g) => g.groupId)])).map(
          (g: { id: number; name: string }) => [g.id, g.name],
        ),
      )
    : new Map();
  const caseRows = cases.map((c) => ({ ...c, actions: byCaseRows.get(c.id)?.actions ?? 0, reports: byCaseRows.get(c.id)?.reports ?? 0 }));
  const breakdowns: Record<Breakdown, Row[] | null> = {
    byCountry: labelled(await impact.breakdown(scoped, 'country'), labelOf.country),
    byCaseCountry: labelled(await impact.byCaseCountry(scoped), labelOf.country),
    byRegion: labelled(await impact.breakdown(scoped, 'region'), labelOf.region),
    byActionType: labelled(await impact.breakdown(scoped, 'action_type'), labelOf.action_type),
    byGroupType: labelled(await impact.breakdown(scoped, 'group_type'), labelOf.group_type),
    bySubdivision: labelled(await impact.breakdown(scoped, 'subdivision'), labelOf.subdivision),
    topGroups: groups && groups.rows.map((g) => ({ key: String(g.groupId), label: groupNames.get(g.groupId) ?? '', actions: g.actions, reports: g.reports })),
  };
  const area = impactSource(scoped, ['region', 'country', 'subdivision']);
  const areas: RawFigures['areas'] = (
    await db.query(`SELECT r.region, r.country, coalesce(r.subdivision, '') AS subdivision, ${area.actions} AS actions ${area.from} GROUP BY 1, 2, 3`, area.params)
  ).map((a: { region: string; country: string; subdivision: string; actions: string }) => ({ ...a, actions: Number(a.actions) }));
  const others: { slug: string; content: Parameters<typeof publishedFigures>[1] }[] = againstPublished
    ? await db.query(`SELECT slug, content FROM snapshot WHERE year = $1`, [year])
    : [];
  const hidden = hiddenCells(
    { total: totals.totalActions, cases: caseRows, breakdowns, areas },
    protection.suppressBelow,
    others.map((o) => publishedFigures(o.slug, o.content)),
  );
  const shown = <T extends { actions: number | null; reports: number | null }>(row: T, id: string) =>
    hidden.has(id) ? { ...row, actions: null, reports: null, suppressed: true as const } : row;
  const protectedRows = (b: Breakdown) => breakdowns[b]?.map((r) => shown(r, breakdownCell(b, r.key))) ?? null;
  return {
    campaign: { year, ...campaign },
    filter,
    totals: {
      actions: totals.totalActions,
      reports: totals.reportCount,
      groups: await impact.distinctCount(scoped, 'group_id'),
      countries: await impact.distinctCount(scoped, 'country'),
    },
    cases: caseRows.map((c) =>
      shown(
        {
          slug: c.slug,
          name: c.name,
          country: c.country,
          theme: c.theme,
          actions: c.actions as number | null,
          reports: c.reports as number | null,
          outcomes: outcomes.filter((o) => o.case_id === c.id).map(({ case_id: _id, ...o }) => o),
        },
        caseCell(c.slug),
      ),
    ),
    byCountry: protectedRows('byCountry')!,
    byCaseCountry: protectedRows('byCaseCountry')!,
    byRegion: protectedRows('byRegion')!,
    byActionType: protectedRows('byActionType')!,
    byGroupType: protectedRows('byGroupType')!,
    bySubdivision: protectedRows('bySubdivision')!,
    topGroups: protectedRows('topGroups'),
    daily: await impact.daily(scoped),
    yearComparison: comparison.map((s) => ({ year: s.year, total: s.total, points: s.points.map((p) => ({ day: p.day, cumulative: p.cumulative })) })),
    protection,
    methodology: METHODOLOGY(protection),
  };
}

export type SnapshotContent = Awaited<ReturnType<typeof buildSnapshotContent>>;
