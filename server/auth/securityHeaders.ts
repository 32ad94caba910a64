/**
 * Security headers on every response (issue 8, item 9), through @fastify/helmet: a strict
 * Content-Security-Policy, `nosniff`, no framing, and a referrer policy. The built client loads only its
 * own files (no inline script, no other origin), so the policy allows nothing else; tests/e2e/csp.test.ts
 * loads the report page and types in an editor under it without a violation.
 */
import type { IncomingMessage } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** Served over HTTPS (COOKIE_SECURE=1): only then is Strict-Transport-Security sent. */
  https: boolean;
}

/** `host` or `host:port` as a browser sends it; anything else is left out of the policy. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The room sockets of this host. CSP Level 3 makes `'self'` match them (ws: and wss: of the same host);
 * naming them too keeps rooms working in browsers that predate that rule.
 */
function ownSockets(request: IncomingMessage): string {
  const host = request.headers.host;
  return host !== undefined && HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/** The policy's directives; exported for the tests and the README. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // TipTap injects its base styles in a <style> element, refused without 'unsafe-inline' (tried in
  // tests/e2e/csp.test.ts); styles cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", ownSockets],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    // Helmet's defaults would add upgrade-insecure-requests, which breaks the app served over plain HTTP
    // on an office network.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    // Not `no-referrer`: under it browsers send `Origin: null` on same-origin POSTs, which the cross-site
    // check (auth/crossSite.ts) would refuse in browsers that lack Sec-Fetch-Site.
    referrerPolicy: { policy: 'same-origin' },
    // Over plain HTTP the header means nothing, and sent from an HTTPS proxy's host it would pin HTTPS.
    strictTransportSecurity: options.https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}
