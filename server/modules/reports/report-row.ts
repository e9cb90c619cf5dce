import type { ShortTransaction } from '../../db/write-transaction';
import type { GroupType } from '../groups/group.enums';
import type { ActionType, ReportSource } from './report.enums';

/** A letter report as it arrives (a CSV row, a form): the case by slug and the group by ref. */
export interface ReportRow {
  reportId: string;
  year: number;
  caseSlug: string;
  groupRef: string | null;
  groupName: string | null;
  groupType: GroupType | null;
  actionType: ActionType;
  count: number;
  writtenOn: string | null;
  /** ISO 8601 with an offset. */
  reportedAt: string;
  country: string;
  region: string;
  subdivision: string | null;
}

export interface WriteOptions {
  source: ReportSource;
  batchId?: number | null;
  createdBy?: number | null;
  /**
   * Reports that stop counting in the same write (a correction's old report): they leave the
   * summary tables in the same pass as the new reports enter them (see rollup-maintenance.ts).
   */
  replacing?: number[];
  /**
   * Locks the reports `replacing` (and checks they may still be replaced): called once the groups
   * are stored and before any report is inserted, as the lock order puts groups before reports
   * (rollup-maintenance.ts).
   */
  lockReplaced?: () => Promise<void>;
  /**
   * The caller's own statements once the new reports are inserted (with their ids, when the write
   * stored any), before the summary tables' updates and the bump: those rows are hot and stay
   * locked until COMMIT, so the caller's round trips come before them (see bumpDataVersionAfter).
   */
  beforeSummaries?: (ids: number[]) => Promise<void>;
  /**
   * The caller's short transaction (a form's write): the row's statement opens it and the summary
   * tables' updates commit it. Without one, the caller's transaction is TypeORM's.
   */
  transaction?: ShortTransaction;
}
