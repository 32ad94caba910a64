/**
 * The review of reports (issue 9), assembled: comments, suggestions, section verdicts and the audit log,
 * sharing one context (store, reports, live rooms, the mirror into the review room, clock and ids).
 */
import type { ReportListEntry, ReportSummary } from '../../common/report.js';
import type { Identity } from '../auth/identity.js';
import { createAuditService, type AuditService } from './audit.js';
import { createCommentService, type CommentService } from './comments.js';
import { createPeopleService, type PeopleService } from './people.js';
import { defaultNewId, defaultNow, type ReviewContext, type ReviewDeps } from './reviewContext.js';
import { createReviewMirror } from './reviewMirror.js';
import { approvalsOf } from './sectionApprovals.js';
import { createSectionReviewService, type SectionReviewService } from './sectionReviews.js';
import { createSuggestionService, type SuggestionService } from './suggestions.js';

export interface ReviewService {
  comments: CommentService;
  suggestions: SuggestionService;
  sections: SectionReviewService;
  audit: AuditService;
  /** Who may be mentioned on a report. */
  people: PeopleService;
  /** The caller's list of reports, each with its review progress and the caller's unread mentions. */
  listEntries(caller: Identity, summaries: readonly ReportSummary[]): Promise<ReportListEntry[]>;
}

export function createReviewService(deps: ReviewDeps): ReviewService {
  const context: ReviewContext = {
    ...deps,
    now: deps.now ?? defaultNow,
    newId: deps.newId ?? defaultNewId,
    approvals: deps.approvals ?? approvalsOf(deps.store),
    sectionReviewed: deps.sectionReviewed ?? (async () => {}),
    publish: createReviewMirror(deps.store, deps.rooms, deps.logger),
  };
  const sections = createSectionReviewService(context);
  return {
    comments: createCommentService(context),
    suggestions: createSuggestionService(context, sections.noteEdit),
    sections,
    audit: createAuditService(context),
    people: createPeopleService(context),
    async listEntries(caller, summaries) {
      const [progress, unread] = await Promise.all([
        context.store.reviewProgress(),
        context.store.countUnreadThreads({ userId: caller.userId, departmentId: caller.departmentId }),
      ]);
      return summaries.map((summary) => ({
        ...summary,
        sectionCount: progress.get(summary.id)?.sections ?? 0,
        approvedSections: progress.get(summary.id)?.approved ?? 0,
        mentionsUnread: unread.get(summary.id) ?? 0,
      }));
    },
  };
}
