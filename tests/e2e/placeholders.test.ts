/**
 * Guidance is a placeholder, not text (issue 12, item 1): each part's guidance is drawn greyed in its
 * empty paragraph and goes once the part has text, nothing of it stored; a report made before, whose rooms
 * hold guidance as italic text, shows it as guidance to a reader, and the first person who may write the
 * section takes it out of the room (without putting it in their undo history).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFile } from 'node:fs/promises';
import type { Report } from '../../common/report.js';
import { createReport } from '../helpers/api.js';
import { editorSelector, editorText, loginAs, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import type { CollabClient } from '../helpers/collabClient.js';
import { placeholders, waitForPlaceholders } from '../helpers/drafting.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { body, sectionText } from '../helpers/sectionText.js';
import { useSeededWorkspace } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

const SECTION = 'danh-gia';

interface TemplateJson {
  sections: Array<{ id: string; guidance?: string; parts: Array<{ heading: string; guidance: string }> }>;
}

describe('guidance as placeholders', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const openRoom = useRoomClients(server, () => server().adminCookie);
  let parts: TemplateJson['sections'][number]['parts'];

  beforeAll(async () => {
    const template = JSON.parse(await readFile(new URL('../../templates/bao-cao-so-ket.json', import.meta.url), 'utf8')) as TemplateJson;
    parts = template.sections.find((section) => section.id === SECTION)!.parts;
  });

  async function open(page: Page, report: Report, account: { username: string; password: string }): Promise<void> {
    await loginAs(page, `${server().url}/reports/${report.id}`, account.username, account.password);
    await waitForSaveState(page, 'saved');
  }

  const sectionRoomOf = (report: Report) => report.sections.find((section) => section.id === SECTION)!.room;

  it('draws each part’s guidance greyed where the part is empty; typing there is plain text, and only it is stored', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    await open(page, report, workspace().admin);
    await waitForPlaceholders(page, SECTION, [parts[0]!.guidance, parts[1]!.guidance]);
    const look = await page.locator(`${editorSelector(SECTION)} p.guidance-placeholder`).first().evaluate((element) => {
      const before = getComputedStyle(element, '::before');
      return { content: before.content, color: before.color, fontStyle: before.fontStyle, text: element.textContent };
    });
    expect(look).toEqual({ content: `"${parts[0]!.guidance}"`, color: 'rgb(100, 107, 117)', fontStyle: 'italic', text: '' });

    await page.locator(`${editorSelector(SECTION)} p.guidance-placeholder`).first().click();
    await page.keyboard.type('Phong trào được hưởng ứng rộng rãi.');
    await waitForEditorText(page, SECTION, 'Phong trào được hưởng ứng rộng rãi.');
    await waitForPlaceholders(page, SECTION, [parts[1]!.guidance]);
    expect(await page.locator(`${editorSelector(SECTION)} em`).count()).toBe(0);
    expect(await editorText(page, SECTION)).toBe(`${parts[0]!.heading}Phong trào được hưởng ứng rộng rãi.${parts[1]!.heading}`);

    await waitForSaveState(page, 'saved');
    const stored = await storedText(server().store, sectionRoomOf(report));
    expect(stored).toContain('Phong trào được hưởng ứng rộng rãi.');
    for (const part of parts) expect(stored).not.toContain(part.guidance);
  });

  /** Writes the section as reports made before issue 12 started: each part's guidance as italic text. */
  async function writeOldContent(report: Report): Promise<CollabClient> {
    const client = await openRoom(sectionRoomOf(report));
    client.doc.transact(() => {
      const fragment = body(client.doc);
      fragment.delete(0, fragment.length);
      for (const part of parts) {
        const heading = new Y.XmlElement('heading');
        heading.setAttribute('level', 2 as unknown as string);
        heading.insert(0, [new Y.XmlText(part.heading)]);
        const hint = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        hint.insert(0, [text]);
        text.insert(0, part.guidance, { italic: {} });
        fragment.push([heading, hint]);
      }
    });
    await waitFor(async () => (await storedText(server().store, sectionRoomOf(report))).includes(parts[1]!.guidance), { what: 'the old content stored' });
    return client;
  }

  it('shows guidance an older report holds as text as guidance, and the first writer takes it out of the room', async () => {
    const report = await createReport(server().url, {}, server().adminCookie);
    const watcher = await writeOldContent(report);

    // The chairperson only reads: the guidance text is drawn as guidance, and stays in the room.
    const chair = await browsers.newPage();
    await open(chair, report, workspace().chair);
    const legacy = chair.locator(`${editorSelector(SECTION)} p.guidance-text`);
    await legacy.first().waitFor();
    expect(await legacy.allTextContents()).toEqual([parts[0]!.guidance, parts[1]!.guidance]);
    expect(await legacy.first().evaluate((element) => getComputedStyle(element).color)).toBe('rgb(100, 107, 117)');
    expect(sectionText(watcher.doc)).toContain(parts[0]!.guidance);

    // The office may write the section: its editor takes the guidance out; everyone sees placeholders.
    const office = await browsers.newPage();
    await open(office, report, workspace().office);
    await waitFor(() => !sectionText(watcher.doc).includes('Nêu'), { what: 'the guidance taken out of the room' });
    for (const page of [office, chair]) await waitForPlaceholders(page, SECTION, [parts[0]!.guidance, parts[1]!.guidance]);
    expect(await chair.locator(`${editorSelector(SECTION)} p.guidance-text`).count()).toBe(0);
    await waitFor(async () => !(await storedText(server().store, sectionRoomOf(report))).includes('Nêu'), { what: 'the store without guidance' });

    // Ctrl+Z after typing takes back the typing, never bringing the guidance back as text.
    await office.locator(`${editorSelector(SECTION)} p.guidance-placeholder`).first().click();
    await office.keyboard.type('Thuận lợi lớn.');
    await waitForEditorText(office, SECTION, 'Thuận lợi lớn.');
    await office.keyboard.press('Control+z');
    await office.keyboard.press('Control+z');
    await waitForPlaceholders(office, SECTION, [parts[0]!.guidance, parts[1]!.guidance]);
    await waitForSaveState(office, 'saved');
    expect(await placeholders(chair, SECTION)).toHaveLength(2);
    expect(sectionText(watcher.doc)).not.toContain('Nêu');
    expect(sectionText(watcher.doc)).not.toContain('Thuận lợi lớn.');
  });
});
