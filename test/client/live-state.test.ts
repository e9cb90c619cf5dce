import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelay } from '../../client/live/backoff';
import { needsRefetch, nextPhase, olderVersion, type LivePhase, type SocketEvent } from '../../client/live/live-state';
import { answerVersion, ShownVersion } from '../../client/live/shown-version';

function run(events: SocketEvent[], from: LivePhase = 'connecting'): LivePhase[] {
  const phases: LivePhase[] = [];
  let phase = from;
  for (const event of events) phases.push((phase = nextPhase(phase, event)));
  return phases;
}

describe('live phase', () => {
  it('is connecting until the first connection, then live', () => {
    expect(run(['connecting', 'connected'])).toEqual(['connecting', 'live']);
  });

  it('stays reconnecting through failed attempts after a drop, until connected again', () => {
    expect(run(['connecting', 'connected', 'closed', 'connecting', 'closed', 'connecting', 'connected'])).toEqual([
      'connecting',
      'live',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'live',
    ]);
  });

  it('says reconnecting when the very first attempt fails', () => {
    expect(run(['connecting', 'closed', 'connecting'])).toEqual(['connecting', 'reconnecting', 'reconnecting']);
  });

  it('starts over after the subscription stops (signed out)', () => {
    expect(run(['stopped'], 'live')).toEqual(['connecting']);
    expect(run(['stopped'], 'reconnecting')).toEqual(['connecting']);
  });
});

describe('needsRefetch', () => {
  it('refetches when the announced version is newer than what is on screen', () => {
    expect(needsRefetch(41, 42)).toBe(true);
  });

  it('does not refetch for the same or an older version (a reconnection with nothing missed)', () => {
    expect(needsRefetch(42, 42)).toBe(false);
    expect(needsRefetch(42, 40)).toBe(false);
  });

  it('does not refetch when nothing on screen has a known version', () => {
    expect(needsRefetch(null, 42)).toBe(false);
  });

  it('takes the older of two versions, either of which may be unknown', () => {
    expect(olderVersion(3, 5)).toBe(3);
    expect(olderVersion(null, 5)).toBe(5);
    expect(olderVersion(3, null)).toBe(3);
    expect(olderVersion(null, null)).toBeNull();
  });
});

describe('ShownVersion', () => {
  it('keeps the oldest version seen since the last reset', () => {
    const shown = new ShownVersion();
    expect(shown.get()).toBeNull();
    shown.saw(7);
    shown.saw(5);
    shown.saw(9);
    expect(shown.get()).toBe(5);
    shown.reset();
    expect(shown.get()).toBeNull();
  });

  it('reads the version from extensions.freshness, ignoring anything else', () => {
    expect(answerVersion({ freshness: { dataVersion: 12, asOf: '2025-12-10T10:00:00Z' } })).toBe(12);
    expect(answerVersion(undefined)).toBeNull();
    expect(answerVersion({})).toBeNull();
    expect(answerVersion({ freshness: null })).toBeNull();
    expect(answerVersion({ freshness: { dataVersion: '12' } })).toBeNull();
  });
});

describe('retryDelay', () => {
  it('doubles from half a second, with the upper half random', () => {
    expect(retryDelay(0, 0)).toBe(250);
    expect(retryDelay(0, 0.999)).toBeLessThanOrEqual(500);
    expect(retryDelay(1, 0)).toBe(500);
    expect(retryDelay(3, 0)).toBe(2000);
  });

  it('never waits more than ten seconds', () => {
    for (const retries of [5, 10, 50, 1000]) {
      expect(retryDelay(retries, 0.999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
      expect(retryDelay(retries, 0)).toBe(MAX_RETRY_DELAY_MS / 2);
    }
  });
});
