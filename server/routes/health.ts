/** `GET /api/health`: that the server runs, and how many rooms it holds in memory (for operators). */
import type { FastifyInstance } from 'fastify';
import type { Health } from '../../common/api/system.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';

export function registerHealthRoute(app: FastifyInstance, registry: RoomRegistry): void {
  app.get('/api/health', async (): Promise<Health> => ({ status: 'ok', rooms: registry.size }));
}
