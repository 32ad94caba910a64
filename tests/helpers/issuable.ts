/**
 * A report that the form checker lets through (issue 12: issuing is refused while it finds an error), for the
 * tests that issue reports: what a new report of the template lacks, written through the rooms as the office
 * would type it — each guidance line replaced by a sentence, an item with nothing under it given one, empty
 * opening paragraphs filled, the last paragraph closed with "./.". What a test wrote itself stays.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as Y from 'yjs';
import { elementText } from '../../common/checks/bodyBlocks.js';
import { closingEdit } from '../../common/checks/rules/closingMark.js';
import type { Finding } from '../../common/checks/finding.js';
import { isGuidanceText } from '../../common/guidance.js';
import { PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../../common/rooms.js';
import { templateSchema } from '../../common/template.js';
import { call } from './api.js';
import { connectClient } from './collabClient.js';
import { waitFor } from './waitFor.js';

/** A sentence that breaks no rule. */
export const FILLER = 'Các cơ quan, đơn vị đã triển khai thực hiện đầy đủ, đúng tiến độ.';

const TEMPLATE = templateSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../templates/bao-cao-so-ket.json'), 'utf8')));

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

const textOf = (node: unknown) => (node instanceof Y.XmlElement ? elementText(node).trim() : '');
const isHeading = (node: unknown) => node instanceof Y.XmlElement && node.nodeName === 'heading';

/**
 * Fills a fragment in place (see the module comment): the opening paragraphs (`sectionId` null) or a section's
 * body; `close` ends its last paragraph with "./.".
 */
export function fillFragment(fragment: Y.XmlFragment, sectionId: string | null, close: boolean): void {
  fragment.toArray().forEach((node, index) => {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph' && isGuidanceText(TEMPLATE, sectionId, elementText(node))) {
      fragment.delete(index, 1);
      fragment.insert(index, [paragraph(FILLER)]);
    }
  });
  for (let index = fragment.length - 1; index >= 0; index--) {
    const next = fragment.get(index + 1);
    if (isHeading(fragment.get(index)) && (next === undefined || isHeading(next) || textOf(next) === '')) fragment.insert(index + 1, [paragraph(FILLER)]);
  }
  const nodes = fragment.toArray();
  if (!nodes.some((node) => !isHeading(node) && textOf(node) !== '')) fragment.push([paragraph(FILLER)]);
  if (!close) return;
  const last = [...fragment.toArray()].reverse().find((node) => textOf(node) !== '');
  if (!(last instanceof Y.XmlElement) || last.nodeName !== 'paragraph') {
    fragment.push([paragraph(`${FILLER}/.`)]);
    return;
  }
  const edit = closingEdit(elementText(last));
  const run = last.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (edit === null || run === undefined) return;
  run.delete(edit.offset, edit.find.length);
  run.insert(edit.offset, edit.replace);
}

/** The errors `GET …/checks?for=issue` finds, but for the number and date, which the issue gives. */
export async function checkErrors(url: string, cookie: string, reportId: string): Promise<Finding[]> {
  const response = await call(url, cookie, 'GET', `/api/reports/${reportId}/checks?for=issue`);
  if (response.status !== 200) throw new Error(`checks: ${response.status} ${await response.text()}`);
  const findings = (await response.json()) as Finding[];
  return findings.filter((finding) => finding.severity === 'error' && finding.rule !== 'issue-number' && finding.rule !== 'issue-date');
}

/**
 * Makes the report pass the form checker, writing through its rooms as `cookie` (the office), and waits
 * until the server's checker finds no error but the number and date.
 */
export async function fillForIssue(server: { url: string; collabUrl: string }, cookie: string, report: { id: string; sections: ReadonlyArray<{ id: string }> }): Promise<void> {
  const places = [null, ...report.sections.map((section) => section.id)];
  const rooms = places.map((sectionId) => (sectionId === null ? `${report.id}/frame` : `${report.id}/section/${sectionId}`));
  const clients = rooms.map((room) => connectClient(server.collabUrl, room, cookie));
  try {
    await Promise.all(clients.map((client) => client.synced()));
    clients.forEach((client, index) => {
      const fragment = client.doc.getXmlFragment(index === 0 ? PREAMBLE_FRAGMENT : SECTION_FRAGMENT);
      client.doc.transact(() => fillFragment(fragment, places[index]!, index === clients.length - 1));
    });
    await waitFor(async () => (await checkErrors(server.url, cookie, report.id)).length === 0, { what: `report ${report.id} passing the form checker` });
  } finally {
    for (const client of clients) client.destroy();
  }
}
