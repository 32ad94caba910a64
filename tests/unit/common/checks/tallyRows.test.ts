import { describe, expect, it } from 'vitest';
import { tallyRows } from '../../../../common/checks/rules/tallyRows.js';
import type { TallyRow } from '../../../../common/tallyProse.js';
import { blocks, context, report } from './support.js';

const withTally = (rows: TallyRow[]) =>
  report({ sections: [{ id: 'ket-qua', blocks: blocks({ p: 'Kết quả khen thưởng:' }, { tally: rows }, { p: 'Xong./.' }) }] });

describe('an award tally’s rows', () => {
  it('finds a tally without rows, with a fix that removes it', () => {
    const [finding] = tallyRows(withTally([]), context(), 'draft');
    expect(finding).toMatchObject({
      rule: 'tally-empty',
      severity: 'error',
      part: 'section/ket-qua',
      target: { kind: 'block', fragment: 'body', block: 1 },
      fix: { kind: 'removeBlock', part: 'section/ket-qua', fragment: 'body', block: 1, text: '' },
    });
  });

  it('finds a row that counts nobody, with a fix that removes that row', () => {
    const findings = tallyRows(
      withTally([
        { award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 },
        { award: 'bang-khen-thu-tuong', collectives: 0, individuals: 0 },
        { award: '', collectives: 0, individuals: 0 },
      ]),
      context(),
      'draft',
    );
    expect(findings.map((finding) => [finding.rule, finding.params.row, finding.fix])).toEqual([
      ['tally-row-empty', 2, { kind: 'removeTallyRow', part: 'section/ket-qua', block: 1, row: 1 }],
      ['tally-row-empty', 3, { kind: 'removeTallyRow', part: 'section/ket-qua', block: 1, row: 2 }],
    ]);
    expect(findings[0]!.message).toContain('Bằng khen của Thủ tướng Chính phủ');
  });

  it('finds a row that counts people but names no award, or one the catalogue does not know (once it is loaded)', () => {
    const rows = [
      { award: '', collectives: 2, individuals: 0 },
      { award: 'bang-khen-cu', collectives: 0, individuals: 5 },
    ];
    expect(tallyRows(withTally(rows), context(), 'draft').map((finding) => [finding.rule, finding.params.award, finding.fix])).toEqual([
      ['tally-row-award', '', undefined],
      ['tally-row-award', 'bang-khen-cu', undefined],
    ]);
    expect(tallyRows(withTally(rows), context({ catalogue: null }), 'draft').map((finding) => finding.params.row)).toEqual([1]);
  });

  it('says nothing of rows that count someone for a known award', () => {
    expect(tallyRows(withTally([{ award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 19, individuals: 47 }]), context(), 'draft')).toEqual([]);
  });
});
