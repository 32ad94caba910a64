/**
 * Opening a report fast (issue 12, item 7) without saying or losing anything it should not: the page asks for
 * the report while its code is still loading (client/src/headStart.ts); the person's own section is editable
 * as soon as its room has synced, and takes typing, while another room still waits; the save state says
 * "saved" only once every room has synced; the editors of sections they only read, the form checker and the
 * review sidebar come once the rooms have synced (useOpened.ts, useIdleMount.ts).
 *
 * The rooms' sockets are routed through Playwright, so the test decides when a room's server answers arrive.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../common/report.js';
import { assignSection, createReport, login } from '../helpers/api.js';
import { editorSelector, typeInSection, useBrowser, waitForEditable, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

/** The socket of one section's room. */
const sectionSocket = (sectionId: string) => new RegExp(`/collab/[^/]+/section/${sectionId}$`);

/** True for a y-websocket sync step 2 (message type 0, sync type 1): the server's content of the room. */
function isSyncStep2(message: string | Buffer): boolean {
  return typeof message !== 'string' && message[0] === 0 && message[1] === 1;
}

describe('opening a report', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** A report with section I given to Phòng Nội vụ; the others, unassigned, are read-only for its editor. */
  async function reportOfNoiVu(): Promise<{ report: Report; own: string; second: string; third: string }> {
    const report = await createReport(server().url, { title: 'Sơ kết 6 tháng' }, officeCookie());
    const [own, second, third] = report.sections.map((section) => section.id);
    if (own === undefined || second === undefined || third === undefined) throw new Error('the template has fewer than three sections');
    await assignSection(server().url, officeCookie(), report.id, own, workspace().departments.noivu.id);
    return { report, own, second, third };
  }

  /** A fresh page signed in as `username` by cookie, so that it opens the report's address directly (no login page first). */
  async function signedInPage(username: string, password: string): Promise<Page> {
    const page = await browsers.newPage();
    const [name, ...value] = (await login(server().url, username, password)).split('=');
    await page.context().addCookies([{ name: name!, value: value.join('='), url: server().url }]);
    return page;
  }

  it('asks for the report while the code of the page is still loading', async () => {
    const { report, own } = await reportOfNoiVu();
    const page = await signedInPage(workspace().noivu.username, workspace().noivu.password);
    await page.goto(`${server().url}/reports/${report.id}`);
    await waitForEditable(page, own, true);

    const timing = await page.evaluate((reportId) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const path = (entry: PerformanceResourceTiming) => new URL(entry.name).pathname;
      const reportRequests = entries.filter((entry) => path(entry) === `/api/reports/${reportId}`);
      const reportChunk = entries.find((entry) => /\/assets\/ReportPage-[^/]+\.js$/.test(path(entry)));
      return { reportRequests: reportRequests.map((entry) => entry.startTime), chunkLoaded: reportChunk?.responseEnd ?? null };
    }, report.id);
    // Asked once — the page took the early answer rather than asking again — and before the editor's code had arrived.
    expect(timing.reportRequests).toHaveLength(1);
    expect(timing.chunkLoaded).not.toBeNull();
    expect(timing.reportRequests[0]!).toBeLessThan(timing.chunkLoaded!);
  });

  it("lets the person type in their section while another room has not synced, says saved only once it has, and keeps what they typed", async () => {
    const { report, own, second, third } = await reportOfNoiVu();
    const page = await signedInPage(workspace().noivu.username, workspace().noivu.password);

    // The second section's room: note when the server's content of it has reached the page.
    let secondSynced: () => void = () => {};
    const secondArrived = new Promise<void>((resolve) => (secondSynced = resolve));
    await page.routeWebSocket(sectionSocket(second), (socket) => {
      const upstream = socket.connectToServer();
      upstream.onMessage((message) => {
        socket.send(message);
        if (isSyncStep2(message)) secondSynced();
      });
    });
    // The third section's room: its server's answers wait until the test lets them through.
    let holding = true;
    const held: Array<() => void> = [];
    await page.routeWebSocket(sectionSocket(third), (socket) => {
      const upstream = socket.connectToServer();
      upstream.onMessage((message) => {
        const deliver = () => socket.send(message);
        if (holding) held.push(deliver);
        else deliver();
      });
    });

    await page.goto(`${server().url}/reports/${report.id}`);
    await waitForEditable(page, own, true);
    const typed = ' Đã rà soát biên chế quý II.';
    await typeInSection(page, own, 'end', typed);
    await waitForEditorText(page, own, typed);

    // One room has not synced: the page does not claim that everything is saved.
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('reconnecting');
    // The second section's room has synced (its content reached the page, and the page has handled it), yet
    // its read-only editor waits for the page to open, as do the review sidebar and the form checker.
    await secondArrived;
    // One turn of the page's event loop (not a wait for time): the message's task, and the render it causes, come first.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await page.locator(editorSelector(second)).count()).toBe(0);
    expect(await page.getByTestId('review-sidebar').count()).toBe(0);

    holding = false;
    for (const deliver of held.splice(0)) deliver();
    await waitForSaveState(page, 'saved');
    await waitForEditable(page, second, false);
    await waitForEditable(page, third, false);
    await page.getByTestId('review-sidebar').waitFor();

    // What was typed before the page had opened is on the server: the office, opening the report now, sees it.
    const office = await signedInPage(workspace().office.username, workspace().office.password);
    await office.goto(`${server().url}/reports/${report.id}`);
    await waitForEditorText(office, own, typed);
  });
});
