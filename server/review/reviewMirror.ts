/**
 * Mirrors a report's review (threads, suggestions, verdicts) from the database, the authority, into its
 * review room, so that every open page sees a change at once. Mirrors of one report run one at a time,
 * each reading the database afresh, so a slower, older one never overwrites a newer one; each makes the
 * whole room equal to the database (server/collab/reviewRoom.ts), so one that failed is mended by the next.
 */
import type { FastifyBaseLogger } from 'fastify';
import { writeReviewEntries } from '../collab/reviewRoom.js';
import type { ReviewStore } from '../storage/reviewStore.js';
import { KeyedQueue } from './keyedQueue.js';
import type { ReviewRooms } from './reviewRooms.js';
import { sectionReviewShape, suggestionShape, threadShape } from './shapes.js';

export function createReviewMirror(
  store: Pick<ReviewStore, 'listThreads' | 'listSuggestions' | 'listSectionReviews'>,
  rooms: Pick<ReviewRooms, 'writeReview'>,
  logger: FastifyBaseLogger,
): (reportId: string) => Promise<void> {
  const queue = new KeyedQueue();
  return (reportId) =>
    queue
      .run(reportId, async () => {
        const [threads, suggestions, reviews] = await Promise.all([
          store.listThreads(reportId),
          store.listSuggestions(reportId),
          store.listSectionReviews(reportId),
        ]);
        const entries = {
          threads: threads.map(threadShape),
          suggestions: suggestions.map(suggestionShape),
          sectionReviews: new Map(reviews.map((review) => [review.sectionId, sectionReviewShape(review)])),
        };
        await rooms.writeReview(reportId, (doc) => writeReviewEntries(doc, entries));
      })
      .catch((error: unknown) => {
        // The change itself is stored; the room shows it with the next change of this report's review.
        logger.error({ err: error, room: `${reportId}/review` }, 'could not mirror the review into its room');
      });
}
