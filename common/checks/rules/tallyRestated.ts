/**
 * The award sentence is written from the tally's rows (common/tallyProse.ts) and printed under its table:
 * it is never stored. A paragraph of the same section that states award counts as the sentence does ("Cờ thi
 * đua tỉnh (03 tập thể)") is a copy typed or pasted by hand, printed besides the tally's own: an error when
 * its counts disagree with the rows (it was edited, or the rows were), a warning when it only repeats them.
 * Either way the fix removes the copy; the tally's sentence stays.
 */
import type { AwardCatalogue } from '../../awards.js';
import { countPhrase } from '../../tallyProse.js';
import type { Block, TextBlock } from '../bodyBlocks.js';
import { sectionPart, type Finding } from '../finding.js';
import { finding, quoted, type Rule } from '../rule.js';
import { lower } from '../words.js';

/** "(03 tập thể)", "(02 cá nhân)", "(19 tập thể và 47 cá nhân)". */
const COUNTS = /\(\s*(\d+)\s+(tập thể|cá nhân)(?:\s+và\s+(\d+)\s+(tập thể|cá nhân))?\s*\)/giu;

interface Counts {
  collectives: number;
  individuals: number;
}

/** The counts a text states, by award id: each count phrase credited to the award named just before it. */
export function statedCounts(text: string, catalogue: AwardCatalogue): Map<string, Counts> {
  const names = catalogue.forms
    .flatMap((form) => [form.proseName, form.name].flatMap((name) => (name ? [{ id: form.id, name: lower(name) }] : [])))
    .sort((a, b) => b.name.length - a.name.length);
  const stated = new Map<string, Counts>();
  for (const match of text.matchAll(COUNTS)) {
    const before = lower(text.slice(0, match.index)).trimEnd();
    const award = names.find((candidate) => before.endsWith(candidate.name));
    if (!award) continue;
    const counts = stated.get(award.id) ?? { collectives: 0, individuals: 0 };
    for (const [number, kind] of [[match[1], match[2]], [match[3], match[4]]] as const) {
      if (number === undefined || kind === undefined) continue;
      if (lower(kind) === 'tập thể') counts.collectives += Number(number);
      else counts.individuals += Number(number);
    }
    stated.set(award.id, counts);
  }
  return stated;
}

/** The rows of a section's tallies added up by award. */
function rowTotals(blocks: readonly Block[]): Map<string, Counts> {
  const totals = new Map<string, Counts>();
  for (const block of blocks) {
    if (block.kind !== 'tally') continue;
    for (const row of block.rows) {
      const total = totals.get(row.award) ?? { collectives: 0, individuals: 0 };
      total.collectives += row.collectives;
      total.individuals += row.individuals;
      totals.set(row.award, total);
    }
  }
  return totals;
}

const phrase = (counts: Counts) => (counts.collectives + counts.individuals === 0 ? '(không có)' : countPhrase(counts.collectives, counts.individuals));

function copyFinding(part: string, block: TextBlock, stated: Map<string, Counts>, totals: Map<string, Counts>, catalogue: AwardCatalogue): Finding {
  const fix = { kind: 'removeBlock', part, fragment: 'body', block: block.index, text: block.text } as const;
  const target = { kind: 'block', fragment: 'body', block: block.index } as const;
  const none = { collectives: 0, individuals: 0 };
  const wrong = [...stated].find(([award, counts]) => {
    const rows = totals.get(award) ?? none;
    return rows.collectives !== counts.collectives || rows.individuals !== counts.individuals;
  });
  if (wrong === undefined) {
    const message = 'Đoạn này nhắc lại câu tổng hợp của bảng khen thưởng, câu đó đã được in dưới bảng: đoạn sẽ bị in hai lần.';
    return finding({ rule: 'tally-prose-repeated', severity: 'warning', clause: 'content', part, target, message, fix });
  }
  const [award, counts] = wrong;
  const name = catalogue.forms.find((form) => form.id === award)?.name ?? award;
  const said = phrase(counts);
  const rows = phrase(totals.get(award) ?? none);
  const message = `Đoạn này ghi ${quoted(name)} ${said}, bảng khen thưởng ghi ${rows}: câu tổng hợp lấy theo bảng, bỏ đoạn chép tay.`;
  return finding({ rule: 'tally-prose-mismatch', severity: 'error', clause: 'content', part, target, message, params: { award: name, said, rows }, fix });
}

export const tallyRestated: Rule = (content, { catalogue }) => {
  if (catalogue === null) return [];
  return content.sections.flatMap((section) => {
    if (!section.blocks.some((block) => block.kind === 'tally')) return [];
    const totals = rowTotals(section.blocks);
    return section.blocks.flatMap((block) => {
      if (block.kind !== 'text' || block.node !== 'paragraph') return [];
      const stated = statedCounts(block.text, catalogue);
      return stated.size === 0 ? [] : [copyFinding(sectionPart(section.id), block, stated, totals, catalogue)];
    });
  });
};
