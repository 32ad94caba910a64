/**
 * A report's workflow, issuing and versions (CONTRACT.md, "Review, workflow, issuing, records"; issue 10).
 * Input is read with the route table's schemas (common/api/workflow.ts) before anything else.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { NextNumber, Version } from '../../common/api/workflow.js';
import type { Report } from '../../common/report.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { ReviewService } from '../review/reviewService.js';
import type { WorkflowService } from '../workflow/workflowService.js';
import { bodyOf, paramsOf } from './input.js';

/** An id that cannot exist is not found, as an unknown one is. */
function existing(id: string): void {
  if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
}

export function registerWorkflowRoutes(app: FastifyInstance, workflow: WorkflowService, review: Pick<ReviewService, 'sections'>): void {
  app.post('/api/reports/:id/status', async (request): Promise<Report> => {
    const { id } = paramsOf(api.changeReportStatus, request);
    const change = bodyOf(api.changeReportStatus, request);
    existing(id);
    const report = await workflow.changeStatus(identityOf(request), id, change);
    // The same shape as GET /api/reports/:id: every section with its review.
    return { ...report, sections: await review.sections.withReviews(report.id, report.sections) };
  });

  app.get('/api/reports/:id/next-number', async (request): Promise<NextNumber> => {
    const { id } = paramsOf(api.nextReportNumber, request);
    existing(id);
    return workflow.nextNumber(identityOf(request), id);
  });

  app.get('/api/reports/:id/versions', async (request): Promise<Version[]> => {
    const { id } = paramsOf(api.listVersions, request);
    existing(id);
    return workflow.versions.list(identityOf(request), id);
  });

  app.post('/api/reports/:id/versions', async (request, reply) => {
    const { id } = paramsOf(api.createVersion, request);
    const { label } = bodyOf(api.createVersion, request);
    existing(id);
    return reply.status(201).send(await workflow.versions.create(identityOf(request), id, label));
  });
}
