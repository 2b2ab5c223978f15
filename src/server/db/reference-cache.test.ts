import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { inTransaction } from './database.ts';
import { cachedReference, dropReferenceCache, listenForReferenceChanges, referenceChanged } from './reference-cache.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A loader that counts its reads, over a real row. */
function regionName(id: number) {
  let reads = 0;
  const load = async (db: Parameters<typeof cachedReference>[0]) => {
    reads += 1;
    return (await db.selectFrom('region').select('name').where('id', '=', id).executeTakeFirst())?.name;
  };
  return { load, reads: () => reads };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('reference cache', () => {
  it('reads once, and again after a transaction that changed reference data ends', async () => {
    dropReferenceCache();
    const { rows } = await server.sql<{ id: number; name: string }>('SELECT id::int, name FROM region ORDER BY id LIMIT 1');
    const { id, name } = rows[0]!;
    const r = regionName(id);
    const read = (db = server.db) => cachedReference(db, `test-region:${id}`, () => r.load(db));
    expect(await read()).toBe(name);
    expect(await read()).toBe(name);
    expect(r.reads()).toBe(1);

    await inTransaction(server.db, async (tx) => {
      await referenceChanged(tx);
      await tx.updateTable('region').set({ name: '改名区' }).where('id', '=', id).execute();
      // the changing transaction sees its own change, and other readers still see the committed name
      expect(await read(tx)).toBe('改名区');
      expect(await read()).toBe(name);
    });
    expect(await read()).toBe('改名区');
    await server.sql('UPDATE region SET name = $1 WHERE id = $2', [name, id]);
    dropReferenceCache();
  });

  it('forgets nothing when the change rolls back, but keeps no value read during it', async () => {
    dropReferenceCache();
    const { rows } = await server.sql<{ id: number; name: string }>('SELECT id::int, name FROM region ORDER BY id LIMIT 1');
    const { id, name } = rows[0]!;
    const r = regionName(id);
    const read = () => cachedReference(server.db, `test-region:${id}`, () => r.load(server.db));
    await expect(
      inTransaction(server.db, async (tx) => {
        await referenceChanged(tx);
        await tx.updateTable('region').set({ name: '不会提交' }).where('id', '=', id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await read()).toBe(name);

    // a read that began before a change was committed is not kept
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cachedReference(server.db, 'test-slow', async () => {
      await gate;
      return 'old';
    });
    dropReferenceCache();
    release();
    expect(await slow).toBe('old');
    expect(await cachedReference(server.db, 'test-slow', async () => 'new')).toBe('new');
  });

  it('drops the cache when another process commits a change (NOTIFY)', async () => {
    const listener = listenForReferenceChanges(server.dbUrl, { error: () => {} });
    try {
      let reads = 0;
      const read = () => cachedReference(server.db, 'test-remote', async () => ++reads);
      // wait until the listener is connected: its connection drops the cache once
      await until(() => {
        void read();
        return reads >= 2;
      });
      const before = reads;
      expect(await read()).toBe(before);
      // another process: its own connection, a change committed with the notification
      const other = new pg.Client({ connectionString: server.dbUrl });
      await other.connect();
      await other.query('BEGIN');
      await other.query(`SELECT pg_notify('onewindow_reference', '')`);
      await other.query('COMMIT');
      await other.end();
      await until(() => {
        void read();
        return reads > before;
      });
    } finally {
      await listener.stop();
    }
  });

  it('a calendar changed through the API moves the next deadline at once', async () => {
    const { Client } = await import('../../../test/harness.ts');
    const admin = new Client(server.baseUrl);
    expect((await admin.login('sysadmin')).status).toBe(200);
    // Thursday 2031-03-06 + 1 working day = Friday; once that Friday is a holiday, the Monday after
    const deadline = async () => (await admin.get('/api/v1/calendar/deadline?start=2031-03-06&days=1')).body.due as string;
    const before = await deadline();
    expect(before).toContain('2031-03-07');
    expect(await deadline()).toBe(before);
    const put = await admin.put('/api/v1/calendar/days', { days: [{ date: '2031-03-07', kind: 'holiday', name: '测试假日' }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await deadline()).toContain('2031-03-10');
  });
});
