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

type Task = { id: number; stage: string; state: string; role: string; canAct: boolean; name: string };
type Kase = { id: number; status: string; version: number; tasks: Task[]; timeline: { type: string; actor: string | null }[]; documents: { kind: string }[] };
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
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
