/**
 * Request ids (issue 11, item 5): every log line of a request carries `reqId` (Fastify's pino logger), the
 * response carries it in `X-Request-Id`, and so do the log lines of a room connection (collab/pipeline.ts
 * gives each connection its upgrade's logger). An id a proxy sends in `X-Request-Id` is kept, so one id
 * follows a request through the proxy's logs and ours; anything else is replaced by a fresh one.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a given id may be: short and plain, so that a hostile header cannot forge log lines, smuggle control
 * characters or fill the logs (it is written raw into every line of the request).
 */
const WELL_FORMED = /^[A-Za-z0-9._-]{1,64}$/;

/** The request's id: its well-formed `X-Request-Id`, else a random UUID (unique across instances, unlike a counter). */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
}

/**
 * Fastify's options for it. Not `requestIdHeader`: Fastify would take that header as it comes, unchecked;
 * `genReqId` sees every request and checks it.
 */
export const requestIdOptions = { requestIdHeader: false, genReqId: requestIdOf } as const;

/** Sends each request's id back in `X-Request-Id`, errors included, so a user can quote it. */
export function echoRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
