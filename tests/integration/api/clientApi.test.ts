/**
 * The client's API calls (client/src/api) against a real server (issue 8): each call is made from its entry
 * in the route table and its answer parsed with the table's schema — the same schema the server's answers
 * are documented with — so an answer that does not fit is refused however small the difference.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDepartment, listDepartments, updateDepartment } from '../../../client/src/api/departments.js';
import { ApiError } from '../../../client/src/api/http.js';
import { assignSection, createReport, getReport, listReports } from '../../../client/src/api/reports.js';
import { getMe, logIn, logOut } from '../../../client/src/api/session.js';
import { listTemplates } from '../../../client/src/api/templates.js';
import { createUser, listUsers, resetPassword, updateUser } from '../../../client/src/api/users.js';
import { getWorkspace, saveWorkspace } from '../../../client/src/api/workspace.js';
import { getAwardCatalogue } from '../../../client/src/api/awards.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';

const realFetch = globalThis.fetch;

/** The client's same-origin `fetch`, sent to the test server with a session cookie, as a browser would. */
function browserFetch(server: TestServer, cookie: () => string): typeof fetch {
  return (input, init) => {
    const headers = { ...(init?.headers as Record<string, string>), cookie: cookie() };
    return realFetch(`${server.url}${String(input)}`, { ...init, headers });
  };
}

/** A server that answers `body` to any call. */
function answering(body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the client API against the server', () => {
  let server: TestServer;
  let cookie: string;
  beforeEach(async () => {
    server = await startServer();
    cookie = server.adminCookie;
    vi.stubGlobal('fetch', browserFetch(server, () => cookie));
    // The API layer tells the app about a lost session through a window event.
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await server.close();
  });

  it('makes every call of the admin and the office and reads the real answers', async () => {
    const me = await logIn('admin', server.adminPassword);
    expect(me).toMatchObject({ username: 'admin', role: 'admin', departmentId: null });
    expect(await getMe()).toEqual(me);

    const saved = await saveWorkspace({ agencyName: ' ỦY BAN NHÂN DÂN XÃ LẤP VÒ ', parentAgencyName: '', placeName: 'Lấp Vò', agencySymbol: 'UBND' });
    expect(saved.agencyName).toBe('ỦY BAN NHÂN DÂN XÃ LẤP VÒ');
    expect(await getWorkspace()).toEqual(saved);

    const department = await createDepartment('Phòng Nội vụ');
    expect(await updateDepartment(department.id, { disabled: true })).toEqual({ ...department, disabled: true });
    expect(await listDepartments()).toEqual([{ ...department, disabled: true }]);
    await updateDepartment(department.id, { disabled: false });

    const user = await createUser({ username: 'noivu', password: 'noivu-mat-khau', displayName: 'Lê Văn Nam', role: 'editor', departmentId: department.id });
    expect(await updateUser(user.id, { displayName: 'Lê Văn Nam (Nội vụ)' })).toEqual({ ...user, displayName: 'Lê Văn Nam (Nội vụ)' });
    await expect(resetPassword(user.id, 'mat-khau-moi-noivu')).resolves.toBeUndefined();
    expect((await listUsers()).map((account) => account.username).sort()).toEqual(['admin', 'noivu']);

    const [template] = await listTemplates();
    const report = await createReport({ templateId: template!.id, title: 'Báo cáo sơ kết' });
    const section = await assignSection(report.id, report.sections[0]!.id, department.id);
    expect(section).toEqual({ ...report.sections[0], ownerDepartmentId: department.id });
    expect((await getReport(report.id)).sections[0]).toEqual(section);
    expect((await listReports()).map((summary) => summary.id)).toEqual([report.id]);
    expect((await getAwardCatalogue()).forms.length).toBeGreaterThan(30);

    await logOut();
  });

  it('turns a refusal into an ApiError with the server’s code and message', async () => {
    const empty = await refusal(createDepartment('   '));
    expect(empty).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(empty.message).toMatch(/^name: /);
    const wrong = await refusal(logIn('admin', 'sai-mat-khau'));
    expect(wrong).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(await refusal(getReport('khongco'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('the client API reading answers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const report = {
    id: 'r1',
    title: 'Báo cáo',
    status: 'draft',
    templateId: 'bao-cao-so-ket',
    docType: 'BÁO CÁO',
    createdAt: '2026-11-27T08:00:00.000Z',
    sections: [{ id: 'tham-muu', number: 'I', title: 'THAM MƯU', ownerDepartmentId: null, room: 'r1/section/tham-muu' }],
  };

  it('accepts an answer with fields the table does not name yet (answers may carry more), dropping them', async () => {
    vi.stubGlobal('fetch', answering({ ...report, notInTheTableYet: 'abc' }));
    expect(await getReport('r1')).toEqual(report);
  });

  it('refuses an answer that misses or misshapes any field the table names, as bad_response', async () => {
    const { room: _room, ...sectionWithoutRoom } = report.sections[0]!;
    const { description: _description, ...templateWithoutDescription } = { id: 't', title: 'T', description: '', docType: 'BÁO CÁO', sections: [] };
    const cases: Array<[string, unknown, () => Promise<unknown>]> = [
      ['an unknown status', { ...report, status: 'lost' }, () => getReport('r1')],
      ['a date that is not ISO 8601', { ...report, createdAt: 'hôm qua' }, () => getReport('r1')],
      ['a section without its room', sectionWithoutRoom, () => assignSection('r1', 'tham-muu', null)],
      ['a template without its description', [templateWithoutDescription], () => listTemplates()],
      ['a department without `disabled`', [{ id: 'd1', name: 'Phòng Nội vụ' }], () => listDepartments()],
      ['a workspace whose symbol is not text', { agencyName: 'A', parentAgencyName: '', placeName: 'P', agencySymbol: 7 }, () => getWorkspace()],
    ];
    for (const [what, body, makeCall] of cases) {
      vi.stubGlobal('fetch', answering(body));
      expect(await refusal(makeCall()), what).toMatchObject({ code: 'bad_response' });
    }
  });
});
