/**
 * What a report's rooms read as, for opening a version read-only and for comparing it with now (issue 10,
 * item 5): the frame's fields, then the opening paragraphs and each section as the Word export prints them
 * — the same walk (server/export/bodyBlocks.ts), so numbered headings, list labels and award tallies read
 * here exactly as in the file. Pure: rooms' stored bytes in, plain data out.
 */
import type { AwardCatalogue } from '../../common/awards.js';
import type { ReportGuidance } from '../../common/guidance.js';
import type { ContentBlock, VersionContent } from '../../common/api/versions.js';
import type { Report } from '../../common/report.js';
import { preambleBlocks, sectionBlocks } from '../export/bodyBlocks.js';
import { inlineText, type Block } from '../export/exportModel.js';
import { inputFromRooms, type StoredReportRooms } from '../export/loadReport.js';

/** The export's blocks as content: each paragraph's runs as its text (the section heading is not a block). */
export function contentBlocks(blocks: readonly Block[]): ContentBlock[] {
  return blocks.flatMap((block): ContentBlock[] => {
    switch (block.kind) {
      case 'paragraph':
        if (block.role === 'sectionHeading') return [];
        return [{ kind: 'paragraph', role: block.role, depth: block.depth, text: inlineText(block.inlines) }];
      case 'tally':
        return [{ kind: 'tally', rows: block.rows.map((row) => ({ ...row })), total: { ...block.total } }];
      case 'rule':
        return [{ kind: 'rule' }];
      case 'table':
        // A table reads as one line a row, its cells' text separated by " | ".
        return block.rows.map((row) => ({
          kind: 'paragraph',
          role: 'body',
          depth: block.depth,
          text: row.map((cell) => contentBlocks(cell.blocks).map(blockText).filter(Boolean).join('\n')).join(' | '),
        }));
    }
  });
}

/** A content block's text, for a table cell's line. */
function blockText(block: ContentBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'tally':
      return block.rows.map((row) => `${row.award}: ${row.collectives}, ${row.individuals}`).join('\n');
    case 'rule':
      return '';
  }
}

/**
 * The content of `report` as `rooms` hold it (the rooms now, or a version's); guidance still held as text
 * is left out when `guidance` is given, as the export leaves it out.
 */
export function reportContent(report: Report, rooms: StoredReportRooms, catalogue: AwardCatalogue, guidance: ReportGuidance | null = null): VersionContent {
  const input = inputFromRooms(report, rooms, new Date(), null, guidance);
  return {
    frame: input.frame,
    preamble: contentBlocks(preambleBlocks(input.preamble, catalogue)),
    sections: report.sections.map((section, index) => {
      const [heading, ...body] = sectionBlocks(input.sections[index]!, catalogue);
      return {
        id: section.id,
        number: section.number,
        title: section.title,
        heading: heading?.kind === 'paragraph' ? inlineText(heading.inlines) : `${section.number}. ${section.title}`,
        blocks: contentBlocks(body),
      };
    }),
  };
}
