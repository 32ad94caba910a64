/**
 * Two people in two browsers write the same section at once — the office and the department that owns the
 * section: each sees the other's text and the other's caret, labelled with the other's account name.
 */
import { describe, expect, it } from 'vitest';
import { assignSection, createReport } from '../helpers/api.js';
import { editorText, loginAs, occurrences, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

/** The display names seedWorkspace gives the office's and Phòng Nội vụ's accounts. */
const OFFICE_NAME = 'Nguyễn Thị Thu';
const NOI_VU_NAME = 'Lê Văn Nam';

describe('two people writing one section', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** A report whose first section belongs to Phòng Nội vụ, open in the office's and Nội vụ's browsers. */
  async function openTogether(title?: string) {
    const report = await createReport(server().url, title === undefined ? {} : { title }, officeCookie());
    const sectionId = 'tham-muu';
    await assignSection(server().url, officeCookie(), report.id, sectionId, workspace().departments.noivu.id);
    const url = `${server().url}/reports/${report.id}`;
    const office = await browsers.newPage();
    const noivu = await browsers.newPage();
    await Promise.all([
      loginAs(office, url, workspace().office.username, workspace().office.password),
      loginAs(noivu, url, workspace().noivu.username, workspace().noivu.password),
    ]);
    return { sectionId, office, noivu };
  }

  it("shows each person the other's text and named caret", async () => {
    const { sectionId, office, noivu } = await openTogether('Sơ kết 6 tháng');
    await Promise.all([waitForSaveState(office, 'saved'), waitForSaveState(noivu, 'saved')]);

    const noivuText = 'Phòng Nội vụ đã tham mưu kế hoạch số 12.';
    const officeText = 'Văn phòng tổng hợp số liệu quý II. ';
    await Promise.all([
      typeInSection(noivu, sectionId, 'end', noivuText),
      typeInSection(office, sectionId, 'start', officeText),
    ]);

    for (const page of [office, noivu]) {
      await waitForEditorText(page, sectionId, noivuText);
      await waitForEditorText(page, sectionId, officeText);
    }
    const [officeSees, noivuSees] = await Promise.all([editorText(office, sectionId), editorText(noivu, sectionId)]);
    expect(officeSees).toBe(noivuSees);
    expect(occurrences(officeSees, noivuText)).toBe(1);
    expect(occurrences(officeSees, officeText)).toBe(1);

    const caretOf = (name: string) => `[data-testid="editor-${sectionId}"] .collaboration-carets__caret:has(.collaboration-carets__label:text-is("${name}"))`;
    await office.locator(caretOf(NOI_VU_NAME)).waitFor();
    await noivu.locator(caretOf(OFFICE_NAME)).waitFor();
    // Nobody sees a caret of their own.
    expect(await office.locator(caretOf(OFFICE_NAME)).count()).toBe(0);
    expect(await noivu.locator(caretOf(NOI_VU_NAME)).count()).toBe(0);
  });

  it('lists both people in the presence bar of each page, with their department', async () => {
    const { office, noivu } = await openTogether();

    for (const page of [office, noivu]) {
      const bar = page.getByTestId('presence-bar');
      await bar.getByTestId('presence-person').filter({ hasText: OFFICE_NAME }).waitFor();
      await bar.getByTestId('presence-person').filter({ hasText: NOI_VU_NAME }).waitFor();
    }
    // The department comes from the server, which knows the account.
    await office.locator(`[data-testid="presence-person"][title="${NOI_VU_NAME} · Phòng Nội vụ"]`).waitFor();

    await noivu.close();
    await office.getByTestId('presence-person').filter({ hasText: NOI_VU_NAME }).waitFor({ state: 'detached' });
    expect(await office.getByTestId('presence-person').count()).toBe(1);
  });
});
