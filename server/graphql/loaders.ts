import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { CaseOutcome } from '../modules/campaigns/case-outcome.entity';
import { Case } from '../modules/campaigns/case.entity';

/** One bag of loaders per request, so entity lookups are batched and never N+1. */
export function createLoaders(dataSource: DataSource) {
  return {
    casesByYear: new DataLoader<number, Case[]>(async (years) => {
      const rows = await dataSource.getRepository(Case).find({ where: { year: In([...years]) }, order: { id: 'ASC' } });
      return years.map((y) => rows.filter((r) => r.year === y));
    }),
    caseById: new DataLoader<number, Case | null>(async (ids) => {
      const rows = await dataSource.getRepository(Case).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    outcomesByCase: new DataLoader<number, CaseOutcome[]>(async (caseIds) => {
      const rows = await dataSource
        .getRepository(CaseOutcome)
        .find({ where: { caseId: In([...caseIds]) }, order: { date: 'ASC', id: 'ASC' } });
      return caseIds.map((id) => rows.filter((r) => r.caseId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
