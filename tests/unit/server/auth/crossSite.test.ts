import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../../../server/auth/crossSite.js';

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
