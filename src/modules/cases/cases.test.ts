import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent } from '../../../test/factories.ts';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { preloadCase } from './case-core.ts';
import { stopClockIfRunning } from '../calendar/clocks.service.ts';
import { runWrite } from '../../server/write.ts';
import { caseExportLimit } from '../../common/case-filter.ts';

let server: TestServer;
let jointCode: string;
let citizen: Client;
let clerk: Client;
const org = async (name: string) => (await server.sql('SELECT id FROM organization WHERE name = $1', [name])).rows[0].id as number;

/** A licence decided by 市场监管局 after a joint review by 市场监管局 and 公安局 (countersign). */
async function publishJointItem() {
  const market = await org('云州市市场监督管理局');
  const police = await org('云州市公安局');
  const content = itemContent({
    name: '测试联办许可',
    audience: ['person', 'enterprise'],
    process: {
      nodes: [
        { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' } },
        {
          kind: 'parallel',
          id: 'joint',
          name: '并联审查',
          mode: 'countersign',
          branches: [
            [
              {
                kind: 'stage',
                id: 'market_review',
                stage: 'review',
                name: '市场监管审查',
                assignee: { role: 'approver', org: 'implementing', organizationId: market },
                budget: { value: 2, unit: 'workday' },
              },
            ],
            [
              {
                kind: 'stage',
                id: 'police_review',
                stage: 'review',
                name: '公安审查',
                assignee: { role: 'approver', org: 'implementing', organizationId: police },
                budget: { value: 2, unit: 'workday' },
              },
            ],
          ],
        },
        { kind: 'stage', id: 'decide', stage: 'decide', name: '决定', assignee: { role: 'head', org: 'implementing' }, budget: { value: 1, unit: 'workday' } },
        { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'approver', org: 'implementing' } },
        { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
      ],
    },
  });
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000500', content });
  expect(created.status).toBe(201);
  expect((await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`)).status).toBe(200);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

const form = { applicantName: '林小雨', idNumber: '', phone: '13600000001' };
const complete = [
  { key: 'application_form', reference: 'upload:application.pdf' },
  { key: 'business_license', fromLicense: true },
];

beforeAll(async () => {
  server = await startTestServer();
  jointCode = await publishJointItem();
  citizen = await signIn(server, 'citizen1');
  clerk = await signIn(server, 'clerk1');
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  const { idNumber } = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body;
  form.idNumber = idNumber;
});
afterAll(async () => {
  await server?.close();
});

const apply = (c: Client, body: object, headers?: Record<string, string>) => c.post('/api/v1/cases', body, headers);
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
const taskOf = (kase: { tasks: { id: number; name: string; state: string }[] }, name: string) =>
  kase.tasks.find((t) => t.name === name && (t.state === 'open' || t.state === 'claimed'))!;
const deadline = async (days: number) =>
  ((await (await fetch(`${server.baseUrl}/api/v1/calendar/deadline?start=${today()}&days=${days}`)).json()) as { due: string }).due;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const cst = (date: string) => new Date(`${date}T00:00:00+08:00`);

describe('the one-window flow', () => {
  it('runs a joint item of two departments from online application to delivery', async () => {
    // a holiday on the second working day from now: the committed deadline must skip it
    const before = await deadline(5);
    const second = await deadline(2);
    const sysadmin = await signIn(server, 'sysadmin');
    expect((await sysadmin.put('/api/v1/calendar/days', { days: [{ date: second, kind: 'holiday', name: '测试假日' }] })).status).toBe(200);
    const after = await deadline(5);
    expect(after > before).toBe(true);

    const applied = await apply(citizen, {
      itemCode: jointCode,
      formData: form,
      materials: [
        { key: 'application_form', reference: 'upload:application.pdf' },
        { key: 'business_license', fromLicense: true },
      ],
    });
    expect(applied.status).toBe(201);
    expect(applied.body.number).toMatch(/^990100N\d{8}\d{7}$/);
    const id = applied.body.id as number;

    const filed = (await clerk.get(`/api/v1/cases/${id}`)).body.version;
    let kase = (await act(clerk, id, { action: 'accept' })).body;
    expect(kase.status).toBe('in_progress');
    // accepted and moved into its first (joint) stage with one write of the case row: the version moves once
    expect(kase.version).toBe(filed + 1);
    expect(kase.kinds).toEqual(expect.arrayContaining(['committed', 'joint']));
    expect(kase.form.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(kase.clock.committed.dueAt).toBe(new Date(cst(after).getTime() + 86_400_000).toISOString());
    expect(kase.tasks.map((t: { name: string; organizationName: string }) => `${t.name}@${t.organizationName}`).sort()).toEqual([
      '公安审查@云州市公安局',
      '市场监管审查@云州市市场监督管理局',
    ]);

    const approver1 = await signIn(server, 'approver1');
    const approver2 = await signIn(server, 'approver2');
    const marketTask = taskOf(kase, '市场监管审查');
    expect((await approver1.get('/api/v1/tasks')).body.items.map((t: { id: number }) => t.id)).toContain(marketTask.id);

    kase = (
      await act(approver1, id, {
        action: 'request_supplement',
        taskId: marketTask.id,
        items: [{ key: 'lease_contract', note: '经营场所为租赁，请补充租赁合同' }],
      })
    ).body;
    expect(kase.status).toBe('awaiting_supplement');
    expect(kase.clock.state).toBe('paused');
    expect((await act(approver1, id, { action: 'approve', taskId: marketTask.id })).status).toBe(409);

    kase = (await act(citizen, id, { action: 'supplement', materials: [{ key: 'lease_contract', reference: 'upload:lease.pdf' }] })).body;
    expect(kase.status).toBe('in_progress');
    expect(kase.clock.state).toBe('running');
    expect(kase.clock.pauses).toHaveLength(1);

    await act(approver1, id, { action: 'approve', taskId: marketTask.id, opinion: '材料齐全，符合条件' });
    kase = (await act(approver2, id, { action: 'approve', taskId: taskOf(kase, '公安审查').id, opinion: '无异议' })).body;
    const head = await signIn(server, 'head1');
    const undecided = kase.version;
    kase = (await act(head, id, { action: 'approve', taskId: taskOf(kase, '决定').id, opinion: '准予许可' })).body;
    expect(kase).toMatchObject({ status: 'decided', decision: 'granted' });
    // so is a decision with the move to 办结
    expect(kase.version).toBe(undecided + 1);
    kase = (await act(approver1, id, { action: 'approve', taskId: taskOf(kase, '办结').id })).body;
    expect(kase.status).toBe('concluded');
    expect(kase.clock.state).toBe('stopped');
    // the approval stopped the clock as its first read found it, pause and all: stopping moves no deadline
    const stop = (
      await server.sql(
        `SELECT ch.committed_due_before, ch.committed_due_after, ch.legal_due_before, ch.legal_due_after
         FROM clock_change ch JOIN kase k ON k.clock_id = ch.clock_id WHERE k.id = $1 AND ch.kind = 'stopped'`,
        [id],
      )
    ).rows;
    expect(stop).toHaveLength(1);
    expect(stop[0].committed_due_after).toEqual(stop[0].committed_due_before);
    expect(stop[0].legal_due_after).toEqual(stop[0].legal_due_before);
    expect(stop[0].committed_due_after.toISOString()).toBe(kase.clock.committed.dueAt);

    // 待出件: the result is due within ten working days of the decision (art. 44), the longest decided first
    const waiting = async () => (await clerk.get('/api/v1/cases?status=concluded&sort=decided&limit=500')).body.items as Record<string, unknown>[];
    expect((await waiting()).find((c) => c.id === id)!.delivery).toEqual({ dueDate: await deadline(10), workdaysLeft: 10 });
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.deliveryDeadline).toEqual({ dueDate: await deadline(10), workdaysLeft: 10 });
    const decidedAt = (await server.sql('SELECT decided_at FROM kase WHERE id = $1', [id])).rows[0].decided_at;
    await server.sql("UPDATE kase SET decided_at = decided_at - interval '30 days' WHERE id = $1", [id]);
    const late = await waiting();
    expect(late[0]!.id).toBe(id);
    expect((late[0]!.delivery as { workdaysLeft: number }).workdaysLeft).toBeLessThan(0);
    const decided = late.map((c) => c.decidedAt as string);
    expect(decided).toEqual([...decided].sort());
    expect((await clerk.get('/api/v1/cases?sort=oldest')).status).toBe(400);
    await server.sql('UPDATE kase SET decided_at = $2 WHERE id = $1', [id, decidedAt]);

    // she asked for no way of receiving it: posted, it needs whom and where to send it to, and a bad one changes nothing
    const post = { action: 'deliver', method: 'post', trackingNumber: 'SF1234567890' };
    const sendTo = { recipient: '林小雨', phone: '13600000001', address: '云州市青川区湖滨路 8 号 2 单元 301' };
    for (const [body, field] of [
      [post, 'sendTo'],
      [{ ...post, sendTo: { ...sendTo, phone: '123' } }, 'sendTo.phone'],
      [{ ...post, sendTo: { ...sendTo, address: '云州' } }, 'sendTo.address'],
      [{ action: 'deliver', method: 'electronic', sendTo }, 'sendTo'],
    ] as const) {
      const refused = await act(clerk, id, body);
      expect([refused.status, refused.body.error?.details?.field]).toEqual([400, field]);
    }
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.status).toBe('concluded');
    kase = (await act(clerk, id, { ...post, sendTo })).body;
    expect(kase.status).toBe('delivered');
    // where it went is kept with the case, the phone masked
    expect(kase.deliveryChoice).toEqual({ method: 'post', recipient: '林小雨', phone: '136****0001', address: '云州市青川区湖滨路 8 号 2 单元 301' });
    expect((await server.sql('SELECT delivery::text AS d FROM kase WHERE id = $1', [id])).rows[0].d).not.toContain('湖滨路');
    expect(kase.deliveryDeadline).toBeNull();
    expect(kase.timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'accepted',
      'stage_entered',
      'supplement_requested',
      'supplemented',
      'task_approved',
      'task_approved',
      'joint_completed',
      'stage_entered',
      'task_approved',
      'decided',
      'stage_entered',
      'task_approved',
      'concluded',
      'delivered',
    ]);
    // each action wrote its timeline entries and its one audit entry in one statement (one command of its transaction) …
    const commands = await server.sql(
      `SELECT t, count(*)::int AS rows, count(DISTINCT cmin::text)::int AS n FROM (
         SELECT 'timeline' AS t, xmin::text AS x, cmin FROM case_event WHERE case_id = $1
         UNION ALL SELECT 'audit', xmin::text, cmin FROM audit_entry WHERE stream = 'case:' || $1) r GROUP BY t, x`,
      [id],
    );
    expect(commands.rows.length).toBeGreaterThanOrEqual(9);
    expect(commands.rows.map((r) => r.n)).toEqual(commands.rows.map(() => 1));
    expect(commands.rows.filter((r) => r.t === 'audit').map((r) => r.rows)).toEqual(commands.rows.filter((r) => r.t === 'audit').map(() => 1));
    // … in the order it took them: the audit chain (an entry per action, naming what followed its first event) and the outbox follow the timeline
    const types = kase.timeline.map((e: { type: string }) => `case.${e.type}`);
    const audited = async (order: string) =>
      (await server.sql(`SELECT action, change FROM audit_entry WHERE stream = 'case:' || $1 ORDER BY ${order}`, [id])).rows.flatMap((r) => [
        r.action as string,
        ...((r.change.followedBy ?? []) as { type: string }[]).map((f) => `case.${f.type}`),
      ]);
    expect(await audited('seq')).toEqual(types);
    expect(await audited('id')).toEqual(types);
    const approval = (
      await server.sql(`SELECT change FROM audit_entry WHERE stream = 'case:' || $1 AND action = 'case.task_approved' ORDER BY seq DESC LIMIT 1`, [id])
    ).rows[0].change;
    expect(approval.followedBy.map((f: { type: string }) => f.type)).toEqual(['concluded']);
    expect(
      (await server.sql(`SELECT type FROM domain_event WHERE stream_type = 'case' AND stream_id = $1::text ORDER BY id`, [id])).rows.map((r) => r.type),
    ).toEqual(types);
    // the trail is scoped by the case's region, whoever acted: the city's administrator reads every entry, the
    // applicant's own application among them; a district's administrator reads none of a city case's
    const trail = await (await signIn(server, 'centeradmin')).get(`/api/v1/audit/entries?targetType=case&targetId=${id}&limit=100`);
    expect(trail.status).toBe(200);
    const chain = (await server.sql(`SELECT action FROM audit_entry WHERE stream = 'case:' || $1 ORDER BY seq`, [id])).rows.map((r) => r.action);
    expect(trail.body.items.map((e: { action: string }) => e.action).reverse()).toEqual(chain);
    expect(trail.body.items.at(-1)).toMatchObject({ action: 'case.submitted' });
    // each entry names the case by its number (办件编号), as people know it
    const { number } = (await server.sql('SELECT number FROM kase WHERE id = $1', [id])).rows[0];
    expect(new Set(trail.body.items.map((e: { targetLabel: string | null }) => e.targetLabel))).toEqual(new Set([number]));
    expect((await (await signIn(server, 'districtadmin')).get(`/api/v1/audit/entries?targetType=case&targetId=${id}`)).body.total).toBe(0);

    await server.drainOutbox();
    const inbox = (await citizen.get('/api/v1/messages')).body.items.map((m: { title: { 'zh-CN': string } }) => m.title['zh-CN']);
    expect(inbox).toEqual(expect.arrayContaining(['申请已受理', '请补正材料', '办件已办结', '结果已送达']));
    const kinds = (await clerk.get('/api/v1/cases/kinds')).body;
    expect(kinds.joint).toBeGreaterThanOrEqual(1);

    // an action's first read takes the case row as one JSON value: it gives the row a plain read gives (times, JSON, nulls)
    const fresh = (await apply(citizen, { itemCode: jointCode, formData: form, materials: [{ key: 'business_license', fromLicense: true }] })).body
      .id as number;
    for (const caseId of [id, fresh]) {
      const [preloaded, plain] = await server.db
        .transaction()
        .execute(async (tx) => [
          await preloadCase(tx, caseId, null),
          await tx.selectFrom('kase').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
        ]);
      expect({ ...preloaded, task_id: undefined }).toEqual(plain);
    }
  });

  it('takes a one-time notice once, then the missing materials, then the acceptance', async () => {
    const applied = await apply(citizen, { itemCode: jointCode, formData: form, materials: [{ key: 'business_license', fromLicense: true }] });
    const id = applied.body.id;
    const early = await act(clerk, id, { action: 'accept' });
    expect(early.status).toBe(409);
    expect(early.body.error.details.missing).toEqual(['application_form']);
    expect((await act(clerk, id, { action: 'notice', items: [{ key: 'application_form', note: '申请书需本人签字' }] })).body.status).toBe('notified');
    expect((await act(clerk, id, { action: 'notice', items: [{ key: 'lease_contract', note: '再要一份' }] })).status).toBe(409);
    expect((await act(citizen, id, { action: 'supplement', materials: [{ key: 'application_form', reference: 'upload:signed.pdf' }] })).body.status).toBe(
      'submitted',
    );
    expect((await act(clerk, id, { action: 'accept' })).body.status).toBe('in_progress');
  });

  it('counts an acceptance from receipt only when no one-time notice came within the five days (art. 32)', async () => {
    const received = async () => {
      const id = (await apply(citizen, { itemCode: jointCode, formData: form, materials: [{ key: 'business_license', fromLicense: true }] })).body.id as number;
      await server.sql("UPDATE kase SET received_at = received_at - interval '8 days' WHERE id = $1", [id]);
      return id;
    };
    const overdue = (id: number) => server.sql("UPDATE kase SET notice_due_at = now() - interval '1 hour' WHERE id = $1", [id]);
    const notice = (id: number) => act(clerk, id, { action: 'notice', items: [{ key: 'application_form', note: '申请书需本人签字' }] });
    const supplement = (id: number) => act(citizen, id, { action: 'supplement', materials: [{ key: 'application_form', reference: 'upload:signed.pdf' }] });
    const accepted = async (id: number) => {
      expect((await act(clerk, id, { action: 'accept' })).status).toBe(200);
      const row = (await server.sql('SELECT received_at, accepted_at FROM kase WHERE id = $1', [id])).rows[0];
      const event = (await server.sql("SELECT payload FROM case_event WHERE case_id = $1 AND type = 'accepted'", [id])).rows[0].payload;
      return { fromReceipt: row.accepted_at.getTime() === row.received_at.getTime(), said: event.countedFromReceipt as boolean };
    };
    // the notice within the five days: the supplements come later, and the acceptance counts from itself
    const inTime = await received();
    expect((await notice(inTime)).status).toBe(200);
    // the five days end just after the notice, before the supplements and the acceptance
    await server.sql(
      "UPDATE kase SET notice_due_at = (SELECT at FROM case_event WHERE case_id = $1 AND type = 'notified') + interval '1 millisecond' WHERE id = $1",
      [inTime],
    );
    await supplement(inTime);
    expect(await accepted(inTime)).toEqual({ fromReceipt: false, said: false });
    // the notice after the five days does not stop the count: accepted as from receipt
    const lateNotice = await received();
    await overdue(lateNotice);
    expect((await notice(lateNotice)).status).toBe(200);
    await supplement(lateNotice);
    expect(await accepted(lateNotice)).toEqual({ fromReceipt: true, said: true });
    // and supervision finds the late acceptance, not the one after a notice in time
    await server.drainOutbox();
    const late = await server.sql("SELECT case_id::int AS id FROM supervision_finding WHERE kind = 'late_acceptance' AND case_id = ANY($1::bigint[])", [
      [inTime, lateNotice],
    ]);
    expect(late.rows.map((r) => r.id)).toEqual([lateNotice]);
  });

  it('refuses with reasons, and lets the applicant withdraw before a decision', async () => {
    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    expect((await act(clerk, a.body.id, { action: 'refuse', reason: '不属于本机关职权范围' })).body.status).toBe('refused');
    const b = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    await act(clerk, b.body.id, { action: 'accept' });
    const w = await act(citizen, b.body.id, { action: 'withdraw', reason: '不再需要' });
    expect(w.body.status).toBe('withdrawn');
    expect(w.body.tasks.every((t: { state: string }) => t.state === 'cancelled')).toBe(true);
    expect(w.body.kinds).toContain('returned');
  });
});

describe('authorization', () => {
  it('keeps cases to their applicants, tasks to their departments, decisions from clerks', async () => {
    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    const kase = (await act(clerk, a.body.id, { action: 'accept' })).body;
    const other = await signIn(server, 'citizen2');
    expect((await other.get(`/api/v1/cases/${a.body.id}`)).status).toBe(404);
    expect((await other.get('/api/v1/cases')).body.items.map((c: { id: number }) => c.id)).not.toContain(a.body.id);
    const marketTask = taskOf(kase, '市场监管审查');
    const approver2 = await signIn(server, 'approver2');
    expect((await act(approver2, a.body.id, { action: 'approve', taskId: marketTask.id })).status).toBe(404);
    expect((await act(clerk, a.body.id, { action: 'approve', taskId: marketTask.id })).status).toBe(403);
    const qcclerk = await signIn(server, 'qcclerk');
    expect((await qcclerk.get(`/api/v1/cases/${a.body.id}`)).status).toBe(404);
  });
});

describe('personal data on a case', () => {
  it('masks ID and mobile numbers in the form, and shows them in full only to a reader of the case, on the audit trail', async () => {
    const rows = [{ name: '王五', idNumber: '11010519491231002X', phone: '13800138000' }];
    const a = await apply(citizen, { itemCode: jointCode, formData: { ...form, contacts: rows }, materials: complete });
    expect(a.status).toBe(201);
    const id = a.body.id as number;
    const shown = (await clerk.get(`/api/v1/cases/${id}`)).body;
    expect(shown.form.phone).toBe('136****0001');
    expect(shown.form.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(shown.form.contacts).toEqual([{ name: '王五', idNumber: '110105********002X', phone: '138****8000' }]);
    expect(shown.form.applicantName).toBe('林小雨');

    const revealed = async (c: Client) => c.post(`/api/v1/cases/${id}/reveal`);
    const reveals = async () =>
      (
        await server.sql(`SELECT change FROM audit_entry WHERE target_type = 'case' AND target_id = $1::text AND action = 'case.revealed' ORDER BY id`, [id])
      ).rows.map((r) => r.change);
    // whoever may not read the case learns nothing, and nothing is recorded
    expect((await revealed(await signIn(server, 'citizen2'))).status).toBe(404);
    expect((await revealed(await signIn(server, 'qcclerk'))).status).toBe(404);
    expect(await reveals()).toEqual([]);

    const full = await revealed(clerk);
    expect(full.status).toBe(200);
    expect(full.body.form).toEqual({ ...form, contacts: rows });
    expect(full.body.applicant).toEqual({ idNumber: form.idNumber, phone: '13600000001' });
    expect(await reveals()).toEqual([
      { fields: ['applicant.idNumber', 'applicant.phone', 'form.idNumber', 'form.phone', 'form.contacts[0].idNumber', 'form.contacts[0].phone'] },
    ]);
    // the applicant may see their own in full too; the reveal is theirs on the trail
    expect((await revealed(citizen)).status).toBe(200);
    expect(await reveals()).toHaveLength(2);
    const trail = (await server.sql(`SELECT actor_role, stream FROM audit_entry WHERE target_id = $1::text AND action = 'case.revealed' ORDER BY id`, [id]))
      .rows;
    expect(trail).toEqual([
      { actor_role: 'clerk', stream: `case:${id}:reveals` },
      { actor_role: 'applicant', stream: `case:${id}:reveals` },
    ]);
    // reveals at the same moment as each other and as an action on the case: all of them go through
    const [accepted, ...together] = await Promise.all([act(clerk, id, { action: 'accept' }), ...[1, 2, 3, 4].map(() => revealed(clerk))]);
    expect([accepted.status, ...together.map((r) => r.status)]).toEqual([200, 200, 200, 200, 200]);
    expect(await reveals()).toHaveLength(6);
  });
});

describe('concurrency and retries', () => {
  it('lets exactly one of two approvers act on the same task', async () => {
    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    const kase = (await act(clerk, a.body.id, { action: 'accept' })).body;
    const task = taskOf(kase, '市场监管审查');
    const [x, y] = [await signIn(server, 'approver1'), await signIn(server, 'approver1b')];
    const results = await Promise.all([act(x, a.body.id, { action: 'approve', taskId: task.id }), act(y, a.body.id, { action: 'approve', taskId: task.id })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = (await server.sql("SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'task_approved'", [a.body.id])).rows[0].n;
    expect(events).toBe(1);
  });

  it('lets exactly one of two clerks accept the same application', async () => {
    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    const other = await signIn(server, 'clerk2');
    const results = await Promise.all([act(clerk, a.body.id, { action: 'accept' }), act(other, a.body.id, { action: 'accept' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    // the loser left nothing: one acceptance, one clock, one set of first tasks
    const counts = (
      await server.sql(
        `SELECT (SELECT count(*)::int FROM case_event WHERE case_id = $1 AND type = 'accepted') AS events,
                (SELECT count(*)::int FROM clock WHERE owner_type = 'case' AND owner_id = $2) AS clocks,
                (SELECT count(*)::int FROM case_task WHERE case_id = $1) AS tasks`,
        [a.body.id, String(a.body.id)],
      )
    ).rows[0];
    expect(counts).toEqual({ events: 1, clocks: 1, tasks: 2 });
  });

  it('stops a clock at the version the action first read: a clock changed meanwhile ends the action with 409', async () => {
    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    let kase = (await act(clerk, a.body.id, { action: 'accept' })).body;
    await act(await signIn(server, 'approver1'), a.body.id, { action: 'approve', taskId: taskOf(kase, '市场监管审查').id });
    kase = (await act(await signIn(server, 'approver2'), a.body.id, { action: 'approve', taskId: taskOf(kase, '公安审查').id })).body;
    // an approval of the decision reads the case's clock with its first read
    const decide = taskOf(kase, '决定').id as number;
    const clockOf = async () =>
      (
        await server.sql(
          `SELECT c.id, c.state, c.version, (SELECT count(*)::int FROM clock_change ch WHERE ch.clock_id = c.id AND ch.kind = 'stopped') AS stops
           FROM clock c JOIN kase k ON k.clock_id = c.id WHERE k.id = $1`,
          [a.body.id],
        )
      ).rows[0];
    const read = await clockOf();
    // the action reads the case with its clock; someone changes the clock before the action stops it
    const failed = await runWrite(server.db, null, async (ctx) => {
      await preloadCase(ctx.tx, a.body.id, decide, { decision: true });
      await server.sql('UPDATE clock SET version = version + 1 WHERE id = $1', [read.id]);
      await stopClockIfRunning(ctx, read.id);
      await sql`SELECT 1`.execute(ctx.tx);
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(await clockOf()).toEqual({ ...read, version: read.version + 1 });
    // read again, it stops: once
    await runWrite(server.db, null, async (ctx) => {
      await preloadCase(ctx.tx, a.body.id, decide, { decision: true });
      await stopClockIfRunning(ctx, read.id);
    });
    expect(await clockOf()).toEqual({ ...read, state: 'stopped', version: read.version + 2, stops: 1 });
  });

  it('creates one case however often an application is retried with its Idempotency-Key', async () => {
    const body = { itemCode: jointCode, formData: form, materials: complete };
    const before = (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n;
    const [r1, r2] = await Promise.all([
      apply(citizen, body, { 'idempotency-key': 'apply-0001-abc' }),
      apply(citizen, body, { 'idempotency-key': 'apply-0001-abc' }),
    ]);
    expect(r1.body.number).toBe(r2.body.number);
    expect((await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n).toBe(before + 1);
  });
});

describe('bad input', () => {
  it('refuses invalid form data, unknown materials and out-of-state actions, changing nothing', async () => {
    const before = (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n;
    const badForm = await apply(citizen, { itemCode: jointCode, formData: { ...form, idNumber: '110105194912310021' }, materials: [] });
    expect(badForm.status).toBe(400);
    expect(badForm.body.error.details.problems[0].path).toBe('idNumber');
    // 实名: another person's number, valid as it is, is not the applicant's own
    const notOwn = await apply(citizen, { itemCode: jointCode, formData: { ...form, idNumber: '110101199003074514' }, materials: [] });
    expect(notOwn.status).toBe(400);
    expect(notOwn.body.error.details).toMatchObject({ field: 'idNumber', problems: [{ path: 'idNumber', messageZh: '与申请人实名登记的号码不一致' }] });
    const badMaterial = await apply(citizen, { itemCode: jointCode, formData: form, materials: [{ key: 'passport', reference: 'x' }] });
    expect(badMaterial.status).toBe(400);
    const badLicense = await apply(citizen, { itemCode: jointCode, formData: form, materials: [{ key: 'application_form', fromLicense: true }] });
    expect(badLicense.status).toBe(400);
    expect((await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n).toBe(before);

    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    const deliver = await act(clerk, a.body.id, { action: 'deliver', method: 'pickup', identityChecked: true });
    expect(deliver.status).toBe(409);
    expect(deliver.body.error.code).toBe('CONFLICT');
    const unknown = await act(clerk, a.body.id, { action: 'teleport' });
    expect(unknown.status).toBe(400);
    const detail = (await clerk.get(`/api/v1/cases/${a.body.id}`)).body;
    expect(detail.status).toBe('submitted');
    expect(detail.timeline).toHaveLength(1);
  });

  it('keeps each listed column to its values through its domain, with no CHECK of the tables reading the lists', async () => {
    const a = await apply(citizen, { itemCode: jointCode, formData: form, materials: complete });
    const id = a.body.id as number;
    const refused = async (statement: string) => {
      const error = await server.sql(statement, [id]).then(
        () => null,
        (e: { code?: string }) => e,
      );
      expect(error?.code, statement).toBe('23514');
    };
    await refused(`UPDATE kase SET status = 'teleported' WHERE id = $1`);
    await refused(`UPDATE kase SET channel = 'pigeon' WHERE id = $1`);
    await refused(`UPDATE case_material SET status = 'lost' WHERE case_id = $1`);
    await refused(`UPDATE kase SET delivery_choice = 'pigeon' WHERE id = $1`);
    await refused(`UPDATE clock SET legal_unit = 'fortnight' WHERE id = (SELECT max(id) FROM clock) AND $1::bigint > 0`);
    await refused(`INSERT INTO case_task (case_id, node_index, node_id, stage, name, organization_id, assignee_role, state)
      SELECT id, 0, 'x', 'review', 'x', organization_id, 'janitor', 'open' FROM kase WHERE id = $1`);
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.status).toBe('submitted');
    // the case tables' own CHECKs are the few that compare columns, none that lists values
    const lists = await server.sql(`SELECT conrelid::regclass::text AS t, conname FROM pg_constraint
      WHERE contype = 'c' AND conrelid = ANY ('{kase,case_task,case_document,case_material,clock}'::regclass[]) AND pg_get_constraintdef(oid) LIKE '%ARRAY[%'`);
    expect(lists.rows).toEqual([]);
  });

  it('a clerk receives a walk-in applicant at the window', async () => {
    const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '何志强'");
    const r = await apply(clerk, {
      itemCode: jointCode,
      applicantId: rows[0].id,
      // 实名: the number is 何志强's own, filled from his record
      formData: { ...form, applicantName: '何志强', idNumber: undefined },
      materials: [
        { key: 'application_form', reference: '纸质原件已核验' },
        { key: 'business_license', fromLicense: true },
      ],
      urgent: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^990100W/);
    const kase = (await act(clerk, r.body.id, { action: 'accept' })).body;
    expect(kase.kinds).toContain('urgent');
    // the number left out is filled from his record: the form's is his own
    const his = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber;
    expect((await clerk.post(`/api/v1/cases/${r.body.id}/reveal`)).body.form).toMatchObject({ idNumber: his });
    // the window cannot file it under another's number
    const wrong = await apply(clerk, { itemCode: jointCode, applicantId: rows[0].id, formData: { ...form, applicantName: '何志强' }, materials: [] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toMatchObject({ field: 'idNumber' });
  });
});

describe('the case list (办件查询) and its ledger (办件台账)', () => {
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const numbers = async (c: Client, query: string) => {
    const r = await c.get(`/api/v1/cases?limit=500&${query}`);
    expect(r.status).toBe(200);
    return (r.body.items as { number: string }[]).map((i) => i.number);
  };

  it('narrows the cases by kind, channel, received day and deadline, and refuses what is not a filter', async () => {
    const joint = (await apply(citizen, { itemCode: jointCode, formData: form, materials: complete })).body;
    await act(clerk, joint.id, { action: 'accept' });
    const refused = (await apply(citizen, { itemCode: jointCode, formData: form, materials: complete })).body;
    expect((await act(clerk, refused.id, { action: 'refuse', reason: '不属于本中心受理范围' })).status).toBe(200);
    const waiting = (await apply(citizen, { itemCode: jointCode, formData: form, materials: complete })).body;

    const jointOnes = await numbers(clerk, 'kind=joint');
    expect(jointOnes).toContain(joint.number);
    expect(jointOnes).not.toContain(refused.number);
    expect(await numbers(clerk, 'kind=returned')).toContain(refused.number);
    expect(await numbers(clerk, 'kind=returned')).not.toContain(joint.number);
    expect(await numbers(clerk, 'status=submitted&channel=online')).toContain(waiting.number);
    expect(await numbers(clerk, 'status=submitted&channel=window')).not.toContain(waiting.number);
    // received today, China time: in today's range, not in tomorrow's
    expect(await numbers(clerk, `from=${today()}&to=${today()}`)).toEqual(expect.arrayContaining([joint.number, refused.number, waiting.number]));
    expect(await numbers(clerk, `from=${dayAfter(today(), 1)}`)).toEqual([]);
    expect(await numbers(clerk, `to=${dayAfter(today(), -1)}`)).not.toContain(joint.number);
    // 预审's queue, page by page: submitted or under a one-time notice, a bundle as its application only, the
    // longest waiting first
    type Row = { id: number; number: string; status: string; parentId: number | null; receivedAt: string };
    const queue = (await clerk.get('/api/v1/cases?queue=prereview&sort=received&limit=200')).body as { items: Row[]; total: number };
    expect(queue.items.map((c) => c.number)).toContain(waiting.number);
    expect(queue.items.map((c) => c.number)).not.toContain(joint.number);
    expect(queue.items.every((c) => ['submitted', 'notified'].includes(c.status) && c.parentId === null)).toBe(true);
    expect(queue.items.map((c) => c.receivedAt)).toEqual(queue.items.map((c) => c.receivedAt).sort());
    const second = (await clerk.get('/api/v1/cases?queue=prereview&sort=received&limit=1&offset=1')).body as { items: Row[]; total: number };
    expect(second.total).toBe(queue.total);
    if (queue.total > 1) expect(second.items.map((c) => c.id)).toEqual([queue.items[1]!.id]);
    // 林小雨 comes to the window with her ID card: her cases by her name, or by the whole number (part of it finds
    // nothing; it is stored only encrypted and matched through its keyed hash); another person's number finds none
    const hers = [joint.number, refused.number, waiting.number];
    expect(await numbers(clerk, `q=${form.idNumber}`)).toEqual(expect.arrayContaining(hers));
    expect(await numbers(clerk, `q=${form.idNumber.toLowerCase()}`)).toEqual(expect.arrayContaining(hers));
    expect(await numbers(clerk, `q=${encodeURIComponent('林小雨')}`)).toEqual(expect.arrayContaining(hers));
    expect(await numbers(clerk, `q=${form.idNumber.slice(0, 12)}`)).toEqual([]);
    expect(await numbers(clerk, 'q=11010519491231002X')).not.toContain(joint.number);
    // past its deadline
    const overdue = await numbers(clerk, 'overdue=true');
    expect(overdue).not.toContain(joint.number);
    await server.sql('UPDATE clock SET is_overdue = true WHERE id = (SELECT clock_id FROM kase WHERE id = $1)', [joint.id]);
    expect(await numbers(clerk, 'overdue=true')).toEqual([joint.number, ...overdue]);
    await server.sql('UPDATE clock SET is_overdue = false WHERE id = (SELECT clock_id FROM kase WHERE id = $1)', [joint.id]);

    for (const bad of [
      'status=lost',
      'kind=odd',
      'channel=fax',
      'from=2026-02-30',
      'from=27.11.2026',
      `from=${today()}&to=${dayAfter(today(), -1)}`,
      'color=red',
      'queue=desk',
      'sort=oldest',
    ]) {
      const r = await clerk.get(`/api/v1/cases?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('exports the cases the filters name as a spreadsheet for staff in scope, each export on the audit trail', async () => {
    const load = async (c: Client, query: string) => {
      const r = await fetch(`${server.baseUrl}/api/v1/cases/export.xlsx?${query}`, { headers: { cookie: c.cookie } });
      if (r.status !== 200) return { status: r.status, rows: [] as string[][] };
      expect(r.headers.get('content-type')).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await r.arrayBuffer()) as ArrayBuffer);
      const sheet = book.getWorksheet('办件台账')!;
      return { status: 200, rows: (sheet.getSheetValues().slice(1) as unknown[][]).map((v) => (v ?? []).slice(1).map((x) => String(x ?? ''))) };
    };
    const a = (await apply(citizen, { itemCode: jointCode, formData: form, materials: complete })).body;
    await act(clerk, a.id, { action: 'accept' });
    const exported = await load(clerk, `kind=joint&from=${today()}`);
    expect(exported.status).toBe(200);
    const [title, filter, header, ...rows] = exported.rows;
    expect(title![0]).toMatch(/^办件台账（导出时间 .+，共 \d+ 件）$/);
    expect(filter![0]).toBe(`筛选：收件日期 ${today()} 至 …；类型 联办件`);
    expect(header).toEqual([
      '办件编号',
      '事项',
      '申请人',
      '实施部门',
      '申请渠道',
      '办件类型',
      '状态',
      '决定',
      '收件时间',
      '受理时间',
      '承诺办结期限',
      '法定办结期限',
      '是否超期',
      '办结时间',
      '送达时间',
      '送达方式',
    ]);
    // the rows are the list's, oldest first
    expect(rows.map((r) => r[0])).toEqual((await numbers(clerk, `kind=joint&from=${today()}`)).reverse());
    const row = rows.find((r) => r[0] === a.number)!;
    expect(row.slice(2, 8)).toEqual(['林小雨', '云州市市场监督管理局', '网上', '承诺件、联办件', '办理中', '']);
    expect(row[9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // a deadline in days is its last day, as the case page and the notices print it, not the next day's midnight
    const lastDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000 - 60_000).toISOString().slice(0, 10);
    const { clock } = (await clerk.get(`/api/v1/cases/${a.id}`)).body as { clock: { committed: { dueAt: string }; legal: { dueAt: string } } };
    expect(row.slice(10, 12)).toEqual([lastDay(clock.committed.dueAt), lastDay(clock.legal.dueAt)]);
    const audit = (await server.sql(`SELECT change, actor_role FROM audit_entry WHERE action = 'case.exported' ORDER BY id DESC LIMIT 1`)).rows[0];
    expect(audit).toMatchObject({ actor_role: 'clerk', change: { cases: rows.length, filter: { kind: 'joint', from: today() } } });

    // found by the applicant's ID number: the number is written down masked, on the sheet and in the audit entry
    const byId = await load(clerk, `q=${form.idNumber}&from=${today()}`);
    expect(byId.rows.slice(3).map((r) => r[0])).toContain(a.number);
    expect(byId.rows[1]![0]).toContain(`${form.idNumber.slice(0, 6)}********${form.idNumber.slice(-4)}`);
    expect(JSON.stringify(byId.rows)).not.toContain(form.idNumber);
    const searched = (await server.sql(`SELECT change FROM audit_entry WHERE action = 'case.exported' ORDER BY id DESC LIMIT 1`)).rows[0].change;
    expect(searched.filter.q).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

    // an applicant exports nothing; a district's clerk has none of the city's cases; a bad filter is a 400
    expect((await load(citizen, '')).status).toBe(403);
    const district = await load(await signIn(server, 'qcclerk'), `from=${today()}`);
    expect(district.status).toBe(200);
    expect(district.rows.slice(3).map((r) => r[0])).not.toContain(a.number);
    expect((await load(clerk, 'kind=odd')).status).toBe(400);
  });

  it("counts a city's cases up to the ledger's limit, and finds one among them by number, item or name", async () => {
    // a year of history at a city's center: more cases than a ledger may hold, all long settled
    const bulk = caseExportLimit + 1;
    await server.sql(
      `INSERT INTO kase (number, item_id, item_version_id, organization_id, region_id, applicant_id, channel, case_kind, status,
                         form_enc, subject, received_at, notice_due_at)
       SELECT 'BULK' || lpad(g::text, 6, '0'), k.item_id, k.item_version_id, k.organization_id, k.region_id, k.applicant_id, 'window',
              'committed', 'withdrawn', k.form_enc, k.subject, now() - interval '400 days' - g * interval '1 minute', now() - interval '395 days'
       FROM kase k, generate_series(1, $1::int) g WHERE k.id = (SELECT min(id) FROM kase WHERE item_id IS NOT NULL)`,
      [bulk],
    );
    try {
      const a = (await apply(citizen, { itemCode: jointCode, formData: form, materials: complete })).body;
      const all = (await clerk.get('/api/v1/cases?limit=20')).body;
      expect(all).toMatchObject({ total: caseExportLimit, totalCapped: true });
      expect(all.items[0].number).toBe(a.number);
      // a later page reads as the first did; past the limit, the ledger is refused with the reason
      const later = (await clerk.get(`/api/v1/cases?limit=20&offset=${caseExportLimit - 20}`)).body;
      expect(later).toMatchObject({ total: caseExportLimit, totalCapped: true });
      expect(later.items).toHaveLength(20);
      const refused = await fetch(`${server.baseUrl}/api/v1/cases/export.xlsx`, { headers: { cookie: clerk.cookie } });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.details.reason).toMatch(/^more than 20000 cases/);
      // narrowed below the limit the total is exact again
      expect((await clerk.get(`/api/v1/cases?limit=20&from=${today()}`)).body.totalCapped).toBe(false);
      // the search finds its case among them through the number's, the subject's and the applicant's indexes
      expect(await numbers(clerk, `q=${a.number}`)).toEqual([a.number]);
      expect(await numbers(clerk, 'q=BULK000123')).toEqual(['BULK000123']);
      // by the digits of its sequence, as read off a receipt, with or without the leading zeros
      const digits = a.number.slice(15) as string;
      expect(await numbers(clerk, `q=${digits}`)).toEqual([a.number]);
      expect(await numbers(clerk, `q=${digits.replace(/^0+/, '')}`)).toEqual([a.number]);
      const plan = await server.sql(`EXPLAIN SELECT id FROM kase WHERE ltrim(substr(number, 16), '0') = $1`, [digits.replace(/^0+/, '')]);
      expect(JSON.stringify(plan.rows)).toContain('kase_number_sequence_idx');
      const subject = (await clerk.get(`/api/v1/cases/${a.id}`)).body.subject as string;
      const bySubject = (await clerk.get(`/api/v1/cases?limit=5&q=${encodeURIComponent(subject.slice(1))}`)).body;
      expect(bySubject).toMatchObject({ total: caseExportLimit, totalCapped: true });
      expect(bySubject.items[0].number).toBe(a.number);
      // part of a name of two characters, or one, as people search for a Chinese name
      for (const part of ['林小雨', '小雨', '林小', '雨'])
        expect((await clerk.get(`/api/v1/cases?limit=5&q=${encodeURIComponent(part)}`)).body.items[0].number, part).toBe(a.number);
      expect(await numbers(clerk, `q=${encodeURIComponent('雨林')}`)).toEqual([]);
      // what is not a case's subject or an applicant's name finds nothing; LIKE's wildcards are only characters
      expect(await numbers(clerk, `q=${encodeURIComponent('无此事项名称')}`)).toEqual([]);
      expect(await numbers(clerk, `q=${encodeURIComponent('%')}`)).toEqual([]);
      expect(await numbers(clerk, 'q=_')).toEqual([]);
      // a district's clerk sees none of them, counted or listed
      expect((await (await signIn(server, 'qcclerk')).get('/api/v1/cases?limit=5&q=BULK000123')).body).toMatchObject({ total: 0, items: [] });
    } finally {
      await server.sql(`DELETE FROM kase WHERE number LIKE 'BULK%'`);
    }
  });

  it('counts the seven kinds from the tally of settled cases and the cases in hand, as counting every case gives them', async () => {
    // every case of a scope counted by kind, as the cards count them (a bundle's application through its item cases)
    const direct = async (scope: string) =>
      (
        await server.sql(
          `SELECT count(*) FILTER (WHERE k.case_kind = 'immediate')::int AS immediate, count(*) FILTER (WHERE k.case_kind = 'committed')::int AS committed,
                  count(*) FILTER (WHERE k.is_joint)::int AS joint, count(*) FILTER (WHERE k.is_reported_up)::int AS reported_up,
                  count(*) FILTER (WHERE k.is_urgent)::int AS urgent,
                  count(*) FILTER (WHERE k.status IN ('awaiting_supplement', 'notified'))::int AS awaiting_supplement,
                  count(*) FILTER (WHERE k.status IN ('refused', 'withdrawn'))::int AS returned, count(*)::int AS total
           FROM kase k JOIN region r ON r.id = k.region_id JOIN organization o ON o.id = k.organization_id
           WHERE k.bundle_id IS NULL AND ${scope}`,
        )
      ).rows[0];
    const city = `r.path LIKE (SELECT path FROM region WHERE code = '990100000000') || '%'`;
    const district = `r.path LIKE (SELECT path FROM region WHERE parent_id = (SELECT id FROM region WHERE code = '990100000000') ORDER BY id LIMIT 1) || '%'`;
    const market = `o.path LIKE (SELECT o2.path FROM organization o2 JOIN staff s ON s.organization_id = o2.id JOIN account a ON a.id = s.account_id WHERE a.username = 'approver1') || '%'`;
    const [qcclerk, approver] = [await signIn(server, 'qcclerk'), await signIn(server, 'approver1')];
    const check = async () => {
      expect((await clerk.get('/api/v1/cases/kinds')).body).toEqual(await direct(city));
      expect((await qcclerk.get('/api/v1/cases/kinds')).body).toEqual(await direct(district));
      expect((await approver.get('/api/v1/cases/kinds')).body).toEqual(await direct(market));
    };
    // the cases of the tests before: delivered, refused, withdrawn and in hand
    expect((await direct(`k.status IN ('delivered', 'refused', 'withdrawn')`)).total).toBeGreaterThan(0);
    await check();
    const before = (await clerk.get('/api/v1/cases/kinds')).body;
    // a case refused at the window moves from in hand to the tally: counted once, as returned
    const refused = (await apply(citizen, { itemCode: jointCode, formData: form, materials: complete })).body;
    expect((await act(clerk, refused.id, { action: 'refuse', reason: '不属于本中心受理范围' })).status).toBe(200);
    const after = (await clerk.get('/api/v1/cases/kinds')).body;
    expect(after).toMatchObject({ total: before.total + 1, returned: before.returned + 1, awaiting_supplement: before.awaiting_supplement });
    await check();
    // whatever changes a settled case (a correction made in the database) or removes it is followed
    await server.sql(`UPDATE kase SET is_urgent = true WHERE id = $1`, [refused.id]);
    expect((await clerk.get('/api/v1/cases/kinds')).body.urgent).toBe(after.urgent + 1);
    await check();
    await server.sql(`UPDATE kase SET is_urgent = false WHERE id = $1`, [refused.id]);
    await check();
    // cases written straight into the table, settled from the start, are tallied too
    await server.sql(
      `INSERT INTO kase (number, item_id, item_version_id, organization_id, region_id, applicant_id, channel, case_kind, status,
                         form_enc, subject, received_at, notice_due_at)
       SELECT 'TALLY' || g, k.item_id, k.item_version_id, k.organization_id, k.region_id, k.applicant_id, 'window', 'immediate', 'delivered',
              k.form_enc, k.subject, now() - interval '30 days', now() - interval '25 days'
       FROM kase k, generate_series(1, 25) g WHERE k.id = $1`,
      [refused.id],
    );
    expect((await clerk.get('/api/v1/cases/kinds')).body).toMatchObject({ total: after.total + 25, immediate: after.immediate + 25 });
    await check();
    await server.sql(`DELETE FROM kase WHERE number LIKE 'TALLY%'`);
    await check();
  });
});
