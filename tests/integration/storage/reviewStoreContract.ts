/**
 * The review part of the Store contract (issue 9), called by describeStoreContract in storeContract.ts so
 * every implementation runs it: threads with replies, unread mentions, suggestions decided once, section
 * verdicts that turn `changed` once, and an audit entry written with each change, all or nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Mentions } from '../../../common/review.js';
import type { AuditRecord, ReplyRecord, SectionReviewRecord, SuggestionRecord, ThreadRecord } from '../../../server/storage/reviewStore.js';
import type { ReportRecord, Store } from '../../../server/storage/store.js';
import type { OpenedStore } from './storeContract.js';

const NONE: Mentions = { departmentIds: [], userIds: [] };
const chair = { id: 'u-chair', displayName: 'Trương Thị Diệp', departmentId: null };
const noivu = { id: 'u-noivu', displayName: 'Lê Văn Nam', departmentId: 'd-noivu' };

function report(id: string, createdAt = '2025-03-01T08:00:00.000Z'): ReportRecord {
  return {
    id,
    title: `Báo cáo ${id}`,
    status: 'draft',
    templateId: 'bao-cao-so-ket',
    docType: 'BÁO CÁO',
    createdAt,
    sections: [
      { id: 'tham-muu', title: 'THAM MƯU', ownerDepartmentId: 'd-noivu' },
      { id: 'ket-qua', title: 'KẾT QUẢ', ownerDepartmentId: 'd-vhtt' },
      { id: 'danh-gia', title: 'ĐÁNH GIÁ', ownerDepartmentId: null },
    ],
  };
}

function thread(id: string, reportId: string, overrides: Partial<ThreadRecord> = {}): ThreadRecord {
  return {
    id,
    reportId,
    sectionId: 'tham-muu',
    anchor: { from: 'AAEC', to: 'AAED' },
    quote: 'số liệu quý IV',
    author: chair,
    body: 'Đề nghị bổ sung số liệu.',
    mentions: NONE,
    createdAt: '2025-03-02T08:00:00.000Z',
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    replies: [],
    ...overrides,
  };
}

function reply(id: string, createdAt: string, mentions: Mentions = NONE): ReplyRecord {
  return { id, author: noivu, body: `Trả lời ${id}`, mentions, createdAt };
}

function suggestion(id: string, reportId: string): SuggestionRecord {
  return {
    id,
    reportId,
    sectionId: 'ket-qua',
    anchor: { from: 'AAEC', to: 'AAED' },
    quote: '12 tập thể',
    replacement: '13 tập thể',
    author: chair,
    createdAt: '2025-03-02T09:00:00.000Z',
    state: 'open',
    decidedBy: null,
    decidedAt: null,
  };
}

function verdict(reportId: string, sectionId: string, state: SectionReviewRecord['state'], note: string | null = null): SectionReviewRecord {
  return { reportId, sectionId, state, note, by: chair.id, byName: chair.displayName, at: '2025-03-03T08:00:00.000Z', changedBy: null, changedAt: null };
}

const audit = (reportId: string, action: string, detail: Record<string, string> = {}): AuditRecord => ({
  reportId,
  at: '2025-03-02T08:00:00.000Z',
  userId: chair.id,
  action,
  detail,
});

/** Registers the tests; `opened()` is the fresh store of the current test. */
export function describeReviewStoreContract(opened: () => OpenedStore): void {
  const store = (): Store => opened().store;
  const withReport = async (id = 'r1', createdAt?: string) => {
    await store().createReport(report(id, createdAt), new Map());
    return id;
  };
  const actions = async (reportId: string) => (await store().listAudit(reportId)).map((entry) => entry.action);

  describe('comment threads', () => {
    it('gives threads back oldest first, each with its replies in order, as written', async () => {
      const r = await withReport();
      const later = thread('t-later', r, { createdAt: '2025-03-05T08:00:00.000Z', sectionId: 'ket-qua', author: noivu });
      const earlier = thread('t-earlier', r, { mentions: { departmentIds: ['d-noivu'], userIds: ['u-vhtt'] } });
      await store().createThread(later, audit(r, 'comment.created'));
      await store().createThread(earlier, audit(r, 'comment.created'));
      const replies = [reply('p1', '2025-03-06T08:00:00.000Z'), reply('p2', '2025-03-06T08:00:00.000Z', { departmentIds: [], userIds: ['u-chair'] })];
      for (const record of replies) expect(await store().addReply(r, 't-earlier', record, audit(r, 'comment.replied'))).toBe(true);

      expect(await store().listThreads(r)).toEqual([{ ...earlier, replies }, later]);
      expect(await store().getThread(r, 't-earlier')).toEqual({ ...earlier, replies });
      expect(await store().getThread(r, 'khong-co')).toBeNull();
      expect(await store().getThread('r-khac', 't-earlier')).toBeNull();
      expect(await actions(r)).toEqual(['comment.created', 'comment.created', 'comment.replied', 'comment.replied']);
    });

    it('refuses a thread in a section the report lacks, or of no report, and writes no audit entry', async () => {
      const r = await withReport();
      await expect(store().createThread(thread('t1', r, { sectionId: 'khong-co' }), audit(r, 'comment.created'))).rejects.toThrow();
      await expect(store().createThread(thread('t2', 'r-khong-co'), audit('r-khong-co', 'comment.created'))).rejects.toThrow();
      expect(await store().listThreads(r)).toEqual([]);
      expect(await store().listAudit(r)).toEqual([]);
    });

    it('adds no reply to a thread that is not there (or is another report’s)', async () => {
      const r = await withReport();
      const other = await withReport('r2');
      await store().createThread(thread('t1', r), audit(r, 'comment.created'));
      expect(await store().addReply(r, 'khong-co', reply('p1', '2025-03-06T08:00:00.000Z'), audit(r, 'comment.replied'))).toBe(false);
      expect(await store().addReply(other, 't1', reply('p2', '2025-03-06T08:00:00.000Z'), audit(other, 'comment.replied'))).toBe(false);
      expect((await store().getThread(r, 't1'))!.replies).toEqual([]);
      expect(await actions(r)).toEqual(['comment.created']);
      expect(await actions(other)).toEqual([]);
    });

    it('resolves and reopens a thread, reopening clears who resolved it', async () => {
      const r = await withReport();
      await store().createThread(thread('t1', r), audit(r, 'comment.created'));
      const change = { resolved: true, by: noivu.id, at: '2025-03-07T08:00:00.000Z' };
      expect(await store().setThreadResolved(r, 't1', change, audit(r, 'comment.resolved'))).toBe(true);
      expect(await store().getThread(r, 't1')).toMatchObject({ resolved: true, resolvedBy: noivu.id, resolvedAt: change.at });
      expect(await store().setThreadResolved(r, 't1', { ...change, resolved: false }, audit(r, 'comment.reopened'))).toBe(true);
      expect(await store().getThread(r, 't1')).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
      expect(await store().setThreadResolved(r, 'khong-co', change, audit(r, 'comment.resolved'))).toBe(false);
      expect(await actions(r)).toEqual(['comment.created', 'comment.resolved', 'comment.reopened']);
    });
  });

  describe('mentions', () => {
    const vhttMember = { userId: 'u-vhtt-2', departmentId: 'd-vhtt' };
    const otherVhttMember = { userId: 'u-vhtt-3', departmentId: 'd-vhtt' };
    const office = { userId: 'u-office', departmentId: null };

    it('counts a thread unread for a mentioned department until one of its members opens it', async () => {
      const r = await withReport();
      await store().createThread(thread('t1', r, { mentions: { departmentIds: ['d-vhtt'], userIds: [] } }), audit(r, 'comment.created'));
      await store().createThread(thread('t2', r, { mentions: { departmentIds: ['d-vhtt'], userIds: ['u-office'] } }), audit(r, 'comment.created'));
      await store().createThread(thread('t3', r), audit(r, 'comment.created'));
      expect((await store().unreadThreadIds(r, vhttMember)).sort()).toEqual(['t1', 't2']);
      expect(await store().countUnreadThreads(vhttMember)).toEqual(new Map([[r, 2]]));
      expect(await store().unreadThreadIds(r, office)).toEqual(['t2']);

      expect(await store().markThreadRead(r, 't1', vhttMember, '2025-03-08T08:00:00.000Z')).toBe(true);
      expect(await store().unreadThreadIds(r, otherVhttMember)).toEqual(['t2']);
      // Opening t2 as a member of the department leaves the person mentioned in it unread.
      await store().markThreadRead(r, 't2', otherVhttMember, '2025-03-08T08:00:00.000Z');
      expect(await store().countUnreadThreads(vhttMember)).toEqual(new Map());
      expect(await store().unreadThreadIds(r, office)).toEqual(['t2']);
      await store().markThreadRead(r, 't2', office, '2025-03-08T08:00:00.000Z');
      expect(await store().unreadThreadIds(r, office)).toEqual([]);
      expect(await store().markThreadRead(r, 'khong-co', office, '2025-03-08T08:00:00.000Z')).toBe(false);
    });

    it('makes a thread unread again when a reply mentions the same department, and counts per report', async () => {
      const r1 = await withReport('r1');
      const r2 = await withReport('r2');
      await store().createThread(thread('t1', r1, { mentions: { departmentIds: ['d-vhtt'], userIds: [] } }), audit(r1, 'comment.created'));
      await store().createThread(thread('t2', r2), audit(r2, 'comment.created'));
      await store().markThreadRead(r1, 't1', vhttMember, '2025-03-08T08:00:00.000Z');
      await store().addReply(r1, 't1', reply('p1', '2025-03-09T08:00:00.000Z', { departmentIds: ['d-vhtt'], userIds: [] }), audit(r1, 'comment.replied'));
      await store().addReply(r2, 't2', reply('p2', '2025-03-09T08:00:00.000Z', { departmentIds: ['d-vhtt'], userIds: [] }), audit(r2, 'comment.replied'));
      expect(await store().countUnreadThreads(otherVhttMember)).toEqual(new Map([[r1, 1], [r2, 1]]));
      expect(await store().countUnreadThreads({ userId: 'u-nobody', departmentId: null })).toEqual(new Map());
    });
  });

  describe('suggestions', () => {
    it('stores suggestions open and gives them back oldest first', async () => {
      const r = await withReport();
      const first = suggestion('s1', r);
      const second = { ...suggestion('s2', r), createdAt: '2025-03-04T08:00:00.000Z', replacement: '' };
      await store().createSuggestion(second, audit(r, 'suggestion.created'));
      await store().createSuggestion(first, audit(r, 'suggestion.created'));
      expect(await store().listSuggestions(r)).toEqual([first, second]);
      expect(await store().getSuggestion(r, 's2')).toEqual(second);
      expect(await store().getSuggestion('r-khac', 's2')).toBeNull();
      await expect(store().createSuggestion({ ...suggestion('s3', r), sectionId: 'khong-co' }, audit(r, 'suggestion.created'))).rejects.toThrow();
      expect(await actions(r)).toEqual(['suggestion.created', 'suggestion.created']);
    });

    it('decides a suggestion once: a second decision changes nothing and writes no audit entry', async () => {
      const r = await withReport();
      await store().createSuggestion(suggestion('s1', r), audit(r, 'suggestion.created'));
      const accepted = { state: 'accepted' as const, by: noivu.id, at: '2025-03-05T08:00:00.000Z' };
      expect(await store().decideSuggestion(r, 's1', accepted, audit(r, 'suggestion.accepted'))).toBe(true);
      expect(await store().decideSuggestion(r, 's1', { ...accepted, state: 'rejected' }, audit(r, 'suggestion.rejected'))).toBe(false);
      expect(await store().decideSuggestion(r, 'khong-co', accepted, audit(r, 'suggestion.accepted'))).toBe(false);
      expect(await store().getSuggestion(r, 's1')).toMatchObject({ state: 'accepted', decidedBy: noivu.id, decidedAt: accepted.at });
      expect(await actions(r)).toEqual(['suggestion.created', 'suggestion.accepted']);
    });

    it('lets exactly one of many decisions made at once win', async () => {
      const r = await withReport();
      await store().createSuggestion(suggestion('s1', r), audit(r, 'suggestion.created'));
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store().decideSuggestion(r, 's1', { state: i % 2 ? 'accepted' : 'rejected', by: `u${i}`, at: '2025-03-05T08:00:00.000Z' }, audit(r, 'decided')),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await actions(r)).toEqual(['suggestion.created', 'decided']);
    });
  });

  describe('section verdicts', () => {
    it('replaces a section’s verdict and lists only the sections reviewed', async () => {
      const r = await withReport();
      await store().setSectionReview(verdict(r, 'tham-muu', 'returned', 'Bổ sung số liệu quý IV'), audit(r, 'section.returned'));
      await store().setSectionReview(verdict(r, 'tham-muu', 'approved'), audit(r, 'section.approved'));
      await store().setSectionReview(verdict(r, 'ket-qua', 'returned', 'Thiếu biểu mẫu'), audit(r, 'section.returned'));
      expect(await store().getSectionReview(r, 'tham-muu')).toEqual(verdict(r, 'tham-muu', 'approved'));
      expect(await store().getSectionReview(r, 'danh-gia')).toBeNull();
      const listed = (await store().listSectionReviews(r)).sort((a, b) => a.sectionId.localeCompare(b.sectionId));
      expect(listed).toEqual([verdict(r, 'ket-qua', 'returned', 'Thiếu biểu mẫu'), verdict(r, 'tham-muu', 'approved')]);
      await expect(store().setSectionReview(verdict(r, 'khong-co', 'approved'), audit(r, 'section.approved'))).rejects.toThrow();
      expect(await actions(r)).toEqual(['section.returned', 'section.approved', 'section.returned']);
    });

    it('turns an approved section to changed once, and nothing else', async () => {
      const r = await withReport();
      await store().setSectionReview(verdict(r, 'tham-muu', 'approved', 'Tốt'), audit(r, 'section.approved'));
      await store().setSectionReview(verdict(r, 'ket-qua', 'returned'), audit(r, 'section.returned'));
      const change = { by: noivu.id, at: '2025-03-10T08:00:00.000Z' };
      expect(await store().markSectionChanged(r, 'tham-muu', change, audit(r, 'section.changed'))).toEqual({
        ...verdict(r, 'tham-muu', 'changed', 'Tốt'),
        changedBy: noivu.id,
        changedAt: change.at,
      });
      expect(await store().markSectionChanged(r, 'tham-muu', change, audit(r, 'section.changed'))).toBeNull();
      expect(await store().markSectionChanged(r, 'ket-qua', change, audit(r, 'section.changed'))).toBeNull();
      expect(await store().markSectionChanged(r, 'danh-gia', change, audit(r, 'section.changed'))).toBeNull();
      expect(await actions(r)).toEqual(['section.approved', 'section.returned', 'section.changed']);
    });

    it('lets exactly one of many edits made at once turn a section to changed', async () => {
      const r = await withReport();
      await store().setSectionReview(verdict(r, 'tham-muu', 'approved'), audit(r, 'section.approved'));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store().markSectionChanged(r, 'tham-muu', { by: `u${i}`, at: '2025-03-10T08:00:00.000Z' }, audit(r, 'section.changed'))),
      );
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(await actions(r)).toEqual(['section.approved', 'section.changed']);
    });

    it('counts each report’s sections and the approved ones (a changed section is not approved)', async () => {
      const r1 = await withReport('r1');
      const r2 = await withReport('r2');
      await store().setSectionReview(verdict(r1, 'tham-muu', 'approved'), audit(r1, 'section.approved'));
      await store().setSectionReview(verdict(r1, 'ket-qua', 'approved'), audit(r1, 'section.approved'));
      await store().setSectionReview(verdict(r1, 'danh-gia', 'returned'), audit(r1, 'section.returned'));
      await store().markSectionChanged(r1, 'ket-qua', { by: noivu.id, at: '2025-03-10T08:00:00.000Z' }, audit(r1, 'section.changed'));
      expect(await store().reviewProgress()).toEqual(
        new Map([
          [r1, { sections: 3, approved: 1 }],
          [r2, { sections: 3, approved: 0 }],
        ]),
      );
    });
  });

  describe('the audit log', () => {
    it('keeps each report’s entries apart, oldest first, with their details', async () => {
      const r1 = await withReport('r1');
      const r2 = await withReport('r2');
      const first = { ...audit(r1, 'section.returned', { sectionId: 'tham-muu', note: 'Bổ sung "số liệu", quý IV' }), userId: null };
      await store().setSectionReview(verdict(r1, 'tham-muu', 'returned'), first);
      await store().setSectionReview(verdict(r2, 'tham-muu', 'approved'), audit(r2, 'section.approved', { sectionId: 'tham-muu' }));
      const second = audit(r1, 'section.approved', { sectionId: 'tham-muu' });
      await store().setSectionReview(verdict(r1, 'tham-muu', 'approved'), second);
      expect(await store().listAudit(r1)).toEqual([first, second]);
      expect(await store().listAudit('khong-co')).toEqual([]);
    });
  });

  it('keeps the review across close() and reopening', async () => {
    const r = await withReport();
    await store().createThread(thread('t1', r, { mentions: { departmentIds: ['d-vhtt'], userIds: [] } }), audit(r, 'comment.created'));
    await store().addReply(r, 't1', reply('p1', '2025-03-06T08:00:00.000Z'), audit(r, 'comment.replied'));
    await store().createSuggestion(suggestion('s1', r), audit(r, 'suggestion.created'));
    await store().setSectionReview(verdict(r, 'tham-muu', 'approved'), audit(r, 'section.approved'));
    const before = {
      threads: await store().listThreads(r),
      suggestions: await store().listSuggestions(r),
      reviews: await store().listSectionReviews(r),
      audit: await store().listAudit(r),
      unread: await store().countUnreadThreads({ userId: 'u-vhtt-2', departmentId: 'd-vhtt' }),
    };
    await store().close();
    const reopened = await opened().reopen();
    expect({
      threads: await reopened.listThreads(r),
      suggestions: await reopened.listSuggestions(r),
      reviews: await reopened.listSectionReviews(r),
      audit: await reopened.listAudit(r),
      unread: await reopened.countUnreadThreads({ userId: 'u-vhtt-2', departmentId: 'd-vhtt' }),
    }).toEqual(before);
  });
}
