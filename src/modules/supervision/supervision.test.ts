import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent } from '../../../test/factories.ts';
import { demoPassword } from '../../../test/env.ts';
import { connect } from '../../server/db/database.ts';
import { systemActor } from '../../server/access.ts';
import { runWrite } from '../../server/write.ts';
import { createStaffAccount } from '../identity/accounts.service.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { computeLimit, warningMoment } from '../calendar/clock-math.ts';
import { refreshClock } from '../calendar/clocks.service.ts';
import { taskYellowAt } from './supervision.handlers.ts';
import { runSupervisionSweep } from './sweep.ts';
import { runSupervisionJob } from './jobs.ts';

let server: TestServer;
let itemCode: string;
let citizen: Client;
let clerk: Client;
let supervisor: Client;
const cst = (s: string) => new Date(`${s}+08:00`).getTime();
const DAY = 86_400_000;

async function publishItem() {
  const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', {
    organizationId: market,
    baseCode: '019900000700',
    content: itemContent({ name: '监察测试许可', audience: ['person', 'enterprise'] }),
  });
  expect(created.status).toBe(201);
  expect((await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`)).status).toBe(200);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

const form = { applicantName: '林小雨', idNumber: '', phone: '13600000001' };

/** A case accepted at the window: its clock runs (5 working days committed, 20 legal) and a review task is open. */
async function acceptedCase(): Promise<{ caseId: number; clockId: number }> {
  const applied = await citizen.post('/api/v1/cases', {
    itemCode,
    formData: form,
    materials: [
      { key: 'application_form', reference: 'upload:application.pdf' },
      { key: 'business_license', fromLicense: true },
    ],
  });
  expect(applied.status).toBe(201);
  const accepted = await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' });
  expect(accepted.status).toBe(200);
  return { caseId: applied.body.id, clockId: accepted.body.clock.id };
}

/**
 * Move a clock's start back by `days` calendar days and let the calendar recompute its deadlines and
 * moments as they were marked at the start (the moments that passed since are due for the sweep).
 */
async function age(clockId: number, days: number, hours = 0) {
  const { rows } = await server.sql(`UPDATE clock SET started_at = started_at - make_interval(days => $2, hours => $3) WHERE id = $1 RETURNING started_at`, [
    clockId,
    days,
    hours,
  ]);
  await runWrite(server.db, systemActor, (ctx) => refreshClock(ctx, clockId, rows[0].started_at.getTime()));
  return (await server.sql('SELECT * FROM clock WHERE id = $1', [clockId])).rows[0];
}

const warningsOf = async (caseId: number) =>
  (await server.sql('SELECT subject_type, level, limit_kind, crossed_at, raised_at FROM supervision_warning WHERE case_id = $1 ORDER BY id', [caseId])).rows;

beforeAll(async () => {
  server = await startTestServer();
  itemCode = await publishItem();
  citizen = await signIn(server, 'citizen1');
  clerk = await signIn(server, 'clerk1');
  supervisor = await signIn(server, 'supervisor1');
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  form.idNumber = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber;
});
afterAll(async () => {
  await server?.close();
});

describe('warning thresholds', () => {
  it('turns a limit yellow at one working day left or 80 % used, whichever is first', async () => {
    const { calendar } = await workCalendarFor(server.db, null);
    const start = cst('2026-11-23T09:00:00'); // a Monday
    const limit = (days: number) => computeLimit(calendar, start, { limit: days, unit: 'workday' }, 'committed', [], [], start);
    const five = limit(5);
    expect(five.dueAt).toBe(cst('2026-12-01T00:00:00')); // the end of Mon 11-30
    // 80 %: 4 of 5 days used at the start of Fri 11-27, before the last day
    expect(warningMoment(calendar, start, five, { workdaysLeft: 1, usedPercent: 80 })).toBe(cst('2026-11-27T00:00:00'));
    // without the share rule: the start of the last working day, across the weekend
    expect(warningMoment(calendar, start, five, { workdaysLeft: 1, usedPercent: 100 })).toBe(cst('2026-11-30T00:00:00'));
    expect(warningMoment(calendar, start, five, { workdaysLeft: 3, usedPercent: 100 })).toBe(cst('2026-11-26T00:00:00'));
    // 20 working days: 80 % (day 16) comes long before the last day
    const twenty = limit(20);
    expect(warningMoment(calendar, start, twenty, { workdaysLeft: 1, usedPercent: 80 })).toBe(cst('2026-12-15T00:00:00'));
    expect(warningMoment(calendar, start, twenty, { workdaysLeft: 1, usedPercent: 100 })).toBe(cst('2026-12-21T00:00:00'));
    // an immediate item (0 days) is yellow from the start and red at the end of the day
    const zero = limit(0);
    expect(warningMoment(calendar, start, zero, { workdaysLeft: 1, usedPercent: 80 })).toBeLessThanOrEqual(start);
    expect(zero.dueAt).toBe(cst('2026-11-24T00:00:00'));
    // a task due at the end of Wed 11-25, opened Mon: 80 % of the time, or the start of Wednesday
    expect(taskYellowAt(calendar, start, cst('2026-11-26T00:00:00'), { workdaysLeft: 1, usedPercent: 80 })).toBe(cst('2026-11-25T00:00:00'));
    expect(taskYellowAt(calendar, start, cst('2026-11-26T00:00:00'), { workdaysLeft: 1, usedPercent: 50 })).toBe(
      start + Math.ceil((cst('2026-11-26T00:00:00') - start) / 2),
    );
  });

  it('lets a city-wide administrator change the thresholds and re-marks open clocks', async () => {
    const { clockId } = await acceptedCase();
    const before = (await server.sql('SELECT warn_at, committed_due_at FROM clock WHERE id = $1', [clockId])).rows[0];
    const admin = await signIn(server, 'centeradmin');
    const current = (await admin.get('/api/v1/supervision/settings')).body;
    expect(current).toMatchObject({ workdaysLeft: 1, usedPercent: 80, canChange: true });
    // bad input changes nothing
    expect((await admin.put('/api/v1/supervision/settings', { workdaysLeft: -1, usedPercent: 80 })).status).toBe(400);
    expect((await admin.put('/api/v1/supervision/settings', { workdaysLeft: 1, usedPercent: 0 })).status).toBe(400);
    // a district administrator and a supervisor may not change platform-wide thresholds (and are told so before trying)
    const districtAdmin = await signIn(server, 'districtadmin');
    expect((await districtAdmin.get('/api/v1/supervision/settings')).body).toMatchObject({ workdaysLeft: 1, canChange: false });
    expect((await supervisor.get('/api/v1/supervision/settings')).body.canChange).toBe(false);
    expect((await districtAdmin.put('/api/v1/supervision/settings', { workdaysLeft: 2, usedPercent: 100 })).status).toBe(403);
    expect((await supervisor.put('/api/v1/supervision/settings', { workdaysLeft: 2, usedPercent: 100 })).status).toBe(403);
    const changed = await admin.put('/api/v1/supervision/settings', { workdaysLeft: 2, usedPercent: 100, expectedVersion: current.version });
    expect(changed.status).toBe(200);
    expect((await admin.put('/api/v1/supervision/settings', { workdaysLeft: 1, usedPercent: 80, expectedVersion: current.version })).status).toBe(409);
    const r = await runSupervisionJob(server.db);
    expect(r.remarked).toBeGreaterThan(0);
    const after = (await server.sql('SELECT warn_at, committed_due_at FROM clock WHERE id = $1', [clockId])).rows[0];
    expect(after.committed_due_at.getTime()).toBe(before.committed_due_at.getTime());
    // two working days left: the start of the working day before the due day
    const { calendar } = await workCalendarFor(server.db, null);
    const dueDay = Math.floor((after.committed_due_at.getTime() + 8 * 3_600_000) / DAY) - 1;
    let previous = dueDay - 1;
    while (!calendar.isWorkday(previous)) previous -= 1;
    expect(after.warn_at.getTime()).toBe(previous * DAY - 8 * 3_600_000);
    expect((await admin.put('/api/v1/supervision/settings', { workdaysLeft: 1, usedPercent: 80 })).status).toBe(200);
    await runSupervisionJob(server.db);
    expect((await server.sql('SELECT warn_at FROM clock WHERE id = $1', [clockId])).rows[0].warn_at.getTime()).toBe(before.warn_at.getTime());
  });
});

describe('the supervision sweep', () => {
  it('raises each warning exactly once with two workers sweeping at the same time', async () => {
    const cases = [];
    for (let i = 0; i < 12; i++) cases.push(await acceptedCase());
    await server.drainOutbox();
    // aged into the last working day of five: yellow, not yet red. Four days back cannot be past the deadline;
    // from there, six hours at a time until the warning moment has passed (the day before a weekend or a holiday,
    // that takes longer than on a Tuesday)
    const now = Date.now();
    const yellowNow = (clock: Record<string, Date>) => clock.warn_at!.getTime() <= now && clock.committed_due_at!.getTime() > now;
    for (const c of cases) {
      let clock = await age(c.clockId, 4);
      for (let step = 0; step < 80 && !yellowNow(clock); step++) clock = await age(c.clockId, 0, 6);
      expect(yellowNow(clock), `clock ${c.clockId}: warn ${clock.warn_at.toISOString()}, due ${clock.committed_due_at.toISOString()}`).toBe(true);
    }
    const second = connect(server.dbUrl, 4);
    try {
      const at = new Date();
      const [a, b] = await Promise.all([runSupervisionSweep(server.db, at, 3), runSupervisionSweep(second.db, at, 3)]);
      const yellow = (await server.sql("SELECT count(*)::int AS n FROM supervision_warning WHERE level = 'yellow' AND subject_type = 'clock'")).rows[0].n;
      expect(yellow).toBeGreaterThanOrEqual(12);
      expect(a.raised + b.raised).toBe(
        (await server.sql('SELECT count(*)::int AS n FROM supervision_warning WHERE raised_at >= $1', [new Date(at.getTime() - 60_000)])).rows[0].n,
      );
      for (const c of cases) expect((await warningsOf(c.caseId)).filter((w) => w.subject_type === 'clock').map((w) => w.level)).toEqual(['yellow']);
      // the head line counts today's warnings by level, apart from the running totals
      const head = (await supervisor.get('/api/v1/supervision/summary')).body.warnings;
      expect(head.todayYellow).toBeGreaterThanOrEqual(12);
      expect(head.todayYellow + head.todayRed).toBe(head.today);
      expect(head.yellow).toBeGreaterThanOrEqual(head.todayYellow);
      // both ran at once, and again: nothing is raised twice
      const again = await Promise.all([runSupervisionSweep(server.db), runSupervisionSweep(second.db)]);
      expect(again[0].raised + again[1].raised).toBe(0);
      // past the deadline: red, once
      const later = new Date(Date.now() + 3 * DAY);
      const [c1, c2] = await Promise.all([runSupervisionSweep(server.db, later, 2), runSupervisionSweep(second.db, later, 2)]);
      expect(c1.clocks + c2.clocks).toBeGreaterThanOrEqual(12);
      for (const c of cases) expect((await warningsOf(c.caseId)).filter((w) => w.subject_type === 'clock').map((w) => w.level)).toEqual(['yellow', 'red']);
    } finally {
      await second.close();
    }
    // the people responsible hear of it through the outbox: the market approvers and the head
    await server.drainOutbox();
    const told = await server.sql(
      `SELECT a.username, m.title->>'zh-CN' AS title FROM message m JOIN account a ON a.id = m.account_id WHERE m.kind = 'supervision' AND m.link = $1`,
      [`/workbench/cases/${cases[0]!.caseId}`],
    );
    const names = told.rows.map((r) => r.username);
    expect(names).toEqual(expect.arrayContaining(['approver1', 'approver1b', 'head1']));
    expect(told.rows.map((r) => r.title)).toEqual(expect.arrayContaining(['黄色预警：办理时限将至', '红色预警：办件已超期']));
  });

  it('catches up after downtime: both moments passed while nothing swept', async () => {
    const { caseId, clockId } = await acceptedCase();
    await server.drainOutbox();
    const clock = await age(clockId, 0);
    // thirty days without a sweep: yellow, committed red and the legal deadline all passed meanwhile
    const back = new Date(Date.now() + 40 * DAY);
    const r = await runSupervisionSweep(server.db, back);
    expect(r.raised).toBeGreaterThanOrEqual(2);
    const clockWarnings = (await warningsOf(caseId)).filter((w) => w.subject_type === 'clock');
    expect(clockWarnings.map((w) => w.level)).toEqual(['yellow', 'red']);
    // each records when its threshold was really crossed, not when the sweep came back
    expect(clockWarnings[0].crossed_at.getTime()).toBe(clock.warn_at.getTime());
    expect(clockWarnings[1].crossed_at.getTime()).toBe(clock.committed_due_at.getTime());
    expect(clockWarnings[1].limit_kind).toBe('committed');
    // the task's own due time passed too
    expect((await warningsOf(caseId)).filter((w) => w.subject_type === 'task').map((w) => w.level)).toEqual(['yellow', 'red']);
    const after = (await server.sql('SELECT next_attention_at, is_overdue FROM clock WHERE id = $1', [clockId])).rows[0];
    expect(after.next_attention_at).toBeNull();
    expect(after.is_overdue).toBe(true);
    // one notification per subject for the pass (the red one), not one per level
    await server.drainOutbox();
    const events = await server.sql("SELECT payload->>'level' AS level FROM domain_event WHERE type = 'supervision.warning_raised' AND stream_id = $1", [
      String(caseId),
    ]);
    expect(events.rows.map((e) => e.level).sort()).toEqual(['red', 'red']);
    expect((await runSupervisionSweep(server.db, back)).raised).toBe(0);
  });

  it('sets aside a clock it cannot work out for an hour and sweeps the clocks behind it', async () => {
    const { caseId, clockId } = await acceptedCase();
    await server.drainOutbox();
    await age(clockId, 30);
    // another case's clock whose deadline lies beyond the calendar's last year, due before the good one
    const broken = (await acceptedCase()).clockId;
    await server.sql(
      `UPDATE clock SET started_at = '2100-12-30T01:00:00Z', committed_limit = 60, committed_due_at = '2101-03-30T01:00:00Z',
                        next_attention_at = now() - interval '100 days', warn_at = now() - interval '100 days' WHERE id = $1`,
      [broken],
    );
    const r = await runSupervisionSweep(server.db);
    expect(r.setAside.map((c) => c.clockId)).toEqual([broken]);
    expect(r.setAside[0]!.error).not.toBe('');
    // the good clock behind it was swept: its warnings are there
    expect((await warningsOf(caseId)).filter((w) => w.subject_type === 'clock').map((w) => w.level)).toEqual(['yellow', 'red']);
    const parked = (await server.sql('SELECT next_attention_at FROM clock WHERE id = $1', [broken])).rows[0].next_attention_at as Date;
    expect(parked.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    // the next run does not trip over it again
    expect((await runSupervisionSweep(server.db)).setAside).toEqual([]);
    await server.sql(`UPDATE clock SET state = 'stopped', stopped_at = now(), next_attention_at = NULL WHERE id = $1`, [broken]);
  });

  it('records suspicious patterns: a clock paused more than twice', async () => {
    const { caseId } = await acceptedCase();
    const approver = await signIn(server, 'approver1');
    const kase = (await approver.get(`/api/v1/cases/${caseId}`)).body;
    const task = kase.tasks.find((t: { state: string }) => t.state === 'open');
    for (let i = 0; i < 3; i++) {
      expect(
        (await approver.post(`/api/v1/cases/${caseId}/actions`, { action: 'start_special', taskId: task.id, kind: 'inspection', reason: '现场核查' })).status,
      ).toBe(200);
      expect((await approver.post(`/api/v1/cases/${caseId}/actions`, { action: 'end_special', taskId: task.id, result: '核查通过' })).status).toBe(200);
    }
    await server.drainOutbox();
    const found = (await supervisor.get('/api/v1/supervision/findings?kind=paused_often')).body;
    expect(found.items.map((f: { caseId: number }) => f.caseId)).toContain(caseId);
    // a late acceptance: after the five days of the one-time notice (art. 32)
    const applied = await citizen.post('/api/v1/cases', {
      itemCode,
      formData: form,
      materials: [
        { key: 'application_form', reference: 'upload:application.pdf' },
        { key: 'business_license', fromLicense: true },
      ],
    });
    await server.sql("UPDATE kase SET notice_due_at = now() - interval '1 hour', received_at = now() - interval '10 days' WHERE id = $1", [applied.body.id]);
    expect((await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' })).status).toBe(200);
    await server.drainOutbox();
    const late = (await supervisor.get('/api/v1/supervision/findings?kind=late_acceptance')).body;
    expect(late.items.map((f: { caseId: number }) => f.caseId)).toContain(applied.body.id);
    // a late delivery: past the ten working days after the decision (art. 44); one in time is no finding
    const inTime = await acceptedCase();
    const lateOne = await acceptedCase();
    await server.sql("UPDATE kase SET status = 'concluded', decision = 'granted', decided_at = now() - interval '1 hour' WHERE id = $1", [inTime.caseId]);
    await server.sql("UPDATE kase SET status = 'concluded', decision = 'granted', decided_at = now() - interval '40 days' WHERE id = $1", [lateOne.caseId]);
    for (const c of [inTime, lateOne])
      expect((await clerk.post(`/api/v1/cases/${c.caseId}/actions`, { action: 'deliver', method: 'electronic' })).status).toBe(200);
    await server.drainOutbox();
    const lateDeliveries = (await supervisor.get('/api/v1/supervision/findings?kind=late_delivery')).body.items as {
      caseId: number;
      detail: Record<string, unknown>;
    }[];
    expect(lateDeliveries.map((f) => f.caseId)).toEqual([lateOne.caseId]);
    expect(lateDeliveries[0]!.detail.workdaysAfterDecision).toBeGreaterThan(10);
    const summary = (await supervisor.get('/api/v1/supervision/summary')).body;
    expect(summary.findings.paused_often).toBeGreaterThanOrEqual(1);
    expect(summary.findings.late_acceptance).toBeGreaterThanOrEqual(1);
    expect(summary.findings.late_delivery).toBe(1);
    // the kinds a finding may be are a domain's list (migration 0024)
    await expect(server.sql("UPDATE supervision_finding SET kind = 'odd' WHERE case_id = $1", [lateOne.caseId])).rejects.toMatchObject({ code: '23514' });
  });
});

describe('督办 orders', () => {
  it('runs from issue to reply, escalation and close, each step recorded, counted and notified', async () => {
    const { caseId } = await acceptedCase();
    const head = await signIn(server, 'head1');
    const police = await signIn(server, 'approver2');
    // only supervisors issue, with valid input
    expect((await clerk.post('/api/v1/supervision/orders', { caseId, request: '请说明进度', replyWorkdays: 2 })).status).toBe(403);
    expect((await supervisor.post('/api/v1/supervision/orders', { caseId, request: '请', replyWorkdays: 2 })).status).toBe(400);
    expect((await supervisor.post('/api/v1/supervision/orders', { caseId, request: '请说明进度', replyWorkdays: 0 })).status).toBe(400);
    expect((await supervisor.post('/api/v1/supervision/orders', { caseId: 99999999, request: '请说明进度', replyWorkdays: 2 })).status).toBe(404);
    expect((await server.sql('SELECT count(*)::int AS n FROM supervision_order WHERE case_id = $1', [caseId])).rows[0].n).toBe(0);

    const key = { 'idempotency-key': `order-${caseId}-first` };
    const issued = await supervisor.post('/api/v1/supervision/orders', { caseId, request: '该件审查进度滞后，请说明原因并加快办理。', replyWorkdays: 2 }, key);
    expect(issued.status).toBe(201);
    expect(issued.body.number).toMatch(/^DB\d{8}\d{5}$/);
    const replay = await supervisor.post('/api/v1/supervision/orders', { caseId, request: '该件审查进度滞后，请说明原因并加快办理。', replyWorkdays: 2 }, key);
    expect(replay.body.id).toBe(issued.body.id);
    const id = issued.body.id as number;

    // addressed to the department holding the open task (市场监管局); other departments do not see it
    const inbox = (await head.get('/api/v1/supervision/orders?view=department')).body;
    expect(inbox.items.map((o: { id: number }) => o.id)).toContain(id);
    expect((await police.get('/api/v1/supervision/orders?view=department')).body.items.map((o: { id: number }) => o.id)).not.toContain(id);
    expect((await police.get(`/api/v1/supervision/orders/${id}`)).status).toBe(404);
    expect((await police.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'reply', text: '不是我们的件' })).status).toBe(404);

    // nothing to close before an answer; no escalation of an unanswered order before its deadline
    expect((await supervisor.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'close', note: '已办结' })).status).toBe(409);
    expect((await supervisor.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'escalate', note: '升级', replyWorkdays: 1 })).status).toBe(409);
    // the department cannot close its own order
    expect((await head.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'close', note: '已办结' })).status).toBe(403);

    const replied = await head.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'reply', text: '已安排专人审查，明日办结。' });
    expect(replied.status).toBe(200);
    expect(replied.body.status).toBe('replied');
    expect((await head.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'reply', text: '再次答复' })).status).toBe(409);

    // close and escalate at the same moment: exactly one wins
    const version = replied.body.version as number;
    const race = await Promise.all([
      supervisor.post(`/api/v1/supervision/orders/${id}/actions`, {
        action: 'escalate',
        note: '答复不具体，升级督办',
        replyWorkdays: 1,
        expectedVersion: version,
      }),
      supervisor.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'close', note: '答复属实，办结', expectedVersion: version }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    let order = (await supervisor.get(`/api/v1/supervision/orders/${id}`)).body;
    if (order.status === 'escalated') {
      expect(order.escalations).toBe(1);
      expect((await head.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'reply', text: '已于今日办结。' })).status).toBe(200);
      expect((await supervisor.post(`/api/v1/supervision/orders/${id}/actions`, { action: 'close', note: '核实办结' })).status).toBe(200);
      order = (await supervisor.get(`/api/v1/supervision/orders/${id}`)).body;
    }
    expect(order.status).toBe('closed');
    expect(order.entries[0]).toMatchObject({ kind: 'issued', by: '周正' });
    expect(order.entries.at(-1).kind).toBe('closed');
    expect(order.entries.map((e: { kind: string }) => e.kind)).toContain('replied');

    // notified through the outbox: the department on issue, the supervisor on reply
    await server.drainOutbox();
    const msgs = await server.sql(
      `SELECT a.username, m.title->>'zh-CN' AS title FROM message m JOIN account a ON a.id = m.account_id WHERE m.kind = 'supervision' AND m.link LIKE $1`,
      [`%/${id}`],
    );
    const pairs = msgs.rows.map((r) => `${r.username}:${r.title}`);
    expect(pairs).toEqual(expect.arrayContaining(['head1:收到督办令', 'approver1:收到督办令', 'supervisor1:督办令已答复', 'head1:督办令已办结']));
    // audited and counted
    expect(
      (await server.sql("SELECT count(*)::int AS n FROM audit_entry WHERE action LIKE 'supervision.order.%' AND target_id = $1", [String(id)])).rows[0].n,
    ).toBe(order.entries.length);
    const summary = (await supervisor.get('/api/v1/supervision/summary')).body;
    expect(summary.orders.closed).toBeGreaterThanOrEqual(1);
  });
});

describe('scope', () => {
  it('shows a district supervisor the cases of their district only', async () => {
    const district = (await server.sql("SELECT id FROM region WHERE name = '青川区'")).rows[0].id as number;
    const qcCenter = (await server.sql("SELECT id FROM organization WHERE name = '青川区政务服务中心'")).rows[0].id as number;
    const username = `qcsupervisor${Date.now() % 100000}`;
    await runWrite(server.db, systemActor, (ctx) =>
      createStaffAccount(ctx, server.deps, {
        username,
        password: demoPassword,
        name: '青川监察员',
        organizationId: qcCenter,
        roles: [{ role: 'supervisor', regionId: district }],
      }),
    );
    const local = await signIn(server, username);
    const inDistrict = await acceptedCase();
    const inCity = await acceptedCase();
    await server.sql('UPDATE kase SET region_id = $2 WHERE id = $1', [inDistrict.caseId, district]);

    const seen = (await local.get('/api/v1/supervision/cases?limit=500')).body.items.map((c: { id: number }) => c.id);
    expect(seen).toContain(inDistrict.caseId);
    expect(seen).not.toContain(inCity.caseId);
    // a case's clock: looked up where the case is
    expect((await local.get(`/api/v1/calendar/clocks/${inDistrict.clockId}`)).status).toBe(200);
    expect((await local.get(`/api/v1/calendar/clocks/${inCity.clockId}`)).status).toBe(404);
    expect((await supervisor.get(`/api/v1/calendar/clocks/${inDistrict.clockId}`)).status).toBe(200);
    const citySeen = (await supervisor.get('/api/v1/supervision/cases?limit=500')).body.items.map((c: { id: number }) => c.id);
    expect(citySeen).toEqual(expect.arrayContaining([inDistrict.caseId, inCity.caseId]));

    // orders: only on cases in scope; the city supervisor's order is not the district's to see
    expect((await local.post('/api/v1/supervision/orders', { caseId: inCity.caseId, request: '请说明进度', replyWorkdays: 2 })).status).toBe(404);
    const mine = await local.post('/api/v1/supervision/orders', { caseId: inDistrict.caseId, request: '请说明进度', replyWorkdays: 2 });
    expect(mine.status).toBe(201);
    const theirs = await supervisor.post('/api/v1/supervision/orders', { caseId: inCity.caseId, request: '请说明进度', replyWorkdays: 2 });
    expect((await local.get(`/api/v1/supervision/orders/${theirs.body.id}`)).status).toBe(404);
    const listed = (await local.get('/api/v1/supervision/orders')).body.items.map((o: { id: number }) => o.id);
    expect(listed).toContain(mine.body.id);
    expect(listed).not.toContain(theirs.body.id);
    // warnings too
    await age(inCity.clockId, 30);
    await age(inDistrict.clockId, 30);
    await runSupervisionSweep(server.db);
    const warned = (await local.get('/api/v1/supervision/warnings?limit=500')).body.items.map((w: { caseId: number }) => w.caseId);
    expect(warned).toContain(inDistrict.caseId);
    expect(warned).not.toContain(inCity.caseId);
    const lights = (await local.get('/api/v1/supervision/cases?light=red')).body.items.map((c: { id: number }) => c.id);
    expect(lights).toEqual([inDistrict.caseId]);

    // no permission at all: 403; bad filters: 400
    expect((await clerk.get('/api/v1/supervision/cases')).status).toBe(403);
    expect((await supervisor.get('/api/v1/supervision/cases?light=blue')).status).toBe(400);
  });
});
