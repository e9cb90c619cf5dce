import { subscribeFigures } from '../test/support/live';
import { dashboardClient } from './page-bench';
import type { Wave } from './page-requests';
import { ErrorLog, spread, type Spread } from './peak-figures';

/**
 * The probe's area: a real country that no generated report and no form of the bench writes in,
 * so its total moves only by the probe's own writes and says exactly whether one is shown.
 */
export const PROBE_AREA = { region: 'Europe and Central Asia', country: 'LU' };

/**
 * A probe stops waiting (for the event, or for a newer one after a refetch without its write) this
 * long after sending its write, and counts as not shown; a request already under way is awaited.
 */
const GIVE_UP_MS = 10_000;
/** Between one probe's end and the next write. */
const PAUSE_MS = 1_000;

export interface ShownFigures {
  probes: number;
  /** From sending the write until the `figuresChanged` event announcing it (ms). */
  event: Spread;
  /** From sending the write until the dashboard's re-fetched figures include it (ms). */
  figures: Spread;
  notShown: number;
  errors: ErrorLog;
  /** Busy answers the probe's client sent again. */
  busyRetried: number;
}

/**
 * An open dashboard, as the client's live updates run it (client/live/use-live-updates.ts): the
 * overview of the probe's area, subscribed to `figuresChanged`, refetching its requests on every
 * event that announces a newer version than it shows. Its writes are reports of campaign `year`
 * made now (the campaign the page shows, running).
 */
export async function openProbe(url: string, token: string, waves: Wave[], year: number) {
  const busy = { count: 0 };
  const client = dashboardClient(`${url}/graphql`, token, busy);
  const live = subscribeFigures(url, { token });
  const total = async () => (await client.open(waves)).answers.OverviewFigures.data.impact.totalActions as number;
  let expected = await total();
  await live.waitFor(() => true, GIVE_UP_MS);

  /** Probes one write after another until `running()` is false. */
  async function measure(running: () => boolean): Promise<ShownFigures> {
    const eventMs: number[] = [];
    const figuresMs: number[] = [];
    const errors = new ErrorLog();
    let probes = 0;
    let notShown = 0;
    busy.count = 0;
    while (running()) {
      probes++;
      const sent = performance.now();
      const giveUp = Date.now() + GIVE_UP_MS;
      try {
        const { version } = await client.submit(PROBE_AREA.region, PROBE_AREA.country, year, new Date().toISOString());
        expected += 1;
        const event = await live
          .waitFor((e) => e.at >= sent && e.dataVersion >= version, Math.max(0, giveUp - Date.now()))
          .catch(() => Promise.reject(new Error(`no figuresChanged event with version ${version} or later within ${GIVE_UP_MS} ms of sending`)));
        eventMs.push(event.at - sent);
        // refetch on that event, then on each newer one, until the figures hold the write
        for (;;) {
          const announced = live.events.length;
          if ((await total()) >= expected) break;
          while (live.events.length === announced && Date.now() < giveUp) await sleep(5);
          if (Date.now() >= giveUp) throw new Error(`the write was not in the figures after ${GIVE_UP_MS} ms`);
        }
        figuresMs.push(performance.now() - sent);
      } catch (error) {
        notShown++;
        errors.add(error);
        // what the next probe expects: the figures as they stand once this one settled
        await sleep(giveUp - Date.now());
        expected = await total().catch(() => expected);
      }
      await sleep(PAUSE_MS);
    }
    return { probes, event: spread(eventMs), figures: spread(figuresMs), notShown, errors, busyRetried: busy.count };
  }

  return { measure, close: () => live.close() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
