/**
 * What the office's browser copy of a frame room holds that the server's frame does not, as text: shown
 * to copy when the person may no longer write the frame (their role changed while edits were unsent), so
 * that those edits are not silently dropped. Only the parts the person changed and the server lacks are
 * given (unsentParts.ts), not what others changed on the server meanwhile. Pure: two documents in, text out.
 */
import type * as Y from 'yjs';
import { FRAME_TEXT_KEYS, readFrame, type FrameFields, type FrameTextKey } from '../../../common/frame.js';
import { FRAME_MAP, PREAMBLE_FRAGMENT } from '../../../common/rooms.js';
import type { TallyRow } from '../../../common/tallyProse.js';
import { unsentParts } from '../collab/unsentParts.js';
import { bodyBlocks } from '../editor/bodyText.js';

/** A field of the frame, or its recipients. */
export type KeptFrameKey = FrameTextKey | 'recipients';

/** The kept frame's text that differs from the server's. */
export interface KeptFrameText {
  /** Each field whose kept value is not the server's, with the kept value (FRAME_TEXT_KEYS's order, recipients last). */
  fields: Array<{ key: KeptFrameKey; value: string }>;
  /** The opening paragraphs as kept, block by block, when their text is not the server's; empty otherwise. */
  preamble: string[];
}

/** The recipients as one line: "Sở Nội vụ; Lưu: VT". */
function recipientsLine(frame: FrameFields): string {
  return frame.recipients.join('; ');
}

function sameBlocks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((block, index) => block === b[index]);
}

/**
 * The text of `local` (the browser copy) that `server` (the room as the server has it) lacks: each field
 * the copy changed unsent whose value is not the server's, and the whole opening paragraphs when the copy
 * changed them unsent and their text is not the server's. A field the person emptied is listed with ''.
 * @param tallyText The sentence of an award tally's rows (see bodyText.ts).
 */
export function keptFrameText(local: Y.Doc, server: Y.Doc, tallyText: (rows: readonly TallyRow[]) => string): KeptFrameText {
  const unsent = unsentParts(local, server);
  const changed = (key: KeptFrameKey) => unsent.has(`${FRAME_MAP}/${key}`);
  const kept = readFrame(local);
  const theirs = readFrame(server);
  const fields: KeptFrameText['fields'] = FRAME_TEXT_KEYS.filter((key) => changed(key) && kept[key] !== theirs[key]).map((key) => ({
    key,
    value: kept[key],
  }));
  if (changed('recipients') && recipientsLine(kept) !== recipientsLine(theirs)) fields.push({ key: 'recipients', value: recipientsLine(kept) });
  if (!unsent.has(PREAMBLE_FRAGMENT)) return { fields, preamble: [] };
  const keptPreamble = bodyBlocks(local.getXmlFragment(PREAMBLE_FRAGMENT), tallyText);
  const serverPreamble = bodyBlocks(server.getXmlFragment(PREAMBLE_FRAGMENT), tallyText);
  return { fields, preamble: sameBlocks(keptPreamble, serverPreamble) ? [] : keptPreamble };
}

/**
 * The kept text as paragraphs to show and copy: "<field>: <value>" for each field, then the name of the
 * opening paragraphs and each of them.
 * @param label The name of a field as the page shows it.
 * @param preambleLabel The name of the opening paragraphs.
 */
export function keptFrameBlocks(kept: KeptFrameText, label: (key: KeptFrameKey) => string, preambleLabel: string): string[] {
  const blocks = kept.fields.map(({ key, value }) => `${label(key)}: ${value}`);
  if (kept.preamble.length > 0) blocks.push(`${preambleLabel}:`, ...kept.preamble);
  return blocks;
}
