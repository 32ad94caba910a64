/**
 * An award tally's rows (CONTRACT.md: `awardTally` with `awardRow` children): a tally without rows, a row
 * that counts nobody (its award chosen or not), and a row without an award, or with one the catalogue does
 * not know, are errors. An empty row or tally is removed by its fix; a row that counts people but names no
 * award needs its award chosen by hand.
 */
import type { AwardCatalogue } from '../../awards.js';
import type { TallyRow } from '../../tallyProse.js';
import type { TallyBlock } from '../bodyBlocks.js';
import { sectionPart, type Finding } from '../finding.js';
import { finding, quoted, type Rule } from '../rule.js';

function rowFinding(part: string, tally: TallyBlock, row: TallyRow, index: number, catalogue: AwardCatalogue | null): Finding | null {
  const target = { kind: 'block', fragment: 'body', block: tally.index } as const;
  const base = { severity: 'error', clause: 'content', part, target, at: index } as const;
  const counts = row.collectives + row.individuals;
  const form = catalogue?.forms.find((candidate) => candidate.id === row.award);
  const award = form?.name ?? row.award;
  if (counts === 0) {
    const message = `Dòng ${index + 1} của bảng khen thưởng${award ? ` (${quoted(award)})` : ''} không có số tập thể, cá nhân nào.`;
    const fix = { kind: 'removeTallyRow', part, block: tally.index, row: index } as const;
    return finding({ ...base, rule: 'tally-row-empty', message, params: { row: index + 1, award }, fix });
  }
  if (row.award === '' || (catalogue !== null && form === undefined)) {
    const message = row.award === '' ? `Dòng ${index + 1} của bảng khen thưởng chưa chọn hình thức khen thưởng.` : `Dòng ${index + 1} của bảng khen thưởng có hình thức ${quoted(row.award)} không có trong danh mục.`;
    return finding({ ...base, rule: 'tally-row-award', message, params: { row: index + 1, award: row.award } });
  }
  return null;
}

function tallyFindings(part: string, tally: TallyBlock, catalogue: AwardCatalogue | null): Finding[] {
  if (tally.rows.length === 0) {
    const target = { kind: 'block', fragment: 'body', block: tally.index } as const;
    const fix = { kind: 'removeBlock', part, fragment: 'body', block: tally.index, text: '' } as const;
    return [finding({ rule: 'tally-empty', severity: 'error', clause: 'content', part, target, message: 'Bảng khen thưởng chưa có dòng nào.', fix })];
  }
  return tally.rows.flatMap((row, index) => rowFinding(part, tally, row, index, catalogue) ?? []);
}

export const tallyRows: Rule = (content, { catalogue }) =>
  content.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'tally' ? tallyFindings(sectionPart(section.id), block, catalogue) : [])),
  );
