import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { drainOutbox, emitEvent, onEvent } from '../../server/events.ts';

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
