/**
 * Text is stored in Unicode NFC (issue 4, "Quality"), however it arrives: pasted decomposed (as from a
 * PDF), typed decomposed by an input method, or composed — and a composition is never changed while it is
 * under way, only once it has ended.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFrame } from '../../common/frame.js';
import { formatRoomName, sectionRoom } from '../../common/rooms.js';
import { createReport } from '../helpers/api.js';
import { byTestId, editorSelector, editorText, loginAs, pasteText, typeInSection, useBrowser, waitForEditorText, waitForSaveState, waitForValue } from '../helpers/browser.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { sectionText } from '../helpers/sectionText.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

const SECTION = 'kien-nghi';
/** "Phòng Nội vụ" as a PDF may give it: o + grave, o + dot below + circumflex, u + dot below. */
const DECOMPOSED = 'Pho\u0300ng No\u0323\u0302i vu\u0323';
const COMPOSED = 'Phòng Nội vụ';

const isNfc = (text: string) => text === text.normalize('NFC');

describe('Unicode NFC', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const room = useRoomClients(server, () => server().adminCookie);
  let reportId: string;

  beforeAll(() => {
    expect(DECOMPOSED).not.toBe(COMPOSED);
    expect(DECOMPOSED.normalize('NFC')).toBe(COMPOSED);
  });

  async function openReport(): Promise<Page> {
    reportId = (await createReport(server().url, {}, server().adminCookie)).id;
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${reportId}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');
    return page;
  }

  it('stores decomposed text pasted into a section as NFC', async () => {
    const page = await openReport();
    await typeInSection(page, SECTION, 'end', ' Kiến nghị ');
    await pasteText(page, editorSelector(SECTION), DECOMPOSED);

    await waitForEditorText(page, SECTION, `Kiến nghị ${COMPOSED}`);
    const text = await editorText(page, SECTION);
    expect(isNfc(text)).toBe(true);
    expect(text).not.toContain(DECOMPOSED);

    await waitForSaveState(page, 'saved');
    const stored = await room(sectionRoom(reportId, SECTION));
    expect(sectionText(stored.doc)).toContain(`Kiến nghị ${COMPOSED}`);
    expect(isNfc(sectionText(stored.doc))).toBe(true);
  });

  it('normalises decomposed input outside a composition at once, keeping the caret after it', async () => {
    const page = await openReport();
    await typeInSection(page, SECTION, 'end', ' Ông ');
    // An input method that sends base letters and combining marks as plain input.
    await page.keyboard.insertText('Nguye\u0302\u0303n');
    await page.keyboard.type(' Văn');
    await waitForEditorText(page, SECTION, 'Ông Nguyễn Văn');
    expect(isNfc(await editorText(page, SECTION))).toBe(true);
  });

  it('leaves a composition alone while it lasts and normalises it when it ends', async () => {
    const page = await openReport();
    await typeInSection(page, SECTION, 'end', ' Đồng ');
    const cdp = await page.context().newCDPSession(page);
    // A composition under way holds "Thá" decomposed, as some input methods build it.
    await cdp.send('Input.imeSetComposition', { text: 'Tha\u0301', selectionStart: 4, selectionEnd: 4 });
    await waitForEditorText(page, SECTION, 'Đồng Tha\u0301');
    // Still under way: nothing has rewritten it (that would break the input method's word).
    expect(await editorText(page, SECTION)).toContain('Đồng Tha\u0301');
    await cdp.send('Input.imeSetComposition', { text: 'Tha\u0301p', selectionStart: 5, selectionEnd: 5 });
    await waitForEditorText(page, SECTION, 'Đồng Tha\u0301p');
    await cdp.send('Input.insertText', { text: 'Tha\u0301p' });
    await cdp.detach();

    await waitForEditorText(page, SECTION, 'Đồng Tháp');
    await page.keyboard.type(' xanh');
    await waitForEditorText(page, SECTION, 'Đồng Tháp xanh');
    expect(isNfc(await editorText(page, SECTION))).toBe(true);
    await waitForSaveState(page, 'saved');
    const stored = await room(sectionRoom(reportId, SECTION));
    expect(sectionText(stored.doc)).toContain('Đồng Tháp xanh');
    expect(isNfc(sectionText(stored.doc))).toBe(true);
  });

  it('stores the header and footer fields as NFC, typed or pasted', async () => {
    const page = await openReport();
    await page.getByTestId('frame-agency').fill(`UBND ${DECOMPOSED}`);
    await page.getByTestId('frame-subject').fill('');
    await page.getByTestId('frame-subject').focus();
    await pasteText(page, byTestId('frame-subject'), `Báo cáo của\n${DECOMPOSED}`);
    await page.getByTestId('recipient-0').fill('');
    await page.getByTestId('recipient-0').focus();
    await pasteText(page, byTestId('recipient-0'), DECOMPOSED);

    await waitForValue(page, byTestId('frame-agency'), `UBND ${COMPOSED}`);
    await waitForValue(page, byTestId('frame-subject'), `Báo cáo của ${COMPOSED}`);
    await waitForValue(page, byTestId('recipient-0'), COMPOSED);
    await waitForSaveState(page, 'saved');
    const stored = await room(formatRoomName({ reportId, part: { kind: 'frame' } }));
    await waitFor(() => readFrame(stored.doc).recipients[0] === COMPOSED, { what: 'the pasted recipient in the room' });
    const frame = readFrame(stored.doc);
    expect(frame.agency).toBe(`UBND ${COMPOSED}`);
    expect(frame.subject).toBe(`Báo cáo của ${COMPOSED}`);
  });
});
