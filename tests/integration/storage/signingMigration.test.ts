/**
 * Opening a SQLite file written before the signing tables existed (issue 10, items 3–4): they are created
 * with their triggers, the issued report and its Word file already there are kept, and the old report gets
 * its PDF and signed copies; opening the file again changes nothing.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA } from '../../../server/storage/sqlite/schema.js';
import { SIGNING_SCHEMA } from '../../../server/storage/sqlite/signingSchema.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import type { Store } from '../../../server/storage/store.js';

const SIGNING_OBJECTS = ['report_pdfs', 'report_pdfs_fixed', 'signed_copies', 'signed_copies_fixed'];

describe('SQLite: a file from before the signing tables', () => {
  let dir: string;
  let file: string;
  const stores: Store[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-signing-migration-'));
    file = join(dir, 'dong-soan.sqlite');
    // The schema as it was before, with a report issued by that version.
    const old = new Database(file);
    expect(SCHEMA).toContain(SIGNING_SCHEMA);
    old.exec(SCHEMA.replace(SIGNING_SCHEMA, ''));
    old.prepare("INSERT INTO reports VALUES ('r-cu', 'Báo cáo cũ', 'issued', 'bao-cao-so-ket', 'BÁO CÁO', '2024-12-01T08:00:00.000Z')").run();
    old
      .prepare(
        `INSERT INTO report_issues VALUES ('r-cu', 'BC-UBND', 2024, 7, '2024-12-20', '2024-12-20T02:00:00.000Z', 'u1', '${'cd'.repeat(32)}', 'attachment; filename="bao-cao.docx"', x'504b0304')`,
      )
      .run();
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

  const signedCopy = {
    reportId: 'r-cu',
    sha256: 'ef'.repeat(32),
    size: 4,
    fileName: 'ban-da-ky.pdf',
    contentType: 'application/pdf' as const,
    uploadedBy: 'u1',
    uploadedByName: 'Văn phòng',
    uploadedAt: '2025-01-02T08:00:00.000Z',
    signatures: [],
    data: Uint8Array.of(0x25, 0x50, 0x44, 0x46),
  };

  it('creates the signing tables, keeps the issued report and its file, and stores the old report’s PDF and signed copy', async () => {
    expect(schemaObjects()).not.toContain('signed_copies');
    const store = openSqliteStore(file);
    stores.push(store);
    expect(schemaObjects()).toEqual(expect.arrayContaining(SIGNING_OBJECTS));

    expect(await store.getReport('r-cu')).toMatchObject({ status: 'issued', issue: { number: 7, symbol: 'BC-UBND', year: 2024 } });
    expect(Buffer.from((await store.getIssuedFile('r-cu'))!.docx).toString('hex')).toBe('504b0304');
    const audit = { reportId: 'r-cu', at: '2025-01-02T08:00:00.000Z', userId: 'u1', detail: {} };
    const pdf = { reportId: 'r-cu', sha256: 'ab'.repeat(32), pdf: Uint8Array.of(0x25, 0x50), renderedAt: '2025-01-02T08:00:00.000Z', renderedBy: 'u1' };
    expect(await store.storeIssuedPdf(pdf, { ...audit, action: 'export.pdf' })).toMatchObject({ sha256: pdf.sha256 });
    expect(await store.addSignedCopy(signedCopy, { ...audit, action: 'signed.uploaded' })).toBe(true);
    expect((await store.listAudit('r-cu')).map((entry) => entry.action)).toEqual(['export.pdf', 'signed.uploaded']);
  });

  it('opens the migrated file again without changing it, the PDF and the copy kept', async () => {
    const first = openSqliteStore(file);
    await first.addSignedCopy(signedCopy, { reportId: 'r-cu', at: signedCopy.uploadedAt, userId: 'u1', action: 'signed.uploaded', detail: {} });
    await first.close();
    const again = openSqliteStore(file);
    stores.push(again);
    expect(Buffer.from((await again.getSignedCopy('r-cu'))!.data).toString('latin1')).toBe('%PDF');
    expect(await again.listSignedCopies('r-cu')).toHaveLength(1);
    // A stored copy never changes: the table refuses it.
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE signed_copies SET file_name = 'khac.pdf'").run()).toThrow(/does not change/);
    } finally {
      db.close();
    }
  });
});
