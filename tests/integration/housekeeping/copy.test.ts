/**
 * Copying a report (issue 10, item 7): a new draft with the same content of every room (frame, opening
 * paragraphs, sections) and the same assignments, titled "… (bản sao)" — without the original's review
 * threads, suggestions, verdicts, versions, number, date or issue — written to the audit log of both.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Version } from '../../../common/api/workflow.js';
import type { Report, ReportListEntry } from '../../../common/report.js';
import type { CommentThread, Suggestion } from '../../../common/review.js';
import { FRAME_MAP, formatRoomName, SECTION_REVIEWS_MAP, THREADS_MAP } from '../../../common/rooms.js';
import { MAX_TITLE_LENGTH } from '../../../common/limits.js';
import { storedDoc } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { anchorOfWords } from '../review/support.js';
import { ok, startWorkflowServer, storedFrame, type WorkflowFixture } from '../workflow/support.js';
import { storedContent, writeParagraph } from './support.js';

const frameRoom = (reportId: string) => formatRoomName({ reportId, part: { kind: 'frame' } });

describe('copying a report', () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport('Báo cáo tổng kết năm 2024');
  });
  afterEach(async () => {
    await f.close();
  });

  /** Writes into every kind of room, and gives the report a review: a thread, a suggestion, a verdict. */
  const fill = async () => {
    const owner = await writeParagraph(f, 'noivu', report.id, 'tham-muu', 'Tổ chức 12 hội nghị tập huấn.');
    await writeParagraph(f, 'vhtt', report.id, 'ket-qua', 'Khen thưởng 47 cá nhân.');
    const office = f.connect('office', report.id, 'frame');
    await office.synced();
    office.doc.getMap(FRAME_MAP).set('signerName', 'Nguyễn Văn An');
    const preamble = office.doc.getXmlFragment('preamble');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Thực hiện Kế hoạch số 15/KH-UBND.')]);
    preamble.insert(preamble.length, [paragraph]);
    await waitFor(async () => (await storedContent(f, frameRoom(report.id))).preamble.includes('15/KH-UBND'), { what: 'the preamble stored' });
    const base = `/api/reports/${report.id}`;
    const anchor = anchorOfWords(owner.doc, '12 hội nghị');
    await ok<CommentThread>(f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote: '12 hội nghị', body: 'Hội nghị nào?' }), 201);
    await ok<Suggestion>(f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote: '12 hội nghị', replacement: '13 hội nghị' }), 201);
    await ok(f.as('chair', 'PUT', `${base}/sections/ket-qua/review`, { state: 'approved' }));
  };

  it('makes a new draft with the content of every room and the assignments, titled "… (bản sao)"', async () => {
    await fill();
    const copy = await ok<Report>(f.as('office', 'POST', `/api/reports/${report.id}/copy`), 201);
    expect(copy.id).not.toBe(report.id);
    expect(copy).toMatchObject({ title: 'Báo cáo tổng kết năm 2024 (bản sao)', status: 'draft', templateId: report.templateId });
    expect(copy.sections.map(({ id, number, title, ownerDepartmentId, review }) => ({ id, number, title, ownerDepartmentId, review }))).toEqual(
      report.sections.map(({ id, number, title, ownerDepartmentId }) => ({ id, number, title, ownerDepartmentId, review: { state: 'none' } })),
    );
    expect(copy.sections.map((section) => section.room)).toEqual(report.sections.map((section) => `${copy.id}/section/${section.id}`));

    // Every section's body, the opening paragraphs and the frame: equal, but for the subject.
    for (const section of report.sections) {
      expect((await storedContent(f, `${copy.id}/section/${section.id}`)).body, section.id).toBe(
        (await storedContent(f, section.room)).body,
      );
    }
    const original = await storedContent(f, frameRoom(report.id));
    const copied = await storedContent(f, frameRoom(copy.id));
    expect(copied.preamble).toBe(original.preamble);
    expect(copied.frame).toEqual({ ...(original.frame as object), subject: 'Báo cáo tổng kết năm 2024 (bản sao)' });

    // None of the review: no thread, suggestion or verdict, in REST or in the review room; no version.
    const base = `/api/reports/${copy.id}`;
    expect(await ok<CommentThread[]>(f.as('chair', 'GET', `${base}/comments`))).toEqual([]);
    expect(await ok<Suggestion[]>(f.as('chair', 'GET', `${base}/suggestions`))).toEqual([]);
    expect(await ok<Version[]>(f.as('chair', 'GET', `${base}/versions`))).toEqual([]);
    const review = await storedDoc(f.server.store, `${copy.id}/review`);
    expect(review.getMap(THREADS_MAP).size + review.getMap(SECTION_REVIEWS_MAP).size).toBe(0);
    expect(review.getMap('owners').toJSON()).toEqual(Object.fromEntries(report.sections.map((s) => [s.id, s.ownerDepartmentId ?? ''])));
    review.destroy();
    // The original is untouched, and the departments see the copy in their list.
    expect((await ok<CommentThread[]>(f.as('chair', 'GET', `/api/reports/${report.id}/comments`))).length).toBe(1);
    const listed = await ok<ReportListEntry[]>(f.as('vhtt', 'GET', '/api/reports'));
    expect(listed.find((entry) => entry.id === copy.id)).toMatchObject({ title: copy.title, approvedSections: 0, departmentIds: copy.departmentIds });

    const log = async (reportId: string) =>
      (await ok<Array<{ action: string; userId: string; detail: Record<string, string> }>>(f.as('office', 'GET', `/api/reports/${reportId}/audit`))).map(
        ({ action, userId, detail }) => ({ action, userId, detail }),
      );
    expect(await log(copy.id)).toEqual([
      { action: 'report.created', userId: f.ids.office, detail: { templateId: report.templateId, copiedFrom: report.id } },
    ]);
    expect((await log(report.id)).at(-1)).toEqual({ action: 'report.copied', userId: f.ids.office, detail: { copyId: copy.id } });
  });

  it('copies an issued report into a draft without its number, date or issue, that may be written', async () => {
    await writeParagraph(f, 'noivu', report.id, 'tham-muu', 'Số liệu năm 2024.');
    await f.bringTo(report.id, 'issued', { number: 7, date: '2024-12-20' });
    const copy = await ok<Report>(f.as('admin', 'POST', `/api/reports/${report.id}/copy`), 201);
    expect(copy.status).toBe('draft');
    for (const key of ['number', 'symbol', 'date', 'issuedAt', 'issuedBy', 'issuedSha256'] as const) expect(copy[key], key).toBeUndefined();
    expect(await storedFrame(f.server, copy.id)).toMatchObject({ number: '', date: '', symbol: 'BC-UBND', subject: 'Báo cáo tổng kết năm 2024 (bản sao)' });
    expect(await storedFrame(f.server, report.id)).toMatchObject({ number: '07', date: '2024-12-20' });
    // Its rooms take writes again.
    await writeParagraph(f, 'noivu', copy.id, 'tham-muu', 'Số liệu năm 2025.');
  });

  it('keeps the title of a copy within the title’s length', async () => {
    const long = await ok<Report>(f.as('office', 'PATCH', `/api/reports/${report.id}`, { title: 'Báo cáo '.repeat(80).slice(0, MAX_TITLE_LENGTH) }));
    const copy = await ok<Report>(f.as('office', 'POST', `/api/reports/${long.id}/copy`), 201);
    expect(copy.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(copy.title.endsWith(' (bản sao)')).toBe(true);
  });
});
