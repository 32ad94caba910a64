/**
 * Two people in two browsers write the same section at once: each sees the other's text and the other's
 * caret, labelled with the other's name.
 */
import { describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { editorText, occurrences, openAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

describe('two people writing one section', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it("shows each person the other's text and named caret", async () => {
    const report = await createReport(server().url, { title: 'Sơ kết 6 tháng' });
    const sectionId = 'tham-muu';
    const url = `${server().url}/reports/${report.id}`;
    const lan = await browsers.newPage();
    const binh = await browsers.newPage();
    await Promise.all([openAs(lan, url, 'Nguyễn Thị Lan'), openAs(binh, url, 'Trần Văn Bình')]);
    await Promise.all([waitForSaveState(lan, 'saved'), waitForSaveState(binh, 'saved')]);

    const lanText = 'Phòng Nội vụ đã tham mưu kế hoạch số 12.';
    const binhText = 'Văn phòng tổng hợp số liệu quý II. ';
    await Promise.all([
      typeInSection(lan, sectionId, 'end', lanText),
      typeInSection(binh, sectionId, 'start', binhText),
    ]);

    for (const page of [lan, binh]) {
      await waitForEditorText(page, sectionId, lanText);
      await waitForEditorText(page, sectionId, binhText);
    }
    const [lanSees, binhSees] = await Promise.all([editorText(lan, sectionId), editorText(binh, sectionId)]);
    expect(lanSees).toBe(binhSees);
    expect(occurrences(lanSees, lanText)).toBe(1);
    expect(occurrences(lanSees, binhText)).toBe(1);

    const caretOf = (name: string) => `[data-testid="editor-${sectionId}"] .collaboration-carets__caret:has(.collaboration-carets__label:text-is("${name}"))`;
    await lan.locator(caretOf('Trần Văn Bình')).waitFor();
    await binh.locator(caretOf('Nguyễn Thị Lan')).waitFor();
    // Nobody sees a caret of their own.
    expect(await lan.locator(caretOf('Nguyễn Thị Lan')).count()).toBe(0);
    expect(await binh.locator(caretOf('Trần Văn Bình')).count()).toBe(0);
  });

  it('lists both people in the presence bar of each page', async () => {
    const report = await createReport(server().url);
    const url = `${server().url}/reports/${report.id}`;
    const lan = await browsers.newPage();
    const binh = await browsers.newPage();
    await Promise.all([openAs(lan, url, 'Nguyễn Thị Lan'), openAs(binh, url, 'Trần Văn Bình')]);

    for (const page of [lan, binh]) {
      const bar = page.getByTestId('presence-bar');
      await bar.getByTestId('presence-person').filter({ hasText: 'Nguyễn Thị Lan' }).waitFor();
      await bar.getByTestId('presence-person').filter({ hasText: 'Trần Văn Bình' }).waitFor();
    }

    await binh.close();
    await lan.getByTestId('presence-person').filter({ hasText: 'Trần Văn Bình' }).waitFor({ state: 'detached' });
    expect(await lan.getByTestId('presence-person').count()).toBe(1);
  });
});
