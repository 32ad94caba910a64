/**
 * Writing the frame room (`<reportId>/frame`, CONTRACT.md "Rooms"): the `Y.Map` named `frame`, one key
 * per field of the header and footer, and `recipients`, a `Y.Array` of strings. Each field is its own key,
 * so two people changing different fields at once both keep their change. Reading is common/frame.ts's
 * `readFrame`. Every text written here is NFC. Each write takes the `origin` of the page's frame history
 * (client/src/frame/frameHistory.ts), so the person can undo their own changes and only theirs.
 */
import * as Y from 'yjs';
import type { FrameTextKey } from '../../../common/frame.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { toNfc } from '../text/nfc.js';

const RECIPIENTS = 'recipients';

function frameMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FRAME_MAP);
}

/** Sets one text field; nothing is written when it already holds `value`. */
export function setFrameText(doc: Y.Doc, key: FrameTextKey, value: string, origin: unknown = null): void {
  const map = frameMap(doc);
  const next = toNfc(value);
  if (map.get(key) === next) return;
  doc.transact(() => map.set(key, next), origin);
}

/** The recipients array, created when the room has none yet (a report made before recipients existed). */
function recipientArray(doc: Y.Doc): Y.Array<string> {
  const map = frameMap(doc);
  const current = map.get(RECIPIENTS);
  if (current instanceof Y.Array) return current as Y.Array<string>;
  const created = new Y.Array<string>();
  map.set(RECIPIENTS, created);
  return created;
}

/** Replaces the recipient at `index` (one delete and one insert, in one transaction). */
export function setRecipient(doc: Y.Doc, index: number, value: string, origin: unknown = null): void {
  doc.transact(() => {
    const list = recipientArray(doc);
    const next = toNfc(value);
    if (index < 0 || index >= list.length || list.get(index) === next) return;
    list.delete(index, 1);
    list.insert(index, [next]);
  }, origin);
}

/** Inserts a recipient at `index` (clamped to the list). */
export function insertRecipient(doc: Y.Doc, index: number, value = '', origin: unknown = null): void {
  doc.transact(() => {
    const list = recipientArray(doc);
    list.insert(Math.max(0, Math.min(index, list.length)), [toNfc(value)]);
  }, origin);
}

/** Removes the recipient at `index`. */
export function removeRecipient(doc: Y.Doc, index: number, origin: unknown = null): void {
  doc.transact(() => {
    const list = recipientArray(doc);
    if (index >= 0 && index < list.length) list.delete(index, 1);
  }, origin);
}

/**
 * Where a new recipient goes: before the closing "Lưu: VT, …" line when the list ends with one (it stays
 * last, PL I "Nơi nhận"), otherwise at the end.
 */
export function newRecipientIndex(recipients: readonly string[]): number {
  const last = recipients[recipients.length - 1];
  return last !== undefined && /^\s*[-–]?\s*Lưu\b/iu.test(last.normalize('NFC')) ? recipients.length - 1 : recipients.length;
}

/** Calls `listener` after every change of the frame (any field, the recipients); returns the unsubscribe. */
export function watchFrame(doc: Y.Doc, listener: () => void): () => void {
  const map = frameMap(doc);
  const observer = () => listener();
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}
