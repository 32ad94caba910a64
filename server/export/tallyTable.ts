/**
 * An award tally's table in Word: "TT", the award form, collectives, individuals; a header row repeated on
 * every page the table runs over, and a bold total row.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { TallyBlock } from './exportModel.js';
import { BODY, SIZE, TALLY_BORDER_EIGHTHS, TALLY_CELL_MARGIN, TALLY_COLUMNS, TEXT_COLOR, TIGHT } from './layout.js';
import { hairline } from './spacer.js';
import { tallyCells } from './tallyBlocks.js';

const line = { style: BorderStyle.SINGLE, size: TALLY_BORDER_EIGHTHS, color: TEXT_COLOR };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** The award's column is read as text, left-aligned; the others are numbers, centred. */
const alignmentOf = (column: number) => (column === 1 ? AlignmentType.LEFT : AlignmentType.CENTER);

function cell(text: string, column: number, bold: boolean): TableCell {
  return new TableCell({
    width: { size: TALLY_COLUMNS[column]!, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: TALLY_CELL_MARGIN,
    children: [
      new Paragraph({
        alignment: bold && column === 1 ? AlignmentType.CENTER : alignmentOf(column),
        spacing: TIGHT,
        children: [new TextRun({ text, bold: bold || undefined, size: SIZE.table })],
      }),
    ],
  });
}

/** The table of one tally, after the space that separates paragraphs (a table has none of its own). */
export function tallyTable(block: TallyBlock): Array<Paragraph | Table> {
  const rows = tallyCells(block);
  const last = rows.length - 1;
  return [
    hairline(BODY.spacingBefore, 0, { keepNext: true }),
    new Table({
      width: { size: TALLY_COLUMNS.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
      columnWidths: TALLY_COLUMNS,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      rows: rows.map(
        (cells, index) =>
          new TableRow({
            tableHeader: index === 0 || undefined,
            cantSplit: true,
            children: cells.map((text, column) => cell(text, column, index === 0 || index === last)),
          }),
      ),
    }),
  ];
}
