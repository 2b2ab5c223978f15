import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import { AppError } from '../../server/errors.ts';
import { hallClock, hallSettings, hoursOn, isIssuingDay } from './hall-time.ts';
import { listNotices } from './config.service.ts';
import type { Board } from './queue.schemas.ts';
import './queue.tables.ts';

/**
 * What the hall display and the live board show: waiting numbers and the last call per category, the
 * latest calls, each window's state and current number, today's notices and hours. Public: codes only.
 * `open` is the calendar's word on today (with the hall's own days); `issuing` whether tickets are issued
 * today, which they also are on a closed day when the hall does not enforce its hours.
 */
export async function hallBoard(db: Executor, hallId: number): Promise<Board> {
  const s = await hallSettings(db, hallId);
  if (!s) throw new AppError('NOT_FOUND');
  const hall = await db.selectFrom('hall').select(['id', 'name']).where('id', '=', hallId).executeTakeFirstOrThrow();
  const clock = await hallClock(db, s);
  const day = clock.todayText;
  const categories = await db
    .selectFrom('queue_category as c')
    .select([
      'c.id',
      'c.prefix',
      'c.name',
      'c.name_en',
      'c.is_green',
      sql<number>`(SELECT count(*)::int FROM queue_ticket t WHERE t.category_id = c.id AND t.day = ${day} AND t.status = 'waiting')`.as('waiting'),
      sql<number>`(SELECT count(*)::int FROM queue_ticket t WHERE t.issued_category_id = c.id AND t.day = ${day})`.as('issued'),
      sql<
        string | null
      >`(SELECT t.code FROM queue_ticket t WHERE t.category_id = c.id AND t.day = ${day} AND t.first_called_at IS NOT NULL ORDER BY t.first_called_at DESC LIMIT 1)`.as(
        'last_called',
      ),
    ])
    .where('c.hall_id', '=', hallId)
    .where('c.is_active', '=', true)
    .orderBy('c.sort')
    .orderBy('c.prefix')
    .execute();
  const calls = await db
    .selectFrom('queue_event')
    .select(['id', 'kind', 'ticket_id', 'window_id', 'payload', 'at'])
    .where('hall_id', '=', hallId)
    .where('kind', 'in', ['call', 'recall'])
    .where('at', '>', sql<Date>`now() - interval '12 hours'`)
    .orderBy('id', 'desc')
    .limit(10)
    // a call is always logged with its ticket and window
    .$narrowType<{ kind: 'call' | 'recall'; ticket_id: number; window_id: number }>()
    .execute();
  const lastEvent = await db
    .selectFrom('queue_event')
    .select(sql<number | null>`max(id)`.as('id'))
    .where('hall_id', '=', hallId)
    .executeTakeFirstOrThrow();
  const windows = await db
    .selectFrom('service_window as w')
    .leftJoin('queue_window_session as s', (j) => j.onRef('s.window_id', '=', 'w.id').on('s.state', '<>', 'closed'))
    .select([
      'w.id',
      'w.number',
      'w.name',
      's.state',
      sql<string | null>`(SELECT t.code FROM queue_ticket t WHERE t.window_id = w.id AND t.status IN ('called', 'serving') LIMIT 1)`.as('current'),
    ])
    .where('w.hall_id', '=', hallId)
    .where('w.is_active', '=', true)
    .orderBy(sql`length(w.number)`)
    .orderBy('w.number')
    .execute();
  const hours = await hoursOn(db, s, clock.calendar, clock.today);
  return {
    hallId: hall.id,
    hallName: hall.name,
    day,
    serverTime: new Date().toISOString(),
    open: hours.open,
    issuing: isIssuingDay(s, hours),
    hours: hours.open ? hours.hours : [],
    closedReason: hours.open ? null : hours.reason,
    closedName: hours.open ? null : hours.name,
    lastEventId: lastEvent.id ?? 0,
    categories: categories.map((c) => ({
      id: c.id,
      prefix: c.prefix,
      name: c.name,
      nameEn: c.name_en,
      isGreen: c.is_green,
      waiting: c.waiting,
      issued: c.issued,
      lastCalled: c.last_called,
    })),
    recentCalls: calls.map((e) => ({
      eventId: e.id,
      kind: e.kind,
      ticketId: e.ticket_id,
      windowId: e.window_id,
      code: String(e.payload.code ?? ''),
      windowNumber: String(e.payload.windowNumber ?? ''),
      at: e.at.toISOString(),
    })),
    windows: windows.map((w) => ({
      id: w.id,
      number: w.number,
      name: w.name,
      state: (w.state ?? 'closed') as 'open' | 'paused' | 'closed',
      current: w.current,
    })),
    notices: (await listNotices(db, hallId, true, day)).map((n) => ({ id: n.id, text: n.text, textEn: n.textEn })),
  };
}
