/**
 * A section's body, ProseMirror JSON in the editor's schema (common/editorSchema.ts), as the export's
 * blocks, node by node: the section heading "I. TITLE" (report metadata, not body text), items "1." and
 * points "a)" numbered as the editor shows them (common/numbering.ts, restarting in every section),
 * paragraphs with their marks, lists with their "- " or "1. " labels, quotations stepped in, award tallies
 * as a table and a sentence, tables cell by cell. Rooms are written by clients, so any shape is accepted: an
 * unknown node prints its text, a malformed one prints nothing; nothing here throws.
 */
import type { AwardCatalogue } from '../../common/awards.js';
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import { nextHeading, START_COUNT, type HeadingCount } from '../../common/numbering.js';
import { cleanText, upper } from './cleanText.js';
import { commentSplitter, NO_COMMENTS, type CommentSplitter } from './commentMarks.js';
import { placeSectionComments } from './commentPlacement.js';
import { plain, type Block, type ExportSection, type Inline, type ParagraphRole, type TableBlock, type TableCellBlock } from './exportModel.js';
import { tallyBlocks } from './tallyBlocks.js';
import { cleanSpan, MAX_TABLE_COLUMNS, placeCells } from './tableGrid.js';

/** What the walk through one section carries: the heading count, the blocks so far, where comments cut the text. */
interface Walk {
  count: HeadingCount;
  catalogue: AwardCatalogue;
  blocks: Block[];
  comments: CommentSplitter;
}

/** A bullet list item's label: a dash, as official documents write it (and the editor shows it). */
export const BULLET_LABEL = '- ';

/** Links the file may carry; anything else (javascript:, data:, …) prints as plain text. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const MAX_HREF_LENGTH = 2048;

function childrenOf(node: ProseMirrorJSON | undefined): ProseMirrorJSON[] {
  return node && Array.isArray(node.content) ? node.content.filter((child) => typeof child === 'object' && child !== null) : [];
}

/** A link's address as a URL serialiser writes it (spaces, quotes and brackets escaped), or null. */
function hrefOf(marks: ProseMirrorJSON['marks']): string | null {
  const link = Array.isArray(marks) ? marks.find((mark) => mark?.type === 'link') : undefined;
  const href = cleanText(link?.attrs?.href).trim();
  if (!SAFE_HREF.test(href) || href.length > MAX_HREF_LENGTH) return null;
  try {
    return new URL(href).href;
  } catch {
    return null;
  }
}

/**
 * A text node as runs: its marks kept, line feeds inside it made line breaks, cut where a comment's range
 * starts or ends (with the comment's mark between the pieces).
 */
function textInlines(node: ProseMirrorJSON, comments: CommentSplitter): Inline[] {
  const marks = new Set(Array.isArray(node.marks) ? node.marks.map((mark) => mark?.type) : []);
  const style = {
    bold: marks.has('bold'),
    italic: marks.has('italic'),
    underline: marks.has('underline'),
    strike: marks.has('strike'),
    href: hrefOf(node.marks),
  };
  const out: Inline[] = [];
  for (const piece of comments.split(node)) {
    if (typeof piece !== 'string') {
      out.push(piece);
      continue;
    }
    cleanText(piece).split('\n').forEach((line, index) => {
      if (index > 0) out.push({ kind: 'break' });
      if (line !== '') out.push(plain(line, style));
    });
  }
  return out;
}

/** The runs of a textblock; inline nodes the schema does not know give their text. */
function inlinesOf(node: ProseMirrorJSON, comments: CommentSplitter): Inline[] {
  const out: Inline[] = [];
  for (const child of childrenOf(node)) {
    if (child.type === 'hardBreak') out.push({ kind: 'break' });
    else if (typeof child.text === 'string') out.push(...textInlines(child, comments));
    else out.push(...inlinesOf(child, comments));
  }
  return out;
}

const hasText = (inlines: readonly Inline[]) => inlines.some((inline) => inline.kind === 'text' && /\S/.test(inline.text));

function pushParagraph(walk: Walk, role: ParagraphRole, depth: number, inlines: Inline[]): void {
  walk.blocks.push({ kind: 'paragraph', role, depth, inlines });
}

/** A numbered heading: "1. Title" (an item) or "a) …" (a point), counted even when it has no text. */
function visitHeading(node: ProseMirrorJSON, depth: number, walk: Walk): void {
  const level = node.attrs?.level === 3 ? 3 : 2;
  const { label, count } = nextHeading(walk.count, level);
  walk.count = count;
  const inlines = inlinesOf(node, walk.comments);
  const labelled = hasText(inlines) ? [plain(`${label} `), ...inlines] : [plain(label)];
  pushParagraph(walk, level === 2 ? 'item' : 'point', depth, labelled);
}

/**
 * A list's items; an item's label goes on its first paragraph (as the editor draws it, `li > p:first-child`),
 * and nested lists step in one level. An item with no text prints nothing.
 */
function visitList(node: ProseMirrorJSON, depth: number, walk: Walk, ordered: boolean): void {
  const start = Number.isInteger(node.attrs?.start) ? (node.attrs!.start as number) : 1;
  childrenOf(node).forEach((item, index) => {
    const label = ordered ? `${start + index}. ` : BULLET_LABEL;
    const content = item.type === 'listItem' ? childrenOf(item) : [item];
    content.forEach((child, position) => {
      const first = walk.blocks.length;
      visitBlock(child, depth, walk, 'listItem');
      const block = walk.blocks[first];
      if (position === 0 && child.type === 'paragraph' && block?.kind === 'paragraph') block.inlines.unshift(plain(label));
    });
  });
}

function visitBlock(node: ProseMirrorJSON, depth: number, walk: Walk, role: ParagraphRole = 'body'): void {
  switch (node.type) {
    case 'paragraph': {
      const inlines = inlinesOf(node, walk.comments);
      // Empty paragraphs print nothing: the space between paragraphs is the layout's (PL I, 6 pt).
      if (hasText(inlines)) pushParagraph(walk, role, depth, inlines);
      return;
    }
    case 'heading':
      return visitHeading(node, depth, walk);
    case 'bulletList':
    case 'orderedList':
      return visitList(node, role === 'listItem' ? depth + 1 : depth, walk, node.type === 'orderedList');
    case 'listItem':
      return visitList({ type: 'bulletList', content: [node] }, depth, walk, false);
    case 'blockquote':
      for (const child of childrenOf(node)) visitBlock(child, depth + 1, walk);
      return;
    case 'horizontalRule':
      walk.blocks.push({ kind: 'rule' });
      return;
    case 'awardTally':
      walk.blocks.push(...tallyBlocks(node, walk.catalogue, depth));
      return;
    case 'awardRow':
      walk.blocks.push(...tallyBlocks({ type: 'awardTally', content: [node] }, walk.catalogue, depth));
      return;
    case 'table':
      return visitTable(node, depth, walk);
    default:
      return visitUnknown(node, depth, walk, role);
  }
}

const CELL_TYPES = new Set(['tableCell', 'tableHeader']);

/** The editor's width of each column a cell spans (its `colwidth`), null where it has none. */
function colwidthOf(cell: ProseMirrorJSON, colspan: number): Array<number | null> {
  const widths: unknown = cell.attrs?.colwidth;
  return Array.from({ length: colspan }, (_, index) => {
    const width = Array.isArray(widths) ? (widths[index] as unknown) : null;
    return typeof width === 'number' && Number.isFinite(width) && width > 0 ? width : null;
  });
}

/**
 * One cell's blocks. Headings in it go on counting with the section's (the editor's counters run through
 * tables too). Comments are not marked inside tables: those whose text is in one are pinned to the
 * section's heading (commentPlacement.ts), as are those whose text was deleted.
 */
function cellBlocks(content: readonly ProseMirrorJSON[], walk: Walk): Block[] {
  const inner: Walk = { count: walk.count, catalogue: walk.catalogue, blocks: [], comments: NO_COMMENTS };
  for (const child of content) visitBlock(child, 0, inner);
  walk.count = inner.count;
  return inner.blocks;
}

/** A cell as the export reads it; anything that is not a cell is a cell holding it, so its text prints. */
function visitCell(node: ProseMirrorJSON, rowsLeft: number, walk: Walk): TableCellBlock {
  const isCell = CELL_TYPES.has(node.type);
  const colspan = isCell ? cleanSpan(node.attrs?.colspan, MAX_TABLE_COLUMNS) : 1;
  const align = node.attrs?.align;
  return {
    header: node.type === 'tableHeader',
    colspan,
    rowspan: isCell ? cleanSpan(node.attrs?.rowspan, rowsLeft) : 1,
    colwidth: isCell ? colwidthOf(node, colspan) : [null],
    align: align === 'left' || align === 'center' || align === 'right' ? align : null,
    blocks: cellBlocks(isCell ? childrenOf(node) : [node], walk),
  };
}

/**
 * A table, row by row. Cells past Word's last column give their blocks to the cell before them; a table
 * with no cell prints nothing.
 */
function visitTable(node: ProseMirrorJSON, depth: number, walk: Walk): void {
  const sourceRows = childrenOf(node).map((row) => (row.type === 'tableRow' ? childrenOf(row) : [row]));
  const cells = sourceRows.map((row, index) => row.map((cell) => visitCell(cell, sourceRows.length - index, walk)));
  const { columns, starts } = placeCells(cells);
  const rows = cells.map((row, rowIndex) => {
    const kept: TableCellBlock[] = [];
    row.forEach((cell, index) => {
      const start = starts[rowIndex]![index]!;
      if (start < 0) {
        kept[kept.length - 1]?.blocks.push(...cell.blocks);
        return;
      }
      const colspan = Math.min(cell.colspan, MAX_TABLE_COLUMNS - start);
      kept.push({ ...cell, colspan, colwidth: cell.colwidth.slice(0, colspan) });
    });
    return kept;
  });
  if (columns === 0) return;
  const table: TableBlock = { kind: 'table', depth, columns, rows };
  walk.blocks.push(table);
}

/** A node the schema does not have: its text, as a paragraph, or its children, as blocks. */
function visitUnknown(node: ProseMirrorJSON, depth: number, walk: Walk, role: ParagraphRole): void {
  const children = childrenOf(node);
  const inline = typeof node.text === 'string' || node.type === 'hardBreak' || children.every((child) => typeof child.text === 'string' || child.type === 'hardBreak');
  if (!inline) {
    for (const child of children) visitBlock(child, depth, walk, role);
    return;
  }
  const inlines = inlinesOf({ type: 'paragraph', content: [node] }, walk.comments);
  if (hasText(inlines)) pushParagraph(walk, role, depth, inlines);
}

/** The section heading: "I. CÔNG TÁC THAM MƯU…", upper case (PL I, "Nội dung văn bản"). */
export function sectionHeading(section: Pick<ExportSection, 'number' | 'title'>): Block {
  const text = `${cleanText(section.number).trim()}. ${upper(cleanText(section.title).trim())}`.trim();
  return { kind: 'paragraph', role: 'sectionHeading', depth: 0, inlines: [plain(text)] };
}

/** A body's blocks after `lead` (a heading, or nothing). Items and points are counted from 1 in each body. */
function bodyBlocks(
  body: ProseMirrorJSON | null | undefined,
  catalogue: AwardCatalogue,
  lead: Block[],
  comments: CommentSplitter = NO_COMMENTS,
): Block[] {
  const walk: Walk = { count: START_COUNT, catalogue, blocks: lead, comments };
  const root = body && typeof body === 'object' ? body : { type: 'doc' };
  const top = root.type === 'doc' ? childrenOf(root) : [root];
  for (const node of top) visitBlock(node, 0, walk);
  return walk.blocks;
}

/** One section as blocks: its heading, then its body; its comments, if any, marked on the text they cover. */
export function sectionBlocks(section: ExportSection, catalogue: AwardCatalogue): Block[] {
  const comments = section.comments ?? [];
  const blocks = bodyBlocks(section.body, catalogue, [sectionHeading(section)], commentSplitter(section.body, comments));
  return placeSectionComments(blocks, comments);
}

/** The opening paragraphs before section I, without a heading. */
export function preambleBlocks(preamble: ProseMirrorJSON, catalogue: AwardCatalogue): Block[] {
  return bodyBlocks(preamble, catalogue, []);
}
