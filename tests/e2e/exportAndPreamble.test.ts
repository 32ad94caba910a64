/**
 * The opening paragraphs before section I (office-written, in the frame room), and "Xuất Word", which
 * downloads what the rooms hold as a Word file.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { assignSection, createReport, seedWorkspace } from '../helpers/api.js';
import { loginAs, useBrowser, waitForSaveState } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

describe('the opening paragraphs and the Word export', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it('lets the office write the opening paragraphs, shows them read-only to a department, and exports them', async () => {
    const { url, adminCookie } = server();
    const workspace = await seedWorkspace(server());
    const report = await createReport(url, { title: 'Sơ kết công tác năm 2025' }, adminCookie);
    await assignSection(url, adminCookie, report.id, 'tham-muu', workspace.departments.noivu.id);

    const office = await browsers.newPage();
    await loginAs(office, `${url}/reports/${report.id}`, workspace.office.username, workspace.office.password);
    const preamble = office.getByTestId('preamble-editor').locator('.ProseMirror');
    await preamble.click();
    await office.keyboard.press('Control+End');
    await office.keyboard.press('Enter');
    const opening = 'Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh.';
    await office.keyboard.type(opening);
    await waitForSaveState(office, 'saved');

    const department = await browsers.newPage();
    await loginAs(department, `${url}/reports/${report.id}`, workspace.noivu.username, workspace.noivu.password);
    const seen = department.getByTestId('preamble-editor').locator('.ProseMirror');
    await seen.getByText(opening).waitFor();
    expect(await seen.getAttribute('contenteditable')).toBe('false');

    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('export-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/^BC-.*\.docx$/);
    const path = await download.path();
    const zip = await JSZip.loadAsync(await readFile(path!));
    const xml = await zip.file('word/document.xml')!.async('string');
    // The symbol's hyphen is Word's no-break hyphen, an element of its own (issue 12).
    const text = xml.replace(/<w:noBreakHyphen\/>/g, '-').replace(/<[^>]+>/g, '');
    expect(text).toContain(opening);
    expect(text.indexOf(opening)).toBeLessThan(text.indexOf('I. CÔNG TÁC THAM MƯU'));
  });
});
