/**
 * The rooms of a copy of a report (issue 10, item 7): every content room — the frame and each section — as
 * the store holds it (every edit relayed is stored first), under the copy's room names; the frame's subject
 * set to the copy's title, and its number and date cleared, since those are given when the copy is issued
 * in its turn; a review room of its own, with the owners and nothing of the original's review.
 */
import * as Y from 'yjs';
import type { Report } from '../../common/report.js';
import { formatRoomName, FRAME_MAP, sectionRoom } from '../../common/rooms.js';
import { writeReviewState } from '../collab/reviewRoom.js';
import type { DocumentStore } from '../storage/store.js';
import { docFromStored } from '../storage/storedDocument.js';

/** The frame keys a copy does not keep: the number and date belong to one issued document. */
const ISSUE_FIELDS = ['number', 'date'] as const;

async function storedState(store: Pick<DocumentStore, 'loadDocument'>, room: string, change?: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = docFromStored(await store.loadDocument(room));
  try {
    if (change) doc.transact(() => change(doc));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Room name → starting state, for the copy `copy` (a draft, its sections those of `source`) titled `title`. */
export async function copyRooms(
  store: Pick<DocumentStore, 'loadDocument'>,
  source: Pick<Report, 'id' | 'sections'>,
  copy: Pick<Report, 'id' | 'status' | 'sections'>,
  title: string,
): Promise<Map<string, Uint8Array>> {
  const rooms = new Map<string, Uint8Array>();
  const frame = (reportId: string) => formatRoomName({ reportId, part: { kind: 'frame' } });
  rooms.set(
    frame(copy.id),
    await storedState(store, frame(source.id), (doc) => {
      const map = doc.getMap<unknown>(FRAME_MAP);
      map.set('subject', title);
      for (const key of ISSUE_FIELDS) if (map.has(key)) map.set(key, '');
    }),
  );
  for (const section of source.sections) rooms.set(sectionRoom(copy.id, section.id), await storedState(store, section.room));
  const review = new Y.Doc();
  try {
    writeReviewState(review, copy);
    rooms.set(formatRoomName({ reportId: copy.id, part: { kind: 'review' } }), Y.encodeStateAsUpdate(review));
  } finally {
    review.destroy();
  }
  return rooms;
}
