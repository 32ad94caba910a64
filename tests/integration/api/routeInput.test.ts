/**
 * server/routes/input.ts on a real port: a call's input is read with the schemas of its own entry in the
 * route table — a refusal names the field at fault — and reading it with another call's schemas is caught
 * as a fault of the server, not blamed on the request.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../common/api/routes.js';
import { installErrorHandler } from '../../../server/errors.js';
import { bodyOf, paramsOf } from '../../../server/routes/input.js';
import { listenLocally } from '../../helpers/listen.js';

describe('reading a call with the route table', () => {
  let app: FastifyInstance;
  let url: string;
  beforeEach(async () => {
    app = Fastify({ logger: false });
    installErrorHandler(app);
    // The path of `createDepartment`, read with its own schemas.
    app.post('/api/departments', async (request) => bodyOf(api.createDepartment, request));
    // The path of `updateDepartment`, read by mistake with the schemas of `updateUser`.
    app.patch('/api/departments/:id', async (request) => ({ id: paramsOf(api.updateUser, request).id }));
    url = await listenLocally(app);
  });
  afterEach(async () => {
    await app.close();
  });

  const send = (method: string, path: string, body: unknown) =>
    fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers what fits, as the schema outputs it, and refuses what does not with the field at fault', async () => {
    const fits = await send('POST', '/api/departments', { name: '  Pho\u0300ng Nội vụ ' });
    expect(fits.status).toBe(200);
    expect(await fits.json()).toEqual({ name: 'Phòng Nội vụ' });

    const refused = await send('POST', '/api/departments', { name: 42 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringMatching(/^name: /) } });
  });

  it('treats reading a call with another call’s schemas as a server fault (500), whatever was sent', async () => {
    const response = await send('PATCH', '/api/departments/d1', { name: 'Phòng Nội vụ' });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('internal_error');
  });
});
