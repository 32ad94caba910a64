/**
 * One title per report (issue 10, item 7): the report's title in the list is the frame's subject (trích
 * yếu), kept in step both ways.
 *
 * - The office types the subject in the header: every stored edit of a frame room reaches
 *   {@link TitleSync.noteStoredEdit} (the room registry's `onStored`, on the hot path, so it only compares
 *   the subject with the title it knows); when they differ the title is stored, as a task of the report.
 * - The office renames the report over REST: {@link TitleSync.rename} stores the title and writes the
 *   subject into the frame room as a server edit (stored, then sent to everyone connected).
 *
 * Both run in the report's queue, and a task reads the subject when it runs rather than when it was asked
 * for, so whichever change the frame room applied last is the title — a rename racing with typing cannot
 * leave the two apart. Many keystrokes while a task waits make one task. A blank subject leaves the title
 * as it was: a report is always listed under some title.
 */
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import { MAX_TITLE_LENGTH } from '../../common/limits.js';
import { formatRoomName, FRAME_MAP } from '../../common/rooms.js';
import { parsedRoomName } from '../collab/parsedRoomName.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';
import { KeyedQueue } from '../review/keyedQueue.js';
import type { AuditRecord } from '../storage/reviewStore.js';
import type { HousekeepingStore } from '../storage/housekeepingStore.js';
import type { DocumentStore, ReportStore } from '../storage/store.js';
import { docFromStored } from '../storage/storedDocument.js';

/** The title a subject gives: one line, spaces collapsed, NFC, within the title's length; '' for none. */
export function titleOfSubject(subject: unknown): string {
  if (typeof subject !== 'string') return '';
  return subject.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH).trim();
}

export interface TitleSync {
  /** The room hook: an edit of `room` was stored and `doc` holds it. Returns at once; never throws. */
  noteStoredEdit(room: string, doc: Y.Doc): void;
  /**
   * Stores `title` (with `audit`) and writes it into the frame as its subject, in the report's queue.
   * False, writing nothing, when the store refuses (no such report, or issued).
   */
  rename(reportId: string, title: string, audit: AuditRecord): Promise<boolean>;
  /**
   * Makes the title follow the frame as it is now, in the report's queue: for changes of the frame the
   * server makes itself (a version restored), which the room hook does not see.
   */
  followFrame(reportId: string): Promise<void>;
  /** The report's title is `title` (just created or copied). */
  known(reportId: string, title: string): void;
  /** The report is gone. */
  forget(reportId: string): void;
}

export interface TitleSyncDeps {
  store: Pick<ReportStore, 'getReport'> & Pick<HousekeepingStore, 'renameReport'> & Pick<DocumentStore, 'loadDocument'>;
  registry: Pick<RoomRegistry, 'withRoom'>;
  logger: FastifyBaseLogger;
  /** Tasks of one report run one at a time; by default a queue of its own. */
  queue?: KeyedQueue;
}

const subjectOf = (doc: Y.Doc) => titleOfSubject(doc.getMap(FRAME_MAP).get('subject'));

export function createTitleSync({ store, registry, logger, queue = new KeyedQueue() }: TitleSyncDeps): TitleSync {
  /** The title as stored, where known. */
  const titles = new Map<string, string>();
  /** Reports with a task waiting to follow the frame, and the frame room's live document. */
  const waiting = new Map<string, Y.Doc>();
  const frameRoom = (reportId: string) => formatRoomName({ reportId, part: { kind: 'frame' } });

  /** The frame's subject as the live room holds it, or as stored once the room has unloaded (after its flush). */
  const currentSubject = async (reportId: string, doc: Y.Doc | undefined): Promise<string> => {
    if (doc !== undefined && !doc.isDestroyed) return subjectOf(doc);
    const stored = docFromStored(await store.loadDocument(frameRoom(reportId)));
    try {
      return subjectOf(stored);
    } finally {
      stored.destroy();
    }
  };

  const follow = async (reportId: string, doc: Y.Doc | undefined) => {
    const subject = await currentSubject(reportId, doc);
    if (subject === '') return;
    let title = titles.get(reportId);
    if (title === undefined) {
      const record = await store.getReport(reportId);
      if (record === null) return;
      title = record.title;
    }
    if (subject === title) {
      titles.set(reportId, title);
      return;
    }
    // Refused for an issued report (its frame no longer changes): the title stays what it was issued with.
    if (await store.renameReport(reportId, subject, null)) titles.set(reportId, subject);
    else titles.delete(reportId);
  };

  const schedule = (reportId: string) =>
    queue.run(reportId, () => {
      const doc = waiting.get(reportId);
      waiting.delete(reportId);
      return follow(reportId, doc);
    });

  return {
    noteStoredEdit(room, doc) {
      const name = parsedRoomName(room);
      if (name?.part.kind !== 'frame') return;
      const { reportId } = name;
      const subject = subjectOf(doc);
      if (subject === '' || subject === titles.get(reportId)) return;
      const alreadyWaiting = waiting.has(reportId);
      waiting.set(reportId, doc);
      if (alreadyWaiting) return;
      schedule(reportId).catch((error: unknown) => logger.error({ err: error, room }, 'could not make the report’s title follow its subject'));
    },

    rename(reportId, title, audit) {
      return queue.run(reportId, async () => {
        if (!(await store.renameReport(reportId, title, audit))) return false;
        titles.set(reportId, title);
        await registry.withRoom(frameRoom(reportId), (room) =>
          room.applyServerChange((doc) => {
            const frame = doc.getMap<unknown>(FRAME_MAP);
            if (frame.get('subject') !== title) frame.set('subject', title);
          }),
        );
        return true;
      });
    },

    followFrame(reportId) {
      return queue.run(reportId, () => follow(reportId, undefined));
    },

    known(reportId, title) {
      titles.set(reportId, title);
    },

    forget(reportId) {
      titles.delete(reportId);
      waiting.delete(reportId);
    },
  };
}
