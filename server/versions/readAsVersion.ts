/**
 * Makes a room's live document read as a version of it (issue 10, item 5: restoring is a new change, not
 * a rewind), as the smallest edit that does it, so that every open editor receives it as an ordinary update
 * and nothing of Yjs's history is rewritten:
 *
 * - a fragment (a section's `body`, the frame's `preamble`): its top-level nodes are matched with the
 *   version's (sequenceDiff.ts, nodes compared by their XML); the ones that differ are deleted and the
 *   version's inserted as copies. A paragraph the restore does not change stays the same Yjs item, so
 *   someone typing in it meanwhile keeps what they typed.
 * - the frame map: keys the version lacks are deleted, keys whose value differs are set (a `Y.Array` such
 *   as `recipients` as a copy of the version's).
 *
 * Pure: two documents in, the first changed; call it inside the room's transaction.
 */
import * as Y from 'yjs';
import { FRAME_MAP, PREAMBLE_FRAGMENT, SECTION_FRAGMENT, type RoomPart } from '../../common/rooms.js';
import { diffSequences } from '../../common/sequenceDiff.js';

/** What y-prosemirror puts in a fragment: an element per node, a text per run of text (never a hook). */
type FragmentChild = Y.XmlElement | Y.XmlText;

/** A node's identity for matching: its XML, attributes and marks included. */
function nodeKey(node: FragmentChild): string {
  return `${node instanceof Y.XmlText ? 'text' : 'element'}:${node.toString()}`;
}

/** An unattached copy of a node of another document, to insert into this one. */
function copyOf(node: FragmentChild): FragmentChild {
  return node.clone() as FragmentChild;
}

/** Makes `target`'s children read as `source`'s; true when anything changed. */
export function readFragmentAs(target: Y.XmlFragment, source: Y.XmlFragment): boolean {
  const current = target.toArray() as FragmentChild[];
  const wanted = source.toArray() as FragmentChild[];
  const runs = diffSequences(current.map(nodeKey), wanted.map(nodeKey));
  let changed = false;
  // From the end, so that each run's place in `target` is still where the diff found it.
  for (const run of [...runs].reverse()) {
    if (run.op === 'delete') target.delete(run.aStart, run.count);
    if (run.op === 'insert') target.insert(run.aStart, wanted.slice(run.bStart, run.bStart + run.count).map(copyOf));
    if (run.op !== 'equal') changed = true;
  }
  return changed;
}

/** Whether two map values read the same (a shared type by its JSON). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    return (
      a instanceof Y.AbstractType && b instanceof Y.AbstractType && a.constructor === b.constructor && JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON())
    );
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

/** Makes `target` hold exactly `source`'s keys and values; true when anything changed. */
export function readMapAs(target: Y.Map<unknown>, source: Y.Map<unknown>): boolean {
  let changed = false;
  for (const key of [...target.keys()]) {
    if (source.has(key)) continue;
    target.delete(key);
    changed = true;
  }
  for (const [key, value] of source.entries()) {
    if (target.has(key) && sameValue(target.get(key), value)) continue;
    target.set(key, value instanceof Y.AbstractType ? value.clone() : value);
    changed = true;
  }
  return changed;
}

/**
 * Makes `doc`, a room holding `part` of a report, read as `version` (the same room's document at some
 * earlier moment); true when anything changed. The review room is the server's mirror of the database and
 * is never restored.
 */
export function readAsVersion(doc: Y.Doc, version: Y.Doc, part: RoomPart): boolean {
  switch (part.kind) {
    case 'frame': {
      const frame = readMapAs(doc.getMap(FRAME_MAP), version.getMap(FRAME_MAP));
      const preamble = readFragmentAs(doc.getXmlFragment(PREAMBLE_FRAGMENT), version.getXmlFragment(PREAMBLE_FRAGMENT));
      return frame || preamble;
    }
    case 'section':
      return readFragmentAs(doc.getXmlFragment(SECTION_FRAGMENT), version.getXmlFragment(SECTION_FRAGMENT));
    case 'review':
      throw new Error('the review room mirrors the database and is not restored');
  }
}
