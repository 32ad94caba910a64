/**
 * The review in the Word file (issue 9, item 5): none by default; with `?comments=1` every open thread and
 * open suggestion is a real Word comment — author, initials, date, text and replies in comments.xml, its
 * range around exactly the commented runs in document.xml — a thread whose text was deleted is pinned to its
 * section's heading quoting what it was on, and resolved threads and decided suggestions stay out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOfText, encodeAnchorPosition } from '../../../common/anchors.js';
import type { CommentThread, Suggestion } from '../../../common/review.js';
import { sectionRoom } from '../../../common/rooms.js';
import { call, assignSection, createDepartment, createUser, login } from '../../helpers/api.js';
import type { CollabClient } from '../../helpers/collabClient.js';
import { appendParagraph, body } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { anchorOfWords, findWords, ok, refused, startReviewServer, writeParagraph, type ReviewFixture } from '../review/support.js';
import { docxParts, malformedParts, part } from './support/docxFile.js';
import { libreOfficeContent } from './support/odtFile.js';
import { commentedRange, wordComments, type WordComment } from './support/wordComments.js';

const FIRST = 'Ủy ban nhân dân đã tặng 12 Bằng khen cho các tập thể.';
const SECOND = 'Phong trào thi đua được triển khai rộng khắp.';
const DOOMED = 'Đoạn này sẽ bị xóa hoàn toàn.';
const LAST = 'Đề nghị cấp trên xem xét khen thưởng.';
const HOSTILE_PARAGRAPH = 'Kết quả <w:t>đặc biệt</w:t> & "nổi bật" ]]> đạt được.';
const HOSTILE_NAME = 'Ông <Quản> & "Lý"\u0001';
const HOSTILE_DEPARTMENT = 'Phòng <Tư pháp> & \'Hộ tịch\'';
const HOSTILE_BODY = `<w:p><w:r><w:t>chèn</w:t></w:r></w:p> ]]> &amp; "trích" 'dẫn' 🎉 ${'dài '.repeat(900)}\nDòng thứ hai`;
const CONTROLS = '\u0000\u0001\u0008\u000b\u001f\ufffe';

describe('the review as Word comments', () => {
  let f: ReviewFixture;
  let base: string;
  let writer: CollabClient;
  /** The threads and suggestions made, by what they are for. */
  const made: Record<string, CommentThread | Suggestion> = {};
  /** The file with `?comments=1`: its parts, and its comments by their first paragraph. */
  let parts: Map<string, string>;
  let comments: WordComment[];
  let documentXml: string;

  const exportDocx = (query: string) => f.as('chair', 'GET', `${base}/export.docx${query}`);
  const download = async (query: string) => docxParts(new Uint8Array(await (await exportDocx(query)).arrayBuffer()));
  const comment = (who: Parameters<ReviewFixture['as']>[0], sectionId: string, anchor: unknown, quote: string, text: string) =>
    ok<CommentThread>(f.as(who, 'POST', `${base}/comments`, { sectionId, anchor, quote, body: text }), 201);
  const suggest = (sectionId: string, words: string, replacement: string, doc: Y.Doc) =>
    ok<Suggestion>(f.as('chair', 'POST', `${base}/suggestions`, { sectionId, anchor: anchorOfWords(doc, words), quote: words, replacement }), 201);
  /** The comment whose paragraphs include `text`. */
  const commentSaying = (text: string) => {
    const found = comments.filter((entry) => entry.paragraphs.some((paragraph) => paragraph.includes(text)));
    expect(found, text).toHaveLength(1);
    return found[0]!;
  };

  /** Writes `text` as a paragraph more of the writer's section and waits until it is stored. */
  async function append(text: string): Promise<void> {
    appendParagraph(writer.doc, text);
    const room = sectionRoom(f.report.id, 'tham-muu');
    await waitFor(async () => (await storedText(f.server.store, room)).includes(text), { what: `"${text}" stored` });
  }

  /** A thread on a passage of the writer's section, whose paragraph is then deleted. */
  async function commentThenDelete(): Promise<void> {
    await append(DOOMED);
    made.deleted = await comment('chair', 'tham-muu', anchorOfWords(writer.doc, 'bị xóa hoàn toàn'), 'bị xóa hoàn toàn', 'Có nên giữ đoạn này?');
    const paragraph = findWords(writer.doc, DOOMED).text.parent as Y.XmlElement;
    body(writer.doc).delete(body(writer.doc).toArray().indexOf(paragraph), 1);
    const room = sectionRoom(f.report.id, 'tham-muu');
    await waitFor(async () => !(await storedText(f.server.store, room)).includes(DOOMED), { what: 'the deletion stored' });
  }

  /** A thread from two paragraphs: from "cho các tập thể." to "Phong trào". */
  function spanningAnchor() {
    const from = findWords(writer.doc, 'cho các tập thể.');
    const to = findWords(writer.doc, 'Phong trào');
    return {
      from: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(from.text, from.index, 0)),
      to: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(to.text, to.index + 'Phong trào'.length, -1)),
    };
  }

  /** A department with a hostile name owning section III, and its editor with a hostile name: they comment on section II. */
  async function hostileComment(): Promise<void> {
    const department = await createDepartment(f.server.url, f.server.adminCookie, HOSTILE_DEPARTMENT);
    await assignSection(f.server.url, f.cookies.office, f.report.id, 'danh-gia', department.id);
    await createUser(f.server.url, f.server.adminCookie, { username: 'tuphap', password: 'tuphap-mat-khau', displayName: HOSTILE_NAME, role: 'editor', departmentId: department.id });
    const cookie = await login(f.server.url, 'tuphap', 'tuphap-mat-khau');
    const other = await writeParagraph(f, 'vhtt', 'ket-qua', HOSTILE_PARAGRAPH);
    const words = '<w:t>đặc biệt</w:t> & "nổi bật" ]]>';
    const request = { sectionId: 'ket-qua', anchor: anchorOfWords(other.doc, words), quote: words, body: HOSTILE_BODY };
    made.hostile = await ok<CommentThread>(call(f.server.url, cookie, 'POST', `${base}/comments`, request), 201);
    // What no REST call lets through, but a store written by an older version might hold: control characters.
    const { text, index } = findWords(other.doc, 'Kết quả');
    const at = new Date().toISOString();
    await f.server.store.createThread(
      {
        id: 'legacy-thread',
        reportId: f.report.id,
        sectionId: 'ket-qua',
        anchor: anchorOfText(text, index, index + 'Kết quả'.length),
        quote: `Kết quả${CONTROLS}`,
        author: { id: f.ids.chair, displayName: `Người${CONTROLS} cũ`, departmentId: 'khong-con' },
        body: `Ghi chú${CONTROLS} cũ`,
        mentions: { departmentIds: [], userIds: [] },
        createdAt: at,
        resolved: false,
        resolvedBy: null,
        resolvedAt: null,
        replies: [],
      },
      { reportId: f.report.id, at, userId: f.ids.chair, action: 'comment.created', detail: { thread: 'legacy-thread' } },
    );
  }

  beforeAll(async () => {
    f = await startReviewServer();
    base = `/api/reports/${f.report.id}`;
    writer = await writeParagraph(f, 'noivu', 'tham-muu', FIRST);
    await append(SECOND);

    made.praise = await comment('chair', 'tham-muu', anchorOfWords(writer.doc, 'tặng 12 Bằng khen'), 'tặng 12 Bằng khen', 'Ghi rõ số quyết định khen thưởng.');
    await ok(f.as('noivu', 'POST', `${base}/comments/${made.praise.id}/replies`, { body: 'Đã bổ sung số quyết định.' }), 201);
    await ok(f.as('vhtt', 'POST', `${base}/comments/${made.praise.id}/replies`, { body: 'Phòng Văn hóa thống nhất.' }), 201);
    made.spanning = await comment('office', 'tham-muu', spanningAnchor(), 'cho các tập thể. Phong trào', 'Hai câu này nên gộp lại.');
    made.resolved = await comment('vhtt', 'tham-muu', anchorOfWords(writer.doc, 'thi đua'), 'thi đua', 'Ý kiến đã xử lý xong.');
    await ok(f.as('vhtt', 'PATCH', `${base}/comments/${made.resolved.id}`, { resolved: true }));
    // Over words the spanning thread also covers: Word ranges may overlap.
    made.suggestion = await suggest('tham-muu', 'Phong trào thi đua', 'Phong trào thi đua yêu nước', writer.doc);
    made.rejected = await suggest('tham-muu', 'Ủy ban nhân dân', 'UBND', writer.doc);
    await ok(f.as('noivu', 'POST', `${base}/suggestions/${made.rejected.id}/reject`));
    await commentThenDelete();

    const closing = await writeParagraph(f, 'office', 'kien-nghi', LAST);
    made.last = await comment('chair', 'kien-nghi', anchorOfWords(closing.doc, 'xem xét khen thưởng.'), 'xem xét khen thưởng.', 'Nêu rõ hình thức khen thưởng.');
    await hostileComment();

    parts = await download('?comments=1');
    documentXml = part(parts, 'word/document.xml');
    comments = wordComments(part(parts, 'word/comments.xml'));
  }, 60_000);

  afterAll(async () => {
    await f?.close();
  });

  it('carries no comments without ?comments=1', async () => {
    const plain = await download('');
    expect(plain.has('word/comments.xml')).toBe(false);
    expect(part(plain, 'word/document.xml')).not.toMatch(/commentRange|commentReference/);
  });

  it('gives an open thread as a Word comment with its author, date, text and replies, around exactly the commented words', () => {
    const praise = commentSaying('Ghi rõ số quyết định khen thưởng.');
    expect(praise).toMatchObject({ author: 'Trương Thị Diệp', initials: 'TTD' });
    expect(new Date(praise.date).toISOString()).toBe(made.praise!.createdAt);
    expect(praise.paragraphs[0]).toBe('Ghi rõ số quyết định khen thưởng.');
    expect(praise.paragraphs.slice(1)).toEqual([
      expect.stringMatching(/^Lê Văn Nam \(Phòng Nội vụ\) trả lời lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}: Đã bổ sung số quyết định\.$/),
      expect.stringMatching(/^Trần Thị Thủy \(Phòng Văn hóa - Thông tin\) trả lời lúc .*: Phòng Văn hóa thống nhất\.$/),
    ]);
    expect(commentedRange(documentXml, praise.id)).toMatchObject({ text: 'tặng 12 Bằng khen', paragraphBreaks: 0, referenced: true });
  });

  it('spans a comment over two paragraphs when its text does', () => {
    const spanning = commentSaying('Hai câu này nên gộp lại.');
    expect(spanning.author).toBe('Nguyễn Thị Thu');
    expect(commentedRange(documentXml, spanning.id)).toMatchObject({ text: 'cho các tập thể.Phong trào', paragraphBreaks: 1, referenced: true });
  });

  it('pins a thread whose text was deleted to the start of its section’s heading, quoting the deleted words', () => {
    const deleted = commentSaying('Có nên giữ đoạn này?');
    expect(deleted.paragraphs).toEqual(['Đoạn được bình luận đã bị xóa: “bị xóa hoàn toàn”', 'Có nên giữ đoạn này?']);
    const range = commentedRange(documentXml, deleted.id);
    expect(range).toMatchObject({ text: '', paragraphBreaks: 0, referenced: true });
    expect(range.startParagraph).toBe('I. CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN');
  });

  it('gives an open suggestion as a comment of the suggester on its words, and leaves out resolved threads and decided suggestions', () => {
    const suggestion = commentSaying('Đề xuất sửa');
    expect(suggestion).toMatchObject({ author: 'Trương Thị Diệp', paragraphs: ['Đề xuất sửa: “Phong trào thi đua” → “Phong trào thi đua yêu nước”'] });
    expect(new Date(suggestion.date).toISOString()).toBe(made.suggestion!.createdAt);
    expect(commentedRange(documentXml, suggestion.id).text).toBe('Phong trào thi đua');
    const all = comments.flatMap((entry) => entry.paragraphs).join('\n');
    expect(all).not.toContain('Ý kiến đã xử lý xong.');
    expect(all).not.toContain('UBND');
    // praise, spanning, suggestion, deleted, last, hostile, legacy: one range each, nothing else.
    expect(comments).toHaveLength(7);
    expect(documentXml.match(/<w:commentRangeStart /g)).toHaveLength(7);
  });

  it('keeps a comment on the report’s last words when the closing mark ends them', () => {
    const last = commentSaying('Nêu rõ hình thức khen thưởng.');
    expect(commentedRange(documentXml, last.id).text).toBe('xem xét khen thưởng./.');
  });

  it('writes hostile names and text as well-formed XML, cleaned', () => {
    expect(malformedParts(parts)).toEqual([]);
    const hostile = commentSaying('Dòng thứ hai');
    expect(hostile.author).toBe('Ông <Quản> & "Lý" (Phòng <Tư pháp> & \'Hộ tịch\')');
    expect(hostile.paragraphs).toEqual([HOSTILE_BODY.split('\n')[0], 'Dòng thứ hai']);
    expect(commentedRange(documentXml, hostile.id).text).toBe('<w:t>đặc biệt</w:t> & "nổi bật" ]]>');
    const legacy = commentSaying('Ghi chú cũ');
    expect(legacy).toMatchObject({ author: 'Người cũ', initials: 'NC', paragraphs: ['Ghi chú cũ'] });
    expect(commentedRange(documentXml, legacy.id).text).toBe('Kết quả');
  });

  it('accepts ?comments=true as ?comments=1, and refuses any other value (400)', async () => {
    const withTrue = await download('?comments=true');
    expect(wordComments(part(withTrue, 'word/comments.xml'))).toHaveLength(comments.length);
    for (const query of ['?comments=nonsense', '?comments=0', '?comments=', '?comments=1&comments=1']) {
      await refused(exportDocx(query), 400, 'invalid_input');
    }
  });

  it('is read by LibreOffice: every comment anchored, with its text', async () => {
    const content = await libreOfficeContent(new Uint8Array(await (await exportDocx('?comments=1')).arrayBuffer()));
    expect(content.match(/<office:annotation[\s>]/g)).toHaveLength(comments.length);
    expect(content).toContain('Ghi rõ số quyết định khen thưởng.');
    expect(content).toContain('Đề xuất sửa: “Phong trào thi đua” → “Phong trào thi đua yêu nước”');
  }, 120_000);
});
