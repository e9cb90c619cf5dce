import { Resvg } from '@resvg/resvg-js';
import type { DataSource } from 'typeorm';
import type { PublicLanguage } from '../../common/public-language';
import { chartSvg, type ChartName } from './snapshot-charts';
import type { SnapshotRow } from './snapshot.service';

/**
 * A published snapshot's chart as PNG, in one language, rendered once and stored (snapshot_image): a snapshot never
 * changes, and rendering costs far more CPU than reading the stored bytes. Requests arriving
 * together before the first render has been stored share that render (in this process; two
 * processes may both render once, and the first insert wins).
 */
export class SnapshotImages {
  private readonly rendering = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly reads: DataSource,
    private readonly writes: DataSource,
  ) {}

  async png(row: SnapshotRow, chart: ChartName, language: PublicLanguage): Promise<Buffer> {
    const [stored] = await this.reads.query(
      `SELECT png FROM snapshot_image WHERE snapshot_id = $1 AND chart = $2 AND language = $3`,
      [row.id, chart, language],
    );
    if (stored) return stored.png;
    const key = `${row.id}:${chart}:${language}`;
    let render = this.rendering.get(key);
    if (!render) {
      render = this.renderAndStore(row, chart, language).finally(() => this.rendering.delete(key));
      this.rendering.set(key, render);
    }
    return render;
  }

  private async renderAndStore(row: SnapshotRow, chart: ChartName, language: PublicLanguage): Promise<Buffer> {
    const png = renderPng(chartSvg(row.content, chart, language));
    const [kept] = await this.writes.query(
      `INSERT INTO snapshot_image (snapshot_id, chart, language, png) VALUES ($1, $2, $3, $4)
       -- another process stored it first: serve its bytes (a no-op update, so RETURNING has the row)
       ON CONFLICT (snapshot_id, chart, language) DO UPDATE SET chart = EXCLUDED.chart
       RETURNING png`,
      [row.id, chart, language, png],
    );
    return kept.png;
  }
}

function renderPng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: 1520 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
