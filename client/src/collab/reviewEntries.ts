/**
 * The review entries of the review room (server/collab/reviewRoom.ts): comment threads, suggestions and
 * the chairperson's verdict on each section, as the server mirrors them from the database. The client
 * only reads them; every change goes through the REST API (client/src/api/review.ts) and comes back here.
 */
import type * as Y from 'yjs';
import {
  NO_REVIEW,
  sectionReviewSchema,
  storedSuggestionSchema,
  storedThreadSchema,
  type SectionReview,
  type StoredSuggestion,
  type StoredThread,
} from '../../../common/review.js';
import { SECTION_REVIEWS_MAP, SUGGESTIONS_MAP, THREADS_MAP } from '../../../common/rooms.js';

/** Everything of a report's review, oldest first. */
export interface ReviewEntries {
  threads: readonly StoredThread[];
  suggestions: readonly StoredSuggestion[];
  /** Section id → verdict; a section not named is `none` (see {@link reviewOf}). */
  sectionReviews: ReadonlyMap<string, SectionReview>;
}

export const NO_ENTRIES: ReviewEntries = { threads: [], suggestions: [], sectionReviews: new Map() };

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The values of a map that parse as `schema`; anything else (an older or damaged entry) is left out. */
function parsedValues<T>(map: Y.Map<unknown>, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T[] {
  const values: T[] = [];
  map.forEach((value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) values.push(parsed.data);
  });
  return values;
}

/** Reads the review entries from a review room's document. */
export function readReviewEntries(doc: Y.Doc): ReviewEntries {
  const threads = parsedValues(doc.getMap<unknown>(THREADS_MAP), storedThreadSchema).sort(byCreation);
  const suggestions = parsedValues(doc.getMap<unknown>(SUGGESTIONS_MAP), storedSuggestionSchema).sort(byCreation);
  const sectionReviews = new Map<string, SectionReview>();
  doc.getMap<unknown>(SECTION_REVIEWS_MAP).forEach((value, sectionId) => {
    const parsed = sectionReviewSchema.safeParse(value);
    if (parsed.success) sectionReviews.set(sectionId, parsed.data);
  });
  return { threads, suggestions, sectionReviews };
}

/** The verdict on a section. */
export function reviewOf(entries: ReviewEntries, sectionId: string): SectionReview {
  return entries.sectionReviews.get(sectionId) ?? NO_REVIEW;
}

/** Calls `listener` after each change of the entries; returns the unsubscribe function. */
export function watchReviewEntries(doc: Y.Doc, listener: () => void): () => void {
  const maps = [THREADS_MAP, SUGGESTIONS_MAP, SECTION_REVIEWS_MAP].map((name) => doc.getMap<unknown>(name));
  for (const map of maps) map.observeDeep(listener);
  return () => {
    for (const map of maps) map.unobserveDeep(listener);
  };
}
