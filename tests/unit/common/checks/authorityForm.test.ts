import { describe, expect, it } from 'vitest';
import { SIGN_AUTHORITIES, SIGN_TITLES } from '../../../../common/frame.js';
import { authorityForm, standardAuthority } from '../../../../common/checks/rules/authorityForm.js';
import { context, report } from './support.js';

const run = (signAuthority: string, signTitle: string) => authorityForm(report({ frame: { signAuthority, signTitle } }), context(), 'draft');

describe('the authority forms of the signature block', () => {
  it('finds "Q.CHỦ TỊCH" and offers "Q. CHỦ TỊCH", citing the authority clause of Phụ lục I', () => {
    const [finding, ...rest] = run('TM. ỦY BAN NHÂN DÂN', 'Q.CHỦ TỊCH');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'authority-form:frame:signTitle',
      rule: 'authority-form',
      severity: 'error',
      part: 'frame',
      target: { kind: 'field', field: 'signTitle' },
      params: { found: 'Q.CHỦ TỊCH', expected: 'Q. CHỦ TỊCH' },
      fix: { kind: 'setField', part: 'frame', field: 'signTitle', from: 'Q.CHỦ TỊCH', to: 'Q. CHỦ TỊCH' },
    });
    expect(finding!.clause).toMatch(/^Nghị định 30\/2020\/NĐ-CP, Điều 8 khoản 2 điểm g; Phụ lục I, quyền hạn của người ký/);
    expect(finding!.message).toContain('“Q.CHỦ TỊCH” → “Q. CHỦ TỊCH”');
  });

  it('fixes only the line at fault of a two-line authority, and every form the decree names', () => {
    expect(run('TM. ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH', 'PHÓ CHỦ TỊCH')[0]!.fix).toMatchObject({ to: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH' });
    expect(standardAuthority('TM.ỦY BAN NHÂN DÂN')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(standardAuthority('tl .  CHÁNH VĂN PHÒNG')).toBe('TL. CHÁNH VĂN PHÒNG');
    expect(standardAuthority('TUQ.CHỦ TỊCH')).toBe('TUQ. CHỦ TỊCH');
    expect(standardAuthority('Q. CHỦ TỊCH')).toBe('Q. CHỦ TỊCH');
  });

  it('says nothing of the standard forms, of titles, or of a word that only begins with the letters', () => {
    for (const { value } of SIGN_AUTHORITIES) for (const title of SIGN_TITLES) expect(run(value, title)).toEqual([]);
    expect(run('', '')).toEqual([]);
    expect(run('TM. ỦY BAN NHÂN DÂN', 'QUYỀN CHỦ TỊCH')).toEqual([]);
  });
});
