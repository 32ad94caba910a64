/**
 * Opening a SQLite file written before the workflow existed (issue 10): its tables and triggers are created,
 * the reports, rooms and review already there are kept, and an old approved report can be issued.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA } from '../../../server/storage/sqlite/schema.js';
import { WORKFLOW_SCHEMA } from '../../../server/storage/sqlite/workflowSchema.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import type { Store } from '../../../server/storage/store.js';
import type { StatusChange } from '../../../server/storage/workflowStore.js';

const WORKFLOW_TABLES = ['report_issues', 'report_version_rooms', 'report_versions'];

describe('SQLite: a file from before the workflow', () => {
  let dir: string;
  let file: string;
  const stores: Store[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-migration-'));
    file = join(dir, 'dong-soan.sqlite');
    // The schema as it was before issue 10, with an approved report (and its review) written by that version.
    const old = new Database(file);
    old.exec(SCHEMA.replace(WORKFLOW_SCHEMA, ''));
    old.prepare("INSERT INTO reports VALUES ('r-cu', 'Báo cáo cũ', 'approved', 'bao-cao-so-ket', 'BÁO CÁO', '2024-12-01T08:00:00.000Z')").run();
    old.prepare("INSERT INTO report_sections VALUES ('r-cu', 'tham-muu', 0, 'THAM MƯU', NULL)").run();
    old.prepare("INSERT INTO doc_updates (room, seq, data) VALUES ('r-cu/section/tham-muu', 1, x'0102')").run();
    old.prepare("INSERT INTO audit_log (report_id, at, user_id, action, detail) VALUES ('r-cu', '2024-12-02T08:00:00.000Z', 'u1', 'section.approved', '{}')").run();
    old.close();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const schemaObjects = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all().map((row) => row.name);
    } finally {
      db.close();
    }
  };

  const issueOld = (): StatusChange => ({
    reportId: 'r-cu',
    from: 'approved',
    to: 'issued',
    audit: { reportId: 'r-cu', at: '2025-01-02T08:00:00.000Z', userId: 'u2', action: 'status.issued', detail: {} },
    version: {
      id: 'v1',
      reportId: 'r-cu',
      label: 'Ban hành số 01/BC-UBND',
      kind: 'status',
      status: 'issued',
      createdAt: '2025-01-02T08:00:00.000Z',
      createdBy: 'u2',
      createdByName: 'Văn phòng',
      rooms: new Map([['r-cu/section/tham-muu', Uint8Array.of(0, 0)]]),
    },
    issue: {
      reportId: 'r-cu',
      symbol: 'BC-UBND',
      year: 2025,
      number: 1,
      date: '2025-01-02',
      issuedAt: '2025-01-02T08:00:00.000Z',
      issuedBy: 'u2',
      sha256: 'cd'.repeat(32),
      disposition: 'attachment; filename="bao-cao.docx"',
      docx: Uint8Array.of(80, 75, 3, 4),
    },
  });

  it('creates the workflow’s tables, keeps what was there, and issues the old report', async () => {
    expect(schemaObjects()).not.toContain('report_issues');
    const store = openSqliteStore(file);
    stores.push(store);
    expect(schemaObjects()).toEqual(expect.arrayContaining([...WORKFLOW_TABLES, 'report_issues_fixed', 'reports_issued_final']));

    expect(await store.getReport('r-cu')).toMatchObject({ status: 'approved', sections: [{ id: 'tham-muu' }] });
    expect((await store.loadDocument('r-cu/section/tham-muu')).updates).toHaveLength(1);
    expect(await store.changeStatus(issueOld())).toBe(true);
    expect(await store.getReport('r-cu')).toMatchObject({ status: 'issued', issue: { number: 1, symbol: 'BC-UBND', year: 2025 } });
    expect((await store.listAudit('r-cu')).map((entry) => entry.action)).toEqual(['section.approved', 'status.issued']);
  });

  it('opens the migrated file again without changing it, the issue and its file kept', async () => {
    const first = openSqliteStore(file);
    await first.changeStatus(issueOld());
    await first.close();
    const again = openSqliteStore(file);
    stores.push(again);
    expect(Buffer.from((await again.getIssuedFile('r-cu'))!.docx).toString('hex')).toBe('504b0304');
    expect((await again.listVersions('r-cu')).map((version) => version.label)).toEqual(['Ban hành số 01/BC-UBND']);
    expect(await again.lastIssuedNumber('BC-UBND', 2025)).toBe(1);
  });
});
