import type { DataSource } from 'typeorm';
import { isRowId } from '../../common/id';
import { badInput } from '../../graphql/errors-user';
import { LetterReport } from './letter-report.entity';

export interface RecentReportsQuery {
  first: number;
  after?: string | null;
  search?: string | null;
}

export interface RecentReportsPage {
  reports: { cursor: string; report: LetterReport }[];
  hasNextPage: boolean;
}

/**
 * Reports of every status for staff to find one to retract or correct, each page read from an
 * index that exists, without a sort, at any table size (no new index: each one slows every import).
 * - The list: the most recently stored first, by id (ids are given in the order rows are stored),
 *   walking the primary key backwards.
 * - A search: the reports whose reportId starts with the text, in reportId order, from its unique
 *   index (byte-wise collation, so a range is exactly "starts with"). Newest first would have to
 *   either sort every match (all of them for a short prefix) or walk the whole table for a rare one:
 *   either grows with the table.
 */
export async function recentReports(db: DataSource, q: RecentReportsQuery): Promise<RecentReportsPage> {
  const query = db.getRepository(LetterReport).createQueryBuilder('r').limit(q.first + 1);
  const prefix = q.search?.trim();
  const after = q.after ? decodeCursor(q.after, prefix ? 'reportId' : 'id') : null;
  if (prefix) {
    // U+10FFFF is the highest code point: every id starting with the prefix sorts below prefix + it
    query.where('r.report_id >= :from AND r.report_id < :to', { from: prefix, to: `${prefix}\u{10FFFF}` }).orderBy('r.report_id', 'ASC');
    if (after) query.andWhere('r.report_id > :after', { after });
  } else {
    query.orderBy('r.id', 'DESC');
    if (after) query.where('r.id < :after', { after: Number(after) });
  }
  const rows = await query.getMany();
  return {
    reports: rows.slice(0, q.first).map((report) => ({
      cursor: encodeCursor(prefix ? 'reportId' : 'id', prefix ? report.reportId : String(report.id)),
      report,
    })),
    hasNextPage: rows.length > q.first,
  };
}

type CursorKind = 'id' | 'reportId';

function encodeCursor(kind: CursorKind, key: string): string {
  return Buffer.from(JSON.stringify([kind, key])).toString('base64url');
}

/** The key after which the page starts; a cursor of the other order (or none at all) is refused. */
function decodeCursor(cursor: string, kind: CursorKind): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = null;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    decoded[0] === kind &&
    typeof decoded[1] === 'string' &&
    (kind === 'reportId' ? decoded[1].length <= 100 : isRowId(decoded[1]));
  if (!valid) throw badInput('The cursor is not valid for this list: start again from the first page', { after: 'is not valid' });
  return (decoded as [CursorKind, string])[1];
}
