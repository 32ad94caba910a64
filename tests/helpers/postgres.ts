/**
 * A PostgreSQL database of its own for a test: created on the machine's server (127.0.0.1:5432, trust
 * auth, user postgres; PG_ADMIN_URL overrides) and dropped again, connections and all, by `drop`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** postgres://… of the new, empty database. */
  url: string;
  name: string;
  /** Drops the database, ending whatever is still connected to it. */
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  /**
   * An ICU locale (`vi-VN`) to make the database's default collation, instead of the server's: for proving
   * that what the store sorts and compares does not depend on it.
   */
  icuLocale?: string;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `dong_soan_test_${randomBytes(6).toString('hex')}`;
  // Another collation than template1's needs template0; the locale is a test's constant, never input.
  const collation = options.icuLocale ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale}'` : '';
  await admin((client) => client.query(`CREATE DATABASE ${name}${collation}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
