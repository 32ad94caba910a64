/**
 * Moving around a report (issue 12, item 3): the keyboard moves past an award tally (Ctrl+End in a section
 * ending with one used to do nothing, and the next typing landed mid-paragraph); an outline of sections and
 * their headings jumps to any of them; find and replace works across the report, accents ignored, and
 * replaces only where the person may write, as ordinary edits everyone sees.
 */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionSchema, type ProseMirrorJSON } from '../../common/editorSchema.js';
import type { Report } from '../../common/report.js';
import { assignSection, createReport } from '../helpers/api.js';
import { editorSelector, editorText, loginAs, useBrowser, waitForEditorText, waitForSaveState, waitForText } from '../helpers/browser.js';
import type { CollabClient } from '../helpers/collabClient.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { body, sectionText } from '../helpers/sectionText.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

const SECTION = 'kien-nghi';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function tally(): Y.XmlElement {
  const row = new Y.XmlElement('awardRow');
  row.setAttribute('award', 'bang-khen-tinh');
  row.setAttribute('collectives', 2 as unknown as string);
  const node = new Y.XmlElement('awardTally');
  node.insert(0, [row]);
  return node;
}

/** The top-level blocks of a section room: each node's type and, for text, its text. */
function blocks(client: CollabClient): string[] {
  const json = sectionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(body(client.doc))).toJSON() as ProseMirrorJSON;
  return (json.content ?? []).map((node) => (node.type === 'paragraph' ? (node.content ?? []).map((text) => text.text ?? '').join('') : node.type));
}

describe('navigation', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);
  const room = useRoomClients(server, officeCookie);

  /** A report whose section IV holds `nodes` (written by a client of our own), open as the office. */
  async function sectionHolding(nodes: () => Y.XmlElement[]): Promise<{ page: Page; client: CollabClient }> {
    const report = await createReport(server().url, {}, officeCookie());
    const client = await room(report.sections[3]!.room);
    client.doc.transact(() => {
      body(client.doc).delete(0, body(client.doc).length);
      body(client.doc).push(nodes());
    });
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, workspace().office.username, workspace().office.password);
    await waitForSaveState(page, 'saved');
    await page.locator(`${editorSelector(SECTION)} [data-testid="award-tally"]`).first().waitFor();
    return { page, client };
  }

  /** Puts the caret at the end of the section's paragraph holding `text`. */
  async function caretAfter(page: Page, text: string): Promise<void> {
    await page.locator(`${editorSelector(SECTION)} p`, { hasText: text }).click();
    await page.keyboard.press('End');
  }

  it('goes past a tally that ends the section with Ctrl+End, and types there, not mid-paragraph', async () => {
    const { page, client } = await sectionHolding(() => [paragraph('Đoạn đầu.'), tally()]);
    await page.locator(`${editorSelector(SECTION)} p`, { hasText: 'Đoạn đầu.' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Đoạn cuối.');
    await waitFor(() => blocks(client).join('|') === 'Đoạn đầu.|awardTally|Đoạn cuối.', { what: 'the text after the tally' }).catch(() => {
      throw new Error(`the section holds ${JSON.stringify(blocks(client))}`);
    });
  });

  it('goes before a tally that starts the section with Ctrl+Home', async () => {
    const { page, client } = await sectionHolding(() => [tally(), paragraph('Sau bảng.')]);
    await caretAfter(page, 'Sau bảng.');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Trước bảng.');
    await waitFor(() => blocks(client).join('|') === 'Trước bảng.|awardTally|Sau bảng.', { what: 'the text before the tally' }).catch(() => {
      throw new Error(`the section holds ${JSON.stringify(blocks(client))}`);
    });
  });

  it('moves over a tally with the arrow keys, down and up, right and left', async () => {
    const { page, client } = await sectionHolding(() => [paragraph('Trên.'), tally(), paragraph('Dưới.')]);
    await caretAfter(page, 'Trên.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('1');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('2');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('3');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('4');
    await waitFor(() => blocks(client).join('|') === 'Trên.24|awardTally|31Dưới.', { what: 'each key’s typing on its side' }).catch(() => {
      throw new Error(`the section holds ${JSON.stringify(blocks(client))}`);
    });
  });

  it('lists the sections and their headings in an outline that jumps to them and follows edits', async () => {
    const report = await createReport(server().url, {}, officeCookie());
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, workspace().office.username, workspace().office.password);
    await waitForSaveState(page, 'saved');
    await page.getByTestId('outline-toggle').click();
    const entries = await page.getByTestId('outline-entry').allTextContents();
    expect(entries.slice(0, 5)).toEqual([
      'Phần mở đầu',
      'I. CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN',
      '1. Công tác lãnh đạo, chỉ đạo trong triển khai thực hiện',
      '2. Xây dựng, ban hành các cơ chế, chính sách để thực hiện và hướng dẫn khen thưởng',
      'II. KẾT QUẢ TRIỂN KHAI THỰC HIỆN',
    ]);
    expect(entries).toContain('IV. KIẾN NGHỊ, ĐỀ XUẤT');

    await page.getByTestId('outline-entry').filter({ hasText: '2. Khó khăn, hạn chế' }).click();
    await expect.poll(() => page.getByTestId('outline').count()).toBe(0);
    // The caret is in that heading: what is typed goes there.
    await page.keyboard.press('End');
    await page.keyboard.type(' năm 2024');
    await waitForEditorText(page, 'danh-gia', 'Khó khăn, hạn chế năm 2024');
    expect(await page.locator(`${editorSelector('danh-gia')} h2`).nth(1).textContent()).toBe('Khó khăn, hạn chế năm 2024');
    const heading = await page.locator(`${editorSelector('danh-gia')} h2`).nth(1).boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    expect(heading!.y).toBeLessThan(900);

    await page.getByTestId('outline-toggle').click();
    await page.getByTestId('outline-entry').filter({ hasText: '2. Khó khăn, hạn chế năm 2024' }).waitFor();
  });

  /** A report with section II for Nội vụ (who writes it) and section III for Văn hóa, both holding "điển hình". */
  async function reportToSearch(): Promise<{ report: Report; ketQua: CollabClient; danhGia: CollabClient }> {
    const report = await createReport(server().url, {}, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, 'ket-qua', workspace().departments.noivu.id);
    await assignSection(server().url, officeCookie(), report.id, 'danh-gia', workspace().departments.vhtt.id);
    const ketQua = await room(report.sections[1]!.room);
    const danhGia = await room(report.sections[2]!.room);
    ketQua.doc.transact(() => body(ketQua.doc).push([paragraph('Gương Điển hình tiên tiến được nhân rộng; các điển hình được khen thưởng.')]));
    danhGia.doc.transact(() => body(danhGia.doc).push([paragraph('Một số ĐIỂN HÌNH chưa được phát hiện kịp thời.')]));
    return { report, ketQua, danhGia };
  }

  it('finds "Dien hinh" in every section the person sees, and replaces it only where they may write', async () => {
    const { report, ketQua, danhGia } = await reportToSearch();
    const [noivu, vhtt] = [await browsers.newPage(), await browsers.newPage()];
    const url = `${server().url}/reports/${report.id}`;
    await Promise.all([
      loginAs(noivu, url, workspace().noivu.username, workspace().noivu.password),
      loginAs(vhtt, url, workspace().vhtt.username, workspace().vhtt.password),
    ]);
    await Promise.all([waitForSaveState(noivu, 'saved'), waitForSaveState(vhtt, 'saved')]);
    await waitForEditorText(noivu, 'danh-gia', 'ĐIỂN HÌNH');

    await noivu.locator(editorSelector('ket-qua')).click();
    await noivu.keyboard.press('Control+f');
    await noivu.getByTestId('find-input').waitFor();
    await noivu.keyboard.type('Dien hinh');
    // The part heading of section II says "điển hình" too: 4 matches in all, 1 of them in section III.
    await waitForText(noivu, '[data-testid="find-count"]', '1/4');
    expect(await noivu.locator('.search-match').count()).toBe(4);
    expect(await noivu.locator(`${editorSelector('danh-gia')} .search-match`).allTextContents()).toEqual(['ĐIỂN HÌNH']);
    await noivu.keyboard.press('Enter');
    await waitForText(noivu, '[data-testid="find-count"]', '2/4');
    expect(await noivu.locator('.search-match.is-current').textContent()).toBe('Điển hình');

    await noivu.keyboard.press('Control+h');
    await noivu.getByTestId('replace-input').fill('gương mẫu');
    await noivu.getByTestId('replace-all').click();
    await waitForText(noivu, '[data-testid="find-message"]', 'Đã thay 3 chỗ; 1 chỗ bạn chỉ được xem nên giữ nguyên');
    await waitForText(noivu, '[data-testid="find-count"]', '1/1');

    // Ordinary edits: the other department sees them, the room holds them; section III is untouched.
    await waitForEditorText(vhtt, 'ket-qua', 'Gương gương mẫu tiên tiến được nhân rộng; các gương mẫu được khen thưởng.');
    await waitFor(() => sectionText(ketQua.doc).includes('nhân rộng gương mẫu tiên tiến'), { what: 'the replaced heading in the room' });
    expect(sectionText(ketQua.doc)).not.toMatch(/điển hình/i);
    expect(sectionText(danhGia.doc)).toContain('Một số ĐIỂN HÌNH chưa được phát hiện kịp thời.');

    // Escape closes the bar and clears the highlights.
    await noivu.keyboard.press('Escape');
    await noivu.getByTestId('find-bar').waitFor({ state: 'detached' });
    expect(await noivu.locator('.search-match').count()).toBe(0);
    expect(await editorText(noivu, 'danh-gia')).toContain('ĐIỂN HÌNH');
  });
});
