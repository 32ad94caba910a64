/**
 * Whether someone is signed in at this browser, as the server says: checked once when the app starts
 * (`GET /api/me`), then changed by logging in, logging out, or any call the server answers with 401.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../common/account.js';
import { ApiError } from '../api/http.js';
import { getMe, logOut } from '../api/session.js';
import { dropEarlyResponses } from '../headStart.js';
import { onUnauthenticated } from './unauthenticated.js';

/** The states of the session, as the app shows them. */
export type AuthState =
  /** Asking the server who this is. */
  | { status: 'checking' }
  /**
   * Nobody is signed in. `onPurpose`: the person logged out (the login page then forgets the page they
   * were on); otherwise the session ended by itself and the login page returns there afterwards.
   */
  | { status: 'signedOut'; onPurpose: boolean }
  /** The server could not be asked (network, 5xx). */
  | { status: 'unreachable'; error: unknown }
  | { status: 'signedIn'; me: Me };

/** The session state and what changes it. */
export interface Auth {
  state: AuthState;
  /** After a successful login. */
  signedIn(me: Me): void;
  /** Logs out at the server; throws (and stays signed in) when the server could not be reached. */
  logOut(): Promise<void>;
  /** Asks the server again who this is (after "unreachable", or when the account may have changed). */
  refresh(): Promise<void>;
}

/** The session state of the app; call once, at its root. */
export function useAuth(): Auth {
  const [state, setState] = useState<AuthState>({ status: 'checking' });

  const refresh = useCallback(async () => {
    try {
      const me = await getMe({ quiet: true });
      setState({ status: 'signedIn', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut', onPurpose: false });
      else setState({ status: 'unreachable', error });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((current) => (current.status === 'signedOut' ? current : { status: 'signedOut', onPurpose: false })),
      ),
    [],
  );

  // A new session: what the page asked for before it (headStart.ts) is not this person's.
  const signedIn = useCallback((me: Me) => {
    dropEarlyResponses();
    setState({ status: 'signedIn', me });
  }, []);

  const logOutNow = useCallback(async () => {
    try {
      await logOut();
    } catch (error) {
      // A session the server no longer has is as good as ended.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    dropEarlyResponses();
    setState({ status: 'signedOut', onPurpose: true });
  }, []);

  return { state, signedIn, logOut: logOutNow, refresh };
}
