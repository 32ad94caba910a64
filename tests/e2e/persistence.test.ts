/** What was typed is on the server once the page says so: a reload shows it, exactly once. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { editorText, loginAs, occurrences, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { waitForPlaceholders } from '../helpers/drafting.js';
import { useServer } from '../helpers/startServer.js';

describe('saving', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it('keeps typed text across a reload once the page shows "saved"', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const sectionId = 'kien-nghi';
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');
    const before = await editorText(page, sectionId);

    const typed = 'Đề nghị Ủy ban nhân dân tỉnh bổ sung kinh phí khen thưởng năm 2025.';
    await typeInSection(page, sectionId, 'end', typed);
    await waitForEditorText(page, sectionId, typed);
    await waitForSaveState(page, 'saved');

    await page.reload();
    await waitForEditorText(page, sectionId, typed);
    const after = await editorText(page, sectionId);
    expect(occurrences(after, typed)).toBe(1);
    expect(after).toBe(before + typed);
    await waitForSaveState(page, 'saved');
  });

  it('shows "offline" while the browser is offline and "saved" once it is back', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');

    await page.context().setOffline(true);
    await waitForSaveState(page, 'offline');
    await page.context().setOffline(false);
    await waitForSaveState(page, 'saved');
  });
});

describe('the page never writes starting content', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it('shows each heading once, and each guidance line once as a placeholder, after several people opened the report', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const url = `${server().url}/reports/${report.id}`;
    const template = JSON.parse(await readFile(new URL('../../templates/bao-cao-so-ket.json', import.meta.url), 'utf8')) as {
      sections: Array<{ id: string; guidance?: string; parts?: Array<{ heading: string; guidance?: string }> }>;
    };
    const pages = [await browsers.newPage(), await browsers.newPage()];
    await Promise.all(pages.map((page) => loginAs(page, url, 'admin', server().adminPassword)));
    await Promise.all(pages.map((page) => waitForSaveState(page, 'saved')));
    await pages[0]!.reload();
    await waitForSaveState(pages[0]!, 'saved');

    for (const section of template.sections) {
      const guidance = [section.guidance, ...(section.parts ?? []).map((part) => part.guidance)].filter((line): line is string => line !== undefined);
      await waitForPlaceholders(pages[0]!, section.id, guidance);
      const text = await editorText(pages[0]!, section.id);
      for (const part of section.parts ?? []) expect(occurrences(text, part.heading), `${section.id}: ${part.heading}`).toBe(1);
      for (const line of guidance) expect(occurrences(text, line), `${section.id}: ${line}`).toBe(0);
    }
  });
});
