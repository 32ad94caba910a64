/**
 * Comment threads (issue 9): anyone who may read a report comments on any section of it and replies;
 * the author and their department, the section's department, the office, the admin and the chairperson
 * resolve and reopen. Mentions count as unread for their targets until one of them opens the thread.
 */
import { canResolveThread } from '../../common/access.js';
import type { Anchor, CommentReply, CommentThread, Mentions } from '../../common/review.js';
import type { Identity } from '../auth/identity.js';
import { forbidden, notFound } from '../errors.js';
import type { Reader, ReplyRecord, ThreadRecord } from '../storage/reviewStore.js';
import { checkNewAnchor, detachedAnchors } from './anchoring.js';
import { checkMentions, NO_MENTIONS } from './mentions.js';
import { auditEntry, authorOf, changeable, sectionOf, type ReviewContext } from './reviewContext.js';
import { threadShape } from './shapes.js';

export interface NewComment {
  sectionId: string;
  anchor: Anchor;
  quote: string;
  body: string;
  mentions?: Mentions;
}

export interface CommentService {
  /** The report's threads, oldest first, each with `detached` and the caller's `unread`. */
  list(caller: Identity, reportId: string): Promise<CommentThread[]>;
  create(caller: Identity, reportId: string, input: NewComment): Promise<CommentThread>;
  reply(caller: Identity, reportId: string, threadId: string, input: { body: string; mentions?: Mentions }): Promise<CommentReply>;
  setResolved(caller: Identity, reportId: string, threadId: string, resolved: boolean): Promise<CommentThread>;
  /** The caller opened the thread: its mentions of them and their department are no longer unread. */
  markRead(caller: Identity, reportId: string, threadId: string): Promise<void>;
}

const readerOf = (caller: Identity): Reader => ({ userId: caller.userId, departmentId: caller.departmentId });

export function createCommentService(context: ReviewContext): CommentService {
  const { store, reports, rooms } = context;

  async function views(caller: Identity, reportId: string, threads: readonly ThreadRecord[]): Promise<CommentThread[]> {
    const [detached, unread] = await Promise.all([
      detachedAnchors(rooms, reportId, threads),
      store.unreadThreadIds(reportId, readerOf(caller)),
    ]);
    const unreadIds = new Set(unread);
    return threads.map((thread) => ({ ...threadShape(thread), detached: detached.get(thread.id) ?? true, unread: unreadIds.has(thread.id) }));
  }

  async function threadOf(reportId: string, threadId: string): Promise<ThreadRecord> {
    const thread = await store.getThread(reportId, threadId);
    if (!thread) throw notFound(`comment thread "${threadId}"`);
    return thread;
  }

  return {
    async list(caller, reportId) {
      await reports.get(caller, reportId);
      return views(caller, reportId, await store.listThreads(reportId));
    },

    async create(caller, reportId, input) {
      const report = changeable(await reports.get(caller, reportId));
      sectionOf(report, input.sectionId, 'body');
      const mentions = input.mentions ?? NO_MENTIONS;
      await checkMentions(store, report, mentions);
      await rooms.readSection(reportId, input.sectionId, (doc) => checkNewAnchor(doc, input.anchor));
      const at = context.now();
      const thread: ThreadRecord = {
        id: context.newId(),
        reportId,
        sectionId: input.sectionId,
        anchor: input.anchor,
        quote: input.quote,
        author: authorOf(caller),
        body: input.body,
        mentions,
        createdAt: at,
        resolved: false,
        resolvedBy: null,
        resolvedAt: null,
        replies: [],
      };
      await store.createThread(thread, auditEntry(reportId, caller.userId, at, 'comment.created', { threadId: thread.id, sectionId: thread.sectionId }));
      // Whoever writes a thread has read it: mentioning one's own department raises no badge.
      await store.markThreadRead(reportId, thread.id, readerOf(caller), at);
      await context.publish(reportId);
      return { ...threadShape(thread), detached: false, unread: false };
    },

    async reply(caller, reportId, threadId, input) {
      const report = changeable(await reports.get(caller, reportId));
      const thread = await threadOf(reportId, threadId);
      const mentions = input.mentions ?? NO_MENTIONS;
      await checkMentions(store, report, mentions);
      const at = context.now();
      const reply: ReplyRecord = { id: context.newId(), author: authorOf(caller), body: input.body, mentions, createdAt: at };
      const entry = auditEntry(reportId, caller.userId, at, 'comment.replied', { threadId, replyId: reply.id, sectionId: thread.sectionId });
      if (!(await store.addReply(reportId, threadId, reply, entry))) throw notFound(`comment thread "${threadId}"`);
      await store.markThreadRead(reportId, threadId, readerOf(caller), at);
      await context.publish(reportId);
      return reply;
    },

    async setResolved(caller, reportId, threadId, resolved) {
      const report = changeable(await reports.get(caller, reportId));
      const thread = await threadOf(reportId, threadId);
      const owner = sectionOf(report, thread.sectionId, 'path').ownerDepartmentId;
      if (!canResolveThread(caller, { authorId: thread.author.id, authorDepartmentId: thread.author.departmentId }, owner)) {
        throw forbidden(
          'Chỉ người viết bình luận, phòng phụ trách phần này, Văn phòng hoặc Chủ tịch mới đóng hay mở lại được bình luận (only its author, the section’s department, the office or the chairperson may resolve this thread)',
        );
      }
      if (thread.resolved !== resolved) {
        const at = context.now();
        const action = resolved ? 'comment.resolved' : 'comment.reopened';
        const entry = auditEntry(reportId, caller.userId, at, action, { threadId, sectionId: thread.sectionId });
        if (!(await store.setThreadResolved(reportId, threadId, { resolved, by: caller.userId, at }, entry))) {
          throw notFound(`comment thread "${threadId}"`);
        }
        await context.publish(reportId);
      }
      const [view] = await views(caller, reportId, [await threadOf(reportId, threadId)]);
      return view!;
    },

    async markRead(caller, reportId, threadId) {
      await reports.get(caller, reportId);
      if (!(await store.markThreadRead(reportId, threadId, readerOf(caller), context.now()))) {
        throw notFound(`comment thread "${threadId}"`);
      }
    },
  };
}
