/** Who may download a report's Word file: anyone who may see the report (CONTRACT.md, "REST"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/report.js';
import { assignSection, createReport, login, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { fetchExport } from './support/exportServer.js';

describe('downloading a report as Word', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  /** Section 1 belongs to Phòng Nội vụ; Phòng Văn hóa - Thông tin owns nothing in it. */
  let report: Report;

  beforeAll(async () => {
    server = await startServer();
    ws = await seedWorkspace(server);
    report = await createReport(server.url, { title: 'Báo cáo thử quyền tải về' }, server.adminCookie);
    await assignSection(server.url, server.adminCookie, report.id, report.sections[0]!.id, ws.departments.noivu.id);
  });

  afterAll(async () => {
    await server?.close();
  });

  const as = (account: keyof Pick<SeededWorkspace, 'office' | 'noivu' | 'vhtt' | 'chair'>) =>
    login(server.url, ws[account].username, ws[account].password);

  it('is refused without a session (401)', async () => {
    const response = await fetchExport(server.url, null, report.id);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('is refused to a department that owns no section of the report (403)', async () => {
    const response = await fetchExport(server.url, await as('vhtt'), report.id);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('answers 404 for a report that does not exist or an id that cannot be one', async () => {
    for (const id of ['khong-co-bao-cao-nay', '..%2F..%2Fetc', 'x'.repeat(200)]) {
      const response = await fetchExport(server.url, server.adminCookie, id);
      expect(response.status, id).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('is given to the office, the chair and a department that owns a section', async () => {
    for (const account of ['office', 'chair', 'noivu'] as const) {
      const response = await fetchExport(server.url, await as(account), report.id);
      expect(response.status, account).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z-]*Bao-cao-thu-quyen-tai-ve\.docx"/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip
    }
  });
});
