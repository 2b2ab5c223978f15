import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

/**
 * The typed shape of every table. Each module adds its own tables to this interface in its
 * `*.tables.ts` file (module augmentation), so a module owns its schema types.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Stores accept either the database or a transaction. */
export type Executor = Db | Tx;

// bigint (int8) as number where it fits: counts and ids stay well inside 2^53 here.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as number
pg.types.setTypeParser(1700, (v) => Number(v));
// date as a civil date string, never shifted by a time zone
pg.types.setTypeParser(1082, (v) => v);

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connect(url: string, max = 20): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'onewindow' });
  let closing = false;
  pool.on('error', (error: Error & { code?: string }) => {
    // 57P01: the server is shutting down; expected while we stop.
    if (closing || error.code === '57P01') return;
    console.error('database pool error', error);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    async close() {
      closing = true;
      await db.destroy();
    },
  };
}

/** Run `fn` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
