import { describe, expect, it } from 'vitest';
import { emptyParts } from '../../../../common/checks/rules/emptyParts.js';
import { blocks, brief, context, report } from './support.js';

const HINT = 'Nêu những thuận lợi, kết quả nổi bật và nguyên nhân.';
const GUIDANCE = { sections: [{ id: 'a', parts: [{ heading: 'Thuận lợi', guidance: HINT }] }] };

describe('parts nobody has written yet', () => {
  it('finds a section with nothing in it, or only its headings', () => {
    const content = report({
      sections: [
        { id: 'a', blocks: blocks({ p: '' }) },
        { id: 'b', blocks: blocks({ h: 'Thuận lợi' }, { p: '  ' }, { h: 'Khó khăn' }) },
        { id: 'c', blocks: blocks({ p: 'Xong./.' }) },
      ],
    });
    expect(brief(emptyParts(content, context(), 'draft'))).toEqual([
      { rule: 'empty-part', part: 'section/a', severity: 'error', params: { part: 'section', title: 'I. A' } },
      { rule: 'empty-part', part: 'section/b', severity: 'error', params: { part: 'section', title: 'II. B' } },
    ]);
  });

  it('finds a numbered item with nothing under it before the next, counting what its sub-items hold', () => {
    const content = report({
      sections: [
        {
          id: 'a',
          blocks: blocks(
            { h: 'Thuận lợi' },
            { h: 'Về tổ chức', level: 3 },
            { p: 'Đã tổ chức 12 hội nghị.' },
            { h: 'Khó khăn' },
            { p: '' },
            { h: 'Kết quả khen thưởng' },
            { tally: [{ award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 }] },
          ),
        },
      ],
    });
    const findings = emptyParts(content, context(), 'draft');
    expect(brief(findings)).toEqual([{ rule: 'empty-item', part: 'section/a', severity: 'error', params: { title: 'Khó khăn' } }]);
    expect(findings[0]!.target).toEqual({ kind: 'block', fragment: 'body', block: 3 });
  });

  it('leaves to hintsLeft a part that holds a guidance line, and warns of empty opening paragraphs', () => {
    const content = report({ preamble: blocks({ p: '' }), sections: [{ id: 'a', blocks: blocks({ h: 'Thuận lợi' }, { p: HINT }, { h: 'Khó khăn' }, { p: 'Thiếu kinh phí./.' }) }] });
    expect(brief(emptyParts(content, context({ guidance: GUIDANCE }), 'draft'))).toEqual([
      { rule: 'empty-part', part: 'frame', severity: 'warning', params: { part: 'preamble' } },
    ]);
  });

  it('says nothing of a report whose every part is written', () => {
    expect(emptyParts(report(), context(), 'draft')).toEqual([]);
  });
});
