import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type CompiledQuery,
  type DatabaseConnection,
  type RawBuilder,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { transactionEnded } from './reference-cache.ts';

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

/**
 * Statements with parameters run as named prepared statements: each connection parses and plans a
 * statement's text once and then only binds and executes it. The rollup upserts and the case reads
 * are large queries whose planning costs more than their execution. Texts are named in the order they
 * are first seen, up to a limit per process, so statements built with a varying text (an IN list of
 * varying length) cannot grow the server's memory without bound; beyond it they run unnamed.
 */
const maxPrepared = 400;
const preparedNames = new Map<string, string>();
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < maxPrepared) {
    name = `ow${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name;
}

/**
 * Connections pipeline (pg's `pipeline` mode): a statement is written without waiting for the answer to
 * the one before it, and answers come back in order. A transaction's BEGIN is answered at once and its
 * first statement follows it on the wire, which saves a round trip per transaction; should BEGIN itself
 * fail, the connection is closed, so nothing that follows it can run outside a transaction.
 *
 * The statements a connection is given in one turn of the event loop leave in one write: the socket is
 * corked at the first and uncorked once the turn's callbacks and promise continuations have run
 * (`process.nextTick`). BEGIN with the first statement, a pipelined write with the statement after it,
 * the last writes with COMMIT: each such group is one system call here and one read for the server,
 * where pg alone writes every statement by itself.
 *
 * An idle connection is kept for five minutes (pg's default closes it after ten seconds). A new backend
 * prepares and plans every statement again and fills its caches of the catalog: in the case benchmark, whose
 * server idles between rounds, the connections reopened after each pause cost PostgreSQL 0.5–1 s of CPU each,
 * and a third more CPU per transition over the round (0.94 ms, then 1.24–1.56 ms).
 */
const begun = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };
type Socketed = { connection: { stream: { destroy(): void; cork(): void; uncork(): void } } };

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Run a named prepared statement. The query object is made from the text (pg copies a config object
 * property by property, descriptors and all, for every query) and named afterwards, and its answer
 * comes to the callback directly.
 */
function prepared(query: QueryFn, name: string, text: string, values: unknown[]): Promise<pg.QueryResult> {
  const statement = new pg.Query(text, values) as pg.Query & { name: string; callback: (error: Error | null, result: pg.QueryResult) => void };
  statement.name = name;
  return new Promise((resolve, reject) => {
    statement.callback = (error, result) => (error ? reject(error) : resolve(result));
    query(statement);
  });
}

export function connect(url: string, max = 20): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 300_000, application_name: 'onewindow', pipeline: true } as pg.PoolConfig);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryFn;
    const stream = (client as unknown as Socketed).connection.stream;
    let corked = false;
    const uncork = () => {
      corked = false;
      stream.uncork();
    };
    (client as unknown as { query: QueryFn }).query = (config, values, callback) => {
      if (!corked) {
        corked = true;
        stream.cork();
        process.nextTick(uncork);
      }
      if (config === 'begin' && callback === undefined) {
        (query('begin') as Promise<unknown>).catch(() => stream.destroy());
        return Promise.resolve(begun);
      }
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
        const name = preparedName(config);
        if (name !== undefined) return prepared(query, name, config, values);
      }
      return query(config, values, callback);
    };
  });
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

/** What an argument stands for while a shaped statement is built (see `shapedStatement`). */
class Slot {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  toString(): string {
    throw new Error(`a shaped statement used its argument ${this.name} as text: use it as a value`);
  }
}

/** Builds statements without running them. */
const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const maxShapes = 100;

/**
 * A statement built with Kysely once per shape and then only given new arguments. Kysely builds a
 * query tree and compiles it to SQL on every call, which cost the hottest statements of a case action
 * more CPU in this process than PostgreSQL spent executing them; built once, the statement's text is
 * also the same string each time, whose prepared statement's name is found at once.
 *
 * `build(db, shape, args)` gets stand-ins for the named arguments: it must use each only as a value
 * (compared, set, inserted, or in a `sql` template) and never look at it — what decides the statement's
 * text (which columns, how many rows) is `shape`, named by `key(shape)`. A builder that uses an argument
 * otherwise, or not at all, fails at its first call. Beyond a hundred shapes a statement is built each time.
 */
export function shapedStatement<S, A extends Record<string, unknown>, R>(
  key: (shape: S) => string,
  build: (db: Db, shape: S, args: A) => Compilable<R> | RawBuilder<R>,
): (shape: S, args: A) => CompiledQuery<R> {
  const built = new Map<string, CompiledQuery<R>>();
  const compile = (shape: S, args: A) => {
    const query = build(builder, shape, args);
    return 'isRawBuilder' in query ? query.compile(builder) : query.compile();
  };
  return (shape, args) => {
    const name = key(shape);
    let statement = built.get(name);
    if (!statement) {
      if (built.size >= maxShapes) return compile(shape, args);
      const names = Object.keys(args);
      statement = compile(shape, Object.fromEntries(names.map((n) => [n, new Slot(n)])) as A);
      const used = new Set(statement.parameters.flatMap((p) => (p instanceof Slot ? [p.name] : [])));
      const unused = names.filter((n) => !used.has(n));
      if (unused.length > 0) throw new Error(`shaped statement ${name}: ${unused.join(', ')} not used as values`);
      built.set(name, statement);
    }
    const parameters = statement.parameters.map((p) => {
      if (!(p instanceof Slot)) return p;
      const value = args[p.name];
      // an expression decides the text: it belongs in the shape
      if (typeof value === 'object' && value !== null && 'toOperationNode' in value) throw new Error(`shaped statement ${name}: ${p.name} is an expression`);
      return value;
    });
    return { ...statement, parameters };
  };
}

/**
 * A transaction's connection, for writes whose answer nobody reads (the case timeline with its audit
 * entry and outbox row, the statistics' fact row): they are written at once and the transaction goes on
 * without waiting, so the next statement (or COMMIT) follows them on the wire. The connection answers in
 * order; should such a write fail, every statement after it fails too, and the transaction ends with the
 * write's own error and rolls back.
 */
interface Pipeline {
  connection: DatabaseConnection;
  pending: Promise<void>[];
  failure?: unknown;
}
const pipelines = new WeakMap<Executor, Pipeline>();

/**
 * Write `query` in the caller's transaction without waiting for its answer (see Pipeline). Outside a
 * transaction of `inTransaction` it runs and is waited for as usual.
 */
export async function pipelinedWrite(executor: Executor, query: RawBuilder<unknown> | Compilable | CompiledQuery): Promise<void> {
  const answer = pipelinedRows(executor, query);
  // in a pipeline, a failure is kept for the transaction's end (and must not go unhandled here)
  if (pipelines.has(executor)) answer.catch(() => {});
  else await answer;
}

/**
 * Send `query` in the caller's transaction now and read its rows later: the promise is kept while the
 * transaction goes on (a read just before COMMIT is answered with it, in the same round trip).
 */
export function pipelinedRows<R>(executor: Executor, query: RawBuilder<unknown> | Compilable<R> | CompiledQuery<R>): Promise<R[]> {
  const compiled = 'sql' in query ? query : 'isRawBuilder' in query ? query.compile(executor) : query.compile();
  const pipeline = pipelines.get(executor);
  if (!pipeline) return executor.executeQuery(compiled).then((r) => r.rows as R[]);
  const answer = pipeline.connection.executeQuery(compiled);
  pipeline.pending.push(
    answer.then(
      () => {},
      (error: unknown) => {
        pipeline.failure ??= error;
      },
    ),
  );
  return answer.then((r) => r.rows as R[]);
}

/** The first failure of a pipelined write, once every such write has been answered. */
async function pipelineFailure(pipeline: Pipeline | undefined): Promise<unknown> {
  if (!pipeline) return undefined;
  await Promise.all(pipeline.pending);
  return pipeline.failure;
}

/** Work to run once a transaction of `inTransaction` has committed, each function once (see afterCommit). */
const commitHooks = new WeakMap<Executor, Set<() => void>>();

/**
 * Run `fn` after the caller's transaction commits — never when it rolls back. Registering the same
 * function again in one transaction runs it once. It must not throw (the transaction has committed). Outside a
 * transaction of `inTransaction` it is not run.
 */
export function afterCommit(tx: Executor, fn: () => void): void {
  let hooks = commitHooks.get(tx);
  if (!hooks) commitHooks.set(tx, (hooks = new Set()));
  hooks.add(fn);
}

/** Writes a transaction of `inTransaction` holds back until its end (see beforeCommit). */
const endHooks = new WeakMap<Executor, Set<(tx: Executor) => Promise<void>>>();

/**
 * Have `write(tx)` run when the caller's transaction has done its work, just before its COMMIT, for
 * writes gathered along the way and sent as one (the case events of an action). Registering the same
 * function again in one transaction runs it once. False outside a transaction of `inTransaction`:
 * the caller writes at once.
 */
export function beforeCommit(tx: Executor, write: (tx: Executor) => Promise<void>): boolean {
  if (!pipelines.has(tx)) return false;
  let hooks = endHooks.get(tx);
  if (!hooks) endHooks.set(tx, (hooks = new Set()));
  hooks.add(write);
  return true;
}

/**
 * Run now what `beforeCommit` holds back in the caller's transaction, for a writer whose rows must
 * follow them (an audit entry or a domain event keeps the order of ids).
 */
export async function writeHeldBack(tx: Executor): Promise<void> {
  const hooks = endHooks.get(tx);
  if (!hooks) return;
  endHooks.delete(tx);
  for (const write of hooks) await write(tx);
}

/**
 * Run `fn` in one transaction: everything it writes commits together or not at all. What
 * `beforeCommit` holds back is written once `fn` has returned, before the COMMIT. When it ends, a
 * change of reference data it made drops the process's cache (reference-cache.ts); once it has
 * committed, the work `afterCommit` registered runs.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let opened: Tx | undefined;
  try {
    const result = await db.transaction().execute(async (tx) => {
      opened = tx;
      // the transaction's own connection (taking it sends nothing)
      let connection: DatabaseConnection | undefined;
      await tx.getExecutor().provideConnection(async (c) => {
        connection = c;
      });
      const pipeline: Pipeline = { connection: connection!, pending: [] };
      pipelines.set(tx, pipeline);
      try {
        const result = await fn(tx);
        await writeHeldBack(tx);
        return result;
      } catch (error) {
        throw (await pipelineFailure(pipeline)) ?? error;
      }
    });
    for (const hook of commitHooks.get(opened!) ?? []) hook();
    return result;
  } catch (error) {
    // a pipelined write that failed made COMMIT answer ROLLBACK: its error is the one to report
    throw (await pipelineFailure(opened && pipelines.get(opened))) ?? error;
  } finally {
    if (opened) {
      pipelines.delete(opened);
      endHooks.delete(opened);
      commitHooks.delete(opened);
      transactionEnded(opened);
    }
  }
}
