import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { appendAudit, entryHash, genesisHash, sealAudit, verifyAudit } from './audit.service.ts';
import { testSecretHex } from '../../../test/env.ts';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Change rows of the append-only table the way an attacker with database access would. */
async function tamper(statement: string, values: unknown[] = []) {
  await server.sql('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
  try {
    await server.sql(statement, values);
  } finally {
    await server.sql('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
  }
}

describe('the audit trail', () => {
  it('chains each entry to the previous one of its stream', () => {
    const fields = {
      stream: 'x:1',
      seq: 1,
      at: new Date('2026-01-01T00:00:00Z'),
      actor_id: 1,
      actor_role: 'clerk',
      action: 'a',
      target_type: 'x',
      target_id: '1',
      request_id: null,
      digest: 'd',
      scope_path: null,
    };
    const first = entryHash(genesisHash, fields);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(genesisHash, { ...fields, action: 'b' })).not.toBe(first);
    expect(entryHash(first, { ...fields, seq: 2 })).not.toBe(entryHash(genesisHash, { ...fields, seq: 2 }));
  });

  it('records every write of the demo and verifies intact', async () => {
    const result = await verifyAudit(server.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThan(50);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log itself', async () => {
    await expect(server.sql("UPDATE audit_entry SET action = 'x' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(server.sql('DELETE FROM audit_entry WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(server.sql('TRUNCATE audit_entry, audit_seal')).rejects.toThrow(/append-only/);
  });

  it('cannot be rebuilt consistently without the platform secret', async () => {
    // an attacker who rewrites an entry's hash with plain SHA-256 over the same text is caught
    const { rows } = await server.sql("SELECT id, hash FROM audit_entry WHERE action = 'hall.create' ORDER BY id LIMIT 1");
    await tamper("UPDATE audit_entry SET hash = encode(sha256(convert_to(prev_hash || '|' || seq, 'UTF8')), 'hex') WHERE id = $1", [rows[0].id]);
    const result = await verifyAudit(server.db);
    expect(result.firstBroken).toMatchObject({ id: rows[0].id, reason: expect.stringContaining('hash') });
    await tamper('UPDATE audit_entry SET hash = $2 WHERE id = $1', [rows[0].id, rows[0].hash]);
    expect((await verifyAudit(server.db)).ok).toBe(true);
  });

  it('lets writers to different records append at the same time', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.db
          .transaction()
          .execute((tx) =>
            appendAudit(tx, { actorId: null, actorRole: null, action: 'test.parallel', targetType: 'parallel', targetId: i, requestId: null, change: { i } }),
          ),
      ),
    );
    expect((await verifyAudit(server.db)).ok).toBe(true);
  });

  it('passes `audit verify`, then fails naming the entry after a row is altered', async () => {
    const env = { ...process.env, DATABASE_URL: server.dbUrl, ONEWINDOW_SECRET: testSecretHex, LOG_LEVEL: 'warn' };
    const cli = path.resolve('src/server/main.ts');
    const ok = await run(process.execPath, [cli, 'audit', 'verify'], { env });
    expect(ok.stdout).toMatch(/audit trail intact: \d+ entries/);

    const { rows } = await server.sql("SELECT id, stream, seq FROM audit_entry WHERE action = 'organization.create' ORDER BY id LIMIT 1");
    const victim = rows[0];
    await tamper(`UPDATE audit_entry SET change = jsonb_set(change, '{name}', '"篡改"') WHERE id = $1`, [victim.id]);
    const failed = await run(process.execPath, [cli, 'audit', 'verify'], { env }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`AUDIT TRAIL BROKEN at entry ${victim.id}`);
    expect(failed.stderr).toContain('digest');
    const api = await (await signIn(server, 'supervisor1')).post('/api/v1/audit/verify');
    expect(api.body).toMatchObject({ ok: false, firstBroken: { id: victim.id } });
  }, 120_000);

  it('detects a deleted entry at the end of a stream through the seal chain', async () => {
    const fresh = await startTestServer();
    try {
      await sealAudit(fresh.db);
      const { rows } = await fresh.sql("SELECT id FROM audit_entry WHERE stream = 'hall:1' ORDER BY seq DESC LIMIT 1");
      await fresh.sql('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
      await fresh.sql('ALTER TABLE audit_seal DROP CONSTRAINT audit_seal_entry_id_fkey');
      await fresh.sql('DELETE FROM audit_entry WHERE id = $1', [rows[0].id]);
      const result = await verifyAudit(fresh.db);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ id: rows[0].id, reason: expect.stringContaining('deleted') });
    } finally {
      await fresh.close();
    }
  });

  it('shows each reader the trail of staff in their scope, and no trail to roles without audit rights', async () => {
    const cityAdmin = await signIn(server, 'centeradmin');
    const org = (await server.sql("SELECT id, version FROM organization WHERE name = '云州市公安局'")).rows[0];
    expect((await cityAdmin.patch(`/api/v1/org/organizations/${org.id}`, { phone: '0570-99999999', version: org.version })).status).toBe(200);
    const districtAdmin = await signIn(server, 'districtadmin');
    const qc = (await server.sql("SELECT id, version FROM organization WHERE name = '青川区政务服务中心'")).rows[0];
    expect((await districtAdmin.patch(`/api/v1/org/organizations/${qc.id}`, { phone: '0570-88888888', version: qc.version })).status).toBe(200);

    const supervisor = await signIn(server, 'supervisor1');
    const city = await supervisor.get('/api/v1/audit/entries?action=organization.update');
    expect(city.status).toBe(200);
    expect(city.body.items.map((e: { targetId: string }) => e.targetId).sort()).toEqual([String(org.id), String(qc.id)].sort());
    expect(city.body.items[0]).toMatchObject({ action: 'organization.update', targetType: 'organization' });

    const district = await districtAdmin.get('/api/v1/audit/entries?action=organization.update');
    expect(district.body.items.map((e: { targetId: string }) => e.targetId)).toEqual([String(qc.id)]);

    const sysadmin = await signIn(server, 'sysadmin');
    expect((await sysadmin.get('/api/v1/audit/entries?targetType=region')).body.total).toBe(15);
    // one target's trail: its own chain, whatever else changed around it
    const one = await supervisor.get(`/api/v1/audit/entries?targetType=organization&targetId=${qc.id}`);
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(one.body.items.every((e: { targetType: string; targetId: string }) => e.targetType === 'organization' && e.targetId === String(qc.id))).toBe(true);
    expect(one.body.items.map((e: { action: string }) => e.action)).toContain('organization.update');
    expect(
      (await supervisor.get(`/api/v1/audit/entries?targetType=region&targetId=${qc.id}`)).body.items.every(
        (e: { targetType: string }) => e.targetType === 'region',
      ),
    ).toBe(true);

    const clerk = await signIn(server, 'clerk1');
    expect((await clerk.get('/api/v1/audit/entries')).status).toBe(403);
  });
});
