/**
 * Comment threads and their replies as both stores read them back: SQLite and PostgreSQL give rows of this
 * shape, mentions as JSON text, except the `resolved` flag (SQLite 0/1, PostgreSQL a boolean), which each
 * store declares and reads itself.
 */
import type { Mentions } from '../../../common/review.js';
import type { ReplyRecord, ThreadRecord } from '../reviewStore.js';
import { anchorOf, type AnchorColumns } from './anchorColumns.js';
import { authorOf, type AuthorColumns } from './authorColumns.js';

/** A `comment_threads` row but its `resolved` flag. */
export interface ThreadColumns extends AnchorColumns, AuthorColumns {
  id: string;
  body: string;
  mentions: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface ReplyRow extends AuthorColumns {
  id: string;
  thread_id: string;
  body: string;
  mentions: string;
  created_at: string;
}

export const toReply = (row: ReplyRow): ReplyRecord => ({
  id: row.id,
  author: authorOf(row),
  body: row.body,
  mentions: JSON.parse(row.mentions) as Mentions,
  createdAt: row.created_at,
});

/** `resolved` is the row's flag as the store reads it from its own column type. */
export const toThread = (row: ThreadColumns, resolved: boolean, replies: ReplyRecord[]): ThreadRecord => ({
  id: row.id,
  reportId: row.report_id,
  sectionId: row.section_id,
  anchor: anchorOf(row),
  quote: row.quote,
  author: authorOf(row),
  body: row.body,
  mentions: JSON.parse(row.mentions) as Mentions,
  createdAt: row.created_at,
  resolved,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at,
  replies,
});
