/**
 * The text of a section body — a `Y.XmlFragment` in the editor's schema (common/editorSchema.ts) — block
 * by block, for showing it outside an editor: each paragraph, heading or list item gives one block, an
 * award tally gives its sentence (common/tallyProse.ts).
 */
import * as Y from 'yjs';
import { cleanCount, type TallyRow } from '../../../common/tallyProse.js';

/** The text of an inline run: its strings, hard breaks as line breaks. */
function inlineText(children: ReadonlyArray<Y.XmlElement | Y.XmlText | Y.XmlHook>): string {
  let text = '';
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown }>) if (typeof op.insert === 'string') text += op.insert;
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') text += '\n';
  }
  return text;
}

function tallyRows(tally: Y.XmlElement): TallyRow[] {
  return tally.toArray().flatMap((row) => {
    if (!(row instanceof Y.XmlElement) || row.nodeName !== 'awardRow') return [];
    const attributes = row.getAttributes() as Record<string, unknown>;
    return [{ award: String(attributes.award ?? ''), collectives: cleanCount(attributes.collectives), individuals: cleanCount(attributes.individuals) }];
  });
}

/**
 * The blocks of `fragment`, in order, empty ones left out.
 * @param tallyText The sentence of an award tally's rows ('' when it cannot be written, e.g. without the
 *   award catalogue).
 */
export function bodyBlocks(fragment: Y.XmlFragment, tallyText: (rows: readonly TallyRow[]) => string): string[] {
  const blocks: string[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement): void => {
    if (node instanceof Y.XmlElement && node.nodeName === 'awardTally') {
      const sentence = tallyText(tallyRows(node));
      if (sentence !== '') blocks.push(sentence);
      return;
    }
    const children = node.toArray();
    if (children.some((child) => child instanceof Y.XmlText)) {
      const text = inlineText(children);
      if (text.trim() !== '') blocks.push(text);
      return;
    }
    for (const child of children) if (child instanceof Y.XmlElement) visit(child);
  };
  visit(fragment);
  return blocks;
}
