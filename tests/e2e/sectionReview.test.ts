/**
 * The chairperson approves or returns a section (issue 9, item 3), in Chromium: the chairperson and the
 * departments in their own browsers on one report whose section I belongs to Phòng Nội vụ and section II
 * to Phòng Văn hóa - Thông tin. A verdict shows at once beside the heading on every page, without a
 * reload; an edit of an approved section turns it to "Đã sửa sau khi duyệt" for everyone; a returned
 * section carries its note; only the chairperson has the buttons, and reaches them by keyboard alone. The
 * report list counts approved sections and badges unread mentions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOfText, plainText } from '../../common/anchors.js';
import type { Report } from '../../common/report.js';
import type { Anchor } from '../../common/review.js';
import { assignSection, call, createReport, login, type Account } from '../helpers/api.js';
import { loginAs, typeInSection, useBrowser, waitForEditable, waitForSaveState } from '../helpers/browser.js';
import { connectClient } from '../helpers/collabClient.js';
import { body } from '../helpers/sectionText.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

const APPROVED = 'Đã duyệt';
const RETURNED = 'Trả lại';
const CHANGED = 'Đã sửa sau khi duyệt';

/** The first run of text in a section's body with at least `length` characters. */
function firstText(doc: Y.Doc, length: number): Y.XmlText {
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText): Y.XmlText | null => {
    if (node instanceof Y.XmlText) return plainText(node).length >= length ? node : null;
    for (const child of node.toArray()) {
      const found = visit(child as Y.XmlElement | Y.XmlText);
      if (found !== null) return found;
    }
    return null;
  };
  const found = visit(body(doc));
  if (found === null) throw new Error(`no text of ${length} characters`);
  return found;
}

/** Waits until a section's verdict chip reads `text`. */
async function waitForChip(page: Page, sectionId: string, text: string): Promise<void> {
  await page.getByTestId(`verdict-chip-${sectionId}`).filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
}

/** The `data-testid` of the focused element, or null. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

describe('the chairperson approves or returns sections', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);
  const chairCookie = useSession(server, () => workspace().chair);

  /** A report with section I given to Nội vụ and section II to VHTT. */
  async function reportForTwoDepartments(): Promise<{ report: Report; one: string; two: string }> {
    const report = await createReport(server().url, { title: 'Sơ kết công tác thi đua 6 tháng' }, officeCookie());
    const [one, two] = report.sections.map((section) => section.id);
    if (one === undefined || two === undefined) throw new Error('the template has fewer than two sections');
    await assignSection(server().url, officeCookie(), report.id, one, workspace().departments.noivu.id);
    await assignSection(server().url, officeCookie(), report.id, two, workspace().departments.vhtt.id);
    return { report, one, two };
  }

  /** Signs `account` in at `path` of the server, in a browser of its own. */
  async function openAs(account: Account, path: string): Promise<Page> {
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}${path}`, account.username, account.password);
    return page;
  }

  /** The report page of `account`, every room synced; marked, so that a reload would show. */
  async function openReport(account: Account, report: Report): Promise<Page> {
    const page = await openAs(account, `/reports/${report.id}`);
    await waitForSaveState(page, 'saved');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    return page;
  }

  async function expectNotReloaded(page: Page): Promise<void> {
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }

  /** An anchor over the first words of a section, as a client makes it from the synced section. */
  async function anchorInSection(reportId: string, sectionId: string): Promise<{ anchor: Anchor; quote: string }> {
    const client = connectClient(server().collabUrl, `${reportId}/section/${sectionId}`, chairCookie());
    try {
      await client.synced();
      const text = firstText(client.doc, 6);
      return { anchor: anchorOfText(text, 0, 6), quote: plainText(text).slice(0, 6) };
    } finally {
      client.destroy();
    }
  }

  async function putVerdict(reportId: string, sectionId: string, verdict: { state: 'approved' | 'returned'; note?: string }) {
    const response = await call(server().url, chairCookie(), 'PUT', `/api/reports/${reportId}/sections/${sectionId}/review`, verdict);
    expect(response.status, await response.clone().text()).toBe(200);
  }

  it('shows an approval on the department’s page at once, and an edit after it as changed on both', async () => {
    const { report, one } = await reportForTwoDepartments();
    const [chair, noivu] = await Promise.all([openReport(workspace().chair, report), openReport(workspace().noivu, report)]);
    // "Chưa duyệt" is shown to nobody.
    for (const page of [chair, noivu]) expect(await page.getByTestId(`verdict-chip-${one}`).count()).toBe(0);

    await chair.getByTestId(`verdict-approve-${one}`).click();

    for (const page of [chair, noivu]) {
      await waitForChip(page, one, APPROVED);
      await page.getByTestId(`verdict-detail-${one}`).filter({ hasText: 'Trương Thị Diệp duyệt lúc' }).waitFor();
    }
    // Approved: the chairperson may still return it, not approve it again.
    await chair.getByTestId(`verdict-approve-${one}`).waitFor({ state: 'detached' });
    await expectNotReloaded(noivu);

    await waitForEditable(noivu, one, true);
    await typeInSection(noivu, one, 'end', ' Bổ sung sau khi duyệt.');

    for (const page of [chair, noivu]) await waitForChip(page, one, CHANGED);
    await noivu.getByTestId(`verdict-detail-${one}`).filter({ hasText: 'Bạn đã sửa lúc' }).waitFor();
    // Others see who edited it.
    await chair.getByTestId(`verdict-detail-${one}`).filter({ hasText: 'Lê Văn Nam đã sửa lúc' }).waitFor();
    // Changed: the chairperson can approve it again.
    await chair.getByTestId(`verdict-approve-${one}`).waitFor();
    await expectNotReloaded(chair);
    await expectNotReloaded(noivu);
  });

  it('returns a section with a note its department sees, and refuses an empty note', async () => {
    const { report, two } = await reportForTwoDepartments();
    const [chair, vhtt] = await Promise.all([openReport(workspace().chair, report), openReport(workspace().vhtt, report)]);

    await chair.getByTestId(`verdict-return-${two}`).click();
    const note = chair.getByTestId(`verdict-note-${two}`);
    await note.fill('   ');
    await chair.getByTestId(`verdict-send-${two}`).click();
    await chair.getByTestId(`verdict-missing-${two}`).filter({ hasText: 'Hãy ghi lý do trả lại' }).waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');

    await note.fill('bổ sung số liệu quý IV');
    await chair.getByTestId(`verdict-send-${two}`).click();

    await chair.getByTestId(`verdict-form-${two}`).waitFor({ state: 'detached' });
    for (const page of [chair, vhtt]) {
      await waitForChip(page, two, RETURNED);
      expect(await page.getByTestId(`verdict-note-text-${two}`).innerText()).toBe('bổ sung số liệu quý IV');
    }
    await expectNotReloaded(vhtt);
    const stored = (await (await call(server().url, officeCookie(), 'GET', `/api/reports/${report.id}`)).json()) as Report;
    expect(stored.sections.find((section) => section.id === two)?.review).toMatchObject({ state: 'returned', note: 'bổ sung số liệu quý IV' });

    // Returned: the button changes the note, starting from the one it has.
    const edit = chair.getByTestId(`verdict-return-${two}`);
    expect(await edit.innerText()).toBe('Sửa lý do');
    await edit.click();
    expect(await note.inputValue()).toBe('bổ sung số liệu quý IV');
    await note.fill('bổ sung số liệu quý IV và biểu tổng hợp');
    await note.press('Enter');
    await vhtt.getByTestId(`verdict-note-text-${two}`).filter({ hasText: /^bổ sung số liệu quý IV và biểu tổng hợp$/ }).waitFor();
  });

  it('offers the buttons to the chairperson only', async () => {
    const { report } = await reportForTwoDepartments();
    const others = await Promise.all([workspace().noivu, workspace().vhtt, workspace().office].map((account) => openReport(account, report)));
    for (const page of others) {
      for (const section of report.sections) {
        await page.getByTestId(`verdict-${section.id}`).waitFor({ state: 'attached' });
        expect(await page.getByTestId(`verdict-approve-${section.id}`).count()).toBe(0);
        expect(await page.getByTestId(`verdict-return-${section.id}`).count()).toBe(0);
      }
    }
    const chair = await openReport(workspace().chair, report);
    for (const section of report.sections) {
      await chair.getByTestId(`verdict-approve-${section.id}`).waitFor();
      await chair.getByTestId(`verdict-return-${section.id}`).waitFor();
    }
  });

  it('lets the chairperson return a section with the keyboard alone', async () => {
    const { report, one, two } = await reportForTwoDepartments();
    const [chair, vhtt] = await Promise.all([openReport(workspace().chair, report), openReport(workspace().vhtt, report)]);

    // From the top of the sheet, Tab by Tab: section I's buttons come first, then section II's.
    await chair.getByTestId('export-docx').focus();
    const passed: string[] = [];
    for (let presses = 0; presses < 80 && passed.at(-1) !== `verdict-return-${two}`; presses += 1) {
      await chair.keyboard.press('Tab');
      passed.push((await focusedTestId(chair)) ?? '');
    }
    expect(passed.at(-1)).toBe(`verdict-return-${two}`);
    expect(passed).toContain(`verdict-return-${one}`);

    // Escape leaves the form and gives the focus back to the button.
    await chair.keyboard.press('Enter');
    await chair.getByTestId(`verdict-note-${two}`).waitFor();
    expect(await focusedTestId(chair)).toBe(`verdict-note-${two}`);
    await chair.keyboard.press('Escape');
    await chair.getByTestId(`verdict-form-${two}`).waitFor({ state: 'detached' });
    expect(await focusedTestId(chair)).toBe(`verdict-return-${two}`);

    // Enter opens it again; the note is typed and sent with Enter.
    await chair.keyboard.press('Enter');
    await chair.getByTestId(`verdict-note-${two}`).waitFor();
    await chair.keyboard.type('bổ sung số liệu quý IV');
    await chair.keyboard.press('Enter');

    await waitForChip(vhtt, two, RETURNED);
    await vhtt.getByTestId(`verdict-note-text-${two}`).filter({ hasText: 'bổ sung số liệu quý IV' }).waitFor();
    await chair.getByTestId(`verdict-form-${two}`).waitFor({ state: 'detached' });
    expect(await focusedTestId(chair)).toBe(`verdict-return-${two}`);
  });

  it('counts approved sections in the report list', async () => {
    const { report, one, two } = await reportForTwoDepartments();
    await putVerdict(report.id, one, { state: 'approved' });
    await putVerdict(report.id, two, { state: 'approved' });
    // Returned after all: no longer counted.
    await putVerdict(report.id, two, { state: 'returned', note: 'bổ sung số liệu quý IV' });
    const total = report.sections.length;

    const vietnamese = await openAs(workspace().noivu, '/');
    const cell = vietnamese.getByTestId(`report-approved-${report.id}`);
    await cell.waitFor();
    expect(await cell.innerText()).toBe(`1/${total} phần đã duyệt`);

    // English, after switching the language on the same page.
    await vietnamese.getByTestId('language-toggle').click();
    await cell.filter({ hasText: `1 of ${total} sections approved` }).waitFor();
  });

  it('badges a report in the list of a department a comment mentions, until nothing is unread', async () => {
    const { report, one } = await reportForTwoDepartments();
    const { anchor, quote } = await anchorInSection(report.id, one);
    const comment = await call(server().url, chairCookie(), 'POST', `/api/reports/${report.id}/comments`, {
      sectionId: one,
      anchor,
      quote,
      body: 'Đề nghị Phòng Văn hóa - Thông tin phối hợp bổ sung số liệu.',
      mentions: { departmentIds: [workspace().departments.vhtt.id], userIds: [] },
    });
    expect(comment.status, await comment.clone().text()).toBe(201);
    const thread = (await comment.json()) as { id: string };

    const vhtt = await openAs(workspace().vhtt, '/');
    const badge = vhtt.getByRole('img', { name: '1 bình luận nhắc đến bạn hoặc phòng của bạn chưa xem' });
    await badge.waitFor();
    expect(await badge.innerText()).toBe('1 nhắc đến bạn');
    expect(await vhtt.getByTestId(`report-mentions-${report.id}`).count()).toBe(1);

    // Not mentioned: no badge.
    const noivu = await openAs(workspace().noivu, '/');
    await noivu.getByTestId(`report-approved-${report.id}`).waitFor();
    expect(await noivu.getByTestId(`report-mentions-${report.id}`).count()).toBe(0);

    // Someone of VHTT opened the thread: the list, loaded again, has no badge.
    const vhttCookie = await login(server().url, workspace().vhtt.username, workspace().vhtt.password);
    const read = await call(server().url, vhttCookie, 'POST', `/api/reports/${report.id}/comments/${thread.id}/read`);
    expect(read.status).toBe(204);
    await vhtt.reload();
    await vhtt.getByTestId(`report-approved-${report.id}`).waitFor();
    expect(await vhtt.getByTestId(`report-mentions-${report.id}`).count()).toBe(0);
  });
});
