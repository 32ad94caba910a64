/**
 * "Đã kết nối, đã lưu" is a fact about the server, not a guess: the page says it only once the server has
 * answered a sync step 1 sent after the edits (the server stores what came before it first), and edits
 * made while the connection is down are sent and confirmed after it comes back.
 *
 * The section's socket is routed through Playwright, which lets the test hold the server's answers or
 * refuse connections, and so observe each state deterministically.
 */
import type { WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { editorText, loginAs, occurrences, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

const SECTION = 'kien-nghi';
const SECTION_SOCKET = new RegExp(`/collab/[^/]+/section/${SECTION}$`);

/** True for a y-websocket sync step 1 (message type 0, sync type 0). */
function isSyncStep1(message: string | Buffer): boolean {
  return typeof message !== 'string' && message[0] === 0 && message[1] === 0;
}

describe('the save state', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  it("stays 'saving' until the server answers the confirmation sent after the edit", async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    let holding = false;
    const held: Array<string | Buffer> = [];
    let toPage: WebSocketRoute | undefined;
    let probeSent: () => void = () => {};
    const probe = new Promise<void>((resolve) => (probeSent = resolve));
    await page.routeWebSocket(SECTION_SOCKET, (ws) => {
      const upstream = ws.connectToServer();
      toPage = ws;
      ws.onMessage((message) => {
        upstream.send(message);
        if (holding && isSyncStep1(message)) probeSent();
      });
      upstream.onMessage((message) => (holding ? held.push(message) : ws.send(message)));
    });
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');

    holding = true;
    const sawSaving = waitForSaveState(page, 'saving');
    await typeInSection(page, SECTION, 'end', ' Kiến nghị bổ sung biên chế.');
    await sawSaving;
    await probe;
    // The answer is held back, so nothing can have confirmed the edit yet.
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('saving');

    holding = false;
    for (const message of held.splice(0)) toPage?.send(message);
    await waitForSaveState(page, 'saved');
  });

  it('sends edits made while disconnected once the connection is back, and only then says saved', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    let refusing = false;
    let live: WebSocketRoute | undefined;
    await page.routeWebSocket(SECTION_SOCKET, (ws) => {
      if (refusing) {
        void ws.close({ code: 1013, reason: 'test: try again later' });
        return;
      }
      live = ws;
      ws.connectToServer();
    });
    const url = `${server().url}/reports/${report.id}`;
    await loginAs(page, url, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');

    refusing = true;
    await live?.close({ code: 1012, reason: 'test: connection lost' });
    await waitForSaveState(page, 'reconnecting');
    const typed = ' Viết khi mất kết nối.';
    await typeInSection(page, SECTION, 'end', typed);
    await waitForEditorText(page, SECTION, typed);
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('reconnecting');

    refusing = false;
    await waitForSaveState(page, 'saved');

    const other = await browsers.newPage();
    await loginAs(other, url, 'admin', server().adminPassword);
    await waitForEditorText(other, SECTION, typed);
    expect(occurrences(await editorText(other, SECTION), typed)).toBe(1);
  });
});
