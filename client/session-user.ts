import { createContext, useContext } from 'react';
import type { SessionUser } from './session';

/**
 * The signed-in user as the app knows it (from `me` on load, or from signing in). Pages and the
 * filter bar read it here: asking `me` again would send the request a second time.
 */
export const SessionUserContext = createContext<SessionUser | null>(null);

export function useSessionUser(): SessionUser | null {
  return useContext(SessionUserContext);
}
