/**
 * Where the live-updates connection stands, as the header shows it:
 * - `connecting`: not connected yet since signing in;
 * - `live`: connected, figures refetched on every change;
 * - `reconnecting`: was connected (or tried), the connection dropped, attempts go on.
 */
export type LivePhase = 'connecting' | 'live' | 'reconnecting';

/** What the socket reports (graphql-ws client events), plus the subscription ending on our side. */
export type SocketEvent = 'connecting' | 'connected' | 'closed' | 'stopped';

/**
 * The next phase after a socket event. A new attempt keeps the phase it starts from (after a drop it
 * is still `reconnecting`, not a first connection); `stopped` (signed out) starts over.
 */
export function nextPhase(phase: LivePhase, event: SocketEvent): LivePhase {
  switch (event) {
    case 'connected':
      return 'live';
    case 'closed':
      return 'reconnecting';
    case 'connecting':
      return phase;
    case 'stopped':
      return 'connecting';
  }
}

/**
 * Whether the figures on screen, answered at data version `shown` (null: not known), are older than
 * the version the server announced. Unknown means nothing to compare: what is loading now is new.
 */
export function needsRefetch(shown: number | null, announced: number): boolean {
  return shown !== null && announced > shown;
}

/** The older of two versions, either of which may be unknown. */
export function olderVersion(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
