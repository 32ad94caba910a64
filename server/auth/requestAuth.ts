/**
 * The REST side of the authentication seam: every `/api/` request is checked for cross-site writes and,
 * except the public calls, for a session. Routes read the caller with {@link identityOf}.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { crossSite, forbidden, unauthenticated } from '../errors.js';
import { isCrossSiteWrite } from './crossSite.js';
import type { Authenticator, Identity } from './identity.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, set for every non-public `/api/` call. */
    identity: Identity | null;
  }
}

/** Calls that need no session: signing in, and what a load balancer or a reader of the API asks. */
const PUBLIC = new Set(['POST /api/session', 'GET /api/health', 'GET /api/openapi.json']);

export function installRequestAuth(app: FastifyInstance, authenticate: Authenticator): void {
  app.decorateRequest('identity', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    if (isCrossSiteWrite(request.method, request.headers)) throw crossSite();
    if (PUBLIC.has(`${request.method} ${path}`)) return;
    const identity = await authenticate(request.raw);
    if (!identity) throw unauthenticated();
    request.identity = identity;
  });
}

/** The caller of a non-public call. */
export function identityOf(request: FastifyRequest): Identity {
  if (!request.identity) throw unauthenticated();
  return request.identity;
}

/** The caller, who must pass `allowed`; 403 otherwise. */
export function requireCaller(request: FastifyRequest, allowed: (identity: Identity) => boolean, what: string): Identity {
  const identity = identityOf(request);
  if (!allowed(identity)) throw forbidden(`only ${what} may do this`);
  return identity;
}
