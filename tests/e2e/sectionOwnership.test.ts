/**
 * Departments write their own sections (issue 3): two departments and the chairperson, each in their own
 * browser, on one report whose section I belongs to Phòng Nội vụ and section II to Phòng Văn hóa - Thông
 * tin. Each can type exactly where allowed and sees why elsewhere; a reassignment by the office moves the
 * right to write at once, without a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../common/report.js';
import { assignSection, call, createReport } from '../helpers/api.js';
import {
  editorText,
  loginAs,
  occurrences,
  tryToType,
  typeInSection,
  useBrowser,
  waitForEditable,
  waitForEditorText,
  waitForSaveState,
} from '../helpers/browser.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

const NOI_VU_WRITES = 'Phần này do Phòng Nội vụ soạn';
const VHTT_WRITES = 'Phần này do Phòng Văn hóa - Thông tin soạn';
const UNASSIGNED = 'Phần này chưa được giao cho phòng nào';
const CHAIR_READS = 'Chủ tịch chỉ xem, không sửa trực tiếp';

/** The read-only note of a section, or null when the page shows none. */
async function readOnlyNote(page: Page, sectionId: string): Promise<string | null> {
  const note = page.getByTestId(`readonly-${sectionId}`);
  return (await note.count()) === 0 ? null : note.innerText();
}

/**
 * Types where the page does not allow it, and checks that nothing changed: not the text, and not the save
 * state (a local edit, even one held back, would turn "saved" into "saving").
 */
async function expectTypingRefused(page: Page, sectionId: string, text: string): Promise<void> {
  await waitForSaveState(page, 'saved');
  const before = await editorText(page, sectionId);
  await tryToType(page, sectionId, text);
  expect(await editorText(page, sectionId)).toBe(before);
  expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
}

describe('sections owned by departments', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** A report with section I given to Nội vụ, section II to VHTT, the rest unassigned. */
  async function reportForTwoDepartments(): Promise<{ report: Report; one: string; two: string; three: string }> {
    const report = await createReport(server().url, { title: 'Sơ kết công tác thi đua 6 tháng' }, officeCookie());
    const [one, two, three] = report.sections.map((section) => section.id);
    if (one === undefined || two === undefined || three === undefined) throw new Error('the template has fewer than three sections');
    await assignSection(server().url, officeCookie(), report.id, one, workspace().departments.noivu.id);
    await assignSection(server().url, officeCookie(), report.id, two, workspace().departments.vhtt.id);
    return { report, one, two, three };
  }

  async function openAs(account: { username: string; password: string }, url: string): Promise<Page> {
    const page = await browsers.newPage();
    await loginAs(page, url, account.username, account.password);
    await waitForSaveState(page, 'saved');
    return page;
  }

  it('lets each department type in its own section only, and the chairperson nowhere, saying why', async () => {
    const { report, one, two, three } = await reportForTwoDepartments();
    const url = `${server().url}/reports/${report.id}`;
    const [noivu, vhtt, chair] = await Promise.all([
      openAs(workspace().noivu, url),
      openAs(workspace().vhtt, url),
      openAs(workspace().chair, url),
    ]);

    // Who owns what, as every page shows it.
    for (const page of [noivu, vhtt, chair]) {
      expect(await page.getByTestId(`owner-${one}`).innerText()).toContain('Phòng Nội vụ');
      expect(await page.getByTestId(`owner-${two}`).innerText()).toContain('Phòng Văn hóa - Thông tin');
      expect(await page.getByTestId(`owner-${three}`).innerText()).toContain('Chưa giao');
    }

    // Where each may write, and the reason shown where they may not.
    await waitForEditable(noivu, one, true);
    await waitForEditable(noivu, two, false);
    await waitForEditable(vhtt, one, false);
    await waitForEditable(vhtt, two, true);
    for (const section of [one, two, three]) await waitForEditable(chair, section, false);
    expect(await readOnlyNote(noivu, one)).toBeNull();
    expect(await readOnlyNote(noivu, two)).toBe(VHTT_WRITES);
    expect(await readOnlyNote(noivu, three)).toBe(UNASSIGNED);
    expect(await readOnlyNote(vhtt, one)).toBe(NOI_VU_WRITES);
    expect(await readOnlyNote(vhtt, two)).toBeNull();
    for (const section of [one, two, three]) expect(await readOnlyNote(chair, section)).toBe(CHAIR_READS);

    // Each department types in its own section; everyone sees it.
    const noivuText = ' Phòng Nội vụ đã tham mưu kế hoạch số 12/KH-UBND.';
    const vhttText = ' Tuyên truyền trên cổng thông tin điện tử 45 tin, bài.';
    await Promise.all([typeInSection(noivu, one, 'end', noivuText), typeInSection(vhtt, two, 'end', vhttText)]);
    for (const page of [noivu, vhtt, chair]) {
      await waitForEditorText(page, one, noivuText);
      await waitForEditorText(page, two, vhttText);
    }

    // Typing where it is not allowed changes nothing: not the page, not the others' copies.
    const refused = ' KHÔNG ĐƯỢC GHI';
    await expectTypingRefused(noivu, two, refused);
    await expectTypingRefused(vhtt, one, refused);
    for (const section of [one, two, three]) await expectTypingRefused(chair, section, refused);
    // A later edit that does arrive everywhere: had the refused typing been sent, it would have arrived first.
    const marker = ' Đã rà soát.';
    await typeInSection(noivu, one, 'end', marker);
    await typeInSection(vhtt, two, 'end', marker);
    for (const page of [noivu, vhtt, chair]) {
      await waitForEditorText(page, one, marker);
      await waitForEditorText(page, two, marker);
      for (const section of [one, two, three]) expect(await editorText(page, section)).not.toContain(refused);
      await waitForSaveState(page, 'saved');
    }
  });

  it('moves the right to write live when the office gives a section to another department', async () => {
    const { report, two, three } = await reportForTwoDepartments();
    // VHTT keeps a section of the report, so it still sees the report after losing section II.
    await assignSection(server().url, officeCookie(), report.id, three, workspace().departments.vhtt.id);
    const url = `${server().url}/reports/${report.id}`;
    const [noivu, vhtt] = await Promise.all([openAs(workspace().noivu, url), openAs(workspace().vhtt, url)]);
    await waitForEditable(noivu, two, false);
    await waitForEditable(vhtt, two, true);

    await assignSection(server().url, officeCookie(), report.id, two, workspace().departments.noivu.id);

    await waitForEditable(noivu, two, true);
    await waitForEditable(vhtt, two, false);
    await noivu.getByTestId(`readonly-${two}`).waitFor({ state: 'detached' });
    expect(await readOnlyNote(vhtt, two)).toBe(NOI_VU_WRITES);
    for (const page of [noivu, vhtt]) await page.getByTestId(`owner-${two}`).filter({ hasText: 'Phòng Nội vụ' }).waitFor();

    const typed = ' Phòng Nội vụ tiếp nhận phần này.';
    await typeInSection(noivu, two, 'end', typed);
    await waitForEditorText(vhtt, two, typed);
    await expectTypingRefused(vhtt, two, ' VHTT không còn ghi được');
    await waitForSaveState(noivu, 'saved');
    expect(occurrences(await editorText(vhtt, two), typed)).toBe(1);
  });

  it('drops what was typed after the section was taken away, and shows what the server kept', async () => {
    const { report, two, three } = await reportForTwoDepartments();
    await assignSection(server().url, officeCookie(), report.id, three, workspace().departments.vhtt.id);
    const url = `${server().url}/reports/${report.id}`;
    const noivu = await openAs(workspace().noivu, url);
    // VHTT's page hears of the reassignment late: the review room's messages are held back, so it still
    // lets VHTT type when the server already refuses VHTT's writes to section II.
    const vhtt = await browsers.newPage();
    let holdReview = false;
    const heldReview: Array<string | Buffer> = [];
    let releaseReview: () => void = () => {};
    await vhtt.routeWebSocket(/\/collab\/[^/]+\/review$/, (ws) => {
      const server = ws.connectToServer();
      releaseReview = () => {
        holdReview = false;
        for (const message of heldReview.splice(0)) ws.send(message);
      };
      server.onMessage((message) => (holdReview ? heldReview.push(message) : ws.send(message)));
    });
    const sectionSockets: string[] = [];
    vhtt.on('websocket', (socket) => {
      if (socket.url().endsWith(`/section/${two}`)) sectionSockets.push(socket.url());
    });
    await loginAs(vhtt, url, workspace().vhtt.username, workspace().vhtt.password);
    await waitForSaveState(vhtt, 'saved');
    await waitForEditable(vhtt, two, true);

    holdReview = true;
    await assignSection(server().url, officeCookie(), report.id, two, workspace().departments.noivu.id);
    await waitForEditable(noivu, two, true);
    const refused = ' Viết sau khi đã mất quyền.';
    await typeInSection(vhtt, two, 'end', refused);
    // The server closed the section's socket (4403); the page connected it again, without the refused text.
    await vhtt.waitForFunction(
      ({ selector, text }) => !(document.querySelector(selector)?.textContent ?? '').includes(text),
      { selector: `[data-testid="editor-${two}"]`, text: refused },
    );
    expect(sectionSockets.length).toBeGreaterThan(1);

    releaseReview();
    await waitForEditable(vhtt, two, false);
    expect(await readOnlyNote(vhtt, two)).toBe(NOI_VU_WRITES);
    await Promise.all([waitForSaveState(vhtt, 'saved'), waitForSaveState(noivu, 'saved')]);
    const marker = ' Phòng Nội vụ tiếp nhận.';
    await typeInSection(noivu, two, 'end', marker);
    await waitForEditorText(vhtt, two, marker);
    const [seenByVhtt, seenByNoivu] = [await editorText(vhtt, two), await editorText(noivu, two)];
    expect(seenByVhtt).toBe(seenByNoivu);
    expect(seenByNoivu).not.toContain(refused.trim());
  });

  it('tells a department whose last section is taken away that the report is no longer shared with it', async () => {
    const { report, two } = await reportForTwoDepartments();
    const url = `${server().url}/reports/${report.id}`;
    const [noivu, vhtt] = await Promise.all([openAs(workspace().noivu, url), openAs(workspace().vhtt, url)]);
    await waitForEditable(vhtt, two, true);

    await assignSection(server().url, officeCookie(), report.id, two, workspace().departments.noivu.id);

    await vhtt.getByTestId('report-lost').filter({ hasText: 'Báo cáo này không còn được chia sẻ với bạn' }).waitFor();
    await waitForEditable(noivu, two, true);
    await waitForSaveState(noivu, 'saved');
  });

  it("follows the admin's changes to an account on its open page: new department, then disabled", async () => {
    const { report, one, two } = await reportForTwoDepartments();
    const url = `${server().url}/reports/${report.id}`;
    // An account of its own: moving it must not disturb the other tests' accounts.
    const password = 'mat-khau-chuyen-phong';
    const created = await call(server().url, server().adminCookie, 'POST', '/api/users', {
      username: 'chuyenphong',
      password,
      displayName: 'Đỗ Văn Chuyển',
      role: 'editor',
      departmentId: workspace().departments.noivu.id,
    });
    const { id } = (await created.json()) as { id: string };
    const page = await openAs({ username: 'chuyenphong', password }, url);
    await waitForEditable(page, one, true);
    await waitForEditable(page, two, false);

    const moved = await call(server().url, server().adminCookie, 'PATCH', `/api/users/${id}`, { departmentId: workspace().departments.vhtt.id });
    expect(moved.status).toBe(200);
    await waitForEditable(page, one, false);
    await waitForEditable(page, two, true);
    expect(await readOnlyNote(page, one)).toBe(NOI_VU_WRITES);
    await page.getByTestId('current-user-detail').filter({ hasText: 'Phòng Văn hóa - Thông tin · Chuyên viên' }).waitFor();
    await waitForSaveState(page, 'saved');

    const disabled = await call(server().url, server().adminCookie, 'PATCH', `/api/users/${id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/reports/${report.id}`);
  });

  it('lets the office reassign a section from the report page, live for the department', async () => {
    const { report, one, three } = await reportForTwoDepartments();
    const url = `${server().url}/reports/${report.id}`;
    const [office, vhtt] = await Promise.all([openAs(workspace().office, url), openAs(workspace().vhtt, url)]);
    // The office writes every section and has no read-only note.
    for (const section of [one, three]) {
      await waitForEditable(office, section, true);
      expect(await readOnlyNote(office, section)).toBeNull();
    }
    await waitForEditable(vhtt, three, false);
    expect(await readOnlyNote(vhtt, three)).toBe(UNASSIGNED);

    await office.getByTestId(`assign-${three}`).selectOption(workspace().departments.vhtt.id);

    await waitForEditable(vhtt, three, true);
    await vhtt.getByTestId(`readonly-${three}`).waitFor({ state: 'detached' });
    await vhtt.getByTestId(`owner-${three}`).filter({ hasText: 'Phòng Văn hóa - Thông tin' }).waitFor();
    expect(await office.getByTestId(`assign-${three}`).inputValue()).toBe(workspace().departments.vhtt.id);

    await office.getByTestId(`assign-${three}`).selectOption('');
    await waitForEditable(vhtt, three, false);
    expect(await readOnlyNote(vhtt, three)).toBe(UNASSIGNED);
  });

  it('does not offer the assignment select to departments or the chairperson', async () => {
    const { report, one } = await reportForTwoDepartments();
    const url = `${server().url}/reports/${report.id}`;
    for (const account of [workspace().noivu, workspace().chair]) {
      const page = await openAs(account, url);
      await page.getByTestId(`owner-${one}`).waitFor();
      expect(await page.getByTestId(`assign-${one}`).count()).toBe(0);
    }
  });
});
