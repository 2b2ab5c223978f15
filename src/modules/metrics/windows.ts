import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { scopeFilter, type Scope } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { dayNumber, formatDate, fromDayNumber, parseDate } from '../../common/civil-date.ts';
import { defaultWeights, efficiencyScore, emptySums, performanceScore, sumKeys, type Sums, type Weights } from './definitions.ts';

/** 'YYYY-MM' → first and last day numbers. */
export function monthRange(month: string): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const first = m ? parseDate(`${m[1]}-${m[2]}-01`) : undefined;
  if (first === undefined) throw new AppError('VALIDATION_FAILED', { field: 'month' });
  const { y, m: mm } = fromDayNumber(first);
  return { from: first, to: dayNumber(mm === 12 ? y + 1 : y, mm === 12 ? 1 : mm + 1, 1) - 1 };
}

const rankSums = `
  coalesce(sum(m.accepted), 0)::float8 AS accepted, coalesce(sum(m.concluded), 0)::float8 AS concluded,
  coalesce(sum(m.on_time), 0)::float8 AS on_time, coalesce(sum(m.early), 0)::float8 AS early,
  coalesce(sum(m.concluded) FILTER (WHERE m.case_kind = 'committed'), 0)::float8 AS concluded_committed,
  coalesce(sum(m.rated), 0)::float8 AS rated, coalesce(sum(m.satisfied), 0)::float8 AS satisfied,
  coalesce(sum(m.actual_days), 0)::float8 AS actual_days`;

export interface RankRow {
  id: number;
  name: string;
  accepted: number;
  concluded: number;
  onTimeRate: number | null;
  earlyRate: number | null;
  satisfaction: number | null;
  avgActualDays: number | null;
  score: number | null;
  /** competition ranking (1, 1, 1, 4, …): one more than the number of better scores */
  rank: number;
  /** another ranked unit has the same score (and so the same rank and mark) */
  tied: boolean;
  mark: 'praised' | 'flagged' | null;
}

/**
 * Rank by score, competition style: equal scores share a rank (1, 1, 1, 4, …) and a mark. A tie takes one
 * place, counted from the top for praise and from the bottom for flags: praised (表彰) when fewer than three
 * units score better, flagged (通报) when fewer than three score worse and it is not praised — so a unit tied
 * with a praised one is never flagged. Within a tie the unit with more completed cases is listed first (then
 * the older id): that orders the list and picks the red-flag candidate, nothing else.
 */
export function rankByScore<T extends { id: number; score: number; concluded: number }>(
  rows: T[],
): (T & { rank: number; tied: boolean; mark: RankRow['mark'] })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || b.concluded - a.concluded || a.id - b.id);
  const n = sorted.length;
  return sorted.map((r) => {
    const better = sorted.filter((o) => o.score > r.score).length;
    const same = sorted.filter((o) => o.score === r.score).length;
    const praised = better < 3;
    const flagged = !praised && n - better - same < 3;
    return { ...r, rank: better + 1, tied: same > 1, mark: praised ? 'praised' : flagged ? 'flagged' : null };
  });
}

function toRank(rows: (Record<string, unknown> & { id: string; name: string })[], minCases: number): RankRow[] {
  const scored = rows
    .map((r) => {
      const s: Sums = { ...emptySums() };
      for (const k of sumKeys) if (r[k] !== undefined) s[k] = Number(r[k]);
      return {
        id: Number(r.id),
        name: r.name,
        accepted: s.accepted,
        concluded: s.concluded,
        onTimeRate: s.concluded ? Math.round((s.on_time / s.concluded) * 10000) / 10000 : null,
        earlyRate: s.concluded_committed ? Math.round((s.early / s.concluded_committed) * 10000) / 10000 : null,
        satisfaction: s.rated ? Math.round((s.satisfied / s.rated) * 10000) / 10000 : null,
        avgActualDays: s.concluded ? Math.round((s.actual_days / s.concluded) * 100) / 100 : null,
        score: efficiencyScore(s),
        volume: s.accepted + s.concluded,
      };
    })
    .filter((r): r is typeof r & { score: number } => r.score !== null && r.volume >= Math.max(1, minCases));
  return rankByScore(scored).map(({ volume: _v, ...r }) => r);
}

/** The monthly efficiency ranking of windows and of departments in scope (docs/metrics.md#ranking). */
export async function ranking(db: Executor, scope: Scope, month: string, minCases: number) {
  const { from, to } = monthRange(month);
  const range = sql`m.month = ${formatDate(from)}::date`;
  const windows = await sql<Record<string, unknown> & { id: string; name: string }>`
    SELECT m.window_id::text AS id, min(h.name || ' ' || w.number || '号 ' || w.name) AS name, ${sql.raw(rankSums)}
    FROM metric_monthly m JOIN service_window w ON w.id = m.window_id JOIN hall h ON h.id = w.hall_id
    JOIN region r ON r.id = h.region_id JOIN organization o ON o.id = h.organization_id
    WHERE ${range} AND m.window_id <> 0 AND ${scopeFilter(scope, 'r.path', 'o.path')}
    GROUP BY m.window_id`.execute(db);
  const departments = await sql<Record<string, unknown> & { id: string; name: string }>`
    SELECT m.organization_id::text AS id, min(coalesce(o.short_name, o.name)) AS name, ${sql.raw(rankSums)}
    FROM metric_monthly m JOIN region r ON r.id = m.region_id JOIN organization o ON o.id = m.organization_id
    WHERE ${range} AND ${scopeFilter(scope, 'r.path', 'o.path')}
    GROUP BY m.organization_id`.execute(db);
  const windowRank = toRank(windows.rows, minCases);
  const awards = await sql<{ hall_id: string; window_id: string; note: string; named_at: Date; score: string | null; hall: string }>`
    SELECT a.hall_id::text, a.window_id::text, a.note, a.named_at, a.score::text, h.name AS hall
    FROM window_award a JOIN hall h ON h.id = a.hall_id JOIN region r ON r.id = h.region_id JOIN organization o ON o.id = h.organization_id
    WHERE a.month = ${formatDate(from)}::date AND ${scopeFilter(scope, 'r.path', 'o.path')}`.execute(db);
  return {
    month,
    from: formatDate(from),
    to: formatDate(to),
    windows: windowRank,
    departments: toRank(departments.rows, minCases),
    // the candidate for 红旗窗口: the best-ranked window (of a tie, the one with more completed cases); the center names it
    redFlagCandidate: windowRank[0] ?? null,
    redFlags: awards.rows.map((a) => ({
      hallId: Number(a.hall_id),
      hall: a.hall,
      windowId: Number(a.window_id),
      windowName: windowRank.find((w) => w.id === Number(a.window_id))?.name ?? null,
      score: a.score === null ? null : Number(a.score),
      note: a.note,
      namedAt: a.named_at.toISOString(),
    })),
  };
}

/** The center (an organization of kind `center`) whose settings apply: the given one, or the first in scope. */
export async function centerFor(db: Executor, scope: Scope, centerId?: number): Promise<{ id: number; name: string; path: string; regionPath: string } | null> {
  const row = await sql<{ id: string; name: string; path: string; region_path: string }>`
    SELECT o.id::text, o.name, o.path, r.path AS region_path FROM organization o JOIN region r ON r.id = o.region_id
    WHERE o.kind = 'center' AND ${centerId ? sql`o.id = ${centerId}` : sql`true`} AND ${scopeFilter(scope, 'r.path', 'o.path')}
    ORDER BY length(r.path), o.id LIMIT 1`.execute(db);
  const r = row.rows[0];
  return r ? { id: Number(r.id), name: r.name, path: r.path, regionPath: r.region_path } : null;
}

export async function readSettings(db: Executor, centerId: number) {
  const row = await db
    .selectFrom('metric_setting' as never)
    .selectAll()
    .where('organization_id' as never, '=', centerId as never)
    .executeTakeFirst();
  const r = row as { weight_volume: number; weight_timeliness: number; weight_rating: number; min_cases: number; version: number } | undefined;
  return {
    centerId,
    weights: r ? { volume: r.weight_volume, timeliness: r.weight_timeliness, rating: r.weight_rating } : { ...defaultWeights },
    minCases: r?.min_cases ?? 1,
    version: r?.version ?? 0,
  };
}

export async function writeSettings(ctx: WriteContext, centerId: number, input: { weights: Weights; minCases: number; expectedVersion?: number }) {
  const w = input.weights;
  if (w.volume + w.timeliness + w.rating !== 100) throw new AppError('VALIDATION_FAILED', { field: 'weights', reason: 'the weights must add up to 100' });
  const current = await readSettings(ctx.tx, centerId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new AppError('CONFLICT', { reason: 'the settings were changed by someone else', version: current.version });
  }
  const actorId = ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null;
  const { rows } = await sql<{ version: number }>`
    INSERT INTO metric_setting (organization_id, weight_volume, weight_timeliness, weight_rating, min_cases, updated_by)
    VALUES (${centerId}, ${w.volume}, ${w.timeliness}, ${w.rating}, ${input.minCases}, ${actorId})
    ON CONFLICT (organization_id) DO UPDATE SET weight_volume = excluded.weight_volume, weight_timeliness = excluded.weight_timeliness,
      weight_rating = excluded.weight_rating, min_cases = excluded.min_cases, updated_by = excluded.updated_by, updated_at = now(),
      version = metric_setting.version + 1
    WHERE metric_setting.version = ${current.version}
    RETURNING version`.execute(ctx.tx);
  if (!rows[0]) throw new AppError('CONFLICT', { reason: 'the settings were changed by someone else' });
  await ctx.audit({ action: 'metrics.settings_changed', targetType: 'organization', targetId: centerId, change: { weights: w, minCases: input.minCases } });
  return { ...(await readSettings(ctx.tx, centerId)) };
}

/** Staff performance for a month: volume, timeliness and ratings, weighted by the center's settings. */
export async function staffPerformance(db: Executor, scope: Scope, month: string, weights: Weights) {
  const { from, to } = monthRange(month);
  const { rows } = await sql<{
    account_id: string;
    name: string;
    org: string;
    window_name: string | null;
    accepted: number;
    notices: number;
    delivered: number;
    tasks_done: number;
    tasks_on_time: number;
    rated: number;
    satisfied: number;
  }>`
    SELECT m.account_id::text, min(s.name) AS name, min(coalesce(o.short_name, o.name)) AS org,
           (SELECT h.name || ' ' || w.number || '号' FROM window_staff ws JOIN service_window w ON w.id = ws.window_id JOIN hall h ON h.id = w.hall_id
             WHERE ws.account_id = m.account_id ORDER BY ws.post, ws.window_id LIMIT 1) AS window_name,
           sum(m.accepted)::int AS accepted, sum(m.notices)::int AS notices, sum(m.delivered)::int AS delivered,
           sum(m.tasks_done)::int AS tasks_done, sum(m.tasks_on_time)::int AS tasks_on_time, sum(m.rated)::int AS rated, sum(m.satisfied)::int AS satisfied
    FROM metric_staff_daily m JOIN staff s ON s.account_id = m.account_id
    JOIN organization o ON o.id = m.organization_id JOIN region r ON r.id = o.region_id
    WHERE m.day BETWEEN ${formatDate(from)}::date AND ${formatDate(to)}::date AND ${scopeFilter(scope, 'r.path', 'o.path')}
    GROUP BY m.account_id`.execute(db);
  const volumeOf = (r: (typeof rows)[number]) => r.accepted + r.notices + r.delivered + r.tasks_done;
  const top = Math.max(0, ...rows.map(volumeOf));
  return rows
    .map((r) => {
      const volume = volumeOf(r);
      const parts = {
        volume: top > 0 ? volume / top : null,
        timeliness: r.tasks_done > 0 ? r.tasks_on_time / r.tasks_done : r.accepted + r.delivered > 0 ? 1 : null,
        rating: r.rated > 0 ? r.satisfied / r.rated : null,
      };
      return {
        accountId: Number(r.account_id),
        name: r.name,
        organization: r.org,
        window: r.window_name,
        volume,
        accepted: r.accepted,
        tasksDone: r.tasks_done,
        tasksOnTime: r.tasks_on_time,
        delivered: r.delivered,
        rated: r.rated,
        satisfaction: parts.rating === null ? null : Math.round(parts.rating * 10000) / 10000,
        timeliness: parts.timeliness === null ? null : Math.round(parts.timeliness * 10000) / 10000,
        score: performanceScore(parts, weights),
      };
    })
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.volume - a.volume || a.accountId - b.accountId);
}

/** A window with its hall's placement, or 404 outside the scope. */
export async function windowInScope(db: Executor, scope: Scope, windowId: number) {
  const row = await sql<{ id: string; name: string; number: string; hall: string; hall_id: string }>`
    SELECT w.id::text, w.name, w.number, h.name AS hall, h.id::text AS hall_id FROM service_window w JOIN hall h ON h.id = w.hall_id
    JOIN region r ON r.id = h.region_id JOIN organization o ON o.id = h.organization_id
    WHERE w.id = ${windowId} AND ${scopeFilter(scope, 'r.path', 'o.path')}`.execute(db);
  if (!row.rows[0]) throw new AppError('NOT_FOUND');
  const r = row.rows[0];
  return { id: Number(r.id), name: r.name, number: r.number, hall: r.hall, hallId: Number(r.hall_id) };
}

/** The daily work log (工作日志) of a window: who was on duty, what was handled, the remarks. */
export async function workLog(db: Executor, windowId: number, from: number, to: number) {
  const days = await sql<{
    day: string;
    accepted: number;
    received: number;
    concluded: number;
    on_time: number;
    delivered: number;
  }>`
    SELECT m.day::text, sum(m.accepted)::int AS accepted, sum(m.received)::int AS received, sum(m.concluded)::int AS concluded,
           sum(m.on_time)::int AS on_time, sum(m.delivered)::int AS delivered
    FROM metric_daily m WHERE m.window_id = ${windowId} AND m.day BETWEEN ${formatDate(from)}::date AND ${formatDate(to)}::date
    GROUP BY m.day`.execute(db);
  const staffDays = await sql<{ day: string; account_id: string; name: string; work: number }>`
    SELECT m.day::text, m.account_id::text, s.name, sum(m.accepted + m.notices + m.delivered + m.tasks_done)::int AS work
    FROM metric_staff_daily m JOIN staff s ON s.account_id = m.account_id
    JOIN window_staff ws ON ws.account_id = m.account_id AND ws.window_id = ${windowId}
    WHERE m.day BETWEEN ${formatDate(from)}::date AND ${formatDate(to)}::date
    GROUP BY m.day, m.account_id, s.name`.execute(db);
  const logs = await sql<{ day: string; remarks: string; on_duty: string[]; version: number; updated_at: Date; by: string | null }>`
    SELECT l.day::text, l.remarks, l.on_duty::text[] AS on_duty, l.version, l.updated_at, s.name AS by
    FROM window_log l LEFT JOIN staff s ON s.account_id = l.updated_by
    WHERE l.window_id = ${windowId} AND l.day BETWEEN ${formatDate(from)}::date AND ${formatDate(to)}::date`.execute(db);
  const assigned = await sql<{ account_id: string; name: string; post: string }>`
    SELECT ws.account_id::text, s.name, ws.post FROM window_staff ws JOIN staff s ON s.account_id = ws.account_id
    WHERE ws.window_id = ${windowId} ORDER BY ws.post, s.name`.execute(db);
  const names = new Map(assigned.rows.map((a) => [a.account_id, a.name]));
  for (const s of staffDays.rows) names.set(s.account_id, s.name);
  const out = [];
  for (let d = to; d >= from; d--) {
    const key = formatDate(d);
    const figures = days.rows.find((r) => r.day === key);
    const log = logs.rows.find((r) => r.day === key);
    const active = staffDays.rows.filter((s) => s.day === key && s.work > 0);
    const onDuty =
      log && log.on_duty.length > 0
        ? log.on_duty.map((id) => ({ accountId: Number(id), name: names.get(id) ?? `#${id}` }))
        : active.map((s) => ({ accountId: Number(s.account_id), name: s.name }));
    if (!figures && !log && active.length === 0) continue;
    out.push({
      day: key,
      onDuty,
      onDutyRecorded: !!log && log.on_duty.length > 0,
      received: figures?.received ?? 0,
      accepted: figures?.accepted ?? 0,
      concluded: figures?.concluded ?? 0,
      onTime: figures?.on_time ?? 0,
      delivered: figures?.delivered ?? 0,
      work: active.reduce((s, a) => s + a.work, 0),
      remarks: log?.remarks ?? '',
      version: log?.version ?? 0,
      updatedBy: log?.by ?? null,
      updatedAt: log?.updated_at.toISOString() ?? null,
    });
  }
  return { staff: assigned.rows.map((a) => ({ accountId: Number(a.account_id), name: a.name, post: a.post })), days: out };
}

export async function writeLog(ctx: WriteContext, windowId: number, day: string, input: { remarks: string; onDuty?: number[]; expectedVersion?: number }) {
  const d = parseDate(day);
  if (d === undefined) throw new AppError('VALIDATION_FAILED', { field: 'day' });
  if (input.onDuty?.length) {
    const known = await sql<{ n: number }>`SELECT count(*)::int AS n FROM staff WHERE account_id = ANY(${input.onDuty}::bigint[])`.execute(ctx.tx);
    if (known.rows[0]!.n !== new Set(input.onDuty).size) throw new AppError('VALIDATION_FAILED', { field: 'onDuty', reason: 'unknown staff' });
  }
  const actorId = ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null;
  const current = await sql<{ version: number }>`SELECT version FROM window_log WHERE window_id = ${windowId} AND day = ${day}::date FOR UPDATE`.execute(
    ctx.tx,
  );
  const version = current.rows[0]?.version ?? 0;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
    throw new AppError('CONFLICT', { reason: 'the log was changed by someone else', version });
  }
  const { rows } = await sql<{ version: number }>`
    INSERT INTO window_log (window_id, day, remarks, on_duty, updated_by)
    VALUES (${windowId}, ${day}::date, ${input.remarks}, ${input.onDuty ?? []}::bigint[], ${actorId})
    ON CONFLICT (window_id, day) DO UPDATE SET remarks = excluded.remarks, on_duty = excluded.on_duty, updated_by = excluded.updated_by,
      updated_at = now(), version = window_log.version + 1
    WHERE window_log.version = ${version}
    RETURNING version`.execute(ctx.tx);
  if (!rows[0]) throw new AppError('CONFLICT', { reason: 'the log was changed by someone else' });
  await ctx.audit({
    action: 'metrics.window_log',
    targetType: 'service_window',
    targetId: windowId,
    change: { day, remarks: input.remarks, onDuty: input.onDuty ?? [] },
  });
  return { windowId, day, version: rows[0].version };
}

/** Name the red-flag window (红旗窗口) of a month for a hall: once per hall and month. */
export async function nameRedFlag(ctx: WriteContext, input: { hallId: number; month: string; windowId: number; note: string; score: number | null }) {
  const { from } = monthRange(input.month);
  const w = await sql<{ hall_id: string }>`SELECT hall_id::text FROM service_window WHERE id = ${input.windowId}`.execute(ctx.tx);
  if (!w.rows[0] || Number(w.rows[0].hall_id) !== input.hallId)
    throw new AppError('VALIDATION_FAILED', { field: 'windowId', reason: 'not a window of this hall' });
  const actorId = ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null;
  const { rows } = await sql<{ id: string }>`
    INSERT INTO window_award (hall_id, month, window_id, score, note, named_by)
    VALUES (${input.hallId}, ${formatDate(from)}::date, ${input.windowId}, ${input.score}, ${input.note}, ${actorId})
    ON CONFLICT (hall_id, month) DO NOTHING RETURNING id::text`.execute(ctx.tx);
  if (!rows[0]) throw new AppError('CONFLICT', { reason: 'the red-flag window of this month is already named' });
  await ctx.audit({
    action: 'metrics.red_flag_named',
    targetType: 'service_window',
    targetId: input.windowId,
    change: { month: input.month, note: input.note },
  });
  await ctx.emit({
    type: 'metrics.red_flag_named',
    streamType: 'service_window',
    streamId: input.windowId,
    payload: { hallId: input.hallId, month: input.month },
  });
  return { id: Number(rows[0].id), hallId: input.hallId, windowId: input.windowId, month: input.month };
}
