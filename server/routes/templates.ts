/** `GET /api/templates`: the report templates that loaded. */
import type { FastifyInstance } from 'fastify';
import { summariseTemplate, type Template, type TemplateSummary } from '../../common/template.js';

export function registerTemplateRoutes(app: FastifyInstance, templates: readonly Template[]): void {
  app.get('/api/templates', async (): Promise<TemplateSummary[]> => templates.map(summariseTemplate));
}
