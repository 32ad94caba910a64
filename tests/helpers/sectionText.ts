/** Reading and editing a section's body (a ProseMirror-shaped `Y.XmlFragment`) the way an editor does. */
import * as Y from 'yjs';
import { SECTION_FRAGMENT } from '../../common/rooms.js';

/** The body fragment of a section room. */
export function body(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SECTION_FRAGMENT);
}

/** All text of a section, paragraphs separated by newlines. */
export function sectionText(doc: Y.Doc): string {
  const lines: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as Array<{ insert?: unknown }>;
      lines.push(delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
      return;
    }
    for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText);
  };
  visit(body(doc));
  return lines.join('\n');
}

/** Appends a paragraph with `text` and returns its text node. */
export function appendParagraph(doc: Y.Doc, text = ''): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText(text);
  paragraph.insert(0, [content]);
  body(doc).push([paragraph]);
  return content;
}
