/**
 * A text fragment (a section's `body`, the frame's `preamble`) as the checker reads it: its blocks in
 * document order — each paragraph and heading with its text, wherever it sits (in a list item, a quote, a
 * table cell), and each award tally with its rows. A block's index in this list is how findings and fixes
 * name it, on the server and in the browser alike.
 */
import * as Y from 'yjs';
import { plainText } from '../anchors.js';
import { cleanCount, type TallyRow } from '../tallyProse.js';

/** The nodes whose content is text (StarterKit's names, CONTRACT.md "Rooms"). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);
const TALLY = 'awardTally';
const TALLY_ROW = 'awardRow';

export interface TextBlock {
  kind: 'text';
  index: number;
  node: 'paragraph' | 'heading';
  /** A heading's level (2: "1.", 3: "a)"); 0 for a paragraph. */
  level: number;
  /** NFC; a line break (`hardBreak`) is "\n", anything else that is not text U+FFFC. */
  text: string;
  /** The nodes it sits in, outermost first (`bulletList`, `listItem`, `table`, …); empty at the top. */
  inside: readonly string[];
}

export interface TallyBlock {
  kind: 'tally';
  index: number;
  rows: readonly TallyRow[];
  inside: readonly string[];
}

export type Block = TextBlock | TallyBlock;

/** A fragment's child: an element or a run of text. */
type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The text of a paragraph or heading element: its runs, line breaks as "\n". */
export function elementText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child: Node) => {
      if (child instanceof Y.XmlText) return plainText(child);
      if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') return '\n';
      return '\uFFFC';
    })
    .join('');
}

function tallyRows(element: Y.XmlElement): TallyRow[] {
  return element
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === TALLY_ROW)
    .map((row) => ({
      award: String(row.getAttribute('award') ?? ''),
      collectives: cleanCount(row.getAttribute('collectives')),
      individuals: cleanCount(row.getAttribute('individuals')),
    }));
}

/** Calls `visit` with each block element of `parent` in document order, and what it sits in. */
export function walkBlocks(parent: Y.XmlFragment | Y.XmlElement, visit: (element: Y.XmlElement, inside: readonly string[]) => void, inside: readonly string[] = []): void {
  for (const child of parent.toArray() as Node[]) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (TEXT_BLOCKS.has(child.nodeName) || child.nodeName === TALLY) visit(child, inside);
    else walkBlocks(child, visit, [...inside, child.nodeName]);
  }
}

/** The blocks of a fragment, in document order. */
export function readBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  walkBlocks(fragment, (element, inside) => {
    const index = blocks.length;
    if (element.nodeName === TALLY) {
      blocks.push({ kind: 'tally', index, rows: tallyRows(element), inside });
      return;
    }
    const heading = element.nodeName === 'heading';
    const level = heading ? Number(element.getAttribute('level') ?? 2) || 2 : 0;
    blocks.push({ kind: 'text', index, node: heading ? 'heading' : 'paragraph', level, text: elementText(element).normalize('NFC'), inside });
  });
  return blocks;
}

/** The element of the block at `index` (as {@link readBlocks} counts), or null. */
export function blockElement(fragment: Y.XmlFragment, index: number): Y.XmlElement | null {
  let found: Y.XmlElement | null = null;
  let count = 0;
  walkBlocks(fragment, (element) => {
    if (count === index) found = element;
    count += 1;
  });
  return found;
}

/** Whether a block holds something a reader reads: text that is not blank, or a tally with rows. */
export function hasContent(block: Block): boolean {
  return block.kind === 'tally' ? block.rows.length > 0 : block.text.trim() !== '';
}
