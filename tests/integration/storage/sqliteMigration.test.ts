/**
 * Opening a SQLite file written before the review existed (issue 9): the review's tables are created, the
 * reports and rooms already there are kept, and the review works on them.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_SCHEMA } from '../../../server/storage/sqlite/reviewSchema.js';
import { SCHEMA } from '../../../server/storage/sqlite/schema.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import type { Store } from '../../../server/storage/store.js';

const REVIEW_TABLES = ['audit_log', 'comment_mentions', 'comment_replies', 'comment_threads', 'section_reviews', 'suggestions'];

describe('SQLite: a file from before the review', () => {
  let dir: string;
  let file: string;
  const stores: Store[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-migration-'));
    file = join(dir, 'dong-soan.sqlite');
    // The schema as it was before issue 9, with a report written by that version.
    const old = new Database(file);
    old.exec(SCHEMA.replace(REVIEW_SCHEMA, ''));
    old.prepare("INSERT INTO reports VALUES ('r-cu', 'Báo cáo cũ', 'draft', 'bao-cao-so-ket', 'BÁO CÁO', '2024-12-01T08:00:00.000Z')").run();
    old.prepare("INSERT INTO report_sections VALUES ('r-cu', 'tham-muu', 0, 'THAM MƯU', NULL)").run();
    old.prepare("INSERT INTO doc_updates (room, seq, data) VALUES ('r-cu/section/tham-muu', 1, x'0102')").run();
    old.close();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const tables = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name);
    } finally {
      db.close();
    }
  };

  it('creates the review’s tables, keeps what was there, and reviews the old report', async () => {
    expect(tables()).not.toContain('section_reviews');
    const store = openSqliteStore(file);
    stores.push(store);
    expect(tables()).toEqual(expect.arrayContaining(REVIEW_TABLES));

    expect((await store.getReport('r-cu'))?.sections.map((section) => section.id)).toEqual(['tham-muu']);
    expect((await store.loadDocument('r-cu/section/tham-muu')).updates).toHaveLength(1);
    const review = { reportId: 'r-cu', sectionId: 'tham-muu', state: 'approved' as const, note: null, by: 'u1', byName: 'Chủ tịch', at: '2025-01-01T00:00:00.000Z', changedBy: null, changedAt: null };
    await store.setSectionReview(review, { reportId: 'r-cu', at: review.at, userId: 'u1', action: 'section.approved', detail: { sectionId: 'tham-muu' } });
    expect(await store.listSectionReviews('r-cu')).toEqual([review]);
  });

  it('opens the migrated file again without changing it', async () => {
    const first = openSqliteStore(file);
    await first.setSectionReview(
      { reportId: 'r-cu', sectionId: 'tham-muu', state: 'returned', note: 'Bổ sung', by: 'u1', byName: 'Chủ tịch', at: '2025-01-01T00:00:00.000Z', changedBy: null, changedAt: null },
      { reportId: 'r-cu', at: '2025-01-01T00:00:00.000Z', userId: 'u1', action: 'section.returned', detail: {} },
    );
    await first.close();
    const again = openSqliteStore(file);
    stores.push(again);
    expect((await again.getSectionReview('r-cu', 'tham-muu'))?.note).toBe('Bổ sung');
    expect((await again.listAudit('r-cu')).map((entry) => entry.action)).toEqual(['section.returned']);
  });
});
