/** The review entries of a report, live from its review room (see reviewEntries.ts). */
import { useEffect, useState } from 'react';
import type { RoomConnection } from './connectRoom.js';
import { NO_ENTRIES, readReviewEntries, watchReviewEntries, type ReviewEntries } from './reviewEntries.js';

/** The threads, suggestions and verdicts the review room holds now; empty until it is connected. */
export function useReviewEntries(review: RoomConnection | undefined): ReviewEntries {
  const [entries, setEntries] = useState<ReviewEntries>(NO_ENTRIES);
  useEffect(() => {
    if (review === undefined) return;
    const update = () => setEntries(readReviewEntries(review.doc));
    update();
    return watchReviewEntries(review.doc, update);
  }, [review]);
  return entries;
}
