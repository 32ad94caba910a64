/**
 * Who is making a request. Accounts arrive in the next issue; until then everyone is a guest who gives a
 * display name in the client. This type and {@link Authenticator} are the one seam where accounts plug in,
 * used both by the REST layer and by the room upgrade.
 */
import type { IncomingMessage } from 'node:http';

export type Identity = { kind: 'guest' };

/** Decides who sent a request (REST call or websocket upgrade); null means nobody we know. */
export type Authenticator = (request: IncomingMessage) => Promise<Identity | null>;

/** Everyone is a guest: the behaviour until accounts exist. */
export const guestAuthenticator: Authenticator = async () => ({ kind: 'guest' });
