/**
 * The PostgreSQL store: the contract every store passes, on a database emptied before each test, and what
 * only a shared database has to prove — instances starting and appending at the same moment, a database that
 * cannot be reached, an audit log and issues that refuse changes made behind the store's back, and an
 * order that does not depend on the database's collation.
 */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../../server/storage/postgres/schema.js';
import { openPostgresStore } from '../../../server/storage/postgresStore.js';
import type { Store } from '../../../server/storage/store.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from '../../helpers/postgres.js';
import { describeStoreContract } from './storeContract.js';

/** Small pools: the server is shared with other tests. */
const POOL_SIZE = 4;

/** Runs SQL on `url` directly, as someone with a psql shell would. */
async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * One database for the contract tests of this file, emptied before each: quicker than creating and
 * migrating one per test (measured on the 2-core test machine: about 15 ms to empty it, 170–230 ms to
 * create, migrate and drop one). The audit log refuses DELETE, so the emptying runs as a replica applies
 * changes, with triggers off (the test server's superuser may); the tests of the next block, which need
 * an empty server-side state of their own, still get a database each.
 */
let shared: Promise<TestDatabase> | null = null;
afterAll(async () => {
  await (await shared)?.drop();
});
async function emptiedDatabase(): Promise<TestDatabase> {
  shared ??= (async () => {
    const database = await createTestDatabase();
    await (await openPostgresStore(database.url, { poolSize: 1 })).close();
    return database;
  })();
  const database = await shared;
  await sql(
    database.url,
    `SET session_replication_role = replica;
     DO $$ DECLARE name text; BEGIN
       FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' LOOP
         EXECUTE 'DELETE FROM ' || quote_ident(name);
       END LOOP;
     END $$;`,
  );
  return database;
}

describeStoreContract('PostgreSQL', async () => {
  const database = await emptiedDatabase();
  const opened: Store[] = [];
  const open = async () => {
    const store = await openPostgresStore(database.url, { poolSize: POOL_SIZE });
    opened.push(store);
    return store;
  };
  await open();
  return {
    store: opened[0]!,
    reopen: open,
    async cleanup() {
      for (const store of opened) await store.close();
    },
  };
});

describe('PostgreSQL store', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const newDatabase = async (options?: TestDatabaseOptions) => {
    const database = await createTestDatabase(options);
    cleanups.push(() => database.drop());
    return database.url;
  };
  const openStore = async (url: string) => {
    const store = await openPostgresStore(url, { poolSize: POOL_SIZE });
    cleanups.push(() => store.close());
    return store;
  };

  it('applies each migration once when two instances start on an empty database at the same moment', async () => {
    const url = await newDatabase();
    const [first, second] = await Promise.all([openStore(url), openStore(url)]);
    const { rows } = await sql(url, 'SELECT id FROM schema_migrations ORDER BY applied_at, id');
    expect(rows.map((row: { id: string }) => row.id).sort()).toEqual(PG_MIGRATIONS.map((migration) => migration.id).sort());
    await first.setSetting('k', '"v"');
    expect(await second.getSetting('k')).toBe('"v"');
    // A third start finds nothing left to do.
    await openStore(url);
    expect((await sql(url, 'SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(PG_MIGRATIONS.length);
  });

  it('runs the tasks of one key one at a time across instances, other keys freely, even with more tasks than connections', async () => {
    const url = await newDatabase();
    const [first, second] = await Promise.all([openStore(url), openStore(url)]);
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const a = first.runExclusive!('bc-1', async () => {
      events.push('A starts');
      firstStarted();
      await firstHolds;
      events.push('A ends');
    });
    await started;
    const b = second.runExclusive!('bc-1', async () => {
      events.push('B runs');
    });
    // Another report's task is not held up; nor are many at once, each using the store inside its lock.
    await Promise.all(
      Array.from({ length: POOL_SIZE * 3 }, (_, i) => second.runExclusive!(`bc-other-${i}`, () => second.getSetting(`k${i}`))),
    );
    expect(events).toEqual(['A starts']);
    releaseFirst();
    await Promise.all([a, b]);
    expect(events).toEqual(['A starts', 'A ends', 'B runs']);
  });

  it('rejects a database that cannot be reached with a message that says so, without its password', async () => {
    const refused = openPostgresStore('postgres://postgres:secret@127.0.0.1:1/dong_soan', { poolSize: 1 });
    await expect(refused).rejects.toThrow(/^the PostgreSQL database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/dong_soan cannot be reached: .*ECONNREFUSED/);
    await expect(refused).rejects.not.toThrow(/secret/);
    const url = new URL(await newDatabase());
    url.pathname = '/dong_soan_no_such_database';
    await expect(openPostgresStore(url.toString(), { poolSize: 1 })).rejects.toThrow(/cannot be reached: database "dong_soan_no_such_database" does not exist/);
  });

  it('answers ping while open and closes once, however often close is called', async () => {
    const store = await openStore(await newDatabase());
    await store.ping();
    await Promise.all([store.close(), store.close()]);
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });

  it('refuses to update, delete or truncate the audit log, even in SQL', async () => {
    const url = await newDatabase();
    const store = await openStore(url);
    const entry = { reportId: null, at: '2025-06-30T03:00:00.000Z', userId: 'u1', action: 'signin.succeeded', detail: { ip: '10.0.0.1' } };
    await store.appendAudit([entry]);
    await expect(sql(url, "UPDATE audit_log SET action = 'signin.failed'")).rejects.toThrow('the audit log is append-only');
    await expect(sql(url, 'DELETE FROM audit_log')).rejects.toThrow('the audit log is append-only');
    await expect(sql(url, 'TRUNCATE audit_log')).rejects.toThrow('the audit log is append-only');
    expect((await store.queryAudit({ limit: 10 })).entries).toEqual([{ seq: expect.any(Number), ...entry }]);
  });

  it('refuses to change an issue, or the status of an issued report, even in SQL', async () => {
    const url = await newDatabase();
    const store = await openStore(url);
    const report = { id: 'r1', title: 'Báo cáo', status: 'approved' as const, templateId: 't', docType: 'BÁO CÁO', createdAt: '2025-03-01T08:00:00.000Z', sections: [] };
    await store.createReport(report, new Map());
    const audit = { reportId: 'r1', at: '2025-06-30T03:00:00.000Z', userId: 'u1', action: 'status.issued', detail: {} };
    const version = { id: 'v1', reportId: 'r1', label: 'Ban hành', kind: 'status' as const, status: 'issued' as const, createdAt: audit.at, createdBy: 'u1', createdByName: null, rooms: new Map() };
    const docx = Uint8Array.of(0x50, 0x4b, 3, 4);
    const issue = { reportId: 'r1', symbol: 'BC-UBND', year: 2025, number: 1, date: '2025-06-30', issuedAt: audit.at, issuedBy: 'u1', sha256: 'ab'.repeat(32), disposition: 'attachment', docx };
    expect(await store.changeStatus({ reportId: 'r1', from: 'approved', to: 'issued', audit, version, issue })).toBe(true);
    await expect(sql(url, 'UPDATE report_issues SET number = 2')).rejects.toThrow('an issued report does not change');
    await expect(sql(url, "UPDATE reports SET status = 'draft'")).rejects.toThrow('an issued report does not change');
    expect(Buffer.from((await store.getIssuedFile('r1'))!.docx).toString('hex')).toBe('504b0304');
  });

  it('numbers the updates of a room 1, 2, 3… without holes while two instances append at once', async () => {
    const url = await newDatabase();
    const [first, second] = await Promise.all([openStore(url), openStore(url)]);
    const appends = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? first : second).appendUpdate('r1/frame', Uint8Array.of(i)));
    // Another room of the same report counts on its own.
    const other = await second.appendUpdate('r1/review', Uint8Array.of(1));
    const seqs = await Promise.all(appends);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(other).toBe(1);
    const stored = await first.loadDocument('r1/frame');
    expect(stored.lastSeq).toBe(120);
    const byteOfSeq = new Map(seqs.map((seq, i) => [seq, i]));
    expect(stored.updates.map((update) => update[0])).toEqual(Array.from({ length: 120 }, (_, i) => byteOfSeq.get(i + 1)));
  });

  it('makes the updates of a room visible in their order: an instance catching up never finds a gap', async () => {
    const url = await newDatabase();
    const [first, second, reader] = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    const total = 150;
    let finished = false;
    const appending = Promise.all(
      Array.from({ length: total }, (_, i) => (i % 2 === 0 ? first : second).appendUpdate('r1/frame', Uint8Array.of(i % 256))),
    ).finally(() => (finished = true));
    // Each read must continue exactly where the last one stopped: seq after+1, after+2, …
    let after = 0;
    let reads = 0;
    while (!finished || after < total) {
      const updates = (await reader.loadUpdatesAfter('r1/frame', after))!;
      expect(updates.map((entry) => entry.seq)).toEqual(updates.map((_, i) => after + i + 1));
      after += updates.length;
      reads++;
      if (finished && updates.length === 0) break;
    }
    await appending;
    expect(after).toBe(total);
    expect(reads).toBeGreaterThan(1);
  });

  it('sorts names and ids byte for byte, as SQLite does, whatever the collation of the database', async () => {
    const store = await openStore(await newDatabase({ icuLocale: 'vi-VN' }));
    const names = ['Phòng Nội vụ', 'phòng kinh tế', 'Đội thuế', 'Ban chỉ huy', 'ban tiếp dân', 'Phòng Kinh tế'];
    for (const [i, name] of names.entries()) await store.createDepartment({ id: `d${i}`, name, disabled: false });
    const byteOrder = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect((await store.listDepartments()).map((department) => department.name)).toEqual(byteOrder);

    const ids = ['r-b', 'R-a', 'r_a', 'đ-1', 'r-A'];
    for (const id of ids) await store.createReport({ id, title: id, status: 'draft', templateId: 't', docType: 'BÁO CÁO', createdAt: '2025-03-01T08:00:00.000Z', sections: [] }, new Map());
    const idOrder = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect((await store.listReports()).map((report) => report.id)).toEqual(idOrder);
  });
});
