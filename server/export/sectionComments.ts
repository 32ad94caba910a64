/**
 * The review notes of one section as comments of the Word file (issue 9), read against the section's
 * document in the export worker: what each says, and the text its anchor covers now (none when that text
 * has been deleted).
 */
import type * as Y from 'yjs';
import { anchorReader } from './anchorOffsets.js';
import { exportComment } from './commentText.js';
import type { AnchoredComment } from './exportModel.js';
import type { ReviewNote } from './reviewNotes.js';

/**
 * The comments of section `sectionId` among `notes`; each note's `w:id` is its place in `notes`, unique in
 * the file whatever section it is on.
 */
export function sectionComments(doc: Y.Doc, sectionId: string, notes: readonly ReviewNote[]): AnchoredComment[] {
  const anchors = anchorReader(doc);
  return notes.flatMap((note, id) => {
    if (note.sectionId !== sectionId) return [];
    const range = anchors.rangeOf(note.anchor);
    return [{ ...exportComment(note, id, range === null), range }];
  });
}
