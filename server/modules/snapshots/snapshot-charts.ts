import { escapeHtml } from '../../common/html';
import { direction, numberLocale, type PublicLanguage } from '../../common/public-language';
import type { SnapshotContent } from './snapshot-content';
import { SNAPSHOT_WORDS } from './snapshot-words';

/**
 * The snapshot's charts as standalone SVG: drawn once from the frozen figures, embedded in the
 * public page and served as SVG and PNG downloads, in the page's language. Colours are from the
 * Okabe-Ito palette (safe for colour-blind readers); every chart has a title and a description for
 * screen readers. Right to left (Arabic) a chart is mirrored: days run from right to left, the
 * figures stand on the right, bar names on the right with bars growing leftwards.
 */
export const CHARTS = ['cumulative', 'cases', 'countries'] as const;
export type ChartName = (typeof CHARTS)[number];

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const WIDTH = 760;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

/** How one chart is drawn: its words, its numbers, and x positions mirrored right to left. */
function drawing(content: SnapshotContent, language: PublicLanguage) {
  const rtl = direction(language) === 'rtl';
  const number = new Intl.NumberFormat(numberLocale(language));
  const plain = new Intl.NumberFormat(numberLocale(language), { useGrouping: false });
  return {
    words: SNAPSHOT_WORDS[language].chart,
    fmt: (n: number) => number.format(n),
    year: (y: number) => plain.format(y),
    campaignYear: plain.format(content.campaign.year),
    rtl,
    /** An x measured from the start side (the left, or the right when mirrored). */
    x: (x: number) => (rtl ? WIDTH - x : x),
  };
}
type Drawing = ReturnType<typeof drawing>;

function svg(d: Drawing, title: string, description: string, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="t d" direction="ltr" ${FONT}>` +
    `<title id="t">${escapeHtml(title)}</title><desc id="d">${escapeHtml(description)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`;
}

/**
 * A line of text at x from the start side, anchored at its start or end in the reading direction.
 * Anchors are written as physical ones (the SVG says direction="ltr"): resvg, which draws the PNGs,
 * has no right-to-left text-anchor, and a page in Arabic would otherwise flip them a second time.
 */
const ANCHOR_RTL = { start: 'end', end: 'start', middle: 'middle' } as const;
const text = (d: Drawing, x: number, y: number, anchor: 'start' | 'end' | 'middle', attrs: string, content: string) =>
  `<text x="${d.x(x)}" y="${y}" text-anchor="${d.rtl ? ANCHOR_RTL[anchor] : anchor}" ${attrs}>${content}</text>`;

function cumulative(c: SnapshotContent, d: Drawing): string {
  const series = c.yearComparison.filter((s) => s.points.length > 0);
  const maxDay = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.day)));
  const minDay = Math.min(0, ...series.flatMap((s) => s.points.map((p) => p.day)));
  const maxValue = Math.max(1, ...series.map((s) => s.total));
  const [left, right, top, bottom, height] = [70, 20, 40, 40, 360];
  const x = (day: number) => d.x(left + ((day - minDay) / (maxDay - minDay || 1)) * (WIDTH - left - right));
  const y = (v: number) => height - bottom - (v / maxValue) * (height - top - bottom);
  const lines = series.map((s, i) => {
    const path = s.points.map((p, j) => `${j ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.cumulative).toFixed(1)}`).join('');
    const colour = s.year === c.campaign.year ? PALETTE[0] : PALETTE[1 + (i % (PALETTE.length - 1))];
    const width = s.year === c.campaign.year ? 3 : 1.5;
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="${width}"${s.year === c.campaign.year ? '' : ' stroke-dasharray="5 3"'}/>` +
      text(d, WIDTH - right - 4, y(s.total) - 4, 'end', `font-size="12" fill="${colour}"`, `${d.year(s.year)}: ${d.fmt(s.total)}`);
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(maxValue * f));
  const axis = ticks.map((t) => text(d, left - 6, y(t) + 4, 'end', 'font-size="11" fill="#444"', d.fmt(t)) +
    `<line x1="${d.x(left)}" x2="${d.x(WIDTH - right)}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>`).join('');
  const title = d.words.cumulativeTitle(d.campaignYear);
  const description = series.map((s) => d.words.seriesActions(d.year(s.year), d.fmt(s.total))).join('; ');
  return svg(d, title, description, height,
    `${text(d, left, 24, 'start', 'font-size="15" font-weight="bold"', escapeHtml(title))}${axis}${lines.join('')}` +
    text(d, (left + WIDTH - right) / 2, height - 8, 'middle', 'font-size="11" fill="#444"', escapeHtml(d.words.days)));
}

function bars(d: Drawing, title: string, rows: { label: string; actions: number | null }[]): string {
  const shown = rows.slice(0, 12);
  const max = Math.max(1, ...shown.map((r) => r.actions ?? 0));
  const [labelWidth, rowHeight, top] = [240, 26, 40];
  const height = top + shown.length * rowHeight + 16;
  const body = shown.map((r, i) => {
    const y = top + i * rowHeight;
    const w = ((r.actions ?? 0) / max) * (WIDTH - labelWidth - 110);
    const label = r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label;
    const barX = d.rtl ? d.x(labelWidth) - w : labelWidth;
    return text(d, labelWidth - 8, y + 16, 'end', 'font-size="12"', escapeHtml(label)) +
      `<rect x="${barX.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${PALETTE[0]}"/>` +
      text(d, labelWidth + w + 6, y + 16, 'start', 'font-size="12"', r.actions === null ? escapeHtml(d.words.belowThreshold) : d.fmt(r.actions));
  }).join('');
  const description = shown.map((r) => `${r.label}: ${r.actions === null ? d.words.notShown : d.fmt(r.actions)}`).join('; ');
  return svg(d, title, description, height, `${text(d, 16, 24, 'start', 'font-size="15" font-weight="bold"', escapeHtml(title))}${body}`);
}

export function chartSvg(content: SnapshotContent, chart: ChartName, language: PublicLanguage = 'en'): string {
  const d = drawing(content, language);
  switch (chart) {
    case 'cumulative':
      return cumulative(content, d);
    case 'cases':
      return bars(d, d.words.casesTitle(d.campaignYear), [...content.cases].sort((a, b) => (b.actions ?? 0) - (a.actions ?? 0)).map((k) => ({ label: k.name, actions: k.actions })));
    case 'countries':
      return bars(d, d.words.countriesTitle(d.campaignYear), content.byCountry);
  }
}
