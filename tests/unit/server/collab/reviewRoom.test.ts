import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { SectionReview, StoredSuggestion, StoredThread } from '../../../../common/review.js';
import { SECTION_REVIEWS_MAP, SUGGESTIONS_MAP, THREADS_MAP, writeReviewEntries } from '../../../../server/collab/reviewRoom.js';

const author = { id: 'u1', displayName: 'Chủ tịch', departmentId: null };
const thread = (id: string, resolved = false): StoredThread => ({
  id,
  sectionId: 'tham-muu',
  anchor: { from: 'AAEC', to: 'AAED' },
  quote: 'trích',
  author,
  body: 'Ý kiến',
  mentions: { departmentIds: [], userIds: [] },
  createdAt: '2025-03-01T08:00:00.000Z',
  resolved,
  resolvedBy: resolved ? 'u1' : null,
  resolvedAt: resolved ? '2025-03-02T08:00:00.000Z' : null,
  replies: [],
});
const suggestion: StoredSuggestion = {
  id: 's1',
  sectionId: 'tham-muu',
  anchor: { from: 'AAEC', to: 'AAED' },
  quote: '12',
  replacement: '13',
  author,
  createdAt: '2025-03-01T08:00:00.000Z',
  state: 'open',
  decidedBy: null,
  decidedAt: null,
};
const approved: SectionReview = { state: 'approved', by: 'u1', byName: 'Chủ tịch', at: '2025-03-01T08:00:00.000Z' };

/** The updates a change produces on a document. */
function updatesOf(doc: Y.Doc, change: () => void): number {
  let count = 0;
  const counter = () => count++;
  doc.on('update', counter);
  change();
  doc.off('update', counter);
  return count;
}

describe('the review room’s mirror of the review', () => {
  it('writes threads, suggestions and verdicts as JSON under their ids', () => {
    const doc = new Y.Doc();
    writeReviewEntries(doc, { threads: [thread('t1')], suggestions: [suggestion], sectionReviews: new Map([['tham-muu', approved]]) });
    expect(doc.getMap(THREADS_MAP).toJSON()).toEqual({ t1: thread('t1') });
    expect(doc.getMap(SUGGESTIONS_MAP).toJSON()).toEqual({ s1: suggestion });
    expect(doc.getMap(SECTION_REVIEWS_MAP).toJSON()).toEqual({ 'tham-muu': approved });
  });

  it('changes only what differs: the same state again writes nothing; a changed or removed entry is written or deleted', () => {
    const doc = new Y.Doc();
    const entries = { threads: [thread('t1'), thread('t2')], suggestions: [suggestion], sectionReviews: new Map([['tham-muu', approved]]) };
    writeReviewEntries(doc, entries);
    expect(updatesOf(doc, () => doc.transact(() => writeReviewEntries(doc, entries)))).toBe(0);

    let changedKeys: string[] = [];
    doc.getMap(THREADS_MAP).observe((event) => (changedKeys = [...event.keysChanged]));
    doc.transact(() => writeReviewEntries(doc, { ...entries, threads: [thread('t1', true)], sectionReviews: new Map() }));
    expect(changedKeys.sort()).toEqual(['t1', 't2']);
    expect(doc.getMap(THREADS_MAP).toJSON()).toEqual({ t1: thread('t1', true) });
    expect(doc.getMap(SECTION_REVIEWS_MAP).size).toBe(0);
  });
});
