/**
 * Report housekeeping (issue 10, item 7): the office renames a report (its title is the frame's subject,
 * kept in step both ways), archives or unarchives it, copies it into a new draft, and deletes a draft.
 */
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../limits.js';
import { reportSchema } from './reports.js';
import { defineRoute } from './route.js';

/** Control characters other than tab and line breaks: never part of a title. */
const CONTROL = /[\u0000-\u001F\u007F]/;

export const reportTitle = z
  .string()
  .max(MAX_TITLE_LENGTH)
  .refine((value) => value.trim().length > 0, { message: 'a title is not empty' })
  .refine((value) => !CONTROL.test(value), { message: 'a title is one line, without control characters' })
  .describe('the new title (trimmed, NFC); it is also written into the frame as its subject (trích yếu)');

export const updateReportBody = z
  .strictObject({
    title: reportTitle.optional(),
    archived: z.boolean().optional().describe('true: hidden from the default list (shown with `?archived=true`); false: back in it'),
  })
  .refine((body) => body.title !== undefined || body.archived !== undefined, { message: 'give `title`, `archived`, or both' });

const reportParams = z.object({ id: z.string() });

const ISSUED = 'the report is issued: its title is the subject it was issued with (`report_issued`)';

export const housekeepingRoutes = {
  updateReport: defineRoute({
    method: 'PATCH',
    path: '/api/reports/:id',
    summary: 'Rename a report (its title and the frame’s subject, live for everyone connected) and/or archive or unarchive it',
    roles: ['admin', 'office'],
    params: reportParams,
    body: updateReportBody,
    success: { status: 200, description: 'the report', schema: reportSchema },
    errors: { 403: 'not the office', 404: 'no such report', 409: `renaming: ${ISSUED}` },
  }),
  copyReport: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/copy',
    summary:
      'A new draft with the content of every room of the report and its assignments, titled "… (bản sao)"; without its review (comments, suggestions, verdicts), versions, number, date or issue',
    roles: ['admin', 'office'],
    rolesNote: 'any report, issued ones too (last year’s report as the start of this year’s)',
    params: reportParams,
    success: { status: 201, description: 'the copy', schema: reportSchema },
    errors: { 403: 'not the office', 404: 'no such report' },
  }),
  deleteReport: defineRoute({
    method: 'DELETE',
    path: '/api/reports/:id',
    summary:
      'Delete a draft and everything of it but its audit entries; every open connection to its rooms is closed with 4404 and later ones are refused 404',
    roles: ['admin', 'office'],
    params: reportParams,
    success: { status: 204, description: 'deleted' },
    errors: { 403: 'not the office', 404: 'no such report', 409: 'the report is not a draft (`report_not_draft`)' },
  }),
};
