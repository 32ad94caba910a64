/**
 * Anchors follow their text (issue 9, "Tests"): one survives 500 random concurrent edits around it from
 * three clients and still covers exactly its text, in every client and on the server; one whose text is
 * deleted is reported detached, its quote kept.
 */
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchoredTextRange, plainText } from '../../../common/anchors.js';
import type { CommentThread, Suggestion } from '../../../common/review.js';
import { seededRandom } from '../../../common/seededRandom.js';
import { sectionRoom } from '../../../common/rooms.js';
import type { CollabClient } from '../../helpers/collabClient.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { anchorOfWords, coveredText, findWords, ok, startReviewServer, textNodes, writeParagraph, type ReviewFixture, type Who } from './support.js';

const yieldToSockets = () => new Promise((resolve) => setImmediate(resolve));

/** One random edit by a client, never touching the anchored characters as that client sees them. */
function randomEdit(doc: Y.Doc, anchor: { from: string; to: string }, random: () => number): void {
  const range = anchoredTextRange(doc, anchor);
  if (!range) throw new Error('the anchor lost its text');
  const letter = () => 'aăâbcdđeêghiklmnoôơpqrstuưvxy '.charAt(Math.floor(random() * 30));
  const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, letter).join('');
  const roll = random();
  if (roll < 0.4) {
    // Type in the anchored paragraph before or after the range, a third of the time right at its edge.
    const before = random() < 0.5;
    const atEdge = random() < 0.3;
    const at = before
      ? atEdge ? range.start : Math.floor(random() * (range.start + 1))
      : atEdge ? range.end : range.end + Math.floor(random() * (range.text.length - range.end + 1));
    range.text.insert(at, word());
  } else if (roll < 0.6) {
    // Delete in the anchored paragraph, outside the range.
    const before = random() < 0.5 && range.start > 0;
    const [low, high] = before ? [0, range.start] : [range.end, range.text.length];
    if (high - low < 1) return;
    const at = low + Math.floor(random() * (high - low));
    range.text.delete(at, Math.min(1 + Math.floor(random() * 3), high - at));
  } else {
    // Edit elsewhere in the section: another paragraph, or a new one.
    const others = textNodes(doc).filter((node) => node !== range.text);
    const target = others[Math.floor(random() * others.length)];
    if (!target || random() < 0.1) {
      appendParagraph(doc, word());
    } else if (random() < 0.7 || target.length < 2) {
      target.insert(Math.floor(random() * (target.length + 1)), word());
    } else {
      target.delete(Math.floor(random() * (target.length - 1)), 1);
    }
  }
}

describe('anchors', () => {
  let f: ReviewFixture;
  let base: string;
  beforeEach(async () => {
    f = await startReviewServer();
    base = `/api/reports/${f.report.id}`;
  });
  afterEach(async () => {
    await f.close();
  });

  it('keeps an anchor on its text through 500 random concurrent edits around it by three clients', async () => {
    const quote = '47 tập thể được khen thưởng';
    const owner = await writeParagraph(f, 'noivu', 'tham-muu', `Năm 2024 toàn xã có ${quote} và 120 cá nhân.`);
    const anchor = anchorOfWords(owner.doc, quote);
    const thread = await ok<CommentThread>(f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote, body: 'Số liệu đúng chưa?' }), 201);
    const suggestion = await ok<Suggestion>(
      f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote, replacement: '48 tập thể được khen thưởng' }),
      201,
    );
    const before = plainText(findWords(owner.doc, quote).text);

    const editors: CollabClient[] = [owner, f.connect('office', 'section/tham-muu'), f.connect('admin', 'section/tham-muu')];
    await Promise.all(editors.map((editor) => editor.synced()));
    const random = seededRandom(20250305);
    for (let step = 0; step < 500; step++) {
      randomEdit(editors[Math.floor(random() * editors.length)]!.doc, anchor, random);
      // Let the sockets interleave the edits, so each client edits while others' edits are in flight.
      if (step % 7 === 0) await yieldToSockets();
    }
    const room = sectionRoom(f.report.id, 'tham-muu');
    await waitFor(
      async () => {
        const texts = editors.map((editor) => sectionText(editor.doc));
        return texts.every((text) => text === texts[0]) && (await storedText(f.server.store, room)) === texts[0];
      },
      { what: 'three editors and the store converging' },
    );

    expect(plainText(findWords(owner.doc, quote).text)).not.toBe(before);
    for (const editor of editors) expect(coveredText(editor.doc, anchor)).toBe(quote);
    const [listed] = await ok<CommentThread[]>(f.as('vhtt', 'GET', `${base}/comments`));
    expect(listed).toMatchObject({ id: thread.id, detached: false, quote });
    // The server reads the same text under the anchor: the suggestion made before the edits still applies.
    await ok(f.as('noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`));
    await waitFor(() => editors.every((editor) => sectionText(editor.doc).includes('48 tập thể được khen thưởng')), { what: 'the replacement everywhere' });
    for (const editor of editors) expect(sectionText(editor.doc)).not.toContain(quote);
  });

  it('reports a thread whose text was deleted as detached, keeping its quote; partly deleted text stays anchored', async () => {
    const owner = await writeParagraph(f, 'noivu', 'tham-muu', 'Tổ chức 3 hội nghị sơ kết và 2 lớp tập huấn nghiệp vụ.');
    appendParagraph(owner.doc, 'Đoạn sẽ bị xóa cả đoạn.');
    const comment = async (words: string) =>
      ok<CommentThread>(
        f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor: anchorOfWords(owner.doc, words), quote: words, body: `Về “${words}”` }),
        201,
      );
    await waitFor(async () => (await storedText(f.server.store, sectionRoom(f.report.id, 'tham-muu'))).includes('cả đoạn'), { what: 'stored' });
    const deleted = await comment('3 hội nghị sơ kết');
    const shortened = await comment('2 lớp tập huấn');
    const wholeParagraph = await comment('sẽ bị xóa');

    const { text, index } = findWords(owner.doc, '3 hội nghị sơ kết');
    text.delete(index, '3 hội nghị sơ kết'.length);
    const partly = findWords(owner.doc, '2 lớp tập huấn');
    partly.text.delete(partly.index + 2, 'lớp '.length);
    const paragraph = findWords(owner.doc, 'sẽ bị xóa').text.parent as Y.XmlElement;
    const body = paragraph.parent as Y.XmlFragment;
    body.delete(body.toArray().indexOf(paragraph), 1);
    await waitFor(async () => !(await storedText(f.server.store, sectionRoom(f.report.id, 'tham-muu'))).includes('hội nghị'), { what: 'the deletion stored' });

    const threads = new Map((await ok<CommentThread[]>(f.as('noivu', 'GET', `${base}/comments`))).map((thread) => [thread.id, thread]));
    expect(threads.get(deleted.id)).toMatchObject({ detached: true, quote: '3 hội nghị sơ kết' });
    expect(threads.get(shortened.id)).toMatchObject({ detached: false, quote: '2 lớp tập huấn' });
    expect(threads.get(wholeParagraph.id)).toMatchObject({ detached: true, quote: 'sẽ bị xóa' });
    // Clients read the same from their own copy of the section.
    expect(coveredText(owner.doc, shortened.anchor)).toBe('2 tập huấn');
    expect(coveredText(owner.doc, deleted.anchor)).toBeNull();
  });

  it('refuses a comment whose text was already deleted (400), and accepts it on text typed since', async () => {
    const owner = await writeParagraph(f, 'noivu', 'tham-muu', 'Ban hành 5 kế hoạch.');
    const anchor = anchorOfWords(owner.doc, '5 kế hoạch');
    const { text, index } = findWords(owner.doc, '5 kế hoạch');
    text.delete(index, '5 kế hoạch'.length);
    text.insert(index, '6 kế hoạch');
    await waitFor(async () => (await storedText(f.server.store, sectionRoom(f.report.id, 'tham-muu'))).includes('6 kế hoạch'), { what: 'stored' });
    const who: Who = 'chair';
    const stale = await f.as(who, 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote: '5 kế hoạch', body: 'Năm hay sáu?' });
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('invalid_anchor');
    const fresh = anchorOfWords(owner.doc, '6 kế hoạch');
    await ok(f.as(who, 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor: fresh, quote: '6 kế hoạch', body: 'Năm hay sáu?' }), 201);
  });
});
