/**
 * A report's workflow, issuing and versions (CONTRACT.md, "Review, workflow, issuing, records"; issue 10):
 * moving it between draft, review, approved and issued; the next free number of its symbol; the named
 * versions stored at every status change, or by the office.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_NUMBER } from '../workflow.js';
import { parseIsoDate } from '../nd30Format.js';
import { reportSchema, reportStatusSchema } from './reports.js';
import { defineRoute } from './route.js';

/** The longest label of a version, in characters. */
export const MAX_VERSION_LABEL_LENGTH = 200;

/** Control characters other than tab and line breaks: never part of what people write. */
const CONTROL = /[\u0000-\u001F\u007F]/;

const documentNumber = z
  .union([
    z.number().int().min(1).max(MAX_DOCUMENT_NUMBER),
    z
      .string()
      .regex(/^\d{1,6}$/, { message: 'a whole number, e.g. "05"' })
      .refine((value) => Number(value) >= 1, { message: 'numbers start at 1' }),
  ])
  .transform(Number)
  .describe('the number (Số): a whole number from 1, or its digits ("05"); left out: the next free one (`GET …/next-number`)');

const isoDate = z
  .string()
  .refine((value) => parseIsoDate(value) !== null, { message: 'a date, YYYY-MM-DD' })
  .describe('the date (YYYY-MM-DD) printed in the header; left out: today in Asia/Ho_Chi_Minh');

export const statusChangeBody = z
  .strictObject({
    to: reportStatusSchema,
    number: documentNumber.optional(),
    date: isoDate.optional(),
  })
  .refine((body) => body.to === 'issued' || (body.number === undefined && body.date === undefined), {
    message: 'a number and a date are given only when issuing (to: "issued")',
    path: ['number'],
  });

export const nextNumberSchema = z
  .object({
    number: z.string().describe('the next free number, zero-padded: "06"'),
    symbol: z.string().describe('the symbol it is the next number of: the report’s, as its frame gives it, e.g. "BC-UBND"'),
    year: z.number().int().describe('the year of the sequence: this year in Asia/Ho_Chi_Minh'),
  })
  .describe('The number a report would be issued with');

/**
 * `status`: stored at a status change; `manual`: saved by the office under a name of its own; `restore`:
 * stored by a restore, the report just before it ("Trước khi khôi phục: …") and just after ("Khôi phục: …").
 */
export const versionKindSchema = z.enum(['status', 'manual', 'restore']);

export const versionSchema = z
  .object({
    id: z.string(),
    label: z.string().describe('e.g. "Trình duyệt", "Ban hành số 05/BC-UBND", or the office’s own'),
    kind: versionKindSchema,
    status: reportStatusSchema.describe('the report’s status when it was stored'),
    createdAt: z.iso.datetime(),
    by: z.string().nullable().describe('the user id of who stored it (made the change, or saved it)'),
    byName: z.string().nullable().describe('their display name'),
  })
  .describe('A named version of a report: the state of its frame and every section, as stored at that moment');

export const newVersionBody = z.strictObject({
  label: z
    .string()
    .max(MAX_VERSION_LABEL_LENGTH, { message: `at most ${MAX_VERSION_LABEL_LENGTH} characters` })
    .refine((value) => !CONTROL.test(value), { message: 'control characters are not allowed' })
    .transform((value) => value.normalize('NFC').trim())
    .refine((value) => value.length > 0, { message: 'may not be empty' }),
});

const reportParams = z.object({ id: z.string() });

const READERS = 'anyone who may read the report: the office, the admin, the chairperson, and the departments that own one of its sections';

export const workflowRoutes = {
  changeReportStatus: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/status',
    summary:
      'Move the report along draft → review → approved → issued, or back to draft. Issuing writes the number and date into the frame, makes every room read-only for good and stores the final Word file with its SHA-256, all or nothing; every change stores a version and an audit entry',
    roles: ['admin', 'office', 'chair'],
    rolesNote:
      '`review`: the office; `approved`: the chairperson; `draft` (from review or approved): the office or the chairperson; `issued` (from approved): the office',
    params: reportParams,
    body: statusChangeBody,
    success: { status: 200, description: 'the report in its new status; once issued with `number`, `date`, `issuedSha256`', schema: reportSchema },
    errors: {
      400: 'invalid input, e.g. a number or date when not issuing',
      403: 'not shared with the caller, or not one who may move a report to that status',
      404: 'no such report',
      409: 'not a move from the report’s status (`invalid_transition`), the report is issued already (`report_issued`), another issued report of the same symbol and year has that number (`number_taken`), or the form checker finds an error in the report (`checks_failed`: nothing was issued; `error.findings` lists the errors, as `GET …/checks?for=issue` does)',
      413: 'the report is over the export’s size limit, so its Word file cannot be built: it was not issued (`export_too_large`)',
      503: 'every export thread is busy: the report was not issued; try again shortly (`export_busy`)',
    },
  }),
  nextReportNumber: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/next-number',
    summary:
      'The next free number of the report’s symbol this year (Nghị định 30/2020, Điều 15: numbers start at 01 on 1 January, one sequence a year): one after the highest issued',
    roles: ['admin', 'office'],
    params: reportParams,
    success: { status: 200, description: 'the number to propose', schema: nextNumberSchema },
    errors: { 403: 'not the office', 404: 'no such report' },
  }),
  listVersions: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/versions',
    summary: 'The report’s named versions, newest first: one stored at every status change, and those the office saved',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the versions', schema: z.array(versionSchema) },
    errors: { 403: 'not shared with the caller', 404: 'no such report' },
  }),
  createVersion: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/versions',
    summary: 'Save the report as it is now as a named version',
    roles: ['admin', 'office'],
    params: reportParams,
    body: newVersionBody,
    success: { status: 201, description: 'the new version', schema: versionSchema },
    errors: { 403: 'not the office', 404: 'no such report' },
  }),
};

export const workflowSchemas = {
  NextNumber: nextNumberSchema,
  Version: versionSchema,
};

export type NextNumber = z.infer<typeof nextNumberSchema>;
export type Version = z.infer<typeof versionSchema>;
export type VersionKind = z.infer<typeof versionKindSchema>;
