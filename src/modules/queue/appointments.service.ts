import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Deps } from '../../server/deps.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { hallClock, hoursOn, instantOf, parseDate, type HallSettings } from './hall-time.ts';
import { sealIdNumber, sealPhone, spendRate } from './protect.ts';
import { announceBoardChange } from './live.ts';
import { issueTicket, loadSettingsOrThrow } from './tickets.service.ts';
import './queue.tables.ts';

async function bookableCategory(db: Executor, hallId: number, categoryId: number) {
  const c = await db
    .selectFrom('queue_category')
    .select(['id', 'name', 'name_en', 'slot_capacity_per_window', 'is_bookable'])
    .where('id', '=', categoryId)
    .where('hall_id', '=', hallId)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!c || !c.is_bookable) throw new AppError('VALIDATION_FAILED', { field: 'category', reason: 'no bookable category of this hall' });
  const windows = await db
    .selectFrom('queue_category_window as cw')
    .innerJoin('service_window as w', 'w.id', 'cw.window_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cw.category_id', '=', categoryId)
    .where('w.is_active', '=', true)
    .executeTakeFirstOrThrow();
  return { ...c, capacity: windows.n * c.slot_capacity_per_window };
}

/**
 * The slots of a day for a category: the hall's hours cut into slots of its slot length, each with
 * capacity = windows serving the category × appointments per window per slot. Holidays of the
 * calendar and closed days have none; days before today or past the booking horizon are refused.
 */
export async function listSlots(db: Executor, q: { hallId: number; categoryId: number; date: string }) {
  const s = await loadSettingsOrThrow(db, q.hallId);
  const category = await bookableCategory(db, q.hallId, q.categoryId);
  const day = parseDate(q.date);
  if (day === undefined) throw new AppError('VALIDATION_FAILED', { field: 'date', reason: 'YYYY-MM-DD' });
  const clock = await hallClock(db, s);
  if (day < clock.today || day > clock.today + s.bookingDays)
    throw new AppError('VALIDATION_FAILED', { field: 'date', reason: 'outside_booking_window', from: clock.todayText, days: s.bookingDays });
  const hours = await hoursOn(db, s, clock.calendar, day);
  const base = { hallId: q.hallId, categoryId: q.categoryId, date: q.date, slotMinutes: s.slotMinutes };
  if (!hours.open) return { ...base, open: false, closedReason: hours.reason, closedName: hours.name, extended: false, slots: [] };
  const booked = await db
    .selectFrom('queue_slot')
    .select(['start_minute', 'booked', 'capacity'])
    .where('category_id', '=', q.categoryId)
    .where('day', '=', q.date)
    .execute();
  const byStart = new Map(booked.map((b) => [b.start_minute, b]));
  const slots: { start: number; end: number; capacity: number; booked: number; available: number; isPast: boolean }[] = [];
  for (const [from, to] of hours.hours) {
    for (let start = from; start + s.slotMinutes <= to; start += s.slotMinutes) {
      const b = byStart.get(start);
      const capacity = Math.max(category.capacity, b?.booked ?? 0);
      const isPast = day === clock.today && start + s.slotMinutes <= clock.minute;
      slots.push({ start, end: start + s.slotMinutes, capacity, booked: b?.booked ?? 0, available: isPast ? 0 : capacity - (b?.booked ?? 0), isPast });
    }
  }
  return { ...base, open: true, closedReason: null, closedName: hours.note, extended: hours.extended, slots };
}

const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function bookingCode(): string {
  let c = '';
  for (let i = 0; i < 10; i++) c += codeAlphabet[randomInt(codeAlphabet.length)];
  return c;
}

export interface BookInput {
  hallId: number;
  categoryId: number;
  date: string;
  startMinute: number;
  name: string;
  idNumber: string;
  phone: string;
}

/** Rate limit of the public booking endpoint, per client address and per phone. */
export async function spendBookingRate(deps: Deps, s: HallSettings, ip: string, phone: string) {
  await spendRate(deps.db, `book:ip:${s.hallId}:${ip}`, 3600, s.ipBookingsPerHour);
  await spendRate(deps.db, `book:phone:${deps.cipher.lookupHash(`phone:${phone.trim()}`)}`, 86400, s.ipBookingsPerHour);
}

/**
 * Take a place in a slot. The slot's counter row is created on first use and then bumped with
 * `booked < capacity` in the same statement; concurrent bookings queue on that row, so a slot never
 * holds more than its capacity. People with too many recent no-shows cannot book.
 */
async function takeSlot(ctx: WriteContext, s: HallSettings, q: { hallId: number; categoryId: number; date: string; startMinute: number }) {
  const slots = await listSlots(ctx.tx, q);
  if (!slots.open) throw new AppError('CONFLICT', { reason: 'day_closed', closed: slots.closedReason, name: slots.closedName });
  const slot = slots.slots.find((x) => x.start === q.startMinute);
  if (!slot) throw new AppError('VALIDATION_FAILED', { field: 'startMinute', reason: 'no such slot' });
  if (slot.isPast) throw new AppError('CONFLICT', { reason: 'slot_past' });
  await ctx.tx
    .insertInto('queue_slot')
    .values({ category_id: q.categoryId, day: q.date, start_minute: slot.start, end_minute: slot.end, capacity: slot.capacity })
    .onConflict((oc) => oc.columns(['category_id', 'day', 'start_minute']).doUpdateSet({ capacity: sql`greatest(queue_slot.booked, excluded.capacity)` }))
    .execute();
  const taken = await ctx.tx
    .updateTable('queue_slot')
    .set({ booked: sql`booked + 1` })
    .where('category_id', '=', q.categoryId)
    .where('day', '=', q.date)
    .where('start_minute', '=', slot.start)
    .where(sql<boolean>`booked < capacity`)
    .returning('booked')
    .executeTakeFirst();
  if (!taken) throw new AppError('CONFLICT', { reason: 'slot_full' });
  void s;
  return slot;
}

async function releaseSlot(ctx: WriteContext, a: { category_id: number; day: string; start_minute: number }) {
  await ctx.tx
    .updateTable('queue_slot')
    .set({ booked: sql`booked - 1` })
    .where('category_id', '=', a.category_id)
    .where('day', '=', a.day)
    .where('start_minute', '=', a.start_minute)
    .execute();
}

/** `account`: the signed-in applicant's account the booking is made by, which lists it under 我的预约 (bookMine). */
export async function bookAppointment(ctx: WriteContext, deps: Deps, input: BookInput, meta: { ip: string; account?: number }) {
  const s = await loadSettingsOrThrow(ctx.tx, input.hallId);
  const idNumber = sealIdNumber(deps.cipher, input.idNumber)!;
  const phone = sealPhone(deps.cipher, input.phone)!;
  const noShows = await ctx.tx
    .selectFrom('queue_no_show')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('id_hash', '=', idNumber.hash)
    .where('at', '>', sql<Date>`now() - interval '90 days'`)
    .executeTakeFirstOrThrow();
  if (noShows.n >= s.noShowLimit) throw new AppError('CONFLICT', { reason: 'too_many_no_shows', limit: s.noShowLimit });
  const slot = await takeSlot(ctx, s, input);
  const row = await ctx.tx
    .insertInto('queue_appointment')
    .values({
      code: bookingCode(),
      hall_id: input.hallId,
      category_id: input.categoryId,
      day: input.date,
      start_minute: slot.start,
      end_minute: slot.end,
      name: input.name.trim(),
      id_enc: idNumber.enc,
      id_hash: idNumber.hash,
      id_mask: idNumber.mask,
      phone_enc: phone.enc,
      phone_hash: phone.hash,
      phone_mask: phone.mask,
      account_id: meta.account ?? null,
      ticket_id: null,
      rescheduled_from: null,
      created_ip: meta.ip,
      cancelled_at: null,
      checked_in_at: null,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'queue.appointment.book',
    targetType: 'queue_appointment',
    targetId: row.id,
    change: { categoryId: input.categoryId, date: input.date, startMinute: slot.start, ...(meta.account ? { byAccount: true } : {}) },
  });
  return appointmentView(ctx.tx, row.code);
}

export interface BookMineInput extends Omit<BookInput, 'name' | 'idNumber' | 'phone'> {
  /** someone else's booking (a parent's, say): who comes. Left out, the account's own person comes. */
  name?: string;
  idNumber?: string;
  /** the phone the booking is told on; left out, the account's own */
  phone?: string;
}

/**
 * 我的预约: a booking made signed in, kept with the account. Left to itself it is for the account's own person, by the
 * real-name identity it registered with (name and ID number, and its phone unless another is given); it may name
 * someone else who comes instead. An enterprise's account names the person who comes (its 经办人).
 */
export async function bookMine(ctx: WriteContext, deps: Deps, input: BookMineInput, meta: { ip: string }) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'applicant' || !actor.applicantId) throw new AppError('FORBIDDEN', { reason: 'bookings of one’s own are an applicant’s' });
  const given = [input.name, input.idNumber].filter((v) => v !== undefined).length;
  if (given === 1)
    throw new AppError('VALIDATION_FAILED', { field: input.name === undefined ? 'name' : 'idNumber', reason: 'name and ID number of who comes go together' });
  let who: { name: string; idNumber: string; phone: string | undefined };
  if (input.name !== undefined && input.idNumber !== undefined) who = { name: input.name, idNumber: input.idNumber, phone: input.phone };
  else {
    const self = await ctx.tx
      .selectFrom('applicant')
      .select(['kind', 'name', 'id_number_enc', 'phone_enc'])
      .where('id', '=', actor.applicantId)
      .executeTakeFirstOrThrow();
    if (self.kind !== 'person')
      throw new AppError('VALIDATION_FAILED', { field: 'name', reason: 'an enterprise books for the person who comes: give their name and ID number' });
    who = {
      name: self.name,
      idNumber: deps.cipher.decrypt(self.id_number_enc),
      phone: input.phone ?? (self.phone_enc ? deps.cipher.decrypt(self.phone_enc) : undefined),
    };
  }
  if (!who.phone) throw new AppError('VALIDATION_FAILED', { field: 'phone', reason: 'the account has no phone: give the one the booking is told on' });
  return bookAppointment(ctx, deps, { ...input, name: who.name, idNumber: who.idNumber, phone: who.phone }, { ip: meta.ip, account: actor.accountId });
}

/**
 * 我的预约: the bookings of a signed-in applicant — made by the account, or under its person's ID number anywhere (at the
 * kiosk, or on the page without signing in) — the latest days first, at most 50.
 */
export async function myAppointments(db: Executor, deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'applicant' || !actor.applicantId) throw new AppError('FORBIDDEN', { reason: 'bookings of one’s own are an applicant’s' });
  const self = await db.selectFrom('applicant').select(['kind', 'id_number_enc']).where('id', '=', actor.applicantId).executeTakeFirstOrThrow();
  const idHash = self.kind === 'person' ? sealIdNumberHash(deps, deps.cipher.decrypt(self.id_number_enc)) : null;
  const rows = await viewQuery(db)
    .where((eb) => (idHash ? eb.or([eb('a.account_id', '=', actor.accountId), eb('a.id_hash', '=', idHash)]) : eb('a.account_id', '=', actor.accountId)))
    .orderBy('a.day', 'desc')
    .orderBy('a.start_minute', 'desc')
    .orderBy('a.id', 'desc')
    .limit(50)
    .execute();
  return rows.map(view);
}

/** The lookup hash of an ID number as the queue keeps it (see sealIdNumber), or null for one that is not valid. */
function sealIdNumberHash(deps: Deps, idNumber: string): string | null {
  try {
    return sealIdNumber(deps.cipher, idNumber)?.hash ?? null;
  } catch {
    return null;
  }
}

function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** A booking as it is shown: personal data masked. */
function viewQuery(db: Executor) {
  return db
    .selectFrom('queue_appointment as a')
    .innerJoin('queue_category as c', 'c.id', 'a.category_id')
    .innerJoin('hall as h', 'h.id', 'a.hall_id')
    .leftJoin('queue_ticket as t', 't.id', 'a.ticket_id')
    .select([
      'a.id',
      'a.code',
      'a.hall_id',
      'h.name as hall_name',
      'h.address as hall_address',
      'a.category_id',
      'c.prefix',
      'c.name as category_name',
      'c.name_en as category_name_en',
      'a.day',
      'a.start_minute',
      'a.end_minute',
      'a.status',
      'a.name',
      'a.id_mask',
      'a.phone_mask',
      'a.ticket_id',
      't.code as ticket_code',
      'a.created_at',
      'a.version',
    ]);
}

function view(a: Awaited<ReturnType<ReturnType<typeof viewQuery>['executeTakeFirstOrThrow']>>) {
  return {
    id: a.id,
    code: a.code,
    hallId: a.hall_id,
    hallName: a.hall_name,
    hallAddress: a.hall_address,
    categoryId: a.category_id,
    categoryPrefix: a.prefix,
    categoryName: a.category_name,
    categoryNameEn: a.category_name_en,
    date: a.day,
    startMinute: a.start_minute,
    endMinute: a.end_minute,
    status: a.status,
    name: maskName(a.name),
    idNumber: a.id_mask,
    phone: a.phone_mask,
    ticketId: a.ticket_id,
    ticketCode: a.ticket_code,
    createdAt: a.created_at.toISOString(),
    version: a.version,
  };
}

export async function appointmentView(db: Executor, code: string) {
  const a = await viewQuery(db).where('a.code', '=', code).executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  return view(a);
}

async function lockBooked(ctx: WriteContext, code: string) {
  const a = await ctx.tx.selectFrom('queue_appointment').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  if (a.status !== 'booked') throw new AppError('CONFLICT', { reason: 'not_booked', status: a.status });
  return a;
}

/** Cancel a booking by its code; the place goes back to the slot. */
export async function cancelAppointment(ctx: WriteContext, code: string) {
  const a = await lockBooked(ctx, code);
  await ctx.tx
    .updateTable('queue_appointment')
    .set({ status: 'cancelled', cancelled_at: new Date(), version: sql`version + 1` })
    .where('id', '=', a.id)
    .execute();
  await releaseSlot(ctx, a);
  await ctx.audit({ action: 'queue.appointment.cancel', targetType: 'queue_appointment', targetId: a.id, change: {} });
  return appointmentView(ctx.tx, code);
}

/** Move a booking to another slot (same hall and category): the new place is taken before the old one is given back. */
export async function rescheduleAppointment(ctx: WriteContext, code: string, to: { date: string; startMinute: number }) {
  const a = await lockBooked(ctx, code);
  const s = await loadSettingsOrThrow(ctx.tx, a.hall_id);
  if (a.day === to.date && a.start_minute === to.startMinute) return appointmentView(ctx.tx, code);
  const slot = await takeSlot(ctx, s, { hallId: a.hall_id, categoryId: a.category_id, date: to.date, startMinute: to.startMinute });
  await releaseSlot(ctx, a);
  await ctx.tx
    .updateTable('queue_appointment')
    .set({ day: to.date, start_minute: slot.start, end_minute: slot.end, version: sql`version + 1` })
    .where('id', '=', a.id)
    .execute();
  await ctx.audit({
    action: 'queue.appointment.reschedule',
    targetType: 'queue_appointment',
    targetId: a.id,
    change: { from: { date: a.day, startMinute: a.start_minute }, to },
  });
  return appointmentView(ctx.tx, code);
}

/**
 * Check in at the kiosk (签到): on the booked day, until the slot ends. The ticket it gets goes ahead
 * of walk-ins while the slot runs; after the slot it is too late (a no-show is recorded by the sweep).
 */
export async function checkInAppointment(ctx: WriteContext, deps: Deps, code: string, meta: { ip: string }) {
  const a = await lockBooked(ctx, code);
  const s = await loadSettingsOrThrow(ctx.tx, a.hall_id);
  const clock = await hallClock(ctx.tx, s);
  if (a.day !== clock.todayText) throw new AppError('CONFLICT', { reason: 'not_today', date: a.day });
  if (clock.minute >= a.end_minute) throw new AppError('CONFLICT', { reason: 'too_late' });
  const day = parseDate(a.day)!;
  const ticket = await issueTicket(
    ctx,
    deps,
    {
      hallId: a.hall_id,
      categoryId: a.category_id,
      channel: 'kiosk',
      appointment: {
        appointmentId: a.id,
        from: new Date(instantOf(day, a.start_minute, clock.offsetMinutes)),
        until: new Date(instantOf(day, a.end_minute, clock.offsetMinutes)),
        idNumber: { enc: a.id_enc, hash: a.id_hash, mask: a.id_mask },
        phone: { enc: a.phone_enc, hash: a.phone_hash, mask: a.phone_mask },
      },
    },
    meta,
  );
  await ctx.tx
    .updateTable('queue_appointment')
    .set({ status: 'checked_in', checked_in_at: new Date(), ticket_id: ticket.id, version: sql`version + 1` })
    .where('id', '=', a.id)
    .execute();
  await announceBoardChange(ctx.tx, a.hall_id);
  return { appointment: await appointmentView(ctx.tx, code), ticket };
}

/**
 * Appointments whose slot ended without a check-in become no-shows, recorded against the person.
 * Runs every minute in each process; the UPDATE … WHERE status = 'booked' makes it safe to run twice.
 */
export async function sweepAppointmentNoShows(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await sql<{ id: number; hall_id: number; id_hash: string; phone_hash: string }>`
      UPDATE queue_appointment SET status = 'no_show', version = version + 1
      WHERE status = 'booked'
        AND (day::timestamp + make_interval(mins => end_minute)) AT TIME ZONE 'Asia/Shanghai' < now()
      RETURNING id, hall_id, id_hash, phone_hash`.execute(tx);
    for (const r of rows.rows)
      await tx
        .insertInto('queue_no_show')
        .values({ hall_id: r.hall_id, kind: 'appointment', ticket_id: null, appointment_id: r.id, id_hash: r.id_hash, phone_hash: r.phone_hash })
        .execute();
    return rows.rows.length;
  });
}
