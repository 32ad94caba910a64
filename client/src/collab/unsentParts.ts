/**
 * Where in a document a browser copy holds changes the server lacks: which root types — and, in a root
 * map, which keys — its unsent insertions and deletions fall in. `holdsUnsentChanges` (localCopy.ts) says
 * whether there are any; this says where, so that a page shows only what the person changed, not every
 * difference from a server that others kept writing meanwhile.
 */
import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** A part of a document: a root type's name, or `<root map>/<key>` for a value of a root map. */
export type PartName = string;

/** The part `item` belongs to (see {@link PartName}), climbing from nested types to the root. */
function partOf(item: Y.Item): PartName | null {
  let top = item;
  while (top.parent instanceof Y.AbstractType && top.parent._item !== null) top = top.parent._item;
  if (!(top.parent instanceof Y.AbstractType)) return null;
  const root = Y.findRootTypeKey(top.parent);
  return top.parentSub === null ? root : `${root}/${top.parentSub}`;
}

/** Whether the server never deleted some clock of `item` (which the copy deleted) that it knows. */
function deletionUnsent(item: Y.Item, serverDeletes: DeleteSet, known: number): boolean {
  const { client, clock } = item.id;
  for (let offset = 0; offset < item.length && clock + offset < known; offset += 1) {
    if (!Y.isDeleted(serverDeletes, Y.createID(client, clock + offset))) return true;
  }
  return false;
}

/**
 * The parts of `local` (a browser copy) that hold changes `server` (a document synced with the server)
 * lacks: content it never received, or deletions it never applied.
 */
export function unsentParts(local: Y.Doc, server: Y.Doc): Set<PartName> {
  const serverState = Y.decodeStateVector(Y.encodeStateVector(server));
  const serverDeletes = Y.createDeleteSetFromStructStore(server.store);
  const parts = new Set<PartName>();
  local.store.clients.forEach((structs, client) => {
    const known = serverState.get(client) ?? 0;
    for (const struct of structs) {
      // GC structs: content of a type deleted as a whole, whose own deletion is counted where it is.
      if (!(struct instanceof Y.Item)) continue;
      const unsentInsertion = struct.id.clock + struct.length > known;
      if (!unsentInsertion && !(struct.deleted && deletionUnsent(struct, serverDeletes, known))) continue;
      const part = partOf(struct);
      if (part !== null) parts.add(part);
    }
  });
  return parts;
}
