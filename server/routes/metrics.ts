/**
 * `GET /metrics` (CONTRACT.md, "Several instances"): Prometheus text, for the operator's scraper, which has
 * no session. Who may read it: anyone who reaches it, unless `METRICS_TOKEN` is set — then only a caller
 * sending `Authorization: Bearer <token>` (401 otherwise). What it tells is counts and durations only
 * (server/metrics/metrics.ts): no report, title, room or person is named, so the open default gives away
 * load figures, not content. Behind a public proxy, set the token or keep `/metrics` off the proxy.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.js';
import type { Metrics } from '../metrics/metrics.js';

export interface MetricsRouteDeps {
  metrics: Pick<Metrics, 'registry'>;
  /** The bearer token a scraper must send (config `metrics.token`, `METRICS_TOKEN`); null: no token asked. */
  token: string | null;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the `Authorization` header carries the token; compared in constant time (digests of equal length). */
function carriesToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export function registerMetricsRoute(app: FastifyInstance, { metrics, token }: MetricsRouteDeps): void {
  app.get('/metrics', async (request, reply) => {
    if (token !== null && !carriesToken(request.headers.authorization, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send(errorBody('unauthenticated', 'the metrics need the bearer token METRICS_TOKEN'));
    }
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
