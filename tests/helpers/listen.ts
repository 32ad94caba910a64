/** Putting a Fastify app of a test on the loopback interface. */
import type { FastifyInstance } from 'fastify';

/**
 * Listens on 127.0.0.1 — on a free port unless `port` is given — and resolves with the app's
 * `http://127.0.0.1:PORT`. The caller closes the app.
 */
export async function listenLocally(app: FastifyInstance, port = 0): Promise<string> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('the app has no address');
  return `http://127.0.0.1:${address.port}`;
}
