/**
 * A template's guidance line left in the report as text ("Nêu các chỉ thị, quyết định…", hints.ts): the
 * export leaves it out, but it stands where the report's own text should be. An error, whose fix empties the
 * paragraph — the editor then draws the line as a placeholder until someone writes the part.
 */
import type { Block } from '../bodyBlocks.js';
import type { Finding, Fragment } from '../finding.js';
import { sectionPart } from '../finding.js';
import { isHint, placeGuidance, type PlaceGuidance } from '../hints.js';
import { finding, quoted, type Rule } from '../rule.js';
import { guidanceKey } from '../../guidance.js';

function hintFindings(part: string, fragment: Fragment, blocks: readonly Block[], place: PlaceGuidance): Finding[] {
  return blocks.flatMap((block) => {
    if (block.kind !== 'text' || !isHint(block, place)) return [];
    const line = guidanceKey(block.text);
    return [
      finding({
        rule: 'hint-left',
        severity: 'error',
        clause: 'content',
        part,
        target: { kind: 'block', fragment, block: block.index },
        message: `Còn dòng hướng dẫn của mẫu, chưa thay bằng nội dung: ${quoted(line)}.`,
        params: { found: line },
        fix: { kind: 'replace', part, fragment, block: block.index, offset: 0, find: block.text, replace: '' },
      }),
    ];
  });
}

export const hintsLeft: Rule = (content, { guidance }) => [
  ...hintFindings('frame', 'preamble', content.preamble, placeGuidance(guidance, null)),
  ...content.sections.flatMap((section) => hintFindings(sectionPart(section.id), 'body', section.blocks, placeGuidance(guidance, section.id))),
];
