import { sql } from 'kysely';
import { paddedNextval } from '../../server/db/numbering.ts';
import type { Deps } from '../../server/deps.ts';
import { dateOfInstant, formatDate, fromDayNumber } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { aggregateRollups } from './rebuild.ts';
import { localOffsetMinutes, localZone } from './rollups.ts';

/**
 * A synthetic case history for trying the dashboards at scale (`onewindow generate`). Cases are built
 * from the published items of the catalog, on the working days of the last Y years, with seasonal
 * volume (a dip at the Spring Festival, peaks in March, July and December), yearly growth, and the
 * proportions of seed 003 (Xinmi 2011–2015: 86.6% immediate, 12.5% committed, 0.9% reported up), about
 * 98% of committed cases on time and 91% early, some late, refused, withdrawn and supplemented cases.
 * Rows are written with multi-row INSERT … SELECT over generate_series, a chunk of days at a time;
 * the facts are written directly and the rollups are summed in bulk at the end.
 */
export interface GenerateOptions {
  cases: number;
  years: number;
  seed?: number;
  progress?: (done: number, total: number) => void;
}

const seasonal = [0.8, 0.55, 1.15, 1.05, 1.0, 1.05, 1.1, 1.0, 1.0, 0.85, 1.05, 1.15];

export async function generateHistory(deps: Deps, options: GenerateOptions): Promise<{ cases: number; from: string; to: string }> {
  const { db } = deps;
  const items = (
    await sql<{
      id: string;
      version_id: string;
      org: string;
      region: string;
      code: string;
      kind: string;
      committed: number;
      legal: number;
      capable: boolean;
      name: string;
    }>`
      SELECT i.id::text, v.id::text AS version_id, i.organization_id::text AS org, i.region_id::text AS region, r.code, v.content ->> 'caseKind' AS kind,
             (v.content -> 'committedLimit' ->> 'value')::int AS committed, (v.content -> 'legalLimit' ->> 'value')::int AS legal,
             coalesce((v.content ->> 'onlineDepth')::int, 1) >= 3 AS capable, v.content ->> 'name' AS name
      FROM item i JOIN item_version v ON v.id = i.published_version_id JOIN region r ON r.id = i.region_id
      WHERE i.status = 'published' AND v.content -> 'committedLimit' ->> 'unit' = 'workday' AND v.content -> 'legalLimit' ->> 'unit' = 'workday'
      ORDER BY i.id`.execute(db)
  ).rows;
  if (items.length === 0) throw new Error('no published items with working-day limits: load the demo data first (onewindow seed --demo)');
  const acceptors = (
    await sql<{ account_id: string; window_id: string }>`
      SELECT DISTINCT ON (ws.account_id) ws.account_id::text, ws.window_id::text FROM window_staff ws
      JOIN role_assignment ra ON ra.account_id = ws.account_id AND ra.role = 'clerk'
      ORDER BY ws.account_id, ws.post, ws.window_id`.execute(db)
  ).rows;
  if (acceptors.length === 0) throw new Error('no window clerks: load the demo data first');
  const applicants = (await sql<{ id: string }>`SELECT id::text FROM applicant ORDER BY id LIMIT 1000`.execute(db)).rows.map((r) => r.id);
  if (applicants.length === 0) throw new Error('no applicants: load the demo data first');

  // item weights: immediate items share 86.6% of cases, committed items 13.4% (0.9 points of it reported up)
  const immediate = items.filter((i) => i.kind === 'immediate');
  const committed = items.filter((i) => i.kind !== 'immediate');
  const shareOf = (i: (typeof items)[number]) =>
    i.kind === 'immediate' ? (committed.length ? 0.866 : 1) / immediate.length : (immediate.length ? 0.134 : 1) / committed.length;
  const slots: number[] = [];
  items.forEach((it, idx) => {
    const n = Math.max(1, Math.round(shareOf(it) * 1000));
    for (let k = 0; k < n; k++) slots.push(idx);
  });

  // working days of the city's calendar: the history ends today
  const city = (await sql<{ id: string }>`SELECT id::text FROM region WHERE parent_id IS NULL ORDER BY id LIMIT 1`.execute(db)).rows[0];
  const { calendar } = await workCalendarFor(db, city ? Number(city.id) : null);
  const today = dateOfInstant(Date.now(), localOffsetMinutes);
  const first = today - Math.round(options.years * 365.25) + 1;
  const workdays: number[] = [];
  for (let d = first - 10; d <= today + 120; d++) if (calendar.isWorkday(d)) workdays.push(d);
  const dayWeights = workdays
    .filter((d) => d >= first && d <= today)
    .map((d) => {
      const { y, m } = fromDayNumber(d);
      const growth = 1 + 0.08 * (y - fromDayNumber(first).y);
      return { d, w: seasonal[m - 1]! * growth };
    });
  const totalWeight = dayWeights.reduce((s, x) => s + x.w, 0);
  let assigned = 0;
  let acc = 0;
  const perDay = dayWeights.map((x) => {
    acc += (x.w / totalWeight) * options.cases;
    const n = Math.round(acc) - assigned;
    assigned += n;
    return { d: x.d, n };
  });

  const formEnc = deps.cipher.encrypt(JSON.stringify({ generated: true }));
  await db.transaction().execute(async (tx) => {
    await sql`SELECT setseed(${((options.seed ?? 42) % 1000) / 1000})`.execute(tx);
    await sql`CREATE TEMP TABLE gen_item (idx int PRIMARY KEY, item_id bigint, version_id bigint, org bigint, region bigint, code6 text,
      kind text, committed int, legal int, capable boolean, name text) ON COMMIT DROP`.execute(tx);
    await sql`INSERT INTO gen_item SELECT * FROM jsonb_to_recordset(${JSON.stringify(
      items.map((it, idx) => ({
        idx,
        item_id: Number(it.id),
        version_id: Number(it.version_id),
        org: Number(it.org),
        region: Number(it.region),
        code6: it.code.slice(0, 6),
        kind: it.kind,
        committed: it.committed,
        legal: it.legal,
        capable: it.capable,
        name: it.name,
      })),
    )}::jsonb) AS x(idx int, item_id bigint, version_id bigint, org bigint, region bigint, code6 text, kind text, committed int, legal int, capable boolean, name text)`.execute(
      tx,
    );
    await sql`CREATE TEMP TABLE gen_slot (slot int PRIMARY KEY, idx int) ON COMMIT DROP`.execute(tx);
    await sql`INSERT INTO gen_slot SELECT s - 1, (${JSON.stringify(slots)}::jsonb ->> (s - 1))::int FROM generate_series(1, ${slots.length}) s`.execute(tx);
    await sql`CREATE TEMP TABLE gen_wd (no int PRIMARY KEY, day date) ON COMMIT DROP`.execute(tx);
    await sql`INSERT INTO gen_wd SELECT s, (${JSON.stringify(workdays.map(formatDate))}::jsonb ->> (s - 1))::date FROM generate_series(1, ${workdays.length}) s`.execute(
      tx,
    );
    await sql`CREATE TEMP TABLE gen_acceptor (idx int PRIMARY KEY, account_id bigint, window_id bigint) ON COMMIT DROP`.execute(tx);
    await sql`INSERT INTO gen_acceptor SELECT * FROM jsonb_to_recordset(${JSON.stringify(
      acceptors.map((a, idx) => ({ idx, account_id: Number(a.account_id), window_id: Number(a.window_id) })),
    )}::jsonb) AS x(idx int, account_id bigint, window_id bigint)`.execute(tx);
    await sql`CREATE TEMP TABLE gen_day (no int, n int) ON COMMIT DROP`.execute(tx);
    // the head who decides for each department: someone with the head role there who staffs no window
    await sql`CREATE TEMP TABLE gen_head ON COMMIT DROP AS
      SELECT DISTINCT ON (ra.organization_id) ra.organization_id AS org, ra.account_id FROM role_assignment ra
      WHERE ra.role = 'head' AND ra.organization_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM window_staff ws WHERE ws.account_id = ra.account_id)
      ORDER BY ra.organization_id, ra.account_id`.execute(tx);

    const wdIndex = new Map(workdays.map((d, i) => [d, i + 1]));
    const chunk = Math.max(20_000, Math.min(200_000, Math.ceil(options.cases / 20)));
    let done = 0;
    let i = 0;
    options.progress?.(0, options.cases);
    while (i < perDay.length) {
      const batch: { no: number; n: number }[] = [];
      let size = 0;
      while (i < perDay.length && (size < chunk || batch.length === 0)) {
        const x = perDay[i++]!;
        if (x.n > 0) batch.push({ no: wdIndex.get(x.d)!, n: x.n });
        size += x.n;
      }
      if (size === 0) continue;
      await sql`TRUNCATE gen_day`.execute(tx);
      await sql`INSERT INTO gen_day SELECT * FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(no int, n int)`.execute(tx);
      await generateChunk(tx, formEnc, applicants.map(Number), acceptors.length, slots.length);
      done += size;
      options.progress?.(done, options.cases);
    }
    await aggregateRollups(tx);
  });
  return { cases: assigned, from: formatDate(first), to: formatDate(today) };
}

async function generateChunk(tx: Parameters<typeof aggregateRollups>[0], formEnc: string, applicants: number[], acceptorCount: number, slotCount: number) {
  const local = (expr: string) => sql.raw(`((${expr})::timestamp AT TIME ZONE '${localZone}')`);
  // one row per case with its random draws, then every timestamp derived from them
  await sql`
    CREATE TEMP TABLE g ON COMMIT DROP AS
    WITH draws AS (
      SELECT d.no AS r_no, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
             random() AS u7, random() AS u8, random() AS u9, random() AS u10, random() AS u11, random() AS u12
      FROM gen_day d, generate_series(1, d.n)
    ), picked AS (
      SELECT dr.*, it.*, a.account_id AS acceptor, a.window_id,
        CASE WHEN it.capable THEN (CASE WHEN u2 < 0.55 THEN 'online' WHEN u2 < 0.65 THEN 'mobile' WHEN u2 < 0.68 THEN 'terminal' WHEN u2 < 0.70 THEN 'post' ELSE 'window' END)
             ELSE (CASE WHEN u2 < 0.02 THEN 'post' ELSE 'window' END) END AS channel,
        CASE WHEN u4 < 0.015 THEN 'refused' WHEN u4 < 0.02 THEN 'withdrawn' ELSE 'normal' END AS outcome,
        u5 < (CASE WHEN it.kind = 'committed' THEN 0.08 ELSE 0.01 END) AS supp
      FROM draws dr
      JOIN gen_slot s ON s.slot = floor(dr.u1 * ${slotCount})::int
      JOIN gen_item it ON it.idx = s.idx
      JOIN gen_acceptor a ON a.idx = floor(dr.u12 * ${acceptorCount})::int
    ), timed AS (
      SELECT p.*,
        ${local(`(SELECT day FROM gen_wd WHERE no = p.r_no) + make_interval(mins => 540 + floor(p.u3 * 450)::int)`)} AS received_at,
        p.r_no + (CASE WHEN p.channel = 'window' AND NOT p.supp THEN 0 WHEN p.u6 < 0.5 THEN 0 ELSE 1 END) + (CASE WHEN p.supp THEN 1 ELSE 0 END) AS a_no,
        CASE WHEN p.kind = 'immediate' THEN 0
             WHEN p.u7 < 0.02 THEN p.committed + 1 + floor(p.u8 * 3)::int
             WHEN p.u7 < 0.93 AND p.committed >= 1 THEN floor(p.u8 * p.committed)::int
             ELSE p.committed END AS k
      FROM picked p
    ), accepted AS (
      SELECT t.*,
        CASE WHEN t.a_no = t.r_no THEN t.received_at + make_interval(mins => 5 + floor(t.u6 * 25)::int)
             ELSE ${local(`(SELECT day FROM gen_wd WHERE no = t.a_no) + make_interval(mins => 540 + floor(t.u9 * 420)::int)`)} END AS accepted_at
      FROM timed t
    )
    SELECT nextval('kase_id_seq'::regclass) AS id, nextval('clock_id_seq'::regclass) AS clock_id, x.*,
      CASE WHEN x.k = 0 THEN x.accepted_at + make_interval(mins => 10 + floor(x.u10 * 110)::int)
           ELSE ${local(`(SELECT day FROM gen_wd WHERE no = x.a_no + x.k) + make_interval(mins => 540 + floor(x.u11 * 420)::int)`)} END AS concluded_plan,
      ${local(`(SELECT day FROM gen_wd WHERE no = x.a_no + x.committed) + 1`)} AS committed_due,
      ${local(`(SELECT day FROM gen_wd WHERE no = x.a_no + x.legal) + 1`)} AS legal_due,
      ${local(`(SELECT day FROM gen_wd WHERE no = x.a_no + 1) + make_interval(mins => 600)`)} AS withdrawn_plan,
      ${local(`(SELECT day FROM gen_wd WHERE no = x.a_no + x.k + (CASE WHEN x.u9 < 0.6 THEN 0 ELSE 1 + floor(x.u9 * 2)::int END)) + make_interval(mins => 990)`)} AS delivered_plan
    FROM accepted x`.execute(tx);
  await sql`
    ALTER TABLE g ADD COLUMN status text, ADD COLUMN concluded_at timestamptz, ADD COLUMN delivered_at timestamptz, ADD COLUMN returned_at timestamptz,
      ADD COLUMN accepted_final timestamptz`.execute(tx);
  await sql`
    UPDATE g SET
      accepted_final = CASE WHEN outcome = 'refused' OR accepted_at > now() THEN NULL ELSE accepted_at END,
      returned_at = CASE WHEN outcome = 'refused' THEN received_at + interval '2 hours'
                         WHEN outcome = 'withdrawn' AND withdrawn_plan <= now() AND accepted_at <= now() THEN withdrawn_plan END,
      concluded_at = CASE WHEN outcome = 'normal' AND concluded_plan <= now() THEN concluded_plan END,
      delivered_at = CASE WHEN outcome = 'normal' AND concluded_plan <= now() AND delivered_plan <= now() AND u9 < 0.9 THEN greatest(delivered_plan, concluded_plan + interval '1 minute') END`.execute(
    tx,
  );
  await sql`
    UPDATE g SET status = CASE
      WHEN outcome = 'refused' THEN 'refused'
      WHEN returned_at IS NOT NULL THEN 'withdrawn'
      WHEN delivered_at IS NOT NULL THEN 'delivered'
      WHEN concluded_at IS NOT NULL THEN 'concluded'
      WHEN accepted_final IS NOT NULL THEN 'in_progress'
      WHEN supp THEN 'notified'
      ELSE 'submitted' END`.execute(tx);
  await sql`
    INSERT INTO clock (id, owner_type, owner_id, region_id, started_at, state, committed_limit, committed_unit, committed_due_at, legal_limit, legal_unit,
                       legal_due_at, next_attention_at, stopped_at, is_overdue)
    OVERRIDING SYSTEM VALUE
    SELECT clock_id, 'case', id::text, region, accepted_final, CASE WHEN concluded_at IS NULL AND returned_at IS NULL THEN 'running' ELSE 'stopped' END,
           committed, 'workday', committed_due, legal, 'workday', legal_due,
           CASE WHEN concluded_at IS NULL AND returned_at IS NULL THEN least(committed_due, legal_due) END,
           coalesce(concluded_at, returned_at), coalesce(concluded_at, returned_at, now()) >= least(committed_due, legal_due)
    FROM g WHERE accepted_final IS NOT NULL`.execute(tx);
  await sql`
    INSERT INTO kase (id, number, item_id, item_version_id, organization_id, region_id, applicant_id, submitted_by, channel, case_kind, is_joint,
                      is_reported_up, is_urgent, status, node_index, form_enc, subject, received_at, notice_due_at, accepted_at, decided_at, decision,
                      concluded_at, delivered_at, delivery, refusal_reason, clock_id, created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT id, code6 || (CASE channel WHEN 'window' THEN 'W' WHEN 'online' THEN 'N' WHEN 'mobile' THEN 'M' WHEN 'terminal' THEN 'T' ELSE 'P' END)
             || to_char(received_at AT TIME ZONE ${localZone}, 'YYYYMMDD') || ${paddedNextval('case_number_seq', 7)},
           item_id, version_id, org, region, (${applicants}::bigint[])[1 + floor(u3 * ${applicants.length})::int],
           CASE WHEN channel = 'window' THEN acceptor END, channel, kind,
           kind = 'committed' AND u10 >= 0.067 AND u10 < 0.167, kind = 'committed' AND u10 < 0.067, u11 < 0.01,
           status, 0, ${formEnc}, name, received_at, received_at + interval '7 days', accepted_final,
           concluded_at, CASE WHEN concluded_at IS NOT NULL THEN 'granted' END, concluded_at, delivered_at,
           CASE WHEN delivered_at IS NOT NULL THEN '{"method":"pickup"}'::jsonb END,
           CASE WHEN status = 'refused' THEN '不符合受理条件' END,
           CASE WHEN accepted_final IS NOT NULL THEN clock_id END, received_at, coalesce(delivered_at, concluded_at, returned_at, accepted_final, received_at)
    FROM g`.execute(tx);
  // committed cases are decided in the back office by the department's head (a task), immediate ones at the window
  await sql`
    INSERT INTO case_task (case_id, node_index, node_id, stage, name, assignee_role, organization_id, assignee_account_id, state, outcome, due_at,
                           created_at, claimed_at, completed_at, completed_by)
    SELECT g.id, 1, 'decide', 'decide', '审查决定', 'head', g.org, h.account_id, 'done', 'approved', g.committed_due, g.accepted_final,
           g.accepted_final, g.concluded_at - interval '1 minute', h.account_id
    FROM g JOIN gen_head h ON h.org = g.org
    WHERE g.kind = 'committed' AND g.concluded_at IS NOT NULL`.execute(tx);
  // the events: submitted, notified, accepted, stage_entered, concluded, delivered, refused, withdrawn
  await sql`
    INSERT INTO case_event (case_id, seq, type, actor_id, actor_name, task_id, payload, at)
    SELECT g.id, row_number() OVER (PARTITION BY g.id ORDER BY e.at, e.ord), e.type, e.actor, NULL,
           CASE WHEN e.type = 'task_approved' THEN (SELECT t.id FROM case_task t WHERE t.case_id = g.id LIMIT 1) END, e.payload, e.at
    FROM g LEFT JOIN gen_head h ON h.org = g.org CROSS JOIN LATERAL (VALUES
      (1, 'submitted', NULL::bigint, jsonb_build_object('channel', g.channel, 'generated', true), g.received_at),
      (2, CASE WHEN g.supp THEN 'notified' END, g.acceptor, '{}'::jsonb, g.received_at + interval '30 minutes'),
      (3, CASE WHEN g.accepted_final IS NOT NULL THEN 'accepted' END, g.acceptor, '{}'::jsonb, g.accepted_final),
      (4, CASE WHEN g.accepted_final IS NOT NULL AND g.kind = 'committed' THEN 'stage_entered' END, NULL, '{}'::jsonb, g.accepted_final),
      (5, CASE WHEN g.concluded_at IS NOT NULL AND g.kind = 'committed' AND h.account_id IS NOT NULL THEN 'task_approved' END, h.account_id,
          '{}'::jsonb, g.concluded_at - interval '1 minute'),
      (6, CASE WHEN g.concluded_at IS NOT NULL THEN 'concluded' END, NULL, '{"decision":"granted"}'::jsonb, g.concluded_at),
      (7, CASE WHEN g.delivered_at IS NOT NULL THEN 'delivered' END, g.acceptor, '{"method":"pickup","late":false}'::jsonb, g.delivered_at),
      (8, CASE WHEN g.status = 'refused' THEN 'refused' END, g.acceptor, '{}'::jsonb, g.returned_at),
      (9, CASE WHEN g.status = 'withdrawn' THEN 'withdrawn' END, NULL, '{}'::jsonb, g.returned_at)
    ) AS e(ord, type, actor, payload, at)
    WHERE e.type IS NOT NULL`.execute(tx);
  // the facts, as computeFacts would derive them from these rows (a rebuild gives the same)
  const day = (expr: string) => sql.raw(`(${expr} AT TIME ZONE '${localZone}')::date`);
  await sql`
    INSERT INTO metric_case (case_id, region_id, organization_id, item_id, channel, case_kind, window_id, acceptor_id, received_day, accepted_day,
      concluded_day, returned_day, delivered_day, is_joint, is_reported_up, is_urgent, had_supplement, at_window, on_time, early, actual_days,
      committed_days, legal_days, delivered_late, fees_cents, fees_day, rating, rated_day)
    SELECT g.id, g.region, g.org, g.item_id, g.channel, g.kind, CASE WHEN g.accepted_final IS NOT NULL THEN g.window_id ELSE 0 END,
      CASE WHEN g.accepted_final IS NOT NULL THEN g.acceptor END,
      ${day('g.received_at')}, ${day('g.accepted_final')}, ${day('g.concluded_at')}, ${day('g.returned_at')}, ${day('g.delivered_at')},
      g.kind = 'committed' AND g.u10 >= 0.067 AND g.u10 < 0.167, g.kind = 'committed' AND g.u10 < 0.067, g.u11 < 0.01, g.supp,
      g.concluded_at IS NOT NULL AND (g.kind <> 'committed' OR NOT EXISTS (SELECT 1 FROM gen_head h WHERE h.org = g.org)),
      g.concluded_at IS NOT NULL AND g.k <= g.committed,
      g.concluded_at IS NOT NULL AND g.kind = 'committed' AND g.committed - g.k >= 1,
      CASE WHEN g.concluded_at IS NOT NULL THEN g.k END,
      CASE WHEN g.concluded_at IS NOT NULL THEN g.committed END,
      CASE WHEN g.concluded_at IS NOT NULL THEN g.legal END,
      false, 0, NULL, NULL, NULL
    FROM g`.execute(tx);
  await sql`DROP TABLE g`.execute(tx);
}
