import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiErrorBody } from '../../common/apiError.js';
import type { Report, ReportSummary } from '../../common/report.js';
import type { TemplateSummary } from '../../common/template.js';
import { createReport } from '../helpers/api.js';
import { startServer, type TestServer } from '../helpers/startServer.js';

async function post(server: TestServer, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${server.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: server.adminCookie },
    body,
  });
}

async function get(server: TestServer, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { cookie: server.adminCookie } });
}

async function errorOf(response: Response): Promise<ApiErrorBody['error']> {
  return ((await response.json()) as ApiErrorBody).error;
}

describe('REST: templates and reports', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists the report template with its four sections', async () => {
    const templates = (await (await get(server, `/api/templates`)).json()) as TemplateSummary[];
    const template = templates.find((candidate) => candidate.id === 'bao-cao-so-ket');
    expect(template?.title).toBe('Báo cáo sơ kết / tổng kết');
    expect(template?.sections.map((section) => section.title)).toEqual([
      'CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN',
      'KẾT QUẢ TRIỂN KHAI THỰC HIỆN',
      'ĐÁNH GIÁ CHUNG',
      'KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
  });

  it('serves the award catalogue as CONTRACT.md shapes it', async () => {
    const forms = (await (await get(server, '/api/award-forms')).json()) as Array<Record<string, unknown>>;
    expect(forms.length).toBeGreaterThan(30);
    expect(forms.find((form) => form.id === 'bang-khen-thu-tuong')).toMatchObject({
      name: 'Bằng khen của Thủ tướng Chính phủ',
      level: 'government',
      recipients: 'both',
    });
    expect(new Set(forms.map((form) => form.recipients))).toEqual(new Set(['collective', 'individual', 'both']));
    const catalogue = (await (await get(server, '/api/award-catalogue')).json()) as { levels: Record<string, { proseLead?: string }>; forms: unknown[] };
    expect(catalogue.forms).toEqual(forms);
    expect(catalogue.levels.province?.proseLead).toBe('Ủy ban nhân dân tỉnh đã tặng thưởng');
  });

  it('creates a report from a template, numbering its sections I–IV', async () => {
    const report = await createReport(server.url, { title: 'Sơ kết 01 năm Đề án “Tuyên truyền gương điển hình tiên tiến”' }, server.adminCookie);
    expect(report.status).toBe('draft');
    expect(report.title).toBe('Sơ kết 01 năm Đề án “Tuyên truyền gương điển hình tiên tiến”');
    expect(report.sections.map((section) => section.number)).toEqual(['I', 'II', 'III', 'IV']);
    expect(report.sections[0]).toMatchObject({ ownerDepartmentId: null, room: `${report.id}/section/tham-muu` });

    const fetched = (await (await get(server, `/api/reports/${report.id}`)).json()) as Report;
    expect(fetched).toEqual(report);
  });

  it('titles a report after its template when no title is given, and stores titles in NFC', async () => {
    const untitled = await createReport(server.url, {}, server.adminCookie);
    expect(untitled.title).toBe('Báo cáo sơ kết / tổng kết');
    const decomposed = 'Ba\u0301o ca\u0301o tha\u0301ng'; // "Báo cáo tháng" as some input methods send it
    const titled = await createReport(server.url, { title: decomposed }, server.adminCookie);
    expect(titled.title).toBe('Báo cáo tháng');
  });

  it('lists reports newest first', async () => {
    const first = await createReport(server.url, { title: 'Thứ nhất' }, server.adminCookie);
    const second = await createReport(server.url, { title: 'Thứ hai' }, server.adminCookie);
    const list = (await (await get(server, `/api/reports`)).json()) as ReportSummary[];
    expect(list.map((report) => report.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ title: 'Thứ hai', status: 'draft', templateId: 'bao-cao-so-ket' });
  });

  it('answers bad requests with a status and an error code and message', async () => {
    const unknownTemplate = await post(server, JSON.stringify({ templateId: 'khong-co' }));
    expect(unknownTemplate.status).toBe(404);
    expect(await errorOf(unknownTemplate)).toMatchObject({ code: 'not_found' });

    const missing = await post(server, JSON.stringify({}));
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('templateId') });

    const tooLong = await post(server, JSON.stringify({ templateId: 'bao-cao-so-ket', title: 'x'.repeat(501) }));
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).message).toContain('title');

    const extra = await post(server, JSON.stringify({ templateId: 'bao-cao-so-ket', admin: true }));
    expect(extra.status).toBe(400);

    const broken = await post(server, '{"templateId": ');
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatchObject({ code: 'bad_request' });

    const notJson = await post(server, 'templateId=x', 'application/x-www-form-urlencoded');
    expect(notJson.status).toBe(415);
  });

  it('answers unknown reports and API paths with 404 in the error format', async () => {
    for (const path of ['/api/reports/khongco', '/api/reports/..%2F..%2Fetc', '/api/nothing']) {
      const response = await get(server, path);
      expect(response.status, path).toBe(404);
      expect((await errorOf(response)).code, path).toBe('not_found');
    }
  });
});

describe('REST: a broken template file', () => {
  it('is left out while the other templates still load', async () => {
    const templatesDir = await mkdtemp(join(tmpdir(), 'dong-soan-templates-'));
    await copyFile(resolve(import.meta.dirname, '../../templates/bao-cao-so-ket.json'), join(templatesDir, 'a.json'));
    await writeFile(join(templatesDir, 'b.json'), JSON.stringify({ id: 'hong', title: 'Hỏng', docType: 'BÁO CÁO', docSymbol: 'BC', sections: [{ id: 'x', title: '' }] }));
    const server = await startServer({ config: { templatesDir } });
    try {
      const templates = (await (await get(server, `/api/templates`)).json()) as TemplateSummary[];
      expect(templates.map((template) => template.id)).toEqual(['bao-cao-so-ket']);
    } finally {
      await server.close();
      await rm(templatesDir, { recursive: true, force: true });
    }
  });
});
