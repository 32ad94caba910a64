/**
 * The report's header and footer (issue 4): the office fills them in the document's own layout, bound
 * live to the frame room; a department sees every change at once and cannot change anything.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFrame, type FrameFields } from '../../common/frame.js';
import { formatRoomName } from '../../common/rooms.js';
import { assignSection, createReport } from '../helpers/api.js';
import { byTestId, loginAs, useBrowser, waitForSaveState, waitForText, waitForValue } from '../helpers/browser.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

describe('the header and footer of a report', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);
  const openRoom = useRoomClients(server, officeCookie);

  /** A report with a section for Phòng Nội vụ, open in the office's and Nội vụ's browsers. */
  async function openAsOfficeAndDepartment(): Promise<{ reportId: string; office: Page; noivu: Page }> {
    const report = await createReport(server().url, { title: 'Sơ kết phong trào thi đua năm 2024' }, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, report.sections[0]!.id, workspace().departments.noivu.id);
    const url = `${server().url}/reports/${report.id}`;
    const [office, noivu] = [await browsers.newPage(), await browsers.newPage()];
    await Promise.all([
      loginAs(office, url, workspace().office.username, workspace().office.password),
      loginAs(noivu, url, workspace().noivu.username, workspace().noivu.password),
    ]);
    await Promise.all([waitForSaveState(office, 'saved'), waitForSaveState(noivu, 'saved')]);
    return { reportId: report.id, office, noivu };
  }

  /** The frame as the server's room holds it, read by a client of our own. */
  async function storedFrame(reportId: string): Promise<() => FrameFields> {
    const client = await openRoom(formatRoomName({ reportId, part: { kind: 'frame' } }));
    return () => readFrame(client.doc);
  }

  it('lets the office fill the header, shown live to a department that cannot change it', async () => {
    const { reportId, office, noivu } = await openAsOfficeAndDepartment();
    // The report starts with the template's type and its title as the subject.
    await waitForValue(office, byTestId('frame-subject'), 'Sơ kết phong trào thi đua năm 2024');
    expect(await office.getByTestId('frame-docType').innerText()).toBe('BÁO CÁO');

    await office.getByTestId('frame-parentAgency').fill('UBND tỉnh Đồng Tháp');
    await office.getByTestId('frame-agency').fill('ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH');
    await office.getByTestId('frame-symbol').fill('BC-UBND');
    await office.getByTestId('frame-place').fill('Bình Thành');
    await office.getByTestId('frame-date').fill('2024-02-05');
    await office.getByTestId('frame-subject').fill('Kết quả sơ kết công tác thi đua, khen thưởng năm 2024');

    // The number is blank until the report is issued; the place and date read as the standard writes them.
    for (const page of [office, noivu]) {
      await waitForText(page, byTestId('frame-number-line'), 'Số:      /BC-UBND');
      await waitForText(page, byTestId('frame-place-date'), 'Bình Thành, ngày 05 tháng 02 năm 2024');
      await waitForValue(page, byTestId('frame-agency'), 'ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH');
      await waitForValue(page, byTestId('frame-subject'), 'Kết quả sơ kết công tác thi đua, khen thưởng năm 2024');
    }
    expect(await office.getByTestId('frame-number').inputValue()).toBe('');
    // Agency names print in upper case, whatever case they were typed in.
    expect(await noivu.getByTestId('frame-parentAgency').evaluate((element) => getComputedStyle(element).textTransform)).toBe('uppercase');

    // The room holds each field under its key.
    const stored = await storedFrame(reportId);
    await waitFor(() => stored().date === '2024-02-05', { what: 'the date in the frame room' });
    expect(stored()).toMatchObject({
      parentAgency: 'UBND tỉnh Đồng Tháp',
      agency: 'ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH',
      number: '',
      symbol: 'BC-UBND',
      place: 'Bình Thành',
      subject: 'Kết quả sơ kết công tác thi đua, khen thưởng năm 2024',
    });

    // The department reads the header and is told why it cannot change it.
    await noivu.getByTestId('frame-readonly').waitFor();
    expect(await office.getByTestId('frame-readonly').count()).toBe(0);
    for (const key of ['frame-agency', 'frame-subject', 'frame-parentAgency']) {
      expect(await noivu.getByTestId(key).isEditable(), key).toBe(false);
    }
    expect(await noivu.getByTestId('frame-place').count()).toBe(0);
    expect(await noivu.getByTestId('frame-date').count()).toBe(0);
    await noivu.getByTestId('frame-agency').click();
    await noivu.keyboard.type(' SỬA TRÁI PHÉP');
    await noivu.getByTestId('frame-subject').click();
    await noivu.keyboard.press('End');
    await noivu.keyboard.type(' (sửa)');
    expect(await noivu.getByTestId('frame-agency').inputValue()).toBe('ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH');
    expect(await noivu.getByTestId('save-state').getAttribute('data-state')).toBe('saved');

    // A later change by the office still arrives: the department's connection was never refused.
    await office.getByTestId('frame-place').fill('Lấp Vò');
    await waitForText(noivu, byTestId('frame-place-date'), 'Lấp Vò, ngày 05 tháng 02 năm 2024');
    expect(stored().agency).toBe('ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH');
  });

  it('lets the office edit the recipients and the signature block, as the footer prints them', async () => {
    const { reportId, office, noivu } = await openAsOfficeAndDepartment();
    // A new report's recipients are the template's: the closing "Lưu: VT" line.
    await waitForValue(office, byTestId('recipient-0'), 'Lưu: VT');

    // A new recipient goes before the "Lưu" line, which stays last.
    await office.getByTestId('recipient-add').click();
    await waitForValue(office, byTestId('recipient-1'), 'Lưu: VT');
    await office.getByTestId('recipient-0').fill('Sở Nội vụ');
    await office.getByTestId('recipient-add').click();
    await office.getByTestId('recipient-1').fill('- Phòng Văn hóa - Thông tin;');
    await office.getByTestId('recipient-2').fill('Lưu: VT, NV');
    await office.getByTestId('recipient-2').blur();
    // Punctuation typed by hand goes; the standard's is drawn around each line.
    await waitForValue(office, byTestId('recipient-1'), 'Phòng Văn hóa - Thông tin');
    const lines = noivu.getByTestId('frame-footer').locator('.recipient-line');
    await noivu.waitForFunction(() => document.querySelectorAll('[data-testid="frame-footer"] .recipient-line').length === 3);
    await waitForValue(noivu, byTestId('recipient-2'), 'Lưu: VT, NV');
    expect(await lines.locator('.recipient-end').allTextContents()).toEqual([';', ';', '.']);
    expect(await noivu.getByTestId('frame-footer').locator('.recipients-label').innerText()).toBe('Nơi nhận:');

    await office.getByTestId('recipient-1').hover();
    await office.getByTestId('recipient-remove-1').click();
    await waitForValue(noivu, byTestId('recipient-1'), 'Lưu: VT, NV');

    // The authority line from the standard forms, the title and the name.
    await office.getByTestId('frame-signAuthority').selectOption('KT. CHỦ TỊCH');
    await office.getByTestId('frame-signTitle').fill('Phó Chủ tịch');
    await office.getByTestId('frame-signerName').fill('Nguyễn Văn An');
    await noivu.getByTestId('frame-sign-line').filter({ hasText: 'KT. CHỦ TỊCH' }).waitFor();
    await waitForValue(noivu, byTestId('frame-signTitle'), 'Phó Chủ tịch');
    await waitForValue(noivu, byTestId('frame-signerName'), 'Nguyễn Văn An');
    expect(await noivu.getByTestId('frame-signTitle').evaluate((element) => getComputedStyle(element).textTransform)).toBe('uppercase');

    // The department can change none of it.
    expect(await noivu.getByTestId('frame-signAuthority').isDisabled()).toBe(true);
    expect(await noivu.getByTestId('frame-signerName').isEditable()).toBe(false);
    expect(await noivu.getByTestId('recipient-0').isEditable()).toBe(false);
    expect(await noivu.getByTestId('recipient-add').count()).toBe(0);
    await noivu.getByTestId('frame-footer-readonly').waitFor();

    const stored = await storedFrame(reportId);
    await waitFor(() => stored().signerName === 'Nguyễn Văn An', { what: 'the signer in the frame room' });
    expect(stored()).toMatchObject({
      recipients: ['Sở Nội vụ', 'Lưu: VT, NV'],
      signAuthority: 'KT. CHỦ TỊCH',
      signTitle: 'Phó Chủ tịch',
    });
    await Promise.all([waitForSaveState(office, 'saved'), waitForSaveState(noivu, 'saved')]);
  });
});
