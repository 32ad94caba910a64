/**
 * The workspace's audit log (issue 10, item 6): who did what and when, across every report and the
 * sign-ins, filtered and paged, as JSON or CSV. A report's own log stays `GET /api/reports/:id/audit`
 * (common/api/review.ts).
 */
import { z } from 'zod';
import { defineRoute } from './route.js';

/** The most entries one page holds. */
export const MAX_AUDIT_PAGE = 500;
export const DEFAULT_AUDIT_PAGE = 50;

export const auditLogEntrySchema = z
  .object({
    id: z.string().describe('its place in the log: entries written later have larger ids'),
    at: z.iso.datetime().describe('when it happened'),
    userId: z.string().nullable().describe('who did it; null for the server, or a sign-in under an unknown username'),
    userName: z.string().nullable().describe('their display name now'),
    reportId: z.string().nullable().describe('the report it concerns; null for sign-ins'),
    reportTitle: z.string().nullable().describe('the report’s title now, or when it was deleted; null when unknown'),
    action: z.string().describe('`<family>.<what>`, e.g. `signin.failed`, `section.edited`, `export.docx` (common/auditActions.ts)'),
    detail: z.record(z.string(), z.string()).describe('what it concerned, by action'),
  })
  .describe('One entry of the workspace’s audit log');

export const auditLogPageSchema = z
  .object({
    entries: z.array(auditLogEntrySchema).describe('newest first'),
    total: z.number().int().nonnegative().describe('how many entries match the filters'),
    next: z.string().nullable().describe('`before` for the next (older) page; null on the last'),
  })
  .describe('A page of the audit log');

/** `YYYY-MM-DD` (the whole day, UTC) or an ISO 8601 date-time with its offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const auditLogQuery = z.strictObject({
  report: z.string().max(64).optional().describe('only this report’s entries'),
  user: z.string().max(64).optional().describe('only this account’s'),
  action: z
    .string()
    .regex(/^[a-z][A-Za-z]*(\.[A-Za-z]+)?$/, { message: 'an action (`comment.created`) or a family (`comment`)' })
    .optional()
    .describe('an action, or a family without the dot: `comment` is every `comment.*`'),
  from: instant.optional().describe('entries at or after; a date is its start (00:00 UTC)'),
  to: instant.optional().describe('entries before; a date includes that whole day (UTC)'),
  before: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, { message: 'an entry id' })
    .optional()
    .describe('the page after: entries older than this id (`next` of the page before)'),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { message: 'a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_AUDIT_PAGE))
    .optional()
    .describe(`entries per page, 1–${MAX_AUDIT_PAGE}; ${DEFAULT_AUDIT_PAGE} when left out`),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('`csv`: every matching entry (not paged) as text/csv, UTF-8: at,userId,userName,reportId,reportTitle,action,detail'),
});

export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
export type AuditLogQuery = z.input<typeof auditLogQuery>;

export const auditRoutes = {
  listAuditLog: defineRoute({
    method: 'GET',
    path: '/api/audit',
    summary: 'The workspace’s audit log, newest first: sign-ins, edits per section per person per hour, assignments, comments, status changes, exports, uploads, housekeeping',
    roles: ['admin', 'office', 'chair'],
    query: auditLogQuery,
    success: { status: 200, description: 'a page of entries (every matching entry as CSV with `?format=csv`)', schema: auditLogPageSchema },
    errors: { 403: 'not the office, the admin or the chairperson' },
  }),
};

export const auditSchemas = {
  AuditLogEntry: auditLogEntrySchema,
  AuditLogPage: auditLogPageSchema,
};
