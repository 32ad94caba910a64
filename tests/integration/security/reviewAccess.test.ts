/**
 * The review's calls (issue 9) against a real server: every one refused without a session (401), on a
 * report not shared with the caller (403) or that does not exist (404), by a role without the right (403)
 * and with bad input (400) — each in the error format of CONTRACT.md, and none of them changing anything.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRouteName } from '../../../common/api/routes.js';
import { reviewRoutes } from '../../../common/api/review.js';
import type { CommentThread, Suggestion } from '../../../common/review.js';
import { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH, MAX_REVIEW_NOTE_LENGTH } from '../../../common/review.js';
import { sectionRoom } from '../../../common/rooms.js';
import { call } from '../../helpers/api.js';
import { storedText } from '../../helpers/storedDoc.js';
import { anchorOfWords, ok, startReviewServer, writeParagraph, type ReviewFixture, type Who } from '../review/support.js';
import { expectError } from './support.js';

interface ReviewCall {
  name: keyof typeof reviewRoutes;
  method: string;
  path: string;
  body?: unknown;
}

describe('review access control', () => {
  let f: ReviewFixture;
  let thread: CommentThread;
  let suggestion: Suggestion;
  let anchor: { from: string; to: string };
  const quote = '12 tập thể';

  beforeEach(async () => {
    f = await startReviewServer();
    const owner = await writeParagraph(f, 'noivu', 'tham-muu', `Khen thưởng ${quote} và 30 cá nhân.`);
    anchor = anchorOfWords(owner.doc, quote);
    const base = `/api/reports/${f.report.id}`;
    thread = await ok<CommentThread>(f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote, body: 'Kiểm tra lại' }), 201);
    suggestion = await ok<Suggestion>(f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote, replacement: '13 tập thể' }), 201);
  });
  afterEach(async () => {
    await f.close();
  });

  /** Every review call of a report, each with an input that fits. */
  const calls = (reportId = f.report.id): ReviewCall[] => {
    const base = `/api/reports/${reportId}`;
    return [
      { name: 'listComments', method: 'GET', path: `${base}/comments` },
      { name: 'createComment', method: 'POST', path: `${base}/comments`, body: { sectionId: 'tham-muu', anchor, quote, body: 'Thêm' } },
      { name: 'replyToComment', method: 'POST', path: `${base}/comments/${thread.id}/replies`, body: { body: 'Trả lời' } },
      { name: 'updateComment', method: 'PATCH', path: `${base}/comments/${thread.id}`, body: { resolved: true } },
      { name: 'markCommentRead', method: 'POST', path: `${base}/comments/${thread.id}/read` },
      { name: 'listReportPeople', method: 'GET', path: `${base}/people` },
      { name: 'listSuggestions', method: 'GET', path: `${base}/suggestions` },
      { name: 'createSuggestion', method: 'POST', path: `${base}/suggestions`, body: { sectionId: 'tham-muu', anchor, quote, replacement: 'x' } },
      { name: 'acceptSuggestion', method: 'POST', path: `${base}/suggestions/${suggestion.id}/accept` },
      { name: 'rejectSuggestion', method: 'POST', path: `${base}/suggestions/${suggestion.id}/reject` },
      { name: 'reviewSection', method: 'PUT', path: `${base}/sections/tham-muu/review`, body: { state: 'approved' } },
      { name: 'getAudit', method: 'GET', path: `${base}/audit` },
    ];
  };

  /** Everything the review of the report holds, and the section's text: what a refused call must leave as it was. */
  const state = async () => ({
    comments: await (await f.as('office', 'GET', `/api/reports/${f.report.id}/comments`)).json(),
    suggestions: await (await f.as('office', 'GET', `/api/reports/${f.report.id}/suggestions`)).json(),
    audit: await (await f.as('office', 'GET', `/api/reports/${f.report.id}/audit`)).json(),
    sections: ((await (await f.as('office', 'GET', `/api/reports/${f.report.id}`)).json()) as { sections: unknown[] }).sections,
    text: await storedText(f.server.store, sectionRoom(f.report.id, 'tham-muu')),
  });

  it('names every review route', () => {
    expect(calls().map((entry) => entry.name).sort()).toEqual((Object.keys(reviewRoutes) as ApiRouteName[]).sort());
  });

  it('refuses every review call without a session or with a forged one (401), changing nothing', async () => {
    const before = await state();
    for (const entry of calls()) {
      await expectError(await call(f.server.url, null, entry.method, entry.path, entry.body), 401, 'unauthenticated');
      await expectError(await call(f.server.url, 'ds_session=nimmt-niemand', entry.method, entry.path, entry.body), 401, 'unauthenticated');
    }
    expect(await state()).toEqual(before);
  });

  it('refuses every review call on a report not shared with the caller (403), and on one that does not exist (404)', async () => {
    const before = await state();
    for (const entry of calls()) {
      const error = await expectError(await f.as('stranger', entry.method, entry.path, entry.body), 403, 'forbidden');
      expect(error.message, entry.name).not.toContain(quote);
    }
    for (const entry of calls('khongco')) {
      const who: Who = entry.name === 'reviewSection' ? 'chair' : 'admin';
      await expectError(await f.as(who, entry.method, entry.path, entry.body), 404, 'not_found');
    }
    const base = `/api/reports/${f.report.id}`;
    await expectError(await f.as('admin', 'POST', `${base}/comments/khongco/replies`, { body: 'x' }), 404, 'not_found');
    await expectError(await f.as('admin', 'PATCH', `${base}/comments/khong co`, { resolved: true }), 404, 'not_found');
    await expectError(await f.as('admin', 'POST', `${base}/comments/khongco/read`), 404, 'not_found');
    await expectError(await f.as('admin', 'POST', `${base}/suggestions/khongco/reject`), 404, 'not_found');
    await expectError(await f.as('chair', 'PUT', `${base}/sections/khongco/review`, { state: 'approved' }), 404, 'not_found');
    expect(await state()).toEqual(before);
  });

  it('refuses a role without the right (403), changing nothing', async () => {
    const before = await state();
    const byName = new Map(calls().map((entry) => [entry.name, entry]));
    const refusals: Array<[Who, ReviewCall['name']]> = [
      // vhtt neither wrote the chair's thread nor owns its section.
      ['vhtt', 'updateComment'],
      ['vhtt', 'acceptSuggestion'],
      ['vhtt', 'rejectSuggestion'],
      ['chair', 'acceptSuggestion'],
      ['chair', 'rejectSuggestion'],
      ['admin', 'reviewSection'],
      ['office', 'reviewSection'],
      ['noivu', 'reviewSection'],
      ['vhtt', 'reviewSection'],
      ['noivu', 'getAudit'],
      ['vhtt', 'getAudit'],
    ];
    for (const [who, name] of refusals) {
      const entry = byName.get(name)!;
      await expectError(await f.as(who, entry.method, entry.path, entry.body), 403, 'forbidden');
    }
    expect(await state()).toEqual(before);
  });

  it('refuses bad input (400), naming what is wrong, changing nothing', async () => {
    const before = await state();
    const base = `/api/reports/${f.report.id}`;
    const comment = { sectionId: 'tham-muu', anchor, quote, body: 'Thêm' };
    const bad: Array<[Who, string, string, unknown, string]> = [
      ['chair', 'POST', `${base}/comments`, {}, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, body: '   ' }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, body: 'chuông\u0007' }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, quote: '' }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, quote: 'x'.repeat(MAX_QUOTE_LENGTH + 1) }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, anchor: { from: anchor.from } }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, anchor: { from: 'A'.repeat(200), to: anchor.to } }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, anchor: { from: 'AAAA', to: 'AAAA' } }, 'invalid_anchor'],
      ['chair', 'POST', `${base}/comments`, { ...comment, sectionId: '../frame' }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, admin: true }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, mentions: { departmentIds: 'noivu' } }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, mentions: { userIds: Array.from({ length: 21 }, (_, i) => `u${i}`) } }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments`, { ...comment, mentions: { userIds: ['khong-co'] } }, 'invalid_mention'],
      ['chair', 'POST', `${base}/comments/${thread.id}/replies`, { body: '' }, 'invalid_input'],
      ['chair', 'POST', `${base}/comments/${thread.id}/replies`, ['not', 'an', 'object'], 'invalid_input'],
      ['chair', 'PATCH', `${base}/comments/${thread.id}`, { resolved: 'yes' }, 'invalid_input'],
      ['chair', 'PATCH', `${base}/comments/${thread.id}`, {}, 'invalid_input'],
      ['chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote }, 'invalid_input'],
      ['chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote, replacement: 'hai\ndòng' }, 'invalid_input'],
      ['chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor: { from: anchor.to, to: anchor.from }, quote, replacement: 'x' }, 'invalid_anchor'],
      ['chair', 'POST', `${base}/suggestions`, { sectionId: 'khongco', anchor, quote, replacement: 'x' }, 'bad_request'],
      ['chair', 'PUT', `${base}/sections/tham-muu/review`, { state: 'none' }, 'invalid_input'],
      ['chair', 'PUT', `${base}/sections/tham-muu/review`, { state: 'approved', note: 'x'.repeat(MAX_REVIEW_NOTE_LENGTH + 1) }, 'invalid_input'],
      ['chair', 'PUT', `${base}/sections/tham-muu/review`, { state: 'returned', by: f.ids.office }, 'invalid_input'],
      ['office', 'GET', `${base}/audit?format=pdf`, undefined, 'invalid_input'],
    ];
    for (const [who, method, path, body, code] of bad) {
      const error = await expectError(await f.as(who, method, path, body), 400, code);
      if (code === 'invalid_input' && body !== undefined && !Array.isArray(body) && Object.keys(body as object).length > 0) {
        expect(error.message, JSON.stringify(body).slice(0, 80)).toMatch(/^[a-zA-Z.0-9]+: |^Unrecognized key/);
      }
    }
    expect(await state()).toEqual(before);
  });
});
