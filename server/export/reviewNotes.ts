/**
 * The review notes a Word export may carry (`?comments=1`, issue 9): the report's open comment threads and
 * open suggestions, read from the store on the main thread and handed to the export worker as plain data
 * (structured-clone-able, like the rest of the task). Resolved threads and decided suggestions are left out:
 * the file shows what is still to be settled.
 */
import type { Anchor, Author } from '../../common/review.js';
import type { ReplyRecord, ReviewStore, SuggestionRecord, ThreadRecord } from '../storage/reviewStore.js';
import type { AccountStore } from '../storage/store.js';

/** Who wrote a note, with the name of the department they wrote for (null: office, chair, admin). */
export interface NoteAuthor {
  name: string;
  department: string | null;
}

export interface ReplyNote {
  author: NoteAuthor;
  /** ISO 8601. */
  createdAt: string;
  body: string;
}

/** What every note has: where it sits, what it covered when made, who made it and when. */
interface AnchoredNote {
  sectionId: string;
  anchor: Anchor;
  /** The anchored text as it read when the note was made; printed when that text has been deleted. */
  quote: string;
  author: NoteAuthor;
  createdAt: string;
}

export interface CommentNote extends AnchoredNote {
  kind: 'comment';
  body: string;
  /** Oldest first. */
  replies: ReplyNote[];
}

export interface SuggestionNote extends AnchoredNote {
  kind: 'suggestion';
  /** What the suggester proposes instead of the quote (empty: delete it). */
  replacement: string;
}

export type ReviewNote = CommentNote | SuggestionNote;

/** What the notes are read from. */
export type ReviewNoteStore = Pick<ReviewStore, 'listThreads' | 'listSuggestions'> & Pick<AccountStore, 'listDepartments'>;

/** The open notes of a report, oldest first. */
export async function readReviewNotes(store: ReviewNoteStore, reportId: string): Promise<ReviewNote[]> {
  const [threads, suggestions, departments] = await Promise.all([
    store.listThreads(reportId),
    store.listSuggestions(reportId),
    store.listDepartments(),
  ]);
  const names = new Map(departments.map((department) => [department.id, department.name]));
  const authorOf = (author: Author): NoteAuthor => ({
    name: author.displayName,
    department: author.departmentId === null ? null : (names.get(author.departmentId) ?? null),
  });
  const notes: ReviewNote[] = [
    ...threads.filter((thread) => !thread.resolved).map((thread) => commentNote(thread, authorOf)),
    ...suggestions.filter((suggestion) => suggestion.state === 'open').map((suggestion) => suggestionNote(suggestion, authorOf)),
  ];
  return notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

type AuthorOf = (author: Author) => NoteAuthor;

function commentNote(thread: ThreadRecord, authorOf: AuthorOf): CommentNote {
  const reply = (record: ReplyRecord): ReplyNote => ({ author: authorOf(record.author), createdAt: record.createdAt, body: record.body });
  return {
    kind: 'comment',
    sectionId: thread.sectionId,
    anchor: thread.anchor,
    quote: thread.quote,
    author: authorOf(thread.author),
    createdAt: thread.createdAt,
    body: thread.body,
    replies: thread.replies.map(reply),
  };
}

function suggestionNote(suggestion: SuggestionRecord, authorOf: AuthorOf): SuggestionNote {
  return {
    kind: 'suggestion',
    sectionId: suggestion.sectionId,
    anchor: suggestion.anchor,
    quote: suggestion.quote,
    author: authorOf(suggestion.author),
    createdAt: suggestion.createdAt,
    replacement: suggestion.replacement,
  };
}
