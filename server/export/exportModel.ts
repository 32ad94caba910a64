/**
 * The export's document model: what a report prints, as plain data, between the rooms and the Word file
 * (DESIGN.md, "Export": report → document model → .docx). Building it is pure and testable with fixtures;
 * only `renderBody.ts` and `frameBlocks.ts` know about Word.
 */
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import type { FrameFields } from '../../common/frame.js';
import type { ReportStatus } from '../../common/report.js';

/** One main section as the export reads it: its Roman number and title (report metadata) and its body. */
export interface ExportSection {
  /** "I", "II", … */
  number: string;
  title: string;
  /** The section room's body, as ProseMirror JSON (a `doc` node). */
  body: ProseMirrorJSON;
  /** The review's open comments on this section, when the export carries them (`?comments=1`). */
  comments?: AnchoredComment[];
}

/** A review comment as the Word file carries it (`w:comment` in comments.xml). */
export interface ExportComment {
  /** Its `w:id`, unique in the file: what its range marks and reference point at. */
  id: number;
  /** Who wrote it, as Word shows it: "Lê Văn Nam (Phòng Nội vụ)". */
  author: string;
  initials: string;
  /** When it was written (ISO 8601); null when the stored date does not read as one. */
  date: string | null;
  /** Its text, one entry a paragraph: the comment (or suggestion), then each reply. */
  paragraphs: string[];
}

/**
 * A comment with the text it covers, in characters of the section body's text (every text node in document
 * order, nothing between them), `[from, to)`; null when its text was deleted: it is then pinned to the
 * start of the section's heading.
 */
export interface AnchoredComment extends ExportComment {
  range: { from: number; to: number } | null;
}

/** Everything the export needs, read from the store once (`loadReport.ts`). */
export interface ExportInput {
  status: ReportStatus;
  frame: FrameFields;
  /** The opening paragraphs before section I (the frame room's `preamble` fragment), as a `doc` node. */
  preamble: ProseMirrorJSON;
  sections: ExportSection[];
  /** The year printed in a date that is still blank ("ngày     tháng     năm 2024"). */
  year: number;
}

/** A run of text with its marks. */
export interface TextInline {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** A web or mail address the text links to, or null. */
  href: string | null;
}

/** A line break inside a paragraph (the editor's `hardBreak`). */
export interface BreakInline {
  kind: 'break';
}

/**
 * Where a comment's range starts or ends among a paragraph's runs (Word's `w:commentRangeStart` and
 * `w:commentRangeEnd`, the end followed by the comment's reference mark). Prints nothing itself.
 */
export interface CommentMark {
  kind: 'commentStart' | 'commentEnd';
  /** The {@link ExportComment.id} it belongs to. */
  id: number;
}

export type Inline = TextInline | BreakInline | CommentMark;

/** Whether a run is a comment's start or end mark. */
export function isCommentMark(inline: Inline): inline is CommentMark {
  return inline.kind === 'commentStart' || inline.kind === 'commentEnd';
}

/**
 * What a paragraph is, which decides its style: the section's "I. TITLE", an item "1. …" (bold), a point
 * "a) …", running text, or a list item ("- …", "1. …").
 */
export type ParagraphRole = 'sectionHeading' | 'item' | 'point' | 'body' | 'listItem';

export interface ParagraphBlock {
  kind: 'paragraph';
  role: ParagraphRole;
  /** How many lists or quotations it sits in: each steps it in by one indent. */
  depth: number;
  /** Its text; a number or list label ("1. ", "a) ", "- ") is the first run. */
  inlines: Inline[];
}

/** One row of an award tally's table: the award's name and its counts. */
export interface TallyTableRow {
  award: string;
  collectives: number;
  individuals: number;
}

/** An award tally printed as a table (its prose follows as a paragraph). */
export interface TallyBlock {
  kind: 'tally';
  rows: TallyTableRow[];
  total: { collectives: number; individuals: number };
}

/** A horizontal rule (the editor's `horizontalRule`). */
export interface RuleBlock {
  kind: 'rule';
}

/** One cell of a table: what it holds, as blocks, and the grid columns and rows it covers. */
export interface TableCellBlock {
  /** A `tableHeader` cell: printed bold and centred. */
  header: boolean;
  colspan: number;
  rowspan: number;
  /** The editor's widths of the columns it spans, in screen pixels (its `colwidth`), where it has them. */
  colwidth: Array<number | null>;
  /** Its alignment in the editor (`align`); null: the default, centred for a header and left otherwise. */
  align: 'left' | 'center' | 'right' | null;
  /** Its paragraphs, lists, nested tables, …; a cell with no text has none. */
  blocks: Block[];
}

/** A table (the editor's `table`): rows of cells, laid on a grid of `columns` columns. */
export interface TableBlock {
  kind: 'table';
  /** How many lists or quotations it sits in: each steps it in by one indent. */
  depth: number;
  /** The grid's width in columns (the widest row, counting cells merged down from rows above). */
  columns: number;
  rows: TableCellBlock[][];
}

export type Block = ParagraphBlock | TallyBlock | RuleBlock | TableBlock;

/** A plain run of text, no marks. */
export function plain(text: string, marks: Partial<Omit<TextInline, 'kind' | 'text'>> = {}): TextInline {
  return { kind: 'text', text, bold: false, italic: false, underline: false, strike: false, href: null, ...marks };
}

/** The text of a paragraph, line breaks as "\n" (comment marks print nothing). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'break' ? '\n' : '')).join('');
}
