/**
 * The report as a Word file, a pure function of the export input (DESIGN.md, "Export"): one A4 section
 * with the margins of PL I, Times New Roman throughout, the header table, the title, the sections, the
 * footer table; page numbers centred at the top from page 2 (a first-page header without them, PL I "Số
 * trang"); "DỰ THẢO" at the top of page 1 until the report is issued.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import type { AwardCatalogue } from '../../common/awards.js';
import { preambleBlocks, sectionBlocks } from './bodyBlocks.js';
import { cleanText } from './cleanText.js';
import { withClosingMark } from './closingMark.js';
import { closeKeepingMarks } from './commentPlacement.js';
import type { Block, ExportInput } from './exportModel.js';
import { footerBlocks } from './footerBlocks.js';
import { headerTable, titleBlock } from './frameBlocks.js';
import { DRAFT_BOX, FONT, LANGUAGE, MARGIN, PAGE, SIZE, TEXT_COLOR, TIGHT } from './layout.js';
import { renderBody } from './renderBody.js';
import { commentsPart } from './renderComments.js';

/** What a draft's first page says at its top. */
export const DRAFT_MARK = 'DỰ THẢO';

/** The body of the report as blocks: the opening paragraphs, every section, then the closing "./.". */
export function exportBlocks(input: ExportInput, catalogue: AwardCatalogue): Block[] {
  return closeKeepingMarks(
    [...preambleBlocks(input.preamble, catalogue), ...input.sections.flatMap((section) => sectionBlocks(section, catalogue))],
    withClosingMark,
  );
}

/** Pages 2 and after: the page number, centred in the top margin (PL I, "Số trang": 13–14, upright). */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** Page 1: no number; a draft says so, boxed, at the top right. */
function firstPageHeader(draft: boolean): Header {
  const box = { style: BorderStyle.SINGLE, size: DRAFT_BOX.widthEighths, color: TEXT_COLOR, space: DRAFT_BOX.spacePt };
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: TIGHT,
        children: draft ? [new TextRun({ text: DRAFT_MARK, bold: true, size: SIZE.draftMark, border: box })] : [],
      }),
    ],
  });
}

/** The Word document of a report. */
export function buildDocument(input: ExportInput, catalogue: AwardCatalogue): Document {
  const draft = input.status !== 'issued';
  return new Document({
    creator: 'Đồng Soạn',
    // At most 255 characters, counted in code points so an emoji is never cut in half.
    title: Array.from(cleanText(input.frame.subject)).slice(0, 255).join(''),
    // The review's open comments, with `?comments=1` (issue 9); without them the file has no comments part.
    comments: commentsPart(input.sections.flatMap((section) => section.comments ?? [])),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, color: TEXT_COLOR, language: { value: LANGUAGE } },
          paragraph: { spacing: TIGHT },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        headers: { default: pageNumberHeader(), first: firstPageHeader(draft) },
        children: [
          headerTable(input.frame, input.year),
          ...titleBlock(input.frame),
          ...renderBody(exportBlocks(input, catalogue)),
          ...footerBlocks(input.frame),
        ],
      },
    ],
  });
}

/** The .docx bytes of a report. */
export async function buildDocx(input: ExportInput, catalogue: AwardCatalogue): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(input, catalogue));
}
