/**
 * A table of the body in Word (issue 12, item 2): a real `w:tbl` as wide as the space it sits in (the text
 * column, less the indent of the lists or quotations around it), single black grid lines, a little padding
 * in each cell, columns in the editor's proportions (even when it has none), header rows bold and repeated
 * on every page the table runs over. What the cells hold is drawn by the caller (renderBody.ts), which
 * knows paragraphs.
 */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { TableBlock, TableCellBlock } from './exportModel.js';
import { BODY, MAX_INDENT_LEVELS, TEXT_COLOR } from './layout.js';
import { hairline } from './spacer.js';
import { columnWidths, placeCells } from './tableGrid.js';

/**
 * Grid lines: single, `w:sz` 4 (eighths of a point: ½ pt), black — the award tally's and Word's own
 * "Table Grid".
 */
export const TABLE_BORDER_EIGHTHS = 4;

/** Padding inside each cell, in twips: 2 pt above and below, 5 pt at the sides (Word's default side margin). */
export const TABLE_CELL_MARGIN = { top: 40, bottom: 40, left: 100, right: 100 } as const;

const line = { style: BorderStyle.SINGLE, size: TABLE_BORDER_EIGHTHS, color: TEXT_COLOR };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** Draws a cell's blocks in `width` twips (its text width, padding taken off). */
export type CellRenderer = (cell: TableCellBlock, width: number) => Array<Paragraph | Table>;

/** Each column's width in the editor, from the first cell that gives it. */
function editorWidths(block: TableBlock, starts: number[][]): Array<number | null> {
  const widths: Array<number | null> = Array.from({ length: block.columns }, () => null);
  block.rows.forEach((row, rowIndex) =>
    row.forEach((cell, index) => {
      const start = starts[rowIndex]![index]!;
      cell.colwidth.forEach((width, offset) => {
        if (width !== null && widths[start + offset] === null) widths[start + offset] = width;
      });
    }),
  );
  return widths;
}

/**
 * The grid columns of a row that neither its own cells nor cells merged down into it from above cover: a
 * short row is filled with empty cells there (always after its last own cell), so every row spans the grid.
 */
function freeColumns(block: TableBlock, starts: number[][], rowIndex: number): number[] {
  const covered = new Set<number>();
  block.rows.slice(0, rowIndex + 1).forEach((row, index) =>
    row.forEach((cell, position) => {
      if (index + cell.rowspan <= rowIndex) return;
      const start = starts[index]![position]!;
      for (let column = start; column < start + cell.colspan; column += 1) covered.add(column);
    }),
  );
  return Array.from({ length: block.columns }, (_, column) => column).filter((column) => !covered.has(column));
}

/** The leading rows made only of header cells: Word repeats them at the top of every page. */
function headerRowCount(block: TableBlock): number {
  const index = block.rows.findIndex((row) => row.length === 0 || row.some((cell) => !cell.header));
  return index === -1 ? block.rows.length : index;
}

/** A cell's content; a Word cell must hold a paragraph, and end with one. */
function cellChildren(cell: TableCellBlock, width: number, render: CellRenderer): Array<Paragraph | Table> {
  const children = render(cell, Math.max(0, width - TABLE_CELL_MARGIN.left - TABLE_CELL_MARGIN.right));
  if (children.length === 0 || children[children.length - 1] instanceof Table) children.push(new Paragraph({}));
  return children;
}

const EMPTY_CELL: TableCellBlock = { header: false, colspan: 1, rowspan: 1, colwidth: [null], align: null, blocks: [] };

/** The table's rows in Word: each cell as wide as the columns it spans, short rows filled, header rows marked. */
function tableRows(block: TableBlock, starts: number[][], columns: number[], render: CellRenderer): TableRow[] {
  const headers = headerRowCount(block);
  const cell = (content: TableCellBlock, start: number) => {
    const cellWidth = columns.slice(start, start + content.colspan).reduce((sum, each) => sum + each, 0);
    return new TableCell({
      width: { size: cellWidth, type: WidthType.DXA },
      columnSpan: content.colspan > 1 ? content.colspan : undefined,
      rowSpan: content.rowspan > 1 ? content.rowspan : undefined,
      children: cellChildren(content, cellWidth, render),
    });
  };
  return block.rows.map((row, rowIndex) => {
    const cells = [
      ...row.map((content, index) => cell(content, starts[rowIndex]![index]!)),
      ...freeColumns(block, starts, rowIndex).map((column) => cell(EMPTY_CELL, column)),
    ];
    const header = rowIndex < headers;
    return new TableRow({ tableHeader: header || undefined, cantSplit: header || undefined, children: cells });
  });
}

/**
 * The table in Word, after the space that separates paragraphs (a table has none of its own).
 * @param available The width it may take, in twips: the text column, or the cell it is nested in.
 */
export function renderTable(block: TableBlock, available: number, render: CellRenderer): Array<Paragraph | Table> {
  const { starts } = placeCells(block.rows);
  const indent = Math.min(block.depth, MAX_INDENT_LEVELS) * BODY.levelIndent;
  const width = Math.max(available - indent, 0);
  const columns = columnWidths(editorWidths(block, starts), width);
  return [
    hairline(BODY.spacingBefore, 0, { keepNext: true }),
    new Table({
      width: { size: width, type: WidthType.DXA },
      indent: indent > 0 ? { size: indent, type: WidthType.DXA } : undefined,
      columnWidths: columns,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      margins: TABLE_CELL_MARGIN,
      rows: tableRows(block, starts, columns, render),
    }),
  ];
}
