/**
 * Named versions in Chromium (issue 10, item 5): the office saves a version by name, a department writes on,
 * the office compares the version with now (the new paragraph marked inserted), opens it read-only and
 * downloads it, then restores it — and the department's page, open all along and never reloaded, receives
 * the restored text live and can go on writing.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assignSection, createReport, login, seedWorkspace } from '../helpers/api.js';
import { editorSelector, editorText, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState, WAIT_MS } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

const WRITTEN = 'Đã tổ chức 12 hội nghị sơ kết tại xã.';
const LATER = 'Bổ sung sau khi lưu phiên bản: 03 phong trào thi đua.';
const AFTER_RESTORE = 'Viết tiếp sau khi khôi phục.';

/** Waits until a section's editor no longer holds `text`. */
async function waitForEditorWithout(page: Page, sectionId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, gone }) => !(document.querySelector(selector)?.textContent ?? gone).includes(gone),
    { selector: editorSelector(sectionId), gone: text },
    { timeout: WAIT_MS },
  );
}

describe('named versions in the browser', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it('saves a version, compares it with the edited report, restores it, and the other browser receives the restored text live', async () => {
    const { url } = server();
    const workspace = await seedWorkspace(server());
    const officeCookie = await login(url, workspace.office.username, workspace.office.password);
    const report = await createReport(url, { title: 'Sơ kết công tác thi đua 6 tháng' }, officeCookie);
    await assignSection(url, officeCookie, report.id, 'tham-muu', workspace.departments.noivu.id);
    const reportUrl = `${url}/reports/${report.id}`;

    const department = await browsers.newPage();
    await loginAs(department, reportUrl, workspace.noivu.username, workspace.noivu.password);
    await typeInSection(department, 'tham-muu', 'end', `\n${WRITTEN}`);
    await waitForSaveState(department, 'saved');

    const office = await browsers.newPage();
    await loginAs(office, reportUrl, workspace.office.username, workspace.office.password);
    await waitForEditorText(office, 'tham-muu', WRITTEN);
    await office.getByTestId('versions-toggle').click();
    await office.getByTestId('version-label').fill('Bản gửi Chủ tịch');
    await office.getByTestId('version-save').click();
    await office.getByTestId('versions-notice').filter({ hasText: 'Bản gửi Chủ tịch' }).waitFor();
    const row = office.getByTestId('version-row').filter({ has: office.getByTestId('version-name').filter({ hasText: /^Bản gửi Chủ tịch$/ }) });
    await row.waitFor();

    // Written after the version was saved, on the department's page.
    await typeInSection(department, 'tham-muu', 'end', `\n${LATER}`);
    await waitForSaveState(department, 'saved');
    await waitForEditorText(office, 'tham-muu', LATER);

    // The comparison: the new paragraph inserted, the rest of the section kept.
    await row.getByTestId('version-compare').click();
    await office.waitForURL((current) => current.pathname.endsWith('/diff'));
    const section = office.getByTestId('diff-section-tham-muu');
    await section.getByTestId('diff-inserted').locator('ins').filter({ hasText: LATER }).waitFor();
    expect(await section.getAttribute('data-changed')).toBe('true');
    expect(await section.getByText(WRITTEN).count()).toBe(1);
    expect(await office.getByTestId('diff-section-ket-qua').getAttribute('data-changed')).toBe('false');

    // The version itself, read-only, without what was written since; and its Word file.
    await office.getByTestId('version-tab-content').click();
    const content = office.getByTestId('version-content');
    await content.getByText(WRITTEN).waitFor();
    expect(await content.getByText(LATER).count()).toBe(0);
    expect(await content.locator('[contenteditable="true"], input, textarea').count()).toBe(0);
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('version-docx').click()]);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(WRITTEN);
    expect(xml).not.toContain(LATER);

    // Restore, confirmed; the office is taken back to the report.
    await office.getByTestId('version-restore').click();
    await office.getByTestId('restore-dialog').waitFor();
    await office.getByTestId('restore-confirm').click();
    await office.waitForURL((current) => current.pathname === `/reports/${report.id}`);

    // The department's page, open all along, receives the restored text; the office's page, opened
    // again, may first show its browser copy, then the server's.
    await waitForEditorWithout(department, 'tham-muu', LATER);
    expect(await editorText(department, 'tham-muu')).toContain(WRITTEN);
    await waitForEditorWithout(office, 'tham-muu', LATER);
    expect(await editorText(office, 'tham-muu')).toContain(WRITTEN);

    // And writing goes on, seen by the other.
    await typeInSection(department, 'tham-muu', 'end', `\n${AFTER_RESTORE}`);
    await waitForSaveState(department, 'saved');
    await waitForEditorText(office, 'tham-muu', AFTER_RESTORE);

    // The restore is itself a version, and what it replaced is one too.
    await office.getByTestId('versions-toggle').click();
    const names = office.getByTestId('version-name');
    await names.filter({ hasText: /^Khôi phục: Bản gửi Chủ tịch$/ }).waitFor();
    await names.filter({ hasText: /^Trước khi khôi phục: Bản gửi Chủ tịch$/ }).waitFor();
  });
});
