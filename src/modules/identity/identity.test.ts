import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn, startTestServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('signing in', () => {
  it('signs a clerk in with an HttpOnly session cookie and returns the CSRF token and roles', async () => {
    const c = new Client(server.baseUrl);
    const r = await c.login('clerk1');
    expect(r.status).toBe(200);
    expect(r.body.user.username).toBe('clerk1');
    expect(r.body.user.roles.map((x: { role: string }) => x.role)).toEqual(['clerk']);
    expect(r.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = r.headers.getSetCookie().find((x) => x.startsWith('ow_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.displayName).toBe('张丽');
  });

  it('refuses a wrong password with the error shape, in Chinese by default and English on request', async () => {
    const c = new Client(server.baseUrl);
    const zh = await c.post('/api/v1/auth/login', { username: 'clerk2', password: 'wrong-password' });
    expect(zh.status).toBe(401);
    expect(zh.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(zh.body.error.message).toBe('用户名或密码错误');
    const en = await c.post('/api/v1/auth/login', { username: 'no-such-user', password: 'x' }, { 'accept-language': 'en-US,en' });
    expect(en.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong user name or password' });
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password, and tells the owner', async () => {
    const c = new Client(server.baseUrl);
    for (let i = 0; i < 4; i++) expect((await c.post('/api/v1/auth/login', { username: 'approver2', password: 'bad' })).status).toBe(401);
    const fifth = await c.post('/api/v1/auth/login', { username: 'approver2', password: 'bad' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    const until = new Date(fifth.body.error.details.lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect((await c.login('approver2')).status).toBe(423);

    await server.drainOutbox();
    const { rows } = await server.sql(
      "SELECT m.kind FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'approver2' AND m.kind = 'security'",
    );
    expect(rows.map((r) => r.kind)).toEqual(['security']);
    const sms = await server.sql(
      "SELECT d.recipient_mask, d.body FROM channel_delivery d JOIN account a ON a.id = d.account_id JOIN domain_event e ON e.id = d.event_id WHERE a.username = 'approver2' AND e.type = 'identity.account.locked'",
    );
    expect(sms.rows).toHaveLength(1);
    expect(sms.rows[0].recipient_mask).toMatch(/^139\*{4}\d{4}$/);
    expect(sms.rows[0].body).toContain('锁定');

    // the lock lifts when its time has passed
    await server.sql("UPDATE account SET locked_until = now() - interval '1 second' WHERE username = 'approver2'");
    expect((await c.login('approver2')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const c = await signIn(server, 'supervisor1');
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await server.sql(
      "UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE account_id = (SELECT id FROM account WHERE username = 'supervisor1')",
    );
    const r = await c.get('/api/v1/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const c = await signIn(server, 'catalogadmin');
    await server.sql("UPDATE session SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE username = 'catalogadmin')");
    expect((await c.get('/api/v1/auth/me')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const c = await signIn(server, 'operator1');
    const stolen = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    const other = new Client(server.baseUrl);
    other.cookie = stolen;
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lists my sessions and revokes another one', async () => {
    const a = await signIn(server, 'unit1');
    const b = await signIn(server, 'unit1');
    const list = await a.get('/api/v1/auth/sessions');
    expect(list.body).toHaveLength(2);
    const other = list.body.find((s: { isCurrent: boolean }) => !s.isCurrent);
    expect((await a.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('rejects a cookie-authenticated write without the token and changes nothing', async () => {
    const c = await signIn(server, 'centeradmin');
    const before = await server.sql('SELECT count(*)::int AS n FROM service_window');
    const r = await c.post('/api/v1/org/windows', { hallId: 1, number: '88', name: '测试窗口', kind: 'comprehensive' }, { 'x-csrf-token': 'forged' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CSRF_FAILED');
    const after = await server.sql('SELECT count(*)::int AS n FROM service_window');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const ok = await c.post('/api/v1/org/windows', { hallId: 1, number: '88', name: '测试窗口', kind: 'comprehensive' });
    expect(ok.status).toBe(201);
  });
});

describe('passwords', () => {
  it('enforces the password policy and ends other sessions on change', async () => {
    const a = await signIn(server, 'citizen2');
    const b = await signIn(server, 'citizen2');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: 'OneWindow@2026', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const ok = await a.post('/api/v1/auth/password', { currentPassword: 'OneWindow@2026', newPassword: 'Another#Pass2027' });
    expect(ok.status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await new Client(server.baseUrl).login('citizen2', 'Another#Pass2027')).status).toBe(200);
  });
});

describe('applicants', () => {
  it('registers a citizen on the portal with a validated ID number, stored encrypted and shown masked', async () => {
    const c = new Client(server.baseUrl);
    const bad = await c.post('/api/v1/auth/register', {
      username: 'newcitizen',
      password: 'Citizen#2026x',
      kind: 'person',
      name: '测试',
      idNumber: '110101199003071234',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_ID_NUMBER');
    const ok = await c.post('/api/v1/auth/register', {
      username: 'newcitizen',
      password: 'Citizen#2026x',
      kind: 'person',
      name: '钱多多',
      idNumber: '11010519491231002X',
      phone: '13712345678',
    });
    expect(ok.status).toBe(201);
    const { rows } = await server.sql('SELECT id_number_enc, id_number_mask, phone_enc FROM applicant WHERE id = $1', [ok.body.applicantId]);
    expect(rows[0].id_number_enc).not.toContain('11010519491231002X');
    expect(rows[0].phone_enc).not.toContain('13712345678');
    expect(rows[0].id_number_mask).toBe('110105********002X');
    expect((await c.login('newcitizen', 'Citizen#2026x')).status).toBe(200);
    const me = await c.get('/api/v1/auth/me');
    expect(me.body.user.applicant).toMatchObject({ name: '钱多多', idNumber: '110105********002X', phone: '137****5678' });
  });

  it('lets a clerk find an applicant by exact ID number and reveal it, with an audit entry', async () => {
    const c = await signIn(server, 'clerk1');
    const found = await c.get('/api/v1/applicants?idNumber=11010519491231002X');
    expect(found.body).toHaveLength(1);
    expect(found.body[0].idNumber).toBe('110105********002X');
    const revealed = await c.post(`/api/v1/applicants/${found.body[0].id}/reveal`);
    expect(revealed.body.idNumber).toBe('11010519491231002X');
    const audit = await server.sql("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'applicant.reveal' AND target_id = $1", [
      String(found.body[0].id),
    ]);
    expect(audit.rows[0].n).toBe(1);
    // by part of the name (its characters and pairs of characters, migration 0029 and 0046): 钱多多 holds 多 twice
    const named = async (q: string) => ((await c.get(`/api/v1/applicants?q=${encodeURIComponent(q)}`)).body as { name: string }[]).map((a) => a.name);
    for (const q of ['钱', '多', '钱多', '多多', '钱多多']) expect(await named(q), q).toContain('钱多多');
    for (const q of ['多钱', '钱多多多']) expect(await named(q), q).not.toContain('钱多多');
    expect(
      (
        await server.sql(
          "SELECT name_grams('钱多多') @> ARRAY['钱', '多', '钱多', '多多'] AND ARRAY['钱', '多', '钱多', '多多'] @> name_grams('钱多多') AS same",
        )
      ).rows[0].same,
    ).toBe(true);
    const citizen = await signIn(server, 'citizen1');
    expect((await citizen.get('/api/v1/applicants?q=钱')).status).toBe(403);
  });
});

describe('API keys', () => {
  it('authenticates an integration with a Bearer key without CSRF', async () => {
    const admin = await signIn(server, 'sysadmin');
    const me = await admin.get('/api/v1/auth/me');
    const key = await admin.post('/api/v1/api-keys', { accountId: me.body.user.id, name: '数据共享平台' });
    expect(key.status).toBe(201);
    const r = await fetch(`${server.baseUrl}/api/v1/org/halls`, { headers: { authorization: `Bearer ${key.body.key}` } });
    expect(r.status).toBe(200);
    const bad = await fetch(`${server.baseUrl}/api/v1/org/halls`, { headers: { authorization: 'Bearer ow_nope' } });
    expect(bad.status).toBe(401);
  });
});

describe('agents (代办)', () => {
  it('lets a citizen authorize another registered citizen, who then sees whom they act for, until revoked', async () => {
    const citizen1 = await signIn(server, 'citizen1');
    const citizen2Id = (await server.sql("SELECT ap.id FROM applicant ap JOIN account a ON a.id = ap.account_id WHERE a.username = 'citizen2'")).rows[0].id;
    const { idNumber } = (await (await signIn(server, 'clerk1')).post(`/api/v1/applicants/${citizen2Id}/reveal`)).body;
    const unknown = await citizen1.post('/api/v1/agents', { kind: 'person', idNumber: '11010519491231002X' });
    expect(unknown.status).toBe(201); // registered earlier in this file
    const r = await citizen1.post('/api/v1/agents', { kind: 'person', idNumber, validUntil: '2099-12-31' });
    expect(r.status).toBe(201);
    const citizen2 = new Client(server.baseUrl);
    await citizen2.login('citizen2', 'Another#Pass2027');
    const mine = await citizen2.get('/api/v1/agents');
    expect(mine.body.actingFor.map((a: { principal: { name: string } }) => a.principal.name)).toEqual(['林小雨']);
    expect(mine.body.actingFor[0].principal.idNumber).toMatch(/\*{8}/);
    expect((await citizen2.delete(`/api/v1/agents/${r.body.id}`)).status).toBe(404); // only the principal revokes
    expect((await citizen1.delete(`/api/v1/agents/${r.body.id}`)).status).toBe(200);
    expect((await citizen2.get('/api/v1/agents')).body.actingFor).toEqual([]);
  });

  it('refuses staff and unknown agents', async () => {
    const clerk = await signIn(server, 'clerk1');
    expect((await clerk.get('/api/v1/agents')).status).toBe(403);
    const citizen1 = await signIn(server, 'citizen1');
    const r = await citizen1.post('/api/v1/agents', { kind: 'person', idNumber: '110101199003074477' });
    expect(r.status).toBe(404);
  });
});
