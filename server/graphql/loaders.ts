import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { CaseOutcome } from '../modules/campaigns/case-outcome.entity';
import { Case } from '../modules/campaigns/case.entity';
import { Group } from '../modules/groups/group.entity';
import type { GroupYear } from '../modules/groups/group-years.types';
import { GroupService } from '../modules/groups/group.service';
import type { ImpactService, KeyTotal } from '../modules/impact/impact.service';
import { OutcomeService } from '../modules/outcomes/outcome.service';
import { LetterReport } from '../modules/reports/letter-report.entity';
import { User } from '../modules/users/user.entity';

/** Reads through the shared cache at the request's data version. */
export type CachedRead = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/**
 * Loads entities by id, in key order, null for a missing one. `seen` gives the rows as this person
 * may see them (leaving out the others); rows from the shared cache are never changed in place.
 */
function byId<T extends { id: number }>(
  dataSource: DataSource,
  entity: new () => T,
  cached: CachedRead,
  seen?: ((rows: T[], ids: number[]) => T[] | Promise<T[]>) | null,
) {
  return new DataLoader<number, T | null>(async (ids) => {
    const sorted = [...ids].sort((a, b) => a - b);
    let rows = await cached(`${entity.name}:${sorted.join(',')}`, () =>
      dataSource.getRepository(entity).findBy({ id: In(sorted) } as never),
    );
    if (seen) rows = await seen(rows, sorted);
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * One bag of loaders per request, so entity lookups are batched and never N+1. A coordinator's
 * (`scope`: their regions) load only reports of their regions and groups that reported there, with
 * the place they see (GroupService.placesInScope): every field that follows a reference (a
 * correction, a report's group, a ranked group) goes through here, so none reaches another region.
 */
export function createLoaders(dataSource: DataSource, impact: ImpactService, cached: CachedRead, scope: string[] | null = null) {
  const groups = new GroupService(dataSource, scope);
  const outcomes = new OutcomeService(dataSource);
  return {
    caseById: byId(dataSource, Case, cached),
    groupById: byId(dataSource, Group, cached, scope && (async (rows, ids) => {
      const places = await cached(`group places:${JSON.stringify(scope)}:${ids.join(',')}`, () => groups.placesInScope(ids));
      return rows.filter((g) => places.has(g.id)).map((g) => Object.assign(new Group(), g, places.get(g.id)));
    })),
    reportById: byId(dataSource, LetterReport, cached, scope && ((rows) => rows.filter((r) => scope.includes(r.region)))),
    userById: byId(dataSource, User, cached),
    casesByYear: new DataLoader<number, Case[]>(async (years) => {
      const rows = await cached(`cases:${years.join(',')}`, () =>
        dataSource.getRepository(Case).find({ where: { year: In([...years]) }, order: { id: 'ASC' } }),
      );
      return years.map((y) => rows.filter((r) => r.year === y));
    }),
    /** Totals of every case of a year, by case id: one query for all the cases of a campaign. */
    caseTotalsByYear: new DataLoader<number, Map<number, KeyTotal>>((years) =>
      Promise.all(
        years.map(async (year) => {
          const rows = await impact.breakdown({ year }, 'case_id');
          return new Map(rows.map((r) => [Number(r.key), r]));
        }),
      ),
    ),
    outcomesByCase: new DataLoader<number, CaseOutcome[]>(async (caseIds) => {
      const rows = await dataSource
        .getRepository(CaseOutcome)
        .find({ where: { caseId: In([...caseIds]) }, order: { date: 'ASC', id: 'ASC' } });
      return caseIds.map((id) => rows.filter((r) => r.caseId === id));
    }),
    firstPositiveOutcomeByCase: new DataLoader<number, CaseOutcome | null>((caseIds) => outcomes.firstPositiveOutcomes(caseIds)),
    /** A group's years, in this person's scope: years asked of many groups cost one query. */
    yearsByGroup: new DataLoader<number, GroupYear[]>((groupIds) => groups.years(groupIds)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
