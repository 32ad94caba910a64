import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isApiErrorBody } from '../../../common/apiError.js';
import {
  AppError,
  badRequest,
  errorBody,
  forbidden,
  installErrorHandler,
  invalidInput,
  notFound,
  unauthenticated,
} from '../../../server/errors.js';

describe('invalidInput', () => {
  const body = z.object({ templateId: z.string(), title: z.string().max(5).optional() });

  it('names the first field at fault and keeps the validator message', () => {
    const result = body.safeParse({ title: 'ok' });
    const error = invalidInput(result.error!);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^templateId: /);
  });

  it('joins a nested path with dots', () => {
    const nested = z.object({ sections: z.array(z.object({ title: z.string().min(1, { message: 'must not be empty' }) })) });
    const result = nested.safeParse({ sections: [{ title: 'a' }, { title: '' }] });
    expect(invalidInput(result.error!).message).toBe('sections.1.title: must not be empty');
  });

  it('gives just the message when the whole value is at fault', () => {
    const result = z.string({ message: 'expected text' }).safeParse(42);
    expect(invalidInput(result.error!).message).toBe('expected text');
  });
});

describe('error factories', () => {
  it.each([
    [notFound('report'), 404, 'not_found', 'report not found'],
    [badRequest('no title'), 400, 'bad_request', 'no title'],
    [unauthenticated(), 401, 'unauthenticated', 'Cần đăng nhập (sign in first)'],
    [forbidden('office only'), 403, 'forbidden', 'office only'],
  ])('%s has a stable status and code', (error, status, code, message) => {
    expect(error).toMatchObject({ status, code, message, name: 'AppError' });
  });

  it('builds the error body of CONTRACT.md', () => {
    const body = errorBody('not_found', 'report not found');
    expect(body).toEqual({ error: { code: 'not_found', message: 'report not found' } });
    expect(isApiErrorBody(body)).toBe(true);
  });
});

describe('installErrorHandler', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = Fastify({ logger: false, bodyLimit: 64 });
    installErrorHandler(app);
    app.get('/missing', async () => {
      throw notFound('report');
    });
    app.get('/crash', async () => {
      throw new Error('SQLITE_CORRUPT at /var/lib/dong-soan/data.db');
    });
    app.post('/echo', async (request) => request.body);
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it('sends an AppError as its status and {error: {code, message}}', async () => {
    const response = await app.inject({ method: 'GET', url: '/missing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'report not found' } });
  });

  it('hides the details of an unexpected error behind a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(response.body).not.toContain('SQLITE_CORRUPT');
  });

  it('answers unparsable JSON with 400 bad_request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('answers a body over the limit with 413 body_too_large', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(200) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('body_too_large');
  });
});
