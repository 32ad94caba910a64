/**
 * Comparing a report now with a version (common/versionDiff.ts): section by section, paragraphs matched in
 * order, a paragraph edited shown changed word by word, paragraphs inserted and deleted, award tally rows,
 * the frame's fields — on Vietnamese text, in NFC.
 */
import { describe, expect, it } from 'vitest';
import type { ContentBlock, VersionContent } from '../../../common/api/versions.js';
import { FRAME_TEXT_KEYS } from '../../../common/frame.js';
import { contentLines, diffContent, diffLines } from '../../../common/versionDiff.js';

const body = (text: string): ContentBlock => ({ kind: 'paragraph', role: 'body', depth: 0, text });
const item = (text: string): ContentBlock => ({ kind: 'paragraph', role: 'item', depth: 0, text });

function content(sections: Record<string, ContentBlock[]>, frame: Partial<VersionContent['frame']> = {}): VersionContent {
  const blank = Object.fromEntries(FRAME_TEXT_KEYS.map((key) => [key, ''])) as Omit<VersionContent['frame'], 'recipients'>;
  return {
    frame: { ...blank, recipients: [], ...frame },
    preamble: [],
    sections: Object.entries(sections).map(([id, blocks], index) => ({
      id,
      number: ['I', 'II', 'III'][index]!,
      title: id,
      heading: `${['I', 'II', 'III'][index]!}. ${id.toUpperCase()}`,
      blocks,
    })),
  };
}

describe('diffContent', () => {
  const version = content({
    'tham-muu': [
      item('1. Công tác lãnh đạo, chỉ đạo'),
      body('Ủy ban nhân dân xã đã ban hành Kế hoạch số 12/KH-UBND.'),
      body('Đã tổ chức 12 hội nghị sơ kết tại xã.'),
      body('Đoạn này sẽ bị xóa khỏi báo cáo.'),
    ],
    'ket-qua': [item('1. Kết quả triển khai thực hiện'), body('Không thay đổi.')],
  });

  it('finds no change between a content and itself', () => {
    const diff = diffContent(version, version);
    expect(diff.changed).toBe(false);
    expect(diff.frame).toEqual([]);
    expect(diff.sections.map((section) => [section.id, section.changed])).toEqual([
      ['tham-muu', false],
      ['ket-qua', false],
    ]);
    expect(diff.sections[0]!.paragraphs.every((paragraph) => paragraph.op === 'same')).toBe(true);
  });

  it('gives each section’s paragraphs in order: kept, changed word by word, deleted and inserted', () => {
    const now = content({
      'tham-muu': [
        item('1. Công tác lãnh đạo, chỉ đạo'),
        body('Ủy ban nhân dân xã đã ban hành Kế hoạch số 12/KH-UBND.'),
        body('Đã tổ chức 15 hội nghị tổng kết tại xã.'),
        body('Bổ sung: phát động 03 phong trào thi đua.'),
      ],
      'ket-qua': [item('1. Kết quả triển khai thực hiện'), body('Không thay đổi.')],
    });
    const diff = diffContent(version, now);
    expect(diff.changed).toBe(true);
    const [thamMuu, ketQua] = diff.sections;
    expect(ketQua!.changed).toBe(false);
    expect(thamMuu!.changed).toBe(true);
    expect(thamMuu!.paragraphs).toEqual([
      { op: 'same', role: 'item', text: '1. Công tác lãnh đạo, chỉ đạo' },
      { op: 'same', role: 'body', text: 'Ủy ban nhân dân xã đã ban hành Kế hoạch số 12/KH-UBND.' },
      {
        op: 'changed',
        role: 'body',
        before: 'Đã tổ chức 12 hội nghị sơ kết tại xã.',
        after: 'Đã tổ chức 15 hội nghị tổng kết tại xã.',
        words: [
          { op: 'same', text: 'Đã tổ chức ' },
          { op: 'deleted', text: '12' },
          { op: 'inserted', text: '15' },
          { op: 'same', text: ' hội nghị ' },
          { op: 'deleted', text: 'sơ' },
          { op: 'inserted', text: 'tổng' },
          { op: 'same', text: ' kết tại xã.' },
        ],
      },
      { op: 'deleted', role: 'body', text: 'Đoạn này sẽ bị xóa khỏi báo cáo.' },
      { op: 'inserted', role: 'body', text: 'Bổ sung: phát động 03 phong trào thi đua.' },
    ]);
  });

  it('matches paragraphs around an inserted one instead of calling everything after it changed', () => {
    const before = ['Một.', 'Hai.', 'Ba.', 'Bốn.'].map(body);
    const after = ['Một.', 'Chèn thêm một đoạn mới.', 'Hai.', 'Ba.', 'Bốn.'].map(body);
    const part = diffLines(contentLines(before), contentLines(after));
    expect(part.paragraphs.map((paragraph) => paragraph.op)).toEqual(['same', 'inserted', 'same', 'same', 'same']);
  });

  it('compares in NFC: text stored with combining marks equals the same text precomposed', () => {
    const nfd = content({ 'tham-muu': [body('Ủy ban nhân dân xã Lấp Vò'.normalize('NFD'))] }, { agency: 'ỦY BAN NHÂN DÂN'.normalize('NFD') });
    const nfc = content({ 'tham-muu': [body('Ủy ban nhân dân xã Lấp Vò')] }, { agency: 'ỦY BAN NHÂN DÂN' });
    expect(diffContent(nfd, nfc).changed).toBe(false);
    const [paragraph] = diffContent(nfd, nfc).sections[0]!.paragraphs;
    expect(paragraph).toEqual({ op: 'same', role: 'body', text: 'Ủy ban nhân dân xã Lấp Vò' });
  });

  it('lists the frame fields that differ, recipients as lines, word by word', () => {
    const before = content({}, { subject: 'Sơ kết công tác thi đua 6 tháng đầu năm 2025', recipients: ['UBND tỉnh', 'Lưu: VT'] });
    const after = content({}, { subject: 'Tổng kết công tác thi đua năm 2025', recipients: ['UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT'] });
    const diff = diffContent(before, after);
    expect(diff.frame.map((change) => change.field)).toEqual(['subject', 'recipients']);
    expect(diff.frame[0]!.words).toEqual([
      { op: 'deleted', text: 'Sơ' },
      { op: 'inserted', text: 'Tổng' },
      { op: 'same', text: ' kết công tác thi đua' },
      { op: 'deleted', text: ' 6 tháng đầu' },
      { op: 'same', text: ' năm 2025' },
    ]);
    expect(diff.frame[1]).toMatchObject({ before: 'UBND tỉnh\nLưu: VT', after: 'UBND tỉnh\nSở Nội vụ\nLưu: VT' });
  });

  it('compares an award tally row by row', () => {
    const tally = (collectives: number): ContentBlock => ({
      kind: 'tally',
      rows: [
        { award: 'Giấy khen của Chủ tịch UBND xã', collectives, individuals: 12 },
        { award: 'Bằng khen của Chủ tịch UBND tỉnh', collectives: 1, individuals: 2 },
      ],
      total: { collectives: collectives + 1, individuals: 14 },
    });
    const diff = diffContent(content({ 'ket-qua': [tally(3)] }), content({ 'ket-qua': [tally(5)] }));
    expect(diff.sections[0]!.paragraphs).toEqual([
      {
        op: 'changed',
        role: 'tallyRow',
        before: 'Giấy khen của Chủ tịch UBND xã: 3 tập thể, 12 cá nhân',
        after: 'Giấy khen của Chủ tịch UBND xã: 5 tập thể, 12 cá nhân',
        words: [
          { op: 'same', text: 'Giấy khen của Chủ tịch UBND xã: ' },
          { op: 'deleted', text: '3' },
          { op: 'inserted', text: '5' },
          { op: 'same', text: ' tập thể, 12 cá nhân' },
        ],
      },
      { op: 'same', role: 'tallyRow', text: 'Bằng khen của Chủ tịch UBND tỉnh: 1 tập thể, 2 cá nhân' },
    ]);
  });

  it('shows a paragraph turned into a numbered heading as changed, and a rewritten one as deleted and inserted', () => {
    const part = diffLines(
      contentLines([body('Kết quả khen thưởng'), body('Một câu hoàn toàn khác trước đây.')]),
      contentLines([item('1. Kết quả khen thưởng'), body('Nội dung viết lại từ đầu.')]),
    );
    expect(part.paragraphs.map((paragraph) => [paragraph.op, paragraph.role])).toEqual([
      ['changed', 'item'],
      ['deleted', 'body'],
      ['inserted', 'body'],
    ]);
  });

  it('lists a section only the version has after today’s, all of it deleted', () => {
    const diff = diffContent(content({ a: [body('Giữ.')], b: [body('Phần cũ.')] }), content({ a: [body('Giữ.')] }));
    expect(diff.sections.map((section) => [section.id, section.changed, section.paragraphs.map((paragraph) => paragraph.op)])).toEqual([
      ['a', false, ['same']],
      ['b', true, ['deleted']],
    ]);
  });
});
