/** Reports (CONTRACT.md, "REST"): create, list, read, and assign a section to a department. */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { Report, ReportSection, ReportSummary } from '../../common/report.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import { bodyOf, paramsOf } from './input.js';

export function registerReportRoutes(app: FastifyInstance, reports: ReportService): void {
  app.post('/api/reports', async (request, reply) => {
    const caller = identityOf(request);
    const { templateId, title } = bodyOf(api.createReport, request);
    const report: Report = await reports.create(caller, templateId, title?.normalize('NFC'));
    return reply.status(201).send(report);
  });

  app.get('/api/reports', async (request): Promise<ReportSummary[]> => reports.list(identityOf(request)));

  app.get('/api/reports/:id', async (request): Promise<Report> => {
    const caller = identityOf(request);
    const { id } = paramsOf(api.getReport, request);
    if (!isValidId(id)) throw notFound(`report "${id}"`);
    return reports.get(caller, id);
  });

  app.put('/api/reports/:id/sections/:sectionId', async (request): Promise<ReportSection> => {
    const caller = identityOf(request);
    const { id, sectionId } = paramsOf(api.assignSection, request);
    const { ownerDepartmentId } = bodyOf(api.assignSection, request);
    if (!isValidId(id) || !isValidId(sectionId)) throw notFound('section');
    return reports.assign(caller, id, sectionId, ownerDepartmentId);
  });
}
