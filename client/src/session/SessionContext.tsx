/**
 * What every signed-in page knows: the account, the identity it shows to others, and the departments
 * (to name section owners and the person's own department). Provided once above the pages.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Department, Me } from '../../../common/account.js';
import { listDepartments } from '../api/departments.js';
import { identityOf, type Identity } from '../identity.js';

/** The signed-in session, as pages see it. */
export interface Session {
  me: Me;
  identity: Identity;
  /** Every department, disabled ones included. */
  departments: readonly Department[];
  /** The department with this id, or undefined when there is none (null id) or it is unknown. */
  department(id: string | null): Department | undefined;
  /** Loads the departments again (after the admin changed them). */
  reloadDepartments(): Promise<void>;
  /** Asks the server again who is signed in (after the admin changed their own account). */
  reloadMe(): Promise<void>;
  logOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

interface SessionProviderProps {
  me: Me;
  /** The departments, loaded before the pages are shown. */
  initialDepartments: readonly Department[];
  reloadMe(): Promise<void>;
  logOut(): Promise<void>;
  children: ReactNode;
}

/** Provides the session to the pages below it. */
export function SessionProvider({ me, initialDepartments, reloadMe, logOut, children }: SessionProviderProps) {
  const [departments, setDepartments] = useState(initialDepartments);
  useEffect(() => setDepartments(initialDepartments), [initialDepartments]);

  const reloadDepartments = useCallback(async () => {
    setDepartments(await listDepartments());
  }, []);

  const value = useMemo<Session>(() => {
    const byId = new Map(departments.map((department) => [department.id, department]));
    return {
      me,
      identity: identityOf(me),
      departments,
      department: (id) => (id === null ? undefined : byId.get(id)),
      reloadDepartments,
      reloadMe,
      logOut,
    };
  }, [me, departments, reloadDepartments, reloadMe, logOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only pages shown behind the login may call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession: no session (the page is shown before login)');
  return session;
}
