/**
 * The chairperson approves or returns each section (issue 9, "Tests"): only the chair may; every section
 * of `GET /api/reports/:id` carries its review and the list counts the approved ones; an edit stored in an
 * approved section turns it to `changed`, live in the review room.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportListEntry, ReportSection } from '../../../common/report.js';
import type { SectionReview, Suggestion } from '../../../common/review.js';
import { SECTION_REVIEWS_MAP } from '../../../common/rooms.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { waitFor } from '../../helpers/waitFor.js';
import { anchorOfWords, ok, refused, reviewEntries, reviewEntry, startReviewServer, writeParagraph, type ReviewFixture } from './support.js';

describe('section review', () => {
  let f: ReviewFixture;
  let base: string;
  beforeEach(async () => {
    f = await startReviewServer();
    base = `/api/reports/${f.report.id}`;
  });
  afterEach(async () => {
    await f.close();
  });

  const verdict = (who: Parameters<ReviewFixture['as']>[0], sectionId: string, body: unknown) => f.as(who, 'PUT', `${base}/sections/${sectionId}/review`, body);
  const reviewOf = async (sectionId: string) =>
    (await ok<Report>(f.as('noivu', 'GET', base))).sections.find((section) => section.id === sectionId)!.review;
  const listEntry = async () => (await ok<ReportListEntry[]>(f.as('noivu', 'GET', '/api/reports'))).find((entry) => entry.id === f.report.id)!;

  it('lets only the chairperson approve or return a section, and shows the verdict on every section and in the list', async () => {
    for (const who of ['admin', 'office', 'noivu', 'vhtt', 'stranger'] as const) {
      await refused(verdict(who, 'tham-muu', { state: 'approved' }), 403, 'forbidden');
    }
    expect((await ok<Report>(f.as('noivu', 'GET', base))).sections.map((section) => section.review)).toEqual([
      { state: 'none' },
      { state: 'none' },
      { state: 'none' },
      { state: 'none' },
    ]);
    expect(await listEntry()).toMatchObject({ sectionCount: 4, approvedSections: 0 });

    const approved = await ok<ReportSection>(verdict('chair', 'tham-muu', { state: 'approved' }));
    expect(approved).toMatchObject({ id: 'tham-muu', ownerDepartmentId: f.ws.departments.noivu.id, review: { state: 'approved', by: f.ids.chair, byName: 'Trương Thị Diệp' } });
    const returned = await ok<ReportSection>(verdict('chair', 'ket-qua', { state: 'returned', note: ' Trả lại: bổ sung số liệu quý IV ' }));
    expect(returned.review).toMatchObject({ state: 'returned', note: 'Trả lại: bổ sung số liệu quý IV', by: f.ids.chair });
    await ok(verdict('chair', 'danh-gia', { state: 'approved' }));

    const sections = (await ok<Report>(f.as('vhtt', 'GET', base))).sections;
    expect(sections.map((section) => section.review?.state)).toEqual(['approved', 'returned', 'approved', 'none']);
    expect(sections[1]!.review).toEqual(returned.review);
    expect(await listEntry()).toMatchObject({ sectionCount: 4, approvedSections: 2 });

    await refused(verdict('chair', 'khongco', { state: 'approved' }), 404, 'not_found');
    await refused(verdict('chair', 'tham-muu', { state: 'changed' }), 400, 'invalid_input');
    await refused(f.as('chair', 'PUT', `/api/reports/khongco/sections/tham-muu/review`, { state: 'approved' }), 404, 'not_found');
  });

  it('turns an approved section to changed when an edit of it is stored, live in the review room, and audits who', async () => {
    const review = f.connect('vhtt', 'review');
    await review.synced();
    const writer = f.connect('noivu', 'section/tham-muu');
    await writer.synced();
    await ok(verdict('chair', 'tham-muu', { state: 'approved', note: 'Đạt' }));
    await ok(verdict('chair', 'ket-qua', { state: 'returned', note: 'Bổ sung' }));
    await waitFor(() => reviewEntry<SectionReview>(review.doc, SECTION_REVIEWS_MAP, 'tham-muu')?.state === 'approved', { what: 'approved, live' });
    expect(reviewEntry(review.doc, SECTION_REVIEWS_MAP, 'tham-muu')).toEqual(await reviewOf('tham-muu'));
    expect(await listEntry()).toMatchObject({ approvedSections: 1 });

    appendParagraph(writer.doc, 'Bổ sung sau khi duyệt.');
    await waitFor(() => reviewEntry<SectionReview>(review.doc, SECTION_REVIEWS_MAP, 'tham-muu')?.state === 'changed', { what: 'changed, live' });
    expect(reviewEntry(review.doc, SECTION_REVIEWS_MAP, 'tham-muu')).toMatchObject({ state: 'changed', note: 'Đạt', by: f.ids.chair, changedBy: f.ids.noivu });
    expect(await reviewOf('tham-muu')).toMatchObject({ state: 'changed', changedBy: f.ids.noivu });
    expect(await listEntry()).toMatchObject({ approvedSections: 0 });

    // More edits change nothing more; a returned section stays returned when edited.
    appendParagraph(writer.doc, 'Sửa thêm lần nữa.');
    await writeParagraph(f, 'vhtt', 'ket-qua', 'Đã bổ sung số liệu.');
    await writeParagraph(f, 'noivu', 'tham-muu', 'Và lần nữa.');
    expect(await reviewOf('ket-qua')).toMatchObject({ state: 'returned', note: 'Bổ sung' });
    const log = reviewEntries(await ok<Array<{ userId: string; action: string; detail: Record<string, string> }>>(f.as('chair', 'GET', `${base}/audit`)));
    expect(log.map(({ userId, action, detail }) => [userId, action, detail])).toEqual([
      [f.ids.chair, 'section.approved', { sectionId: 'tham-muu', note: 'Đạt' }],
      [f.ids.chair, 'section.returned', { sectionId: 'ket-qua', note: 'Bổ sung' }],
      [f.ids.noivu, 'section.changed', { sectionId: 'tham-muu' }],
    ]);

    // Approving again after the change is the chair's to do.
    await ok(verdict('chair', 'tham-muu', { state: 'approved' }));
    await waitFor(() => reviewEntry<SectionReview>(review.doc, SECTION_REVIEWS_MAP, 'tham-muu')?.state === 'approved', { what: 'approved again' });
    expect(reviewEntry(review.doc, SECTION_REVIEWS_MAP, 'tham-muu')).toEqual({ state: 'approved', by: f.ids.chair, byName: 'Trương Thị Diệp', at: expect.any(String) });
  });

  it('turns a section to changed at every approval, although edits before it taught the server it was not approved', async () => {
    // Typing before any verdict: the server learns the section is not approved, and stops reading it.
    const writer = await writeParagraph(f, 'noivu', 'tham-muu', 'Viết trước khi duyệt.');
    await writeParagraph(f, 'noivu', 'tham-muu', 'Viết thêm trước khi duyệt.');
    for (const round of [1, 2, 3]) {
      await ok(verdict('chair', 'tham-muu', { state: 'approved' }));
      expect(await reviewOf('tham-muu')).toMatchObject({ state: 'approved' });
      appendParagraph(writer.doc, `Sửa sau lần duyệt ${round}.`);
      await waitFor(async () => (await reviewOf('tham-muu'))?.state === 'changed', { what: `changed after approval ${round}` });
    }
    // Returned, then edited: stays returned.
    await ok(verdict('chair', 'tham-muu', { state: 'returned', note: 'Bổ sung' }));
    await writeParagraph(f, 'noivu', 'tham-muu', 'Đã bổ sung.');
    expect(await reviewOf('tham-muu')).toMatchObject({ state: 'returned' });
    const changes = reviewEntries(await ok<Array<{ action: string }>>(f.as('chair', 'GET', `${base}/audit`))).filter((entry) => entry.action === 'section.changed');
    expect(changes).toHaveLength(3);
  });

  it('turns an approved section to changed when a suggestion is accepted in it', async () => {
    const owner = await writeParagraph(f, 'noivu', 'tham-muu', 'Khen thưởng 12 tập thể.');
    const suggestion = await ok<Suggestion>(
      f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor: anchorOfWords(owner.doc, '12'), quote: '12', replacement: '13' }),
      201,
    );
    await ok(verdict('chair', 'tham-muu', { state: 'approved' }));
    await ok(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`));
    expect(await reviewOf('tham-muu')).toMatchObject({ state: 'changed', changedBy: f.ids.noivu });
  });
});
