import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../../../server/auth/crossSite.js';
import { parseCookies, serializeCookie } from '../../../../server/auth/cookies.js';

describe('isCrossSiteWrite', () => {
  const host = 'baocao.ubnd.example:3000';
  it('never flags reads', () => {
    expect(isCrossSiteWrite('GET', { host, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).toBe(false);
  });

  it('trusts Sec-Fetch-Site when the browser sends it', () => {
    expect(isCrossSiteWrite('POST', { host, 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(isCrossSiteWrite('POST', { host, 'sec-fetch-site': 'none' })).toBe(false);
    expect(isCrossSiteWrite('POST', { host, 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(isCrossSiteWrite('DELETE', { host, 'sec-fetch-site': 'cross-site' })).toBe(true);
  });

  it('otherwise compares Origin with Host', () => {
    expect(isCrossSiteWrite('PUT', { host, origin: `http://${host}` })).toBe(false);
    expect(isCrossSiteWrite('PUT', { host, origin: 'http://evil.example' })).toBe(true);
    expect(isCrossSiteWrite('PATCH', { host, origin: 'null' })).toBe(true);
  });

  it('lets programs that send neither through (they still need a session)', () => {
    expect(isCrossSiteWrite('POST', { host })).toBe(false);
  });
});

describe('cookies', () => {
  it('reads cookies, skipping malformed pairs and keeping the first of a name', () => {
    const cookies = parseCookies('a=1; ds_session=abc%2Fdef; broken; ds_session=second; bad=%E0%A4%A');
    expect(cookies.get('a')).toBe('1');
    expect(cookies.get('ds_session')).toBe('abc/def');
    expect(cookies.has('bad')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('writes an httpOnly, SameSite=Lax cookie, Secure on request', () => {
    expect(serializeCookie('ds_session', 'x y', { secure: false })).toBe('ds_session=x%20y; Path=/; HttpOnly; SameSite=Lax');
    expect(serializeCookie('ds_session', '', { secure: true, maxAge: 0 })).toBe('ds_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure');
  });
});
