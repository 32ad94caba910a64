/** The review's stored records in the shapes the REST answers and the review room carry (common/review.ts). */
import type { SectionReview, StoredSuggestion, StoredThread } from '../../common/review.js';
import { NO_REVIEW } from '../../common/review.js';
import type { SectionReviewRecord, SuggestionRecord, ThreadRecord } from '../storage/reviewStore.js';

export function threadShape(record: ThreadRecord): StoredThread {
  const { reportId: _reportId, ...thread } = record;
  return { ...thread, replies: record.replies.map((reply) => ({ ...reply })) };
}

export function suggestionShape(record: SuggestionRecord): StoredSuggestion {
  const { reportId: _reportId, ...suggestion } = record;
  return suggestion;
}

/** A section's verdict; `none` when it has no record. Fields without a value are left out. */
export function sectionReviewShape(record: SectionReviewRecord | null | undefined): SectionReview {
  if (!record) return NO_REVIEW;
  return {
    state: record.state,
    ...(record.note ? { note: record.note } : {}),
    by: record.by,
    byName: record.byName,
    at: record.at,
    ...(record.changedBy !== null ? { changedBy: record.changedBy } : {}),
    ...(record.changedAt !== null ? { changedAt: record.changedAt } : {}),
  };
}
