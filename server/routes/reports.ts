/**
 * Reports (CONTRACT.md, "REST"): create, list, read, and assign a section to a department. Every section
 * answered carries its review, and the list each report's review progress and unread mentions (issue 9).
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { Report, ReportListEntry, ReportSection } from '../../common/report.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import type { ReviewService } from '../review/reviewService.js';
import { bodyOf, paramsOf, queryOf } from './input.js';

export function registerReportRoutes(app: FastifyInstance, reports: ReportService, review: ReviewService): void {
  const withReviews = async (report: Report): Promise<Report> => ({
    ...report,
    sections: await review.sections.withReviews(report.id, report.sections),
  });

  app.post('/api/reports', async (request, reply) => {
    const caller = identityOf(request);
    const { templateId, title } = bodyOf(api.createReport, request);
    const report: Report = await reports.create(caller, templateId, title?.normalize('NFC'));
    return reply.status(201).send(await withReviews(report));
  });

  app.get('/api/reports', async (request): Promise<ReportListEntry[]> => {
    const caller = identityOf(request);
    const { archived } = queryOf(api.listReports, request);
    return review.listEntries(caller, await reports.list(caller, { archived }));
  });

  app.get('/api/reports/:id', async (request): Promise<Report> => {
    const caller = identityOf(request);
    const { id } = paramsOf(api.getReport, request);
    if (!isValidId(id)) throw notFound(`report "${id}"`);
    return withReviews(await reports.get(caller, id));
  });

  app.put('/api/reports/:id/sections/:sectionId', async (request): Promise<ReportSection> => {
    const caller = identityOf(request);
    const { id, sectionId } = paramsOf(api.assignSection, request);
    const { ownerDepartmentId } = bodyOf(api.assignSection, request);
    if (!isValidId(id) || !isValidId(sectionId)) throw notFound('section');
    const section = await reports.assign(caller, id, sectionId, ownerDepartmentId);
    const [withReview] = await review.sections.withReviews(id, [section]);
    return withReview!;
  });
}
