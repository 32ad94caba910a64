/** `GET /api/templates`: the report templates that loaded; `GET /api/award-forms`: the award catalogue. */
import type { FastifyInstance } from 'fastify';
import type { AwardCatalogue, AwardForm } from '../../common/awards.js';
import { summariseTemplate, type Template, type TemplateSummary } from '../../common/template.js';

export function registerTemplateRoutes(app: FastifyInstance, templates: readonly Template[], awards: AwardCatalogue): void {
  app.get('/api/templates', async (): Promise<TemplateSummary[]> => templates.map(summariseTemplate));
  app.get('/api/award-forms', async (): Promise<AwardForm[]> => awards.forms);
}
