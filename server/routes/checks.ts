/**
 * `GET /api/reports/:id/checks` (CONTRACT.md; issue 12): the form checker's findings about a report as its
 * rooms are stored, for whoever may read it; `?for=issue` adds what must hold when it is issued.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { Finding } from '../../common/checks/finding.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import type { CheckService } from '../checks/checkService.js';
import { notFound } from '../errors.js';
import { paramsOf, queryOf } from './input.js';

export function registerCheckRoutes(app: FastifyInstance, checks: Pick<CheckService, 'check'>): void {
  app.get('/api/reports/:id/checks', async (request): Promise<Finding[]> => {
    const { id } = paramsOf(api.reportChecks, request);
    const query = queryOf(api.reportChecks, request);
    if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
    return checks.check(identityOf(request), id, query.for === 'issue' ? 'issue' : 'draft');
  });
}
