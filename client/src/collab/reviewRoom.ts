/**
 * The review room (`<reportId>/review`), written only by the server, read by every page of the report.
 * The keys this client reads (see server/collab/reviewRoom.ts for the full list):
 *
 * - `Y.Map` `owners`: section id → the id of the department that owns it, `''` for none. The server
 *   writes it whenever the office assigns a section, so owners and write access change live.
 */
import type * as Y from 'yjs';
import { OWNERS_MAP } from '../../../common/rooms.js';

/** The owner of each section the room names (`null`: "Chưa giao"); sections it does not name are left out. */
export function readOwners(doc: Y.Doc): Map<string, string | null> {
  const owners = new Map<string, string | null>();
  doc.getMap<unknown>(OWNERS_MAP).forEach((value, sectionId) => {
    if (typeof value === 'string') owners.set(sectionId, value === '' ? null : value);
  });
  return owners;
}

/** Calls `listener` after each change of the owners; returns the unsubscribe function. */
export function watchOwners(doc: Y.Doc, listener: () => void): () => void {
  const owners = doc.getMap<unknown>(OWNERS_MAP);
  owners.observe(listener);
  return () => owners.unobserve(listener);
}
