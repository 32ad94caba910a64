/**
 * The PostgreSQL connection every postgres/ module shares: a pool, one-statement queries, and
 * transactions on one pooled client (committed, or rolled back when the function throws).
 */
import pg from 'pg';

/** What a module may run: a statement on the pool, or on the client of a transaction. */
export interface PgQueryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

/** Several reads that must describe one state of the database (a report and its sections, a page and its total). */
export const CONSISTENT_READ = { isolation: 'repeatable read', readOnly: true } as const;

export interface PgDb extends PgQueryable {
  /**
   * A statement prepared once per pooled connection under `name` and then only bound and run (issue 13:
   * the rooms' append, sent for every keystroke, is not parsed and planned each time).
   */
  queryPrepared<R extends pg.QueryResultRow = pg.QueryResultRow>(name: string, text: string, values: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * Runs `work` in one transaction on one client: committed when it resolves, rolled back when it throws
   * (the error is rethrown). `readOnly` transactions may run on a standby one day.
   */
  transaction<T>(work: (tx: PgQueryable) => Promise<T>, options?: { isolation?: Isolation; readOnly?: boolean }): Promise<T>;
  /** Closes the pool once the statements under way have finished. */
  end(): Promise<void>;
  readonly pool: pg.Pool;
}

// bigint (int8: sequence numbers, counts) as a JavaScript number: every value here stays far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens a pool on `url` (postgres://user@host:port/database). Nothing is connected until the first query. */
export function openPgDb(url: string, options: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client whose server went away emits 'error' on the pool: the pool drops it; nothing to crash for.
  pool.on('error', () => {});
  return {
    pool,
    query: (text, values) => pool.query(text, values as unknown[]),
    queryPrepared: (name, text, values) => pool.query({ name, text, values: values as unknown[] }),
    async transaction(work, options = {}) {
      const client = await pool.connect();
      try {
        const mode = [`isolation level ${options.isolation ?? 'read committed'}`, options.readOnly ? 'read only' : 'read write'];
        await client.query(`BEGIN ${mode.join(' ')}`);
        const result = await work({ query: (text, values) => client.query(text, values as unknown[]) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A broken connection cannot roll back; it is released destroyed below.
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}

/** True for PostgreSQL's unique_violation (a taken username, a duplicate id, a number already issued). */
export function isPgUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}

/** True for a foreign key violation (a thread on a report that does not exist). */
export function isPgForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23503';
}

/** A Uint8Array as a Buffer for a bytea parameter, without copying. */
export function byteaOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
