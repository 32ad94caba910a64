/**
 * Comment threads over REST with the permissions of every role (issue 9, "Tests"), mirrored live into the
 * review room, with mentions that raise a badge in the report list until someone of the target opens
 * the thread.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportListEntry } from '../../../common/report.js';
import type { CommentReply, CommentThread, ReportReader, StoredThread } from '../../../common/review.js';
import { THREADS_MAP } from '../../../common/rooms.js';
import { waitFor } from '../../helpers/waitFor.js';
import { anchorOfWords, ok, refused, reviewEntries, reviewEntry, startReviewServer, writeParagraph, type ReviewFixture, type Who } from './support.js';

describe('comment threads', () => {
  let f: ReviewFixture;
  let base: string;
  /** An anchor over words noivu wrote in its own section (`tham-muu`). */
  let anchor: { from: string; to: string };
  const quote = 'tặng 12 Bằng khen';

  beforeEach(async () => {
    f = await startReviewServer();
    base = `/api/reports/${f.report.id}`;
    const writer = await writeParagraph(f, 'noivu', 'tham-muu', `Ủy ban nhân dân đã ${quote} cho các tập thể.`);
    anchor = anchorOfWords(writer.doc, quote);
  });
  afterEach(async () => {
    await f.close();
  });

  const comment = (who: Who, body: string, extra: Record<string, unknown> = {}) =>
    f.as(who, 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote, body, ...extra });

  it('lets every reader of the report comment on any section, also one they may not write, and reply', async () => {
    const readers: Who[] = ['chair', 'vhtt', 'office', 'admin', 'noivu'];
    const threads: CommentThread[] = [];
    for (const who of readers) threads.push(await ok<CommentThread>(comment(who, `Ý kiến của ${who}`), 201));

    const departmentOf: Record<Who, string | null> = {
      chair: null,
      office: null,
      admin: null,
      noivu: f.ws.departments.noivu.id,
      vhtt: f.ws.departments.vhtt.id,
      stranger: f.stranger.departmentId,
    };
    threads.forEach((thread, index) => {
      const who = readers[index]!;
      expect(thread).toMatchObject({
        sectionId: 'tham-muu',
        anchor,
        quote,
        body: `Ý kiến của ${who}`,
        author: { id: f.ids[who], departmentId: departmentOf[who] },
        resolved: false,
        replies: [],
        detached: false,
      });
    });

    const replies: CommentReply[] = [];
    for (const who of readers) replies.push(await ok<CommentReply>(f.as(who, 'POST', `${base}/comments/${threads[0]!.id}/replies`, { body: `Trả lời của ${who}` }), 201));
    const listed = await ok<CommentThread[]>(f.as('vhtt', 'GET', `${base}/comments`));
    expect(listed.map((thread) => thread.body)).toEqual(readers.map((who) => `Ý kiến của ${who}`));
    expect(listed[0]!.replies).toEqual(replies);
    expect(listed[0]!.replies.map((reply) => [reply.author.id, reply.body])).toEqual(readers.map((who) => [f.ids[who], `Trả lời của ${who}`]));

    // A department that owns no section of the report reads nothing of it, so comments on nothing.
    await refused(comment('stranger', 'Không được'), 403, 'forbidden');
    await refused(f.as('stranger', 'GET', `${base}/comments`), 403, 'forbidden');
    await refused(f.as('stranger', 'POST', `${base}/comments/${threads[0]!.id}/replies`, { body: 'Không được' }), 403, 'forbidden');
    expect((await ok<CommentThread[]>(f.as('office', 'GET', `${base}/comments`))).length).toBe(readers.length);
  });

  it('lets the author, their department, the section’s department, the office, the admin and the chair resolve and reopen; no other department', async () => {
    const byChair = await ok<CommentThread>(comment('chair', 'Đề nghị làm rõ'), 201);
    const byVhtt = await ok<CommentThread>(comment('vhtt', 'Số liệu khác với báo cáo của phòng tôi'), 201);
    const patch = (who: Who, thread: CommentThread, resolved: boolean) => f.as(who, 'PATCH', `${base}/comments/${thread.id}`, { resolved });

    // vhtt neither wrote the chair's thread nor owns the section it is in.
    const refusal = await refused(patch('vhtt', byChair, true), 403, 'forbidden');
    expect(refusal.message).toContain('only its author');
    await refused(patch('stranger', byChair, true), 403, 'forbidden');
    const [unchanged] = await ok<CommentThread[]>(f.as('chair', 'GET', `${base}/comments`));
    expect(unchanged).toMatchObject({ id: byChair.id, resolved: false });

    for (const [who, thread] of [
      ['noivu', byChair], // the section's department
      ['vhtt', byVhtt], // the author
      ['office', byChair],
      ['admin', byVhtt],
      ['chair', byVhtt],
    ] as Array<[Who, CommentThread]>) {
      const resolved = await ok<CommentThread>(patch(who, thread, true));
      expect(resolved).toMatchObject({ id: thread.id, resolved: true, resolvedBy: f.ids[who] });
      expect(resolved.resolvedAt).not.toBeNull();
      const reopened = await ok<CommentThread>(patch(who, thread, false));
      expect(reopened).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
    }
    await refused(f.as('noivu', 'PATCH', `${base}/comments/khongco`, { resolved: true }), 404, 'not_found');
  });

  it('mirrors new threads, replies and resolving into the review room at once', async () => {
    const review = f.connect('vhtt', 'review');
    await review.synced();
    const thread = await ok<CommentThread>(comment('chair', 'Bổ sung số liệu quý IV'), 201);
    await waitFor(() => reviewEntry<StoredThread>(review.doc, THREADS_MAP, thread.id) !== undefined, { what: 'the thread in the review room' });
    const { detached: _detached, unread: _unread, ...stored } = thread;
    expect(reviewEntry(review.doc, THREADS_MAP, thread.id)).toEqual(stored);

    const reply = await ok<CommentReply>(f.as('noivu', 'POST', `${base}/comments/${thread.id}/replies`, { body: 'Đã bổ sung' }), 201);
    await waitFor(() => reviewEntry<StoredThread>(review.doc, THREADS_MAP, thread.id)?.replies.length === 1, { what: 'the reply' });
    expect(reviewEntry<StoredThread>(review.doc, THREADS_MAP, thread.id)!.replies).toEqual([reply]);

    await ok(f.as('noivu', 'PATCH', `${base}/comments/${thread.id}`, { resolved: true }));
    await waitFor(() => reviewEntry<StoredThread>(review.doc, THREADS_MAP, thread.id)?.resolved === true, { what: 'resolved' });
    expect(reviewEntry<StoredThread>(review.doc, THREADS_MAP, thread.id)!.resolvedBy).toBe(f.ws.noivu.id);
  });

  it('refuses anchors that do not decode, belong to another section, or cover nothing (400 invalid_anchor), storing nothing', async () => {
    const other = await writeParagraph(f, 'vhtt', 'ket-qua', 'Kết quả phong trào thi đua');
    const elsewhere = anchorOfWords(other.doc, 'phong trào');
    const cases: Array<[string, unknown, string]> = [
      ['not base64', { from: '!!!', to: anchor.to }, 'invalid_input'],
      ['base64 of no relative position', { from: 'AAAA', to: anchor.to }, 'invalid_anchor'],
      ['a position of another section', { from: elsewhere.from, to: anchor.to }, 'invalid_anchor'],
      ['both positions of another section', elsewhere, 'invalid_anchor'],
      ['reversed', { from: anchor.to, to: anchor.from }, 'invalid_anchor'],
      ['empty', { from: anchor.from, to: anchor.from }, 'invalid_anchor'],
    ];
    for (const [what, bad, code] of cases) {
      const response = await f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor: bad, quote, body: what });
      const { error } = (await response.json()) as { error: { code: string } };
      expect([response.status, error.code], what).toEqual([400, code]);
    }
    await refused(f.as('chair', 'POST', `${base}/comments`, { sectionId: 'khongco', anchor, quote, body: 'x' }), 400, 'bad_request');
    expect(await ok<CommentThread[]>(f.as('chair', 'GET', `${base}/comments`))).toEqual([]);
  });

  it('shows a mention as unread in the report list of the department and the person mentioned, until one of them opens the thread', async () => {
    const entry = async (who: Who) => (await ok<ReportListEntry[]>(f.as(who, 'GET', '/api/reports'))).find((report) => report.id === f.report.id)!;
    const mentions = { departmentIds: [f.ws.departments.vhtt.id], userIds: [f.ws.office.id] };
    const thread = await ok<CommentThread>(comment('chair', 'Đề nghị phòng Văn hóa và Văn phòng cho ý kiến', { mentions }), 201);
    expect(thread.mentions).toEqual(mentions);

    expect((await entry('vhtt')).mentionsUnread).toBe(1);
    expect((await entry('office')).mentionsUnread).toBe(1);
    expect((await entry('noivu')).mentionsUnread).toBe(0);
    expect((await entry('chair')).mentionsUnread).toBe(0);
    const unreadFor = async (who: Who) => (await ok<CommentThread[]>(f.as(who, 'GET', `${base}/comments`)))[0]!.unread;
    expect([await unreadFor('vhtt'), await unreadFor('office'), await unreadFor('noivu')]).toEqual([true, true, false]);

    await ok(f.as('vhtt', 'POST', `${base}/comments/${thread.id}/read`), 204);
    expect((await entry('vhtt')).mentionsUnread).toBe(0);
    expect((await entry('office')).mentionsUnread).toBe(1);

    // A reply that mentions the department again raises the badge again.
    await ok(f.as('noivu', 'POST', `${base}/comments/${thread.id}/replies`, { body: 'Nhờ phòng Văn hóa xem lại', mentions: { departmentIds: [f.ws.departments.vhtt.id] } }), 201);
    expect((await entry('vhtt')).mentionsUnread).toBe(1);
    await ok(f.as('office', 'POST', `${base}/comments/${thread.id}/read`), 204);
    expect((await entry('office')).mentionsUnread).toBe(0);
  });

  it('refuses a mention of a department or person who cannot read the report (400 invalid_mention)', async () => {
    const cases = [
      { departmentIds: [f.stranger.departmentId] },
      { departmentIds: ['khong-co-phong'] },
      { userIds: [f.stranger.id] },
      { userIds: ['khong-co-nguoi'] },
    ];
    for (const mentions of cases) await refused(comment('chair', 'Nhắc sai', { mentions }), 400, 'invalid_mention');
    const thread = await ok<CommentThread>(comment('chair', 'Đúng'), 201);
    await refused(f.as('chair', 'POST', `${base}/comments/${thread.id}/replies`, { body: 'Nhắc sai', mentions: { userIds: [f.stranger.id] } }), 400, 'invalid_mention');
    expect((await ok<CommentThread[]>(f.as('chair', 'GET', `${base}/comments`))).map((t) => [t.body, t.replies.length])).toEqual([['Đúng', 0]]);
  });

  it('offers as people to mention exactly those who may read the report, and each of them is accepted as a mention', async () => {
    const people = await ok<ReportReader[]>(f.as('vhtt', 'GET', `${base}/people`));
    const ids = people.map((person) => person.id);
    expect(new Set(ids)).toEqual(new Set([f.ids.admin, f.ids.office, f.ids.noivu, f.ids.vhtt, f.ids.chair]));
    expect(ids).not.toContain(f.ids.stranger);
    expect(people.find((person) => person.id === f.ids.noivu)).toMatchObject({ departmentId: f.ws.departments.noivu.id, role: 'editor' });
    await ok<CommentThread>(comment('vhtt', 'Nhắc mọi người', { mentions: { userIds: ids } }), 201);
    // A disabled account is no longer offered.
    await ok(f.as('admin', 'PATCH', `/api/users/${f.ids.vhtt}`, { disabled: true }));
    expect((await ok<ReportReader[]>(f.as('chair', 'GET', `${base}/people`))).map((person) => person.id)).not.toContain(f.ids.vhtt);
  });

  it('writes every change to the audit log, with who made it', async () => {
    const thread = await ok<CommentThread>(comment('chair', 'Bổ sung'), 201);
    const reply = await ok<CommentReply>(f.as('noivu', 'POST', `${base}/comments/${thread.id}/replies`, { body: 'Đã bổ sung' }), 201);
    await ok(f.as('noivu', 'PATCH', `${base}/comments/${thread.id}`, { resolved: true }));
    await ok(f.as('office', 'PATCH', `${base}/comments/${thread.id}`, { resolved: false }));
    const log = reviewEntries(await ok<Array<{ userId: string; action: string; detail: Record<string, string> }>>(f.as('office', 'GET', `${base}/audit`)));
    expect(log.map(({ userId, action, detail }) => ({ userId, action, detail }))).toEqual([
      { userId: f.ws.chair.id, action: 'comment.created', detail: { threadId: thread.id, sectionId: 'tham-muu' } },
      { userId: f.ws.noivu.id, action: 'comment.replied', detail: { threadId: thread.id, replyId: reply.id, sectionId: 'tham-muu' } },
      { userId: f.ws.noivu.id, action: 'comment.resolved', detail: { threadId: thread.id, sectionId: 'tham-muu' } },
      { userId: f.ws.office.id, action: 'comment.reopened', detail: { threadId: thread.id, sectionId: 'tham-muu' } },
    ]);
  });
});
