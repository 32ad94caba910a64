/**
 * The server stores NFC whatever a client sends (issue 12, item 5; ND30.md: TCVN 6909:2001 is precomposed
 * Unicode). The browser's editor normalises what its person types (client/src/editor/nfcNormalize.ts), but
 * any y-websocket client can store decomposed text ("e" + U+0302 + U+0323 for "ệ"). After a client's edit is
 * stored (the registry's `onStored`), a section's body, the opening paragraphs and the frame's fields are
 * looked at once the room has been quiet for a moment; what is not NFC is replaced by its NFC form as a
 * server change (stored, then sent to everyone), only the part that changes ({@link nfcChange}), marks kept.
 *
 * Why wait for quiet: an input method may hold a word decomposed while it composes it, and the person's own
 * editor normalises it when the composition ends. Rewriting that word under the input method would break
 * it, and two rewrites of the same letters at once (the editor's and the server's) would leave it twice.
 * Every stored edit of the room restarts the wait, so a word being typed is left to its editor.
 */
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import { nfcChange } from '../../common/nfc.js';
import { FRAME_MAP, parseRoomName, PREAMBLE_FRAGMENT, SECTION_FRAGMENT, type RoomPart } from '../../common/rooms.js';
import type { RoomRegistry } from './roomRegistry.js';

/** How long a room stays without a stored edit before its text is looked at, in ms. */
export const NFC_QUIET_MS = 1500;

/** One replacement inside a `Y.XmlText`: the letters `[index, index + length)` become `insert`. */
interface TextRepair {
  text: Y.XmlText;
  index: number;
  length: number;
  insert: string;
  attributes: Record<string, unknown>;
}

/** The repairs a text needs, last first (so earlier indexes stay valid while they are made). */
function textRepairs(text: Y.XmlText): TextRepair[] {
  const repairs: TextRepair[] = [];
  let index = 0;
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string') {
      index += 1;
      continue;
    }
    const change = nfcChange(op.insert);
    if (change !== null) {
      repairs.push({ text, index: index + change.start, length: change.end - change.start, insert: change.insert, attributes: op.attributes ?? {} });
    }
    index += op.insert.length;
  }
  return repairs.reverse();
}

/** Every text of a fragment that is not NFC, walked without recursion (a hostile body may nest deeply). */
function fragmentRepairs(fragment: Y.XmlFragment): TextRepair[] {
  const repairs: TextRepair[] = [];
  const stack: unknown[] = [fragment];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node instanceof Y.XmlText) repairs.push(...textRepairs(node));
    else if (node instanceof Y.XmlFragment || node instanceof Y.XmlElement) stack.push(...node.toArray());
  }
  return repairs;
}

/** The frame's fields that are not NFC: string keys, and recipients by index. */
function frameRepairs(doc: Y.Doc): { keys: string[]; recipients: number[] } {
  const frame = doc.getMap<unknown>(FRAME_MAP);
  const keys = [...frame.entries()].flatMap(([key, value]) => (typeof value === 'string' && nfcChange(value) !== null ? [key] : []));
  const list = frame.get('recipients');
  const recipients =
    list instanceof Y.Array ? list.toArray().flatMap((value, index) => (typeof value === 'string' && nfcChange(value) !== null ? [index] : [])) : [];
  return { keys, recipients };
}

/** The fragments of a room that hold editor text. */
function fragmentsOf(doc: Y.Doc, part: RoomPart): Y.XmlFragment[] {
  switch (part.kind) {
    case 'section':
      return [doc.getXmlFragment(SECTION_FRAGMENT)];
    case 'frame':
      return [doc.getXmlFragment(PREAMBLE_FRAGMENT)];
    case 'review':
      return [];
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * True when every character is one NFC keeps and none is a mark: below U+0300 (ASCII, Latin-1, Latin
 * Extended A and B, spacing modifiers), Vietnamese's precomposed letters (U+1EA0–U+1EFF), and the
 * replacement character that the update's non-text bytes mostly decode to. Nearly every keystroke; the
 * rest is judged by the regular expression and `normalize`.
 */
function plainlyNfc(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x300 || (code >= 0x1ea0 && code <= 0x1eff) || code === 0xfffd) continue;
    return false;
  }
  return true;
}

/**
 * False when a stored update can leave no text out of NFC: it inserts no combining mark and no string that
 * NFC would change (Yjs writes strings as UTF-8, so the update's bytes read as UTF-8 hold them whole; the
 * rest of its bytes are noise that only rarely looks like a mark, costing one needless look). A lone mark
 * typed after a letter stored earlier counts. One case it cannot see: a deletion that brings a letter and a mark stored separately together.
 */
export function mayNotBeNfc(update: Uint8Array): boolean {
  const text = utf8.decode(update);
  if (plainlyNfc(text)) return false;
  return /\p{M}/u.test(text) || text !== text.normalize('NFC');
}

/** True when some text of the room's document is not NFC. */
export function needsNfcRepair(doc: Y.Doc, part: RoomPart): boolean {
  if (part.kind === 'review') return false;
  if (fragmentsOf(doc, part).some((fragment) => fragmentRepairs(fragment).length > 0)) return true;
  if (part.kind !== 'frame') return false;
  const frame = frameRepairs(doc);
  return frame.keys.length > 0 || frame.recipients.length > 0;
}

/** Brings every text of the room's document to NFC; call it inside a transaction. Returns how many texts changed. */
export function repairNfc(doc: Y.Doc, part: RoomPart): number {
  let changed = 0;
  for (const fragment of fragmentsOf(doc, part)) {
    for (const repair of fragmentRepairs(fragment)) {
      repair.text.delete(repair.index, repair.length);
      repair.text.insert(repair.index, repair.insert, repair.attributes);
      changed += 1;
    }
  }
  if (part.kind !== 'frame') return changed;
  const frame = doc.getMap<unknown>(FRAME_MAP);
  const { keys, recipients } = frameRepairs(doc);
  for (const key of keys) frame.set(key, (frame.get(key) as string).normalize('NFC'));
  const list = frame.get('recipients');
  if (list instanceof Y.Array) {
    for (const index of recipients) {
      const value = (list.get(index) as string).normalize('NFC');
      list.delete(index, 1);
      list.insert(index, [value]);
    }
  }
  return changed + keys.length + recipients.length;
}

export interface NfcRepairDeps {
  registry: Pick<RoomRegistry, 'withRoom'>;
  logger: FastifyBaseLogger;
  /** How long a room must be quiet before it is looked at; {@link NFC_QUIET_MS} by default. */
  quietMs?: number;
  /**
   * True once the report is being issued (`Freezes.isHeld`): its rooms never change again, not even by the
   * server. Asked just before the change is queued, so it lands before the freeze or not at all.
   */
  isFrozen?: (reportId: string) => boolean;
}

export interface NfcRepair {
  /**
   * The room hook: an edit of `room` (`update`, when known) was stored and `doc` holds it. Returns at once;
   * never throws.
   */
  noteStoredEdit(room: string, doc: Y.Doc, update?: Uint8Array): void;
}

export function createNfcRepair({ registry, logger, quietMs = NFC_QUIET_MS, isFrozen = () => false }: NfcRepairDeps): NfcRepair {
  /** Rooms waiting to be quiet, with when each was last edited (ms since the epoch). */
  const waiting = new Map<string, { lastEdit: number }>();

  const repair = async (name: string, reportId: string, part: RoomPart, doc: Y.Doc) => {
    // The room unloaded meanwhile (its document is destroyed after its final flush): nothing to look at,
    // and loading it again for this would be wasted.
    if (doc.isDestroyed || isFrozen(reportId) || !needsNfcRepair(doc, part)) return;
    await registry.withRoom(name, async (room) => {
      if (isFrozen(reportId)) return;
      await room.applyServerChange((live) => {
        const changed = repairNfc(live, part);
        if (changed > 0) logger.info({ room: name, texts: changed }, 'stored text brought to NFC');
      });
    });
  };

  return {
    noteStoredEdit(room, doc, update) {
      // Nearly every edit is NFC: the whole document is looked at only after one that may not be, and then
      // once the room is quiet (every later edit restarts that wait: it only notes the time, on the hot path).
      const pending = waiting.get(room);
      if (pending) {
        pending.lastEdit = Date.now();
        return;
      }
      if (update !== undefined && !mayNotBeNfc(update)) return;
      const name = parseRoomName(room);
      if (name === null || name.part.kind === 'review') return;
      const { reportId, part } = name;
      const entry = { lastEdit: Date.now() };
      waiting.set(room, entry);
      const wait = (ms: number) => {
        // A wait for quiet never keeps the process alive.
        setTimeout(() => {
          const quietFor = Date.now() - entry.lastEdit;
          if (quietFor < quietMs) return wait(quietMs - quietFor);
          waiting.delete(room);
          repair(room, reportId, part, doc).catch((error: unknown) => logger.warn({ err: error, room }, 'could not bring the room’s text to NFC'));
        }, ms).unref();
      };
      wait(quietMs);
    },
  };
}
