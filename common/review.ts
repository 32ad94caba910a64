/**
 * The review of a report (CONTRACT.md, "Review, workflow, issuing, records"; issue 9): comment threads with
 * replies and mentions, suggested replacements, and the chairperson's verdict on each section. The shapes
 * here are what the REST answers carry (common/api/review.ts) and what the server mirrors into the review
 * room (server/collab/reviewRoom.ts); the limits bound what a caller may send.
 */
import { z } from 'zod';
import { ROLES } from './access.js';

/** The longest comment or reply, in characters. */
export const MAX_COMMENT_LENGTH = 4000;
/** The longest quote of the anchored text a comment or suggestion may carry, in characters. */
export const MAX_QUOTE_LENGTH = 2000;
/** The longest replacement a suggestion may propose, in characters. */
export const MAX_REPLACEMENT_LENGTH = 4000;
/** The longest note the chairperson may give with a verdict, in characters. */
export const MAX_REVIEW_NOTE_LENGTH = 1000;
/** The most departments, and the most people, one comment or reply may mention. */
export const MAX_MENTIONS = 20;
/** The longest base64 text of one side of an anchor (an encoded relative position is a few dozen bytes). */
export const MAX_ANCHOR_POSITION_LENGTH = 128;

/**
 * Where a comment or suggestion sits: two Yjs relative positions (`Y.encodeRelativePosition`, base64) in
 * the section's `body` fragment, so the range follows its text while people type (common/anchors.ts).
 */
export const anchorSchema = z
  .object({
    from: z.string().describe('base64 of Y.encodeRelativePosition: where the anchored text starts'),
    to: z.string().describe('base64 of Y.encodeRelativePosition: where it ends'),
  })
  .describe('A range of a section’s text, as two Yjs relative positions in its `body` fragment');

/** Who wrote a comment, a reply or a suggestion, as they were when they wrote it. */
export const authorSchema = z
  .object({ id: z.string(), displayName: z.string(), departmentId: z.string().nullable() })
  .describe('The author, with the department they wrote for (null: office, chair, admin)');

/** The departments and people a comment or reply calls on; a mentioned one sees a badge until it opens the thread. */
export const mentionsSchema = z
  .object({ departmentIds: z.array(z.string()), userIds: z.array(z.string()) })
  .describe('Departments and people mentioned');

export const commentReplySchema = z
  .object({ id: z.string(), author: authorSchema, body: z.string(), mentions: mentionsSchema, createdAt: z.iso.datetime() })
  .describe('A reply in a comment thread');

/** A thread as the review room holds it (`threads`), and the REST answers carry it with two fields more. */
export const storedThreadSchema = z
  .object({
    id: z.string(),
    sectionId: z.string(),
    anchor: anchorSchema,
    quote: z.string().describe('the anchored text when the comment was made (NFC)'),
    author: authorSchema,
    body: z.string(),
    mentions: mentionsSchema,
    createdAt: z.iso.datetime(),
    resolved: z.boolean(),
    resolvedBy: z.string().nullable().describe('who resolved it (a user id); null while open'),
    resolvedAt: z.iso.datetime().nullable(),
    replies: z.array(commentReplySchema).describe('oldest first'),
  })
  .describe('A comment thread as the review room holds it');

export const commentThreadSchema = storedThreadSchema
  .extend({
    detached: z.boolean().describe('true when the anchored text has been deleted ("đoạn được bình luận đã bị xóa"); the quote remains'),
    unread: z.boolean().describe('the thread mentions the caller or their department and none of them has opened it yet'),
  })
  .describe('A comment thread');

export const SUGGESTION_STATES = ['open', 'accepted', 'rejected'] as const;
export const suggestionStateSchema = z.enum(SUGGESTION_STATES);

/** A suggestion as the review room holds it (`suggestions`). */
export const storedSuggestionSchema = z
  .object({
    id: z.string(),
    sectionId: z.string(),
    anchor: anchorSchema,
    quote: z.string().describe('the text to replace, as it read when suggested (NFC)'),
    replacement: z.string().describe('the text proposed instead (may be empty: a deletion)'),
    author: authorSchema,
    createdAt: z.iso.datetime(),
    state: suggestionStateSchema,
    decidedBy: z.string().nullable().describe('who accepted or rejected it (a user id); null while open'),
    decidedAt: z.iso.datetime().nullable(),
  })
  .describe('A suggested replacement as the review room holds it');

export const suggestionSchema = storedSuggestionSchema
  .extend({ detached: z.boolean().describe('true when the anchored text has been deleted') })
  .describe('A suggested replacement of a section’s text');

/** `none`: not reviewed; `changed`: edited after it was approved ("Đã sửa sau khi duyệt"). */
export const SECTION_REVIEW_STATES = ['none', 'approved', 'returned', 'changed'] as const;
export const sectionReviewStateSchema = z.enum(SECTION_REVIEW_STATES);

/** The chairperson's verdict on a section; every field but `state` is absent while it is `none`. */
export const sectionReviewSchema = z
  .object({
    state: sectionReviewStateSchema,
    note: z.string().optional().describe('the chairperson’s note, e.g. "Trả lại: bổ sung số liệu quý IV"'),
    by: z.string().optional().describe('the user id of who approved or returned it'),
    byName: z.string().optional().describe('their display name'),
    at: z.iso.datetime().optional().describe('when it was approved or returned'),
    changedBy: z.string().optional().describe('`changed`: the user id whose edit changed the approved text'),
    changedAt: z.iso.datetime().optional().describe('`changed`: when'),
  })
  .describe('The review state of a section');

export const auditEntrySchema = z
  .object({
    at: z.iso.datetime(),
    userId: z.string().nullable().describe('who did it'),
    action: z.string().describe('e.g. `comment.created`, `suggestion.accepted`, `section.approved`, `section.changed`'),
    detail: z.record(z.string(), z.string()).describe('what it concerned: section, thread, suggestion, state, note'),
  })
  .describe('One entry of a report’s audit log');

/** Someone who may read a report, as "@" offers them to be mentioned. */
export const reportReaderSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    departmentId: z.string().nullable(),
    role: z.enum(ROLES),
  })
  .describe('A person who may read the report');

export type Anchor = z.infer<typeof anchorSchema>;
export type Author = z.infer<typeof authorSchema>;
export type Mentions = z.infer<typeof mentionsSchema>;
export type CommentReply = z.infer<typeof commentReplySchema>;
export type StoredThread = z.infer<typeof storedThreadSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type SuggestionState = z.infer<typeof suggestionStateSchema>;
export type StoredSuggestion = z.infer<typeof storedSuggestionSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type SectionReviewState = z.infer<typeof sectionReviewStateSchema>;
export type SectionReview = z.infer<typeof sectionReviewSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type ReportReader = z.infer<typeof reportReaderSchema>;

/** The review of a section nobody has reviewed. */
export const NO_REVIEW: SectionReview = { state: 'none' };
