/**
 * Parts nobody has written yet: a section with nothing in it (an error: it would print as a bare heading),
 * a numbered item ("1. Thuận lợi") with nothing under it before the next item (an error), and opening
 * paragraphs left empty (a warning: the decree asks for none, but a report states its basis). A guidance line
 * left is not content; where one is, hintsLeft.ts says so instead, once.
 */
import { hasContent, type Block } from '../bodyBlocks.js';
import { sectionPart, type Finding } from '../finding.js';
import { guidanceKey } from '../../guidance.js';
import { isHint, placeGuidance, type PlaceGuidance } from '../hints.js';
import { finding, quoted, type Rule } from '../rule.js';

/** Something written: text or a tally, not a heading, not a guidance line. */
const written = (block: Block, hints: PlaceGuidance) => hasContent(block) && !(block.kind === 'text' && block.node === 'heading') && !isHint(block, hints);

/** The blocks under the heading at `index`: up to the next heading of its level or above. */
function itemScope(blocks: readonly Block[], index: number): Block[] {
  const heading = blocks[index]!;
  const level = heading.kind === 'text' ? heading.level : 0;
  const end = blocks.findIndex((block, at) => at > index && block.kind === 'text' && block.node === 'heading' && block.level <= level);
  return blocks.slice(index + 1, end < 0 ? blocks.length : end);
}

function emptyItems(part: string, blocks: readonly Block[], hints: PlaceGuidance): Finding[] {
  return blocks.flatMap((block, index) => {
    if (block.kind !== 'text' || block.node !== 'heading' || block.text.trim() === '') return [];
    const scope = itemScope(blocks, index);
    if (scope.some((inner) => written(inner, hints) || isHint(inner, hints))) return [];
    const title = guidanceKey(block.text);
    return [
      finding({
        rule: 'empty-item',
        severity: 'error',
        clause: 'content',
        part,
        target: { kind: 'block', fragment: 'body', block: block.index },
        message: `Mục ${quoted(title)} chưa có nội dung.`,
        params: { title },
      }),
    ];
  });
}

export const emptyParts: Rule = (content, { guidance }) => {
  const found: Finding[] = [];
  const preamble = placeGuidance(guidance, null);
  if (!content.preamble.some((block) => written(block, preamble) || isHint(block, preamble))) {
    const message = 'Phần mở đầu (căn cứ, mục đích của báo cáo) chưa có nội dung.';
    found.push(finding({ rule: 'empty-part', severity: 'warning', clause: 'content', part: 'frame', target: { kind: 'part', fragment: 'preamble' }, message, params: { part: 'preamble' } }));
  }
  for (const section of content.sections) {
    const part = sectionPart(section.id);
    const title = `${section.number}. ${section.title}`;
    const known = placeGuidance(guidance, section.id);
    if (section.blocks.some((block) => written(block, known) || isHint(block, known))) {
      found.push(...emptyItems(part, section.blocks, known));
      continue;
    }
    const message = `Phần ${quoted(title)} chưa có nội dung.`;
    found.push(finding({ rule: 'empty-part', severity: 'error', clause: 'content', part, target: { kind: 'part', fragment: 'body' }, message, params: { part: 'section', title } }));
  }
  return found;
};
