/**
 * Guidance never prints (issue 12, item 1): a new report's export holds none of the template's guidance;
 * a report made before guidance became a placeholder still holds it as text in its rooms, and its export
 * leaves it out too — no "./." is added to a guidance line left last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportGuidance } from '../../../common/guidance.js';
import type { Report } from '../../../common/report.js';
import { formatRoomName, PREAMBLE_FRAGMENT } from '../../../common/rooms.js';
import { templateSchema } from '../../../common/template.js';
import { createReport } from '../../helpers/api.js';
import { useRoomClients } from '../../helpers/roomClients.js';
import { body } from '../../helpers/sectionText.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { storedDoc } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { readParagraphs } from './support/docxFile.js';
import { downloadExport } from './support/exportServer.js';

const template = templateSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../templates/bao-cao-so-ket.json'), 'utf8')));
const guidance = reportGuidance(template);
/** Every guidance line of the template. */
const LINES = [guidance.preamble.lead!, ...Object.values(guidance.sections).flatMap((place) => [place.lead, ...place.parts.map((part) => part.guidance)])].filter(
  (line): line is string => line !== undefined,
);

/** A paragraph as reports made before issue 12 started: the guidance in italics. */
function italicParagraph(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  content.insert(0, text, { italic: {} });
  return paragraph;
}

function heading(text: string): Y.XmlElement {
  const element = new Y.XmlElement('heading');
  element.setAttribute('level', 2 as unknown as string);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe('guidance in the export', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  // Synced clients as the admin (who may write every room); registered after the server's afterAll, so
  // they leave before it closes.
  const open = useRoomClients(() => server, () => server.adminCookie, { until: 'all' });

  it('prints none of the guidance of a new report, whose rooms hold none', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const text = (await readParagraphs(await downloadExport(server.url, server.adminCookie, report.id))).join('\n');
    for (const line of LINES) expect(text).not.toContain(line.slice(0, 30));
    expect(text).toContain('1. Công tác lãnh đạo, chỉ đạo trong triển khai thực hiện');
  });

  /** Writes every room as a report made before issue 12 held it: guidance as italic paragraphs. */
  async function writeOldStartingContent(report: Report): Promise<void> {
    for (const [index, section] of template.sections.entries()) {
      const client = await open(report.sections[index]!.room);
      client.doc.transact(() => {
        const fragment = body(client.doc);
        fragment.delete(0, fragment.length);
        if (section.guidance) fragment.push([italicParagraph(section.guidance)]);
        for (const part of section.parts) fragment.push([heading(part.heading), italicParagraph(part.guidance!)]);
      });
    }
    const frame = await open(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }));
    frame.doc.transact(() => {
      const preamble = frame.doc.getXmlFragment(PREAMBLE_FRAGMENT);
      preamble.delete(0, preamble.length);
      preamble.push([italicParagraph(template.preambleGuidance!)]);
    });
    const last = report.sections[3]!.room;
    await waitFor(
      async () => {
        const doc = await storedDoc(server.store, last);
        const done = body(doc).length === 1;
        doc.destroy();
        return done;
      },
      { what: 'the old content stored' },
    );
  }

  it('leaves out guidance an older report holds as text, and puts the closing mark where text ends', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    await writeOldStartingContent(report);
    // Some text under one part: it prints, and the guidance beside it does not.
    const client = await open(report.sections[2]!.room);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Phong trào thi đua được hưởng ứng rộng rãi.')]);
    body(client.doc).insert(2, [paragraph]);
    await waitFor(
      async () => {
        const doc = await storedDoc(server.store, report.sections[2]!.room);
        const done = body(doc).length === 5;
        doc.destroy();
        return done;
      },
      { what: 'the paragraph stored' },
    );

    const paragraphs = await readParagraphs(await downloadExport(server.url, server.adminCookie, report.id));
    const text = paragraphs.join('\n');
    for (const line of LINES) expect(text).not.toContain(line.slice(0, 30));
    expect(paragraphs).toContain('Phong trào thi đua được hưởng ứng rộng rãi.');
    // The body ends with section IV, which holds only guidance: the closing mark stands alone.
    expect(paragraphs[paragraphs.indexOf('Nơi nhận:') - 1]).toBe('./.');
    expect(text).not.toContain('thời gian tới./.');
  });
});
