/**
 * Award tallies in a section (issue 4): the owner inserts one from the toolbar; two people add rows and
 * change cells at the same moment and both keep their change, with the prose following in both browsers;
 * a count the award form cannot receive is refused with a message and never stored.
 */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sectionSchema } from '../../common/editorSchema.js';
import { assignSection, createReport } from '../helpers/api.js';
import {
  byTestId,
  holdableRoom,
  loginAs,
  typeInSection,
  useBrowser,
  waitForEditable,
  waitForSaveState,
  waitForText,
  waitForValue,
} from '../helpers/browser.js';
import type { CollabClient } from '../helpers/collabClient.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { body } from '../helpers/sectionText.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

const SECTION = 'ket-qua';

type Row = { award: string; collectives: number; individuals: number };

/** The rows of the first tally in a section room, as the editor's schema reads them. */
function storedRows(client: CollabClient): Row[] {
  const json = sectionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(body(client.doc))).toJSON() as {
    content: Array<{ type: string; content?: Array<{ attrs: Row }> }>;
  };
  return json.content.find((node) => node.type === 'awardTally')?.content?.map((row) => row.attrs) ?? [];
}

/** The rows a page shows: award id and the two counts (blank for none). */
function shownRows(page: Page): Promise<Array<[string, string, string]>> {
  return page.evaluate((section) => {
    const rows = document.querySelectorAll(`[data-testid="editor-${section}"] [data-testid^="tally-row-"]`);
    return [...rows].map((row, index) => {
      const value = (id: string) => (row.querySelector(`[data-testid="${id}-${index}"]`) as HTMLInputElement | null)?.value ?? '?';
      return [value('tally-award'), value('tally-collectives'), value('tally-individuals')] as [string, string, string];
    });
  }, SECTION);
}

const tallyId = (id: string) => byTestId(id, SECTION);

describe('award tallies', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);
  const openRoom = useRoomClients(server, officeCookie);

  /** A report whose section II belongs to Phòng Nội vụ, and a client of our own on that section's room. */
  async function reportForNoiVu(): Promise<{ url: string; reportId: string; room: CollabClient }> {
    const report = await createReport(server().url, { title: 'Tổng kết khen thưởng năm 2024' }, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, SECTION, workspace().departments.noivu.id);
    const room = await openRoom(report.sections.find((section) => section.id === SECTION)!.room);
    return { url: `${server().url}/reports/${report.id}`, reportId: report.id, room };
  }

  async function open(page: Page, url: string, account: { username: string; password: string }): Promise<Page> {
    await loginAs(page, url, account.username, account.password);
    await waitForSaveState(page, 'saved');
    return page;
  }

  /** Inserts a tally from the section's toolbar, at the end of the section. */
  async function insertTally(page: Page): Promise<void> {
    await typeInSection(page, SECTION, 'end', '');
    await page.locator(`[data-testid="section-${SECTION}"] [data-testid="insert-tally"]`).click();
    await page.locator(tallyId('tally-row-0')).waitFor();
  }

  it('lets two people add rows and change cells at the same moment, and both keep their change', async () => {
    const { url, room } = await reportForNoiVu();
    const [officePage, noivuPage] = [await browsers.newPage(), await browsers.newPage()];
    // Each browser's section socket can be held back, so each edits without seeing the other's edit.
    const sectionSocket = new RegExp(`/collab/[^/]+/section/${SECTION}$`);
    const [officeHeld, noivuHeld] = await Promise.all([holdableRoom(officePage, sectionSocket), holdableRoom(noivuPage, sectionSocket)]);
    const [office, noivu] = await Promise.all([open(officePage, url, workspace().office), open(noivuPage, url, workspace().noivu)]);
    await waitForEditable(noivu, SECTION, true);

    // The owning department inserts the tally; the office sees it and fills its first row.
    await insertTally(noivu);
    await office.locator(tallyId('tally-row-0')).waitFor();
    await office.locator(tallyId('tally-award-0')).selectOption('bang-khen-thu-tuong');
    await office.locator(tallyId('tally-individuals-0')).fill('2');
    await waitForValue(noivu, tallyId('tally-individuals-0'), '2');
    await waitForText(noivu, tallyId('tally-prose'), 'Bằng khen của Thủ tướng Chính phủ (02 cá nhân).');

    // At the same moment: each adds a row and fills it, and each changes another cell of row 1.
    officeHeld.hold();
    noivuHeld.hold();
    const addAndFill = async (page: Page, award: string, collectives: string, individuals: string) => {
      await page.locator(tallyId('tally-add-row')).click();
      await page.locator(tallyId('tally-award-1')).selectOption(award);
      if (collectives !== '') await page.locator(tallyId('tally-collectives-1')).fill(collectives);
      if (individuals !== '') await page.locator(tallyId('tally-individuals-1')).fill(individuals);
    };
    await Promise.all([
      addAndFill(office, 'co-thi-dua-tinh', '3', ''),
      addAndFill(noivu, 'bang-khen-chu-tich-ubnd-tinh', '19', '47'),
    ]);
    await Promise.all([
      office.locator(tallyId('tally-collectives-0')).fill('1'),
      noivu.locator(tallyId('tally-individuals-0')).fill('5'),
    ]);
    // Neither page has seen the other's edits.
    expect((await shownRows(office)).map((row) => row[0])).toEqual(['bang-khen-thu-tuong', 'co-thi-dua-tinh']);
    expect((await shownRows(noivu)).map((row) => row[0])).toEqual(['bang-khen-thu-tuong', 'bang-khen-chu-tich-ubnd-tinh']);
    officeHeld.release();
    noivuHeld.release();

    // Both rows, every cell, in both browsers and in the room.
    const prose =
      'Bằng khen của Thủ tướng Chính phủ (01 tập thể và 05 cá nhân); Ủy ban nhân dân tỉnh đã tặng thưởng: ' +
      'Cờ thi đua tỉnh (03 tập thể); Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (19 tập thể và 47 cá nhân).';
    const proseOtherOrder =
      'Bằng khen của Thủ tướng Chính phủ (01 tập thể và 05 cá nhân); Ủy ban nhân dân tỉnh đã tặng thưởng: ' +
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (19 tập thể và 47 cá nhân); Cờ thi đua tỉnh (03 tập thể).';
    for (const page of [office, noivu]) {
      await page.waitForFunction(
        ({ selector, expected }) => expected.includes((document.querySelector(selector)?.textContent ?? '').trim()),
        { selector: tallyId('tally-prose'), expected: [prose, proseOtherOrder] },
      );
      const rows = await shownRows(page);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual(['bang-khen-thu-tuong', '1', '5']);
      expect(rows.slice(1)).toEqual(
        expect.arrayContaining([
          ['co-thi-dua-tinh', '3', ''],
          ['bang-khen-chu-tich-ubnd-tinh', '19', '47'],
        ]),
      );
      const total = page.locator(tallyId('tally-total'));
      expect([await total.getAttribute('data-collectives'), await total.getAttribute('data-individuals')]).toEqual(['23', '52']);
    }
    expect(await office.locator(tallyId('tally-prose')).innerText()).toBe(await noivu.locator(tallyId('tally-prose')).innerText());
    await Promise.all([waitForSaveState(office, 'saved'), waitForSaveState(noivu, 'saved')]);
    await waitFor(() => storedRows(room).length === 3 && storedRows(room)[0]?.individuals === 5, { what: 'the rows in the room' });
    expect(storedRows(room)).toEqual(
      expect.arrayContaining([
        { award: 'bang-khen-thu-tuong', collectives: 1, individuals: 5 },
        { award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 },
        { award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 19, individuals: 47 },
      ]),
    );
  });

  it('refuses a count the award form cannot receive, with a message, and stores nothing of it', async () => {
    const { url, room } = await reportForNoiVu();
    const office = await open(await browsers.newPage(), url, workspace().office);
    await insertTally(office);

    // A Cờ thi đua goes to collectives only.
    await office.locator(tallyId('tally-award-0')).selectOption('co-thi-dua-tinh');
    await office.locator(tallyId('tally-individuals-0')).fill('5');
    const error = office.locator(tallyId('tally-error'));
    await error.filter({ hasText: 'chỉ tặng cho tập thể' }).waitFor();
    expect(await error.innerText()).toBe('Cờ thi đua của Ủy ban nhân dân tỉnh chỉ tặng cho tập thể: không ghi số cá nhân.');
    expect(await office.locator(tallyId('tally-individuals-0')).inputValue()).toBe('');

    // Not a whole number: refused too.
    await office.locator(tallyId('tally-collectives-0')).fill('2,5');
    await error.filter({ hasText: 'Số lượng phải là số nguyên' }).waitFor();
    expect(await office.locator(tallyId('tally-collectives-0')).inputValue()).toBe('');

    // A count it can receive is kept, and the message goes.
    await office.locator(tallyId('tally-collectives-0')).fill('3');
    await error.waitFor({ state: 'detached' });
    await waitForText(office, tallyId('tally-prose'), 'Ủy ban nhân dân tỉnh đã tặng thưởng: Cờ thi đua tỉnh (03 tập thể).');

    // A form for individuals only cannot replace it while the row counts collectives.
    await office.locator(tallyId('tally-award-0')).selectOption('chien-si-thi-dua-co-so');
    await error.filter({ hasText: 'chỉ tặng cho cá nhân' }).waitFor();
    await waitForValue(office, tallyId('tally-award-0'), 'co-thi-dua-tinh');

    await waitForSaveState(office, 'saved');
    await waitFor(() => storedRows(room)[0]?.collectives === 3, { what: 'the accepted count in the room' });
    expect(storedRows(room)).toEqual([{ award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 }]);
  });

  it('shows the tally read-only, with its prose, to those who may not write the section', async () => {
    const { url, reportId } = await reportForNoiVu();
    // Phòng Văn hóa - Thông tin writes section I, so it sees the report, but not section II.
    await assignSection(server().url, officeCookie(), reportId, 'tham-muu', workspace().departments.vhtt.id);
    const [noivu, vhtt] = await Promise.all([open(await browsers.newPage(), url, workspace().noivu), open(await browsers.newPage(), url, workspace().vhtt)]);
    await insertTally(noivu);
    await noivu.locator(tallyId('tally-award-0')).selectOption('bang-khen-chu-tich-ubnd-tinh');
    await noivu.locator(tallyId('tally-collectives-0')).fill('19');
    await noivu.locator(tallyId('tally-individuals-0')).fill('47');

    await waitForText(vhtt, tallyId('tally-prose'), 'Ủy ban nhân dân tỉnh đã tặng thưởng: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (19 tập thể và 47 cá nhân).');
    expect(await vhtt.locator(tallyId('tally-award-0')).isDisabled()).toBe(true);
    expect(await vhtt.locator(tallyId('tally-collectives-0')).isEditable()).toBe(false);
    expect(await vhtt.locator(tallyId('tally-add-row')).count()).toBe(0);
    expect(await vhtt.locator(`[data-testid="section-${SECTION}"] [data-testid="insert-tally"]`).count()).toBe(0);
    await vhtt.locator(tallyId('tally-collectives-0')).click();
    await vhtt.keyboard.type('9');
    expect(await vhtt.locator(tallyId('tally-collectives-0')).inputValue()).toBe('19');
    expect(await vhtt.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
  });
});
