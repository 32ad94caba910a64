/**
 * The review of a report (CONTRACT.md, "Review, workflow, issuing, records"; issue 9): comment threads,
 * suggested edits, the chairperson's verdict per section, the audit log. Input is read with the route
 * table's schemas (common/api/review.ts) before anything else, so a bad body is a 400 whoever sends it.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { ReportSection } from '../../common/report.js';
import type { AuditEntry, CommentThread, ReportReader, Suggestion } from '../../common/review.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import { auditCsv } from '../review/auditCsv.js';
import type { ReviewService } from '../review/reviewService.js';
import { bodyOf, paramsOf, queryOf } from './input.js';

/** Ids that cannot exist (not letters, digits, `-`, `_`) are not found, as unknown ones are. */
function existing(...ids: string[]): void {
  for (const id of ids) if (!isValidId(id)) throw notFound(`"${id.slice(0, 64)}"`);
}

export function registerReviewRoutes(app: FastifyInstance, review: ReviewService): void {
  const { comments, suggestions, sections, audit, people } = review;

  app.get('/api/reports/:id/comments', async (request): Promise<CommentThread[]> => {
    const { id } = paramsOf(api.listComments, request);
    existing(id);
    return comments.list(identityOf(request), id);
  });

  app.post('/api/reports/:id/comments', async (request, reply) => {
    const { id } = paramsOf(api.createComment, request);
    const body = bodyOf(api.createComment, request);
    existing(id);
    return reply.status(201).send(await comments.create(identityOf(request), id, body));
  });

  app.post('/api/reports/:id/comments/:threadId/replies', async (request, reply) => {
    const { id, threadId } = paramsOf(api.replyToComment, request);
    const body = bodyOf(api.replyToComment, request);
    existing(id, threadId);
    return reply.status(201).send(await comments.reply(identityOf(request), id, threadId, body));
  });

  app.patch('/api/reports/:id/comments/:threadId', async (request): Promise<CommentThread> => {
    const { id, threadId } = paramsOf(api.updateComment, request);
    const { resolved } = bodyOf(api.updateComment, request);
    existing(id, threadId);
    return comments.setResolved(identityOf(request), id, threadId, resolved);
  });

  app.get('/api/reports/:id/people', async (request): Promise<ReportReader[]> => {
    const { id } = paramsOf(api.listReportPeople, request);
    existing(id);
    return people.readers(identityOf(request), id);
  });

  app.post('/api/reports/:id/comments/:threadId/read', async (request, reply) => {
    const { id, threadId } = paramsOf(api.markCommentRead, request);
    existing(id, threadId);
    await comments.markRead(identityOf(request), id, threadId);
    return reply.status(204).send();
  });

  app.get('/api/reports/:id/suggestions', async (request): Promise<Suggestion[]> => {
    const { id } = paramsOf(api.listSuggestions, request);
    existing(id);
    return suggestions.list(identityOf(request), id);
  });

  app.post('/api/reports/:id/suggestions', async (request, reply) => {
    const { id } = paramsOf(api.createSuggestion, request);
    const body = bodyOf(api.createSuggestion, request);
    existing(id);
    return reply.status(201).send(await suggestions.create(identityOf(request), id, body));
  });

  app.post('/api/reports/:id/suggestions/:sid/accept', async (request): Promise<Suggestion> => {
    const { id, sid } = paramsOf(api.acceptSuggestion, request);
    existing(id, sid);
    return suggestions.accept(identityOf(request), id, sid);
  });

  app.post('/api/reports/:id/suggestions/:sid/reject', async (request): Promise<Suggestion> => {
    const { id, sid } = paramsOf(api.rejectSuggestion, request);
    existing(id, sid);
    return suggestions.reject(identityOf(request), id, sid);
  });

  app.put('/api/reports/:id/sections/:sectionId/review', async (request): Promise<ReportSection> => {
    const { id, sectionId } = paramsOf(api.reviewSection, request);
    const verdict = bodyOf(api.reviewSection, request);
    existing(id, sectionId);
    return sections.review(identityOf(request), id, sectionId, verdict);
  });

  app.get('/api/reports/:id/audit', async (request, reply) => {
    const { id } = paramsOf(api.getAudit, request);
    const { format } = queryOf(api.getAudit, request);
    existing(id);
    const entries: AuditEntry[] = await audit.list(identityOf(request), id);
    if (format !== 'csv') return reply.send(entries);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhat-ky-${id}.csv"`)
      .header('cache-control', 'no-store')
      .send(auditCsv(entries));
  });
}
