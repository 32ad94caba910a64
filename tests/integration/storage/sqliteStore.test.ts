import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMappedFiles } from '../../../server/storage/sqlite/mappedFile.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import type { Store } from '../../../server/storage/store.js';
import { describeStoreContract } from './storeContract.js';

describeStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dong-soan-sqlite-'));
  // A folder that does not exist yet: the store creates it, as it does for a fresh DATA_DIR.
  const file = join(dir, 'data', 'dong-soan.db');
  const opened: Store[] = [openSqliteStore(file)];
  return {
    store: opened[0]!,
    async reopen() {
      const store = openSqliteStore(file);
      opened.push(store);
      return store;
    },
    async cleanup() {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

// The server's store: the same file with the append journal beside it (sqlite/appendJournal.ts), its one writer.
describeStoreContract(
  'SQLite with the append journal',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dong-soan-sqlite-journal-'));
    const files = loadMappedFiles();
    if (files instanceof Error) throw files;
    const openJournaled = () => openSqliteStore(join(dir, 'dong-soan.db'), { journal: { path: join(dir, 'dong-soan.journal'), files } });
    const opened: Store[] = [openJournaled()];
    return {
      store: opened[0]!,
      async reopen() {
        const store = openJournaled();
        opened.push(store);
        return store;
      },
      async cleanup() {
        for (const store of opened) await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  { writers: 'one' },
);
