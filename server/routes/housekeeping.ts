/**
 * Report housekeeping (issue 10, item 7): `PATCH /api/reports/:id` (rename, archive), `POST
 * /api/reports/:id/copy`, `DELETE /api/reports/:id`. Input is read with the route table's schemas
 * (common/api/housekeeping.ts) before anything else, so a bad body is a 400 whoever sends it.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { Report } from '../../common/report.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { HousekeepingService } from '../reports/housekeeping.js';
import type { ReviewService } from '../review/reviewService.js';
import { bodyOf, paramsOf } from './input.js';

/** An id that cannot exist is not found, as an unknown one is. */
function existing(id: string): void {
  if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
}

export function registerHousekeepingRoutes(app: FastifyInstance, housekeeping: HousekeepingService, review: Pick<ReviewService, 'sections'>): void {
  // The same shape as GET /api/reports/:id: every section with its review.
  const withReviews = async (report: Report): Promise<Report> => ({
    ...report,
    sections: await review.sections.withReviews(report.id, report.sections),
  });

  app.patch('/api/reports/:id', async (request): Promise<Report> => {
    const { id } = paramsOf(api.updateReport, request);
    const change = bodyOf(api.updateReport, request);
    existing(id);
    return withReviews(await housekeeping.update(identityOf(request), id, change));
  });

  app.post('/api/reports/:id/copy', async (request, reply) => {
    const { id } = paramsOf(api.copyReport, request);
    existing(id);
    return reply.status(201).send(await withReviews(await housekeeping.copy(identityOf(request), id)));
  });

  app.delete('/api/reports/:id', async (request, reply) => {
    const { id } = paramsOf(api.deleteReport, request);
    existing(id);
    await housekeeping.remove(identityOf(request), id);
    return reply.status(204).send();
  });
}
