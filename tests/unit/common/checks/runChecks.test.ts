import { describe, expect, it } from 'vitest';
import { blockingFindings, checkDocs, runChecks } from '../../../../common/checks/runChecks.js';
import { findingSchema } from '../../../../common/api/checks.js';
import { doc, frameDoc, h, p, sectionDoc } from './docs.js';
import { blocks, context, report } from './support.js';

describe('the form checker', () => {
  it('finds nothing wrong in a report written to the form, in either mode once it has its number', () => {
    expect(runChecks(report(), context(), 'draft')).toEqual([]);
    expect(runChecks(report({ frame: { number: '05' } }), context(), 'issue')).toEqual([]);
  });

  it('lists findings in reading order: header, opening paragraphs, sections, footer; each in the answer’s shape', () => {
    const content = report({
      frame: { subject: 'Báo cáo của Huyện', signTitle: 'Q.CHỦ TỊCH', recipients: ['Sở Nội vụ', 'Lưu: VT, NV,'] },
      preamble: blocks({ p: 'Ủy ban nhân dân Huyện báo cáo.' }),
      sections: [
        { id: 'a', blocks: blocks({ p: 'Các gương Diễn hình.' }) },
        { id: 'b', blocks: blocks({ p: 'Xong.' }) },
      ],
    });
    const findings = runChecks(content, context(), 'issue');
    expect(findings.map((finding) => `${finding.rule}@${finding.part}`)).toEqual([
      'issue-number@frame',
      'admin-unit-case@frame',
      'admin-unit-case@frame',
      'spelling@section/a',
      'closing-mark@section/b',
      'recipient-end@frame',
      'authority-form@frame',
    ]);
    for (const finding of findings) expect(findingSchema.parse(finding)).toEqual(finding);
    expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length);
    expect(blockingFindings(findings).map((finding) => finding.rule)).toEqual(['issue-number', 'spelling', 'closing-mark', 'recipient-end', 'authority-form']);
  });

  it('reads the rooms’ documents', () => {
    const findings = checkDocs(
      { frame: frameDoc({ signTitle: 'Q.CHỦ TỊCH' }), sections: [{ id: 'a', number: 'I', title: 'KẾT QUẢ', doc: sectionDoc(doc(h('Kết quả'), p('Xong./.'))) }, { id: 'b', number: 'II', title: 'B', doc: undefined }] },
      context(),
      'draft',
    );
    expect(findings.map((finding) => `${finding.rule}@${finding.part}`)).toEqual(['empty-part@section/b', 'authority-form@frame']);
  });
});
