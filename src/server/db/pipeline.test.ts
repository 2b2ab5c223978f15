import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { beforeCommit, connect, inTransaction, pipelinedRows, pipelinedWrite, shapedStatement, writeHeldBack, type Executor } from './database.ts';
import { fromPgError } from '../errors.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await sql`CREATE TABLE pipeline_probe (id int PRIMARY KEY, note text NOT NULL)`.execute(server.db);
});
afterAll(async () => {
  await server?.close();
});

const probes = async () => (await sql<{ id: number; note: string }>`SELECT id, note FROM pipeline_probe ORDER BY id`.execute(server.db)).rows;

describe('pipelined writes', () => {
  it('are seen by the statements after them and commit with the transaction', async () => {
    const seen = await inTransaction(server.db, async (tx) => {
      await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe VALUES (1, 'one')`);
      await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe VALUES (2, 'two')`);
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe`.execute(tx)).rows[0]!.n;
    });
    expect(seen).toBe(2);
    expect(await probes()).toEqual([
      { id: 1, note: 'one' },
      { id: 2, note: 'two' },
    ]);
  });

  it('roll the transaction back with their own error when one fails, before or at COMMIT', async () => {
    // the failing write is followed by a statement, which fails because of it
    const followed = await inTransaction(server.db, async (tx) => {
      await sql`INSERT INTO pipeline_probe VALUES (3, 'three')`.execute(tx);
      await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe VALUES (1, 'again')`);
      await sql`SELECT 1`.execute(tx);
    }).catch((e: { code?: string; constraint?: string }) => e);
    expect(followed).toMatchObject({ code: '23505', constraint: 'pipeline_probe_pkey' });

    // the failing write is the last one: COMMIT answers ROLLBACK, and the write's error is reported
    const last = await inTransaction(server.db, async (tx) => {
      await sql`INSERT INTO pipeline_probe VALUES (4, 'four')`.execute(tx);
      await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe VALUES (2, 'again')`);
    }).catch((e: { code?: string }) => e);
    expect(last).toMatchObject({ code: '23505' });

    expect(await probes()).toEqual([
      { id: 1, note: 'one' },
      { id: 2, note: 'two' },
    ]);
  });

  it('end the transaction with 409 when a row changed since it was read (changed_meanwhile)', async () => {
    const failed = await inTransaction(server.db, async (tx) => {
      await sql`INSERT INTO pipeline_probe VALUES (5, 'five')`.execute(tx);
      await pipelinedWrite(
        tx,
        sql`WITH t AS (UPDATE pipeline_probe SET note = 'changed' WHERE id = 1 AND note = 'as read' RETURNING id)
            SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM t) THEN changed_meanwhile('the probe was changed by someone else') END`,
      );
      await sql`SELECT 1`.execute(tx);
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'OW409' });
    expect(fromPgError(failed)).toMatchObject({ code: 'CONFLICT', status: 409, details: { reason: 'the probe was changed by someone else' } });
    expect((await probes()).map((p) => p.id)).toEqual([1, 2]);
  });

  it('leave in one write with the statements given in the same turn', async () => {
    const handle = connect(server.dbUrl, 1);
    try {
      // the pool's one connection, its socket's writes counted
      const client = await handle.pool.connect();
      type Write = (...args: unknown[]) => unknown;
      const socket = (client as unknown as { connection: { stream: { _write: Write; _writev?: Write } } }).connection.stream;
      client.release();
      let writes = 0;
      const write = socket._write.bind(socket);
      const writev = socket._writev?.bind(socket);
      socket._write = (...a: unknown[]) => (writes++, write(...a));
      if (writev) socket._writev = (...a: unknown[]) => (writes++, writev(...a));

      const seen = await inTransaction(handle.db, async (tx) => {
        // BEGIN, two writes and the read leave together; COMMIT, sent once the read is answered, by itself
        await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe VALUES (6, 'six')`);
        await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe VALUES (7, 'seven')`);
        return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe WHERE id >= 6`.execute(tx)).rows[0]!.n;
      });
      expect(seen).toBe(2);
      expect(writes).toBe(2);
    } finally {
      await sql`DELETE FROM pipeline_probe WHERE id >= 6`.execute(handle.db);
      await handle.close();
    }
  });

  it('run and are waited for outside a transaction', async () => {
    await pipelinedWrite(server.db, sql`INSERT INTO pipeline_probe VALUES (5, 'five')`);
    expect((await probes()).map((p) => p.id)).toEqual([1, 2, 5]);
    await expect(pipelinedWrite(server.db, sql`INSERT INTO pipeline_probe VALUES (5, 'again')`)).rejects.toMatchObject({ code: '23505' });
  });
});

describe('writes held back for the commit', () => {
  // a writer that gathers rows along the transaction and sends them as one statement (as the case events do)
  const gathered = new WeakMap<Executor, string[]>();
  const gather = async (tx: Executor, note: string) => {
    const notes = gathered.get(tx);
    if (notes) return void notes.push(note);
    gathered.set(tx, [note]);
    if (!beforeCommit(tx, send)) await send(tx);
  };
  const send = async (tx: Executor) => {
    const notes = gathered.get(tx) ?? [];
    gathered.delete(tx);
    await pipelinedWrite(tx, sql`INSERT INTO pipeline_probe SELECT 100 + n, note FROM unnest(${notes}::text[]) WITH ORDINALITY AS v(note, n)`);
  };
  const held = async () => (await sql<{ id: number; note: string }>`SELECT id, note FROM pipeline_probe WHERE id >= 100 ORDER BY id`.execute(server.db)).rows;

  it('are written once the work is done, in one statement, and commit with it', async () => {
    const seen = await inTransaction(server.db, async (tx) => {
      await gather(tx, 'a');
      await gather(tx, 'b');
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe WHERE id >= 100`.execute(tx)).rows[0]!.n;
    });
    // not yet written while the work went on; both in one statement (one command of the transaction) at its end
    expect(seen).toBe(0);
    expect(await held()).toEqual([
      { id: 101, note: 'a' },
      { id: 102, note: 'b' },
    ]);
    const commands = await sql<{ n: number }>`SELECT count(DISTINCT cmin::text)::int AS n FROM pipeline_probe WHERE id >= 100`.execute(server.db);
    expect(commands.rows[0]!.n).toBe(1);
    await sql`DELETE FROM pipeline_probe WHERE id >= 100`.execute(server.db);
  });

  it('are written earlier for a reader that needs them, and never when the transaction fails', async () => {
    const seen = await inTransaction(server.db, async (tx) => {
      await gather(tx, 'c');
      await writeHeldBack(tx);
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe WHERE id >= 100`.execute(tx)).rows[0]!.n;
    });
    expect(seen).toBe(1);
    await sql`DELETE FROM pipeline_probe WHERE id >= 100`.execute(server.db);

    const failed = await inTransaction(server.db, async (tx) => {
      await gather(tx, 'd');
      throw new Error('the action fails after gathering');
    }).catch((e: Error) => e.message);
    expect(failed).toBe('the action fails after gathering');
    expect(await held()).toEqual([]);
  });

  it('are written at once outside a transaction of inTransaction', async () => {
    await server.db.transaction().execute(async (tx) => {
      await gather(tx, 'e');
      expect(await held()).toEqual([]); // not committed yet, but written: the transaction sees it
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe WHERE id >= 100`.execute(tx)).rows[0]!.n).toBe(1);
    });
    expect(await held()).toEqual([{ id: 101, note: 'e' }]);
    await sql`DELETE FROM pipeline_probe WHERE id >= 100`.execute(server.db);
  });
});

describe('shaped statements', () => {
  it('are built once per shape and run with each call’s arguments', async () => {
    let builds = 0;
    const probe = shapedStatement(
      (shape: { doubled: boolean }) => String(shape.doubled),
      (_db, shape, v: { id: number; note: string }) => {
        builds += 1;
        return sql<{ id: number; note: string }>`SELECT ${v.id}::int AS id, ${shape.doubled ? sql`${v.note} || ${v.note}` : sql`${v.note}`} AS note`;
      },
    );
    const one = probe({ doubled: false }, { id: 1, note: '一' });
    const two = probe({ doubled: false }, { id: 2, note: '二' });
    const twice = probe({ doubled: true }, { id: 3, note: '三' });
    expect(builds).toBe(2);
    expect(two.sql).toBe(one.sql);
    expect((await server.db.executeQuery(one)).rows).toEqual([{ id: 1, note: '一' }]);
    expect((await server.db.executeQuery(two)).rows).toEqual([{ id: 2, note: '二' }]);
    expect((await server.db.executeQuery(twice)).rows).toEqual([{ id: 3, note: '三三' }]);
    // typed queries too, pipelined in a transaction
    const head = shapedStatement(
      () => '',
      (db, _shape, v: { username: string }) => db.selectFrom('account').select(['username']).where('username', '=', v.username),
    );
    const [row] = await inTransaction(server.db, (tx) => pipelinedRows(tx, head('', { username: 'clerk1' })));
    expect(row).toEqual({ username: 'clerk1' });
  });

  it('refuse a builder that uses an argument as text or not at all, and an expression as an argument', () => {
    const asText = shapedStatement(
      () => '',
      (_db, _shape, v: { column: string }) => sql`SELECT ${sql.raw(`${v.column}`)}`,
    );
    expect(() => asText('', { column: 'id' })).toThrow('used its argument column as text');
    const unused = shapedStatement(
      () => '',
      (_db, _shape, v: { id: number; note: string }) => sql`SELECT ${v.id}`,
    );
    expect(() => unused('', { id: 1, note: 'x' })).toThrow('note not used as values');
    const select = shapedStatement(
      () => '',
      (_db, _shape, v: { value: unknown }) => sql`SELECT ${v.value}`,
    );
    expect(select('', { value: 1 }).parameters).toEqual([1]);
    expect(() => select('', { value: sql`now()` })).toThrow('value is an expression');
  });
});
