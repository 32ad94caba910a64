/** The review calls of the REST API (issue 9): comments, suggestions, the chairperson's verdicts. */
import { api } from '../../../common/api/routes.js';
import type { BodyOf } from '../../../common/api/route.js';
import type { ReportSection } from '../../../common/report.js';
import type { CommentReply, CommentThread, ReportReader, Suggestion } from '../../../common/review.js';
import { call } from './http.js';

export type NewComment = BodyOf<typeof api.createComment>;
export type NewReply = BodyOf<typeof api.replyToComment>;
export type NewSuggestion = BodyOf<typeof api.createSuggestion>;
export type SectionVerdict = BodyOf<typeof api.reviewSection>;

/** Comments on a range of a section's text; the thread comes back, and live through the review room. */
export function createComment(reportId: string, comment: NewComment): Promise<CommentThread> {
  return call(api.createComment, { params: { id: reportId }, body: comment });
}

/** Replies in a thread. */
export function replyToComment(reportId: string, threadId: string, reply: NewReply): Promise<CommentReply> {
  return call(api.replyToComment, { params: { id: reportId, threadId }, body: reply });
}

/** Resolves (true) or reopens (false) a thread. */
export function resolveComment(reportId: string, threadId: string, resolved: boolean): Promise<CommentThread> {
  return call(api.updateComment, { params: { id: reportId, threadId }, body: { resolved } });
}

/** Tells the server the person opened a thread: its mentions of them no longer count as unread. */
export function markCommentRead(reportId: string, threadId: string): Promise<void> {
  return call(api.markCommentRead, { params: { id: reportId, threadId } });
}

/** The threads with whether each mentions the caller unread (the review room does not carry that). */
export function listComments(reportId: string, signal?: AbortSignal): Promise<CommentThread[]> {
  return call(api.listComments, { params: { id: reportId }, signal });
}

/** Proposes replacing a range of one paragraph. */
export function createSuggestion(reportId: string, suggestion: NewSuggestion): Promise<Suggestion> {
  return call(api.createSuggestion, { params: { id: reportId }, body: suggestion });
}

/** Accepts a suggestion: the server writes it into the section (409 `suggestion_stale` when the text changed). */
export function acceptSuggestion(reportId: string, suggestionId: string): Promise<Suggestion> {
  return call(api.acceptSuggestion, { params: { id: reportId, sid: suggestionId } });
}

/** Rejects a suggestion. */
export function rejectSuggestion(reportId: string, suggestionId: string): Promise<Suggestion> {
  return call(api.rejectSuggestion, { params: { id: reportId, sid: suggestionId } });
}

/** Approves a section or returns it with a note (the chairperson). */
export function reviewSection(reportId: string, sectionId: string, verdict: SectionVerdict): Promise<ReportSection> {
  return call(api.reviewSection, { params: { id: reportId, sectionId }, body: verdict });
}

/** Who may read the report: the people "@" offers to mention. */
export function listReportPeople(reportId: string, signal?: AbortSignal): Promise<ReportReader[]> {
  return call(api.listReportPeople, { params: { id: reportId }, signal });
}
