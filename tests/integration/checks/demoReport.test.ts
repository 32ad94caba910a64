/**
 * The form checker on the demo report (issue 12): the sample report (../shared/samples), seeded with its
 * slips, answers every one of them — each listed below — and nothing else.
 *
 * Slips of the sample the demo cannot hold, and so are not listed: "THAM MUỘ" in section I's title (the
 * demo's section titles are its template's, "THAM MƯU"; the word list has it, tests/unit/common/checks); the
 * capital "Tỉnh" of the award sentence (the demo's sentence is written from its tally's rows, in lower case);
 * the blank date (the demo's frame has 2024-02-05). The number is blank, as in the sample: said at issuing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../common/checks/finding.js';
import { call } from '../../helpers/api.js';
import { startDemoServer, type DemoServer } from '../export/support/exportServer.js';

/** A finding in brief: rule, severity, part, where (block index, field, recipient line), what was found, the fix's text. */
type Brief = [rule: string, severity: string, part: string, where: string | number, found: string, expected: string];

const huyen = (part: string, block: number | string): Brief => ['admin-unit-case', 'warning', part, block, 'Huyện', 'huyện'];
const diemHinh = (block: number): Brief => ['spelling', 'error', 'section/ket-qua', block, 'Diễn hình', 'Điển hình'];
const years = (part: string, block: number, found: string): Brief => ['year-range', 'warning', part, block, found, found.replace(/\s*[-–]\s*/, ' - ')];

/** Every slip of the sample, in reading order (header, opening paragraphs, sections I–IV, footer). */
const SLIPS: Brief[] = [
  // The opening paragraphs: "Ủy ban nhân dân Huyện báo cáo".
  huyen('frame', 1),
  // I.1: "Đảng bộ Huyện", "Ủy ban nhân dân Huyện" twice; "2022-2025", "2021- 2025", "2020-2025" against the report's "2022 - 2025".
  huyen('section/tham-muu', 1),
  huyen('section/tham-muu', 1),
  huyen('section/tham-muu', 1),
  years('section/tham-muu', 1, '2022-2025'),
  years('section/tham-muu', 1, '2021- 2025'),
  years('section/tham-muu', 1, '2020-2025'),
  // I.2: "Ủy ban nhân dân Huyện", "trên địa bàn Huyện", "cơ quan chuyên môn của Huyện" ("Huyện ủy" is a name).
  huyen('section/tham-muu', 3),
  huyen('section/tham-muu', 3),
  huyen('section/tham-muu', 4),
  // II.1: "trên địa Huyện", a word missing and a capital.
  ['spelling', 'error', 'section/ket-qua', 1, 'trên địa Huyện', 'trên địa bàn huyện'],
  huyen('section/ket-qua', 1),
  // II.2: "Ủy ban nhân dân Huyện", "Ban Chỉ đạo Huyện", "Công an Huyện"; six "Diễn hình"; "Lắp Vò"; "2019-2025".
  huyen('section/ket-qua', 4),
  huyen('section/ket-qua', 5),
  huyen('section/ket-qua', 5),
  diemHinh(6),
  diemHinh(7),
  huyen('section/ket-qua', 7),
  huyen('section/ket-qua', 7),
  diemHinh(8),
  huyen('section/ket-qua', 8),
  diemHinh(9),
  ['spelling', 'error', 'section/ket-qua', 9, 'Lắp Vò', 'Lấp Vò'],
  huyen('section/ket-qua', 9),
  diemHinh(10),
  huyen('section/ket-qua', 10),
  huyen('section/ket-qua', 10),
  years('section/ket-qua', 10, '2019-2025'),
  diemHinh(11),
  // II.3: its heading's "Bằng khen Tỉnh"; the models' list: "không hện", "Công an Huyện", "Mặt trận … Huyện".
  ['admin-unit-case', 'warning', 'section/ket-qua', 12, 'Tỉnh', 'tỉnh'],
  ['spelling', 'error', 'section/ket-qua', 14, 'không hện', 'không hẹn'],
  huyen('section/ket-qua', 15),
  huyen('section/ket-qua', 16),
  // III.1: "trên địa bàn Huyện", "toàn địa bàn Huyện".
  huyen('section/danh-gia', 1),
  huyen('section/danh-gia', 1),
  // IV: the closing sentence, "2022 – 2025" with a dash and "trên địa bàn Huyện./.".
  huyen('section/kien-nghi', 2),
  years('section/kien-nghi', 2, '2022 – 2025'),
  // Nơi nhận: "PCT/UBND Huyện", "CT-XH Huyện", "Các ngành Huyện"; the "Lưu" line closed with ",".
  huyen('frame', 'recipient 1'),
  huyen('frame', 'recipient 2'),
  huyen('frame', 'recipient 3'),
  ['recipient-end', 'error', 'frame', 'recipient 6', 'Lưu: VT, NV (Thu),', 'Lưu: VT, NV (Thu).'],
  // The signature block: "Q.CHỦ TỊCH".
  ['authority-form', 'error', 'frame', 'signTitle', 'Q.CHỦ TỊCH', 'Q. CHỦ TỊCH'],
];

function brief(finding: Finding): Brief {
  const { target } = finding;
  const where = target.kind === 'block' ? target.block : target.kind === 'field' ? target.field : target.kind === 'recipient' ? `recipient ${target.index}` : target.kind;
  return [finding.rule, finding.severity, finding.part, where, String(finding.params.found ?? ''), String(finding.params.expected ?? '')];
}

describe('the form checker on the demo report', { timeout: 60_000 }, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo?.server.close();
  });

  const checks = async (cookie: string, query = ''): Promise<Finding[]> => {
    const response = await call(demo.server.url, cookie, 'GET', `/api/reports/${demo.report.id}/checks${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Finding[];
  };

  it('finds every slip of the sample, and nothing else', async () => {
    expect((await checks(demo.server.adminCookie)).map(brief)).toEqual(SLIPS);
  });

  it('says, when asked about issuing, that the number is still blank, first', async () => {
    const findings = await checks(demo.server.adminCookie, '?for=issue');
    expect(findings.map(brief)).toEqual([['issue-number', 'error', 'frame', 'number', '', ''], ...SLIPS]);
  });

  it('offers a fix for each, cites Nghị định 30/2020 and answers the same to a department that reads the report', async () => {
    const findings = await checks(await demo.loginAs('vhtt'));
    expect(findings.map(brief)).toEqual(SLIPS);
    for (const finding of findings) {
      expect(finding.fix, finding.id).toBeDefined();
      expect(finding.clause).toMatch(/^Nghị định 30\/2020\/NĐ-CP, Điều \d+/);
    }
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.params.found)).toEqual([
      'trên địa Huyện',
      'Diễn hình',
      'Diễn hình',
      'Diễn hình',
      'Diễn hình',
      'Lắp Vò',
      'Diễn hình',
      'Diễn hình',
      'không hện',
      'Lưu: VT, NV (Thu),',
      'Q.CHỦ TỊCH',
    ]);
  });
});
