/**
 * The frame above the body, from the frame room's fields (PL I, "Vị trí trình bày các thành phần thể
 * thức", ô 1–5): a borderless two-column table — left, the parent agency (upright), the issuing agency
 * (bold) with a short rule and "Số: …"; right, the national name and the motto (bold) with a rule as long
 * as the motto, and the place and date (italic) on the line of "Số" — then the document type and the
 * subject, bold and centred, with a short rule.
 *
 * As printed (issue 12): every line an exact height that keeps stacked marks clear of the line above
 * (layout.ts, `FRAME_LINE_EM`), lines side by side in the two columns one height so their baselines are
 * level; a field's text held where it must not break (nonBreaking.ts) and broken by width, quoted names
 * whole (balancedLines.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { FrameFields } from '../../common/frame.js';
import { formatNumberLine, formatPlaceDate } from '../../common/nd30Format.js';
import { cleanText, upper } from './cleanText.js';
import {
  FRAME_CELL_MARGIN,
  frameLineTwips,
  HEADER_COLUMNS,
  HEADER_RULE_AFTER,
  RULE,
  SHORT_RULE_FRACTION,
  SIZE,
  TEXT_COLOR,
  TEXT_WIDTH,
  TIGHT,
  TITLE_SPACING,
} from './layout.js';
import { balancedLines } from './balancedLines.js';
import { keepTogether } from './nonBreaking.js';
import { hairline } from './spacer.js';
import { textWidth } from './textWidth.js';
import { NATIONAL_NAME, MOTTO } from '../../common/nd30Text.js';


/** How a line of the frame is set. */
export interface LineStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  /**
   * The text size (half-points) the line's height is measured for, when larger than `size`: lines set side
   * by side in the two columns (the national name beside the agency, "Nơi nhận:" beside the authority)
   * share one height, so their baselines are level.
   */
  lineOf?: number;
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A frame line's spacing: none around it, an exact height that keeps stacked marks clear (layout.ts). */
export function frameSpacing(style: Pick<LineStyle, 'size' | 'lineOf'>, before = 0) {
  return { before, after: 0, line: frameLineTwips(Math.max(style.size, style.lineOf ?? 0)), lineRule: LineRuleType.EXACT };
}

/** A centred paragraph of the frame; several lines are joined by line breaks. */
export function frameLine(text: string | readonly string[], style: LineStyle, alignment: Alignment = AlignmentType.CENTER): Paragraph {
  const lines = typeof text === 'string' ? [text] : text;
  return new Paragraph({
    alignment,
    spacing: frameSpacing(style),
    children: lines.map(
      (line, index) =>
        new TextRun({ text: line, size: style.size, bold: style.bold || undefined, italics: style.italic || undefined, break: index > 0 ? 1 : undefined }),
    ),
  });
}

/** A field's lines, each broken to fit `available` as a typist would (see balancedLines.ts). */
export function fittedLines(value: string, style: LineStyle, available: number): string[] {
  return fieldLines(value).flatMap((line) => balancedLines(line, style.size, style.bold ?? false, available));
}

/**
 * A solid rule `length` twips long, centred in `available`: an empty, tiny paragraph whose bottom border
 * runs between its indents (Word draws a paragraph border from the left to the right indent). Being below
 * a 2 pt line, it never touches the text above.
 */
export function ruleParagraph(length: number, available: number, after = 0): Paragraph {
  const inset = Math.max(0, Math.round((available - Math.min(length, available)) / 2));
  return hairline(RULE.before, after, {
    indent: { left: inset, right: inset },
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE.widthEighths, color: TEXT_COLOR, space: RULE.spacePt } },
  });
}

/** The length of a short rule under `lines` set in `style` in a column `available` wide (PL I: 1/3–1/2). */
export function shortRuleLength(lines: readonly string[], style: LineStyle, available: number): number {
  const widest = Math.max(0, ...lines.map((line) => textWidth(line, style.size, style.bold ?? false)));
  return Math.round(Math.min(widest, available) * SHORT_RULE_FRACTION);
}

/** Non-empty lines of a frame field (a field may hold several, separated by "\n"), held where they must not break. */
export function fieldLines(value: string): string[] {
  return keepTogether(cleanText(value))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The header's first row: every line the height of 13 pt text, so the two columns' lines are level. */
const HEADER_ROW_LINE = Math.max(SIZE.parentAgency, SIZE.agency, SIZE.nationalName, SIZE.motto);
/** Its second row: "Số: …" beside the place and date. */
const NUMBER_ROW_LINE = Math.max(SIZE.numberLine, SIZE.placeDate);

const AGENCY: LineStyle = { size: SIZE.agency, bold: true, lineOf: HEADER_ROW_LINE };
const MOTTO_STYLE: LineStyle = { size: SIZE.motto, bold: true, lineOf: HEADER_ROW_LINE };

function frameCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: FRAME_CELL_MARGIN, right: FRAME_CELL_MARGIN, top: 0, bottom: 0 },
    children: children.length > 0 ? children : [new Paragraph({ spacing: TIGHT })],
  });
}

/** The left column's top: parent agency, issuing agency, its rule (ô 2). */
function agencyParagraphs(frame: FrameFields): Paragraph[] {
  const [width] = HEADER_COLUMNS;
  const parentStyle: LineStyle = { size: SIZE.parentAgency, lineOf: HEADER_ROW_LINE };
  const parent = fittedLines(upper(frame.parentAgency), parentStyle, width);
  const agency = fittedLines(upper(frame.agency), AGENCY, width);
  return [
    ...(parent.length > 0 ? [frameLine(parent, parentStyle)] : []),
    ...(agency.length > 0 ? [frameLine(agency, AGENCY), ruleParagraph(shortRuleLength(agency, AGENCY, width), width, HEADER_RULE_AFTER)] : []),
  ];
}

/** The right column's top: national name, motto, a rule as long as the motto (ô 1). */
function mottoParagraphs(): Paragraph[] {
  const [, width] = HEADER_COLUMNS;
  return [
    frameLine(NATIONAL_NAME, { size: SIZE.nationalName, bold: true, lineOf: HEADER_ROW_LINE }),
    frameLine(MOTTO, MOTTO_STYLE),
    ruleParagraph(textWidth(MOTTO, MOTTO_STYLE.size, true), width, HEADER_RULE_AFTER),
  ];
}

/** The header table. `year` fills a date not set yet ("ngày     tháng     năm 2024"). */
export function headerTable(frame: FrameFields, year: number): Table {
  const [left, right] = HEADER_COLUMNS;
  const numberLine = keepTogether(formatNumberLine(cleanText(frame.number), cleanText(frame.symbol).trim()));
  const placeDate = formatPlaceDate(cleanText(frame.place), cleanText(frame.date).trim(), year);
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [frameCell(left, agencyParagraphs(frame)), frameCell(right, mottoParagraphs())] }),
      new TableRow({
        children: [
          frameCell(left, [frameLine(numberLine, { size: SIZE.numberLine, lineOf: NUMBER_ROW_LINE })]),
          frameCell(right, [frameLine(placeDate, { size: SIZE.placeDate, italic: true, lineOf: NUMBER_ROW_LINE })]),
        ],
      }),
    ],
  });
}

/** A centred bold title paragraph, kept with what follows. */
function titleParagraph(lines: readonly string[], style: LineStyle, first: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: frameSpacing(style, first ? TITLE_SPACING.beforeType : 0),
    keepNext: true,
    children: lines.map((text, index) => new TextRun({ text, size: style.size, bold: true, break: index > 0 ? 1 : undefined })),
  });
}

/** The type ("BÁO CÁO") and the subject line with its rule (ô 5a, 5b). */
export function titleBlock(frame: FrameFields): Paragraph[] {
  const typeStyle: LineStyle = { size: SIZE.docType, bold: true };
  const subjectStyle: LineStyle = { size: SIZE.subject, bold: true };
  const type = fittedLines(upper(frame.docType), typeStyle, TEXT_WIDTH);
  const subject = fittedLines(frame.subject, subjectStyle, TEXT_WIDTH);
  const paragraphs: Paragraph[] = [];
  if (type.length > 0) paragraphs.push(titleParagraph(type, typeStyle, true));
  if (subject.length > 0) {
    paragraphs.push(titleParagraph(subject, subjectStyle, paragraphs.length === 0));
    paragraphs.push(ruleParagraph(shortRuleLength(subject, subjectStyle, TEXT_WIDTH), TEXT_WIDTH));
  }
  // The space between the title and the first heading.
  paragraphs.push(hairline(0, TITLE_SPACING.afterRule));
  return paragraphs;
}
