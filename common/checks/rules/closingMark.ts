/**
 * A report's body ends with "./." (ND30.md, "Title and body"): its last paragraph, in the last section that
 * says anything. The fix closes that paragraph as the export would ("… như sau." → "… như sau./.", "… đề
 * xuất;" → "… đề xuất./."); a body that ends with a heading, a table or an award tally gets no fix — the
 * export then prints "./." on a line of its own, which is better written into the last paragraph by hand.
 */
import { hasContent, type Block } from '../bodyBlocks.js';
import { sectionPart, type Fix } from '../finding.js';
import type { ReportContent } from '../reportContent.js';
import { finding, type Rule } from '../rule.js';

export const CLOSING_MARK = './.';

/** The last block with content of the body (the opening paragraphs, then the sections), with its part. */
export function lastContentBlock(content: ReportContent): { part: string; fragment: 'preamble' | 'body'; block: Block } | null {
  for (const section of [...content.sections].reverse()) {
    const block = [...section.blocks].reverse().find(hasContent);
    if (block) return { part: sectionPart(section.id), fragment: 'body', block };
  }
  const block = [...content.preamble].reverse().find(hasContent);
  return block ? { part: 'frame', fragment: 'preamble', block } : null;
}

/** The edit that makes `text` end with "./.": where, what it replaces, and with what. */
export function closingEdit(text: string): { offset: number; find: string; replace: string } | null {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith(CLOSING_MARK)) return null;
  if (trimmed.endsWith('.')) return { offset: trimmed.length - 1, find: '.', replace: CLOSING_MARK };
  const marks = /[;,:]+$/u.exec(trimmed)?.[0] ?? '';
  return { offset: trimmed.length - marks.length, find: marks, replace: CLOSING_MARK };
}

export const closingMark: Rule = (content) => {
  const last = lastContentBlock(content);
  if (last === null) return [];
  const { part, fragment, block } = last;
  const target = { kind: 'block', fragment, block: block.index } as const;
  const closable = block.kind === 'text' && block.node === 'paragraph' && !block.inside.includes('table');
  if (!closable) {
    const message = 'Báo cáo kết thúc bằng một đoạn văn có dấu “./.” ở cuối (phần cuối hiện là tiêu đề, bảng hoặc bảng khen thưởng).';
    return [finding({ rule: 'closing-mark', severity: 'error', clause: 'closingMark', part, target, message, params: { ending: block.kind === 'tally' ? 'tally' : 'other' } })];
  }
  const edit = closingEdit(block.text);
  if (edit === null) return [];
  const ending = block.text.trimEnd().slice(-20);
  const fix: Fix = { kind: 'replace', part, fragment, block: block.index, ...edit };
  const message = `Đoạn cuối của báo cáo kết thúc bằng “./.”: “…${ending}” → “…${ending.slice(0, ending.length - edit.find.length)}${CLOSING_MARK}”.`;
  return [finding({ rule: 'closing-mark', severity: 'error', clause: 'closingMark', part, target, message, params: { ending: 'text', found: ending }, fix })];
};
