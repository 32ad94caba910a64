/**
 * An award tally in the export (DESIGN.md: "The tally renders both as a table and as the prose that
 * reports use"): a table of award forms with their counts and a total row, then the sentence
 * `tallyProse` writes from the same rows.
 */
import type { AwardCatalogue } from '../../common/awards.js';
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import { cleanCount, tallyProse, tallyTotals, type TallyRow } from '../../common/tallyProse.js';
import { cleanText } from './cleanText.js';
import { plain, type Block, type TallyBlock } from './exportModel.js';
import { TALLY_HEADINGS, TALLY_TOTAL_LABEL } from '../../common/nd30Text.js';


/** The rows of an `awardTally` node (its `awardRow` children); other children are ignored. */
export function tallyRows(node: ProseMirrorJSON): TallyRow[] {
  const children = Array.isArray(node.content) ? node.content : [];
  return children
    .filter((child) => child && child.type === 'awardRow')
    .map((child) => ({
      award: cleanText(child.attrs?.award),
      collectives: cleanCount(child.attrs?.collectives),
      individuals: cleanCount(child.attrs?.individuals),
    }));
}

/** The award's official name from the catalogue; an id the catalogue does not know prints as itself (so it shows). */
function awardName(id: string, catalogue: AwardCatalogue): string {
  return cleanText(catalogue.forms.find((form) => form.id === id)?.name ?? id);
}

/**
 * The table, every row as the editor shows it (a row with no award yet prints blank), and, when any row
 * counts something, the prose paragraph.
 */
export function tallyBlocks(node: ProseMirrorJSON, catalogue: AwardCatalogue, depth: number): Block[] {
  const rows = tallyRows(node);
  const table: TallyBlock = {
    kind: 'tally',
    rows: rows.map((row) => ({ ...row, award: awardName(row.award, catalogue) })),
    total: tallyTotals(rows),
  };
  const prose = cleanText(tallyProse(rows, catalogue));
  return prose === '' ? [table] : [table, { kind: 'paragraph', role: 'body', depth, inlines: [plain(prose)] }];
}

/** A count as the table prints it: blank for none. */
export function tallyCell(count: number): string {
  return count > 0 ? String(count) : '';
}

/** The table's cells, row by row, as text: what a reader of the file finds in it. */
export function tallyCells(block: TallyBlock): string[][] {
  return [
    [...TALLY_HEADINGS],
    ...block.rows.map((row, index) => [String(index + 1), row.award, tallyCell(row.collectives), tallyCell(row.individuals)]),
    ['', TALLY_TOTAL_LABEL, String(block.total.collectives), String(block.total.individuals)],
  ];
}
