import { escapeHtml } from '../../common/html';
import type { SnapshotContent } from './snapshot-content';

/**
 * The snapshot's charts as standalone SVG: drawn once from the frozen figures, embedded in the
 * public page and served as SVG and PNG downloads. Colours are from the Okabe-Ito palette (safe for
 * colour-blind readers); every chart has a title and a description for screen readers.
 */
export const CHARTS = ['cumulative', 'cases', 'countries'] as const;
export type ChartName = (typeof CHARTS)[number];

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const WIDTH = 760;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const fmt = (n: number) => n.toLocaleString('en');

function svg(title: string, description: string, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="t d" ${FONT}>` +
    `<title id="t">${escapeHtml(title)}</title><desc id="d">${escapeHtml(description)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`;
}

function cumulative(c: SnapshotContent): string {
  const series = c.yearComparison.filter((s) => s.points.length > 0);
  const maxDay = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.day)));
  const minDay = Math.min(0, ...series.flatMap((s) => s.points.map((p) => p.day)));
  const maxValue = Math.max(1, ...series.map((s) => s.total));
  const [left, right, top, bottom, height] = [70, 20, 40, 40, 360];
  const x = (d: number) => left + ((d - minDay) / (maxDay - minDay || 1)) * (WIDTH - left - right);
  const y = (v: number) => height - bottom - (v / maxValue) * (height - top - bottom);
  const lines = series.map((s, i) => {
    const path = s.points.map((p, j) => `${j ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.cumulative).toFixed(1)}`).join('');
    const colour = s.year === c.campaign.year ? PALETTE[0] : PALETTE[1 + (i % (PALETTE.length - 1))];
    const width = s.year === c.campaign.year ? 3 : 1.5;
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="${width}"${s.year === c.campaign.year ? '' : ' stroke-dasharray="5 3"'}/>` +
      `<text x="${WIDTH - right - 4}" y="${y(s.total) - 4}" text-anchor="end" font-size="12" fill="${colour}">${s.year}: ${fmt(s.total)}</text>`;
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(maxValue * f));
  const axis = ticks.map((t) => `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="#444">${fmt(t)}</text>` +
    `<line x1="${left}" x2="${WIDTH - right}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>`).join('');
  const title = `Cumulative actions by campaign day, ${c.campaign.year} and earlier years`;
  const description = series.map((s) => `${s.year}: ${fmt(s.total)} actions`).join('; ');
  return svg(title, description, height,
    `<text x="${left}" y="24" font-size="15" font-weight="bold">${escapeHtml(title)}</text>${axis}${lines.join('')}` +
    `<text x="${(left + WIDTH - right) / 2}" y="${height - 8}" text-anchor="middle" font-size="11" fill="#444">Days since writing started</text>`);
}

function bars(title: string, rows: { label: string; actions: number | null }[]): string {
  const shown = rows.slice(0, 12);
  const max = Math.max(1, ...shown.map((r) => r.actions ?? 0));
  const [labelWidth, rowHeight, top] = [240, 26, 40];
  const height = top + shown.length * rowHeight + 16;
  const body = shown.map((r, i) => {
    const y = top + i * rowHeight;
    const w = ((r.actions ?? 0) / max) * (WIDTH - labelWidth - 110);
    const label = r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label;
    return `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${PALETTE[0]}"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 16}" font-size="12">${r.actions === null ? '&lt; threshold' : fmt(r.actions)}</text>`;
  }).join('');
  const description = shown.map((r) => `${r.label}: ${r.actions === null ? 'not shown' : fmt(r.actions)}`).join('; ');
  return svg(title, description, height, `<text x="16" y="24" font-size="15" font-weight="bold">${escapeHtml(title)}</text>${body}`);
}

export function chartSvg(content: SnapshotContent, chart: ChartName): string {
  switch (chart) {
    case 'cumulative':
      return cumulative(content);
    case 'cases':
      return bars(`Actions by case, ${content.campaign.year}`, [...content.cases].sort((a, b) => (b.actions ?? 0) - (a.actions ?? 0)).map((k) => ({ label: k.name, actions: k.actions })));
    case 'countries':
      return bars(`Actions by writers' country, ${content.campaign.year} (top 12)`, content.byCountry);
  }
}
