/**
 * Judges a client's document update before any of it touches the room (issue 8: a refused message changes
 * nothing). `Y.applyUpdate` integrates structs as it reads them, so an update whose tail is broken would be
 * half-applied: it must decode whole first. And an update may lean on content the room does not have yet —
 * normal when a client types while its sync step 2 is still on the way — which Yjs would keep in the
 * document's pending set, unstored, where a snapshot or a newcomer's sync would pick it up: such an update
 * waits outside the document (room.ts) until what it needs has arrived.
 */
import * as Y from 'yjs';
import { outlineUpdate, type UpdateOutline } from './updateScan.js';

/**
 * ok: apply it — `fresh` when every struct it holds is new to the room, continuing exactly where the room's
 * state of its client ends (typing: the common case), so what it adds is the update itself; incomplete: it
 * needs content the room lacks; malformed: refuse it (4400).
 */
export type UpdateVerdict = { kind: 'ok'; fresh: boolean } | { kind: 'incomplete' } | { kind: 'malformed'; reason: string };

const FRESH: UpdateVerdict = { kind: 'ok', fresh: true };
const OVERLAPPING: UpdateVerdict = { kind: 'ok', fresh: false };
const INCOMPLETE: UpdateVerdict = { kind: 'incomplete' };

/** The outline of an update as Yjs's own decoder reads it (structs and delete set); null when it does not decode. */
export function outlineByYjs(update: Uint8Array): UpdateOutline | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return null;
  }
  const outline: UpdateOutline = { structs: [], references: [], deletes: [] };
  for (const struct of decoded.structs) {
    outline.structs.push(struct.id.client, struct.id.clock, struct.length, struct instanceof Y.Skip ? 1 : 0);
    if (!(struct instanceof Y.Item)) continue;
    for (const id of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
      if (id) outline.references.push(id.client, id.clock);
    }
  }
  for (const [client, deletes] of decoded.ds.clients) for (const { clock, len } of deletes) outline.deletes.push(client, clock, len);
  return outline;
}

/**
 * What an update holds, read from its bytes (updateScan.ts) or, for content that reader leaves aside,
 * by Yjs's decoder; null when it does not decode whole.
 */
export function outlineOf(update: Uint8Array): UpdateOutline | null {
  const outline = outlineUpdate(update);
  if (outline === 'malformed') return null;
  if (outline !== null) return outline;
  return outlineByYjs(update);
}

/**
 * Next clock per client once the update is in: the document's state plus what the update adds,
 * contiguously. Only the clients the update names are looked up (a hot path: every keystroke).
 */
class Extents {
  private readonly added = new Map<number, number>();
  /** Structs added so far. */
  private count = 0;
  /** False once a struct started before the end of what the room (or the update) already had. */
  private continuous = true;

  constructor(private readonly doc: Y.Doc) {}

  /** At least one struct, and every one new: the update adds exactly what it holds. */
  get fresh(): boolean {
    return this.count > 0 && this.continuous;
  }

  next(client: number): number {
    return this.added.get(client) ?? Y.getState(this.doc.store, client);
  }

  /** Adds a struct; false when it leaves a gap (a Skip, or a clock past what the room has). */
  add(client: number, clock: number, length: number, skip: boolean): boolean {
    if (skip) return false;
    const next = this.next(client);
    if (clock > next) return false;
    if (clock < next) this.continuous = false;
    this.count++;
    this.added.set(client, Math.max(next, clock + length));
    return true;
  }

  /** True when the id is in the document or the update. */
  has(client: number, clock: number): boolean {
    return clock < this.next(client);
  }
}

/**
 * Checks that `update` decodes completely and that everything it refers to — origins, parents, deleted
 * ranges — is in the room's document or in the update itself.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  const outline = outlineOf(update);
  if (!outline) return { kind: 'malformed', reason: 'the update does not decode' };
  const { structs, references, deletes } = outline;
  const extents = new Extents(doc);
  for (let at = 0; at < structs.length; at += 4) {
    if (!extents.add(structs[at]!, structs[at + 1]!, structs[at + 2]!, structs[at + 3] === 1)) return INCOMPLETE;
  }
  for (let at = 0; at < references.length; at += 2) if (!extents.has(references[at]!, references[at + 1]!)) return INCOMPLETE;
  for (let at = 0; at < deletes.length; at += 3) if (deletes[at + 1]! + deletes[at + 2]! > extents.next(deletes[at]!)) return INCOMPLETE;
  return extents.fresh ? FRESH : OVERLAPPING;
}
