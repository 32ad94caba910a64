import { describe, expect, it } from 'vitest';
import { closingEdit, closingMark } from '../../../../common/checks/rules/closingMark.js';
import { blocks, context, report } from './support.js';

const run = (sections: Array<{ id: string; blocks: ReturnType<typeof blocks> }>) => closingMark(report({ sections }), context(), 'draft');

describe('the body ends with "./."', () => {
  it('finds a last paragraph without it and closes it as the export would', () => {
    const [finding] = run([
      { id: 'a', blocks: blocks({ p: 'Đã tổ chức 12 hội nghị.' }) },
      { id: 'b', blocks: blocks({ p: 'Đề nghị Sở Nội vụ quan tâm hướng dẫn.' }, { p: '' }) },
    ]);
    expect(finding).toMatchObject({
      rule: 'closing-mark',
      severity: 'error',
      part: 'section/b',
      target: { kind: 'block', fragment: 'body', block: 0 },
      fix: { kind: 'replace', part: 'section/b', fragment: 'body', block: 0, offset: 36, find: '.', replace: './.' },
    });
    expect(finding!.clause).toContain('kết thúc bằng “./.”');
  });

  it('replaces a closing ";" or ":", adds to a bare end, and leaves a body that ends so', () => {
    expect(closingEdit('… đề xuất;')).toEqual({ offset: 9, find: ';', replace: './.' });
    expect(closingEdit('… như sau:  ')).toEqual({ offset: 9, find: ':', replace: './.' });
    expect(closingEdit('Trân trọng')).toEqual({ offset: 10, find: '', replace: './.' });
    expect(closingEdit('… trên địa bàn huyện./.')).toBeNull();
    expect(run([{ id: 'a', blocks: blocks({ p: 'Xong./.' }) }])).toEqual([]);
  });

  it('reads the last section that says anything, and a list item as a paragraph', () => {
    expect(run([{ id: 'a', blocks: blocks({ p: 'Xong.' }) }, { id: 'b', blocks: blocks({ p: '' }) }])[0]!.part).toBe('section/a');
    expect(run([{ id: 'a', blocks: blocks({ p: 'Các mô hình:' }, { li: 'Mô hình một;' }) }])[0]!.fix).toMatchObject({ block: 1, find: ';' });
  });

  it('has no fix for a body that ends with a heading or an award tally', () => {
    const [tally] = run([{ id: 'a', blocks: blocks({ p: 'Kết quả:' }, { tally: [{ award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 }] }) }]);
    expect(tally).toMatchObject({ rule: 'closing-mark', params: { ending: 'tally' } });
    expect(tally!.fix).toBeUndefined();
    expect(run([{ id: 'a', blocks: blocks({ h: 'Kiến nghị' }) }])[0]!.fix).toBeUndefined();
  });

  it('says nothing of a report with nothing written (empty parts say that)', () => {
    expect(closingMark(report({ preamble: [], sections: [{ id: 'a', blocks: blocks({ p: '' }) }] }), context(), 'draft')).toEqual([]);
  });
});
