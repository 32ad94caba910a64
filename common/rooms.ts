/**
 * Room names, parsed and formatted in one place.
 *
 * A report is several Yjs documents, one per room (DESIGN.md, "The document model"):
 * `<reportId>/frame`, `<reportId>/review` and `<reportId>/section/<sectionId>`.
 * Clients connect to `/collab/<roomName>` (CONTRACT.md, "Rooms").
 */

/** The part of a report a room holds. */
export type RoomPart =
  | { kind: 'frame' }
  | { kind: 'review' }
  | { kind: 'section'; sectionId: string };

export interface RoomName {
  reportId: string;
  part: RoomPart;
}

/** Ids are short, URL-safe tokens: letters, digits, `-` and `_`. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `id` may be used as a report or section id. */
export function isValidId(id: string): boolean {
  return ID.test(id);
}

/** Parses `<reportId>/<part>`; returns null for anything that is not a room name. */
export function parseRoomName(name: string): RoomName | null {
  const segments = name.split('/');
  const [reportId, kind, sectionId] = segments;
  if (reportId === undefined || !isValidId(reportId)) return null;
  if (segments.length === 2 && kind === 'frame') return { reportId, part: { kind: 'frame' } };
  if (segments.length === 2 && kind === 'review') return { reportId, part: { kind: 'review' } };
  if (segments.length === 3 && kind === 'section' && sectionId !== undefined && isValidId(sectionId)) {
    return { reportId, part: { kind: 'section', sectionId } };
  }
  return null;
}

/** Formats a room name; the inverse of {@link parseRoomName}. */
export function formatRoomName(room: RoomName): string {
  switch (room.part.kind) {
    case 'frame':
      return `${room.reportId}/frame`;
    case 'review':
      return `${room.reportId}/review`;
    case 'section':
      return `${room.reportId}/section/${room.part.sectionId}`;
  }
}

/** The room of one section of a report. */
export function sectionRoom(reportId: string, sectionId: string): string {
  return formatRoomName({ reportId, part: { kind: 'section', sectionId } });
}

/** The URL path prefix under which rooms are served. */
export const COLLAB_PATH = '/collab';

/** The name of the `Y.XmlFragment` that holds a section's body (CONTRACT.md). */
export const SECTION_FRAGMENT = 'body';

/** The name of the `Y.Map` that holds the frame's fields (CONTRACT.md). */
export const FRAME_MAP = 'frame';

/**
 * The `Y.XmlFragment` of the frame room that holds the opening paragraphs printed between the subject
 * line and section I (the basis and purpose of the report: "Thực hiện Kế hoạch số …"), in the section
 * schema. Written by whoever writes the frame (the office).
 */
export const PREAMBLE_FRAGMENT = 'preamble';

/**
 * The review room's maps, written only by the server (keys documented in server/collab/reviewRoom.ts):
 * `review` (the workflow status), `owners` (section id → owning department id, `''` for none), `threads`
 * (comment threads by id), `suggestions` (suggested edits by id) and `sectionReviews` (section id → the
 * chairperson's verdict).
 */
export const REVIEW_STATE_MAP = 'review';
export const OWNERS_MAP = 'owners';
export const THREADS_MAP = 'threads';
export const SUGGESTIONS_MAP = 'suggestions';
export const SECTION_REVIEWS_MAP = 'sectionReviews';
