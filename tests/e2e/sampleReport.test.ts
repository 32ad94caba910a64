/**
 * The sample report as the demo workspace seeds it (issue 4, point 6): its header, its four sections with
 * their headings from the report's section list, its award results as a tally whose prose is the sample's
 * sentence, its recipients and its signature block — as the department that writes section II sees them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/config.js';
import { byTestId, loginAs, useBrowser, waitForSaveState, waitForText, waitForValue } from '../helpers/browser.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../helpers/startServer.js';

/** The sample's sentence (../shared/samples), with the lower-case "tỉnh" PL II asks for. */
const SAMPLE_PROSE =
  'Bằng khen của Thủ tướng Chính phủ (02 cá nhân); Ủy ban nhân dân tỉnh đã tặng thưởng: Cờ thi đua tỉnh (03 tập thể); ' +
  'Tập thể lao động xuất sắc (04 tập thể); Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (19 tập thể và 47 cá nhân).';

const SAMPLE_RECIPIENTS = [
  'Sở Nội vụ',
  'Q.CT, PCT/UBND Huyện',
  'UB.MTTQ VN và các tổ chức CT-XH Huyện',
  'Các ngành Huyện liên quan',
  'UBND xã, thị trấn',
  'LĐVP + CV (K Thủy)',
  // Stored as the sample has it, stray "," and all (a slip the form checker finds); printed "- Lưu: VT, NV (Thu).".
  'Lưu: VT, NV (Thu),',
];

describe('the demo sample report', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  let server: TestServer;
  const printed: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      config: { auth: { ...defaultConfig().auth, seedDemo: true, adminPassword: ADMIN_PASSWORD } },
      print: (line) => printed.push(line),
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A demo account's password, as printed once at start-up. */
  function password(username: string): string {
    const line = printed.find((candidate) => candidate.trim().startsWith(`${username} `));
    const found = line?.trim().split(/\s+/)[1];
    if (found === undefined) throw new Error(`no demo password printed for ${username}`);
    return found;
  }

  async function openSample(username: string): Promise<Page> {
    const page = await browsers.newPage();
    await loginAs(page, `${server.url}/`, username, password(username));
    await page.getByTestId('report-list').locator('a').first().click();
    await waitForSaveState(page, 'saved');
    return page;
  }

  it('shows its header, tally, recipients and signature block as the sample has them', async () => {
    const page = await openSample('vhtt');

    // The header.
    await waitForValue(page, byTestId('frame-agency'), 'ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ');
    expect(await page.getByTestId('frame-parentAgency').inputValue()).toBe('UBND TỈNH ĐỒNG THÁP');
    expect(await page.getByTestId('frame-number-line').textContent()).toBe('Số:      /BC-UBND');
    expect(await page.getByTestId('frame-place-date').textContent()).toBe('Lấp Vò, ngày 05 tháng 02 năm 2024');
    expect(await page.getByTestId('frame-docType').textContent()).toBe('BÁO CÁO');
    expect(await page.getByTestId('frame-subject').inputValue()).toBe(
      'Kết quả sơ kết 01 năm triển khai thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến” giai đoạn 2022 - 2025',
    );
    expect(await page.getByTestId('frame-header').locator('.national-name').textContent()).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await page.getByTestId('frame-header').locator('.motto').textContent()).toBe('Độc lập - Tự do - Hạnh phúc');

    // Four sections, headed from the report's section list.
    expect(await page.locator('.section-title').allTextContents()).toEqual([
      'I. CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN',
      'II. KẾT QUẢ TRIỂN KHAI THỰC HIỆN',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);

    // The award results of II.3 as a tally, its prose the sample's sentence.
    const tally = (id: string) => byTestId(id, 'ket-qua');
    await waitForText(page, tally('tally-prose'), SAMPLE_PROSE);
    expect(await page.locator(tally('tally-row-0')).locator('.overlay-select-text').textContent()).toBe('Bằng khen của Thủ tướng Chính phủ');
    expect(await page.locator(tally('tally-individuals-0')).inputValue()).toBe('2');
    expect(await page.locator(tally('tally-collectives-3')).inputValue()).toBe('19');
    expect(await page.locator(tally('tally-individuals-3')).inputValue()).toBe('47');
    expect(await page.locator(tally('tally-total')).locator('td').allTextContents()).toEqual(['', 'Tổng cộng', '26', '49']);

    // The tally sits inside the numbered items without disturbing their numbering: it neither counts nor resets.
    const counters = await page.locator(tally('award-tally')).evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.counterIncrement, style.counterReset];
    });
    expect(counters).toEqual(['none', 'none']);
    const items = page.getByTestId('editor-ket-qua').locator('.ProseMirror > h2');
    expect(await items.count()).toBe(3);
    expect(await items.nth(2).evaluate((element) => getComputedStyle(element, '::before').content)).toBe('counter(item) ". "');

    // The recipients, each shown as printed, and the signature block.
    for (const [index, recipient] of SAMPLE_RECIPIENTS.entries()) {
      expect(await page.getByTestId(`recipient-${index}`).inputValue()).toBe(recipient);
    }
    expect(await page.getByTestId('frame-footer').locator('.recipient-end').allTextContents()).toEqual([';', ';', ';', ';', ';', ';', '.']);
    expect(await page.getByTestId('frame-sign-line').allTextContents()).toEqual(['TM. ỦY BAN NHÂN DÂN']);
    expect(await page.getByTestId('frame-signAuthority').inputValue()).toBe('TM. ỦY BAN NHÂN DÂN');
    // The title as the sample types it (a slip the form checker finds), printed "Q. CHỦ TỊCH".
    expect(await page.getByTestId('frame-signTitle').inputValue()).toBe('Q.CHỦ TỊCH');
    expect(await page.getByTestId('frame-signerName').inputValue()).toBe('Trương Thị Diệp');

    // A department reads the frame; it writes its own section, tally included.
    await page.getByTestId('frame-readonly').waitFor();
    expect(await page.locator(tally('tally-collectives-0')).isEditable()).toBe(true);
  });
});
