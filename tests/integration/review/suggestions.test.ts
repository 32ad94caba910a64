/**
 * Suggested edits (issue 9, "Tests"): an accepted suggestion changes the text in every client exactly
 * once, as one edit written by the server; a stale one is refused (409 `suggestion_stale`) and changes
 * nothing; only the section's department, the office and the admin decide.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSuggestion, Suggestion } from '../../../common/review.js';
import { sectionRoom, SUGGESTIONS_MAP } from '../../../common/rooms.js';
import type { CollabClient } from '../../helpers/collabClient.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { storedDoc, storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { anchorOfWords, findWords, ok, refused, reviewEntries, reviewEntry, startReviewServer, writeParagraph, type ReviewFixture, type Who } from './support.js';

/** Counts the updates a client receives from the server. */
function countRemoteUpdates(client: CollabClient): { count(): number } {
  let count = 0;
  client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) count++;
  });
  return { count: () => count };
}

describe('suggestions', () => {
  let f: ReviewFixture;
  let base: string;
  let owner: CollabClient;
  const quote = '12 tập thể';

  beforeEach(async () => {
    f = await startReviewServer();
    base = `/api/reports/${f.report.id}`;
    owner = await writeParagraph(f, 'noivu', 'tham-muu', `Đề nghị khen thưởng ${quote} có thành tích xuất sắc.`);
  });
  afterEach(async () => {
    await f.close();
  });

  const suggest = (who: Who, replacement: string, words = quote) =>
    f.as(who, 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor: anchorOfWords(owner.doc, words), quote: words, replacement });
  const stored = () => storedText(f.server.store, sectionRoom(f.report.id, 'tham-muu'));

  it('writes an accepted suggestion into the section as one edit, which every client receives exactly once', async () => {
    const readers = [f.connect('vhtt', 'section/tham-muu'), f.connect('chair', 'section/tham-muu')];
    await Promise.all(readers.map((reader) => reader.synced()));
    const clients = [owner, ...readers];
    const suggestion = await ok<Suggestion>(suggest('chair', '13 tập thể'), 201);
    expect(suggestion).toMatchObject({ sectionId: 'tham-muu', quote, replacement: '13 tập thể', state: 'open', author: { id: f.ids.chair }, detached: false });
    // Suggesting changes nobody's text.
    expect(clients.map((client) => sectionText(client.doc).includes(quote))).toEqual([true, true, true]);

    const received = clients.map(countRemoteUpdates);
    const accepted = await ok<Suggestion>(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`));
    expect(accepted).toMatchObject({ id: suggestion.id, state: 'accepted', decidedBy: f.ids.noivu });
    const expected = 'Đề nghị khen thưởng 13 tập thể có thành tích xuất sắc.';
    await waitFor(() => clients.every((client) => sectionText(client.doc).includes(expected)), { what: 'the replacement in every client' });

    // The room relays in order: once every client has the marker typed next, nothing of the accept is left in flight.
    appendParagraph(owner.doc, 'dấu mốc');
    await waitFor(() => readers.every((reader) => sectionText(reader.doc).includes('dấu mốc')), { what: 'the marker' });
    expect(received.map((counter) => counter.count())).toEqual([1, 2, 2]);
    for (const client of clients) {
      expect(sectionText(client.doc).split('13 tập thể')).toHaveLength(2);
      expect(sectionText(client.doc)).not.toContain(quote);
    }
    expect(await stored()).toBe(sectionText(owner.doc));

    await refused(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`), 409, 'suggestion_decided');
    await refused(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/reject`), 409, 'suggestion_decided');
    expect(sectionText(owner.doc).split('13 tập thể')).toHaveLength(2);
  });

  it('keeps the marks of the replaced text', async () => {
    const { text, index } = findWords(owner.doc, quote);
    text.format(index, quote.length, { bold: true });
    const boldStored = async () => {
      const doc = await storedDoc(f.server.store, sectionRoom(f.report.id, 'tham-muu'));
      try {
        return JSON.stringify(findWords(doc, quote).text.toDelta()).includes('"bold":true');
      } finally {
        doc.destroy();
      }
    };
    await waitFor(boldStored, { what: 'the bold stored' });
    const suggestion = await ok<Suggestion>(suggest('chair', '14 tập thể'), 201);
    await ok(f.as('office', 'POST', `${base}/suggestions/${suggestion.id}/accept`));
    await waitFor(() => sectionText(owner.doc).includes('14 tập thể'), { what: 'the replacement' });
    const after = findWords(owner.doc, '14 tập thể');
    const delta = after.text.toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>;
    expect(delta.find((op) => op.insert.includes('14 tập thể'))).toMatchObject({ insert: '14 tập thể', attributes: { bold: true } });
  });

  it('refuses to accept a suggestion whose text changed since (409 suggestion_stale), changing nothing, and lets it be rejected', async () => {
    const suggestion = await ok<Suggestion>(suggest('chair', '13 tập thể'), 201);
    const { text, index } = findWords(owner.doc, quote);
    text.insert(index + 3, 'xx ');
    await waitFor(async () => (await stored()).includes('12 xx tập thể'), { what: 'the edit stored' });
    const before = await stored();

    const refusal = await refused(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`), 409, 'suggestion_stale');
    expect(refusal.message).toContain('the text changed since the suggestion was made');
    expect(await stored()).toBe(before);
    const [listed] = await ok<Suggestion[]>(f.as('noivu', 'GET', `${base}/suggestions`));
    expect(listed).toMatchObject({ id: suggestion.id, state: 'open' });

    expect(await ok<Suggestion>(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/reject`))).toMatchObject({ state: 'rejected', decidedBy: f.ids.noivu });
    expect(await stored()).toBe(before);
  });

  it('lets only whoever may write the section decide: its department, the office, the admin', async () => {
    const first = await ok<Suggestion>(suggest('vhtt', '13 tập thể'), 201);
    for (const who of ['vhtt', 'chair'] as const) {
      await refused(f.as(who, 'POST', `${base}/suggestions/${first.id}/accept`), 403, 'forbidden');
      await refused(f.as(who, 'POST', `${base}/suggestions/${first.id}/reject`), 403, 'forbidden');
    }
    await refused(f.as('stranger', 'POST', `${base}/suggestions/${first.id}/accept`), 403, 'forbidden');
    expect((await ok<Suggestion[]>(f.as('office', 'GET', `${base}/suggestions`)))[0]!.state).toBe('open');

    expect(await ok<Suggestion>(f.as('admin', 'POST', `${base}/suggestions/${first.id}/reject`))).toMatchObject({ state: 'rejected', decidedBy: f.ids.admin });
    const second = await ok<Suggestion>(suggest('office', 'mười hai tập thể'), 201);
    expect(await ok<Suggestion>(f.as('office', 'POST', `${base}/suggestions/${second.id}/accept`))).toMatchObject({ state: 'accepted' });
    await refused(f.as('noivu', 'POST', `${base}/suggestions/khongco/accept`), 404, 'not_found');
  });

  it('refuses a suggestion across paragraphs (400), or whose quote is not the text (409)', async () => {
    appendParagraph(owner.doc, 'Đoạn thứ hai.');
    await waitFor(async () => (await stored()).includes('Đoạn thứ hai.'), { what: 'stored' });
    const first = findWords(owner.doc, 'xuất sắc.');
    const second = findWords(owner.doc, 'Đoạn thứ hai.');
    const across = {
      from: anchorOfWords(owner.doc, 'xuất sắc.').from,
      to: anchorOfWords(owner.doc, 'Đoạn thứ hai.').to,
    };
    expect(first.text).not.toBe(second.text);
    await refused(f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor: across, quote: 'xuất sắc.\nĐoạn thứ hai.', replacement: 'x' }), 400, 'invalid_anchor');
    await refused(f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor: anchorOfWords(owner.doc, quote), quote: '99 tập thể', replacement: 'x' }), 409, 'suggestion_stale');
    await refused(suggest('chair', 'hai\ndòng'), 400, 'invalid_input');
    expect(await ok<Suggestion[]>(f.as('chair', 'GET', `${base}/suggestions`))).toEqual([]);
  });

  it('mirrors suggestions and their fate into the review room, and audits them', async () => {
    const review = f.connect('vhtt', 'review');
    await review.synced();
    const suggestion = await ok<Suggestion>(suggest('chair', '13 tập thể'), 201);
    await waitFor(() => reviewEntry<StoredSuggestion>(review.doc, SUGGESTIONS_MAP, suggestion.id)?.state === 'open', { what: 'open in the room' });
    const { detached: _detached, ...mirrored } = suggestion;
    expect(reviewEntry(review.doc, SUGGESTIONS_MAP, suggestion.id)).toEqual(mirrored);
    await ok(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`));
    await waitFor(() => reviewEntry<StoredSuggestion>(review.doc, SUGGESTIONS_MAP, suggestion.id)?.state === 'accepted', { what: 'accepted in the room' });

    const log = reviewEntries(await ok<Array<{ userId: string; action: string }>>(f.as('chair', 'GET', `${base}/audit`)));
    expect(log.map(({ userId, action }) => [userId, action])).toEqual([
      [f.ids.chair, 'suggestion.created'],
      [f.ids.noivu, 'suggestion.accepted'],
    ]);
  });
});
