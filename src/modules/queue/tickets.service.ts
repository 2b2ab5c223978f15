import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Deps } from '../../server/deps.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { randomToken, sha256 } from '../../server/crypto.ts';
import { hallClock, hallSettings, hoursOn, isIssuingTime, formatDate, type HallSettings } from './hall-time.ts';
import { sealIdNumber, sealPhone, spendRate, type Sealed } from './protect.ts';
import { announceBoardChange, logHallEvent } from './live.ts';
import { isHallStaff, requireStaffedWindow } from './queue-access.ts';
import { searchApplicants } from '../identity/accounts.service.ts';
import type { TicketChannel, QueueTicketTable } from './queue.tables.ts';
import type { Selectable } from 'kysely';
import './queue.tables.ts';

export type TicketRow = Selectable<QueueTicketTable>;

/** The order in which a window calls: green channel, then appointments inside their slot, then arrival. */
export const callOrder = sql`is_green DESC, (appt_from <= now() AND now() < appt_until) IS TRUE DESC, queue_at, id`;

export function ticketCode(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

export interface IssueInput {
  hallId: number;
  categoryId: number;
  channel: Exclude<TicketChannel, 'appointment'>;
  idNumber?: string;
  phone?: string;
}

/** Refuse tickets while the hall is closed (a holiday, a closed weekend, outside hours) if the hall says so. */
async function assertOpenNow(db: Executor, s: HallSettings, clock: Awaited<ReturnType<typeof hallClock>>) {
  if (!s.enforceHours) return;
  const hours = await hoursOn(db, s, clock.calendar, clock.today);
  if (!hours.open) throw new AppError('CONFLICT', { reason: 'hall_closed', closed: hours.reason, name: hours.name });
  if (!isIssuingTime(hours.hours, clock.minute)) throw new AppError('CONFLICT', { reason: 'outside_hours', hours: hours.hours });
}

/** Rate limits of the public ticket endpoint: per client address per hour, per phone per day. */
export async function spendTicketRate(deps: Deps, s: HallSettings, ip: string, phone?: string) {
  await spendRate(deps.db, `ticket:ip:${s.hallId}:${ip}`, 3600, s.ipTicketsPerHour);
  if (phone) await spendRate(deps.db, `ticket:phone:${deps.cipher.lookupHash(`phone:${phone.trim()}`)}`, 86400, s.phoneTicketsPerDay);
}

export async function loadSettingsOrThrow(db: Executor, hallId: number): Promise<HallSettings> {
  const s = await hallSettings(db, hallId);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/**
 * Take a number (取号). The day's counter row of the category is bumped with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING in this transaction: concurrent issuers queue on that
 * row, so numbers never repeat and a rolled-back issue gives its number back (no gaps). An ID
 * number holds one open ticket per category (a partial unique index keeps the rule).
 */
export async function issueTicket(
  ctx: WriteContext,
  deps: Deps,
  input: IssueInput & { appointment?: { appointmentId: number; from: Date; until: Date; idNumber: Sealed; phone: Sealed } },
  meta: { ip: string },
) {
  const s = await loadSettingsOrThrow(ctx.tx, input.hallId);
  const category = await ctx.tx
    .selectFrom('queue_category')
    .select(['id', 'prefix', 'name', 'is_green', 'daily_limit'])
    .where('id', '=', input.categoryId)
    .where('hall_id', '=', input.hallId)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!category) throw new AppError('VALIDATION_FAILED', { field: 'categoryId', reason: 'no such category in this hall' });
  const clock = await hallClock(ctx.tx, s);
  if (!input.appointment) await assertOpenNow(ctx.tx, s, clock);
  const idNumber = input.appointment ? input.appointment.idNumber : sealIdNumber(deps.cipher, input.idNumber);
  const phone = input.appointment ? input.appointment.phone : sealPhone(deps.cipher, input.phone);
  const day = clock.todayText;
  if (idNumber) {
    const open = await ctx.tx
      .selectFrom('queue_ticket')
      .select(['id', 'code'])
      .where('category_id', '=', category.id)
      .where('day', '=', day)
      .where('id_hash', '=', idNumber.hash)
      .where('status', 'in', ['waiting', 'called', 'serving'])
      .executeTakeFirst();
    if (open) throw new AppError('DUPLICATE', { reason: 'open_ticket', code: open.code });
  }
  const limit = category.daily_limit ?? 9999;
  const counter = await sql<{ last_number: number }>`
    INSERT INTO queue_counter AS c (category_id, day, last_number) VALUES (${category.id}, ${day}, 1)
    ON CONFLICT (category_id, day) DO UPDATE SET last_number = c.last_number + 1 WHERE c.last_number < ${limit}
    RETURNING last_number`.execute(ctx.tx);
  const number = counter.rows[0]?.last_number;
  if (number === undefined || number > limit) throw new AppError('CONFLICT', { reason: 'daily_limit', limit });
  const token = randomToken(18);
  const row = await ctx.tx
    .insertInto('queue_ticket')
    .values({
      hall_id: input.hallId,
      day,
      issued_category_id: category.id,
      category_id: category.id,
      number,
      code: ticketCode(category.prefix, number),
      channel: input.appointment ? 'appointment' : input.channel,
      is_green: category.is_green,
      appt_from: input.appointment?.from ?? null,
      appt_until: input.appointment?.until ?? null,
      appointment_id: input.appointment?.appointmentId ?? null,
      token_hash: sha256(token),
      id_enc: idNumber?.enc ?? null,
      id_hash: idNumber?.hash ?? null,
      id_mask: idNumber?.mask ?? null,
      phone_enc: phone?.enc ?? null,
      phone_hash: phone?.hash ?? null,
      phone_mask: phone?.mask ?? null,
      issued_ip: meta.ip,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'queue.ticket.issue',
    targetType: 'queue_ticket',
    targetId: row.id,
    change: { code: ticketCode(category.prefix, number), categoryId: category.id, channel: input.appointment ? 'appointment' : input.channel },
  });
  await announceBoardChange(ctx.tx, input.hallId);
  return { ...(await ticketView(ctx.tx, row.id, 'public')), token };
}

function ticketQuery(db: Executor) {
  return db
    .selectFrom('queue_ticket as t')
    .innerJoin('queue_category as c', 'c.id', 't.category_id')
    .innerJoin('hall as h', 'h.id', 't.hall_id')
    .leftJoin('service_window as w', 'w.id', 't.window_id')
    .leftJoin('queue_hall_config as hc', 'hc.hall_id', 't.hall_id')
    .select([
      't.id',
      't.hall_id',
      'h.name as hall_name',
      't.day',
      't.category_id',
      'c.prefix',
      'c.name as category_name',
      'c.name_en as category_name_en',
      'c.avg_service_minutes',
      't.number',
      't.code',
      't.channel',
      't.status',
      't.is_green',
      't.appt_from',
      't.appt_until',
      't.appointment_id',
      't.issued_at',
      't.called_at',
      't.call_count',
      't.finished_at',
      't.window_id',
      'w.number as window_number',
      't.target_window_id',
      't.id_mask',
      't.phone_mask',
      't.case_id',
      't.version',
      sql<number>`coalesce(hc.near_threshold, 3)`.as('near_threshold'),
      sql<number>`CASE WHEN t.status = 'waiting' THEN (
        SELECT count(*)::int FROM queue_ticket o
        WHERE o.hall_id = t.hall_id AND o.day = t.day AND o.category_id = t.category_id AND o.status = 'waiting' AND o.id <> t.id
          AND (o.is_green, (o.appt_from <= now() AND now() < o.appt_until) IS TRUE, t.queue_at, t.id)
            > (t.is_green, (t.appt_from <= now() AND now() < t.appt_until) IS TRUE, o.queue_at, o.id)
      ) ELSE 0 END`.as('ahead'),
      sql<number>`(
        SELECT greatest(1, count(*))::int FROM queue_category_window cw
        JOIN queue_window_session s ON s.window_id = cw.window_id AND s.state = 'open'
        WHERE cw.category_id = t.category_id)`.as('open_windows'),
      sql<number | null>`(
        SELECT avg(extract(epoch FROM d.finished_at - coalesce(d.served_at, d.called_at)))::float8 FROM (
          SELECT finished_at, served_at, called_at FROM queue_ticket
          WHERE category_id = t.category_id AND status = 'done' AND finished_at > now() - interval '7 days'
          ORDER BY finished_at DESC LIMIT 30) d)`.as('avg_service_seconds'),
    ]);
}

type TicketViewRow = Awaited<ReturnType<ReturnType<typeof ticketQuery>['executeTakeFirstOrThrow']>>;

function view(t: TicketViewRow, audience: 'public' | 'staff') {
  const serviceMinutes = t.avg_service_seconds ? t.avg_service_seconds / 60 : t.avg_service_minutes;
  const base = {
    id: t.id,
    hallId: t.hall_id,
    hallName: t.hall_name,
    day: t.day,
    categoryId: t.category_id,
    categoryPrefix: t.prefix,
    categoryName: t.category_name,
    categoryNameEn: t.category_name_en,
    number: t.number,
    code: t.code,
    channel: t.channel,
    status: t.status,
    isGreen: t.is_green,
    appointmentFrom: t.appt_from?.toISOString() ?? null,
    appointmentUntil: t.appt_until?.toISOString() ?? null,
    issuedAt: t.issued_at.toISOString(),
    calledAt: t.called_at?.toISOString() ?? null,
    callCount: t.call_count,
    windowId: t.window_id,
    windowNumber: t.window_number,
    ahead: t.ahead,
    estimatedWaitMinutes: t.status === 'waiting' ? Math.round((t.ahead * serviceMinutes) / Math.max(1, t.open_windows)) : 0,
    isNear: t.status === 'waiting' && t.ahead < t.near_threshold,
    nearThreshold: t.near_threshold,
    idNumber: t.id_mask,
    phone: t.phone_mask,
  };
  if (audience === 'public') return { ...base, caseId: null, version: t.version };
  return { ...base, caseId: t.case_id, version: t.version };
}

export async function ticketView(db: Executor, id: number, audience: 'public' | 'staff') {
  const t = await ticketQuery(db).where('t.id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND');
  return view(t, audience);
}

/** A ticket as its holder (with the token printed on it or kept by the phone page) or the hall's staff sees it. */
export async function getTicket(db: Db, actor: Actor | null, id: number, token: string | undefined) {
  const t = await db.selectFrom('queue_ticket').select(['hall_id', 'token_hash']).where('id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND');
  if (token && sha256(token) === t.token_hash) return ticketView(db, id, 'public');
  if (await isHallStaff(db, actor, t.hall_id)) return ticketView(db, id, 'staff');
  throw new AppError('NOT_FOUND');
}

/**
 * 叫号到收件: whom the ticket a window called belongs to, for 窗口收件 to take them — looked up in the register of
 * applicants by the ID number the ticket was taken with, which is never shown in full. `applicant` is null when the
 * ticket was taken without one, or nobody of that number is registered (the clerk registers them). The clerk of the
 * window that called it asks, while it is called or served.
 */
export async function ticketApplicant(deps: Deps, actor: Actor | null, ticketId: number) {
  const t = await deps.db
    .selectFrom('queue_ticket')
    .select(['id', 'code', 'window_id', 'status', 'id_enc', 'case_id'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!t || t.window_id === null) throw new AppError('NOT_FOUND');
  await requireStaffedWindow(deps.db, actor, t.window_id);
  if (t.status !== 'called' && t.status !== 'serving') throw new AppError('CONFLICT', { reason: 'the ticket is not at the window now', status: t.status });
  const idNumber = t.id_enc ? deps.cipher.decrypt(t.id_enc) : null;
  const found = idNumber ? await searchApplicants(deps, actor, { idNumber, limit: 1 }) : [];
  return { ticketId: t.id, code: t.code, windowId: t.window_id, status: t.status, hasIdNumber: idNumber !== null, applicant: found[0] ?? null };
}

/** Cancel one's own ticket (the holder's token). */
export async function cancelOwnTicket(ctx: WriteContext, id: number, token: string) {
  const t = await ctx.tx.selectFrom('queue_ticket').select(['hall_id', 'token_hash', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!t || sha256(token) !== t.token_hash) throw new AppError('NOT_FOUND');
  if (t.status !== 'waiting') throw new AppError('CONFLICT', { reason: 'not_waiting', status: t.status });
  await ctx.tx
    .updateTable('queue_ticket')
    .set({ status: 'cancelled', finished_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  await ctx.audit({ action: 'queue.ticket.cancel', targetType: 'queue_ticket', targetId: id, change: {} });
  await announceBoardChange(ctx.tx, t.hall_id);
  return ticketView(ctx.tx, id, 'public');
}

/**
 * The window's open (or paused) session, locked; calling at a closed window opens it. Two first
 * presses at once: the second waits on the first's row (ON CONFLICT on the one-open-session index),
 * then locks it like any later press.
 */
async function openedSession(ctx: WriteContext, windowId: number) {
  const existing = await lockWindowSession(ctx.tx, windowId);
  if (existing) return existing;
  await sql`INSERT INTO queue_window_session (window_id, account_id) VALUES (${windowId}, ${ctx.actor!.accountId})
    ON CONFLICT (window_id) WHERE state <> 'closed' DO NOTHING`.execute(ctx.tx);
  const session = await lockWindowSession(ctx.tx, windowId);
  if (!session) throw new AppError('CONFLICT', { reason: 'window_closed' });
  return session;
}

export async function lockWindowSession(tx: Tx, windowId: number) {
  return tx.selectFrom('queue_window_session').selectAll().where('window_id', '=', windowId).where('state', '<>', 'closed').forUpdate().executeTakeFirst();
}

export async function currentTicketOf(tx: Executor, windowId: number) {
  return tx
    .selectFrom('queue_ticket')
    .select(['id', 'code', 'status'])
    .where('window_id', '=', windowId)
    .where('status', 'in', ['called', 'serving'])
    .executeTakeFirst();
}

/** The categories a window serves (its prefix letters), active ones only. */
export async function windowCategoryIds(db: Executor, windowId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('queue_category_window as cw')
    .innerJoin('queue_category as c', 'c.id', 'cw.category_id')
    .select('c.id')
    .where('cw.window_id', '=', windowId)
    .where('c.is_active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

export function callText(code: string, windowNumber: string) {
  return { 'zh-CN': `请 ${code} 号到 ${windowNumber} 号窗口办理`, en: `Number ${code}, please go to window ${windowNumber}` };
}

/**
 * Call the next ticket (叫号) at a window one staffs. The window's session row is locked first (one
 * call at a time per window; a paused window or one still serving someone gets 409); the ticket is
 * taken with FOR UPDATE SKIP LOCKED in call order, so two windows calling at the same instant get two
 * different tickets and a ticket is called by exactly one window.
 */
export async function callNext(ctx: WriteContext, window: { windowId: number; hallId: number; number: string }) {
  const actor = ctx.actor!;
  const session = await openedSession(ctx, window.windowId);
  if (session.state === 'paused') throw new AppError('CONFLICT', { reason: 'window_paused' });
  if (session.account_id !== actor.accountId) {
    // the other post takes the window over
    await ctx.tx.updateTable('queue_window_session').set({ account_id: actor.accountId }).where('id', '=', session.id).execute();
  }
  const busy = await currentTicketOf(ctx.tx, window.windowId);
  if (busy) throw new AppError('CONFLICT', { reason: 'window_busy', ticketId: busy.id, code: busy.code });
  const categories = await windowCategoryIds(ctx.tx, window.windowId);
  const s = await loadSettingsOrThrow(ctx.tx, window.hallId);
  const { todayText } = await hallClock(ctx.tx, s);
  const picked = await sql<{ id: number; code: string; category_id: number }>`
    UPDATE queue_ticket SET status = 'called', window_id = ${window.windowId}, called_by = ${actor.accountId}, called_at = now(),
      first_called_at = coalesce(first_called_at, now()), call_count = call_count + 1, target_window_id = NULL, version = version + 1
    WHERE id = (
      SELECT id FROM queue_ticket
      WHERE hall_id = ${window.hallId} AND day = ${todayText} AND status = 'waiting'
        AND (target_window_id = ${window.windowId}
          OR (target_window_id IS NULL AND category_id = ANY(${sql.val(categories)}::bigint[])))
      ORDER BY (target_window_id IS NOT NULL) DESC, ${callOrder}
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, code, category_id`.execute(ctx.tx);
  const t = picked.rows[0];
  if (!t) return { ticket: null };
  const text = callText(t.code, window.number);
  await ctx.audit({ action: 'queue.ticket.call', targetType: 'queue_ticket', targetId: t.id, change: { windowId: window.windowId } });
  const ticket = await ticketView(ctx.tx, t.id, 'staff');
  // last: the hall's event lock is then held only until commit
  await logHallEvent(ctx.tx, {
    hallId: window.hallId,
    kind: 'call',
    ticketId: t.id,
    windowId: window.windowId,
    payload: { code: t.code, categoryId: t.category_id, windowNumber: window.number, text },
  });
  return { ticket };
}

export type TicketAction =
  | { action: 'recall' | 'start' | 'no_show' | 'skip' }
  | { action: 'finish'; caseId?: number | null }
  | { action: 'link_case'; caseId: number }
  | { action: 'transfer'; categoryId?: number; windowId?: number };

/**
 * What a window does with the ticket it called: recall (重呼), start serving, no-show (过号未到,
 * recorded against the person), skip (back to the end of the line), transfer (转移) to another category
 * or window keeping its place, finish (办结) with the case that was filed, or link the case afterwards.
 */
export async function actOnTicket(
  ctx: WriteContext,
  deps: Deps,
  window: { windowId: number; hallId: number; number: string },
  id: number,
  input: TicketAction,
  expectedVersion?: number,
) {
  const t = await ctx.tx.selectFrom('queue_ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!t || t.hall_id !== window.hallId) throw new AppError('NOT_FOUND');
  if (expectedVersion !== undefined && t.version !== expectedVersion) throw new AppError('CONFLICT', { expectedVersion, actual: t.version });
  const mine = t.window_id === window.windowId && (t.status === 'called' || t.status === 'serving');
  const needMine = () => {
    if (!mine) throw new AppError('CONFLICT', { reason: 'not_at_this_window', status: t.status });
  };
  const bump = { version: sql<number>`version + 1` };
  let event: Parameters<typeof logHallEvent>[1] | null = null;
  switch (input.action) {
    case 'recall': {
      needMine();
      await ctx.tx
        .updateTable('queue_ticket')
        .set({ ...bump, call_count: sql`call_count + 1`, called_at: new Date() })
        .where('id', '=', id)
        .execute();
      event = {
        hallId: t.hall_id,
        kind: 'recall',
        ticketId: id,
        windowId: window.windowId,
        payload: { code: t.code, categoryId: t.category_id, windowNumber: window.number, text: callText(t.code, window.number) },
      };
      break;
    }
    case 'start': {
      if (!mine || t.status !== 'called') throw new AppError('CONFLICT', { reason: 'not_called_here', status: t.status });
      await ctx.tx
        .updateTable('queue_ticket')
        .set({ ...bump, status: 'serving', served_at: new Date() })
        .where('id', '=', id)
        .execute();
      event = {
        hallId: t.hall_id,
        kind: 'start',
        ticketId: id,
        windowId: window.windowId,
        payload: { code: t.code, windowNumber: window.number },
      };
      break;
    }
    case 'no_show': {
      if (!mine || t.status !== 'called') throw new AppError('CONFLICT', { reason: 'not_called_here', status: t.status });
      await ctx.tx
        .updateTable('queue_ticket')
        .set({ ...bump, status: 'no_show', finished_at: new Date() })
        .where('id', '=', id)
        .execute();
      await ctx.tx
        .insertInto('queue_no_show')
        .values({ hall_id: t.hall_id, kind: 'ticket', ticket_id: id, appointment_id: t.appointment_id, id_hash: t.id_hash, phone_hash: t.phone_hash })
        .execute();
      event = {
        hallId: t.hall_id,
        kind: 'no_show',
        ticketId: id,
        windowId: window.windowId,
        payload: { code: t.code, windowNumber: window.number },
      };
      break;
    }
    case 'skip': {
      if (!mine || t.status !== 'called') throw new AppError('CONFLICT', { reason: 'not_called_here', status: t.status });
      await ctx.tx
        .updateTable('queue_ticket')
        .set({
          ...bump,
          status: 'waiting',
          window_id: null,
          called_at: null,
          queue_at: new Date(),
          skip_count: sql`skip_count + 1`,
          appt_from: null,
          appt_until: null,
        })
        .where('id', '=', id)
        .execute();
      event = {
        hallId: t.hall_id,
        kind: 'skip',
        ticketId: id,
        windowId: window.windowId,
        payload: { code: t.code, windowNumber: window.number },
      };
      break;
    }
    case 'transfer': {
      needMine();
      if (input.categoryId === undefined && input.windowId === undefined)
        throw new AppError('VALIDATION_FAILED', { field: 'categoryId', reason: 'a category or a window to transfer to' });
      let categoryId = t.category_id;
      if (input.categoryId !== undefined) {
        const c = await ctx.tx
          .selectFrom('queue_category')
          .select('id')
          .where('id', '=', input.categoryId)
          .where('hall_id', '=', t.hall_id)
          .where('is_active', '=', true)
          .executeTakeFirst();
        if (!c) throw new AppError('VALIDATION_FAILED', { field: 'categoryId', reason: 'no such category in this hall' });
        categoryId = c.id;
      }
      let target: { id: number; number: string } | null = null;
      if (input.windowId !== undefined) {
        if (input.windowId === window.windowId) throw new AppError('VALIDATION_FAILED', { field: 'windowId', reason: 'the same window' });
        const w = await ctx.tx
          .selectFrom('service_window')
          .select(['id', 'number'])
          .where('id', '=', input.windowId)
          .where('hall_id', '=', t.hall_id)
          .where('is_active', '=', true)
          .executeTakeFirst();
        if (!w) throw new AppError('VALIDATION_FAILED', { field: 'windowId', reason: 'no such window in this hall' });
        target = w;
      }
      if (t.id_hash && categoryId !== t.category_id) {
        const clash = await ctx.tx
          .selectFrom('queue_ticket')
          .select('code')
          .where('category_id', '=', categoryId)
          .where('day', '=', t.day)
          .where('id_hash', '=', t.id_hash)
          .where('status', 'in', ['waiting', 'called', 'serving'])
          .executeTakeFirst();
        if (clash) throw new AppError('DUPLICATE', { reason: 'open_ticket', code: clash.code });
      }
      await ctx.tx
        .updateTable('queue_ticket')
        .set({
          ...bump,
          status: 'waiting',
          category_id: categoryId,
          target_window_id: target?.id ?? null,
          window_id: null,
          called_at: null,
          transfer_count: sql`transfer_count + 1`,
        })
        .where('id', '=', id)
        .execute();
      event = {
        hallId: t.hall_id,
        kind: 'transfer',
        ticketId: id,
        windowId: window.windowId,
        payload: { code: t.code, fromWindow: window.number, toWindow: target?.number ?? null, categoryId },
      };
      break;
    }
    case 'finish': {
      needMine();
      const caseId = input.caseId ?? null;
      if (caseId !== null) await checkCase(deps, ctx.actor, caseId);
      await ctx.tx
        .updateTable('queue_ticket')
        .set({ ...bump, status: 'done', finished_at: new Date(), served_at: t.served_at ?? t.called_at, case_id: caseId })
        .where('id', '=', id)
        .execute();
      event = {
        hallId: t.hall_id,
        kind: 'finish',
        ticketId: id,
        windowId: window.windowId,
        payload: { code: t.code, windowNumber: window.number },
      };
      break;
    }
    case 'link_case': {
      if (t.status !== 'done' || t.window_id !== window.windowId) throw new AppError('CONFLICT', { reason: 'not_finished_here', status: t.status });
      await checkCase(deps, ctx.actor, input.caseId);
      await ctx.tx
        .updateTable('queue_ticket')
        .set({ ...bump, case_id: input.caseId })
        .where('id', '=', id)
        .execute();
      break;
    }
  }
  await ctx.audit({ action: `queue.ticket.${input.action}`, targetType: 'queue_ticket', targetId: id, change: { ...input, windowId: window.windowId } });
  const view = await ticketView(ctx.tx, id, 'staff');
  if (event) await logHallEvent(ctx.tx, event);
  return view;
}

/** A case linked to a ticket must be one the clerk can read. */
async function checkCase(deps: Deps, actor: Actor | null, caseId: number) {
  const { getCase } = await import('../cases/cases.queries.ts');
  try {
    await getCase(deps, actor, caseId);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))
      throw new AppError('VALIDATION_FAILED', { field: 'caseId', reason: 'no such case in your scope' });
    throw error;
  }
}

/** Open, pause, resume or close a window for calling. Closing needs the current visitor finished. */
export async function setWindowState(
  ctx: WriteContext,
  window: { windowId: number; hallId: number; number: string },
  action: 'open' | 'pause' | 'resume' | 'close',
) {
  const actor = ctx.actor!;
  const session = await lockWindowSession(ctx.tx, window.windowId);
  const now = new Date();
  if (action === 'open' || action === 'resume') {
    if (!session) await openedSession(ctx, window.windowId);
    else
      await ctx.tx
        .updateTable('queue_window_session')
        .set({
          state: 'open',
          account_id: actor.accountId,
          paused_at: null,
          paused_seconds: session.paused_at ? sql`paused_seconds + extract(epoch FROM now() - paused_at)::int` : sql`paused_seconds`,
        })
        .where('id', '=', session.id)
        .execute();
  } else if (action === 'pause') {
    if (!session) throw new AppError('CONFLICT', { reason: 'window_closed' });
    if (session.state === 'open')
      await ctx.tx.updateTable('queue_window_session').set({ state: 'paused', paused_at: now }).where('id', '=', session.id).execute();
  } else {
    if (session) {
      const busy = await currentTicketOf(ctx.tx, window.windowId);
      if (busy) throw new AppError('CONFLICT', { reason: 'window_busy', ticketId: busy.id, code: busy.code });
      await ctx.tx.updateTable('queue_window_session').set({ state: 'closed', closed_at: now }).where('id', '=', session.id).execute();
    }
  }
  await logHallEvent(ctx.tx, { hallId: window.hallId, kind: 'window', windowId: window.windowId, payload: { windowNumber: window.number, action } });
  await ctx.audit({ action: `queue.window.${action}`, targetType: 'window', targetId: window.windowId, change: { action } });
  return windowPanel(ctx.tx, window.windowId);
}

/** A window as its clerk sees it: state, current ticket, categories served, what waits for it. */
export async function windowPanel(db: Executor, windowId: number) {
  const w = await db
    .selectFrom('service_window as w')
    .innerJoin('hall as h', 'h.id', 'w.hall_id')
    .leftJoin('queue_window_session as s', (j) => j.onRef('s.window_id', '=', 'w.id').on('s.state', '<>', 'closed'))
    .select(['w.id', 'w.hall_id', 'h.name as hall_name', 'w.number', 'w.name', 's.state', 's.account_id', 's.opened_at'])
    .where('w.id', '=', windowId)
    .executeTakeFirstOrThrow();
  const current = await currentTicketOf(db, windowId);
  const categories = await db
    .selectFrom('queue_category_window as cw')
    .innerJoin('queue_category as c', 'c.id', 'cw.category_id')
    .select(['c.id', 'c.prefix', 'c.name', 'c.name_en', 'c.is_green'])
    .where('cw.window_id', '=', windowId)
    .where('c.is_active', '=', true)
    .orderBy('c.sort')
    .orderBy('c.prefix')
    .execute();
  const s = await hallSettings(db, w.hall_id);
  const day = s ? (await hallClock(db, s)).todayText : formatDate(0);
  const waiting = await db
    .selectFrom('queue_ticket')
    .select(['id', 'code', 'category_id', 'is_green', 'appt_from', 'appt_until', 'target_window_id', 'queue_at', 'id_mask'])
    .where('hall_id', '=', w.hall_id)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('target_window_id', '=', windowId),
        eb.and([eb('target_window_id', 'is', null), eb('category_id', 'in', categories.length ? categories.map((c) => c.id) : [0])]),
      ]),
    )
    .orderBy(sql`(target_window_id IS NOT NULL) DESC, ${callOrder}`)
    .limit(50)
    .execute();
  const served = await db
    .selectFrom('queue_ticket')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('window_id', '=', windowId)
    .where('day', '=', day)
    .where('status', '=', 'done')
    .executeTakeFirstOrThrow();
  return {
    windowId: w.id,
    hallId: w.hall_id,
    hallName: w.hall_name,
    number: w.number,
    name: w.name,
    state: (w.state ?? 'closed') as 'open' | 'paused' | 'closed',
    current: current ? await ticketView(db, current.id, 'staff') : null,
    categories: categories.map((c) => ({ id: c.id, prefix: c.prefix, name: c.name, nameEn: c.name_en, isGreen: c.is_green })),
    waiting: waiting.map((t) => ({
      id: t.id,
      code: t.code,
      categoryId: t.category_id,
      isGreen: t.is_green,
      isAppointment: t.appt_from !== null,
      isTransferredHere: t.target_window_id !== null,
      queuedAt: t.queue_at.toISOString(),
      idNumber: t.id_mask,
    })),
    servedToday: served.n,
  };
}

/** The windows the actor staffs, for the calling panel's picker. */
export async function myWindows(db: Db, actor: Actor) {
  return db
    .selectFrom('window_staff as ws')
    .innerJoin('service_window as w', 'w.id', 'ws.window_id')
    .innerJoin('hall as h', 'h.id', 'w.hall_id')
    .select(['w.id', 'w.number', 'w.name', 'ws.post', 'h.id as hall_id', 'h.name as hall_name'])
    .where('ws.account_id', '=', actor.accountId)
    .where('w.is_active', '=', true)
    .orderBy('h.id')
    .orderBy(sql`length(w.number)`)
    .orderBy('w.number')
    .execute()
    .then((rows) => rows.map((r) => ({ windowId: r.id, number: r.number, name: r.name, post: r.post, hallId: r.hall_id, hallName: r.hall_name })));
}
