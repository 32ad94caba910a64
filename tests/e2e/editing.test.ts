/** Typing in a section as a person does. */
import { describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { editorSelector, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

describe('editing a section', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it('starts a plain paragraph on Enter after an italic guidance line', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');

    const typed = 'Đã tổ chức 25 phong trào thi đua.';
    await typeInSection(page, 'kien-nghi', 'end', '');
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed);
    await waitForEditorText(page, 'kien-nghi', typed);

    const paragraphs = page.locator(`${editorSelector('kien-nghi')} > p`);
    const last = paragraphs.last();
    expect(await last.textContent()).toBe(typed);
    expect(await last.locator('em').count()).toBe(0);
    expect(await paragraphs.first().locator('em').count()).toBe(1);
  });
});
