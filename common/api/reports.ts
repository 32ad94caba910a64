/** Reports (CONTRACT.md, "REST"): create, list, read, assign a section to a department, export to Word. */
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../limits.js';
import { sectionReviewSchema } from '../review.js';
import { defineRoute } from './route.js';

/** A report's place in the workflow: draft → review → approved → issued (DESIGN.md). */
export const reportStatusSchema = z.enum(['draft', 'review', 'approved', 'issued']);

/** One main section of a report. */
export const reportSectionSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('the Roman numeral shown before the title, e.g. "I"'),
    title: z.string(),
    ownerDepartmentId: z.string().nullable().describe('the department that writes it; null until the office assigns one'),
    room: z.string().describe('the room that holds its body, `<reportId>/section/<sectionId>`, at ws://HOST/collab/<room>'),
    review: sectionReviewSchema
      .optional()
      .describe('the chairperson’s verdict (issue 9); the server sends it with every section, `{state: "none"}` until reviewed'),
  })
  .describe('A main section of a report');

/** A report as `GET /api/reports` lists it. */
export const reportSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: reportStatusSchema,
    templateId: z.string(),
    docType: z.string().describe('the document type as printed, e.g. "BÁO CÁO"'),
    createdAt: z.iso.datetime(),
    // Issue 10: present once the report is issued, never before.
    number: z.string().optional().describe('issued: its number (Số) as printed, zero-padded, e.g. "05"'),
    symbol: z.string().optional().describe('issued: its symbol (ký hiệu) as issued, e.g. "BC-UBND"'),
    date: z.iso.date().optional().describe('issued: its date (YYYY-MM-DD) as the header prints it'),
    issuedAt: z.iso.datetime().optional().describe('issued: when it was issued'),
    issuedBy: z.string().optional().describe('issued: the user id of who issued it'),
    issuedSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .describe('issued: the SHA-256 (hex) of the Word file stored at issuing, which every download returns'),
    // Issue 10, item 7.
    departmentIds: z.array(z.string()).optional().describe('the departments that own its sections (who is involved), in section order, each once'),
    archivedAt: z.iso.datetime().optional().describe('archived: when; absent while it is not'),
  })
  .describe('A report as the list shows it');

/** A report as `GET /api/reports` lists it, with how far its review has come. */
export const reportListEntrySchema = reportSummarySchema
  .extend({
    sectionCount: z.number().int().nonnegative().describe('how many sections it has'),
    approvedSections: z.number().int().nonnegative().describe('how many of them the chairperson has approved (and nobody changed since): "3/4 phần đã duyệt"'),
    mentionsUnread: z
      .number()
      .int()
      .nonnegative()
      .describe('comment threads that mention the caller or their department and that none of them has opened yet'),
  })
  .describe('A report as the list shows it, with its review progress');

/** A report as `GET /api/reports/:id` and `POST /api/reports` return it. */
export const reportSchema = reportSummarySchema.extend({ sections: z.array(reportSectionSchema) }).describe('A report with its sections');

export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ReportSection = z.infer<typeof reportSectionSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportListEntry = z.infer<typeof reportListEntrySchema>;
export type Report = z.infer<typeof reportSchema>;

export const createReportBody = z.strictObject({
  templateId: z.string().min(1),
  title: z.string().max(MAX_TITLE_LENGTH).optional().describe('left out: the template’s title'),
});

export const assignSectionBody = z.strictObject({
  ownerDepartmentId: z.string().min(1).max(64).nullable().describe('null: nobody ("Chưa giao")'),
});

// Any string: an id that cannot exist is answered 404 by the route, as an unknown one is.
const reportParams = z.object({ id: z.string() });
const sectionParams = z.object({ id: z.string(), sectionId: z.string() });

/** The Word export's options; `comments` reads as true or false (issue 9: none by default). */
export const exportDocxQuery = z.object({
  comments: z
    .enum(['1', 'true'])
    .optional()
    .transform((value) => value !== undefined)
    .describe('`1` or `true`: the open comment threads and suggestions as Word comments on the text they cover; left out: none'),
});

const WHO_SEES = 'an editor sees only the reports one of whose sections their department owns; the others see every report';

/** Which reports the list shows (issue 10, item 7): those in use, or the archived ones. */
export const listReportsQuery = z.object({
  archived: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('`true`: only the archived reports ("Lưu trữ"); left out or `false`: only those not archived'),
});

export const reportRoutes = {
  listReports: defineRoute({
    method: 'GET',
    path: '/api/reports',
    summary: 'The reports the caller may see, newest first',
    roles: 'signed-in',
    rolesNote: WHO_SEES,
    query: listReportsQuery,
    success: { status: 200, description: 'the reports', schema: z.array(reportListEntrySchema) },
  }),
  createReport: defineRoute({
    method: 'POST',
    path: '/api/reports',
    summary: 'Create a report from a template; the server writes each room’s starting content',
    roles: ['admin', 'office'],
    body: createReportBody,
    success: { status: 201, description: 'created', schema: reportSchema },
    errors: { 403: 'not the office', 404: 'no such template' },
  }),
  getReport: defineRoute({
    method: 'GET',
    path: '/api/reports/:id',
    summary: 'One report with its sections',
    roles: 'signed-in',
    rolesNote: WHO_SEES,
    params: reportParams,
    success: { status: 200, description: 'the report', schema: reportSchema },
    errors: { 403: 'not shared with the caller', 404: 'no such report' },
  }),
  assignSection: defineRoute({
    method: 'PUT',
    path: '/api/reports/:id/sections/:sectionId',
    summary: 'Give a section to a department, or take it back; takes effect live for everyone connected',
    roles: ['admin', 'office'],
    params: sectionParams,
    body: assignSectionBody,
    success: { status: 200, description: 'the section', schema: reportSectionSchema },
    errors: {
      400: 'invalid input, or no such department',
      403: 'not the office',
      404: 'no such report or section',
      409: 'the report is issued: nobody writes it any more (`report_issued`)',
    },
  }),
  exportDocx: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/export.docx',
    summary:
      'The report as a Word file in the form of Nghị định 30/2020/NĐ-CP, built from the stored rooms; once the report is issued, exactly the file stored at issuing, with its SHA-256 (hex) in the header X-Content-SHA256',
    roles: 'signed-in',
    rolesNote: WHO_SEES,
    params: reportParams,
    query: exportDocxQuery,
    success: {
      status: 200,
      description: 'the .docx, named after the report in Content-Disposition',
      file: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    errors: {
      400: '`comments` is neither `1` nor `true` (`invalid_input`)',
      403: 'not shared with the caller',
      404: 'no such report',
      413: 'the report is over the export’s size limit (`export_too_large`)',
      503: 'every export thread and queue place is taken; try again shortly (`export_busy`)',
    },
  }),
};

export const reportSchemas = {
  ReportSummary: reportSummarySchema,
  ReportListEntry: reportListEntrySchema,
  Report: reportSchema,
  ReportSection: reportSectionSchema,
};
