/**
 * The body's blocks as Word paragraphs and tables (native OOXML, no HTML): justified paragraphs with the
 * first-line indent, the space between paragraphs and the line spacing of PL I ("Nội dung văn bản"), bold
 * section headings and items, runs with their marks, award tallies and tables as bordered Word tables (a
 * table's cells hold the same blocks, set tighter: no first-line indent, single spacing, the tables' size).
 */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  LineRuleType,
  Paragraph,
  Tab,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
  type Table,
} from 'docx';
import { type Block, type Inline, type ParagraphBlock, type TableCellBlock, type TextInline } from './exportModel.js';
import { BODY, BODY_RULE_FRACTION, MAX_INDENT_LEVELS, RULE, SIZE, TEXT_COLOR, TEXT_WIDTH, TIGHT } from './layout.js';
import { renderCommentMark } from './renderComments.js';
import { renderTable } from './renderTable.js';
import { hairline } from './spacer.js';
import { tallyTable } from './tallyTable.js';

/** A run's text, tabs as Word tabs. */
function runChildren(text: string): Array<string | Tab> {
  const parts: Array<string | Tab> = [];
  text.split('\t').forEach((part, index) => {
    if (index > 0) parts.push(new Tab());
    if (part !== '') parts.push(part);
  });
  return parts;
}

/** One run; `bold` is the paragraph's own weight (items and headings are bold throughout). */
export function textRun(inline: TextInline, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    children: runChildren(inline.text),
    bold: inline.bold || undefined,
    italics: inline.italic || undefined,
    underline: inline.underline ? {} : undefined,
    strike: inline.strike || undefined,
    ...extra,
  });
}

/**
 * The runs of a paragraph; links to web or mail addresses stay links; comment marks become Word's.
 * @param size The runs' size in half-points, when not the document's (table cells).
 */
export function renderInlines(inlines: readonly Inline[], bold = false, size?: number): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    switch (inline.kind) {
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'commentStart':
      case 'commentEnd':
        return renderCommentMark(inline);
      case 'text': {
        const run = textRun(bold ? { ...inline, bold: true } : inline, size === undefined ? {} : { size });
        return [inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run];
      }
    }
  });
}

const BOLD_ROLES = new Set<ParagraphBlock['role']>(['sectionHeading', 'item']);

/** The paragraph properties every body paragraph shares (PL I, "Nội dung văn bản"). */
export function bodyParagraphOptions(depth: number) {
  return {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY.firstLineIndent, left: Math.min(depth, MAX_INDENT_LEVELS) * BODY.levelIndent },
    spacing: { before: BODY.spacingBefore, after: BODY.spacingAfter, line: BODY.lineSpacing, lineRule: LineRuleType.AUTO },
  };
}

function renderParagraph(block: ParagraphBlock, keepNext: boolean): Paragraph {
  return new Paragraph({
    ...bodyParagraphOptions(block.depth),
    // A heading is never left alone at the foot of a page.
    keepNext: keepNext || BOLD_ROLES.has(block.role) || undefined,
    children: renderInlines(block.inlines, BOLD_ROLES.has(block.role)),
  });
}

/** A horizontal rule: a centred line, a fraction of the text column long. */
function renderRule(): Paragraph {
  const inset = Math.round((TEXT_WIDTH * (1 - BODY_RULE_FRACTION)) / 2);
  return hairline(BODY.spacingBefore, 0, {
    indent: { left: inset, right: inset },
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE.widthEighths, color: TEXT_COLOR, space: RULE.spacePt } },
  });
}

/** Where blocks are drawn: the body's text column, or a table cell (its text width, and the cell). */
interface Place {
  width: number;
  cell: TableCellBlock | null;
  keepLastWithNext: boolean;
}

/** Space between two paragraphs of one cell: half the body's. */
const CELL_PARAGRAPH_GAP = BODY.spacingBefore / 2;

const CELL_ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A paragraph in a table cell: aligned as the cell is (a header centred), stepped in by its lists only. */
function renderCellParagraph(block: ParagraphBlock, cell: TableCellBlock, first: boolean): Paragraph {
  return new Paragraph({
    alignment: CELL_ALIGNMENT[cell.align ?? (cell.header ? 'center' : 'left')],
    indent: { left: Math.min(block.depth, MAX_INDENT_LEVELS) * BODY.levelIndent },
    spacing: { ...TIGHT, before: first ? 0 : CELL_PARAGRAPH_GAP },
    children: renderInlines(block.inlines, cell.header || BOLD_ROLES.has(block.role), SIZE.table),
  });
}

function renderBlocks(blocks: readonly Block[], place: Place): Array<Paragraph | Table> {
  return blocks.flatMap((block, index): Array<Paragraph | Table> => {
    const last = index === blocks.length - 1;
    switch (block.kind) {
      case 'paragraph':
        if (place.cell !== null) return [renderCellParagraph(block, place.cell, index === 0)];
        return [renderParagraph(block, place.keepLastWithNext && last)];
      case 'tally':
        return tallyTable(block);
      case 'rule':
        return [renderRule()];
      case 'table':
        return renderTable(block, place.width, (cell, width) => renderBlocks(cell.blocks, { width, cell, keepLastWithNext: false }));
    }
  });
}

/**
 * The blocks in Word. `keepLastWithNext` keeps the body's last paragraph on the page of what follows (the
 * footer table), so the signature never stands on a page without text (PL I).
 */
export function renderBody(blocks: readonly Block[], keepLastWithNext = true): Array<Paragraph | Table> {
  return renderBlocks(blocks, { width: TEXT_WIDTH, cell: null, keepLastWithNext });
}
