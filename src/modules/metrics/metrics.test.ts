import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent } from '../../../test/factories.ts';
import { rebuildMetrics } from './rebuild.ts';
import { counters, dimensions, recordRating, staffCounters } from './rollups.ts';
import { generateHistory } from './generate.ts';
import { drainMetrics } from './feed.ts';

let server: TestServer;
let center: Client;
const q = async <T = any>(text: string, values: unknown[] = []) => (await server.sql(text, values)).rows as T[];
const one = async <T = any>(text: string, values: unknown[] = []) => (await q<T>(text, values))[0]!;
const at = (local: string) => new Date(`${local}+08:00`);

interface Ids {
  immediateItem: { id: number; version: number; org: number; region: number };
  committedItem: { id: number; version: number; org: number; region: number };
  applicant: number;
  clerk1: number;
  clerk2: number;
  head1: number;
}
let ids: Ids;

/** One case written straight into the tables, as the cases module would have left it. */
async function insertCase(c: {
  item: 'immediate' | 'committed';
  channel: string;
  received: string;
  accepted?: string;
  concluded?: string;
  delivered?: string;
  refused?: string;
  acceptor?: number;
  pause?: [string, string];
  urgent?: boolean;
  joint?: boolean;
  limits?: [number, number];
}): Promise<number> {
  const item = c.item === 'immediate' ? ids.immediateItem : ids.committedItem;
  const [committed, legal] = c.limits ?? (c.item === 'immediate' ? [0, 0] : [5, 20]);
  let clockId: number | null = null;
  if (c.accepted) {
    const clock = await one(
      `INSERT INTO clock (owner_type, owner_id, region_id, started_at, state, committed_limit, committed_unit, legal_limit, legal_unit, stopped_at)
       VALUES ('case', 'fixture-' || nextval('case_number_seq'), $1, $2, $3, $4, 'workday', $5, 'workday', $6) RETURNING id`,
      [item.region, at(c.accepted), c.concluded ? 'stopped' : 'running', committed, legal, c.concluded ? at(c.concluded) : null],
    );
    clockId = Number(clock.id);
    if (c.pause)
      await q(`INSERT INTO clock_pause (clock_id, reason, started_at, ended_at) VALUES ($1, 'supplement', $2, $3)`, [clockId, at(c.pause[0]), at(c.pause[1])]);
  }
  const status = c.refused ? 'refused' : c.delivered ? 'delivered' : c.concluded ? 'concluded' : c.accepted ? 'in_progress' : 'submitted';
  const row = await one(
    `INSERT INTO kase (number, item_id, item_version_id, organization_id, region_id, applicant_id, channel, case_kind, is_joint, is_urgent, status,
                       form_enc, subject, received_at, notice_due_at, accepted_at, concluded_at, delivered_at, decision, decided_at, clock_id)
     VALUES ('990100W' || to_char(now(), 'YYYYMMDD') || lpad(nextval('case_number_seq')::text, 7, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
             'x', '测试', $11, $11::timestamptz + interval '7 days', $12, $13, $14, CASE WHEN $13::timestamptz IS NOT NULL THEN 'granted' END, $13, $15)
     RETURNING id`,
    [
      item.id,
      item.version,
      item.org,
      item.region,
      ids.applicant,
      c.channel,
      c.item,
      !!c.joint,
      !!c.urgent,
      status,
      at(c.received),
      c.accepted ? at(c.accepted) : null,
      c.concluded ? at(c.concluded) : null,
      c.delivered ? at(c.delivered) : null,
      clockId,
    ],
  );
  const id = Number(row.id);
  const events: [string, string, number | null, object?][] = [['submitted', c.received, null]];
  if (c.accepted) events.push(['accepted', c.accepted, c.acceptor ?? ids.clerk1]);
  if (c.pause) events.push(['supplement_requested', c.pause[0], ids.head1], ['supplemented', c.pause[1], null]);
  if (c.item === 'committed' && c.concluded) {
    const task = await one(
      `INSERT INTO case_task (case_id, node_index, node_id, stage, name, assignee_role, organization_id, state, outcome, completed_at, completed_by)
       VALUES ($1, 1, 'decide', 'decide', '决定', 'head', $2, 'done', 'approved', $3, $4) RETURNING id`,
      [id, item.org, at(c.concluded), ids.head1],
    );
    events.push(['task_approved', c.concluded, ids.head1, { task: Number(task.id) }]);
  }
  if (c.concluded) events.push(['concluded', c.concluded, null]);
  if (c.delivered) events.push(['delivered', c.delivered, c.acceptor ?? ids.clerk1, { late: false }]);
  if (c.refused) events.push(['refused', c.refused, ids.clerk1]);
  let seq = 0;
  for (const [type, when, actor, extra] of events) {
    const taskId = (extra as { task?: number } | undefined)?.task ?? null;
    await q(`INSERT INTO case_event (case_id, seq, type, actor_id, task_id, payload, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      ++seq,
      type,
      actor,
      taskId,
      JSON.stringify(extra ?? {}),
      at(when),
    ]);
  }
  return id;
}

const dashboard = (c: Client, query: string) => c.get(`/api/v1/metrics/dashboard?${query}`);
/** The rollups summed over their shards, without keys that sum to nothing, in a comparable order. */
const summed = (table: string, period: string, keys: readonly string[], sums: readonly string[]) => {
  const key = [period, ...keys].join(', ');
  return q(`SELECT ${key}, ${sums.map((c) => `sum(${c})::bigint AS ${c}`).join(', ')} FROM ${table} GROUP BY ${key}
            HAVING ${sums.map((c) => `sum(${c}) <> 0`).join(' OR ')} ORDER BY ${key}`);
};
/** The rollups once the feed has counted every committed event. */
const rollupSnapshot = async () => {
  await drainMetrics(server.db);
  return rollups();
};
const rollups = async () => ({
  daily: await summed('metric_daily', 'day', dimensions, counters),
  monthly: await summed('metric_monthly', 'month', dimensions, counters),
  staff: await summed('metric_staff_daily', 'day', ['account_id', 'organization_id', 'window_id'], staffCounters),
});

beforeAll(async () => {
  server = await startTestServer();
  center = await signIn(server, 'centeradmin');
  const market = Number((await one(`SELECT id FROM organization WHERE name = '云州市市场监督管理局'`)).id);
  const item = async (kind: string) => {
    const r = await one(
      `SELECT i.id, i.published_version_id AS version, i.organization_id AS org, i.region_id AS region FROM item i JOIN item_version v ON v.id = i.published_version_id
       WHERE i.status = 'published' AND i.organization_id = $1 AND v.content ->> 'caseKind' = $2 ORDER BY i.id LIMIT 1`,
      [market, kind],
    );
    return { id: Number(r.id), version: Number(r.version), org: Number(r.org), region: Number(r.region) };
  };
  const account = async (u: string) => Number((await one(`SELECT id FROM account WHERE username = $1`, [u])).id);
  ids = {
    immediateItem: await item('immediate'),
    committedItem: await item('committed'),
    applicant: Number((await one(`SELECT id FROM applicant ORDER BY id LIMIT 1`)).id),
    clerk1: await account('clerk1'),
    clerk2: await account('clerk2'),
    head1: await account('head1'),
  };
});
afterAll(async () => {
  await server?.close();
});

describe('metric formulas on a hand-computed month (March 2025)', () => {
  beforeAll(async () => {
    // March 2025: 1 and 2 are a weekend; no holidays
    await insertCase({
      item: 'immediate',
      channel: 'window',
      received: '2025-03-03T10:00',
      accepted: '2025-03-03T10:05',
      concluded: '2025-03-03T10:30',
      delivered: '2025-03-03T10:40',
    });
    await insertCase({
      item: 'immediate',
      channel: 'online',
      received: '2025-03-03T11:00',
      accepted: '2025-03-04T09:00',
      concluded: '2025-03-04T09:30',
      acceptor: ids.clerk2,
    });
    const c3 = await insertCase({
      item: 'committed',
      channel: 'online',
      received: '2025-03-05T09:00',
      accepted: '2025-03-05T09:10',
      concluded: '2025-03-07T15:00',
    });
    // 6 working days from acceptance to conclusion, 2 of them paused for supplements: 4 used of 5
    await insertCase({
      item: 'committed',
      channel: 'window',
      received: '2025-03-06T09:00',
      accepted: '2025-03-06T09:05',
      pause: ['2025-03-07T09:00', '2025-03-11T09:00'],
      concluded: '2025-03-14T16:00',
    });
    // 6 working days used of 5: late
    await insertCase({
      item: 'committed',
      channel: 'mobile',
      received: '2025-03-10T09:00',
      accepted: '2025-03-10T09:30',
      concluded: '2025-03-18T10:00',
      acceptor: ids.clerk2,
    });
    // exactly 5 of 5: on time, not early
    await insertCase({
      item: 'committed',
      channel: 'window',
      received: '2025-03-12T08:50',
      accepted: '2025-03-12T09:00',
      concluded: '2025-03-19T11:00',
      acceptor: ids.clerk2,
    });
    await insertCase({ item: 'immediate', channel: 'window', received: '2025-03-20T09:00', refused: '2025-03-20T10:00' });
    await insertCase({ item: 'committed', channel: 'online', received: '2025-03-24T09:00', accepted: '2025-03-24T10:00', urgent: true, joint: true });
    // accepted in February, concluded in March (2 working days: early)
    await insertCase({ item: 'committed', channel: 'online', received: '2025-02-27T09:00', accepted: '2025-02-27T09:30', concluded: '2025-03-03T15:00' });
    // the month before and the same month a year before
    await insertCase({ item: 'immediate', channel: 'window', received: '2025-02-10T09:00', accepted: '2025-02-10T09:05', concluded: '2025-02-10T09:30' });
    await insertCase({ item: 'immediate', channel: 'window', received: '2024-03-05T09:00', accepted: '2024-03-05T09:05', concluded: '2024-03-05T09:30' });
    // a fee of 50 yuan paid on 7 March
    await q(
      `INSERT INTO case_fee (case_id, fee_index, name, standard, reducible, charge_at, standard_cents, amount_cents, status, paid_at)
       VALUES ($1, 0, '工本费', '50 元', false, 'acceptance', 5000, 5000, 'paid', $2)`,
      [c3, at('2025-03-07T14:00')],
    );
    await rebuildMetrics(server.db);
    // ratings come through the hook: 非常满意 on case 1, 不满意 on case 3
    const first = Number((await one(`SELECT min(id) AS id FROM kase`)).id);
    await server.db.transaction().execute(async (tx) => {
      await recordRating(tx, first, 5, at('2025-03-03T11:00'));
      await recordRating(tx, c3, 2, at('2025-03-10T09:00'));
    });
  });

  it('computes every figure of the month', async () => {
    const r = await dashboard(center, 'period=month&date=2025-03-15&groupBy=window');
    expect(r.status).toBe(200);
    const f = r.body.current;
    const items = Number((await one(`SELECT count(*) AS n FROM item WHERE status = 'published'`)).n);
    expect(r.body.period).toMatchObject({ kind: 'month', from: '2025-03-01', to: '2025-03-31', label: '2025-03' });
    expect(f).toMatchObject({
      received: 8,
      accepted: 7,
      completed: 7,
      completionRate: Math.round((6 / 7) * 10000) / 10000,
      completedOfAccepted: 6,
      onTimeRate: Math.round((6 / 7) * 10000) / 10000,
      earlyRate: 0.6,
      immediateShare: Math.round((2 / 7) * 10000) / 10000,
      atWindowShare: Math.round((2 / 7) * 10000) / 10000,
      avgActualDays: 2.71,
      avgCommittedDays: 3.57,
      avgLegalDays: 14.29,
      onlineUptake: Math.round((4 / 7) * 10000) / 10000,
      fees: 50,
      satisfaction: 0.5,
      ratings: 2,
      late: 1,
      returned: 1,
      delivered: 1,
      kinds: { immediate: 2, committed: 5, joint: 1, reported_up: 0, urgent: 1, awaiting_supplement: 1, returned: 1 },
    });
    // every demo item is online-capable (online depth 3 or 4)
    expect(r.body.catalog).toEqual({ items, onlineCapable: items });
    expect(f.onlineCapableShare).toBe(1);
    // 环比 against February (2 accepted, 1 completed) and 同比 against March 2024 (1 accepted)
    expect(r.body.previous).toMatchObject({ accepted: 2, completed: 1 });
    expect(r.body.mom.accepted).toBe(2.5);
    expect(r.body.lastYear).toMatchObject({ accepted: 1, completed: 1 });
    expect(r.body.yoy.accepted).toBe(6);
    // by window: clerk1 staffs window 1, clerk2 window 2
    const byWindow = Object.fromEntries(r.body.breakdown.map((b: any) => [b.name.split(' ').slice(1).join(' '), b.figures]));
    expect(byWindow['1号 综合受理窗口']).toMatchObject({ accepted: 4, completed: 4, onTimeRate: 1, earlyRate: 1, satisfaction: 0.5 });
    expect(byWindow['2号 综合受理窗口']).toMatchObject({ accepted: 3, completed: 3, onTimeRate: Math.round((2 / 3) * 10000) / 10000, earlyRate: 0 });
  });

  it('gives the same figures by week, by day, by quarter and by year from the other rollup', async () => {
    const day = (await dashboard(center, 'period=day&date=2025-03-03')).body.current;
    expect(day).toMatchObject({ received: 2, accepted: 1, completed: 2, fees: 0, ratings: 1 });
    const week = (await dashboard(center, 'period=week&date=2025-03-05')).body; // 3–9 March
    expect(week.period).toMatchObject({ from: '2025-03-03', to: '2025-03-09' });
    expect(week.current).toMatchObject({ received: 4, accepted: 4, completed: 4, fees: 50 });
    const quarter = (await dashboard(center, 'period=quarter&date=2025-02-01')).body.current;
    expect(quarter).toMatchObject({ received: 10, accepted: 9, completed: 8 });
    const year = (await dashboard(center, 'period=year&date=2025-06-01&groupBy=channel')).body;
    expect(year.current).toMatchObject({ received: 10, accepted: 9 });
    expect(Object.fromEntries(year.breakdown.map((b: any) => [b.key, b.figures.accepted]))).toEqual({ window: 4, online: 4, mobile: 1 });
    expect(year.trend.map((t: any) => t.label)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('ranks windows and departments and scores staff with the center’s weights', async () => {
    const r = await center.get('/api/v1/metrics/ranking?month=2025-03');
    expect(r.status).toBe(200);
    expect(r.body.windows.map((w: any) => [w.name.split(' ').slice(1, 2)[0], w.score, w.mark])).toEqual([
      ['1号', 90, 'praised'],
      ['2号', 46.67, 'praised'],
    ]);
    expect(r.body.redFlagCandidate.score).toBe(90);
    expect(r.body.departments).toHaveLength(1);
    const settings = (await center.get('/api/v1/metrics/settings')).body;
    expect(settings.weights).toEqual({ volume: 40, timeliness: 40, rating: 20 });
    const put = await center.put('/api/v1/metrics/settings', {
      center: settings.centerId,
      weights: { volume: 50, timeliness: 50, rating: 0 },
      minCases: 1,
      expectedVersion: 0,
    });
    expect(put.status).toBe(200);
    const stale = await center.put('/api/v1/metrics/settings', {
      center: settings.centerId,
      weights: { volume: 50, timeliness: 50, rating: 0 },
      minCases: 1,
      expectedVersion: 0,
    });
    expect(stale.status).toBe(409);
    const bad = await center.put('/api/v1/metrics/settings', { center: settings.centerId, weights: { volume: 50, timeliness: 40, rating: 0 }, minCases: 1 });
    expect(bad.status).toBe(400);
    const staff = (await center.get('/api/v1/metrics/staff?month=2025-03')).body;
    expect(staff.weights).toEqual({ volume: 50, timeliness: 50, rating: 0 });
    const byName = Object.fromEntries(staff.staff.map((s: any) => [s.name, s]));
    // 张丽 (clerk1): 4 accepted + 1 delivered + 1 refusal = volume 6, the most: 0.5 × 1 + 0.5 × 1
    expect(byName['张丽']).toMatchObject({ accepted: 4, delivered: 1, volume: 6, score: 100 });
    // 赵敏 (head1) decided 5 committed cases; tasks without a due time count as on time: 0.5 × 5/6 + 0.5 × 1
    expect(byName['赵敏']).toMatchObject({ tasksDone: 5, timeliness: 1, volume: 5, score: Math.round(((0.5 * 5) / 6 + 0.5) * 10000) / 100 });
  });

  it('a rebuild gives exactly the rollups the incremental path gave', async () => {
    const before = await rollupSnapshot();
    await rebuildMetrics(server.db);
    expect(await rollupSnapshot()).toEqual(before);
  });
});

describe('rollups follow case events through the feed', () => {
  let itemCode: string;
  /** clerk1 and citizen1 signed in, and a valid application of 林小雨 for the test item. */
  const applying = async () => {
    const clerk = await signIn(server, 'clerk1');
    const citizen = await signIn(server, 'citizen1');
    const applicant = await one(`SELECT id FROM applicant WHERE name = '林小雨'`);
    const { idNumber } = (await clerk.post(`/api/v1/applicants/${applicant.id}/reveal`)).body;
    const form = { applicantName: '林小雨', idNumber, phone: '13600000001' };
    const materials = [
      { key: 'application_form', reference: 'upload:application.pdf' },
      { key: 'business_license', fromLicense: true },
    ];
    return { clerk, citizen, form, materials };
  };
  beforeAll(async () => {
    const market = Number((await one(`SELECT id FROM organization WHERE name = '云州市市场监督管理局'`)).id);
    const admin = await signIn(server, 'catalogadmin');
    const content = itemContent({
      name: '统计测试许可',
      onlineDepth: 4,
      process: {
        nodes: [
          { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' } },
          {
            kind: 'stage',
            id: 'decide',
            stage: 'decide',
            name: '决定',
            assignee: { role: 'head', org: 'implementing' },
            budget: { value: 1, unit: 'workday' },
          },
          { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'head', org: 'implementing' } },
          { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
        ],
      },
    });
    const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000777', content });
    expect(created.status).toBe(201);
    const submitted = await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect((await center.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
    itemCode = created.body.code;
  });

  it('counts an application, its acceptance, decision and delivery as they happen, and a rebuild agrees', async () => {
    const { clerk, citizen, form, materials } = await applying();
    const head = await signIn(server, 'head1');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const figures = async () => (await dashboard(center, `period=day&date=${today}`)).body.current;
    const start = await figures();

    const a = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials });
    expect(a.status).toBe(201);
    expect(await figures()).toMatchObject({ received: start.received + 1, accepted: start.accepted });
    let kase = (await clerk.post(`/api/v1/cases/${a.body.id}/actions`, { action: 'accept' })).body;
    expect(kase.status).toBe('in_progress');
    expect(await figures()).toMatchObject({ accepted: start.accepted + 1, completed: start.completed });
    for (const step of ['decided', 'concluded']) {
      const task = kase.tasks.find((t: any) => t.state === 'open');
      kase = (await head.post(`/api/v1/cases/${a.body.id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' })).body;
      expect(kase.status).toBe(step);
    }
    const done = await figures();
    expect(done).toMatchObject({ completed: start.completed + 1 });
    expect(done.onTimeRate).toBe(1);
    expect((await clerk.post(`/api/v1/cases/${a.body.id}/actions`, { action: 'deliver', method: 'electronic' })).status).toBe(200);
    expect(await figures()).toMatchObject({ delivered: start.delivered + 1 });

    // a refused application and a withdrawn one
    const b = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials });
    expect((await clerk.post(`/api/v1/cases/${b.body.id}/actions`, { action: 'refuse', reason: '不属于本机关职权范围' })).status).toBe(200);
    const c = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials });
    expect((await clerk.post(`/api/v1/cases/${c.body.id}/actions`, { action: 'accept' })).status).toBe(200);
    expect((await citizen.post(`/api/v1/cases/${c.body.id}/actions`, { action: 'withdraw', reason: '不再需要' })).status).toBe(200);
    expect(await figures()).toMatchObject({ received: start.received + 3, accepted: start.accepted + 2, returned: start.returned + 2 });

    const before = await rollupSnapshot();
    await rebuildMetrics(server.db);
    expect(await rollupSnapshot()).toEqual(before);
  });

  it('leaves each counted event in the feed once: drains at the same time count it once, a rolled-back action leaves nothing', async () => {
    const { clerk, citizen, form, materials } = await applying();
    await drainMetrics(server.db);
    const counted = await rollups();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials });
      expect(a.status).toBe(201);
      ids.push(a.body.id);
      expect((await clerk.post(`/api/v1/cases/${a.body.id}/actions`, { action: 'accept' })).status).toBe(200);
    }
    // nothing counted yet: the events wait in the feed (an application and an acceptance each)
    expect(await rollups()).toEqual(counted);
    const pending = await q(`SELECT case_id::int AS id, facts FROM metric_pending WHERE case_id = ANY($1::bigint[]) ORDER BY event_id`, [ids]);
    expect(pending.map((p) => p.id)).toEqual(ids.flatMap((id) => [id, id]));
    expect(pending.every((p) => p.facts)).toBe(true);
    // an action that fails (a second acceptance) writes nothing to the feed
    expect((await clerk.post(`/api/v1/cases/${ids[0]}/actions`, { action: 'accept' })).status).toBe(409);
    expect(Number((await one(`SELECT count(*) AS n FROM metric_pending WHERE case_id = ANY($1::bigint[])`, [ids])).n)).toBe(6);

    // two processes' feeds drain at once, in small batches: every event is counted exactly once
    const [x, y] = await Promise.all([drainMetrics(server.db, 2), drainMetrics(server.db, 2)]);
    expect(x + y).toBeGreaterThanOrEqual(6);
    expect(Number((await one(`SELECT count(*) AS n FROM metric_pending`)).n)).toBe(0);
    const live = await rollups();
    expect(live).not.toEqual(counted);
    await rebuildMetrics(server.db);
    expect(await rollups()).toEqual(live);
  });

  it('sets a case aside whose facts cannot be worked out, and counts the others of its batch', async () => {
    const { citizen, form, materials } = await applying();
    // a concluded case whose clock lies beyond the calendar's last year, with an event still to count
    const broken = await one(`SELECT id::int, clock_id::int AS clock FROM kase WHERE concluded_at IS NOT NULL AND clock_id IS NOT NULL ORDER BY id LIMIT 1`);
    const clock = await one(`SELECT started_at, stopped_at FROM clock WHERE id = $1`, [broken.clock]);
    await q(`UPDATE clock SET started_at = '2100-12-30T01:00:00Z', stopped_at = '2101-03-30T01:00:00Z' WHERE id = $1`, [broken.clock]);
    try {
      await q(`INSERT INTO metric_pending (event_id, case_id, facts) SELECT max(id), case_id, true FROM case_event WHERE case_id = $1 GROUP BY case_id`, [
        broken.id,
      ]);
      const a = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials });
      expect(a.status).toBe(201);
      const setAside: number[] = [];
      await drainMetrics(server.db, 2000, (caseId) => setAside.push(caseId));
      expect(setAside).toEqual([broken.id]);
      expect(Number((await one(`SELECT count(*) AS n FROM metric_pending`)).n)).toBe(0);
      // the new application of the same batch is counted
      expect(Number((await one(`SELECT count(*) AS n FROM metric_case WHERE case_id = $1`, [a.body.id])).n)).toBe(1);
      // and a reader is not stopped by it
      await q(`INSERT INTO metric_pending (event_id, case_id, facts) SELECT max(id), case_id, true FROM case_event WHERE case_id = $1 GROUP BY case_id`, [
        broken.id,
      ]);
      expect((await dashboard(center, 'period=day')).status).toBe(200);
    } finally {
      await q(`UPDATE clock SET started_at = $2, stopped_at = $3 WHERE id = $1`, [broken.clock, clock.started_at, clock.stopped_at]);
    }
  });
});

describe('scope', () => {
  it('shows each reader only their scope, and nothing to those without metrics.read', async () => {
    const all = (await dashboard(center, 'period=year&date=2025-03-01')).body.current;
    const head = await signIn(server, 'head2'); // 公安局: no cases
    const police = await dashboard(head, 'period=year&date=2025-03-01');
    expect(police.status).toBe(200);
    expect(police.body.current.accepted).toBe(0);
    const market = await dashboard(await signIn(server, 'head1'), 'period=year&date=2025-03-01');
    expect(market.body.current.accepted).toBe(all.accepted);
    const district = await dashboard(await signIn(server, 'districtadmin'), 'period=year&date=2025-03-01');
    expect(district.status).toBe(200);
    expect(district.body.current.accepted).toBe(0);
    expect((await (await signIn(server, 'supervisor1')).get('/api/v1/metrics/ranking?month=2025-03')).body.windows).toHaveLength(2);
    expect((await (await signIn(server, 'districtadmin')).get('/api/v1/metrics/ranking?month=2025-03')).body.windows).toHaveLength(0);
    expect((await (await signIn(server, 'clerk1')).get('/api/v1/metrics/dashboard')).status).toBe(403);
    expect((await (await signIn(server, 'citizen1')).get('/api/v1/metrics/dashboard')).status).toBe(403);
    expect((await new (center.constructor as any)(server.baseUrl).get('/api/v1/metrics/dashboard')).status).toBe(401);
    // a window of the city hall is outside the district
    const w1 = Number(
      (await one(`SELECT w.id FROM service_window w JOIN hall h ON h.id = w.hall_id WHERE h.name = '云州市政务服务中心' AND w.number = '1'`)).id,
    );
    expect((await (await signIn(server, 'districtadmin')).get(`/api/v1/metrics/windows/${w1}/log`)).status).toBe(404);
    expect((await dashboard(center, 'period=fortnight')).status).toBe(400);
    expect((await dashboard(center, 'date=2025-02-30')).status).toBe(400);
  });
});

describe('window management, exports', () => {
  it('keeps the daily work log of a window, written by its staff or the center', async () => {
    const w1 = Number(
      (await one(`SELECT w.id FROM service_window w JOIN hall h ON h.id = w.hall_id WHERE h.name = '云州市政务服务中心' AND w.number = '1'`)).id,
    );
    const clerk = await signIn(server, 'clerk1');
    const log = await clerk.get(`/api/v1/metrics/windows/${w1}/log?from=2025-03-01&to=2025-03-31`);
    expect(log.status).toBe(200);
    const d3 = log.body.days.find((d: any) => d.day === '2025-03-03');
    expect(d3).toMatchObject({ accepted: 1, onDuty: [{ name: '张丽' }], remarks: '' });
    const w = await clerk.put(
      `/api/v1/metrics/windows/${w1}/log/2025-03-03`,
      { remarks: '上午系统升级，延时服务半小时', expectedVersion: 0 },
      { 'idempotency-key': 'log-2025-03-03-a' },
    );
    expect(w.status).toBe(200);
    const again = await clerk.put(`/api/v1/metrics/windows/${w1}/log/2025-03-03`, { remarks: '重复', expectedVersion: 0 });
    expect(again.status).toBe(409);
    const other = await signIn(server, 'qcclerk');
    expect((await other.put(`/api/v1/metrics/windows/${w1}/log/2025-03-03`, { remarks: 'x' })).status).toBe(403);
    const read = (await center.get(`/api/v1/metrics/windows/${w1}/log?from=2025-03-03&to=2025-03-03`)).body.days[0];
    expect(read).toMatchObject({ remarks: '上午系统升级，延时服务半小时', version: 1, updatedBy: '张丽' });
    expect((await center.put(`/api/v1/metrics/windows/${w1}/log/2999-01-01`, { remarks: 'x' })).status).toBe(400);
  });

  it('names the red-flag window once a month', async () => {
    const rank = (await center.get('/api/v1/metrics/ranking?month=2025-03')).body;
    const best = rank.redFlagCandidate.id;
    const first = await center.post('/api/v1/metrics/red-flags', { windowId: best, month: '2025-03', note: '效能第一' });
    expect(first.status).toBe(201);
    const second = await center.post('/api/v1/metrics/red-flags', { windowId: best, month: '2025-03', note: '再评' });
    expect(second.status).toBe(409);
    expect((await (await signIn(server, 'supervisor1')).post('/api/v1/metrics/red-flags', { windowId: best, month: '2025-04', note: '' })).status).toBe(403);
    expect((await center.get('/api/v1/metrics/ranking?month=2025-03')).body.redFlags[0]).toMatchObject({ windowId: best, score: 90, note: '效能第一' });
  });

  it('exports the dashboard to Excel and the month to a PDF report', async () => {
    const xlsx = await fetch(`${server.baseUrl}/api/v1/metrics/dashboard.xlsx?period=month&date=2025-03-01&groupBy=organization`, {
      headers: { cookie: center.cookie },
    });
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    const sheet = wb.getWorksheet('指标汇总')!;
    const rows: Record<string, unknown> = {};
    sheet.eachRow((row) => (rows[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(rows['受理量']).toBe(7);
    expect(rows['提前办结率']).toBe(0.6);
    expect(wb.getWorksheet('分组明细')!.getRow(2).getCell(1).value).toBe('市场监管局');
    const pdf = await fetch(`${server.baseUrl}/api/v1/metrics/report.pdf?month=2025-03`, { headers: { cookie: center.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
  });
});

describe('the generator', () => {
  it('creates a history whose facts a rebuild reproduces', async () => {
    const r = await generateHistory(server.deps, { cases: 3000, years: 2, seed: 7 });
    expect(r.cases).toBe(3000);
    const kinds = await one(`SELECT count(*) FILTER (WHERE case_kind = 'immediate')::float / count(*) AS immediate FROM kase WHERE subject <> '测试'`);
    expect(kinds.immediate).toBeGreaterThan(0.8);
    const before = await rollupSnapshot();
    const facts = await q(`SELECT * FROM metric_case ORDER BY case_id`);
    await rebuildMetrics(server.db);
    const after = await q(`SELECT * FROM metric_case ORDER BY case_id`);
    const strip = (rows: any[]) => rows.map(({ updated_at: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(facts));
    expect(await rollupSnapshot()).toEqual(before);
    const year = (await dashboard(center, `period=year&date=${new Date().toISOString().slice(0, 10)}`)).body.current;
    expect(year.onTimeRate).toBeGreaterThan(0.9);
    expect(year.earlyRate).toBeGreaterThan(0.7);
  });
});
