import { toBlob } from 'html-to-image';
import { downloadBlob } from './download';

/**
 * A chart as a PNG image at twice its size on screen, on white (the page's background is not part
 * of the chart). html-to-image draws the node, with its computed styles, on a canvas.
 */
export async function downloadPng(node: HTMLElement, filename: string): Promise<void> {
  const blob = await toBlob(node, { backgroundColor: '#ffffff', pixelRatio: 2, cacheBust: false });
  if (!blob) throw new Error('the browser made no image');
  downloadBlob(blob, filename);
}
