/**
 * The review part of the storage interface (issue 9): comment threads and their replies, who has opened
 * the threads that mention them, suggested edits, the chairperson's verdict per section, and the audit
 * log. Every change is written together with its audit entry, all or nothing.
 */
import type { Anchor, Author, Mentions, SuggestionState } from '../../common/review.js';

/** A reply as stored. */
export interface ReplyRecord {
  id: string;
  author: Author;
  body: string;
  mentions: Mentions;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** A comment thread as stored; `replies` oldest first. */
export interface ThreadRecord {
  id: string;
  reportId: string;
  sectionId: string;
  anchor: Anchor;
  quote: string;
  author: Author;
  body: string;
  mentions: Mentions;
  createdAt: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
  replies: ReplyRecord[];
}

export interface SuggestionRecord {
  id: string;
  reportId: string;
  sectionId: string;
  anchor: Anchor;
  quote: string;
  replacement: string;
  author: Author;
  createdAt: string;
  state: SuggestionState;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** The chairperson's verdict on a section; a section without one is `none`. */
export interface SectionReviewRecord {
  reportId: string;
  sectionId: string;
  state: 'approved' | 'returned' | 'changed';
  note: string | null;
  /** The chairperson's user id and display name. */
  by: string;
  byName: string;
  at: string;
  /** `changed`: whose stored edit changed the approved text, and when. */
  changedBy: string | null;
  changedAt: string | null;
}

/** One entry of the audit log: of a report, or (sign-ins, issue 10) of the workspace. */
export interface AuditRecord {
  /** Null for what concerns no report (a sign-in). */
  reportId: string | null;
  at: string;
  /** Who did it; null for the server itself. */
  userId: string | null;
  action: string;
  detail: Record<string, string>;
}

/** Someone who opens threads: mentions of them and of their department count as opened. */
export interface Reader {
  userId: string;
  departmentId: string | null;
}

/** How far a report's review has come. */
export interface ReviewProgress {
  sections: number;
  approved: number;
}

export interface ReviewStore {
  /**
   * Stores a new thread (its `replies` ignored); its mentions count as unread until opened. Throws when
   * its report or section does not exist.
   */
  createThread(thread: ThreadRecord, audit: AuditRecord): Promise<void>;
  /** Adds a reply; mentions it adds count as unread again. False, changing nothing, when there is no such thread. */
  addReply(reportId: string, threadId: string, reply: ReplyRecord, audit: AuditRecord): Promise<boolean>;
  /** Resolves or reopens a thread (reopening clears who resolved it). False when there is no such thread. */
  setThreadResolved(
    reportId: string,
    threadId: string,
    change: { resolved: boolean; by: string; at: string },
    audit: AuditRecord,
  ): Promise<boolean>;
  getThread(reportId: string, threadId: string): Promise<ThreadRecord | null>;
  /** Oldest first, each with its replies. */
  listThreads(reportId: string): Promise<ThreadRecord[]>;
  /** Marks the thread's mentions of the reader and of their department opened. False when there is no such thread. */
  markThreadRead(reportId: string, threadId: string, reader: Reader, at: string): Promise<boolean>;
  /** The threads of a report whose mentions of the reader or their department nobody of them has opened. */
  unreadThreadIds(reportId: string, reader: Reader): Promise<string[]>;
  /** Report id → how many of its threads are unread by the reader (reports with none left out). */
  countUnreadThreads(reader: Reader): Promise<Map<string, number>>;

  /** Stores a new suggestion. Throws when its report or section does not exist. */
  createSuggestion(suggestion: SuggestionRecord, audit: AuditRecord): Promise<void>;
  getSuggestion(reportId: string, suggestionId: string): Promise<SuggestionRecord | null>;
  /** Oldest first. */
  listSuggestions(reportId: string): Promise<SuggestionRecord[]>;
  /**
   * Accepts or rejects a suggestion that is open; false, changing nothing (and writing no audit entry),
   * when there is no such suggestion or it was decided already.
   */
  decideSuggestion(
    reportId: string,
    suggestionId: string,
    decision: { state: 'accepted' | 'rejected'; by: string; at: string },
    audit: AuditRecord,
  ): Promise<boolean>;

  /** Records a verdict, replacing the section's earlier one. Throws when the section does not exist. */
  setSectionReview(review: SectionReviewRecord, audit: AuditRecord): Promise<void>;
  getSectionReview(reportId: string, sectionId: string): Promise<SectionReviewRecord | null>;
  /** In no particular order; sections never reviewed are left out. */
  listSectionReviews(reportId: string): Promise<SectionReviewRecord[]>;
  /**
   * Turns an approved section to `changed`, atomically; the changed record, or null (and no audit entry)
   * when the section is not approved at that moment.
   */
  markSectionChanged(
    reportId: string,
    sectionId: string,
    change: { by: string; at: string },
    audit: AuditRecord,
  ): Promise<SectionReviewRecord | null>;
  /** Report id → its number of sections and how many are approved. */
  reviewProgress(): Promise<Map<string, ReviewProgress>>;

  /** Oldest first. */
  listAudit(reportId: string): Promise<AuditRecord[]>;
}

/** The parts of `ReviewStore` that each store implements in a module of its own. */
export type CommentStore = Pick<
  ReviewStore,
  | 'createThread'
  | 'addReply'
  | 'setThreadResolved'
  | 'getThread'
  | 'listThreads'
  | 'markThreadRead'
  | 'unreadThreadIds'
  | 'countUnreadThreads'
>;
export type SuggestionStore = Pick<ReviewStore, 'createSuggestion' | 'getSuggestion' | 'listSuggestions' | 'decideSuggestion'>;
export type SectionReviewStore = Pick<
  ReviewStore,
  'setSectionReview' | 'getSectionReview' | 'listSectionReviews' | 'markSectionChanged' | 'reviewProgress'
>;
