import { escapeHtml } from '../../common/html';
import type { CounterView } from './counter-view';

/** Approximate width of text in the badge's 12 px sans-serif; a badge only needs to be roomy enough. */
const textWidth = (text: string) => Math.ceil([...text].length * 7.2) + 16;

/** A two-part badge (title | figures), like the ones projects show in their READMEs. */
export function counterBadge(view: CounterView): string {
  const left = view.title;
  const right = view.paused ? view.words.paused : view.figures.map((f) => `${f.text} ${f.label}`).join(' · ');
  const [lw, rw] = [textWidth(left), textWidth(right)];
  const width = lw + rw;
  const rtl = view.dir === 'rtl';
  // right to left: the title stands on the right
  const [titleX, figuresX] = rtl ? [rw + lw / 2, rw / 2] : [lw / 2, lw + rw / 2];
  const [titleFill, figuresFill] = rtl ? [`x="${rw}"`, 'x="0"'] : ['x="0"', `x="${lw}"`];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24" role="img" aria-label="${escapeHtml(`${left}: ${right}`)}" direction="${view.dir}">
<title>${escapeHtml(`${left}: ${right}`)}</title>
<rect ${titleFill} width="${lw}" height="24" fill="#1a1a1a"/>
<rect ${figuresFill} width="${rw}" height="24" fill="#ffdd00"/>
<g font-family="DejaVu Sans, Verdana, sans-serif" font-size="12" text-anchor="middle">
<text x="${titleX}" y="16" fill="#fff">${escapeHtml(left)}</text>
<text x="${figuresX}" y="16" fill="#1a1a1a">${escapeHtml(right)}</text>
</g>
</svg>
`;
}
