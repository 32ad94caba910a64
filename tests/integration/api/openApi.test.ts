/**
 * `GET /api/openapi.json` against a running server (issue 8): it names every /api route the server
 * registers, and what the server really answers fits the schemas it documents — for a successful call of
 * every route, for calls without a session, and for bodies that do not fit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathOf } from '../../../common/api/route.js';
import { api, apiRoutes, type ApiRouteName } from '../../../common/api/routes.js';
import { defaultConfig } from '../../../server/config.js';
import { openApiPath } from '../../../server/routes/openapi.js';
import { call, login } from '../../helpers/api.js';
import { fakeSoffice, type FakeSoffice } from '../../helpers/fakeSoffice.js';
import { fillForIssue } from '../../helpers/issuable.js';
import { makeSigningIdentity, signedPdf } from '../../helpers/signedPdf.js';
import { storedAnchor } from '../review/support.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { expectDocumented, registeredApiRoutes, type OpenApiDocument } from './support.js';

/** One call of a route: its path parameters, its body, and the cookie (absent: the admin's; null: none). */
interface Example {
  params?: Record<string, string>;
  body?: unknown;
  cookie?: string | null;
  /** A file sent as the raw body (an upload), instead of JSON. */
  file?: { bytes: Uint8Array<ArrayBuffer>; type: string };
}

describe('the API description', () => {
  let server: TestServer;
  let fake: FakeSoffice;
  let document: OpenApiDocument;
  beforeEach(async () => {
    // A stand-in for LibreOffice, so that the issued report's PDF answers wherever the tests run.
    fake = await fakeSoffice();
    server = await startServer({ config: { pdf: { ...defaultConfig().pdf, soffice: fake.path } } });
    document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
  });
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  it('names every /api route the server registers, and only those', () => {
    const registered = registeredApiRoutes(server.app);
    // The reading of Fastify's route tree finds nested routes and their methods.
    expect(registered).toEqual(expect.arrayContaining(['PUT /api/users/:id/password', 'GET /api/reports/:id/export.docx', 'DELETE /api/session']));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(registered.map((route) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}')).sort()).toEqual(documented.sort());
    for (const route of apiRoutes()) {
      expect(server.app.hasRoute({ method: route.method, url: route.path }), `${route.method} ${route.path}`).toBe(true);
    }
  });

  it('documents what every route really answers when it succeeds', async () => {
    const answers = new Map<ApiRouteName, unknown>();
    const idOf = (name: ApiRouteName) => (answers.get(name) as { id: string }).id;
    /** A report brought to issued over REST (the chairperson that `reviewSection` creates approves it). */
    let issuedId = '';
    const issueReport = async () => {
      const created = await call(server.url, server.adminCookie, 'POST', '/api/reports', { templateId: 'bao-cao-so-ket', title: 'Báo cáo ban hành' });
      const report = (await created.json()) as { id: string; sections: Array<{ id: string }> };
      const { id } = report;
      // Issue 12: the form checker lets through only a report with its parts written.
      await fillForIssue(server, server.adminCookie, report);
      const chair = await login(server.url, 'chutich', 'chutich-mat-khau');
      for (const [cookie, to] of [[server.adminCookie, 'review'], [chair, 'approved'], [server.adminCookie, 'issued']] as const) {
        expect((await call(server.url, cookie, 'POST', `/api/reports/${id}/status`, { to })).status, `to ${to}`).toBe(200);
      }
      return id;
    };
    // In the order they run; `satisfies` makes a route added to the table without an example a type error.
    const examples = {
      signIn: () => ({ body: { username: 'admin', password: server.adminPassword }, cookie: null }),
      me: () => ({}),
      getWorkspace: () => ({}),
      saveWorkspace: () => ({
        body: { agencyName: 'ỦY BAN NHÂN DÂN XÃ LẤP VÒ', parentAgencyName: 'UBND TỈNH ĐỒNG THÁP', placeName: 'Lấp Vò', agencySymbol: 'UBND' },
      }),
      createDepartment: () => ({ body: { name: 'Phòng Nội vụ' } }),
      updateDepartment: () => ({ params: { id: idOf('createDepartment') }, body: { name: 'Phòng Nội vụ xã' } }),
      listDepartments: () => ({}),
      createUser: () => ({
        body: { username: 'noivu', password: 'noivu-mat-khau', displayName: 'Lê Văn Nam', role: 'editor', departmentId: idOf('createDepartment') },
      }),
      updateUser: () => ({ params: { id: idOf('createUser') }, body: { displayName: 'Lê Văn Nam (Nội vụ)' } }),
      resetPassword: () => ({ params: { id: idOf('createUser') }, body: { password: 'mat-khau-moi-noivu' } }),
      listUsers: () => ({}),
      listTemplates: () => ({}),
      listAwardForms: () => ({}),
      getAwardCatalogue: () => ({}),
      createReport: () => ({ body: { templateId: 'bao-cao-so-ket', title: 'Báo cáo sơ kết 6 tháng' } }),
      assignSection: () => ({ params: { id: idOf('createReport'), sectionId: 'tham-muu' }, body: { ownerDepartmentId: idOf('createDepartment') } }),
      getReport: () => ({ params: { id: idOf('createReport') } }),
      listReports: () => ({}),
      exportDocx: () => ({ params: { id: idOf('createReport') } }),
      previewPdf: () => ({ params: { id: idOf('createReport') } }),
      updateReport: () => ({ params: { id: idOf('createReport') }, body: { title: 'Báo cáo sơ kết 6 tháng đầu năm 2025' } }),
      copyReport: () => ({ params: { id: idOf('createReport') } }),
      deleteReport: () => ({ params: { id: idOf('copyReport') } }),
      createComment: async () => {
        const { anchor, quote } = await storedAnchor(server.store, idOf('createReport'), 'tham-muu');
        const mentions = { departmentIds: [idOf('createDepartment')], userIds: [] };
        return { params: { id: idOf('createReport') }, body: { sectionId: 'tham-muu', anchor, quote, body: 'Đề nghị bổ sung số liệu.', mentions } };
      },
      listComments: () => ({ params: { id: idOf('createReport') } }),
      replyToComment: () => ({ params: { id: idOf('createReport'), threadId: idOf('createComment') }, body: { body: 'Đã bổ sung.' } }),
      updateComment: () => ({ params: { id: idOf('createReport'), threadId: idOf('createComment') }, body: { resolved: true } }),
      listReportPeople: () => ({ params: { id: idOf('createReport') } }),
      markCommentRead: () => ({ params: { id: idOf('createReport'), threadId: idOf('createComment') } }),
      createSuggestion: async () => {
        const { anchor, quote } = await storedAnchor(server.store, idOf('createReport'), 'tham-muu');
        return { params: { id: idOf('createReport') }, body: { sectionId: 'tham-muu', anchor, quote, replacement: 'Về công tác' } };
      },
      listSuggestions: () => ({ params: { id: idOf('createReport') } }),
      acceptSuggestion: () => ({ params: { id: idOf('createReport'), sid: idOf('createSuggestion') } }),
      rejectSuggestion: async () => {
        const { anchor, quote } = await storedAnchor(server.store, idOf('createReport'), 'ket-qua');
        const body = { sectionId: 'ket-qua', anchor, quote, replacement: '' };
        const created = await call(server.url, server.adminCookie, 'POST', `/api/reports/${idOf('createReport')}/suggestions`, body);
        return { params: { id: idOf('createReport'), sid: ((await created.json()) as { id: string }).id } };
      },
      reviewSection: async () => {
        const chair = { username: 'chutich', password: 'chutich-mat-khau', displayName: 'Trương Thị Diệp', role: 'chair' };
        expect((await call(server.url, server.adminCookie, 'POST', '/api/users', chair)).status).toBe(201);
        return {
          cookie: await login(server.url, chair.username, chair.password),
          params: { id: idOf('createReport'), sectionId: 'tham-muu' },
          body: { state: 'returned', note: 'Trả lại: bổ sung số liệu quý IV' },
        };
      },
      getAudit: () => ({ params: { id: idOf('createReport') } }),
      listAuditLog: () => ({}),
      changeReportStatus: () => ({ params: { id: idOf('createReport') }, body: { to: 'review' } }),
      nextReportNumber: () => ({ params: { id: idOf('createReport') } }),
      reportChecks: () => ({ params: { id: idOf('createReport') } }),
      createVersion: () => ({ params: { id: idOf('createReport') }, body: { label: 'Bản gửi Chủ tịch' } }),
      listVersions: () => ({ params: { id: idOf('createReport') } }),
      getVersion: () => ({ params: { id: idOf('createReport'), vid: idOf('createVersion') } }),
      diffVersion: () => ({ params: { id: idOf('createReport'), vid: idOf('createVersion') } }),
      exportVersionDocx: () => ({ params: { id: idOf('createReport'), vid: idOf('createVersion') } }),
      restoreVersion: () => ({ params: { id: idOf('createReport'), vid: idOf('createVersion') } }),
      capabilities: () => ({}),
      uploadSignedCopy: async () => {
        issuedId = await issueReport();
        return { params: { id: issuedId }, file: { bytes: await signedPdf(await makeSigningIdentity()), type: 'application/pdf' } };
      },
      signedCopyInfo: () => ({ params: { id: issuedId } }),
      downloadSignedCopy: () => ({ params: { id: issuedId } }),
      issuedPdf: () => ({ params: { id: issuedId } }),
      health: () => ({ cookie: null }),
      openApi: () => ({ cookie: null }),
      signOut: async () => ({ cookie: await login(server.url, 'admin', server.adminPassword) }),
    } satisfies Record<ApiRouteName, () => Example | Promise<Example>>;

    for (const [name, example] of Object.entries(examples) as Array<[ApiRouteName, () => Example | Promise<Example>]>) {
      const route = api[name];
      const { params, body, cookie, file } = await example();
      const sender = cookie === undefined ? server.adminCookie : cookie;
      const path = pathOf(route, params);
      const response = file
        ? await fetch(`${server.url}${path}`, { method: route.method, headers: { cookie: sender ?? '', 'content-type': file.type }, body: file.bytes })
        : await call(server.url, sender, route.method, path, body);
      const { success } = route;
      expect(response.status, `${name}: ${response.status === success.status ? '' : await response.clone().text()}`).toBe(success.status);
      if ('schema' in success) {
        const answer: unknown = await response.json();
        expectDocumented(document, route, success.status, answer);
        // What the client does with it: the same answer parses with the table's zod schema.
        expect(success.schema.safeParse(answer).success, name).toBe(true);
        answers.set(name, answer);
      } else if ('file' in success) {
        expect([success.file].flat(), name).toContain(response.headers.get('content-type'));
        expect((await response.arrayBuffer()).byteLength, name).toBeGreaterThan(1000);
      } else {
        expect(await response.text(), name).toBe('');
      }
    }
    expect([...answers.keys()].length).toBe(apiRoutes().filter((route) => 'schema' in route.success).length);
  });

  it('documents the refusal of every call without a session, and marks the calls that need none', async () => {
    for (const route of apiRoutes()) {
      const params = Object.fromEntries(Object.keys(route.params?.shape ?? {}).map((name) => [name, 'khongco']));
      const response = await call(server.url, null, route.method, pathOf(route, params));
      const operation = document.paths[openApiPath(route.path)]![route.method.toLowerCase()]!;
      if (route.roles === 'public') {
        expect(response.status, route.name).not.toBe(401);
        expect(operation.security, route.name).toEqual([]);
        continue;
      }
      expect(response.status, route.name).toBe(401);
      expectDocumented(document, route, 401, await response.json());
    }
  });

  it('documents the refusal of a body that does not fit, for every call that takes one', async () => {
    const withBody = apiRoutes().filter((route) => route.body !== undefined);
    expect(withBody.map((route) => route.name)).toEqual(expect.arrayContaining(['signIn', 'createUser', 'assignSection', 'saveWorkspace']));
    for (const route of withBody) {
      const params = Object.fromEntries(Object.keys(route.params?.shape ?? {}).map((name) => [name, 'khongco']));
      const response = await call(server.url, server.adminCookie, route.method, pathOf(route, params), ['not', 'an', 'object']);
      expect(response.status, route.name).toBe(400);
      const answer = (await response.json()) as { error: { code: string } };
      expect(answer.error.code, route.name).toBe('invalid_input');
      expectDocumented(document, route, 400, answer);
    }
  });
});
