/**
 * `GET /api/templates`: the report templates that loaded; `GET /api/award-forms`: the award forms
 * (CONTRACT.md); `GET /api/award-catalogue`: the forms with their levels' labels and prose lead-ins.
 */
import { z } from 'zod';
import { awardCatalogueSchema, awardFormSchema } from '../awards.js';
import { defineRoute } from './route.js';

/** What `GET /api/templates` returns for each template. */
export const templateSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    docType: z.string().describe('the document type as printed, e.g. "BÁO CÁO"'),
    preambleGuidance: z.string().optional().describe('guidance for the opening paragraphs, shown as a placeholder'),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        guidance: z.string().optional().describe('guidance at the top of the section, shown as a placeholder'),
        parts: z
          .array(z.object({ heading: z.string(), guidance: z.string().optional() }))
          .describe('the numbered parts a new section starts with, each with the guidance shown under its heading'),
      }),
    ),
  })
  .describe('A report template');

export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateRoutes = {
  listTemplates: defineRoute({
    method: 'GET',
    path: '/api/templates',
    summary: 'The report templates a report can be created from',
    roles: 'signed-in',
    success: { status: 200, description: 'the templates', schema: z.array(templateSummarySchema) },
  }),
  listAwardForms: defineRoute({
    method: 'GET',
    path: '/api/award-forms',
    summary: 'The award catalogue (Luật Thi đua, khen thưởng 2022)',
    roles: 'signed-in',
    success: { status: 200, description: 'the award forms', schema: z.array(awardFormSchema) },
  }),
  getAwardCatalogue: defineRoute({
    method: 'GET',
    path: '/api/award-catalogue',
    summary: 'The award forms with their levels’ labels and the lead-ins the prose says before each level’s awards',
    roles: 'signed-in',
    success: { status: 200, description: 'the catalogue', schema: awardCatalogueSchema },
  }),
};

export const templateSchemas = { TemplateSummary: templateSummarySchema, AwardForm: awardFormSchema, AwardCatalogue: awardCatalogueSchema };
