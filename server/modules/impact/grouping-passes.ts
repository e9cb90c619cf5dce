import DataLoader from 'dataloader';
import type { Area } from '../../data-version';
import type { ImpactSource } from './impact-source';
import type { KeyTotal } from './impact.service';

/** A column a figure is grouped by; null for the totals (the empty grouping set). */
export type SetColumn = 'case_id' | 'country' | 'region' | 'subdivision' | 'action_type' | 'group_type' | 'day' | null;

type Column = Exclude<SetColumn, null>;
type Query = (sql: string, params: unknown[], area: Area) => Promise<any[]>;

// "not given" is a key of its own, and sorts first as '' does
const expression = (column: Column) => (column === 'subdivision' ? `coalesce(r.subdivision, '')` : `r.${column}`);

/**
 * Figures asked of the same table under the same filter in the same tick (the fields of one
 * `impact`, or of several with the same filter) cost one scan: one query with a GROUPING SETS
 * entry per figure, instead of one query each. The rows of each set come back sorted by actions
 * (descending), then key.
 */
export class GroupingPasses {
  private readonly passes = new Map<string, DataLoader<Column | '', KeyTotal[]>>();

  constructor(private readonly query: Query) {}

  /** The rows of one grouping set of the reports `source` selects: keyed '' for "not given" (no subdivision) and in the totals' one row. */
  rows(source: ImpactSource, column: SetColumn): Promise<KeyTotal[]> {
    const id = `${source.from}\u0000${JSON.stringify(source.params)}`;
    let pass = this.passes.get(id);
    if (!pass) {
      pass = new DataLoader((columns) => this.run(source, columns));
      this.passes.set(id, pass);
    }
    return pass.load(column ?? '');
  }

  /** One query for every set asked ('' for the totals); each set's rows, in the order asked. */
  private async run(source: ImpactSource, asked: readonly (Column | '')[]): Promise<KeyTotal[][]> {
    // in a fixed order, so the same sets make the same SQL (one entry of the shared query cache)
    const columns = asked.filter((c): c is Column => c !== '').sort();
    const keys = columns.map(expression);
    const n = keys.length;
    const sets = [...(asked.includes('') ? ['()'] : []), ...keys.map((k) => `(${k})`)];
    const rows: { set: number; actions: string; reports: string; [key: string]: unknown }[] = await this.query(
      `SELECT ${n ? `grouping(${keys.join(', ')})` : '0'} AS set, ${keys.map((k, i) => `${k} AS k${i}, `).join('')}
              ${source.actions} AS actions, ${source.reports} AS reports
       ${source.from}
       GROUP BY GROUPING SETS (${sets.join(', ')})
       ORDER BY 1, ${n + 2} DESC${keys.map((_, i) => `, ${i + 2}`).join('')}`,
      source.params,
      source.area,
    );
    // grouping(a, b, c) sets a bit for each column a row is not grouped by, the first column's highest
    const all = (1 << n) - 1;
    return asked.map((c) => {
      const i = c === '' ? -1 : columns.indexOf(c);
      const set = i < 0 ? all : all & ~(1 << (n - 1 - i));
      return rows
        .filter((r) => r.set === set)
        .map((r) => ({ key: i < 0 ? '' : String(r[`k${i}`] ?? ''), actions: Number(r.actions ?? 0), reports: Number(r.reports ?? 0) }));
    });
  }
}
