import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { drainOutbox, emitEvent, onEvent, startOutboxDispatcher } from '../../server/events.ts';
import { inTransaction } from '../../server/db/database.ts';
import { companyApplication } from '../../../test/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the message center', () => {
  it('delivers the demo’s window assignments once each, however many dispatchers drain at once', async () => {
    const pending = (await server.sql('SELECT count(*)::int AS n FROM domain_event WHERE processed_at IS NULL')).rows[0].n;
    expect(pending).toBeGreaterThan(0);
    const drained = await Promise.all([server.drainOutbox(), server.drainOutbox(), server.drainOutbox(), server.drainOutbox()]);
    expect(drained.reduce((a, b) => a + b, 0)).toBe(pending);
    const { rows } = await server.sql("SELECT account_id, count(*)::int AS n FROM message WHERE kind = 'assignment' GROUP BY account_id");
    expect(rows.length).toBeGreaterThan(0);
    // clerk1 holds window 1 A and window 2 B: two messages, one per assignment event
    const clerk = await signIn(server, 'clerk1');
    const inbox = await clerk.get('/api/v1/messages');
    expect(inbox.body.items.filter((m: { kind: string }) => m.kind === 'assignment')).toHaveLength(2);
    expect(inbox.body.unread).toBe(2);
    const sms = await server.sql("SELECT count(*)::int AS n FROM channel_delivery d JOIN account a ON a.id = d.account_id WHERE a.username = 'clerk1'");
    expect(sms.rows[0].n).toBe(2);
  });

  it('marks messages read, one or all, only the reader’s own', async () => {
    const clerk = await signIn(server, 'clerk1');
    const inbox = await clerk.get('/api/v1/messages');
    const first = inbox.body.items[0].id;
    const other = await signIn(server, 'clerk2');
    expect((await other.post('/api/v1/messages/read', { ids: [first] })).body.updated).toBe(0);
    expect((await clerk.post('/api/v1/messages/read', { ids: [first] })).body.updated).toBe(1);
    expect((await clerk.get('/api/v1/messages/unread-count')).body.unread).toBe(1);
    expect((await clerk.post('/api/v1/messages/read', { ids: 'all' })).body.updated).toBe(1);
    expect((await clerk.get('/api/v1/messages?unread=true')).body.items).toHaveLength(0);
  });

  it('retries a failing consumer later without losing or doubling the event', async () => {
    let failures = 1;
    let handled = 0;
    onEvent('test.flaky', 'test.flaky-consumer', async () => {
      if (failures-- > 0) throw new Error('gateway down');
      handled += 1;
    });
    await server.db
      .transaction()
      .execute((tx) => emitEvent(tx, { type: 'test.flaky', streamType: 'test', streamId: 1, payload: {}, actorId: null, requestId: null }));
    await drainOutbox(server.db);
    const row = (await server.sql("SELECT attempts, last_error, processed_at FROM domain_event WHERE type = 'test.flaky'")).rows[0];
    expect(row).toMatchObject({ attempts: 1, last_error: 'gateway down', processed_at: null });
    await server.sql('UPDATE domain_event SET available_at = now() WHERE processed_at IS NULL');
    await drainOutbox(server.db);
    await drainOutbox(server.db);
    expect(handled).toBe(1);
  });

  it('delivers an event as soon as its transaction commits, and not one that rolled back', async () => {
    await drainOutbox(server.db);
    const seen: string[] = [];
    onEvent('test.prompt', 'test.prompt-consumer', async (_tx, event) => {
      seen.push(String(event.streamId));
    });
    // no timer within the test: only the commit can wake this dispatcher
    const errors: object[] = [];
    const dispatcher = startOutboxDispatcher(server.db, { error: (o) => errors.push(o) }, { pollMs: 3_600_000 });
    try {
      await new Promise((r) => setTimeout(r, 100));
      const emit = (streamId: string) => (tx: Parameters<typeof emitEvent>[0]) =>
        emitEvent(tx, { type: 'test.prompt', streamType: 'test', streamId, payload: {}, actorId: null, requestId: null });
      await expect(
        inTransaction(server.db, async (tx) => {
          await emit('rolled-back')(tx);
          throw new Error('the action fails after its event');
        }),
      ).rejects.toThrow('the action fails');
      await inTransaction(server.db, emit('committed'));
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual(['committed']);
      // a case action's events wake it too: the applicant is told at acceptance
      const clerk = await signIn(server, 'clerk1');
      const citizen = await signIn(server, 'citizen1');
      const code = (await citizen.get(`/api/v1/catalog/items?q=${encodeURIComponent('企业设立登记')}`)).body.items[0].code as string;
      const item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
      const applicantId = (await clerk.get(`/api/v1/applicants?q=${encodeURIComponent('林小雨')}`)).body[0].id;
      const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber;
      const before = (await citizen.get('/api/v1/messages/unread-count')).body.unread as number;
      const applied = await citizen.post('/api/v1/cases', { itemCode: code, ...companyApplication(item, '云州即达科技有限公司', idNumber) });
      expect(applied.status).toBe(201);
      expect((await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' })).status).toBe(200);
      let unread = before;
      for (let i = 0; i < 100 && unread === before; i++) {
        await new Promise((r) => setTimeout(r, 20));
        unread = (await citizen.get('/api/v1/messages/unread-count')).body.unread;
      }
      expect(unread).toBeGreaterThan(before);
      expect(errors).toEqual([]);
    } finally {
      await dispatcher.stop();
    }
  });

  it('shows the recorded SMS to administrators with masked numbers', async () => {
    const admin = await signIn(server, 'centeradmin');
    const r = await admin.get('/api/v1/notify/deliveries?channel=sms');
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.items[0].recipient).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(r.body.items[0].body).toMatch(/^【一窗通办】/);
    const clerk = await signIn(server, 'clerk1');
    expect((await clerk.get('/api/v1/notify/deliveries')).status).toBe(403);
  });
});
