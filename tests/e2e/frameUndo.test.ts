/**
 * Undo in the header and footer fields is each person's own, through Yjs (issue 12, item 4): the browser's
 * own undo once took two letters off the signer's name, and that was saved. Two people of the office edit
 * the frame; Ctrl+Z in one browser takes back that person's change only — in both browsers and in what the
 * server stores — and Ctrl+Shift+Z / Ctrl+Y make it again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFrame, type FrameFields } from '../../common/frame.js';
import { formatRoomName } from '../../common/rooms.js';
import { createReport } from '../helpers/api.js';
import { byTestId, loginAs, useBrowser, waitForSaveState, waitForValue } from '../helpers/browser.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { storedDoc } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

const NAME = 'Nguyễn Văn An';
const TITLE = 'PHÓ CHỦ TỊCH';

describe('undo in the header and footer', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);
  const openRoom = useRoomClients(server, officeCookie);

  /** A new report open in the office's browser (A) and the admin's (B): both may write the frame. */
  async function openTwice(): Promise<{ reportId: string; a: Page; b: Page; live: () => FrameFields }> {
    const report = await createReport(server().url, { title: 'Sơ kết thi đua năm 2024' }, officeCookie());
    const url = `${server().url}/reports/${report.id}`;
    const [a, b] = [await browsers.newPage(), await browsers.newPage()];
    await Promise.all([loginAs(a, url, workspace().office.username, workspace().office.password), loginAs(b, url, 'admin', server().adminPassword)]);
    await Promise.all([waitForSaveState(a, 'saved'), waitForSaveState(b, 'saved')]);
    const client = await openRoom(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }));
    return { reportId: report.id, a, b, live: () => readFrame(client.doc) };
  }

  /** The frame as the server's store holds it. */
  async function stored(reportId: string): Promise<FrameFields> {
    const doc = await storedDoc(server().store, formatRoomName({ reportId, part: { kind: 'frame' } }));
    try {
      return readFrame(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Waits until both browsers show `name` and `title`, and the store holds them. */
  async function expectEverywhere(reportId: string, pages: Page[], fields: { signerName: string; signTitle: string }): Promise<void> {
    for (const page of pages) {
      await waitForValue(page, byTestId('frame-signerName'), fields.signerName);
      await waitForValue(page, byTestId('frame-signTitle'), fields.signTitle);
    }
    await waitFor(async () => {
      const frame = await stored(reportId);
      return frame.signerName === fields.signerName && frame.signTitle === fields.signTitle;
    }, { what: `the store holding ${JSON.stringify(fields)}` });
  }

  it('undoes only the person’s own change, in both browsers and in the store, and redoes it', async () => {
    const { reportId, a, b, live } = await openTwice();
    await a.getByTestId('frame-signerName').click();
    await a.keyboard.type(NAME);
    await waitFor(() => live().signerName === NAME, { what: 'A’s name in the room' });

    // B changes another field after A; A's caret is still in the name.
    await b.getByTestId('frame-signTitle').fill(TITLE);
    await waitForValue(a, byTestId('frame-signTitle'), TITLE);

    await a.keyboard.press('Control+z');
    await expectEverywhere(reportId, [a, b], { signerName: '', signTitle: TITLE });

    await a.keyboard.press('Control+Shift+z');
    await expectEverywhere(reportId, [a, b], { signerName: NAME, signTitle: TITLE });
    await a.keyboard.press('Control+z');
    await expectEverywhere(reportId, [a, b], { signerName: '', signTitle: TITLE });
    await a.keyboard.press('Control+y');
    await expectEverywhere(reportId, [a, b], { signerName: NAME, signTitle: TITLE });
  });

  it('leaves a field as another person left it after the person’s change (no undo over a later change)', async () => {
    const { reportId, a, b, live } = await openTwice();
    await a.getByTestId('frame-signerName').click();
    await a.keyboard.type(NAME);
    await waitForValue(b, byTestId('frame-signerName'), NAME);
    // B corrects the name after A typed it; A's Ctrl+Z must not bring A's name (or part of it) back.
    await b.getByTestId('frame-signerName').fill('Trần Thị Bình');
    await waitForValue(a, byTestId('frame-signerName'), 'Trần Thị Bình');
    await a.getByTestId('frame-signerName').click();
    await a.keyboard.press('End');
    await a.keyboard.press('Control+z');
    await a.keyboard.press('Control+z');
    await waitForSaveState(a, 'saved');
    await expectEverywhere(reportId, [a, b], { signerName: 'Trần Thị Bình', signTitle: 'CHỦ TỊCH' });
    expect(live().subject).toBe('Sơ kết thi đua năm 2024');
  });
});
