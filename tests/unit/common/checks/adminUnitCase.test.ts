import { describe, expect, it } from 'vitest';
import { adminUnitCase } from '../../../../common/checks/rules/adminUnitCase.js';
import { blocks, context, report } from './support.js';

const found = (text: string) =>
  adminUnitCase(report({ sections: [{ id: 'a', blocks: blocks({ p: text }) }] }), context(), 'draft').map((finding) => finding.params.found);

describe('"tỉnh", "huyện", "xã" in lower case inside a sentence', () => {
  it('warns of "Huyện", "Tỉnh", "Xã" inside a sentence, citing Phụ lục II, with a fix to lower case', () => {
    const [finding] = adminUnitCase(report({ sections: [{ id: 'a', blocks: blocks({ p: 'Ủy ban nhân dân Huyện ban hành.' }) }] }), context(), 'draft');
    expect(finding).toMatchObject({
      rule: 'admin-unit-case',
      severity: 'warning',
      part: 'section/a',
      params: { found: 'Huyện', expected: 'huyện' },
      fix: { kind: 'replace', part: 'section/a', fragment: 'body', block: 0, offset: 16, find: 'Huyện', replace: 'huyện' },
    });
    expect(finding!.clause).toContain('Phụ lục II');
    expect(finding!.excerpt).toBe('Ủy ban nhân dân Huyện ban hành.');
    expect(found('Bằng khen Tỉnh và Giấy khen của Chủ tịch UBND Xã.')).toEqual(['Tỉnh', 'Xã']);
  });

  it('leaves the start of a sentence or of a clause after ":", and names written with a capital', () => {
    expect(found('Huyện ủy chỉ đạo. Tỉnh đã ban hành. Như sau: Huyện ban hành kế hoạch.')).toEqual([]);
    expect(found('Ban Thường vụ Huyện ủy, Tỉnh đoàn, Huyện đội, Tỉnh lộ 848 và Bộ Lao động - Thương binh và Xã hội.')).toEqual([]);
    expect(found('“Huyện nông thôn mới” là danh hiệu.')).toEqual([]);
  });

  it('leaves lower case, capitals and words that only begin with the letters', () => {
    expect(found('UBND huyện, ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ, các Xãa.')).toEqual([]);
  });

  it('reads the recipients and the subject too, fixing them whole', () => {
    const content = report({ frame: { subject: 'Báo cáo của Huyện', recipients: ['Các ngành Huyện liên quan', 'Lưu: VT, VX'] } });
    const fixes = adminUnitCase(content, context(), 'draft').map((finding) => finding.fix);
    expect(fixes).toEqual([
      { kind: 'setField', part: 'frame', field: 'subject', from: 'Báo cáo của Huyện', to: 'Báo cáo của huyện' },
      { kind: 'setRecipient', part: 'frame', index: 0, from: 'Các ngành Huyện liên quan', to: 'Các ngành huyện liên quan' },
    ]);
  });
});
