/** Reports in a few lines for the checker's unit tests: blocks, frames and sections as the rules read them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { awardCatalogueSchema } from '../../../../common/awards.js';
import type { Block } from '../../../../common/checks/bodyBlocks.js';
import type { CheckMode, Finding, RuleId } from '../../../../common/checks/finding.js';
import type { CheckContext, ReportContent } from '../../../../common/checks/reportContent.js';
import { VOCABULARY } from '../../../../common/checks/vocabularyList.js';
import type { FrameFields } from '../../../../common/frame.js';
import type { TallyRow } from '../../../../common/tallyProse.js';

const root = resolve(import.meta.dirname, '../../../..');
export const CATALOGUE = awardCatalogueSchema.parse(JSON.parse(readFileSync(resolve(root, 'templates/award-forms.json'), 'utf8')));

type BlockSpec = { p: string } | { h: string; level?: number } | { tally: TallyRow[] } | { li: string };

/** Blocks from short specs: `{p}` a paragraph, `{h}` a heading (level 2), `{li}` a bullet item, `{tally}` an award tally. */
export function blocks(...specs: BlockSpec[]): Block[] {
  return specs.map((spec, index): Block => {
    if ('tally' in spec) return { kind: 'tally', index, rows: spec.tally, inside: [] };
    if ('h' in spec) return { kind: 'text', index, node: 'heading', level: spec.level ?? 2, text: spec.h, inside: [] };
    if ('li' in spec) return { kind: 'text', index, node: 'paragraph', level: 0, text: spec.li, inside: ['bulletList', 'listItem'] };
    return { kind: 'text', index, node: 'paragraph', level: 0, text: spec.p, inside: [] };
  });
}

/** A frame that breaks no rule: signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", recipients ending "Lưu: VT, VX". */
export function frame(fields: Partial<FrameFields> = {}): FrameFields {
  return {
    parentAgency: 'UBND TỈNH ĐỒNG THÁP',
    agency: 'ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ',
    number: '',
    symbol: 'BC-UBND',
    place: 'Lấp Vò',
    date: '2025-06-30',
    docType: 'BÁO CÁO',
    subject: 'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025',
    signAuthority: 'TM. ỦY BAN NHÂN DÂN',
    signTitle: 'CHỦ TỊCH',
    signerName: 'Trương Thị Diệp',
    recipients: ['Sở Nội vụ', 'Lưu: VT, VX'],
    ...fields,
  };
}

/** A report that breaks no rule, with what a test changes. */
export function report(change: { frame?: Partial<FrameFields>; preamble?: Block[]; sections?: Array<{ id: string; blocks: Block[] }> } = {}): ReportContent {
  const sections = change.sections ?? [
    { id: 'ket-qua', blocks: blocks({ h: 'Kết quả' }, { p: 'Đã tổ chức 12 hội nghị.' }) },
    { id: 'kien-nghi', blocks: blocks({ p: 'Đề nghị Sở Nội vụ quan tâm hướng dẫn./.' }) },
  ];
  return {
    frame: frame(change.frame),
    preamble: change.preamble ?? blocks({ p: 'Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của Ủy ban nhân dân huyện.' }),
    sections: sections.map((section, index) => ({ ...section, number: ['I', 'II', 'III', 'IV'][index] ?? String(index + 1), title: section.id.toUpperCase() })),
  };
}

export function context(change: Partial<CheckContext> = {}): CheckContext {
  return { guidance: null, catalogue: CATALOGUE, vocabulary: VOCABULARY, ...change };
}

/** The findings of one rule, each as `[rule, part, where, message params…]` to compare briefly. */
export function brief(findings: readonly Finding[], rule?: RuleId): Array<{ rule: RuleId; part: string; severity: string; params: Finding['params'] }> {
  return findings.filter((finding) => rule === undefined || finding.rule === rule).map(({ rule: id, part, severity, params }) => ({ rule: id, part, severity, params }));
}

export type { CheckMode };
