/** Counts every HTTP response by status class (`dong_soan_http_responses_total`): a rise in 5xx is the alert. */
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

export function countResponses(app: FastifyInstance, metrics: Pick<Metrics, 'countResponse'>): void {
  app.addHook('onResponse', async (_request, reply) => {
    metrics.countResponse(reply.statusCode);
  });
}
