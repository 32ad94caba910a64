/** Comment threads, their replies and who has opened the threads that mention them, in SQLite. */
import type { Database } from 'better-sqlite3';
import type { Author, Mentions } from '../../../common/review.js';
import type { CommentStore, Reader, ReplyRecord, ThreadRecord } from '../reviewStore.js';
import { toReply, toThread, type ReplyRow, type ThreadColumns } from '../rows/commentRows.js';
import type { SqliteAudit } from './audit.js';

interface ThreadRow extends ThreadColumns {
  /** 0 or 1: SQLite has no boolean. */
  resolved: number;
}

/** Mentions of the reader or of the reader's department that nobody of them has opened. */
const UNREAD = `m.opened_at IS NULL AND ((m.kind = 'department' AND m.target_id = @departmentId) OR (m.kind = 'user' AND m.target_id = @userId))`;

export function sqliteComments(db: Database, audit: SqliteAudit): CommentStore {
  const insertThread = db.prepare(
    `INSERT INTO comment_threads (id, report_id, section_id, anchor_from, anchor_to, quote, author_id, author_name,
       author_department_id, body, mentions, created_at, resolved)
     VALUES (@id, @reportId, @sectionId, @from, @to, @quote, @authorId, @authorName, @authorDepartmentId, @body, @mentions, @createdAt, 0)`,
  );
  const insertReply = db.prepare(
    `INSERT INTO comment_replies (id, thread_id, author_id, author_name, author_department_id, body, mentions, created_at)
     VALUES (@id, @threadId, @authorId, @authorName, @authorDepartmentId, @body, @mentions, @createdAt)`,
  );
  const upsertMention = db.prepare<[string, string, string]>(
    `INSERT INTO comment_mentions (thread_id, kind, target_id, opened_at) VALUES (?, ?, ?, NULL)
     ON CONFLICT (thread_id, kind, target_id) DO UPDATE SET opened_at = NULL`,
  );
  const selectThread = db.prepare<[string, string], ThreadRow>('SELECT * FROM comment_threads WHERE report_id = ? AND id = ?');
  const selectThreads = db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE report_id = ? ORDER BY created_at, rowid');
  const selectReplies = db.prepare<[string], ReplyRow>('SELECT * FROM comment_replies WHERE thread_id = ? ORDER BY seq');
  const selectReportReplies = db.prepare<[string], ReplyRow>(
    `SELECT r.* FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id WHERE t.report_id = ? ORDER BY r.seq`,
  );
  const updateResolved = db.prepare<[number, string | null, string | null, string, string]>(
    'UPDATE comment_threads SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE report_id = ? AND id = ?',
  );
  const openMentions = db.prepare(
    `UPDATE comment_mentions AS m SET opened_at = @at WHERE m.thread_id = @threadId AND ${UNREAD}`,
  );
  const selectUnread = db.prepare<{ reportId: string; userId: string; departmentId: string | null }, { thread_id: string }>(
    `SELECT DISTINCT m.thread_id FROM comment_mentions m JOIN comment_threads t ON t.id = m.thread_id
     WHERE t.report_id = @reportId AND ${UNREAD}`,
  );
  const countUnread = db.prepare<{ userId: string; departmentId: string | null }, { report_id: string; threads: number }>(
    `SELECT t.report_id, COUNT(DISTINCT m.thread_id) AS threads FROM comment_mentions m JOIN comment_threads t ON t.id = m.thread_id
     WHERE ${UNREAD} GROUP BY t.report_id`,
  );

  const mention = (threadId: string, mentions: Mentions) => {
    for (const id of mentions.departmentIds) upsertMention.run(threadId, 'department', id);
    for (const id of mentions.userIds) upsertMention.run(threadId, 'user', id);
  };
  const authorColumns = (author: Author) => ({ authorId: author.id, authorName: author.displayName, authorDepartmentId: author.departmentId });

  const create = db.transaction((thread: ThreadRecord, entry: Parameters<SqliteAudit['append']>[0]) => {
    insertThread.run({
      id: thread.id,
      reportId: thread.reportId,
      sectionId: thread.sectionId,
      from: thread.anchor.from,
      to: thread.anchor.to,
      quote: thread.quote,
      ...authorColumns(thread.author),
      body: thread.body,
      mentions: JSON.stringify(thread.mentions),
      createdAt: thread.createdAt,
    });
    mention(thread.id, thread.mentions);
    audit.append(entry);
  });
  const reply = db.transaction((reportId: string, threadId: string, record: ReplyRecord, entry: Parameters<SqliteAudit['append']>[0]) => {
    if (!selectThread.get(reportId, threadId)) return false;
    insertReply.run({
      id: record.id,
      threadId,
      ...authorColumns(record.author),
      body: record.body,
      mentions: JSON.stringify(record.mentions),
      createdAt: record.createdAt,
    });
    mention(threadId, record.mentions);
    audit.append(entry);
    return true;
  });
  const resolve = db.transaction(
    (reportId: string, threadId: string, change: { resolved: boolean; by: string; at: string }, entry: Parameters<SqliteAudit['append']>[0]) => {
      const by = change.resolved ? change.by : null;
      const at = change.resolved ? change.at : null;
      if (updateResolved.run(change.resolved ? 1 : 0, by, at, reportId, threadId).changes === 0) return false;
      audit.append(entry);
      return true;
    },
  );

  return {
    async createThread(thread, entry) {
      create(thread, entry);
    },
    async addReply(reportId, threadId, record, entry) {
      return reply(reportId, threadId, record, entry);
    },
    async setThreadResolved(reportId, threadId, change, entry) {
      return resolve(reportId, threadId, change, entry);
    },
    async getThread(reportId, threadId) {
      const row = selectThread.get(reportId, threadId);
      return row ? toThread(row, row.resolved === 1, selectReplies.all(row.id).map(toReply)) : null;
    },
    async listThreads(reportId) {
      const replies = new Map<string, ReplyRecord[]>();
      for (const row of selectReportReplies.all(reportId)) {
        const list = replies.get(row.thread_id) ?? [];
        list.push(toReply(row));
        replies.set(row.thread_id, list);
      }
      return selectThreads.all(reportId).map((row) => toThread(row, row.resolved === 1, replies.get(row.id) ?? []));
    },
    async markThreadRead(reportId, threadId, reader: Reader, at) {
      if (!selectThread.get(reportId, threadId)) return false;
      openMentions.run({ at, threadId, userId: reader.userId, departmentId: reader.departmentId });
      return true;
    },
    async unreadThreadIds(reportId, reader) {
      return selectUnread.all({ reportId, userId: reader.userId, departmentId: reader.departmentId }).map((row) => row.thread_id);
    },
    async countUnreadThreads(reader) {
      const rows = countUnread.all({ userId: reader.userId, departmentId: reader.departmentId });
      return new Map(rows.map((row) => [row.report_id, row.threads]));
    },
  };
}
