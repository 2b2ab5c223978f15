import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import { dateOfInstant } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { computeLimit } from '../calendar/clock-math.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { isoDate } from './periods.ts';

/**
 * Incremental rollups. Each case has one fact row (`metric_case`); the rollups (`metric_daily`,
 * `metric_monthly`) hold the sum of every fact row's contribution (`metric_contrib` in
 * migrations/0011_metrics.sql). The metrics feed (feed.ts) recomputes the facts of the cases whose
 * events it takes and replaces their old contributions by the new ones; a rebuild computes every case's
 * facts with the same function and sums the same contributions, so both give the same figures.
 */

/** Local days are days in China Standard Time, as in case numbers (docs/cases.md). */
export const localOffsetMinutes = 480;
export const localZone = 'Asia/Shanghai';

/** The rollup counters, in the order of the tables' columns after the dimensions. */
export const counters = [
  'received',
  'accepted',
  'cohort_concluded',
  'concluded',
  'on_time',
  'early',
  'at_window',
  'actual_days',
  'committed_n',
  'committed_days',
  'legal_n',
  'legal_days',
  'returned',
  'delivered',
  'delivered_late',
  'joint',
  'reported_up',
  'urgent',
  'supplement',
  'fees_cents',
  'rated',
  'satisfied',
] as const;
export type Counter = (typeof counters)[number];
export const dimensions = ['region_id', 'organization_id', 'item_id', 'window_id', 'channel', 'case_kind'] as const;

/** The per-case facts (a `metric_case` row). Days are 'YYYY-MM-DD' local dates. */
export interface CaseFacts {
  case_id: number;
  region_id: number;
  organization_id: number;
  item_id: number;
  channel: string;
  case_kind: string;
  window_id: number;
  acceptor_id: number | null;
  received_day: string;
  accepted_day: string | null;
  concluded_day: string | null;
  returned_day: string | null;
  delivered_day: string | null;
  is_joint: boolean;
  is_reported_up: boolean;
  is_urgent: boolean;
  had_supplement: boolean;
  at_window: boolean;
  on_time: boolean;
  early: boolean;
  actual_days: number | null;
  committed_days: number | null;
  legal_days: number | null;
  delivered_late: boolean;
  fees_cents: number;
  fees_day: string | null;
  rating: number | null;
  rated_day: string | null;
}

const day = (d: Date | null | undefined): string | null => (d ? isoDate(dateOfInstant(d.getTime(), localOffsetMinutes)) : null);

interface CaseSource {
  id: number;
  region_id: number;
  organization_id: number;
  item_id: number;
  channel: string;
  case_kind: string;
  is_joint: boolean;
  is_reported_up: boolean;
  is_urgent: boolean;
  received_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  delivered_at: Date | null;
  clock_id: number | null;
  returned_at: Date | null;
  had_supplement: boolean | null;
  back_office: boolean;
  acceptor_id: number | null;
  delivered_late: boolean | null;
  acceptor_window: number | null;
  prior_window: number | null;
  fees_cents: number | null;
  fees_day: Date | string | null;
  rating: number | null;
  rated_day: Date | string | null;
  /** The clock of a concluded case (null otherwise), its pauses as [start, end] in epoch ms. */
  clock_region_id: number | null;
  clock_started_at: Date | null;
  clock_stopped_at: Date | null;
  committed_limit: number | null;
  committed_unit: ClockSource['committed_unit'];
  legal_limit: number | null;
  legal_unit: ClockSource['legal_unit'];
  clock_pauses: [number, number | null][] | null;
}

interface ClockSource {
  id: number;
  region_id: number | null;
  started_at: Date;
  stopped_at: Date | null;
  committed_limit: number | null;
  committed_unit: 'workday' | 'day' | 'workhour' | null;
  legal_limit: number | null;
  legal_unit: 'workday' | 'day' | 'workhour' | null;
}

const asDay = (v: Date | string | null): string | null => (v === null ? null : typeof v === 'string' ? v : isoDate(dateOfInstant(v.getTime(), 0)));

/**
 * The facts of the given cases, from the case rows, their events and their clocks. The one function
 * both the incremental path and the rebuild use.
 */
export async function computeFacts(db: Executor, caseIds: number[]): Promise<CaseFacts[]> {
  if (caseIds.length === 0) return [];
  // one case (every event) by equality: its plan is kept per connection, where an array's is made again each time
  const which = caseIds.length === 1 ? sql`k.id = ${caseIds[0]}` : sql`k.id = ANY(${caseIds}::bigint[])`;
  const { rows } = await sql<CaseSource>`
    SELECT k.id::int, k.region_id::int, k.organization_id::int, k.item_id::int, k.channel, k.case_kind, k.is_joint, k.is_reported_up,
           k.is_urgent, k.received_at, k.accepted_at, k.concluded_at, k.delivered_at, k.clock_id::int,
           ev.returned_at, ev.had_supplement, ev.acceptor_id::int, ev.delivered_late,
           -- a scalar subquery, not EXISTS: the planner may turn an EXISTS into one hashed pass over every done task
           coalesce((SELECT true FROM case_task t WHERE t.case_id = k.id AND t.state = 'done' AND t.completed_by IS NOT NULL
                     AND NOT EXISTS (SELECT 1 FROM window_staff ws WHERE ws.account_id = t.completed_by) LIMIT 1), false) AS back_office,
           (SELECT ws.window_id::int FROM window_staff ws WHERE ws.account_id = ev.acceptor_id ORDER BY ws.post, ws.window_id LIMIT 1) AS acceptor_window,
           m.window_id::int AS prior_window, fee.fees_cents, fee.paid_at AS fees_day, m.rating, m.rated_day::text AS rated_day,
           cl.region_id::int AS clock_region_id, cl.started_at AS clock_started_at, cl.stopped_at AS clock_stopped_at,
           cl.committed_limit, cl.committed_unit, cl.legal_limit, cl.legal_unit,
           (SELECT json_agg(json_build_array(floor(extract(epoch FROM p.started_at) * 1000), floor(extract(epoch FROM p.ended_at) * 1000)) ORDER BY p.id)
            FROM clock_pause p WHERE p.clock_id = cl.id) AS clock_pauses
    FROM kase k
    LEFT JOIN clock cl ON cl.id = k.clock_id AND k.concluded_at IS NOT NULL
    LEFT JOIN LATERAL (
      SELECT max(e.at) FILTER (WHERE e.type IN ('refused', 'withdrawn')) AS returned_at,
             bool_or(e.type IN ('notified', 'supplement_requested')) AS had_supplement,

             (array_agg(e.actor_id ORDER BY e.seq DESC) FILTER (WHERE e.type = 'accepted'))[1] AS acceptor_id,
             bool_or(e.type = 'delivered' AND coalesce((e.payload ->> 'late')::boolean, false)) AS delivered_late
      FROM case_event e WHERE e.case_id = k.id
    ) ev ON true
    LEFT JOIN LATERAL (
      SELECT sum(cf.amount_cents)::float8 AS fees_cents, max(cf.paid_at) AS paid_at FROM case_fee cf WHERE cf.case_id = k.id AND cf.status = 'paid'
    ) fee ON true
    LEFT JOIN metric_case m ON m.case_id = k.id
    WHERE ${which} AND k.item_id IS NOT NULL
    ORDER BY k.id`.execute(db);

  return factsOfSources(db, rows);
}

/** The facts of cases from what `computeFacts` reads about them. */
async function factsOfSources(db: Executor, rows: CaseSource[]): Promise<CaseFacts[]> {
  const calendars = new Map<number | null, WorkCalendar>();
  for (const region of new Set(rows.filter((r) => r.clock_started_at).map((r) => r.clock_region_id))) {
    calendars.set(region, (await workCalendarFor(db, region)).calendar);
  }

  return rows.map((r) => {
    const facts: CaseFacts = {
      case_id: r.id,
      region_id: r.region_id,
      organization_id: r.organization_id,
      item_id: r.item_id,
      channel: r.channel,
      case_kind: r.case_kind,
      // the window is the one the acceptor staffed when the case was first seen accepted; it is kept after
      window_id: r.prior_window || r.acceptor_window || 0,
      acceptor_id: r.acceptor_id,
      received_day: day(r.received_at)!,
      accepted_day: day(r.accepted_at),
      concluded_day: day(r.concluded_at),
      returned_day: day(r.returned_at),
      delivered_day: day(r.delivered_at),
      is_joint: r.is_joint,
      is_reported_up: r.is_reported_up,
      is_urgent: r.is_urgent,
      had_supplement: !!r.had_supplement,
      at_window: false,
      on_time: false,
      early: false,
      actual_days: null,
      committed_days: null,
      legal_days: null,
      delivered_late: !!r.delivered_late,
      fees_cents: Number(r.fees_cents ?? 0),
      fees_day: r.fees_cents ? (r.fees_day instanceof Date ? day(r.fees_day) : asDay(r.fees_day)) : null,
      rating: r.rating,
      rated_day: asDay(r.rated_day),
    };
    if (r.concluded_at) {
      // decided in the hall: no task was done by someone who does not staff a window
      facts.at_window = !r.back_office;
      if (!r.clock_id || !r.clock_started_at) {
        facts.on_time = true;
      } else {
        const clock: ClockSource = {
          id: r.clock_id,
          region_id: r.clock_region_id,
          started_at: r.clock_started_at,
          stopped_at: r.clock_stopped_at,
          committed_limit: r.committed_limit,
          committed_unit: r.committed_unit,
          legal_limit: r.legal_limit,
          legal_unit: r.legal_unit,
        };
        const pauses = (r.clock_pauses ?? []).map(([startedAt, endedAt]) => ({ startedAt, endedAt }));
        Object.assign(facts, clockFigures(calendars.get(clock.region_id)!, clock, pauses, r.case_kind, r.concluded_at.getTime()));
      }
    }
    return facts;
  });
}

/** On time, early, and the days: what a concluded case's clock says at its stop (docs/metrics.md). */
export function clockFigures(
  cal: WorkCalendar,
  clock: ClockSource,
  pauseSpans: { startedAt: number; endedAt: number | null }[],
  caseKind: string,
  concludedAt: number,
): Pick<CaseFacts, 'on_time' | 'early' | 'actual_days' | 'committed_days' | 'legal_days'> {
  const at = clock.stopped_at ? clock.stopped_at.getTime() : concludedAt;
  const start = clock.started_at.getTime();
  const committed =
    clock.committed_limit !== null
      ? computeLimit(cal, start, { limit: clock.committed_limit, unit: clock.committed_unit! }, 'committed', pauseSpans, [], at)
      : null;
  const legal =
    clock.legal_limit !== null ? computeLimit(cal, start, { limit: clock.legal_limit, unit: clock.legal_unit! }, 'legal', pauseSpans, [], at) : null;
  const governing = committed ?? legal;
  const actual = computeLimit(cal, start, { limit: 0, unit: 'workday' }, 'committed', pauseSpans, [], at).elapsed;
  return {
    on_time: governing ? !governing.isOverdue : true,
    early: caseKind === 'committed' && !!committed && committed.remaining >= 1,
    actual_days: actual,
    committed_days: committed && committed.unit !== 'workhour' ? committed.limit : null,
    legal_days: legal && legal.unit !== 'workhour' ? legal.limit : null,
  };
}

const list = (names: readonly string[], prefix = '') => sql.raw(names.map((n) => prefix + n).join(', '));
const sums = (names: readonly string[]) => sql.raw(names.map((n) => `sum(${n})::bigint AS ${n}`).join(', '));
/**
 * The shard a connection adds to (migrations/0014_rollup_shards.sql): concurrent transactions on other
 * connections upsert other rows of the same key instead of waiting for each other's commit.
 */
const shard = sql.raw('(pg_backend_pid() % 8)');

const addExcluded = (table: string) => sql.raw(counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));

/** The columns of a `metric_case` row, in table order. */
const factColumns = [
  'case_id',
  'region_id',
  'organization_id',
  'item_id',
  'channel',
  'case_kind',
  'window_id',
  'acceptor_id',
  'received_day',
  'accepted_day',
  'concluded_day',
  'returned_day',
  'delivered_day',
  'is_joint',
  'is_reported_up',
  'is_urgent',
  'had_supplement',
  'at_window',
  'on_time',
  'early',
  'actual_days',
  'committed_days',
  'legal_days',
  'delivered_late',
  'fees_cents',
  'fees_day',
  'rating',
  'rated_day',
  'updated_at',
] as const satisfies readonly (keyof CaseFacts | 'updated_at')[];

const contribOf = (source: string, sign: number) => sql`
  SELECT c.day, ${list(dimensions, 'f.')}, ${list(counters, 'c.')}
  FROM ${sql.raw(source)} f CROSS JOIN LATERAL metric_contrib(ROW(f.*)::metric_case, ${sql.lit(sign)}) c`;

/**
 * One statement that replaces the fact rows of cases and moves their contributions in the rollups: the
 * old rows are locked and read, the new ones written, and only the (day, dimensions) keys whose sums
 * change are touched, so facts that change no counter write no rollup row. One row per case.
 */
function writeFacts(facts: CaseFacts[]): RawBuilder<unknown> {
  const cols = list(factColumns);
  const at = new Date().toISOString();
  // the new rows are built in FROM, so once: `SELECT (jsonb_populate_record(…)).*` would build them again for each column
  return sql`WITH
      new_fact AS (SELECT r.* FROM jsonb_populate_recordset(null::metric_case, ${JSON.stringify(facts.map((f) => ({ ...f, updated_at: at })))}::jsonb) r),
      old_fact AS (SELECT * FROM metric_case WHERE case_id = ANY(${facts.map((f) => f.case_id)}::bigint[]) ORDER BY case_id FOR UPDATE),
      fact AS (
        INSERT INTO metric_case (${cols}) SELECT ${cols} FROM new_fact ORDER BY case_id
        ON CONFLICT (case_id) DO UPDATE SET (${cols}) = (${list(factColumns, 'excluded.')})
      ),
      d AS (${contribOf('new_fact', 1)} UNION ALL ${contribOf('old_fact', -1)}),
      g AS (
        SELECT day, ${list(dimensions)}, ${sums(counters)} FROM d GROUP BY day, ${list(dimensions)}
        HAVING ${sql.raw(counters.map((c) => `sum(${c}) <> 0`).join(' OR '))}
      ),
      daily AS (
        INSERT INTO metric_daily (day, ${list(dimensions)}, shard, ${list(counters)})
        SELECT day, ${list(dimensions)}, ${shard}, ${list(counters)} FROM g ORDER BY day, ${list(dimensions)}
        ON CONFLICT (day, ${list(dimensions)}, shard) DO UPDATE SET ${addExcluded('metric_daily')}
      ),
      monthly AS (
        INSERT INTO metric_monthly (month, ${list(dimensions)}, shard, ${list(counters)})
        SELECT date_trunc('month', day)::date AS month, ${list(dimensions)}, ${shard}, ${sums(counters)} FROM g
        GROUP BY 1, ${list(dimensions)} ORDER BY 1, ${list(dimensions)}
        ON CONFLICT (month, ${list(dimensions)}, shard) DO UPDATE SET ${addExcluded('metric_monthly')}
      )
    SELECT 1`;
}

/** Recompute cases' facts and move their contributions in the rollups, in the caller's transaction (the feed's step). */
export async function refreshCases(tx: Executor, caseIds: number[]): Promise<number> {
  const facts = await computeFacts(tx, caseIds);
  if (facts.length) await writeFacts(facts).execute(tx);
  return facts.length;
}

/** Recompute one case's facts and move its contribution in the rollups, in the caller's transaction. */
async function refreshCase(tx: Executor, caseId: number, patch: Partial<CaseFacts> = {}): Promise<CaseFacts | null> {
  const [computed] = await computeFacts(tx, [caseId]);
  if (!computed) return null;
  const facts: CaseFacts = { ...computed, ...patch };
  await writeFacts([facts]).execute(tx);
  return facts;
}

/** The staff rollup's rows from case events matching `where` (shared by the event hook and the rebuild). */
export function staffContributions(where: RawBuilder<unknown>, events: RawBuilder<unknown> = sql`case_event`): RawBuilder<unknown> {
  return sql`
    SELECT (e.at AT TIME ZONE ${localZone})::date AS day, e.actor_id AS account_id, s.organization_id,
           (e.type = 'accepted')::int AS accepted, (e.type IN ('notified', 'refused'))::int AS notices, (e.type = 'delivered')::int AS delivered,
           (e.type IN ('task_approved', 'task_rejected', 'task_returned'))::int AS tasks_done,
           (e.type IN ('task_approved', 'task_rejected', 'task_returned') AND (t.due_at IS NULL OR e.at <= t.due_at))::int AS tasks_on_time,
           0 AS rated, 0 AS satisfied
    FROM ${events} e
    JOIN staff s ON s.account_id = e.actor_id
    LEFT JOIN case_task t ON t.id = e.task_id
    WHERE e.type IN ('accepted', 'notified', 'refused', 'delivered', 'task_approved', 'task_rejected', 'task_returned') AND ${where}`;
}

export const staffCounters = ['accepted', 'notices', 'delivered', 'tasks_done', 'tasks_on_time', 'rated', 'satisfied'] as const;

export function upsertStaff(source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    INSERT INTO metric_staff_daily (day, account_id, organization_id, window_id, shard, ${list(staffCounters)})
    SELECT day, account_id, organization_id, 0, ${shard}, ${sums(staffCounters)} FROM (${source}) s
    GROUP BY day, account_id, organization_id ORDER BY day, account_id, organization_id
    ON CONFLICT (day, account_id, organization_id, window_id, shard) DO UPDATE SET
      ${sql.raw(staffCounters.map((c) => `${c} = metric_staff_daily.${c} + excluded.${c}`).join(', '))}`;
}

/**
 * The lock of the writers of facts and rollups (the feed's batches, ratings), held to the end of the
 * transaction: one at a time, so a batch computes facts from a state no earlier than the last batch's.
 */
export async function takeFeedLock(tx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7263543)`.execute(tx);
}

/** Event types that can change a case's facts. */
const factEvents = new Set([
  'submitted',
  'accepted',
  'notified',
  'refused',
  'withdrawn',
  'supplement_requested',
  'stage_entered',
  'concluded',
  'delivered',
  'payment_confirmed',
]);
const staffEvents = new Set(['accepted', 'notified', 'refused', 'delivered', 'task_approved', 'task_rejected', 'task_returned']);

/**
 * What the statistics make of a case event of this type: `facts` when it can change the case's facts,
 * `counted` when the feed has to see it at all (facts or staff work).
 */
export function metricsOfEvent(type: string): { counted: boolean; facts: boolean } {
  const facts = factEvents.has(type);
  return { counted: facts || staffEvents.has(type), facts };
}

/** The staff ratings part of the staff rollup: a rating counts for the staff member who accepted the case. */
export function staffRatingContributions(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    SELECT m.rated_day AS day, m.acceptor_id AS account_id, s.organization_id, 0 AS accepted, 0 AS notices, 0 AS delivered,
           0 AS tasks_done, 0 AS tasks_on_time, 1 AS rated, (m.rating >= 3)::int AS satisfied
    FROM metric_case m JOIN staff s ON s.account_id = m.acceptor_id
    WHERE m.rating IS NOT NULL AND m.rated_day IS NOT NULL AND ${where}`;
}

/**
 * Hook for ratings (好差评): record a case's rating (1–5; 3 and above count as satisfied). The
 * ratings module calls this in its own transaction when a rating is given.
 */
export async function recordRating(tx: Executor, caseId: number, rating: number, at: Date): Promise<void> {
  await takeFeedLock(tx);
  const before = await sql<{ rating: number | null }>`SELECT rating FROM metric_case WHERE case_id = ${caseId}`.execute(tx);
  if (before.rows[0]?.rating) {
    await upsertStaff(
      sql`SELECT day, account_id, organization_id, 0 AS accepted, 0 AS notices, 0 AS delivered, 0 AS tasks_done, 0 AS tasks_on_time,
                 -rated AS rated, -satisfied AS satisfied FROM (${staffRatingContributions(sql`m.case_id = ${caseId}`)}) x`,
    ).execute(tx);
  }
  await refreshCase(tx, caseId, { rating, rated_day: day(at) });
  await upsertStaff(staffRatingContributions(sql`m.case_id = ${caseId}`)).execute(tx);
}
