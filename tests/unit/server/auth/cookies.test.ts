/** The session cookie through @fastify/cookie: how it is read from bare headers and how it is written. */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, registerCookies, sessionCookieOptions } from '../../../../server/auth/cookies.js';

describe('cookies', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    // Registering the plugin also loads the parser that cookieOf uses.
    await registerCookies(app);
    app.get('/set', async (request, reply) => {
      const { secure, maxAge } = request.query as { secure?: string; maxAge?: string };
      reply.setCookie('ds_session', 'x y', sessionCookieOptions(secure === '1', maxAge === undefined ? undefined : Number(maxAge)));
      return 'ok';
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('reads a cookie from the headers of a bare request, the first of a name, decoded', () => {
    const headers = { cookie: 'a=1; ds_session=abc%2Fdef; broken; ds_session=second' };
    expect(cookieOf(headers, 'ds_session')).toBe('abc/def');
    expect(cookieOf(headers, 'a')).toBe('1');
    expect(cookieOf(headers, 'missing')).toBeUndefined();
    expect(cookieOf({}, 'ds_session')).toBeUndefined();
  });

  it('writes an httpOnly, SameSite=Lax cookie for the whole site, Secure on request', async () => {
    const plain = await app.inject({ url: '/set' });
    expect(plain.headers['set-cookie']).toBe('ds_session=x%20y; Path=/; HttpOnly; SameSite=Lax');
    const secure = await app.inject({ url: '/set?secure=1' });
    expect(secure.headers['set-cookie']).toBe('ds_session=x%20y; Path=/; HttpOnly; Secure; SameSite=Lax');
  });

  it('deletes it with Max-Age=0 and an expiry in the past', async () => {
    const cleared = await app.inject({ url: '/set?maxAge=0' });
    expect(cleared.headers['set-cookie']).toMatch(/^ds_session=x%20y; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/);
  });
});
