/**
 * Restoring a version (issue 10, item 5; CONTRACT.md: "the rooms now read as that version, as a new
 * change") against a real server with real y-websocket clients: every connected client receives the
 * restored text and keeps editing; what was written since the version is stored first as a version of its
 * own, so restoring that one brings it back; approved sections the restore changes become `changed`; an
 * issued report, or one being issued, is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RestoredReport, VersionView } from '../../../common/api/versions.js';
import type { Version } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import type { CollabClient } from '../../helpers/collabClient.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { auditActions, ok, refused, startWorkflowServer, storedFrame, type WorkflowFixture } from './support.js';
import { deleteParagraph, replaceWords, storedSection } from './versionSupport.js';

const SUBJECT_THEN = 'Sơ kết công tác thi đua 6 tháng đầu năm 2025';
const SUBJECT_LATER = 'Tổng kết công tác thi đua năm 2025';

describe('restoring a version', () => {
  let f: WorkflowFixture;
  let report: Report;
  let version: Version;
  let noivu: CollabClient;
  let office: CollabClient;
  let frame: CollabClient;
  /** The section's text when the version was saved. */
  let textThen: string;

  const restore = (versionId: string, who: 'office' | 'admin' = 'office') =>
    ok<RestoredReport>(f.as(who, 'POST', `/api/reports/${report.id}/versions/${versionId}/restore`));
  const versions = () => ok<Version[]>(f.as('office', 'GET', `/api/reports/${report.id}/versions`));

  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
    // Two editors of the same section (its department and the office), and the office on the frame.
    noivu = f.connect('noivu', report.id, 'section/tham-muu');
    office = f.connect('office', report.id, 'section/tham-muu');
    frame = f.connect('office', report.id, 'frame');
    await Promise.all([noivu.synced(), office.synced(), frame.synced()]);
    appendParagraph(noivu.doc, 'Đã tổ chức 12 hội nghị sơ kết tại xã.');
    appendParagraph(noivu.doc, 'Đoạn này sẽ bị xóa khỏi báo cáo.');
    appendParagraph(noivu.doc, 'Kết luận của phần tham mưu.');
    frame.doc.getMap(FRAME_MAP).set('subject', SUBJECT_THEN);
    await storedSection(f, report.id, 'tham-muu', (text) => text.includes('Kết luận của phần tham mưu.'));
    await waitFor(async () => (await storedFrame(f.server, report.id)).subject === SUBJECT_THEN);
    await waitFor(() => sectionText(office.doc) === sectionText(noivu.doc));
    textThen = sectionText(noivu.doc);
    version = await ok<Version>(f.as('office', 'POST', `/api/reports/${report.id}/versions`, { label: 'Bản gửi Chủ tịch' }), 201);

    replaceWords(noivu.doc, '12 hội nghị sơ kết', '15 hội nghị tổng kết');
    deleteParagraph(office.doc, 'Đoạn này sẽ bị xóa');
    appendParagraph(noivu.doc, 'Bổ sung: phát động 03 phong trào thi đua.');
    frame.doc.getMap(FRAME_MAP).set('subject', SUBJECT_LATER);
    await storedSection(f, report.id, 'tham-muu', (text) => text.includes('03 phong trào') && !text.includes('sẽ bị xóa'));
    await waitFor(async () => (await storedFrame(f.server, report.id)).subject === SUBJECT_LATER);
  });
  afterEach(async () => {
    await f.close();
  });

  it('makes every connected client read the version, as a change they receive, and their next edits still work', async () => {
    const answer = await restore(version.id);
    expect(answer.id).toBe(report.id);
    expect(answer.status).toBe('draft');
    expect(answer.restore.from.id).toBe(version.id);
    expect(answer.restore.sections).toEqual(['tham-muu']);
    // The title is the frame's subject (issue 10, item 7): it follows the restored frame too.
    expect(answer.title).toBe(SUBJECT_THEN);
    expect([answer.restore.before.label, answer.restore.after.label]).toEqual(['Trước khi khôi phục: Bản gửi Chủ tịch', 'Khôi phục: Bản gửi Chủ tịch']);

    // Received live, by both editors and the frame: no reconnection, no reload.
    await waitFor(() => sectionText(noivu.doc) === textThen && sectionText(office.doc) === textThen, { what: 'both editors to read the version' });
    await waitFor(() => frame.doc.getMap(FRAME_MAP).get('subject') === SUBJECT_THEN, { what: 'the frame to read the version' });
    expect(await storedText(f.server.store, `${report.id}/section/tham-muu`)).toBe(textThen);
    expect((await storedFrame(f.server, report.id)).subject).toBe(SUBJECT_THEN);

    // Editing goes on, from both, on top of the restored text.
    appendParagraph(noivu.doc, 'Sau khôi phục: phòng Nội vụ.');
    appendParagraph(office.doc, 'Sau khôi phục: Văn phòng.');
    const both = (text: string) => text.includes('phòng Nội vụ.') && text.includes('Sau khôi phục: Văn phòng.');
    await storedSection(f, report.id, 'tham-muu', both);
    await waitFor(() => both(sectionText(noivu.doc)) && both(sectionText(office.doc)), { what: 'both editors to see both edits' });
    expect(sectionText(noivu.doc).startsWith(textThen)).toBe(true);
    expect(sectionText(office.doc)).toBe(sectionText(noivu.doc));
  });

  it('stores what was written since the version first, so nothing is lost: restoring that brings it back', async () => {
    const answer = await restore(version.id);
    const listed = await versions();
    expect(listed.slice(0, 3).map(({ id, label, kind }) => [id, label, kind])).toEqual([
      [answer.restore.after.id, 'Khôi phục: Bản gửi Chủ tịch', 'restore'],
      [answer.restore.before.id, 'Trước khi khôi phục: Bản gửi Chủ tịch', 'restore'],
      [version.id, 'Bản gửi Chủ tịch', 'manual'],
    ]);
    const before = await ok<VersionView>(f.as('chair', 'GET', `/api/reports/${report.id}/versions/${answer.restore.before.id}`));
    const texts = before.content.sections[0]!.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(texts).toContain('Đã tổ chức 15 hội nghị tổng kết tại xã.');
    expect(texts).toContain('Bổ sung: phát động 03 phong trào thi đua.');
    expect(before.content.frame.subject).toBe(SUBJECT_LATER);

    // Undoing the restore is restoring the version stored before it.
    await restore(answer.restore.before.id);
    const later = (text: string) => text.includes('15 hội nghị tổng kết') && text.includes('03 phong trào') && !text.includes('sẽ bị xóa');
    await waitFor(() => later(sectionText(noivu.doc)) && later(sectionText(office.doc)), { what: 'the later text back in both editors' });
    await waitFor(() => frame.doc.getMap(FRAME_MAP).get('subject') === SUBJECT_LATER);
    expect(later(await storedText(f.server.store, `${report.id}/section/tham-muu`))).toBe(true);
    const versionActions = (await auditActions(f, report.id)).filter((action) => action.startsWith('version.'));
    expect(versionActions).toEqual(['version.created', 'version.created', 'version.restored', 'version.created', 'version.restored']);
  });

  it('turns an approved section the restore changes to "changed", and leaves the others approved', async () => {
    await f.bringTo(report.id, 'review');
    for (const sectionId of ['tham-muu', 'ket-qua']) {
      await ok(f.as('chair', 'PUT', `/api/reports/${report.id}/sections/${sectionId}/review`, { state: 'approved' }));
    }
    const answer = await restore(version.id);
    expect(answer.status).toBe('review');
    const states = Object.fromEntries(answer.sections.map((section) => [section.id, section.review?.state]));
    expect(states).toMatchObject({ 'tham-muu': 'changed', 'ket-qua': 'approved' });
  });

  it('refuses a restore of an issued report (409), changing nothing', async () => {
    await f.bringTo(report.id, 'issued', { number: 3, date: '2025-06-30' });
    const before = { versions: await versions(), text: await storedText(f.server.store, `${report.id}/section/tham-muu`) };
    await refused(f.as('office', 'POST', `/api/reports/${report.id}/versions/${version.id}/restore`), 409, 'report_issued');
    expect({ versions: await versions(), text: await storedText(f.server.store, `${report.id}/section/tham-muu`) }).toEqual(before);
  });

  it('refuses a restore asked for while the report is being issued: it waits for the issue, then finds it issued', async () => {
    await f.bringTo(report.id, 'approved');
    const issuing = f.move('office', report.id, 'issued', { number: 4, date: '2025-06-30' });
    // The number is in the frame while the final Word file is being built, before the status is stored.
    await waitFor(() => frame.doc.getMap(FRAME_MAP).get('number') === '04', { what: 'the issue to be under way' });
    const restoring = f.as('office', 'POST', `/api/reports/${report.id}/versions/${version.id}/restore`);
    expect((await ok<Report>(issuing)).status).toBe('issued');
    await refused(restoring, 409, 'report_issued');
    expect((await versions()).some((entry) => entry.kind === 'restore')).toBe(false);
    expect(await storedText(f.server.store, `${report.id}/section/tham-muu`)).toContain('03 phong trào');
  });
});
