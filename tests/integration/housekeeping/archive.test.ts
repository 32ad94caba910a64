/**
 * Archiving (issue 10, item 7): an archived report is hidden from the default list and shown with the
 * filter "Lưu trữ" (`?archived=true`), for everyone who may see it; it stays readable and writable, and is
 * brought back by unarchiving. Both are written to the audit log. The list shows who is involved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportListEntry } from '../../../common/report.js';
import { ok, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';
import { writeParagraph } from './support.js';

describe('archiving a report', () => {
  let f: WorkflowFixture;
  let report: Report;
  let other: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport('Báo cáo năm 2023');
    other = await f.newReport('Báo cáo năm 2025');
  });
  afterEach(async () => {
    await f.close();
  });

  const listed = async (who: Who, query = '') => (await ok<ReportListEntry[]>(f.as(who, 'GET', `/api/reports${query}`))).map((entry) => entry.id);

  it('hides it from the default list and shows it under “Lưu trữ”, for every reader, until it is unarchived', async () => {
    const archived = await ok<Report>(f.as('office', 'PATCH', `/api/reports/${report.id}`, { archived: true }));
    expect(archived.archivedAt).toBe(f.clock.now().toISOString());
    for (const who of ['office', 'admin', 'chair', 'noivu', 'vhtt'] as const) {
      expect(await listed(who), who).toEqual([other.id]);
      expect(await listed(who, '?archived=true'), who).toEqual([report.id]);
      expect(await listed(who, '?archived=false'), who).toEqual([other.id]);
    }
    // Not shared with the stranger, archived or not.
    expect(await listed('stranger', '?archived=true')).toEqual([]);
    // Still a report like any other: readable, writable.
    expect((await ok<Report>(f.as('noivu', 'GET', `/api/reports/${report.id}`))).archivedAt).toBe(archived.archivedAt);
    await writeParagraph(f, 'noivu', report.id, 'tham-muu', 'Viết vào báo cáo lưu trữ.');

    const back = await ok<Report>(f.as('admin', 'PATCH', `/api/reports/${report.id}`, { archived: false }));
    expect(back.archivedAt).toBeUndefined();
    expect((await listed('office')).sort()).toEqual([report.id, other.id].sort());
    expect(await listed('office', '?archived=true')).toEqual([]);

    // Archiving what is archived already changes nothing and writes nothing.
    await ok(f.as('office', 'PATCH', `/api/reports/${other.id}`, { archived: false }));
    const log = await ok<Array<{ action: string; userId: string }>>(f.as('chair', 'GET', `/api/reports/${report.id}/audit`));
    expect(log.filter((entry) => entry.action.startsWith('report.')).map(({ action, userId }) => [action, userId])).toEqual([
      ['report.created', f.ids.office],
      ['report.archived', f.ids.office],
      ['report.unarchived', f.ids.admin],
    ]);
    expect((await ok<Array<{ action: string }>>(f.as('chair', 'GET', `/api/reports/${other.id}/audit`))).map((e) => e.action)).not.toContain(
      'report.unarchived',
    );
  });

  it('renames and archives in one call', async () => {
    const changed = await ok<Report>(f.as('office', 'PATCH', `/api/reports/${report.id}`, { title: 'Báo cáo năm 2023 (cũ)', archived: true }));
    expect(changed).toMatchObject({ title: 'Báo cáo năm 2023 (cũ)', archivedAt: expect.any(String) });
  });

  it('lists who is involved: the departments owning its sections, in section order, each once', async () => {
    const entry = (await ok<ReportListEntry[]>(f.as('office', 'GET', '/api/reports'))).find((candidate) => candidate.id === report.id)!;
    expect(entry.departmentIds).toEqual([f.ws.departments.noivu.id, f.ws.departments.vhtt.id]);
    await ok(f.as('office', 'PUT', `/api/reports/${report.id}/sections/kien-nghi`, { ownerDepartmentId: f.ws.departments.noivu.id }));
    await ok(f.as('office', 'PUT', `/api/reports/${report.id}/sections/tham-muu`, { ownerDepartmentId: null }));
    const after = (await ok<ReportListEntry[]>(f.as('office', 'GET', '/api/reports'))).find((candidate) => candidate.id === report.id)!;
    expect(after.departmentIds).toEqual([f.ws.departments.vhtt.id, f.ws.departments.noivu.id]);
    const log = await ok<Array<{ action: string; detail: Record<string, string> }>>(f.as('office', 'GET', `/api/reports/${report.id}/audit`));
    expect(log.filter((e) => e.action === 'section.assigned').map((e) => e.detail)).toEqual([
      { sectionId: 'tham-muu', from: '', to: f.ws.departments.noivu.id },
      { sectionId: 'ket-qua', from: '', to: f.ws.departments.vhtt.id },
      { sectionId: 'kien-nghi', from: '', to: f.ws.departments.noivu.id },
      { sectionId: 'tham-muu', from: f.ws.departments.noivu.id, to: '' },
    ]);
  });
});
