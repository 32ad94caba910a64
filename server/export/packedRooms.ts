/**
 * A report's stored rooms as ONE `ArrayBuffer` and where each update lies in it: how the bytes move to an
 * export worker, transferred rather than cloned update by update. No `Y.Doc` ever crosses threads; the worker
 * rebuilds the documents from these bytes (`inputFromRooms`).
 */
import type { StoredDocument } from '../storage/store.js';
import type { StoredReportRooms } from './loadReport.js';

/** Where one update lies in {@link PackedRooms.bytes}: its offset and length. */
type Span = readonly [offset: number, length: number];

interface PackedRoom {
  snapshot: Span | null;
  updates: Span[];
  lastSeq: number;
}

export interface PackedRooms {
  /** Every snapshot and update, back to back; transfer it (it is the packer's own copy). */
  bytes: ArrayBuffer;
  frame: PackedRoom;
  sections: PackedRoom[];
}

/** The bytes a room's snapshot and updates take in the store. */
function roomSize(room: StoredDocument): number {
  return room.updates.reduce((sum, update) => sum + update.byteLength, room.snapshot?.byteLength ?? 0);
}

/** The bytes a report's rooms take in the store: what the export's size limit is measured in. */
export function storedSize(rooms: StoredReportRooms): number {
  return rooms.sections.reduce((sum, section) => sum + roomSize(section), roomSize(rooms.frame));
}

/** Copies every room's bytes into one fresh buffer. */
export function packRooms(rooms: StoredReportRooms): PackedRooms {
  const bytes = new Uint8Array(storedSize(rooms));
  let offset = 0;
  const put = (update: Uint8Array): Span => {
    bytes.set(update, offset);
    offset += update.byteLength;
    return [offset - update.byteLength, update.byteLength];
  };
  const pack = (room: StoredDocument): PackedRoom => ({
    snapshot: room.snapshot ? put(room.snapshot) : null,
    updates: room.updates.map(put),
    lastSeq: room.lastSeq,
  });
  const frame = pack(rooms.frame);
  return { bytes: bytes.buffer, frame, sections: rooms.sections.map(pack) };
}

/** The rooms again, each update a view into `packed.bytes` (nothing is copied). */
export function unpackRooms(packed: PackedRooms): StoredReportRooms {
  const view = ([offset, length]: Span) => new Uint8Array(packed.bytes, offset, length);
  const unpack = (room: PackedRoom): StoredDocument => ({
    snapshot: room.snapshot ? view(room.snapshot) : null,
    updates: room.updates.map(view),
    lastSeq: room.lastSeq,
  });
  return { frame: unpack(packed.frame), sections: packed.sections.map(unpack) };
}
