/** Who is in a report, from the awareness of its frame room (every report page announces itself there). */
import type { Awareness } from 'y-protocols/awareness';

/** A person on the report page. */
export interface Person {
  /** Stable for the React key: the name and colour (one person in two tabs is listed once). */
  key: string;
  name: string;
  color: string;
  /** The person's department, as the server announces it; undefined when they have none. */
  departmentName: string | undefined;
  /** True for the person at this browser. */
  self: boolean;
}

interface AnnouncedUser {
  name: string;
  color: string;
  /** Added by the server from the account; absent from what the client itself announces. */
  departmentName?: unknown;
}

function isUser(value: unknown): value is AnnouncedUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as { name?: unknown; color?: unknown };
  return typeof user.name === 'string' && user.name !== '' && typeof user.color === 'string';
}

/** The people announced in `awareness`, this browser first, then by name. */
export function peopleIn(awareness: Awareness): Person[] {
  const byKey = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates()) {
    const user: unknown = state.user;
    if (!isUser(user)) continue;
    const key = `${user.name}\u0000${user.color}`;
    const self = clientId === awareness.clientID;
    const known = byKey.get(key);
    const departmentName = typeof user.departmentName === 'string' && user.departmentName !== '' ? user.departmentName : known?.departmentName;
    byKey.set(key, { key, name: user.name, color: user.color, departmentName, self: self || (known?.self ?? false) });
  }
  return [...byKey.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'vi'));
}

/** Calls `listener` when someone arrives, leaves or changes name; returns the unsubscribe function. */
export function watchPeople(awareness: Awareness, listener: () => void): () => void {
  awareness.on('change', listener);
  return () => awareness.off('change', listener);
}
