/**
 * Judges a client's document update before any of it touches the room (issue 8: a refused message changes
 * nothing). `Y.applyUpdate` integrates structs as it reads them, so an update whose tail is broken would be
 * half-applied: it must decode whole first. And an update may lean on content the room does not have yet —
 * normal when a client types while its sync step 2 is still on the way — which Yjs would keep in the
 * document's pending set, unstored, where a snapshot or a newcomer's sync would pick it up: such an update
 * waits outside the document (room.ts) until what it needs has arrived.
 */
import * as Y from 'yjs';

/**
 * ok: apply it — `fresh` when every struct it holds is new to the room, continuing exactly where the room's
 * state of its client ends (typing: the common case), so what it adds is the update itself; incomplete: it
 * needs content the room lacks; malformed: refuse it (4400).
 */
export type UpdateVerdict = { kind: 'ok'; fresh: boolean } | { kind: 'incomplete' } | { kind: 'malformed'; reason: string };

const FRESH: UpdateVerdict = { kind: 'ok', fresh: true };
const OVERLAPPING: UpdateVerdict = { kind: 'ok', fresh: false };
const INCOMPLETE: UpdateVerdict = { kind: 'incomplete' };

/** Decodes a whole update (structs and delete set); null when it does not decode. */
export function decodeWhole(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> | null {
  try {
    return Y.decodeUpdate(update);
  } catch {
    return null;
  }
}

/**
 * Next clock per client once the update is in: the document's state plus what the update adds,
 * contiguously. Only the clients the update names are looked up (a hot path: every keystroke).
 */
class Extents {
  private readonly added = new Map<number, number>();
  /** Structs added so far. */
  count = 0;
  /** False once a struct started before the end of what the room (or the update) already had. */
  private continuous = true;

  /** At least one struct, and every one new: the update adds exactly what it holds. */
  get fresh(): boolean {
    return this.count > 0 && this.continuous;
  }

  constructor(private readonly doc: Y.Doc) {}

  next(client: number): number {
    return this.added.get(client) ?? Y.getState(this.doc.store, client);
  }

  /** Adds a struct; false when it leaves a gap (a Skip, or a clock past what the room has). */
  add(struct: Y.Item | Y.GC | Y.Skip): boolean {
    if (struct instanceof Y.Skip) return false;
    const { client, clock } = struct.id;
    const next = this.next(client);
    if (clock > next) return false;
    if (clock < next) this.continuous = false;
    this.count++;
    this.added.set(client, Math.max(next, clock + struct.length));
    return true;
  }

  /** True when `id` is in the document or the update (or there is no id). */
  has(id: Y.ID | null): boolean {
    return id === null || id.clock < this.next(id.client);
  }
}

/**
 * Checks that `update` decodes completely and that everything it refers to — origins, parents, deleted
 * ranges — is in the room's document or in the update itself.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  const decoded = decodeWhole(update);
  if (!decoded) return { kind: 'malformed', reason: 'the update does not decode' };
  const extents = new Extents(doc);
  for (const struct of decoded.structs) if (!extents.add(struct)) return INCOMPLETE;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!extents.has(struct.origin) || !extents.has(struct.rightOrigin) || !extents.has(parent)) return INCOMPLETE;
  }
  for (const [client, deletes] of decoded.ds.clients) {
    const end = extents.next(client);
    for (const { clock, len } of deletes) if (clock + len > end) return INCOMPLETE;
  }
  return extents.fresh ? FRESH : OVERLAPPING;
}
