/** Comment threads, their replies and who has opened the threads that mention them, in PostgreSQL (reviewSchema.ts). */
import type { Mentions } from '../../../common/review.js';
import type { AuditRecord, CommentStore, Reader, ReplyRecord, ThreadRecord } from '../reviewStore.js';
import { toReply, toThread, type ReplyRow, type ThreadColumns } from '../rows/commentRows.js';
import { appendAuditEntry } from './audit.js';
import { CONSISTENT_READ, type PgDb, type PgQueryable } from './db.js';

interface ThreadRow extends ThreadColumns {
  resolved: boolean;
}

const THREAD_COLUMNS = `id, report_id, section_id, anchor_from, anchor_to, quote, author_id, author_name, author_department_id,
  body, mentions, created_at, resolved, resolved_by, resolved_at`;
const REPLY_COLUMNS = 'r.id, r.thread_id, r.author_id, r.author_name, r.author_department_id, r.body, r.mentions, r.created_at';

/** Mentions of the reader that nobody of them has opened; `user` and `department` are the parameters holding their ids. */
const unread = (user: string, department: string) =>
  `m.opened_at IS NULL AND ((m.kind = 'department' AND m.target_id = ${department}) OR (m.kind = 'user' AND m.target_id = ${user}))`;

/** Records the thread's mentions as unread (again, for targets mentioned before). */
async function mention(tx: PgQueryable, threadId: string, mentions: Mentions): Promise<void> {
  const targets = [...mentions.departmentIds.map((id) => ['department', id]), ...mentions.userIds.map((id) => ['user', id])];
  for (const [kind, targetId] of targets) {
    await tx.query(
      `INSERT INTO comment_mentions (thread_id, kind, target_id, opened_at) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (thread_id, kind, target_id) DO UPDATE SET opened_at = NULL`,
      [threadId, kind, targetId],
    );
  }
}

async function threadExists(queryable: PgQueryable, reportId: string, threadId: string): Promise<boolean> {
  const { rowCount } = await queryable.query('SELECT 1 FROM comment_threads WHERE report_id = $1 AND id = $2', [reportId, threadId]);
  return (rowCount ?? 0) > 0;
}

async function insertThread(tx: PgQueryable, thread: ThreadRecord): Promise<void> {
  await tx.query(
    `INSERT INTO comment_threads (id, report_id, section_id, anchor_from, anchor_to, quote, author_id, author_name,
       author_department_id, body, mentions, created_at, resolved)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false)`,
    [
      thread.id,
      thread.reportId,
      thread.sectionId,
      thread.anchor.from,
      thread.anchor.to,
      thread.quote,
      thread.author.id,
      thread.author.displayName,
      thread.author.departmentId,
      thread.body,
      JSON.stringify(thread.mentions),
      thread.createdAt,
    ],
  );
}

async function insertReply(tx: PgQueryable, threadId: string, reply: ReplyRecord): Promise<void> {
  await tx.query(
    `INSERT INTO comment_replies (id, thread_id, author_id, author_name, author_department_id, body, mentions, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [reply.id, threadId, reply.author.id, reply.author.displayName, reply.author.departmentId, reply.body, JSON.stringify(reply.mentions), reply.createdAt],
  );
}

export function pgComments(db: PgDb): CommentStore {
  return {
    async createThread(thread, entry: AuditRecord) {
      await db.transaction(async (tx) => {
        await insertThread(tx, thread);
        await mention(tx, thread.id, thread.mentions);
        await appendAuditEntry(tx, entry);
      });
    },
    async addReply(reportId, threadId, reply, entry) {
      return db.transaction(async (tx) => {
        if (!(await threadExists(tx, reportId, threadId))) return false;
        await insertReply(tx, threadId, reply);
        await mention(tx, threadId, reply.mentions);
        await appendAuditEntry(tx, entry);
        return true;
      });
    },
    async setThreadResolved(reportId, threadId, change, entry) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query('UPDATE comment_threads SET resolved = $1, resolved_by = $2, resolved_at = $3 WHERE report_id = $4 AND id = $5', [
          change.resolved,
          change.resolved ? change.by : null,
          change.resolved ? change.at : null,
          reportId,
          threadId,
        ]);
        if (rowCount === 0) return false;
        await appendAuditEntry(tx, entry);
        return true;
      });
    },
    async getThread(reportId, threadId) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE report_id = $1 AND id = $2`, [reportId, threadId]);
        const thread = rows[0];
        if (!thread) return null;
        const { rows: replies } = await tx.query<ReplyRow>(`SELECT ${REPLY_COLUMNS} FROM comment_replies r WHERE r.thread_id = $1 ORDER BY r.seq`, [threadId]);
        return toThread(thread, thread.resolved, replies.map(toReply));
      }, CONSISTENT_READ);
    },
    async listThreads(reportId) {
      return db.transaction(async (tx) => {
        const { rows: replyRows } = await tx.query<ReplyRow>(
          `SELECT ${REPLY_COLUMNS} FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id WHERE t.report_id = $1 ORDER BY r.seq`,
          [reportId],
        );
        const replies = new Map<string, ReplyRecord[]>();
        for (const row of replyRows) {
          const list = replies.get(row.thread_id) ?? [];
          list.push(toReply(row));
          replies.set(row.thread_id, list);
        }
        const { rows } = await tx.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE report_id = $1 ORDER BY created_at, seq`, [reportId]);
        return rows.map((row) => toThread(row, row.resolved, replies.get(row.id) ?? []));
      }, CONSISTENT_READ);
    },
    async markThreadRead(reportId, threadId, reader: Reader, at) {
      if (!(await threadExists(db, reportId, threadId))) return false;
      await db.query(`UPDATE comment_mentions AS m SET opened_at = $4 WHERE m.thread_id = $1 AND ${unread('$2', '$3')}`, [
        threadId,
        reader.userId,
        reader.departmentId,
        at,
      ]);
      return true;
    },
    async unreadThreadIds(reportId, reader) {
      const { rows } = await db.query<{ thread_id: string }>(
        `SELECT DISTINCT m.thread_id FROM comment_mentions m JOIN comment_threads t ON t.id = m.thread_id WHERE t.report_id = $1 AND ${unread('$2', '$3')}`,
        [reportId, reader.userId, reader.departmentId],
      );
      return rows.map((row) => row.thread_id);
    },
    async countUnreadThreads(reader) {
      const { rows } = await db.query<{ report_id: string; threads: number }>(
        `SELECT t.report_id, COUNT(DISTINCT m.thread_id) AS threads FROM comment_mentions m JOIN comment_threads t ON t.id = m.thread_id
         WHERE ${unread('$1', '$2')} GROUP BY t.report_id`,
        [reader.userId, reader.departmentId],
      );
      return new Map(rows.map((row) => [row.report_id, row.threads]));
    },
  };
}
