/** The policy names the room sockets of the request's host — and never lets a forged Host header in. */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from '../../../../server/auth/securityHeaders.js';

describe('security headers: connect-src', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    await registerSecurityHeaders(app, { https: false });
    app.get('/', async () => 'ok');
  });
  afterAll(async () => {
    await app.close();
  });

  async function connectSrc(host: string): Promise<string | undefined> {
    const response = await app.inject({ url: '/', headers: { host } });
    const policy = String(response.headers['content-security-policy']);
    return policy
      .split(';')
      .find((directive) => directive.startsWith('connect-src'))
      ?.trim();
  }

  it('allows the sockets of the host the page was served from', async () => {
    expect(await connectSrc('baocao.ubnd.example:3000')).toBe("connect-src 'self' ws://baocao.ubnd.example:3000 wss://baocao.ubnd.example:3000");
    expect(await connectSrc('[::1]:3000')).toBe("connect-src 'self' ws://[::1]:3000 wss://[::1]:3000");
  });

  it("keeps anything that is not a host out of the policy: only 'self' then", async () => {
    for (const forged of ["evil.example; script-src 'unsafe-inline'", 'evil.example *', 'a.example,b.example']) {
      expect(await connectSrc(forged)).toBe("connect-src 'self'");
    }
  });
});
