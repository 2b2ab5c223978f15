import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { parseDate } from './hall-time.ts';
import { requireHallManager } from './queue-access.ts';
import './queue.tables.ts';

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * Waiting-time statistics (等候时间统计) of a hall over a date range: tickets per category and hour,
 * average and 90th-percentile wait (issue → first call), service time per window, the no-show rate and
 * how appointments were used. Hours are local (Asia/Shanghai) hours of the issue time.
 */
export async function queueStatistics(db: Db, actor: Actor | null, q: { hallId: number; from: string; to: string }) {
  await requireHallManager(db, actor, q.hallId);
  const from = parseDate(q.from);
  const to = parseDate(q.to);
  if (from === undefined) throw new AppError('VALIDATION_FAILED', { field: 'from' });
  if (to === undefined || to < from) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  if (to - from > 366) throw new AppError('VALIDATION_FAILED', { field: 'to', reason: 'at most a year' });
  const inRange = sql`t.hall_id = ${q.hallId} AND t.day BETWEEN ${q.from}::date AND ${q.to}::date`;
  const byHour = await sql<{ category_id: number; prefix: string; name: string; hour: number; n: number }>`
    SELECT t.issued_category_id AS category_id, c.prefix, c.name, extract(hour FROM t.issued_at AT TIME ZONE 'Asia/Shanghai')::int AS hour, count(*)::int AS n
    FROM queue_ticket t JOIN queue_category c ON c.id = t.issued_category_id
    WHERE ${inRange}
    GROUP BY 1, 2, 3, 4 ORDER BY 2, 4`.execute(db);
  const waits = await sql<{
    category_id: number | null;
    prefix: string | null;
    name: string | null;
    tickets: number;
    called: number;
    avg_wait: number | null;
    p90_wait: number | null;
  }>`
    SELECT c.id AS category_id, c.prefix, c.name, count(*)::int AS tickets, count(t.first_called_at)::int AS called,
      avg(extract(epoch FROM t.first_called_at - t.issued_at) / 60)::float8 AS avg_wait,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_called_at - t.issued_at) / 60)::float8 AS p90_wait
    FROM queue_ticket t JOIN queue_category c ON c.id = t.issued_category_id
    WHERE ${inRange}
    GROUP BY GROUPING SETS ((c.id, c.prefix, c.name), ()) ORDER BY c.prefix NULLS LAST`.execute(db);
  const service = await sql<{ window_id: number; number: string; served: number; avg_service: number | null; p90_service: number | null }>`
    SELECT w.id AS window_id, w.number, count(*)::int AS served,
      avg(extract(epoch FROM t.finished_at - coalesce(t.served_at, t.called_at)) / 60)::float8 AS avg_service,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.finished_at - coalesce(t.served_at, t.called_at)) / 60)::float8 AS p90_service
    FROM queue_ticket t JOIN service_window w ON w.id = t.window_id
    WHERE ${inRange} AND t.status = 'done'
    GROUP BY 1, 2 ORDER BY length(w.number), w.number`.execute(db);
  const outcome = await sql<{ done: number; no_show: number; cancelled: number; waiting: number }>`
    SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
      count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled, count(*) FILTER (WHERE status IN ('waiting', 'called', 'serving'))::int AS waiting
    FROM queue_ticket t WHERE ${inRange}`.execute(db);
  const appts = await sql<{ booked: number; checked_in: number; no_show: number; cancelled: number; pending: number; capacity: number; taken: number }>`
    SELECT count(*) FILTER (WHERE a.status <> 'cancelled')::int AS booked, count(*) FILTER (WHERE a.status = 'checked_in')::int AS checked_in,
      count(*) FILTER (WHERE a.status = 'no_show')::int AS no_show, count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE a.status = 'booked')::int AS pending,
      coalesce((SELECT sum(s.capacity) FROM queue_slot s JOIN queue_category c ON c.id = s.category_id
        WHERE c.hall_id = ${q.hallId} AND s.day BETWEEN ${q.from}::date AND ${q.to}::date), 0)::int AS capacity,
      coalesce((SELECT sum(s.booked) FROM queue_slot s JOIN queue_category c ON c.id = s.category_id
        WHERE c.hall_id = ${q.hallId} AND s.day BETWEEN ${q.from}::date AND ${q.to}::date), 0)::int AS taken
    FROM queue_appointment a WHERE a.hall_id = ${q.hallId} AND a.day BETWEEN ${q.from}::date AND ${q.to}::date`.execute(db);
  const o = outcome.rows[0]!;
  const a = appts.rows[0]!;
  const total = waits.rows.find((w) => w.category_id === null);
  const decided = a.checked_in + a.no_show;
  return {
    hallId: q.hallId,
    from: q.from,
    to: q.to,
    totals: {
      tickets: total?.tickets ?? 0,
      called: total?.called ?? 0,
      done: o.done,
      noShow: o.no_show,
      cancelled: o.cancelled,
      open: o.waiting,
      avgWaitMinutes: round1(total?.avg_wait ?? null),
      p90WaitMinutes: round1(total?.p90_wait ?? null),
      noShowRate: o.done + o.no_show > 0 ? round1((o.no_show / (o.done + o.no_show)) * 100) : null,
    },
    byCategoryHour: byHour.rows.map((r) => ({ categoryId: r.category_id, prefix: r.prefix, name: r.name, hour: r.hour, tickets: r.n })),
    waitByCategory: waits.rows
      .filter((w) => w.category_id !== null)
      .map((w) => ({
        categoryId: w.category_id!,
        prefix: w.prefix!,
        name: w.name!,
        tickets: w.tickets,
        called: w.called,
        avgWaitMinutes: round1(w.avg_wait),
        p90WaitMinutes: round1(w.p90_wait),
      })),
    serviceByWindow: service.rows.map((s) => ({
      windowId: s.window_id,
      number: s.number,
      served: s.served,
      avgServiceMinutes: round1(s.avg_service),
      p90ServiceMinutes: round1(s.p90_service),
    })),
    appointments: {
      booked: a.booked,
      checkedIn: a.checked_in,
      noShow: a.no_show,
      cancelled: a.cancelled,
      pending: a.pending,
      slotCapacity: a.capacity,
      slotBooked: a.taken,
      uptakeRate: decided > 0 ? round1((a.checked_in / decided) * 100) : null,
      noShowRate: decided > 0 ? round1((a.no_show / decided) * 100) : null,
    },
  };
}
