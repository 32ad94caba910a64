/**
 * The audit log is append-only for the application (issue 10, item 6): the storage interface has no way
 * to change or remove an entry, the SQLite table's triggers refuse UPDATE and DELETE whoever sends them,
 * and deleting a report leaves its entries. A file written before (with the report's foreign key, and
 * without the triggers) is migrated once, its entries kept in order.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA } from '../../../server/storage/sqlite/schema.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import type { AuditRecord } from '../../../server/storage/reviewStore.js';
import type { ReportRecord, Store } from '../../../server/storage/store.js';

const entry = (reportId: string | null, action: string, minute: number): AuditRecord => ({
  reportId,
  at: `2025-06-30T03:${String(minute).padStart(2, '0')}:00.000Z`,
  userId: 'u-office',
  action,
  detail: { note: action },
});

const draft = (id: string): ReportRecord => ({
  id,
  title: `Báo cáo ${id}`,
  status: 'draft',
  templateId: 'bao-cao-so-ket',
  docType: 'BÁO CÁO',
  createdAt: '2025-06-01T00:00:00.000Z',
  sections: [{ id: 'tham-muu', title: 'THAM MƯU', ownerDepartmentId: null }],
});

describe('the audit log, append-only', () => {
  let dir: string;
  let file: string;
  const stores: Store[] = [];
  const open = () => {
    const store = openSqliteStore(file);
    stores.push(store);
    return store;
  };
  /** Runs SQL on the file as someone with a SQLite shell would, outside the store. */
  const raw = (sql: string) => {
    const db = new Database(file);
    try {
      return db.prepare(sql).run();
    } finally {
      db.close();
    }
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-audit-'));
    file = join(dir, 'dong-soan.sqlite');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('offers no way to change or remove an entry', () => {
    const store = open();
    const auditMethods = Object.keys(store).filter((name) => /audit/i.test(name)).sort();
    expect(auditMethods).toEqual(['appendAudit', 'listAudit', 'queryAudit']);
  });

  it('refuses UPDATE and DELETE of entries in the table itself, whatever the SQL', async () => {
    const store = open();
    await store.createReport(draft('r1'), new Map());
    await store.appendAudit([entry('r1', 'export.docx', 1), entry(null, 'signin.succeeded', 2)]);
    for (const sql of [
      "UPDATE audit_log SET action = 'khac'",
      "UPDATE audit_log SET detail = '{}' WHERE report_id IS NULL",
      'DELETE FROM audit_log',
      "DELETE FROM audit_log WHERE action = 'export.docx'",
    ]) {
      expect(() => raw(sql), sql).toThrow(/append-only/);
    }
    expect((await store.queryAudit({ limit: 10 })).entries.map((e) => e.action)).toEqual(['signin.succeeded', 'export.docx']);
  });

  it('keeps the entries of a deleted report, and of no report at all', async () => {
    const store = open();
    await store.createReport(draft('r1'), new Map([['r1/frame', Uint8Array.of(0, 0)]]), [entry('r1', 'report.created', 0)]);
    await store.appendAudit([entry(null, 'signin.failed', 1)]);
    expect(await store.deleteReport('r1', entry('r1', 'report.deleted', 2))).toBe(true);
    expect(await store.getReport('r1')).toBeNull();
    expect((await store.listAudit('r1')).map((e) => e.action)).toEqual(['report.created', 'report.deleted']);
    expect((await store.queryAudit({ limit: 10 })).total).toBe(3);
  });

  it('migrates a file from before: entries kept in order, the foreign key gone, the triggers there; once', async () => {
    const old = new Database(file);
    old.exec(SCHEMA);
    old.prepare("INSERT INTO reports VALUES ('r-cu', 'Báo cáo cũ', 'draft', 'bao-cao-so-ket', 'BÁO CÁO', '2024-12-01T08:00:00.000Z')").run();
    const insert = old.prepare("INSERT INTO audit_log (report_id, at, user_id, action, detail) VALUES ('r-cu', ?, 'u1', ?, '{}')");
    insert.run('2024-12-02T08:00:00.000Z', 'comment.created');
    insert.run('2024-12-03T08:00:00.000Z', 'section.approved');
    old.close();

    const store = open();
    expect((await store.listAudit('r-cu')).map((e) => e.action)).toEqual(['comment.created', 'section.approved']);
    await store.appendAudit([entry(null, 'signin.succeeded', 5)]);
    expect((await store.queryAudit({ limit: 10 })).entries.map((e) => [e.seq, e.action])).toEqual([
      [3, 'signin.succeeded'],
      [2, 'section.approved'],
      [1, 'comment.created'],
    ]);
    expect(() => raw('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(await store.deleteReport('r-cu', entry('r-cu', 'report.deleted', 6))).toBe(true);
    await store.close();

    const db = new Database(file, { readonly: true });
    const migrations = db.prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id').all().map((row) => row.id);
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(reports)').all().map((row) => row.name);
    db.close();
    expect(migrations).toEqual(['2025-12-audit-log-append-only', '2025-12-reports-archived', '2026-12-doc-updates-by-room']);
    expect(columns).toContain('archived_at');
    // Opened again: nothing is applied twice.
    const again = open();
    expect((await again.listAudit('r-cu')).map((e) => e.action)).toEqual(['comment.created', 'section.approved', 'report.deleted']);
  });
});
