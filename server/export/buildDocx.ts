/**
 * The report as a Word file, a pure function of the export input (DESIGN.md, "Export"): one A4 section
 * with the margins of PL I, Times New Roman throughout (named in the font table too), the header table, the
 * title, the sections, the footer table; page numbers centred at the top from page 2 (a first-page header
 * without them, PL I "Số trang"); "DỰ THẢO" at the top of page 1 until the report is issued. Every
 * paragraph keeps its first and last lines with the others (widow control), and numbers with their units
 * and symbols stay whole on a line (nonBreaking.ts).
 */
import { Document, Packer, PageOrientation } from 'docx';
import type { AwardCatalogue } from '../../common/awards.js';
import { preambleBlocks, sectionBlocks } from './bodyBlocks.js';
import { cleanText } from './cleanText.js';
import { withClosingMark } from './closingMark.js';
import { closeKeepingMarks } from './commentPlacement.js';
import type { Block, ExportInput } from './exportModel.js';
import { footerBlocks } from './footerBlocks.js';
import { fontTableOverride } from './fontTable.js';
import { headerTable, titleBlock } from './frameBlocks.js';
import { FONT, LANGUAGE, MARGIN, PAGE, SIZE, TEXT_COLOR, TIGHT } from './layout.js';
import { keepBlocksTogether } from './nonBreaking.js';
import { firstPageHeader, pageNumberHeader } from './pageHeaders.js';
import { renderBody } from './renderBody.js';
import { commentsPart } from './renderComments.js';
import { finishDocx } from './finishDocx.js';

export { DRAFT_MARK } from './pageHeaders.js';

/**
 * The body of the report as blocks: the opening paragraphs, every section, then the closing "./."; spaces
 * and hyphens that must not break held (nonBreaking.ts).
 */
export function exportBlocks(input: ExportInput, catalogue: AwardCatalogue): Block[] {
  return keepBlocksTogether(
    closeKeepingMarks(
      [...preambleBlocks(input.preamble, catalogue), ...input.sections.flatMap((section) => sectionBlocks(section, catalogue))],
      withClosingMark,
    ),
  );
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
          // Widow control is added to these defaults by finishDocx.ts.
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

/** The .docx bytes of a report: its font table filled, finished where docx cannot write (finishDocx.ts). */
export async function buildDocx(input: ExportInput, catalogue: AwardCatalogue): Promise<Buffer> {
  return finishDocx(await Packer.toBuffer(buildDocument(input, catalogue), false, [fontTableOverride()]));
}
