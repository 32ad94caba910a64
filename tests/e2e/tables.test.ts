/**
 * Tables in a section (issue 12, item 2), in Chromium: inserted from the toolbar (3×3, a header row), filled
 * moving from cell to cell with Tab, rows and columns added and removed, deleted — each change stored in the
 * section's room as table nodes; and tables and headings pasted from Word and from a web page keep their
 * rows, cells and levels (before, a 2×2 table came out as "Ô 1Ô 2Ô 3Ô 4").
 */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import { sectionRoom } from '../../common/rooms.js';
import { createReport } from '../helpers/api.js';
import { editorSelector, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import type { CollabClient } from '../helpers/collabClient.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { body } from '../helpers/sectionText.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

const SECTION = 'kien-nghi';

/** A 2×2 table and three headings as Word puts them on the clipboard (trimmed from Word 2016's). */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:12.0pt; font-family:"Times New Roman",serif;} h1 {mso-style-link:"Heading 1 Char"; mso-outline-level:1;} --></style></head>
<body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment--><h1><span lang=VI>Kết quả thực hiện<o:p></o:p></span></h1>
<h2><span lang=VI>Công tác tuyên truyền<o:p></o:p></span></h2>
<h3><span lang=VI>Tại cấp xã<o:p></o:p></span></h3>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span lang=VI>Ô 1<o:p></o:p></span></p></td>
  <td width=400 valign=top style='width:300.0pt;border:solid windowtext 1.0pt;border-left:none;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span lang=VI>Ô 2<o:p></o:p></span></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span lang=VI>Ô 3<o:p></o:p></span></p></td>
  <td width=400 valign=top style='width:300.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;mso-border-top-alt:solid windowtext .5pt;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span lang=VI>Ô 4<o:p></o:p></span></p></td>
 </tr>
 <![if !supportMisalignedColumns]>
 <tr height=0>
  <td width=200 style='border:none'></td>
  <td width=400 style='border:none'></td>
 </tr>
 <![endif]>
</table>
<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p><!--EndFragment-->
</body></html>`;
const WORD_TEXT = 'Kết quả thực hiện\nCông tác tuyên truyền\nTại cấp xã\nÔ 1\tÔ 2\nÔ 3\tÔ 4\n';

/** A table as a web page gives it (a header row in <thead>), under a heading. */
const WEB_HTML = `<meta charset="utf-8"><h2 style="color: rgb(32, 33, 36);">Số liệu theo xã</h2><table class="wikitable" style="border-collapse: collapse;"><thead><tr><th>Đơn vị</th><th>Số lượng</th></tr></thead><tbody><tr><td>Xã Tân Mỹ</td><td>12</td></tr><tr><td>Xã Bình Thành</td><td>7</td></tr></tbody></table>`;
const WEB_TEXT = 'Số liệu theo xã\nĐơn vị\tSố lượng\nXã Tân Mỹ\t12\nXã Bình Thành\t7';

type Cell = { header: boolean; text: string; colwidth: unknown };

/** The text of a node, its blocks' texts joined by "\n". */
function textOf(node: ProseMirrorJSON): string {
  if (typeof node.text === 'string') return node.text;
  const inline = (node.content ?? []).every((child) => typeof child.text === 'string' || child.type === 'hardBreak');
  return (node.content ?? []).map(textOf).join(inline ? '' : '\n');
}

/** The section's top-level nodes in its room, as the editor's binding wrote them. */
function storedNodes(client: CollabClient): ProseMirrorJSON[] {
  return ((yXmlFragmentToProsemirrorJSON(body(client.doc)) as ProseMirrorJSON).content ?? []) as ProseMirrorJSON[];
}

/** Each table of the section in its room: rows of cells. */
function storedTables(client: CollabClient): Cell[][][] {
  return storedNodes(client)
    .filter((node) => node.type === 'table')
    .map((table) =>
      (table.content ?? []).map((row) =>
        (row.content ?? []).map((cell) => ({ header: cell.type === 'tableHeader', text: textOf(cell), colwidth: cell.attrs?.colwidth ?? null })),
      ),
    );
}

/** The texts of a section's table cells in the page, row by row, `th` cells marked with "#". */
function shownTable(page: Page): Promise<string[][]> {
  return page.evaluate((selector) => {
    const table = document.querySelector(`${selector} table`);
    return table === null ? [] : [...table.querySelectorAll('tr')].map((row) => [...row.cells].map((cell) => `${cell.tagName === 'TH' ? '#' : ''}${cell.textContent ?? ''}`));
  }, editorSelector(SECTION));
}

/** Pastes as the clipboard hands over a copy from Word or a browser: `text/html` with its `text/plain`. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await page.locator(editorSelector(SECTION)).evaluate(
    (element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data.html);
      transfer.setData('text/plain', data.text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

describe('tables in a section', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const openRoom = useRoomClients(server, () => server().adminCookie);

  /** A new report open in a page at the end of the section, on an empty line; and a client of its room. */
  async function openAtEnd(): Promise<{ page: Page; room: CollabClient }> {
    const report = await createReport(server().url, {}, server().adminCookie);
    const room = await openRoom(sectionRoom(report.id, SECTION));
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');
    await typeInSection(page, SECTION, 'end', 'Trước bảng.');
    await page.keyboard.press('Enter');
    return { page, room };
  }

  const toolbarButton = (page: Page, testId: string) => page.locator(`[data-testid="section-${SECTION}"] [data-testid="${testId}"]`);

  it('inserts a 3×3 table with a header row, fills it with Tab, adds and removes rows and columns, and deletes it', async () => {
    const { page, room } = await openAtEnd();
    await toolbarButton(page, 'insert-table').click();
    await page.locator(`${editorSelector(SECTION)} table`).waitFor();
    expect(await shownTable(page)).toEqual([
      ['#', '#', '#'],
      ['', '', ''],
      ['', '', ''],
    ]);

    // The caret starts in the first cell; Tab goes on to the next, row after row.
    for (const [index, text] of ['Đơn vị', 'Số lượng', 'Ghi chú', 'Xã Tân Mỹ', '12'].entries()) {
      if (index > 0) await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    await waitForEditorText(page, SECTION, 'Xã Tân Mỹ12');
    expect(await shownTable(page)).toEqual([
      ['#Đơn vị', '#Số lượng', '#Ghi chú'],
      ['Xã Tân Mỹ', '12', ''],
      ['', '', ''],
    ]);

    // The table's buttons act on the row and column of the caret (row 2, column 2).
    await toolbarButton(page, 'table-addRowAfter').click();
    await toolbarButton(page, 'table-addColumnAfter').click();
    expect(await shownTable(page)).toEqual([
      ['#Đơn vị', '#Số lượng', '#', '#Ghi chú'],
      ['Xã Tân Mỹ', '12', '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    await waitForSaveState(page, 'saved');
    await waitFor(() => storedTables(room)[0]?.length === 4 && storedTables(room)[0]?.[0]?.length === 4, { what: 'the 4×4 table in the room' });

    // The new row and column go again, from a cell of each.
    const cell = (row: number, column: number) => page.locator(`${editorSelector(SECTION)} tr:nth-child(${row}) > :nth-child(${column})`);
    await cell(3, 3).click();
    await toolbarButton(page, 'table-deleteColumn').click();
    await cell(3, 1).click();
    await toolbarButton(page, 'table-deleteRow').click();
    const expected = [
      ['#Đơn vị', '#Số lượng', '#Ghi chú'],
      ['Xã Tân Mỹ', '12', ''],
      ['', '', ''],
    ];
    expect(await shownTable(page)).toEqual(expected);
    await waitForSaveState(page, 'saved');
    const cells = (table: Cell[][]) => table.map((row) => row.map((cell) => `${cell.header ? '#' : ''}${cell.text}`));
    await waitFor(() => JSON.stringify(cells(storedTables(room)[0] ?? [])) === JSON.stringify(expected), { what: 'the 3×3 table in the room' });

    await toolbarButton(page, 'table-deleteTable').click();
    await page.locator(`${editorSelector(SECTION)} table`).waitFor({ state: 'detached' });
    await waitFor(() => storedTables(room).length === 0, { what: 'the table gone from the room' });
  });

  it('keeps the rows, cells and column widths of a table pasted from Word, and its headings’ levels', async () => {
    const { page, room } = await openAtEnd();
    await pasteHtml(page, WORD_HTML, WORD_TEXT);
    await page.locator(`${editorSelector(SECTION)} table`).waitFor();
    expect(await shownTable(page)).toEqual([
      ['Ô 1', 'Ô 2'],
      ['Ô 3', 'Ô 4'],
    ]);
    // Heading 1 is not used inside a section: it becomes an item "1.", like Heading 2; Heading 3 a point.
    const headings = await page.locator(`${editorSelector(SECTION)} :is(h2, h3)`).evaluateAll((nodes) => nodes.map((node) => `${node.tagName} ${node.textContent}`));
    expect(headings).toEqual(['H2 Kết quả thực hiện', 'H2 Công tác tuyên truyền', 'H3 Tại cấp xã']);

    await waitForSaveState(page, 'saved');
    await waitFor(() => storedTables(room).length === 1, { what: 'the pasted table in the room' });
    expect(storedTables(room)[0]).toEqual([
      [
        { header: false, text: 'Ô 1', colwidth: [200] },
        { header: false, text: 'Ô 2', colwidth: [400] },
      ],
      [
        { header: false, text: 'Ô 3', colwidth: [200] },
        { header: false, text: 'Ô 4', colwidth: [400] },
      ],
    ]);
    const levels = storedNodes(room).filter((node) => node.type === 'heading').map((node) => [node.attrs?.level, textOf(node)]);
    expect(levels).toEqual([
      [2, 'Kết quả thực hiện'],
      [2, 'Công tác tuyên truyền'],
      [3, 'Tại cấp xã'],
    ]);
    // Word's end-of-paragraph markers leave nothing behind.
    expect(JSON.stringify(storedNodes(room))).not.toContain('\u00a0');
  });

  it('keeps the rows, header cells and heading of a table pasted from a web page', async () => {
    const { page, room } = await openAtEnd();
    await pasteHtml(page, WEB_HTML, WEB_TEXT);
    await page.locator(`${editorSelector(SECTION)} table`).waitFor();
    expect(await shownTable(page)).toEqual([
      ['#Đơn vị', '#Số lượng'],
      ['Xã Tân Mỹ', '12'],
      ['Xã Bình Thành', '7'],
    ]);
    expect(await page.locator(`${editorSelector(SECTION)} h2`).last().textContent()).toBe('Số liệu theo xã');

    await waitForSaveState(page, 'saved');
    await waitFor(() => storedTables(room).length === 1, { what: 'the pasted table in the room' });
    expect(storedTables(room)[0]!.map((row) => row.map((cell) => `${cell.header ? '#' : ''}${cell.text}`))).toEqual([
      ['#Đơn vị', '#Số lượng'],
      ['Xã Tân Mỹ', '12'],
      ['Xã Bình Thành', '7'],
    ]);
  });
});
