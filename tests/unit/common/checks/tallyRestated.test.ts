import { describe, expect, it } from 'vitest';
import { statedCounts, tallyRestated } from '../../../../common/checks/rules/tallyRestated.js';
import { tallyProse } from '../../../../common/tallyProse.js';
import { blocks, CATALOGUE, context, report } from './support.js';

/** The sample's rows (II.3) and its sentence as the sample wrote it, "Tỉnh" and all. */
const ROWS = [
  { award: 'bang-khen-thu-tuong', collectives: 0, individuals: 2 },
  { award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 },
  { award: 'tap-the-lao-dong-xuat-sac', collectives: 4, individuals: 0 },
  { award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 19, individuals: 47 },
];
const SAMPLE =
  'Bằng khen của Thủ tướng Chính phủ (02 cá nhân); Ủy ban nhân dân Tỉnh đã tặng thưởng: Cờ thi đua Tỉnh (03 tập thể); Tập thể lao động xuất sắc (04 tập thể); Bằng khen của Chủ tịch Ủy ban nhân dân Tỉnh (19 tập thể và 47 cá nhân).';

const withCopy = (copy: string, rows = ROWS) => report({ sections: [{ id: 'ket-qua', blocks: blocks({ p: 'Kết quả:' }, { tally: rows }, { p: copy }, { p: 'Xong./.' }) }] });

describe('a copy of the award sentence typed beside its tally', () => {
  it('reads the counts a sentence states, by award, in any case', () => {
    expect(Object.fromEntries(statedCounts(SAMPLE, CATALOGUE))).toEqual({
      'bang-khen-thu-tuong': { collectives: 0, individuals: 2 },
      'co-thi-dua-tinh': { collectives: 3, individuals: 0 },
      'tap-the-lao-dong-xuat-sac': { collectives: 4, individuals: 0 },
      'bang-khen-chu-tich-ubnd-tinh': { collectives: 19, individuals: 47 },
    });
    expect(statedCounts('Đã tổ chức 12 hội nghị (03 tập thể).', CATALOGUE).size).toBe(0);
  });

  it('is an error when it was edited to disagree with the rows, whose fix removes the copy', () => {
    const [finding, ...rest] = tallyRestated(withCopy(SAMPLE.replace('(03 tập thể)', '(05 tập thể)')), context(), 'draft');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'tally-prose-mismatch',
      severity: 'error',
      part: 'section/ket-qua',
      params: { award: 'Cờ thi đua của Ủy ban nhân dân tỉnh', said: '(05 tập thể)', rows: '(03 tập thể)' },
      fix: { kind: 'removeBlock', part: 'section/ket-qua', fragment: 'body', block: 2 },
    });
  });

  it('is an error when the rows changed under it, and a warning when it only repeats them (it would print twice)', () => {
    const rows = ROWS.map((row) => (row.award === 'bang-khen-thu-tuong' ? { ...row, individuals: 3 } : row));
    expect(tallyRestated(withCopy(SAMPLE, rows), context(), 'draft')[0]).toMatchObject({ rule: 'tally-prose-mismatch', params: { said: '(02 cá nhân)', rows: '(03 cá nhân)' } });
    expect(tallyRestated(withCopy(tallyProse(ROWS, CATALOGUE)), context(), 'draft')[0]).toMatchObject({ rule: 'tally-prose-repeated', severity: 'warning' });
  });

  it('says nothing in a section without a tally, or before the catalogue is loaded', () => {
    expect(tallyRestated(report({ sections: [{ id: 'a', blocks: blocks({ p: SAMPLE }) }] }), context(), 'draft')).toEqual([]);
    expect(tallyRestated(withCopy(SAMPLE.replace('(03', '(05')), context({ catalogue: null }), 'draft')).toEqual([]);
  });
});
