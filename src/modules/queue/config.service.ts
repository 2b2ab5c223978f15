import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { requireHallManager } from './queue-access.ts';
import { hallClock, hallSettings, hoursOn, parseDate, validHours } from './hall-time.ts';
import { logHallEvent } from './live.ts';
import type { Hours } from './queue.tables.ts';
import './queue.tables.ts';

/** Halls that run a queue (have at least one active category), for the kiosk and booking pickers. */
export async function listQueueHalls(db: Db) {
  return db
    .selectFrom('hall as h')
    .select(['h.id', 'h.name', 'h.address', 'h.opening_hours'])
    .where('h.is_active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('queue_category as c').select('c.id').whereRef('c.hall_id', '=', 'h.id').where('c.is_active', '=', true)),
    )
    .orderBy('h.id')
    .execute()
    .then((rows) => rows.map((h) => ({ id: h.id, name: h.name, address: h.address, openingHours: h.opening_hours })));
}

export async function listCategories(db: Executor, hallId: number, includeInactive = false) {
  let q = db
    .selectFrom('queue_category as c')
    .select([
      'c.id',
      'c.hall_id',
      'c.prefix',
      'c.name',
      'c.name_en',
      'c.is_green',
      'c.daily_limit',
      'c.avg_service_minutes',
      'c.slot_capacity_per_window',
      'c.is_bookable',
      'c.is_active',
      'c.sort',
      'c.version',
      sql<{ id: number; number: string }[]>`(
        SELECT coalesce(json_agg(json_build_object('id', w.id, 'number', w.number) ORDER BY length(w.number), w.number), '[]'::json)
        FROM queue_category_window cw JOIN service_window w ON w.id = cw.window_id WHERE cw.category_id = c.id)`.as('windows'),
    ])
    .where('c.hall_id', '=', hallId);
  if (!includeInactive) q = q.where('c.is_active', '=', true);
  const rows = await q.orderBy('c.sort').orderBy('c.prefix').execute();
  return rows.map((c) => ({
    id: c.id,
    hallId: c.hall_id,
    prefix: c.prefix,
    name: c.name,
    nameEn: c.name_en,
    isGreen: c.is_green,
    dailyLimit: c.daily_limit,
    avgServiceMinutes: c.avg_service_minutes,
    slotCapacityPerWindow: c.slot_capacity_per_window,
    isBookable: c.is_bookable,
    isActive: c.is_active,
    sort: c.sort,
    windows: c.windows,
    version: c.version,
  }));
}

export interface CategoryInput {
  prefix: string;
  name: string;
  nameEn?: string;
  isGreen?: boolean;
  dailyLimit?: number | null;
  avgServiceMinutes?: number;
  slotCapacityPerWindow?: number;
  isBookable?: boolean;
  isActive?: boolean;
  sort?: number;
  windowIds: number[];
}

async function setCategoryWindows(ctx: WriteContext, hallId: number, categoryId: number, windowIds: number[]) {
  const unique = [...new Set(windowIds)];
  if (unique.length) {
    const found = await ctx.tx.selectFrom('service_window').select('id').where('hall_id', '=', hallId).where('id', 'in', unique).execute();
    if (found.length !== unique.length) throw new AppError('VALIDATION_FAILED', { field: 'windowIds', reason: 'windows of this hall only' });
  }
  await ctx.tx.deleteFrom('queue_category_window').where('category_id', '=', categoryId).execute();
  if (unique.length)
    await ctx.tx
      .insertInto('queue_category_window')
      .values(unique.map((w) => ({ category_id: categoryId, window_id: w })))
      .execute();
}

/** A business category (业务类别) with its prefix letter and the windows that serve it. */
export async function createCategory(ctx: WriteContext, hallId: number, input: CategoryInput) {
  await requireHallManager(ctx.tx, ctx.actor, hallId);
  const row = await ctx.tx
    .insertInto('queue_category')
    .values({
      hall_id: hallId,
      prefix: input.prefix,
      name: input.name,
      name_en: input.nameEn ?? '',
      is_green: input.isGreen ?? false,
      daily_limit: input.dailyLimit ?? null,
      avg_service_minutes: input.avgServiceMinutes ?? 10,
      slot_capacity_per_window: input.slotCapacityPerWindow ?? 2,
      is_bookable: input.isBookable ?? true,
      is_active: input.isActive ?? true,
      sort: input.sort ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setCategoryWindows(ctx, hallId, row.id, input.windowIds);
  await ctx.audit({ action: 'queue.category.create', targetType: 'queue_category', targetId: row.id, change: { ...input } });
  return (await listCategories(ctx.tx, hallId, true)).find((c) => c.id === row.id)!;
}

export async function updateCategory(ctx: WriteContext, id: number, input: Partial<CategoryInput> & { version: number }) {
  const c = await ctx.tx.selectFrom('queue_category').select(['hall_id']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  await requireHallManager(ctx.tx, ctx.actor, c.hall_id);
  const set: Record<string, unknown> = { version: sql`version + 1` };
  const map: [keyof CategoryInput, string][] = [
    ['prefix', 'prefix'],
    ['name', 'name'],
    ['nameEn', 'name_en'],
    ['isGreen', 'is_green'],
    ['dailyLimit', 'daily_limit'],
    ['avgServiceMinutes', 'avg_service_minutes'],
    ['slotCapacityPerWindow', 'slot_capacity_per_window'],
    ['isBookable', 'is_bookable'],
    ['isActive', 'is_active'],
    ['sort', 'sort'],
  ];
  for (const [k, col] of map) if (input[k] !== undefined) set[col] = input[k];
  const r = await ctx.tx.updateTable('queue_category').set(set).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: input.version });
  if (input.windowIds) await setCategoryWindows(ctx, c.hall_id, id, input.windowIds);
  await ctx.audit({ action: 'queue.category.update', targetType: 'queue_category', targetId: id, change: { ...input } });
  return (await listCategories(ctx.tx, c.hall_id, true)).find((x) => x.id === id)!;
}

export async function getSettings(db: Db, actor: Actor | null, hallId: number) {
  await requireHallManager(db, actor, hallId);
  const s = await hallSettings(db, hallId);
  if (!s) throw new AppError('NOT_FOUND');
  const clock = await hallClock(db, s);
  const { regionId: _r, ...rest } = s;
  void _r;
  return { ...rest, calendarOfficeHours: clock.calendar.settings.officeHours, today: clock.todayText };
}

export interface SettingsInput {
  slotMinutes?: number;
  bookingDays?: number;
  nearThreshold?: number;
  ipTicketsPerHour?: number;
  phoneTicketsPerDay?: number;
  ipBookingsPerHour?: number;
  noShowLimit?: number;
  officeHours?: Hours | null;
  enforceHours?: boolean;
  version: number;
}

/** The hall's queue settings; `version` 0 creates them (a hall starts with the defaults). */
export async function updateSettings(ctx: WriteContext, hallId: number, input: SettingsInput) {
  await requireHallManager(ctx.tx, ctx.actor, hallId);
  if (input.officeHours && (!validHours(input.officeHours) || input.officeHours.length === 0))
    throw new AppError('VALIDATION_FAILED', { field: 'officeHours', reason: 'ascending [start, end] minute ranges' });
  const set: Record<string, unknown> = {};
  if (input.slotMinutes !== undefined) set.slot_minutes = input.slotMinutes;
  if (input.bookingDays !== undefined) set.booking_days = input.bookingDays;
  if (input.nearThreshold !== undefined) set.near_threshold = input.nearThreshold;
  if (input.ipTicketsPerHour !== undefined) set.ip_tickets_per_hour = input.ipTicketsPerHour;
  if (input.phoneTicketsPerDay !== undefined) set.phone_tickets_per_day = input.phoneTicketsPerDay;
  if (input.ipBookingsPerHour !== undefined) set.ip_bookings_per_hour = input.ipBookingsPerHour;
  if (input.noShowLimit !== undefined) set.no_show_limit = input.noShowLimit;
  if (input.officeHours !== undefined) set.office_hours = input.officeHours === null ? null : JSON.stringify(input.officeHours);
  if (input.enforceHours !== undefined) set.enforce_hours = input.enforceHours;
  if (input.version === 0) {
    const r = await ctx.tx
      .insertInto('queue_hall_config')
      .values({ hall_id: hallId, office_hours: null, ...set })
      .onConflict((oc) => oc.column('hall_id').doNothing())
      .returning('hall_id')
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT', { expectedVersion: 0 });
  } else {
    const r = await ctx.tx
      .updateTable('queue_hall_config')
      .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
      .where('hall_id', '=', hallId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: input.version });
  }
  await ctx.audit({ action: 'queue.settings.update', targetType: 'hall', targetId: hallId, change: { ...input } });
  return getSettings(ctx.tx as unknown as Db, ctx.actor, hallId);
}

/** Days with their own hours, from today on, with what the calendar says about each. */
export async function listHallDays(db: Db, actor: Actor | null, hallId: number) {
  await requireHallManager(db, actor, hallId);
  const s = (await hallSettings(db, hallId))!;
  const clock = await hallClock(db, s);
  const rows = await db
    .selectFrom('queue_hall_day')
    .select(['date', 'hours', 'note'])
    .where('hall_id', '=', hallId)
    .where('date', '>=', clock.todayText)
    .orderBy('date')
    .execute();
  return rows.map((r) => {
    const n = parseDate(r.date)!;
    const o = clock.calendar.overrides.get(n);
    return {
      date: r.date,
      hours: r.hours,
      note: r.note,
      isHoliday: o?.kind === 'holiday',
      holidayName: o?.kind === 'holiday' ? o.name : null,
      isWorkday: clock.calendar.isWorkday(n),
    };
  });
}

/**
 * Set a day's own hours: extended service (延时服务, e.g. a Saturday morning or a late evening) or a
 * shorter day; `[]` closes a working day. A calendar holiday cannot be opened.
 */
export async function putHallDay(ctx: WriteContext, hallId: number, date: string, input: { hours: Hours; note?: string }) {
  await requireHallManager(ctx.tx, ctx.actor, hallId);
  const n = parseDate(date);
  if (n === undefined) throw new AppError('VALIDATION_FAILED', { field: 'date' });
  if (!validHours(input.hours)) throw new AppError('VALIDATION_FAILED', { field: 'hours', reason: 'ascending [start, end] minute ranges' });
  const s = (await hallSettings(ctx.tx, hallId))!;
  const clock = await hallClock(ctx.tx, s);
  if (clock.calendar.overrides.get(n)?.kind === 'holiday' && input.hours.length > 0)
    throw new AppError('CONFLICT', { reason: 'holiday', name: clock.calendar.overrides.get(n)!.name });
  await ctx.tx
    .insertInto('queue_hall_day')
    .values({ hall_id: hallId, date, hours: JSON.stringify(input.hours), note: input.note ?? '' })
    .onConflict((oc) => oc.columns(['hall_id', 'date']).doUpdateSet({ hours: JSON.stringify(input.hours), note: input.note ?? '' }))
    .execute();
  await ctx.audit({ action: 'queue.day.set', targetType: 'hall', targetId: hallId, change: { date, ...input } });
  return { date, ...(await hoursOn(ctx.tx, s, clock.calendar, n)) };
}

export async function deleteHallDay(ctx: WriteContext, hallId: number, date: string) {
  await requireHallManager(ctx.tx, ctx.actor, hallId);
  const r = await ctx.tx.deleteFrom('queue_hall_day').where('hall_id', '=', hallId).where('date', '=', date).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
  await ctx.audit({ action: 'queue.day.clear', targetType: 'hall', targetId: hallId, change: { date } });
  return { ok: true };
}

export async function listNotices(db: Executor, hallId: number, activeOnly: boolean, today?: string) {
  let q = db.selectFrom('queue_notice').select(['id', 'text', 'text_en', 'starts_on', 'ends_on', 'is_active', 'version']).where('hall_id', '=', hallId);
  if (activeOnly) {
    q = q.where('is_active', '=', true);
    if (today)
      q = q.where((eb) =>
        eb.and([eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', today)]), eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)])]),
      );
  }
  const rows = await q.orderBy('id').execute();
  return rows.map((n) => ({ id: n.id, text: n.text, textEn: n.text_en, startsOn: n.starts_on, endsOn: n.ends_on, isActive: n.is_active, version: n.version }));
}

export interface NoticeInput {
  text: string;
  textEn?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  isActive?: boolean;
}

/** A notice scrolled on the hall display; displays pick it up at once. */
export async function saveNotice(ctx: WriteContext, hallId: number, id: number | null, input: NoticeInput & { version?: number }) {
  await requireHallManager(ctx.tx, ctx.actor, hallId);
  for (const f of ['startsOn', 'endsOn'] as const) if (input[f] && parseDate(input[f]!) === undefined) throw new AppError('VALIDATION_FAILED', { field: f });
  let noticeId = id;
  if (id === null) {
    const r = await ctx.tx
      .insertInto('queue_notice')
      .values({
        hall_id: hallId,
        text: input.text,
        text_en: input.textEn ?? '',
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        is_active: input.isActive ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    noticeId = r.id;
  } else {
    const r = await ctx.tx
      .updateTable('queue_notice')
      .set({
        text: input.text,
        text_en: input.textEn ?? '',
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        is_active: input.isActive ?? true,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('hall_id', '=', hallId)
      .where('version', '=', input.version ?? -1)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: input.version });
  }
  await logHallEvent(ctx.tx, { hallId, kind: 'notice', payload: { noticeId } });
  await ctx.audit({
    action: id === null ? 'queue.notice.create' : 'queue.notice.update',
    targetType: 'queue_notice',
    targetId: noticeId!,
    change: { ...input },
  });
  return (await listNotices(ctx.tx, hallId, false)).find((n) => n.id === noticeId)!;
}
