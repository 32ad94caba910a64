/**
 * The footer after the body (PL I, "Vị trí trình bày", ô 9a, 7a–7c): a borderless two-column table kept on
 * one page — left, "Nơi nhận:" (12, bold italic) and the recipients (11, each "- …;", the last "- …."); right,
 * the authority and title lines (bold, upper case), room for the signature and seal, the signer's name
 * (bold) — both columns starting on the same line.
 */
import {
  AlignmentType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { recipientLines, signatureLines, type FrameFields } from '../../common/frame.js';
import { cleanText } from './cleanText.js';
import { fieldLines, frameLine, frameSpacing } from './frameBlocks.js';
import { keepTogether } from './nonBreaking.js';
import { hairline } from './spacer.js';
import { FOOTER_COLUMNS, FOOTER_SPACING_BEFORE, FRAME_CELL_MARGIN, SIGNATURE_SPACE_LINES, SIZE } from './layout.js';
import { RECIPIENTS_LABEL } from '../../common/nd30Text.js';


function footerCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: FRAME_CELL_MARGIN, right: FRAME_CELL_MARGIN, top: 0, bottom: 0 },
    children,
  });
}

/**
 * "Nơi nhận:" and the recipient lines, left-aligned. The label's line is as high as the authority's beside
 * it, so the two are level (PL I, ô 9a beside 7a).
 */
function recipientParagraphs(frame: FrameFields): Paragraph[] {
  const recipients = recipientLines(frame.recipients.map(cleanText)).map(keepTogether);
  return [
    frameLine(RECIPIENTS_LABEL, { size: SIZE.recipientsLabel, bold: true, italic: true, lineOf: SIZE.signature }, AlignmentType.LEFT),
    ...recipients.map((line) => frameLine(line, { size: SIZE.recipients }, AlignmentType.LEFT)),
  ];
}

/** The signature block, centred: authority and title, blank lines for the signature, the name. */
function signatureParagraphs(frame: FrameFields): Paragraph[] {
  const authority = signatureLines({ signAuthority: cleanText(frame.signAuthority), signTitle: cleanText(frame.signTitle) }).map(keepTogether);
  const blank = () => new Paragraph({ spacing: frameSpacing({ size: SIZE.signature }), run: { size: SIZE.signature } });
  return [
    ...authority.map((line) => frameLine(line, { size: SIZE.signature, bold: true })),
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, blank),
    ...fieldLines(frame.signerName).map((line) => frameLine(line, { size: SIZE.signerName, bold: true })),
  ];
}

/** A small space after the body, kept with the footer so the signature never stands alone on a page. */
function spacer(): Paragraph {
  return hairline(FOOTER_SPACING_BEFORE, 0, { keepNext: true });
}

/** The footer: a spacer and the table. */
export function footerBlocks(frame: FrameFields): Array<Paragraph | Table> {
  const [left, right] = FOOTER_COLUMNS;
  return [
    spacer(),
    new Table({
      width: { size: left + right, type: WidthType.DXA },
      columnWidths: [left, right],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [footerCell(left, recipientParagraphs(frame)), footerCell(right, signatureParagraphs(frame))],
        }),
      ],
    }),
  ];
}
