/**
 * Helpers of the version tests (issue 10, item 5): editing a section's paragraphs as an editor would, and
 * waiting until the store holds an edit.
 */
import * as Y from 'yjs';
import { sectionRoom } from '../../../common/rooms.js';
import { body } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import type { WorkflowFixture } from './support.js';

/** A text node's characters, without its marks. */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The text node of the section's top-level paragraph whose text contains `words`. */
export function paragraphWith(doc: Y.Doc, words: string): Y.XmlText {
  for (const node of body(doc).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== 'paragraph') continue;
    const text = node.get(0);
    if (text instanceof Y.XmlText && plain(text).includes(words)) return text;
  }
  throw new Error(`no paragraph contains "${words}"`);
}

/** Replaces `before` with `after` inside the paragraph that contains `before`, as typing over it does. */
export function replaceWords(doc: Y.Doc, before: string, after: string): void {
  const text = paragraphWith(doc, before);
  const at = plain(text).indexOf(before);
  doc.transact(() => {
    text.delete(at, before.length);
    text.insert(at, after);
  });
}

/** Deletes the section's top-level paragraph whose text contains `words`. */
export function deleteParagraph(doc: Y.Doc, words: string): void {
  const text = paragraphWith(doc, words);
  const fragment = body(doc);
  fragment.delete(fragment.toArray().indexOf(text.parent as Y.XmlElement), 1);
}

/** Resolves once the store holds a section's text for which `holds` is true. */
export async function storedSection(f: WorkflowFixture, reportId: string, sectionId: string, holds: (text: string) => boolean): Promise<void> {
  const room = sectionRoom(reportId, sectionId);
  await waitFor(async () => holds(await storedText(f.server.store, room)), { what: `the stored text of ${room}` });
}
