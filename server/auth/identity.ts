/**
 * Who is making a request: the signed-in account, resolved from the session cookie. This type and
 * {@link Authenticator} are the one seam used both by the REST layer and by the room upgrade.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor, Role } from '../../common/access.js';

export interface Identity extends Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  /** The department's name, shown to others beside the person's name; null without a department. */
  departmentName: string | null;
  /** The session this request belongs to (its stored id, not the cookie's token). */
  sessionId: string;
}

/** Decides who sent a request (REST call or websocket upgrade); null means nobody signed in. */
export type Authenticator = (request: IncomingMessage) => Promise<Identity | null>;
