import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHint, placeGuidance } from '../../../../common/checks/hints.js';
import { hintsLeft } from '../../../../common/checks/rules/hintsLeft.js';
import { summariseTemplate, templateSchema } from '../../../../common/template.js';
import { blocks, context, report } from './support.js';

const template = templateSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../templates/bao-cao-so-ket.json'), 'utf8')));
const line = template.sections[0]!.parts[0]!.guidance!;

describe('a guidance line of the template left in the report as text', () => {
  it('is an error in its place, even spaced otherwise, whose fix empties the paragraph', () => {
    const spaced = ` ${line.replace(/ /g, '  ')} `;
    const content = report({
      preamble: blocks({ p: template.preambleGuidance! }),
      sections: [{ id: 'tham-muu', blocks: blocks({ h: 'Công tác lãnh đạo' }, { p: spaced }) }],
    });
    const findings = hintsLeft(content, context({ guidance: template }), 'draft');
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.part, finding.params.found])).toEqual([
      ['hint-left', 'error', 'frame', template.preambleGuidance],
      ['hint-left', 'error', 'section/tham-muu', line],
    ]);
    expect(findings[1]!.fix).toEqual({ kind: 'replace', part: 'section/tham-muu', fragment: 'body', block: 1, offset: 0, find: spaced, replace: '' });
  });

  it('reads the template’s summary as the browser has it the same way', () => {
    const content = report({ sections: [{ id: 'tham-muu', blocks: blocks({ p: line }) }] });
    expect(hintsLeft(content, context({ guidance: summariseTemplate(template) }), 'draft').map((finding) => finding.part)).toEqual(['section/tham-muu']);
  });

  it('is not a paragraph that says more than the line, a heading, another place’s line, or anything without a template', () => {
    const content = report({ sections: [{ id: 'tham-muu', blocks: blocks({ p: `${line} Đã ban hành 3 kế hoạch.` }, { h: line }) }, { id: 'ket-qua', blocks: blocks({ p: line }) }] });
    expect(hintsLeft(content, context({ guidance: template }), 'draft')).toEqual([]);
    expect(hintsLeft(report({ sections: [{ id: 'tham-muu', blocks: blocks({ p: line }) }] }), context(), 'draft')).toEqual([]);
    expect(isHint(blocks({ h: line })[0]!, placeGuidance(template, 'tham-muu'))).toBe(false);
  });
});
