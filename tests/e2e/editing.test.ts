/** Typing in a section as a person does. */
import { describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { editorSelector, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

describe('editing a section', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it('types plain text into a part’s placeholder, and Enter starts another plain paragraph', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');

    const first = 'Đề nghị khen thưởng 12 tập thể.';
    const typed = 'Đã tổ chức 25 phong trào thi đua.';
    await typeInSection(page, 'kien-nghi', 'end', first);
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed);
    await waitForEditorText(page, 'kien-nghi', typed);

    // The guidance was a placeholder: nothing of it, and no italics, in what was typed.
    const paragraphs = page.locator(`${editorSelector('kien-nghi')} > p`);
    expect(await paragraphs.allTextContents()).toEqual([first, typed]);
    expect(await page.locator(`${editorSelector('kien-nghi')} em`).count()).toBe(0);
  });
});
