/**
 * The review of the report page (issue 9), shared by the section editors (which draw it and register
 * themselves) and the sidebar (which lists it): the threads, suggestions and verdicts live from the review
 * room, who may be mentioned, which card is selected, the text selected in a section, and the composer.
 *
 * Nothing here changes the review by itself: every change is a REST call (api/review.ts) whose result
 * comes back through the review room to every open page, this one included.
 */
import type { Editor } from '@tiptap/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { MAX_QUOTE_LENGTH, type Anchor, type ReportReader } from '../../../common/review.js';
import { listComments, listReportPeople, markCommentRead } from '../api/review.js';
import type { ReviewEntries } from '../collab/reviewEntries.js';
import type { SectionOwners } from '../collab/useSectionOwners.js';
import { useSession } from '../session/SessionContext.js';
import type { MentionCandidate } from './mentions.js';
import { anchorOfRange, isInside } from './reviewAnchors.js';
import { readSectionSelection, type SectionSelection } from './sectionSelection.js';

/** What the composer is writing: a comment on, or a suggested replacement of, a range of a section. */
export interface ComposerTarget {
  kind: 'comment' | 'suggestion';
  sectionId: string;
  anchor: Anchor;
  /** The selected text when the composer opened (the suggestion's text to replace). */
  quote: string;
}

/** Something that wants the sidebar laid out again (an edit moved the text, a card grew). */
type Listener = () => void;

export interface ReviewValue {
  reportId: string;
  entries: ReviewEntries;
  owners: SectionOwners;
  /** The report is issued (issue 10): its review is final, read only — no comment, reply, resolve or decision. */
  closed: boolean;
  /** Who may be mentioned: the departments of the report, then its readers. */
  candidates: readonly MentionCandidate[];
  /** Threads that mention the reader or their department and that none of them has opened. */
  unread: ReadonlySet<string>;
  /** The card selected in the sidebar (a thread or suggestion id), also marked in the text. */
  activeId: string | null;
  /** Selects a card; with `focus`, its card also takes the keyboard once it is shown (after sending it). */
  activate(id: string | null, options?: { focus?: boolean }): void;
  /** The card that should take the keyboard when it appears; the card calls `focusTaken` when it has. */
  focusRequest: string | null;
  focusTaken(): void;
  /** The text selected in a section now, to comment on. */
  selection: SectionSelection | null;
  composer: ComposerTarget | null;
  /** Opens the composer on the current selection; false when nothing is selected. */
  openComposer(kind: ComposerTarget['kind']): boolean;
  closeComposer(): void;
  /** Whether resolved threads and decided suggestions are listed too. */
  showResolved: boolean;
  setShowResolved(show: boolean): void;
  /** The editors of the sections, by section id. */
  editors(): ReadonlyMap<string, Editor>;
  /** Adds a section's editor; returns the function that removes it. */
  registerEditor(sectionId: string, editor: Editor): () => void;
  /** Called after anything that may move the text (an edit in any section). */
  onLayoutChange(listener: Listener): () => void;
}

const ReviewContext = createContext<ReviewValue | null>(null);

export function useReview(): ReviewValue {
  const value = useContext(ReviewContext);
  if (value === null) throw new Error('useReview: outside a ReviewProvider');
  return value;
}

/** The review, or null outside a report page (an editor used elsewhere). */
export function useOptionalReview(): ReviewValue | null {
  return useContext(ReviewContext);
}

/** How long after the last change of the threads the unread ones are asked for again. */
const UNREAD_REFRESH_MS = 300;

/** Which threads mention the reader unread: asked of the server at first and whenever the threads change. */
function useUnread(reportId: string, entries: ReviewEntries): [ReadonlySet<string>, (threadId: string) => void] {
  const [unread, setUnread] = useState<ReadonlySet<string>>(new Set());
  const threadsKey = entries.threads.map((thread) => `${thread.id}:${thread.replies.length}`).join(',');
  useEffect(() => {
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      listComments(reportId, abort.signal).then(
        (threads) => setUnread(new Set(threads.filter((thread) => thread.unread).map((thread) => thread.id))),
        () => undefined,
      );
    }, UNREAD_REFRESH_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [reportId, threadsKey]);
  const markRead = useCallback(
    (threadId: string) => {
      setUnread((current) => {
        if (!current.has(threadId)) return current;
        void markCommentRead(reportId, threadId).catch(() => undefined);
        const next = new Set(current);
        next.delete(threadId);
        return next;
      });
    },
    [reportId],
  );
  return [unread, markRead];
}

/** The departments that own a section of the report (the server refuses mentions of others), then the readers. */
function useCandidates(reportId: string, owners: SectionOwners): MentionCandidate[] {
  const { department } = useSession();
  const [people, setPeople] = useState<readonly ReportReader[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    listReportPeople(reportId, abort.signal).then(setPeople, () => undefined);
    return () => abort.abort();
  }, [reportId]);
  const ownerIds = [...new Set([...owners.values()].filter((owner): owner is string => owner !== null))].sort().join(',');
  return useMemo(() => {
    const departments: MentionCandidate[] = ownerIds
      .split(',')
      .filter((id) => id !== '')
      .flatMap((id) => {
        const found = department(id);
        return found === undefined || found.disabled ? [] : [{ kind: 'department' as const, id, name: found.name }];
      });
    const persons: MentionCandidate[] = people.map((person) => ({
      kind: 'person',
      id: person.id,
      name: person.displayName,
      detail: department(person.departmentId)?.name,
    }));
    return [...departments, ...persons];
  }, [ownerIds, people, department]);
}

interface ReviewProviderProps {
  reportId: string;
  entries: ReviewEntries;
  owners: SectionOwners;
  /** The report is issued: the review is shown, not changed (the server refuses changes, 409 `report_issued`). */
  closed?: boolean;
  children: ReactNode;
}

/** Shares the review of one report with the section editors and the sidebar below it. */
export function ReviewProvider({ reportId, entries, owners, closed = false, children }: ReviewProviderProps) {
  const editorsRef = useRef(new Map<string, Editor>());
  const listeners = useRef(new Set<Listener>());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  const [selection, setSelection] = useState<SectionSelection | null>(null);
  const [composer, setComposer] = useState<ComposerTarget | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [unread, markRead] = useUnread(reportId, entries);
  const candidates = useCandidates(reportId, owners);

  const notify = useCallback(() => {
    for (const listener of listeners.current) listener();
  }, []);

  const registerEditor = useCallback(
    (sectionId: string, editor: Editor) => {
      editorsRef.current.set(sectionId, editor);
      editor.on('transaction', notify);
      notify();
      return () => {
        editor.off('transaction', notify);
        if (editorsRef.current.get(sectionId) === editor) editorsRef.current.delete(sectionId);
        notify();
      };
    },
    [notify],
  );

  // The selection follows the page's: a range inside one section, or nothing.
  useEffect(() => {
    const follow = () => {
      const next = readSectionSelection(editorsRef.current);
      setSelection((current) =>
        current?.sectionId === next?.sectionId && current?.from === next?.from && current?.to === next?.to ? current : next,
      );
    };
    document.addEventListener('selectionchange', follow);
    return () => document.removeEventListener('selectionchange', follow);
  }, []);

  const openComposer = useCallback(
    (kind: ComposerTarget['kind']) => {
      if (closed) return false;
      const current = readSectionSelection(editorsRef.current) ?? selection;
      const editor = current === null ? undefined : editorsRef.current.get(current.sectionId);
      if (current === null || editor === undefined || !isInside(editor.state, current.from, current.to)) return false;
      const anchor = anchorOfRange(editor.state, current.from, current.to);
      if (anchor === null) return false;
      const quote = editor.state.doc.textBetween(current.from, current.to, '\n', '\uFFFC').normalize('NFC');
      if (quote.trim() === '') return false;
      setComposer({ kind, sectionId: current.sectionId, anchor, quote: kind === 'comment' ? quote.slice(0, MAX_QUOTE_LENGTH) : quote });
      setActiveId(null);
      return true;
    },
    [selection, closed],
  );

  // Issued while writing a comment: nothing can be sent any more.
  useEffect(() => {
    if (closed) setComposer(null);
  }, [closed]);

  // Ctrl+Alt+M comments on the selected text, as in the word processors people know.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return;
      if (openComposer('comment')) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openComposer]);

  const activate = useCallback(
    (id: string | null, options?: { focus?: boolean }) => {
      setActiveId(id);
      if (options?.focus === true) setFocusRequest(id);
      if (id !== null) markRead(id);
    },
    [markRead],
  );

  // A thread or suggestion that is gone (deleted from the room) is no longer selected.
  useEffect(() => {
    if (activeId === null) return;
    const exists = entries.threads.some((thread) => thread.id === activeId) || entries.suggestions.some((item) => item.id === activeId);
    if (!exists) setActiveId(null);
  }, [entries, activeId]);

  const value = useMemo<ReviewValue>(
    () => ({
      reportId,
      entries,
      owners,
      closed,
      candidates,
      unread,
      activeId,
      activate,
      focusRequest,
      focusTaken: () => setFocusRequest(null),
      selection,
      composer,
      openComposer,
      closeComposer: () => setComposer(null),
      showResolved,
      setShowResolved,
      editors: () => editorsRef.current,
      registerEditor,
      onLayoutChange(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [reportId, entries, owners, closed, candidates, unread, activeId, activate, focusRequest, selection, composer, openComposer, showResolved, registerEditor],
  );
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}
