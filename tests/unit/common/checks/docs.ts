/** Rooms' documents for the checker's tests: a frame and sections written from ProseMirror JSON, as the server seeds them. */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { sectionSchema, type ProseMirrorJSON } from '../../../../common/editorSchema.js';
import type { FrameFields } from '../../../../common/frame.js';
import { FRAME_MAP, PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../../../../common/rooms.js';
import { frame as cleanFrame } from './support.js';

type Marks = Array<{ type: string }>;
export const text = (value: string, marks?: Marks): ProseMirrorJSON => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
export const p = (...content: Array<string | ProseMirrorJSON>): ProseMirrorJSON => ({
  type: 'paragraph',
  content: content.filter((item) => item !== '').map((item) => (typeof item === 'string' ? text(item) : item)),
});
export const h = (value: string, level = 2): ProseMirrorJSON => ({ type: 'heading', attrs: { level }, content: [text(value)] });
export const doc = (...content: ProseMirrorJSON[]): ProseMirrorJSON => ({ type: 'doc', content });

/** A frame room's document: the fields (clean unless changed) and the opening paragraphs. */
export function frameDoc(fields: Partial<FrameFields> = {}, preamble: ProseMirrorJSON = doc(p('Thực hiện Kế hoạch số 12/KH-UBND.'))): Y.Doc {
  const ydoc = new Y.Doc();
  const { recipients, ...rest } = cleanFrame(fields);
  const map = ydoc.getMap<unknown>(FRAME_MAP);
  for (const [key, value] of Object.entries(rest)) map.set(key, value);
  map.set('recipients', Y.Array.from(recipients));
  prosemirrorJSONToYXmlFragment(sectionSchema, preamble, ydoc.getXmlFragment(PREAMBLE_FRAGMENT));
  return ydoc;
}

/** A section room's document holding `body`. */
export function sectionDoc(body: ProseMirrorJSON): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(sectionSchema, body, ydoc.getXmlFragment(SECTION_FRAGMENT));
  return ydoc;
}

/** A copy of a document through an update, as another browser holds it. */
export function replica(source: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
  source.on('update', (update: Uint8Array) => Y.applyUpdate(copy, update));
  return copy;
}
