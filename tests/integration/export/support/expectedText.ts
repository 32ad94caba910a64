/**
 * What a reader should find in an exported file, paragraph by paragraph (reading order, table cells row by
 * row), built from the export input with the same pure functions the product prints with: the frame's
 * lines (common/nd30Format.ts, common/frame.ts) and the body's blocks (server/export).
 */
import type { AwardCatalogue } from '../../../../common/awards.js';
import { recipientLines, signatureLines } from '../../../../common/frame.js';
import { formatNumberLine, formatPlaceDate } from '../../../../common/nd30Format.js';
import { exportBlocks } from '../../../../server/export/buildDocx.js';
import { cleanText, upper } from '../../../../server/export/cleanText.js';
import { inlineText, type Block, type ExportInput } from '../../../../server/export/exportModel.js';
import { RECIPIENTS_LABEL } from '../../../../common/nd30Text.js';
import { MOTTO, NATIONAL_NAME } from '../../../../common/nd30Text.js';
import { tallyCells } from '../../../../server/export/tallyBlocks.js';
import { squash } from './docxFile.js';

export function expectedParagraphs(input: ExportInput, catalogue: AwardCatalogue): string[] {
  const frame = input.frame;
  const body = exportBlocks(input, catalogue).flatMap(function blockLines(block: Block): string[] {
    switch (block.kind) {
      case 'paragraph':
        return [inlineText(block.inlines)];
      case 'tally':
        return tallyCells(block).flat();
      case 'rule':
        return [];
      case 'table':
        return block.rows.flat().flatMap((cell) => cell.blocks.flatMap(blockLines));
    }
  });
  return [
    // The header table: row 1 (agency | national name and motto), row 2 (number | place and date).
    upper(cleanText(frame.parentAgency)),
    upper(cleanText(frame.agency)),
    NATIONAL_NAME,
    MOTTO,
    formatNumberLine(cleanText(frame.number), cleanText(frame.symbol).trim()),
    formatPlaceDate(cleanText(frame.place), cleanText(frame.date).trim(), input.year),
    upper(cleanText(frame.docType)),
    cleanText(frame.subject),
    ...body,
    RECIPIENTS_LABEL,
    ...recipientLines(frame.recipients.map(cleanText)),
    ...signatureLines({ signAuthority: cleanText(frame.signAuthority), signTitle: cleanText(frame.signTitle) }),
    cleanText(frame.signerName),
  ]
    .map(squash)
    .filter(Boolean);
}
