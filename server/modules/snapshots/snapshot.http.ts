import { Router, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { csvLine } from '../../common/csv-cell';
import { isPublicLanguage, PUBLIC_LANGUAGES, type PublicLanguage } from '../../common/public-language';
import { canonicalJson } from './canonical';
import { CHARTS, chartSvg, type ChartName } from './snapshot-charts';
import { SnapshotImages } from './snapshot-images';
import { snapshotPage } from './snapshot-page';
import { findSnapshot, type SnapshotRow } from './snapshot.service';

/** A published snapshot never changes: any cache (a CDN, a browser) may keep it forever, in each language. */
function immutable(res: Response, row: SnapshotRow, language: PublicLanguage = 'en'): void {
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('ETag', language === 'en' ? `"${row.checksum}"` : `"${row.checksum}-${language}"`);
  res.setHeader('X-Content-SHA256', row.checksum);
}

/** `?lang=` when a link names the language; for the page, else the reader's browser language; else English. */
function chosenLanguage(req: Request, res: Response, negotiate: boolean): PublicLanguage {
  if (isPublicLanguage(req.query.lang)) return req.query.lang;
  if (!negotiate) return 'en';
  res.setHeader('Vary', 'Accept-Language');
  const accepted = req.acceptsLanguages(...PUBLIC_LANGUAGES);
  return isPublicLanguage(accepted) ? accepted : 'en';
}

function snapshotCsv(row: SnapshotRow): string {
  const c = row.content;
  const lines = [csvLine(['section', 'key', 'label', 'actions', 'reports'])];
  lines.push(csvLine(['total', '', row.title, c.totals.actions, c.totals.reports]));
  for (const k of c.cases) lines.push(csvLine(['case', k.slug, k.name, k.actions, k.reports]));
  const sections = { country: c.byCountry, case_country: c.byCaseCountry, region: c.byRegion, action_type: c.byActionType, group_type: c.byGroupType, subdivision: c.bySubdivision, group: c.topGroups ?? [] };
  for (const [section, rows] of Object.entries(sections)) {
    for (const r of rows) lines.push(csvLine([section, r.key, r.label, r.actions ?? `< ${c.protection.suppressBelow}`, r.reports ?? `< ${c.protection.suppressBelow}`]));
  }
  for (const d of c.daily) lines.push(csvLine(['day', d.date, d.date, d.actions, null]));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Public pages and downloads of published snapshots, no sign-in: /s/<slug> (HTML), /s/<slug>.json
 * (the exact bytes the checksum is of), /s/<slug>.csv, /s/<slug>/<chart>.svg|.png. Read on
 * `dataSource`; a chart's PNG is stored on `writes` when first rendered.
 */
export function snapshotRouter(dataSource: DataSource, writes: DataSource): Router {
  const router = Router();
  const images = new SnapshotImages(dataSource, writes);
  const load = async (slug: string, res: Response) => {
    const row = /^[a-z0-9-]{1,100}$/.test(slug) ? await findSnapshot(dataSource, slug) : null;
    if (!row) res.status(404).type('text').send('No published snapshot has this address.');
    return row;
  };
  router.get('/s/:file', async (req, res, next) => {
    const match = /^([a-z0-9-]+)(?:\.(json|csv))?$/.exec(req.params.file);
    if (!match) return next();
    const row = await load(match[1], res);
    if (!row) return;
    if (match[2] === 'json') {
      immutable(res, row);
      return void res.type('application/json').send(canonicalJson(row.content));
    }
    if (match[2] === 'csv') {
      immutable(res, row);
      res.setHeader('Content-Disposition', `attachment; filename="${row.slug}.csv"`);
      return void res.type('text/csv').send(snapshotCsv(row));
    }
    const language = chosenLanguage(req, res, true);
    immutable(res, row, language);
    res.type('html').send(snapshotPage(row, `${req.protocol}://${req.get('host')}`, language));
  });
  router.get('/s/:slug/:chart', async (req, res, next) => {
    const match = /^([a-z]+)\.(svg|png)$/.exec(req.params.chart);
    if (!match || !(CHARTS as readonly string[]).includes(match[1])) return next();
    const row = await load(req.params.slug, res);
    if (!row) return;
    const language = chosenLanguage(req, res, false);
    const chart = match[1] as ChartName;
    if (match[2] === 'svg') {
      immutable(res, row, language);
      return void res.type('image/svg+xml').send(chartSvg(row.content, chart, language));
    }
    const png = await images.png(row, chart, language);
    immutable(res, row, language);
    res.type('image/png').send(png);
  });
  return router;
}
