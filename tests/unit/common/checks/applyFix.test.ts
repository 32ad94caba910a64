import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyFix, type FixDocs } from '../../../../common/checks/applyFix.js';
import { readBlocks } from '../../../../common/checks/bodyBlocks.js';
import { checkDocs } from '../../../../common/checks/runChecks.js';
import { readFrame } from '../../../../common/frame.js';
import { SECTION_FRAGMENT } from '../../../../common/rooms.js';
import { doc, frameDoc, h, p, replica, sectionDoc, text } from './docs.js';
import { context } from './support.js';

const italic = [{ type: 'italic' }];

function rooms(frame: Y.Doc, sections: Record<string, Y.Doc>): FixDocs & { check(): ReturnType<typeof checkDocs> } {
  const list = Object.entries(sections).map(([id, ydoc], index) => ({ id, number: String(index + 1), title: id, doc: ydoc }));
  return { frame, section: (id) => sections[id], check: () => checkDocs({ frame, sections: list }, context({ guidance: { sections: [{ id: 'a', guidance: 'Nêu kết quả.' }] } }), 'draft') };
}

const bodyText = (ydoc: Y.Doc) => readBlocks(ydoc.getXmlFragment(SECTION_FRAGMENT)).map((block) => (block.kind === 'text' ? block.text : `[tally ${block.rows.length}]`));

describe('a fix applied as a Yjs edit', () => {
  it('fixes what was found, as an edit another replica receives, and the finding is gone', () => {
    const frame = frameDoc({ signTitle: 'Q.CHỦ TỊCH', recipients: ['UBND Huyện', 'Lưu: VT, NV,'] });
    const a = sectionDoc(doc(p('Nêu kết quả.'), p('Các gương Diễn hình tiên tiến.'), p('Xong;')));
    const other = { frame: replica(frame), a: replica(a) };
    const report = rooms(frame, { a });
    const found = report.check();
    expect(found.map((finding) => finding.rule)).toEqual(['hint-left', 'spelling', 'closing-mark', 'admin-unit-case', 'recipient-end', 'authority-form']);
    for (const finding of found) expect(applyFix(finding.fix!, report), finding.rule).toBe(true);
    expect(report.check()).toEqual([]);
    expect(readFrame(other.frame)).toMatchObject({ signTitle: 'Q. CHỦ TỊCH', recipients: ['UBND huyện', 'Lưu: VT, NV'] });
    expect(bodyText(other.a)).toEqual(['', 'Các gương Điển hình tiên tiến.', 'Xong./.']);
  });

  it('keeps the formatting of the text it replaces', () => {
    const a = sectionDoc(doc(p(text('Các gương Diễn hình.', italic)), p('Xong./.')));
    const [finding] = rooms(frameDoc(), { a }).check();
    applyFix(finding!.fix!, rooms(frameDoc(), { a }));
    const run = a.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement;
    expect((run.get(0) as Y.XmlText).toDelta()).toEqual([{ insert: 'Các gương Điển hình.', attributes: { italic: {} } }]);
  });

  it('changes nothing when its place no longer reads what it expects', () => {
    const frame = frameDoc({ signTitle: 'Q.CHỦ TỊCH' });
    const a = sectionDoc(doc(p('Các gương Diễn hình.'), p('Xong./.')));
    const report = rooms(frame, { a });
    const fixes = report.check().map((finding) => finding.fix!);
    frame.getMap('frame').set('signTitle', 'Q.PHÓ CHỦ TỊCH');
    ((a.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Tất cả ');
    expect(fixes.map((fix) => applyFix(fix, report))).toEqual([false, false]);
    expect(readFrame(frame).signTitle).toBe('Q.PHÓ CHỦ TỊCH');
    expect(bodyText(a)[0]).toBe('Tất cả Các gương Diễn hình.');
    expect(applyFix({ kind: 'replace', part: 'section/gone', fragment: 'body', block: 0, offset: 0, find: '', replace: 'x' }, report)).toBe(false);
  });

  it('removes an empty tally row, an empty tally, a copied paragraph; adds the missing "Lưu: VT" line', () => {
    const row = (award: string, collectives: number) => ({ type: 'awardRow', attrs: { award, collectives, individuals: 0 } });
    const a = sectionDoc(doc(h('Khen thưởng'), { type: 'awardTally', content: [row('co-thi-dua-tinh', 3), row('co-thi-dua-tinh', 0)] }, p('Cờ thi đua tỉnh (05 tập thể).'), { type: 'awardTally', content: [] }, p('Xong./.')));
    const frame = frameDoc({ recipients: ['Sở Nội vụ'] });
    const report = rooms(frame, { a });
    const found = report.check();
    expect(found.map((finding) => finding.rule)).toEqual(['tally-row-empty', 'tally-prose-mismatch', 'tally-empty', 'archive-line']);
    // Each fix names its block as the check read it: applied last to first, earlier indexes stay valid.
    for (const finding of [...found].reverse()) expect(applyFix(finding.fix!, report), finding.rule).toBe(true);
    expect(bodyText(a)).toEqual(['Khen thưởng', '[tally 1]', 'Xong./.']);
    expect(readFrame(frame).recipients).toEqual(['Sở Nội vụ', 'Lưu: VT']);
    expect(report.check().map((finding) => finding.rule)).toEqual(['archive-unit']);
  });

  it('removes a list item with the paragraph it held, and leaves a body one paragraph at least', () => {
    const a = sectionDoc(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p('Một.')] }, { type: 'listItem', content: [p('Hai.')] }] }));
    const report = rooms(frameDoc(), { a });
    expect(applyFix({ kind: 'removeBlock', part: 'section/a', fragment: 'body', block: 1, text: 'Hai.' }, report)).toBe(true);
    expect(a.getXmlFragment(SECTION_FRAGMENT).toString()).toBe('<bulletlist><listitem><paragraph>Một.</paragraph></listitem></bulletlist>');
    expect(applyFix({ kind: 'removeBlock', part: 'section/a', fragment: 'body', block: 0, text: 'Một.' }, report)).toBe(true);
    expect(a.getXmlFragment(SECTION_FRAGMENT).toString()).toBe('<paragraph></paragraph>');
  });
});
