/**
 * Refuses state-changing requests that come from another site (CSRF). Browsers say where a request comes
 * from in `Sec-Fetch-Site` (all current ones) and `Origin`; a request from our own pages is same-origin.
 * Programs that send neither (scripts, tests) are not browsers acting for a user and pass — they still need
 * the session cookie. The cookie's SameSite=Lax is the second line of defence.
 */
import type { IncomingHttpHeaders } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request changes state and a browser says it comes from another site. */
export function isCrossSiteWrite(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method)) return false;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  return isForeignOrigin(headers);
}

/**
 * True when a browser sent the request from a page of another origin. Browsers always send `Origin` on a
 * websocket handshake, and the session cookie with it, so a room upgrade from another site's page is
 * refused (cross-site websocket hijacking) — whatever SameSite does for sibling subdomains.
 */
export function isForeignOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true; // "null" and other opaque origins
  }
}
