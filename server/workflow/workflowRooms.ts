/**
 * What the workflow does to a report's rooms (issue 10): reads their state as stored (for a version, and
 * the symbol of the frame), freezes and thaws them for everyone connected, writes the number and date into
 * the frame as the server, and mirrors the status into the review room.
 */
import * as Y from 'yjs';
import { readFrame } from '../../common/frame.js';
import type { Report } from '../../common/report.js';
import { formatRoomName, FRAME_MAP } from '../../common/rooms.js';
import { reauthoriseReport } from '../collab/liveAccess.js';
import { writeReviewState } from '../collab/reviewRoom.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';
import type { DocumentStore } from '../storage/store.js';
import { docFromStored } from '../storage/storedDocument.js';

/** The number and date as the frame holds them: `"05"`, `"2025-06-30"`; `undefined` when a key is missing. */
export interface FrameIssueFields {
  number: string | undefined;
  date: string | undefined;
}

export interface WorkflowRooms {
  /** The frame's symbol as stored (`"BC-UBND"`), trimmed. */
  frameSymbol(report: Report): Promise<string>;
  /** Room name → the room's whole state as stored, for the frame and every section (a version's rooms). */
  readStates(report: Report): Promise<Map<string, Uint8Array>>;
  /**
   * Every live connection to the report's rooms gets the access the report gives it (`frozen`: read-only for
   * everyone), after what each room received so far; resolves when every room has handled that.
   */
  setFrozen(report: Report, frozen: boolean): Promise<void>;
  /** Writes the number and date into the frame room as the server (stored, then sent); the values it replaced. */
  writeFrameIssue(reportId: string, fields: { number: string; date: string }): Promise<FrameIssueFields>;
  /** Puts back what {@link writeFrameIssue} replaced (an issue that failed). */
  restoreFrameIssue(reportId: string, previous: FrameIssueFields): Promise<void>;
  /** Mirrors the report's status (and what issuing fixed) into its review room. */
  publishStatus(report: Report): Promise<void>;
}

/** The rooms whose content a report's version holds: the frame, then each section, in report order. */
export function contentRooms(report: Report): string[] {
  return [formatRoomName({ reportId: report.id, part: { kind: 'frame' } }), ...report.sections.map((section) => section.room)];
}

function setOrDelete(map: Y.Map<unknown>, key: string, value: string | undefined): void {
  if (value === undefined) map.delete(key);
  else if (map.get(key) !== value) map.set(key, value);
}

export function workflowRooms(registry: RoomRegistry, store: Pick<DocumentStore, 'loadDocument'>): WorkflowRooms {
  const frameRoom = (reportId: string) => formatRoomName({ reportId, part: { kind: 'frame' } });
  const stored = async <T>(room: string, read: (doc: Y.Doc) => T): Promise<T> => {
    const doc = docFromStored(await store.loadDocument(room));
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  };

  return {
    // The store holds every edit a room has relayed (it persists before it broadcasts).
    frameSymbol: (report) => stored(frameRoom(report.id), (doc) => readFrame(doc).symbol.trim()),

    async readStates(report) {
      const states = new Map<string, Uint8Array>();
      for (const room of contentRooms(report)) states.set(room, await stored(room, (doc) => Y.encodeStateAsUpdate(doc)));
      return states;
    },

    setFrozen: (report, frozen) => reauthoriseReport(registry, report, frozen),

    async writeFrameIssue(reportId, fields) {
      let previous: FrameIssueFields = { number: undefined, date: undefined };
      await registry.withRoom(frameRoom(reportId), (room) =>
        room.applyServerChange((doc) => {
          const frame = doc.getMap<unknown>(FRAME_MAP);
          const text = (key: string) => {
            const value = frame.get(key);
            return typeof value === 'string' ? value : undefined;
          };
          previous = { number: text('number'), date: text('date') };
          setOrDelete(frame, 'number', fields.number);
          setOrDelete(frame, 'date', fields.date);
        }),
      );
      return previous;
    },

    async restoreFrameIssue(reportId, previous) {
      await registry.withRoom(frameRoom(reportId), (room) =>
        room.applyServerChange((doc) => {
          const frame = doc.getMap<unknown>(FRAME_MAP);
          setOrDelete(frame, 'number', previous.number);
          setOrDelete(frame, 'date', previous.date);
        }),
      );
    },

    async publishStatus(report) {
      const name = formatRoomName({ reportId: report.id, part: { kind: 'review' } });
      await registry.withRoom(name, (room) => room.applyServerChange((doc) => writeReviewState(doc, report)));
    },
  };
}
