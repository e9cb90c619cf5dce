import { escapeHtml as e } from '../../common/html';
import { direction, numberLocale, PUBLIC_LANGUAGES, type PublicLanguage } from '../../common/public-language';
import { chartSvg } from './snapshot-charts';
import type { SnapshotRow } from './snapshot.service';
import { SNAPSHOT_WORDS } from './snapshot-words';

/** A table in a region of its own that scrolls sideways when a phone is narrower than its words (focusable, so a keyboard scrolls it too). */
function table(caption: string, head: string[], rows: (string | number | null)[][]): string {
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${e(caption)}">` +
    `<table><caption>${e(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="n"' : ''}>${e(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c)}</th>` : `<td class="n">${e(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/**
 * The public page of a snapshot, rendered on the server from the frozen content only: it needs no
 * script, prints as a clean PDF, and every text is escaped (names come from imported files). In any
 * of the four public languages: the words, figures, dates and country names follow it (Arabic right
 * to left); case, region and group names are data and stay as published.
 */
export function snapshotPage(row: SnapshotRow, origin: string, language: PublicLanguage = 'en'): string {
  const c = row.content;
  const w = SNAPSHOT_WORDS[language];
  const locale = numberLocale(language);
  const number = new Intl.NumberFormat(locale);
  const fmt = (n: number | null) => (n === null ? '' : number.format(n));
  const p = c.protection.suppressBelow;
  const small = (v: number | null) => (v === null ? `< ${fmt(p)}` : fmt(v));
  // British English as on the dashboard ("8 December 2026 at 00:07"), not "December 8, 2026 at 12:07 AM"
  const when = (iso: string | Date) =>
    `${new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
  // Countries are codes: named in the page's language. Action types are words of the page.
  const countries = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  const countryName = (key: string, label: string) => (language === 'en' ? label : (countries.of(key) ?? label));
  const summary = w.summary({ actions: fmt(c.totals.actions), cases: fmt(c.cases.length), groups: fmt(c.totals.groups), countries: fmt(c.totals.countries) });
  const url = `${origin}/s/${row.slug}`;
  const query = language === 'en' ? '' : `?lang=${language}`;
  const outcome = (kind: string) => w.outcomeKind[kind] ?? kind.toLowerCase().replace(/_/g, ' ');
  const languages = PUBLIC_LANGUAGES.map((l) =>
    `<a href="/s/${e(row.slug)}${l === 'en' ? '' : `?lang=${l}`}" lang="${l}" hreflang="${l}"${l === language ? ' aria-current="true"' : ''}>${e(SNAPSHOT_WORDS[l].languageName)}</a>`,
  ).join(' ');
  return `<!doctype html>
<html lang="${language}" dir="${direction(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(row.title)} · Write for Rights Impact</title>
<meta name="description" content="${e(summary)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${e(row.title)}">
<meta property="og:description" content="${e(summary)}">
<meta property="og:url" content="${e(url + query)}">
<meta property="og:image" content="${e(`${url}/cumulative.png${query}`)}">
<meta name="twitter:card" content="summary_large_image">
${PUBLIC_LANGUAGES.map((l) => `<link rel="alternate" hreflang="${l}" href="${e(url)}${l === 'en' ? '' : `?lang=${l}`}">`).join('\n')}
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0; color: #111; background: #f6f6f4; }
  header { background: #000; color: #fff; padding: 14px 20px; border-bottom: 4px solid #ff0; display: flex; flex-wrap: wrap; gap: 8px 20px; justify-content: space-between; align-items: baseline; }
  header nav a { color: #fff; margin-inline-end: 10px; } header nav a[aria-current] { font-weight: 700; text-decoration-color: #ff0; text-decoration-thickness: 3px; }
  main { max-width: 820px; margin: 0 auto; padding: 20px; }
  section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 16px 20px; margin: 16px 0; }
  h1 { margin: 0 0 4px; font-size: 1.8rem; } .big { font-size: 2.6rem; font-weight: 800; margin: 8px 0 0; }
  .status { display: inline-block; background: #ff0; color: #000; font-weight: 700; padding: 2px 8px; border-radius: 4px; font-size: .85rem; }
  .meta { color: #444; font-size: .9rem; } code { word-break: break-all; font-size: .8rem; }
  table { border-collapse: collapse; width: 100%; font-size: .95rem; } caption { text-align: start; font-weight: 700; margin-bottom: 4px; }
  th, td { padding: 4px 6px; border-bottom: 1px solid #eee; text-align: start; }
  /* a phone's width: names wrap between words ("anywhere" let the table squeeze a name to a letter a line), notes anywhere, headings stay whole */
  tbody th { overflow-wrap: break-word; } tbody td:last-child { overflow-wrap: anywhere; }
  .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
  .n { text-align: end; font-variant-numeric: tabular-nums; }
  svg { max-width: 100%; height: auto; } a { color: #0057a3; }
  @media print { header { background: none; color: #000; border-bottom: 2px solid #000; } header nav { display: none; } body { background: #fff; } section { border: none; padding: 0; break-inside: avoid; } .downloads { display: none; } }
</style>
</head>
<body>
<header><strong>Write for Rights Impact</strong><nav aria-label="${e(w.languages)}">${languages}</nav></header>
<main>
<section>
  <h1>${e(row.title)}</h1>
  <p><span class="status">${e(w.status[row.status as 'FINAL' | 'PROVISIONAL'] ?? row.status)}</span> <span class="meta">${e(w.asOf(when(row.as_of), when(row.published_at)))}</span></p>
  <p class="big">${e(w.actions(fmt(c.totals.actions)))}</p>
  <p>${e(summary)}</p>
  ${c.note ? `<p>${e(c.note)}</p>` : ''}
  <p class="meta">${e(w.checksum)} <code>${e(row.checksum)}</code></p>
  <p class="downloads">${e(w.download)} <a href="/s/${e(row.slug)}.json">JSON</a> · <a href="/s/${e(row.slug)}.csv">CSV</a> ·
    <a href="/s/${e(row.slug)}/cumulative.png${query}">${e(w.charts.cumulative)}</a> · <a href="/s/${e(row.slug)}/cases.png${query}">${e(w.charts.cases)}</a> ·
    <a href="/s/${e(row.slug)}/countries.png${query}">${e(w.charts.countries)}</a></p>
</section>
<section>${chartSvg(c, 'cumulative', language)}</section>
<section>${chartSvg(c, 'cases', language)}
${table(w.casesAndOutcomes, [w.column.case, w.column.country, w.column.actions, w.column.outcomes], c.cases.map((k) => [k.name, countryName(k.country, k.country), small(k.actions), k.outcomes.map((o) => `${o.date} ${outcome(o.kind)}${o.note ? `: ${o.note}` : ''}`).join('; ')]))}
</section>
<section>${chartSvg(c, 'countries', language)}
${table(w.byCountry, [w.column.country, w.column.actions, w.column.reports], c.byCountry.map((r) => [countryName(r.key, r.label), small(r.actions), small(r.reports)]))}
${table(w.byRegion, [w.column.region, w.column.actions, w.column.reports], c.byRegion.map((r) => [r.label, small(r.actions), small(r.reports)]))}
${table(w.byAction, [w.column.action, w.column.actions, w.column.reports], c.byActionType.map((r) => [w.actionType[r.key] ?? r.label, small(r.actions), small(r.reports)]))}
${table(w.bySubdivision, [w.column.subdivision, w.column.actions, w.column.reports], c.bySubdivision.map((r) => [r.key ? r.label : w.notGiven, small(r.actions), small(r.reports)]))}
${c.topGroups ? table(w.topGroups, [w.column.group, w.column.actions], c.topGroups.map((r) => [r.label, small(r.actions)])) : ''}
</section>
<section><h2>${e(w.methodology)}</h2><p>${e(w.methodologyText ? w.methodologyText(c.protection) : c.methodology)}</p></section>
</main>
</body>
</html>`;
}
