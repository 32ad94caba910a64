/** `POST /api/reports`, `GET /api/reports`, `GET /api/reports/:id` (CONTRACT.md, "REST"). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../../common/limits.js';
import type { Report, ReportSummary } from '../../common/report.js';
import { isValidId } from '../../common/rooms.js';
import { invalidInput, notFound } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';

export const createReportBody = z.strictObject({
  templateId: z.string().min(1),
  title: z.string().max(MAX_TITLE_LENGTH).optional(),
});

const reportParams = z.object({ id: z.string() });

export function registerReportRoutes(app: FastifyInstance, reports: ReportService): void {
  app.post('/api/reports', async (request, reply): Promise<Report> => {
    const body = createReportBody.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error);
    const report = await reports.create(body.data.templateId, body.data.title?.normalize('NFC'));
    return reply.status(201).send(report);
  });

  app.get('/api/reports', async (): Promise<ReportSummary[]> => reports.list());

  app.get('/api/reports/:id', async (request): Promise<Report> => {
    const { id } = reportParams.parse(request.params);
    if (!isValidId(id)) throw notFound(`report "${id}"`);
    return reports.get(id);
  });
}
