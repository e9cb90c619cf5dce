import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { retryDelay } from './backoff';
import { FIGURES_CHANGED_SUBSCRIPTION } from './figures-changed';
import { liveConnectionOf } from './live-connection';
import { needsRefetch, nextPhase, olderVersion, type LivePhase, type SocketEvent } from './live-state';

export interface LiveUpdates {
  phase: LivePhase;
  /** When the figures on screen were last brought up to date (the client's clock); null before. */
  updatedAt: Date | null;
}

/**
 * While `active` (signed in): subscribes to `figuresChanged` and refetches every query on screen
 * when the data version moves past what they show. Their data stays on screen during the refetch
 * (pages draw `data` whenever they have it). The subscription opens the socket and ending it
 * closes the socket, so signing out closes it and signing in opens a new one with the new cookie.
 */
export function useLiveUpdates(active: boolean): LiveUpdates {
  const client = useApolloClient();
  const [phase, setPhase] = useState<LivePhase>('connecting');
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  useEffect(() => {
    if (!active) return;
    const { socket, shown } = liveConnectionOf(client);
    // Answers from before this session (the store was emptied on sign-out) say nothing of the screen.
    shown.reset();
    let stopped = false;
    const on = (event: SocketEvent) => setPhase((phase) => nextPhase(phase, event));
    const unlisten = [
      socket.on('connecting', () => on('connecting')),
      socket.on('connected', () => on('connected')),
      socket.on('closed', () => on('closed')),
    ];

    /** The version the figures on screen were last refetched at; null before the first announcement. */
    let applied: number | null = null;
    let announced = -1;
    let refetching = false;
    async function catchUp() {
      refetching = true;
      // Until a refetch, what is on screen is as old as the oldest answer received since the last one.
      let onScreen = olderVersion(applied, shown.get());
      while (needsRefetch(onScreen, announced)) {
        const target = announced;
        shown.reset();
        try {
          await client.refetchQueries({ include: 'active' });
        } catch {
          break; // the figures stay as they were; the next announcement tries again
        }
        if (stopped) return;
        applied = onScreen = target;
        setUpdatedAt(new Date());
      }
      // The first announcement: the figures just loaded are current.
      if (applied === null) {
        applied = announced;
        setUpdatedAt((shownSince) => shownSince ?? new Date());
      }
      refetching = false;
    }

    // A subscription that ends with an error (the server refused it) is started again, after a wait.
    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let subscription: { unsubscribe(): void } | undefined;
    function subscribe() {
      subscription = client.subscribe({ query: FIGURES_CHANGED_SUBSCRIPTION, fetchPolicy: 'no-cache' }).subscribe({
        next: ({ data, error }) => {
          if (error || !data) return restart();
          attempts = 0;
          announced = Math.max(announced, data.figuresChanged.dataVersion);
          if (!refetching) void catchUp();
        },
        error: restart,
        complete: restart,
      });
    }
    function restart() {
      if (stopped) return;
      subscription?.unsubscribe();
      on('closed');
      clearTimeout(retry);
      retry = setTimeout(subscribe, retryDelay(attempts++, Math.random()));
    }
    subscribe();

    return () => {
      stopped = true;
      clearTimeout(retry);
      subscription?.unsubscribe();
      for (const stop of unlisten) stop();
      setPhase((phase) => nextPhase(phase, 'stopped'));
      setUpdatedAt(null);
    };
  }, [active, client]);

  return { phase, updatedAt };
}
