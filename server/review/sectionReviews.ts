/**
 * The chairperson's verdict on each section (issue 9): approved, or returned with a note. A stored edit
 * of an approved section — typed by anyone, or an accepted suggestion — turns it to `changed` ("Đã sửa
 * sau khi duyệt") for everyone, through the room registry's `onStored` hook.
 */
import { canReviewSections } from '../../common/access.js';
import type { ReportSection } from '../../common/report.js';
import { parsedRoomName } from '../collab/parsedRoomName.js';
import type { Identity } from '../auth/identity.js';
import { forbidden } from '../errors.js';
import type { SectionReviewRecord } from '../storage/reviewStore.js';
import { auditEntry, changeable, sectionOf, type ReviewContext } from './reviewContext.js';
import { sectionReviewShape } from './shapes.js';

export interface SectionVerdict {
  state: 'approved' | 'returned';
  note?: string;
}

export interface SectionReviewService {
  /** Records the chairperson's verdict on a section; the section with its review. */
  review(caller: Identity, reportId: string, sectionId: string, verdict: SectionVerdict): Promise<ReportSection>;
  /** The sections given, each with its review (`none` when never reviewed). */
  withReviews(reportId: string, sections: readonly ReportSection[]): Promise<ReportSection[]>;
  /** An edit of a section was stored: an approved section becomes `changed`. Awaits the change. */
  noteEdit(reportId: string, sectionId: string, userId: string): Promise<void>;
  /**
   * The room hook: an edit of `room` by `userId` was stored. Returns at once and never throws (it runs in
   * the room's queue, for every keystroke); a failure is logged.
   */
  noteStoredEdit(room: string, userId: string): void;
}

export function createSectionReviewService(context: ReviewContext): SectionReviewService {
  const { store, reports, logger, approvals } = context;

  const service: SectionReviewService = {
    async review(caller, reportId, sectionId, { state, note }) {
      if (!canReviewSections(caller.role)) {
        throw forbidden('Chỉ Chủ tịch mới duyệt hay trả lại một phần của báo cáo (only the chairperson approves or returns a section)');
      }
      const report = changeable(await reports.get(caller, reportId));
      const section = sectionOf(report, sectionId, 'path');
      const at = context.now();
      const record: SectionReviewRecord = {
        reportId,
        sectionId,
        state,
        note: note ? note : null,
        by: caller.userId,
        byName: caller.displayName,
        at,
        changedBy: null,
        changedAt: null,
      };
      await store.setSectionReview(record, auditEntry(reportId, caller.userId, at, `section.${state}`, { sectionId, ...(note ? { note } : {}) }));
      approvals.set(reportId, sectionId, state === 'approved');
      // Before answering: an edit through another instance after this answer must see the verdict.
      await context.sectionReviewed(reportId, sectionId);
      await context.publish(reportId);
      return { ...section, review: sectionReviewShape(record) };
    },

    async withReviews(reportId, sections) {
      const reviews = new Map((await store.listSectionReviews(reportId)).map((review) => [review.sectionId, review]));
      return sections.map((section) => ({ ...section, review: sectionReviewShape(reviews.get(section.id)) }));
    },

    async noteEdit(reportId, sectionId, userId) {
      // Most edits are of sections that are not approved: known without a read (sectionApprovals.ts).
      if (!(await approvals.approved(reportId, sectionId))) return;
      const at = context.now();
      const entry = auditEntry(reportId, userId, at, 'section.changed', { sectionId });
      // Only the first of many edits racing here changes the state (the store checks it is still approved).
      const changed = await store.markSectionChanged(reportId, sectionId, { by: userId, at }, entry);
      // Read again at the next edit (once): a verdict may have come in while this one was being written.
      approvals.forget(reportId, sectionId);
      if (changed) await context.publish(reportId);
    },

    noteStoredEdit(room, userId) {
      const name = parsedRoomName(room);
      if (name?.part.kind !== 'section') return;
      const { reportId } = name;
      const { sectionId } = name.part;
      // The hot path: no promise at all for a section known not to be approved.
      if (approvals.peek(reportId, sectionId) === false) return;
      service.noteEdit(reportId, sectionId, userId).catch((error: unknown) => {
        logger.error({ err: error, room }, 'could not record an edit of an approved section');
      });
    },
  };
  return service;
}
