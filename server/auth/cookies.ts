/**
 * Cookies through @fastify/cookie: the plugin (which gives replies `setCookie`), the session cookie's
 * attributes, and reading a cookie from a bare request's headers — the room upgrade is authenticated from
 * the `IncomingMessage`, where Fastify's `request.cookies` does not exist.
 */
import type { IncomingHttpHeaders } from 'node:http';
import fastifyCookie, { type CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';

/** Registers @fastify/cookie. Its parser is loaded by the registration: do this before serving requests. */
export async function registerCookies(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
}

/** A cookie to set on a reply (`reply.setCookie(name, value, options)`). */
export interface OutgoingCookie {
  name: string;
  value: string;
  options: CookieSerializeOptions;
}

/**
 * The attributes of the session cookie: httpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site POSTs), the whole site, Secure when served over HTTPS. `maxAge` 0 deletes it now; omitted,
 * it is a browser-session cookie.
 */
export function sessionCookieOptions(secure: boolean, maxAge?: number): CookieSerializeOptions {
  const options: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure };
  if (maxAge !== undefined) {
    options.maxAge = maxAge;
    if (maxAge === 0) options.expires = new Date(0);
  }
  return options;
}

/** The value of cookie `name` in a request's headers, or undefined (first one wins; bad encoding kept as is). */
export function cookieOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  return fastifyCookie.parse(header)[name];
}
