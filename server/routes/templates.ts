/**
 * `GET /api/templates`: the report templates that loaded; `GET /api/award-forms`: the award forms
 * (CONTRACT.md); `GET /api/award-catalogue`: the forms with their levels' labels and prose lead-ins.
 */
import type { FastifyInstance } from 'fastify';
import type { AwardCatalogue, AwardForm } from '../../common/awards.js';
import { summariseTemplate, type Template, type TemplateSummary } from '../../common/template.js';

export function registerTemplateRoutes(app: FastifyInstance, templates: readonly Template[], awards: AwardCatalogue): void {
  app.get('/api/templates', async (): Promise<TemplateSummary[]> => templates.map(summariseTemplate));
  app.get('/api/award-forms', async (): Promise<AwardForm[]> => awards.forms);
  app.get('/api/award-catalogue', async (): Promise<AwardCatalogue> => awards);
}
