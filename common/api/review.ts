/**
 * The review of a report (CONTRACT.md, "Review, workflow, issuing, records"; issue 9): comment threads,
 * suggested edits, the chairperson's verdict on each section, and the audit log. Every change is stored,
 * mirrored live into the report's review room and written to the audit log.
 */
import { z } from 'zod';
import {
  anchorSchema,
  auditEntrySchema,
  authorSchema,
  commentReplySchema,
  commentThreadSchema,
  MAX_ANCHOR_POSITION_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_MENTIONS,
  MAX_QUOTE_LENGTH,
  MAX_REPLACEMENT_LENGTH,
  MAX_REVIEW_NOTE_LENGTH,
  mentionsSchema,
  reportReaderSchema,
  sectionReviewSchema,
  suggestionSchema,
} from '../review.js';
import { reportSectionSchema } from './reports.js';
import { defineRoute } from './route.js';

/** Control characters other than tab and line breaks: never part of what people write. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const nfc = (value: string) => value.normalize('NFC');

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'an id: 1–64 letters, digits, "-" or "_"' });

/** Text a person wrote: stored in Unicode NFC, without control characters. */
const written = (max: number) =>
  z
    .string()
    .max(max, { message: `at most ${max} characters` })
    .refine((value) => !CONTROL.test(value), { message: 'control characters are not allowed' })
    .transform(nfc);

const position = z
  .string()
  .min(1)
  .max(MAX_ANCHOR_POSITION_LENGTH)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'base64 of Y.encodeRelativePosition' });

const anchorInput = z.strictObject({ from: position, to: position }).describe(anchorSchema.description ?? '');

const quoteInput = written(MAX_QUOTE_LENGTH).refine((value) => value.length > 0, { message: 'the anchored text may not be empty' });

const commentText = written(MAX_COMMENT_LENGTH)
  .transform((value) => value.trim())
  .refine((value) => value.length > 0, { message: 'may not be empty' });

const mentionsInput = z
  .strictObject({
    departmentIds: z.array(id).max(MAX_MENTIONS).default([]),
    userIds: z.array(id).max(MAX_MENTIONS).default([]),
  })
  .transform(({ departmentIds, userIds }) => ({ departmentIds: [...new Set(departmentIds)], userIds: [...new Set(userIds)] }))
  .describe('departments and people called on; each must be able to read the report');

export const newCommentBody = z.strictObject({
  sectionId: id,
  anchor: anchorInput,
  quote: quoteInput,
  body: commentText,
  mentions: mentionsInput.optional(),
});

export const newReplyBody = z.strictObject({ body: commentText, mentions: mentionsInput.optional() });

export const threadChangesBody = z.strictObject({ resolved: z.boolean() });

export const newSuggestionBody = z.strictObject({
  sectionId: id,
  anchor: anchorInput.describe('both sides in the same paragraph'),
  quote: quoteInput,
  replacement: written(MAX_REPLACEMENT_LENGTH)
    .refine((value) => !LINE_BREAK.test(value), { message: 'a replacement stays within one paragraph: no line breaks' })
    .describe('empty: delete the quoted text'),
});

export const sectionVerdictBody = z.strictObject({
  state: z.enum(['approved', 'returned']),
  note: written(MAX_REVIEW_NOTE_LENGTH)
    .transform((value) => value.trim())
    .optional()
    .describe('e.g. "Trả lại: bổ sung số liệu quý IV"'),
});

const reportParams = z.object({ id: z.string() });
const threadParams = z.object({ id: z.string(), threadId: z.string() });
const suggestionParams = z.object({ id: z.string(), sid: z.string() });
const sectionParams = z.object({ id: z.string(), sectionId: z.string() });

const READERS = 'anyone who may read the report: the office, the admin, the chairperson, and the departments that own one of its sections';
const DECIDERS = 'whoever may write the section: the department that owns it, the office, the admin';

const invalidAnchor = '`invalid_anchor`: an anchor that does not decode, is not in that section’s text, or covers nothing';
const ISSUED = 'the report is issued: its review no longer changes, reading it still works (`report_issued`, issue 10)';

export const reviewRoutes = {
  listComments: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/comments',
    summary: 'The report’s comment threads, oldest first, each saying whether its text still exists',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the threads', schema: z.array(commentThreadSchema) },
    errors: { 403: 'not shared with the caller', 404: 'no such report' },
  }),
  createComment: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/comments',
    summary: 'Comment on a range of a section’s text (any section of a report the caller may read)',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    body: newCommentBody,
    success: { status: 201, description: 'the new thread', schema: commentThreadSchema },
    errors: {
      400: `invalid input; no such section; a mention of a department or person who cannot read the report (\`invalid_mention\`); ${invalidAnchor}`,
      403: 'not shared with the caller',
      404: 'no such report',
      409: ISSUED,
    },
  }),
  replyToComment: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/comments/:threadId/replies',
    summary: 'Reply in a thread',
    roles: 'signed-in',
    rolesNote: READERS,
    params: threadParams,
    body: newReplyBody,
    success: { status: 201, description: 'the new reply', schema: commentReplySchema },
    errors: {
      400: 'invalid input, or a mention of someone who cannot read the report (`invalid_mention`)',
      403: 'not shared with the caller',
      404: 'no such report or thread',
      409: ISSUED,
    },
  }),
  updateComment: defineRoute({
    method: 'PATCH',
    path: '/api/reports/:id/comments/:threadId',
    summary: 'Resolve or reopen a thread',
    roles: 'signed-in',
    rolesNote:
      'its author and the department it was written for, the department that owns the section, the office, the admin, the chairperson; another department may not',
    params: threadParams,
    body: threadChangesBody,
    success: { status: 200, description: 'the thread', schema: commentThreadSchema },
    errors: { 403: 'not shared with the caller, or not one who may resolve it', 404: 'no such report or thread', 409: ISSUED },
  }),
  listReportPeople: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/people',
    summary: 'Who may read the report, by name: the people a comment or reply may mention',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the active accounts that may read the report', schema: z.array(reportReaderSchema) },
    errors: { 403: 'not shared with the caller', 404: 'no such report' },
  }),
  markCommentRead: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/comments/:threadId/read',
    summary: 'Mark a thread as opened by the caller: its mentions of the caller and their department no longer count as unread',
    roles: 'signed-in',
    rolesNote: READERS,
    params: threadParams,
    success: { status: 204, description: 'marked' },
    errors: { 403: 'not shared with the caller', 404: 'no such report or thread' },
  }),
  listSuggestions: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/suggestions',
    summary: 'The report’s suggested edits, oldest first, open, accepted and rejected',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the suggestions', schema: z.array(suggestionSchema) },
    errors: { 403: 'not shared with the caller', 404: 'no such report' },
  }),
  createSuggestion: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/suggestions',
    summary: 'Propose replacing a range of one paragraph of a section; nothing changes until its owner accepts',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    body: newSuggestionBody,
    success: { status: 201, description: 'the new suggestion, `state: "open"`', schema: suggestionSchema },
    errors: {
      400: `invalid input; no such section; ${invalidAnchor}, or not within one paragraph`,
      403: 'not shared with the caller',
      404: 'no such report',
      409: `the anchored text does not read \`quote\` (\`suggestion_stale\`); ${ISSUED}`,
    },
  }),
  acceptSuggestion: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/suggestions/:sid/accept',
    summary: 'Accept a suggestion: the server writes the replacement into the section’s room as one edit',
    roles: 'signed-in',
    rolesNote: DECIDERS,
    params: suggestionParams,
    success: { status: 200, description: 'the suggestion, `state: "accepted"`', schema: suggestionSchema },
    errors: {
      403: 'not shared with the caller, or not one who may write the section',
      404: 'no such report or suggestion',
      409: `the text changed since it was suggested (\`suggestion_stale\`), or it was accepted or rejected already (\`suggestion_decided\`); ${ISSUED}`,
    },
  }),
  rejectSuggestion: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/suggestions/:sid/reject',
    summary: 'Reject a suggestion; the text stays as it is',
    roles: 'signed-in',
    rolesNote: DECIDERS,
    params: suggestionParams,
    success: { status: 200, description: 'the suggestion, `state: "rejected"`', schema: suggestionSchema },
    errors: {
      403: 'not shared with the caller, or not one who may write the section',
      404: 'no such report or suggestion',
      409: `it was accepted or rejected already (\`suggestion_decided\`); ${ISSUED}`,
    },
  }),
  reviewSection: defineRoute({
    method: 'PUT',
    path: '/api/reports/:id/sections/:sectionId/review',
    summary: 'Approve a section or return it with a note; a later edit of an approved section turns it to `changed`',
    roles: ['chair'],
    params: sectionParams,
    body: sectionVerdictBody,
    success: { status: 200, description: 'the section with its review', schema: reportSectionSchema },
    errors: { 403: 'not the chairperson', 404: 'no such report or section', 409: ISSUED },
  }),
  getAudit: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/audit',
    summary: 'The report’s audit log, oldest first: every comment, suggestion, decision and verdict, and who made it',
    roles: ['admin', 'office', 'chair'],
    params: reportParams,
    query: z.object({ format: z.enum(['json', 'csv']).optional().describe('`csv`: the same rows as text/csv (UTF-8), columns at,userId,action,detail') }),
    success: { status: 200, description: 'the entries (as CSV with `?format=csv`)', schema: z.array(auditEntrySchema) },
    errors: { 403: 'not the office, the admin or the chairperson', 404: 'no such report' },
  }),
};

export const reviewSchemas = {
  Anchor: anchorSchema,
  Author: authorSchema,
  Mentions: mentionsSchema,
  CommentReply: commentReplySchema,
  CommentThread: commentThreadSchema,
  Suggestion: suggestionSchema,
  SectionReview: sectionReviewSchema,
  AuditEntry: auditEntrySchema,
  ReportReader: reportReaderSchema,
};
