import { escapeHtml as e } from '../../common/html';
import { chartSvg } from './snapshot-charts';
import type { SnapshotRow } from './snapshot.service';

const fmt = (n: number | null) => (n === null ? '' : n.toLocaleString('en'));

function table(caption: string, head: string[], rows: (string | number | null)[][]): string {
  return `<table><caption>${e(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="n"' : ''}>${e(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c)}</th>` : `<td class="n">${e(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}

/**
 * The public page of a snapshot, rendered on the server from the frozen content only: it needs no
 * script, prints as a clean PDF, and every text is escaped (names come from imported files).
 */
export function snapshotPage(row: SnapshotRow, origin: string): string {
  const c = row.content;
  const p = c.protection.suppressBelow;
  const small = (v: number | null) => (v === null ? `< ${p}` : fmt(v));
  const summary = `${fmt(c.totals.actions)} actions for ${c.cases.length} cases by ${fmt(c.totals.groups)} groups and individuals in ${fmt(c.totals.countries)} countries.`;
  const url = `${origin}/s/${row.slug}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(row.title)} · Write for Rights Impact</title>
<meta name="description" content="${e(summary)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${e(row.title)}">
<meta property="og:description" content="${e(summary)}">
<meta property="og:url" content="${e(url)}">
<meta property="og:image" content="${e(`${url}/cumulative.png`)}">
<meta name="twitter:card" content="summary_large_image">
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0; color: #111; background: #f6f6f4; }
  header { background: #000; color: #fff; padding: 14px 20px; border-bottom: 4px solid #ff0; }
  main { max-width: 820px; margin: 0 auto; padding: 20px; }
  section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 16px 20px; margin: 16px 0; }
  h1 { margin: 0 0 4px; font-size: 1.8rem; } .big { font-size: 2.6rem; font-weight: 800; margin: 8px 0 0; }
  .status { display: inline-block; background: #ff0; color: #000; font-weight: 700; padding: 2px 8px; border-radius: 4px; font-size: .85rem; }
  .meta { color: #444; font-size: .9rem; } code { word-break: break-all; font-size: .8rem; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: .95rem; } caption { text-align: left; font-weight: 700; margin-bottom: 4px; }
  th, td { padding: 4px 6px; border-bottom: 1px solid #eee; text-align: left; } .n { text-align: right; font-variant-numeric: tabular-nums; }
  svg { max-width: 100%; height: auto; } a { color: #0057a3; }
  @media print { header { background: none; color: #000; border-bottom: 2px solid #000; } body { background: #fff; } section { border: none; padding: 0; break-inside: avoid; } .downloads { display: none; } }
</style>
</head>
<body>
<header><strong>Write for Rights Impact</strong></header>
<main>
<section>
  <h1>${e(row.title)}</h1>
  <p><span class="status">${e(row.status)}</span> <span class="meta">Figures as of ${e(new Date(row.as_of).toUTCString())} · published ${e(new Date(row.published_at).toUTCString())}</span></p>
  <p class="big">${fmt(c.totals.actions)} actions</p>
  <p>${e(summary)}</p>
  ${c.note ? `<p>${e(c.note)}</p>` : ''}
  <p class="meta">SHA-256 of the published data: <code>${e(row.checksum)}</code></p>
  <p class="downloads">Download: <a href="/s/${e(row.slug)}.json">JSON</a> · <a href="/s/${e(row.slug)}.csv">CSV</a> ·
    <a href="/s/${e(row.slug)}/cumulative.png">cumulative chart (PNG)</a> · <a href="/s/${e(row.slug)}/cases.png">cases chart (PNG)</a> ·
    <a href="/s/${e(row.slug)}/countries.png">countries chart (PNG)</a></p>
</section>
<section>${chartSvg(c, 'cumulative')}</section>
<section>${chartSvg(c, 'cases')}
${table('Cases and outcomes', ['Case', 'Country', 'Actions', 'Outcomes'], c.cases.map((k) => [k.name, k.country, small(k.actions), k.outcomes.map((o) => `${o.date} ${o.kind.toLowerCase().replace(/_/g, ' ')}${o.note ? `: ${o.note}` : ''}`).join('; ')]))}
</section>
<section>${chartSvg(c, 'countries')}
${table("By writers' country", ['Country', 'Actions', 'Reports'], c.byCountry.map((r) => [r.label, small(r.actions), small(r.reports)]))}
${table('By region', ['Region', 'Actions', 'Reports'], c.byRegion.map((r) => [r.label, small(r.actions), small(r.reports)]))}
${table('By action', ['Action', 'Actions', 'Reports'], c.byActionType.map((r) => [r.label, small(r.actions), small(r.reports)]))}
${table('By subdivision', ['Subdivision', 'Actions', 'Reports'], c.bySubdivision.map((r) => [r.label, small(r.actions), small(r.reports)]))}
${c.topGroups ? table('Top groups', ['Group', 'Actions'], c.topGroups.map((r) => [r.label, small(r.actions)])) : ''}
</section>
<section><h2>Methodology</h2><p>${e(c.methodology)}</p></section>
</main>
</body>
</html>`;
}
