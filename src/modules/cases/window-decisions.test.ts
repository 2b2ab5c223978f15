import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { drainMetrics } from '../metrics/feed.ts';

/**
 * 窗口授权办理: an immediate item (即办件) whose department authorized the comprehensive window to decide it —
 * the demo's 异地就医备案 names the clerk at its decide and conclude stages — is taken, decided, concluded and
 * delivered by the window clerk in one sitting; the department's own people cannot take the decision over,
 * and the window cannot do with it what belongs to the department.
 */
let server: TestServer;
let clerk: Client;
let applicantId: number;
let itemCode: string;
let item: { content: { form: { schema: unknown }; materials: { key: string; necessity: string; source: string }[] } };

type Task = { id: number; stage: string; state: string; role: string; canAct: boolean; name: string; concludesAtWindow: boolean };
type Kase = {
  id: number;
  status: string;
  version: number;
  acceptedAt: string | null;
  decision: string | null;
  clock: { state: string; startedAt: string } | null;
  tasks: Task[];
  timeline: { type: string; actor: string | null; at: string; payload: Record<string, unknown> }[];
  documents: { kind: string }[];
};
const act = (c: Client, id: number, body: object, key?: string) => c.post(`/api/v1/cases/${id}/actions`, body, key ? { 'idempotency-key': key } : undefined);
const openTask = (kase: Kase) => kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed');
const queue = async (c: Client) => (await c.get('/api/v1/cases?queue=window_decision&limit=100')).body as { items: { id: number }[]; total: number };

beforeAll(async () => {
  server = await startTestServer();
  clerk = await signIn(server, 'clerk1');
  itemCode = (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = '异地就医备案'"))
    .rows[0].code;
  item = (await clerk.get(`/api/v1/catalog/items/${itemCode}`)).body;
  applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id;
});
afterAll(async () => {
  await server?.close();
});

async function acceptedAtWindow(): Promise<Kase> {
  const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
  const received = await clerk.post('/api/v1/cases', {
    itemCode,
    applicantId,
    formData: sampleForm(item.content.form, idNumber),
    materials: sampleMaterials(item.content.materials),
  });
  expect(received.status, JSON.stringify(received.body)).toBe(201);
  const accepted = await act(clerk, received.body.id, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return accepted.body;
}

describe('an immediate item decided at the window (窗口授权办理)', () => {
  it('is decided, concluded and delivered by the window clerk in one sitting', async () => {
    const kase = await acceptedAtWindow();
    expect(kase.status).toBe('in_progress');
    const decide = openTask(kase)!;
    expect(decide).toMatchObject({ stage: 'decide', role: 'clerk', name: '窗口审核决定', canAct: true });
    expect((await queue(clerk)).items.map((c) => c.id)).toContain(kase.id);
    const today = async () => (await clerk.get('/api/v1/cases/today')).body.intake.windowDecision as number;
    expect(await today()).toBe((await queue(clerk)).total);
    expect(await today()).toBeGreaterThan(0);

    const decided = await act(clerk, kase.id, { action: 'approve', taskId: decide.id, opinion: '材料齐全，准予备案' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.status).toBe('decided');
    const conclude = openTask(decided.body)!;
    expect(conclude).toMatchObject({ stage: 'conclude', role: 'clerk', canAct: true });
    // still the window's to finish
    expect((await queue(clerk)).items.map((c) => c.id)).toContain(kase.id);

    const concluded = await act(clerk, kase.id, { action: 'approve', taskId: conclude.id, opinion: null });
    expect(concluded.body.status).toBe('concluded');
    expect((await queue(clerk)).items.map((c) => c.id)).not.toContain(kase.id);
    expect(await today()).toBe((await queue(clerk)).total);
    const delivered = await act(clerk, kase.id, { action: 'deliver', method: 'electronic' });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body.status).toBe('delivered');

    const full = (await clerk.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    const approvals = full.timeline.filter((e) => e.type === 'task_approved');
    expect(approvals).toHaveLength(2);
    expect(new Set(approvals.map((e) => e.actor))).toEqual(new Set(['张丽']));
    expect(full.documents.map((d) => d.kind)).toContain('acceptance_notice');

    // every step was the window's: it counts as decided at the window (窗口办结率)
    await drainMetrics(server.db);
    const fact = (await server.sql('SELECT at_window FROM metric_case WHERE case_id = $1', [kase.id])).rows[0];
    expect(fact.at_window).toBe(true);
  });

  it('keeps the decision from the department and what is the department’s from the window', async () => {
    const kase = await acceptedAtWindow();
    const decide = openTask(kase)!;
    const version = kase.version;
    const medical = await signIn(server, 'medical1');
    const own = (await medical.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(openTask(own)).toMatchObject({ role: 'clerk', canAct: false });
    for (const c of [medical, await signIn(server, 'approver1')]) {
      const r = await act(c, kase.id, { action: 'approve', taskId: decide.id, opinion: '同意' });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    const refused: object[] = [
      { action: 'return', taskId: decide.id, opinion: '退回' },
      { action: 'request_supplement', taskId: decide.id, items: [{ key: item.content.materials[0]!.key, note: '请补充' }] },
      { action: 'start_special', taskId: decide.id, kind: 'inspection', reason: '现场核查', expectedDays: 2 },
      { action: 'request_extension', taskId: decide.id, days: 2, reason: '情况复杂' },
      { action: 'add_cosigner', taskId: decide.id, organizationId: 1, role: 'approver', note: '请会签' },
    ];
    for (const body of refused) {
      const r = await act(clerk, kase.id, body);
      expect(r.status, JSON.stringify([body, r.body])).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    const after = (await clerk.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(after.version).toBe(version);
    expect(openTask(after)).toMatchObject({ id: decide.id, state: 'open' });

    // a district's clerk neither sees it waiting nor can decide it
    const district = await signIn(server, 'qcclerk');
    expect((await queue(district)).items.map((c) => c.id)).not.toContain(kase.id);
    expect((await act(district, kase.id, { action: 'approve', taskId: decide.id, opinion: '同意' })).status).toBe(404);

    // a denial gives reasons, and the case is concluded refused
    expect((await act(clerk, kase.id, { action: 'reject', taskId: decide.id })).status).toBe(400);
    const denied = await act(clerk, kase.id, { action: 'reject', taskId: decide.id, opinion: '不符合异地长期居住备案条件' });
    expect(denied.status, JSON.stringify(denied.body)).toBe(200);
    expect(['decided', 'concluded']).toContain(denied.body.status);
  });

  it('lets only an immediate item name the window at its decision', async () => {
    const admin = await signIn(server, 'catalogadmin');
    const itemId = (await server.sql('SELECT id FROM item WHERE code = $1', [itemCode])).rows[0].id;
    const published = (await server.sql("SELECT content FROM item_version WHERE item_id = $1 AND state = 'published'", [itemId])).rows[0].content;
    const check = async (content: object) => (await admin.post(`/api/v1/catalog/admin/items/${itemId}/check`, { content })).body.problems as { path: string }[];
    expect(await check(published)).toEqual([]);
    const committed = { ...published, caseKind: 'committed', legalLimit: { value: 20, unit: 'workday' }, committedLimit: { value: 5, unit: 'workday' } };
    expect((await check(committed)).map((p) => p.path)).toEqual(expect.arrayContaining(['process.decide.assignee', 'process.conclude.assignee']));
    const review = {
      ...published,
      process: {
        nodes: [
          published.process.nodes[0],
          { kind: 'stage', id: 'review', stage: 'review', name: '审查', assignee: { role: 'clerk', org: 'center' } },
          ...published.process.nodes.slice(1),
        ],
      },
    };
    expect((await check(review)).map((p) => p.path)).toContain('process.review.assignee');
  });
});

/** The application for 异地就医备案 as the window takes it from 林小雨, every required material in hand. */
async function application(extra: object = {}) {
  const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
  return { itemCode, applicantId, formData: sampleForm(item.content.form, idNumber), materials: sampleMaterials(item.content.materials), ...extra };
}
const filed = async () => Number((await server.sql('SELECT count(*) FROM kase WHERE applicant_id = $1', [applicantId])).rows[0].count);
const numbersDrawn = async () => (await server.sql('SELECT last_value, is_called FROM case_number_seq')).rows[0] as object;
const withKey = (key: string) => ({ 'idempotency-key': key });

describe('收件并受理: received and accepted at the window in one step', () => {
  it('files the application and accepts it in one request: the clock runs, the notice is printed, both steps are on the timeline', async () => {
    const before = await filed();
    const r = await clerk.post('/api/v1/cases', await application({ accept: true, acceptNote: '材料齐全，当场受理' }), withKey('sitting-accept-0001'));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'in_progress' });
    expect(r.body.number).toMatch(/^990100W\d{15}$/);
    expect(await filed()).toBe(before + 1);

    const kase = (await clerk.get(`/api/v1/cases/${r.body.id}`)).body as Kase;
    expect(kase.status).toBe('in_progress');
    expect(kase.acceptedAt).not.toBeNull();
    expect(kase.clock).toMatchObject({ state: 'running' });
    expect(kase.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['material_receipt', 'acceptance_notice']));
    // two steps on the record, in their order, each by the clerk: received, then accepted
    const steps = kase.timeline.filter((e) => e.type === 'submitted' || e.type === 'accepted');
    expect(steps.map((e) => [e.type, e.actor])).toEqual([
      ['submitted', '张丽'],
      ['accepted', '张丽'],
    ]);
    expect(steps[1]!.payload).toMatchObject({ note: '材料齐全，当场受理', countedFromReceipt: false });
    // the window's decision is next, and the window concludes it too
    expect(openTask(kase)).toMatchObject({ stage: 'decide', role: 'clerk', canAct: true, concludesAtWindow: true });

    // a retry with the same key (a double click, a lost answer) answers the same and files nothing more
    const again = await clerk.post('/api/v1/cases', await application({ accept: true, acceptNote: '材料齐全，当场受理' }), withKey('sitting-accept-0001'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(r.body);
    expect(await filed()).toBe(before + 1);
    const after = (await clerk.get(`/api/v1/cases/${r.body.id}`)).body as Kase;
    expect(after.timeline.filter((e) => e.type === 'accepted')).toHaveLength(1);
    expect(after.version).toBe(kase.version);
    // two at once with one key: one case
    const key = withKey('sitting-accept-0002');
    const body = await application({ accept: true });
    const both = await Promise.all([clerk.post('/api/v1/cases', body, key), clerk.post('/api/v1/cases', body, key)]);
    expect(both.map((b) => b.status)).toEqual([201, 201]);
    expect(both[0]!.body.id).toBe(both[1]!.body.id);
    expect(await filed()).toBe(before + 2);
  });

  it('refuses an application a required material is missing from, and files nothing', async () => {
    const before = await filed();
    const drawn = await numbersDrawn();
    const required = item.content.materials.filter((m) => m.necessity === 'required');
    expect(required.length).toBeGreaterThan(0);
    const incomplete = await application({ accept: true });
    incomplete.materials = incomplete.materials.filter((m: { key: string }) => m.key !== required[0]!.key);
    const r = await clerk.post('/api/v1/cases', incomplete, withKey('sitting-missing-0001'));
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'CONFLICT', details: { missing: [required[0]!.key] } });
    expect(typeof r.body.error.message).toBe('string');
    expect(await filed()).toBe(before);
    // not even a case number is drawn for it
    expect(await numbersDrawn()).toEqual(drawn);
    // received without accepting, it waits for pre-review (and the one-time notice) as any other
    const received = await clerk.post('/api/v1/cases', { ...incomplete, accept: false }, withKey('sitting-missing-0002'));
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(received.body.status).toBe('submitted');
  });

  it('is the window’s: others get 403, and what does not fit is a 400, with nothing filed', async () => {
    const before = await filed();
    const body = await application({ accept: true });
    // an approver receives nothing at the window
    const approver = await signIn(server, 'approver1');
    const byApprover = await approver.post('/api/v1/cases', body);
    expect(byApprover.status).toBe(403);
    expect(byApprover.body.error.code).toBe('FORBIDDEN');
    // an applicant applies, and is not the one to accept
    const citizen = await signIn(server, 'citizen1');
    const own = await citizen.post('/api/v1/cases', { ...body, applicantId: undefined });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('FORBIDDEN');
    // a district's clerk does not receive the city's items: for them the item is not there (404, as outside any scope)
    const district = await signIn(server, 'qcclerk');
    expect((await district.post('/api/v1/cases', body)).status).toBe(404);
    const refused: [object, string][] = [
      [{ ...body, channel: 'post' }, 'accept'],
      [{ ...body, accept: false, acceptNote: '受理' }, 'acceptNote'],
      [{ ...body, accept: 'yes' }, 'accept'],
      [{ ...body, itemCode: undefined, bundleCode: 'B-QYKB-001', tolerate: { workdays: 5 } }, 'tolerate'],
    ];
    for (const [wrong, field] of refused) {
      const r = await clerk.post('/api/v1/cases', wrong);
      expect(r.status, JSON.stringify([wrong, r.body])).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.body.error.details)).toContain(field);
    }
    expect(await filed()).toBe(before);
  });
});

describe('当场办结: the window decides and concludes in one step', () => {
  it('concludes with the decision, each step on the record, and does nothing twice', async () => {
    const accepted = await clerk.post('/api/v1/cases', await application({ accept: true }));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const kase = (await clerk.get(`/api/v1/cases/${accepted.body.id}`)).body as Kase;
    const decide = openTask(kase)!;
    const body = { action: 'approve', taskId: decide.id, opinion: '材料齐全，准予备案', conclude: true, expectedVersion: 0 };
    body.expectedVersion = (await server.sql('SELECT version FROM case_task WHERE id = $1', [decide.id])).rows[0].version;
    const done = await act(clerk, kase.id, body, 'sitting-decide-0001');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'concluded', decision: 'granted' });
    expect(done.body.tasks.map((t: Task) => [t.stage, t.state])).toEqual([
      ['decide', 'done'],
      ['conclude', 'done'],
    ]);
    const types = (done.body as Kase).timeline.map((e) => e.type);
    const order = ['submitted', 'accepted', 'task_approved', 'decided', 'task_approved', 'concluded'];
    expect(types.filter((t) => order.includes(t))).toEqual(order);
    expect((done.body as Kase).timeline.filter((e) => order.includes(e.type) && e.type !== 'submitted').every((e) => e.actor === '张丽')).toBe(true);
    expect((done.body as Kase).documents.map((d) => d.kind)).toContain('decision');

    // the same request again (a double click) answers the same and records nothing more
    const again = await act(clerk, kase.id, body, 'sitting-decide-0001');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const now = (await clerk.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(now.timeline.map((e) => e.type)).toEqual((done.body as Kase).timeline.map((e) => e.type));
    // sent anew, the decision is already made: 409
    const late = await act(clerk, kase.id, { ...body, expectedVersion: undefined }, 'sitting-decide-0002');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CONFLICT');

    const delivered = await act(clerk, kase.id, { action: 'deliver', method: 'pickup', identityChecked: true }, 'sitting-deliver-0001');
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect((delivered.body as Kase).timeline.filter((e) => e.type === 'delivered')).toHaveLength(1);
  });

  it('denies and concludes with the reasons, and gives two clerks at once one decision', async () => {
    const accepted = await clerk.post('/api/v1/cases', await application({ accept: true }));
    const kase = (await clerk.get(`/api/v1/cases/${accepted.body.id}`)).body as Kase;
    const decide = openTask(kase)!;
    // the colleague at the next window opens the same case: one of the two decisions is made, the other is told 409
    const colleague = await signIn(server, 'clerk2');
    const [a, b] = await Promise.all([
      act(clerk, kase.id, { action: 'reject', taskId: decide.id, opinion: '不符合异地长期居住备案条件', conclude: true }, 'sitting-race-0001'),
      act(colleague, kase.id, { action: 'approve', taskId: decide.id, opinion: '同意', conclude: true }, 'sitting-race-0002'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a : b;
    expect(won.body.status).toBe('concluded');
    expect(won.body.decision).toBe(a.status === 200 ? 'denied' : 'granted');
    const full = (await clerk.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(full.timeline.filter((e) => e.type === 'decided')).toHaveLength(1);
    expect(full.timeline.filter((e) => e.type === 'concluded')).toHaveLength(1);
  });

  it('concludes at once only a decision the window makes and concludes (400 otherwise, nothing changed)', async () => {
    const accepted = await clerk.post('/api/v1/cases', await application({ accept: true }));
    const kase = (await clerk.get(`/api/v1/cases/${accepted.body.id}`)).body as Kase;
    const decide = openTask(kase)!;
    // decided alone, the conclusion is the next step; it is not a decision to conclude with
    const decided = await act(clerk, kase.id, { action: 'approve', taskId: decide.id, opinion: '同意' });
    expect(decided.body.status).toBe('decided');
    const conclude = openTask(decided.body)!;
    expect(conclude).toMatchObject({ stage: 'conclude', concludesAtWindow: false });
    const r = await act(clerk, kase.id, { action: 'approve', taskId: conclude.id, conclude: true });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'conclude' } });
    const after = (await clerk.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(after.version).toBe(decided.body.version);
    expect(openTask(after)).toMatchObject({ id: conclude.id, state: 'open' });
  });
});
