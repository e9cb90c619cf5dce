import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { readReportCsv } from '../../server/modules/imports/csv-reader';
import { REPORT_COLUMNS } from '../../server/modules/reports/report-fields';

/** A CSV of `rows` rows made as it is read; `read()` says how many bytes were taken from it so far. */
function generatedCsv(rows: number) {
  let next = 0;
  let bytes = 0;
  let headerSent = false;
  const stream = new Readable({
    read() {
      if (!headerSent) {
        headerSent = true;
        this.push(`${REPORT_COLUMNS.join(',')}\n`);
      } else if (next >= rows) {
        this.push(null);
      } else {
        let chunk = '';
        for (let i = 0; i < 1000 && next < rows; i++) chunk += `R-${next++},2024,li-wen,,,,PETITION,5,,2024-12-12T10:00:00Z,MX,Americas,MX-JAL\n`;
        bytes += chunk.length;
        this.push(chunk);
      }
    },
  });
  return { stream, read: () => bytes };
}

/** The bytes read once reading stops: a reader held back by its consumer stops; one that is not reads to the end. */
async function settled(read: () => number): Promise<number> {
  let last = -1;
  for (let still = 0; still < 20; ) {
    await sleep(10);
    still = read() === last ? still + 1 : 0;
    last = read();
  }
  return last;
}

describe('readReportCsv', () => {
  it('reads no further ahead of a slow consumer than a few chunks (memory stays flat), then reads on when asked', async () => {
    const rows = 400_000; // about 30 MB
    const { stream, read } = generatedCsv(rows);
    const records = readReportCsv(stream);
    const first = await records.next();
    expect(first.done).toBe(false);
    // the consumer (the database) is busy: the whole file queued up in memory before
    expect(await settled(read)).toBeLessThan(8 * 2 ** 20);
    let count = (first.value as unknown[]).length;
    for (let next = await records.next(); !next.done; next = await records.next()) count += next.value.length;
    expect(count).toBe(rows);
  });
});
