import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { demoCreditCode } from '../../server/seed/demo.ts';

let server: TestServer;
let cityAdmin: Client;
let districtAdmin: Client;
let ids: { city: number; qingchuan: number; linjiang: number; qcCenter: number; ljCenter: number; market: number; hall: number; qcHall: number };

beforeAll(async () => {
  server = await startTestServer();
  cityAdmin = await signIn(server, 'centeradmin');
  districtAdmin = await signIn(server, 'districtadmin');
  const q = async (text: string) => (await server.sql(text)).rows[0].id as number;
  ids = {
    city: await q("SELECT id FROM region WHERE name = '云州市'"),
    qingchuan: await q("SELECT id FROM region WHERE name = '青川区'"),
    linjiang: await q("SELECT id FROM region WHERE name = '临江区'"),
    qcCenter: await q("SELECT id FROM organization WHERE name = '青川区政务服务中心'"),
    ljCenter: await q("SELECT id FROM organization WHERE name = '临江区政务服务中心'"),
    market: await q("SELECT id FROM organization WHERE name = '云州市市场监督管理局'"),
    hall: await q("SELECT id FROM hall WHERE name = '云州市政务服务中心'"),
    qcHall: await q("SELECT id FROM hall WHERE name = '青川区政务服务中心'"),
  };
});
afterAll(async () => {
  await server?.close();
});

const count = async (table: string) => (await server.sql(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

describe('regions', () => {
  it('serves the four-level tree publicly', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/org/regions`);
    const tree = (await r.json()) as { level: string }[];
    expect(tree.filter((x) => x.level === 'city')).toHaveLength(1);
    expect(tree.filter((x) => x.level === 'district')).toHaveLength(2);
    expect(tree.filter((x) => x.level === 'street')).toHaveLength(4);
    expect(tree.filter((x) => x.level === 'community')).toHaveLength(8);
  });

  it('adds a street under a district only with a code that extends the district code', async () => {
    const bad = await districtAdmin.post('/api/v1/org/regions', { code: '990103009000', name: '错街道', parentId: ids.qingchuan });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('code');
    const ok = await districtAdmin.post('/api/v1/org/regions', { code: '990102003000', name: '西溪街道', parentId: ids.qingchuan });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ level: 'street', parentId: ids.qingchuan });
  });
});

describe('scope', () => {
  it('shows a district administrator only the organizations of their district', async () => {
    const r = await districtAdmin.get('/api/v1/org/organizations?limit=100');
    expect(r.status).toBe(200);
    expect(r.body.items.map((o: { name: string }) => o.name)).toEqual(['青川区政务服务中心']);
    const city = await cityAdmin.get('/api/v1/org/organizations?limit=100');
    expect(city.body.total).toBe(17);
  });

  it('answers 404 for another district’s organization, to read or to change, and changes nothing', async () => {
    expect((await districtAdmin.get(`/api/v1/org/organizations/${ids.ljCenter}`)).status).toBe(404);
    const patch = await districtAdmin.patch(`/api/v1/org/organizations/${ids.ljCenter}`, { name: '被改名', version: 1 });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('NOT_FOUND');
    const { rows } = await server.sql('SELECT name FROM organization WHERE id = $1', [ids.ljCenter]);
    expect(rows[0].name).toBe('临江区政务服务中心');
    const create = await districtAdmin.post('/api/v1/org/organizations', {
      creditCode: demoCreditCode('11', '990103', 500),
      name: '临江区某局',
      kind: 'department',
      regionId: ids.linjiang,
    });
    expect(create.status).toBe(404);
  });

  it('answers 403 to a role without the permission at all', async () => {
    const citizen = await signIn(server, 'citizen1');
    expect((await citizen.get('/api/v1/org/organizations')).status).toBe(403);
    const clerk = await signIn(server, 'clerk1');
    const r = await clerk.post('/api/v1/org/organizations', {
      creditCode: demoCreditCode('11', '990100', 501),
      name: '某局',
      kind: 'department',
      regionId: ids.city,
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('asks anonymous callers to sign in', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/org/organizations`);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps a district administrator from granting roles outside the district', async () => {
    const r = await districtAdmin.post('/api/v1/org/staff', {
      username: 'qcstaff9',
      password: 'Qingchuan#2026',
      name: '冯越',
      organizationId: ids.qcCenter,
      roles: [{ role: 'supervisor', regionId: ids.city }],
    });
    expect(r.status).toBe(404);
    expect(await count("account WHERE username = 'qcstaff9'")).toBe(0);
  });
});

describe('organizations', () => {
  it('validates the credit code check character and changes nothing', async () => {
    const before = await count('organization');
    const good = demoCreditCode('11', '990100', 502);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await cityAdmin.post('/api/v1/org/organizations', { creditCode: bad, name: '云州市档案馆', kind: 'unit', regionId: ids.city });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_CREDIT_CODE', message: '统一社会信用代码无效' });
    expect(await count('organization')).toBe(before);
  });

  it('reports every schema violation with its field', async () => {
    const before = await count('organization');
    const r = await cityAdmin.post('/api/v1/org/organizations', { creditCode: 'x', kind: 'ministry', regionId: 'one', extra: true });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const fields = r.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['creditCode', 'name', 'regionId']));
    expect(await count('organization')).toBe(before);
  });

  it('creates once however often the same Idempotency-Key is retried, and refuses the key for another body', async () => {
    const before = await count('organization');
    const body = { creditCode: demoCreditCode('11', '990100', 503), name: '云州市档案馆', kind: 'unit', regionId: ids.city };
    const headers = { 'idempotency-key': 'org-create-0001' };
    const [a, b] = await Promise.all([cityAdmin.post('/api/v1/org/organizations', body, headers), cityAdmin.post('/api/v1/org/organizations', body, headers)]);
    const c = await cityAdmin.post('/api/v1/org/organizations', body, headers);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('organization')).toBe(before + 1);
    const other = await cityAdmin.post('/api/v1/org/organizations', { ...body, name: '别的' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(`audit_entry WHERE action = 'organization.create' AND target_id = '${a.body.id}'`)).toBe(1);
  });

  it('refuses a duplicate credit code with 409', async () => {
    const r = await cityAdmin.post('/api/v1/org/organizations', {
      creditCode: demoCreditCode('11', '990100', 503),
      name: '重复',
      kind: 'unit',
      regionId: ids.city,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('DUPLICATE');
  });

  it('lets one of two concurrent edits of the same version win; the other gets 409', async () => {
    const current = await cityAdmin.get(`/api/v1/org/organizations/${ids.market}`);
    const v = current.body.version;
    const other = await signIn(server, 'sysadmin');
    const results = await Promise.all([
      cityAdmin.patch(`/api/v1/org/organizations/${ids.market}`, { phone: '0570-11111111', version: v }),
      other.patch(`/api/v1/org/organizations/${ids.market}`, { phone: '0570-22222222', version: v }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await cityAdmin.get(`/api/v1/org/organizations/${ids.market}`);
    expect(after.body.version).toBe(v + 1);
  });

  it('searches by name and filters by region subtree', async () => {
    const r = await cityAdmin.get(`/api/v1/org/organizations?q=${encodeURIComponent('公安')}`);
    expect(r.body.items.map((o: { shortName: string }) => o.shortName)).toEqual(['公安局']);
    const sub = await cityAdmin.get(`/api/v1/org/organizations?regionId=${ids.qingchuan}`);
    expect(sub.body.items.every((o: { regionName: string }) => o.regionName === '青川区')).toBe(true);
  });
});

describe('halls, windows and posts', () => {
  it('lists the windows of a hall with their A and B posts', async () => {
    const r = await cityAdmin.get(`/api/v1/org/halls/${ids.hall}/windows`);
    expect(r.status).toBe(200);
    const w1 = r.body.find((w: { number: string }) => w.number === '1');
    expect(w1.kind).toBe('comprehensive');
    expect(w1.staff).toEqual([
      { post: 'A', accountId: expect.any(Number), name: '张丽' },
      { post: 'B', accountId: expect.any(Number), name: '刘洋' },
    ]);
    const w5 = r.body.find((w: { number: string }) => w.number === '5');
    expect(w5).toMatchObject({ kind: 'department', organizationName: '云州市市场监督管理局', categories: ['企业开办'] });
  });

  it('requires a department for a department window and a unique number per hall', async () => {
    const noOrg = await cityAdmin.post('/api/v1/org/windows', { hallId: ids.hall, number: '30', name: '税务窗口', kind: 'department' });
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.error.details.field).toBe('organizationId');
    const dup = await cityAdmin.post('/api/v1/org/windows', { hallId: ids.hall, number: '1', name: '重复窗口', kind: 'comprehensive' });
    expect(dup.status).toBe(409);
  });

  it('puts a staff member on a B post and tells them in the message center', async () => {
    const created = await cityAdmin.post('/api/v1/org/windows', {
      hallId: ids.hall,
      number: '11',
      name: '市场监管窗口二',
      kind: 'department',
      organizationId: ids.market,
      categories: ['企业开办', '食品经营'],
    });
    expect(created.status).toBe(201);
    const { rows } = await server.sql("SELECT id FROM account WHERE username = 'approver1b'");
    const r = await cityAdmin.put(`/api/v1/org/windows/${created.body.id}/staff`, { post: 'B', accountId: rows[0].id });
    expect(r.status).toBe(200);
    expect(r.body.staff).toEqual([{ post: 'B', accountId: rows[0].id, name: '杨帆' }]);
    await server.drainOutbox();
    const approver = await signIn(server, 'approver1b');
    const inbox = await approver.get('/api/v1/messages');
    expect(inbox.body.items[0].body['zh-CN']).toContain('11 号窗口 B 岗');
  });

  it('keeps a district administrator to the district hall', async () => {
    const halls = await districtAdmin.get('/api/v1/org/halls');
    expect(halls.body.map((h: { name: string }) => h.name)).toEqual(['青川区政务服务中心']);
    const r = await districtAdmin.post('/api/v1/org/windows', { hallId: ids.hall, number: '40', name: '越权窗口', kind: 'comprehensive' });
    expect(r.status).toBe(404);
    const ok = await districtAdmin.post('/api/v1/org/windows', {
      hallId: ids.qcHall,
      number: '3',
      name: '综合受理窗口',
      kind: 'comprehensive',
      categories: ['社会事务'],
    });
    expect(ok.status).toBe(201);
  });
});

describe('staff', () => {
  it('creates a staff account with a scoped role that can then sign in', async () => {
    const r = await cityAdmin.post('/api/v1/org/staff', {
      username: 'approver3',
      password: 'Approver#2026',
      name: '钟敏',
      organizationId: ids.market,
      title: '审批科科员',
      phone: '13957001234',
      roles: [{ role: 'approver', organizationId: ids.market }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username: 'approver3', phone: '139****1234', roles: [{ role: 'approver', organizationName: '云州市市场监督管理局' }] });
    const c = new Client(server.baseUrl);
    expect((await c.login('approver3', 'Approver#2026')).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).body.user.roles[0].role).toBe('approver');
  });

  it('disables an account and ends its sessions at once', async () => {
    const victim = new Client(server.baseUrl);
    await victim.login('approver3', 'Approver#2026');
    const r = await cityAdmin.patch(`/api/v1/org/staff/${(await victim.get('/api/v1/auth/me')).body.user.id}`, { status: 'disabled' });
    expect(r.body.status).toBe('disabled');
    expect((await victim.get('/api/v1/auth/me')).status).toBe(401);
    expect((await victim.login('approver3', 'Approver#2026')).status).toBe(403);
  });

  it('lists whom a task can be handed to: active holders of a role for the organization', async () => {
    // an approver picking a colleague (转办, 交办) asks for exactly those the action accepts
    const approver1 = await signIn(server, 'approver1');
    const names = async (query: string) => {
      const r = await approver1.get(`/api/v1/org/staff?organizationId=${ids.market}&${query}`);
      expect(r.status).toBe(200);
      return r.body.items as { username: string; status: string; roles: { role: string; organizationId: number | null }[] }[];
    };
    const approvers = await names('roles=approver&active=true&limit=200');
    expect(approvers.map((s) => s.username)).toContain('approver1b');
    // approver3, disabled above, is not among them
    expect(approvers.map((s) => s.username)).not.toContain('approver3');
    for (const s of approvers) {
      expect(s.status).toBe('active');
      expect(s.roles.some((r) => r.role === 'approver' && r.organizationId === ids.market)).toBe(true);
    }
    const heads = await names('roles=head&active=true');
    expect(heads.map((s) => s.username)).toContain('head1');
    expect(heads.map((s) => s.username)).not.toContain('approver1b');
    for (const s of heads) expect(s.roles.some((r) => r.role === 'head' && r.organizationId === ids.market)).toBe(true);
    expect((await names('roles=head,approver&active=true')).map((s) => s.username)).toEqual(expect.arrayContaining(['approver1b', 'head1']));
    expect((await names('roles=approver&active=false')).map((s) => s.username)).toEqual(['approver3']);
    const bad = await approver1.get(`/api/v1/org/staff?organizationId=${ids.market}&roles=approver,wizard`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('only a system administrator makes another system administrator', async () => {
    const r = await cityAdmin.post('/api/v1/org/staff', {
      username: 'root2',
      password: 'Root#Admin2026',
      name: '越权',
      organizationId: ids.market,
      roles: [{ role: 'sys_admin' }],
    });
    expect(r.status).toBe(403);
  });
});
