/** Reports (CONTRACT.md, "REST"): create, list, read, and assign a section to a department. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../../common/limits.js';
import type { Report, ReportSection, ReportSummary } from '../../common/report.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { invalidInput, notFound } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';

export const createReportBody = z.strictObject({
  templateId: z.string().min(1),
  title: z.string().max(MAX_TITLE_LENGTH).optional(),
});

export const assignSectionBody = z.strictObject({
  ownerDepartmentId: z.string().min(1).max(64).nullable(),
});

const reportParams = z.object({ id: z.string() });
const sectionParams = z.object({ id: z.string(), sectionId: z.string() });

export function registerReportRoutes(app: FastifyInstance, reports: ReportService): void {
  app.post('/api/reports', async (request, reply): Promise<Report> => {
    const caller = identityOf(request);
    const body = createReportBody.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error);
    const report = await reports.create(caller, body.data.templateId, body.data.title?.normalize('NFC'));
    return reply.status(201).send(report);
  });

  app.get('/api/reports', async (request): Promise<ReportSummary[]> => reports.list(identityOf(request)));

  app.get('/api/reports/:id', async (request): Promise<Report> => {
    const caller = identityOf(request);
    const { id } = reportParams.parse(request.params);
    if (!isValidId(id)) throw notFound(`report "${id}"`);
    return reports.get(caller, id);
  });

  app.put('/api/reports/:id/sections/:sectionId', async (request): Promise<ReportSection> => {
    const caller = identityOf(request);
    const { id, sectionId } = sectionParams.parse(request.params);
    const body = assignSectionBody.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error);
    if (!isValidId(id) || !isValidId(sectionId)) throw notFound('section');
    return reports.assign(caller, id, sectionId, body.data.ownerDepartmentId);
  });
}
