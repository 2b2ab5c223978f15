import { sql } from 'kysely';
import { inTransaction, type Db, type Executor, type Tx } from '../../server/db/database.ts';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { dateOfInstant, formatDate, instantOf, parseDate } from '../../common/civil-date.ts';
import { regionPlacement } from '../org/placement.ts';
import { workCalendarFor } from './calendar.store.ts';
import { recomputeOpenClocks } from './clocks.service.ts';
import type { DayKind, DayOverride } from './work-calendar.ts';
import type { ClockUnit } from './calendar.tables.ts';
import './calendar.tables.ts';

export async function regionIdByCode(db: Executor, code: string | undefined): Promise<number | null> {
  if (!code) return null;
  const r = await db.selectFrom('region').select('id').where('code', '=', code).executeTakeFirst();
  if (!r) throw new AppError('VALIDATION_FAILED', { field: 'region', reason: 'unknown region code' });
  return r.id;
}

function isoAt(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A deadline: N working days (the start day not counted), N natural days, or N working hours inside
 * office hours. Also says which days were skipped and why, and which years have no published
 * arrangement (they count plain weekdays).
 */
export async function computeDeadline(db: Executor, q: { start: string; days: number; unit: ClockUnit; region?: string }) {
  const regionId = await regionIdByCode(db, q.region);
  const { calendar } = await workCalendarFor(db, regionId);
  const off = calendar.settings.offsetMinutes;
  let startMs: number;
  let startDay: number | undefined = parseDate(q.start);
  if (startDay !== undefined) startMs = instantOf(startDay, 0, off);
  else {
    startMs = Date.parse(q.start);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(q.start) || Number.isNaN(startMs))
      throw new AppError('VALIDATION_FAILED', { field: 'start', reason: 'YYYY-MM-DD or an ISO date-time' });
    startDay = dateOfInstant(startMs, off);
  }
  try {
    let due: string;
    let dueDay: number;
    if (q.unit === 'workday') {
      dueDay = calendar.addWorkdays(startDay, q.days);
      due = formatDate(dueDay);
    } else if (q.unit === 'day') {
      dueDay = startDay + q.days;
      due = formatDate(dueDay);
    } else {
      const dueMs = calendar.addWorkMinutes(startMs, q.days * 60);
      dueDay = dateOfInstant(dueMs, off);
      due = isoAt(dueMs, off);
    }
    const unpublished = new Set<number>();
    for (let y = Number(formatDate(startDay).slice(0, 4)); y <= Number(formatDate(dueDay).slice(0, 4)); y++)
      if (!calendar.publishedYears.has(y)) unpublished.add(y);
    return {
      start: q.start,
      days: q.days,
      unit: q.unit,
      region: q.region ?? null,
      due,
      workdays: calendar.countWorkdays(startDay, dueDay),
      naturalDays: dueDay - startDay,
      skipped: dueDay - startDay <= 800 ? calendar.explain(startDay, dueDay) : [],
      unpublishedYears: [...unpublished],
    };
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('VALIDATION_FAILED', { reason: error.message });
    throw error;
  }
}

export async function countWorkdaysBetween(db: Executor, q: { from: string; to: string; region?: string }) {
  const from = parseDate(q.from);
  const to = parseDate(q.to);
  if (from === undefined) throw new AppError('VALIDATION_FAILED', { field: 'from' });
  if (to === undefined) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  const { calendar } = await workCalendarFor(db, await regionIdByCode(db, q.region));
  try {
    return { from: q.from, to: q.to, region: q.region ?? null, workdays: calendar.countWorkdays(from, to) };
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('VALIDATION_FAILED', { reason: error.message });
    throw error;
  }
}

/** A year's days off and make-up days for a region, with the calendar each comes from. */
export async function listYear(db: Executor, q: { year: number; region?: string }) {
  const regionId = await regionIdByCode(db, q.region);
  const { calendar, layers } = await workCalendarFor(db, regionId);
  const rows = await db
    .selectFrom('calendar_day')
    .select(['calendar_id', 'date', 'kind', 'name'])
    .where(
      'calendar_id',
      'in',
      layers.map((l) => l.id),
    )
    .where('date', '>=', `${q.year}-01-01`)
    .where('date', '<=', `${q.year}-12-31`)
    .orderBy('date')
    .execute();
  const source = new Map(layers.map((l) => [l.id, l]));
  const effective = new Map<string, (typeof rows)[number]>();
  const depth = new Map(layers.map((l, i) => [l.id, i]));
  for (const r of rows) {
    const prior = effective.get(r.date);
    if (!prior || depth.get(r.calendar_id)! >= depth.get(prior.calendar_id)!) effective.set(r.date, r);
  }
  const local = layers[layers.length - 1]!;
  return {
    year: q.year,
    region: q.region ?? null,
    published: calendar.publishedYears.has(q.year),
    officeHours: local.officeHours,
    workdays: calendar.countWorkdays(parseDate(`${q.year - 1}-12-31`)!, parseDate(`${q.year}-12-31`)!),
    days: [...effective.values()].map((r) => ({
      date: r.date,
      kind: r.kind,
      name: r.name,
      source: source.get(r.calendar_id)!.regionId === null ? ('national' as const) : ('regional' as const),
      sourceName: source.get(r.calendar_id)!.regionName ?? source.get(r.calendar_id)!.name,
    })),
  };
}

async function editableCalendar(ctx: WriteContext, regionId: number | null): Promise<{ id: number; regionPath: string | null }> {
  if (regionId === null) {
    if (!ctx.actor?.grants.some((g) => g.role === 'sys_admin'))
      throw new AppError('FORBIDDEN', { reason: 'only a system administrator edits the national calendar' });
    const row = await ctx.tx.selectFrom('calendar').select('id').where('region_id', 'is', null).executeTakeFirstOrThrow();
    return { id: row.id, regionPath: null };
  }
  const place = await regionPlacement(ctx.tx, regionId);
  requireAccess(ctx.actor, 'calendar.manage', place);
  const name = (await ctx.tx.selectFrom('region').select('name').where('id', '=', regionId).executeTakeFirstOrThrow()).name;
  await ctx.tx
    .insertInto('calendar')
    .values({ region_id: regionId, name: `${name}地方节假日` })
    .onConflict((oc) => oc.column('region_id').doNothing())
    .execute();
  await referenceChanged(ctx.tx);
  const row = await ctx.tx.selectFrom('calendar').select('id').where('region_id', '=', regionId).executeTakeFirstOrThrow();
  return { id: row.id, regionPath: place!.regionPath };
}

export interface DayDiff {
  date: string;
  before: { kind: DayKind; name: string } | null;
  after: { kind: DayKind; name: string } | null;
}

/**
 * Replace a calendar's days: for `years`, the given days become the whole arrangement (a
 * republished year replaces the old one); `days` outside those years are upserted. Bumps the
 * calendar version, recomputes every open clock in its regions and records moved deadlines.
 */
export async function applyDays(
  ctx: WriteContext,
  input: { regionId: number | null; days: DayOverride[]; replaceYears: number[]; removeDates?: string[]; source: string },
) {
  const cal = await editableCalendar(ctx, input.regionId);
  const seen = new Set<string>();
  for (const d of input.days) {
    if (parseDate(d.date) === undefined) throw new AppError('VALIDATION_FAILED', { field: 'date', value: d.date });
    if (seen.has(d.date)) throw new AppError('VALIDATION_FAILED', { field: 'date', reason: 'listed twice', value: d.date });
    seen.add(d.date);
  }
  const existing = await ctx.tx.selectFrom('calendar_day').select(['date', 'kind', 'name']).where('calendar_id', '=', cal.id).execute();
  const before = new Map(existing.map((r) => [r.date, { kind: r.kind, name: r.name }]));
  const after = new Map(before);
  for (const date of before.keys()) if (input.replaceYears.includes(Number(date.slice(0, 4)))) after.delete(date);
  for (const date of input.removeDates ?? []) after.delete(date);
  for (const d of input.days) after.set(d.date, { kind: d.kind, name: d.name });
  const diff: DayDiff[] = [];
  for (const date of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(date) ?? null;
    const a = after.get(date) ?? null;
    if (b?.kind !== a?.kind || b?.name !== a?.name) diff.push({ date, before: b, after: a });
  }
  diff.sort((x, y) => (x.date < y.date ? -1 : 1));
  if (diff.length === 0) return { calendarId: cal.id, diff, movedClocks: 0 };
  const removed = diff.filter((d) => !d.after).map((d) => d.date);
  if (removed.length) await ctx.tx.deleteFrom('calendar_day').where('calendar_id', '=', cal.id).where('date', 'in', removed).execute();
  const upserts = diff.filter((d) => d.after).map((d) => ({ calendar_id: cal.id, date: d.date, kind: d.after!.kind, name: d.after!.name }));
  for (let i = 0; i < upserts.length; i += 500) {
    await ctx.tx
      .insertInto('calendar_day')
      .values(upserts.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['calendar_id', 'date']).doUpdateSet({ kind: (eb) => eb.ref('excluded.kind'), name: (eb) => eb.ref('excluded.name') }))
      .execute();
  }
  await ctx.tx
    .updateTable('calendar')
    .set({ version: sql`version + 1`, updated_at: sql`clock_timestamp()` })
    .where('id', '=', cal.id)
    .execute();
  await referenceChanged(ctx.tx);
  const movedClocks = await recomputeOpenClocks(ctx, cal.regionPath, `calendar changed (${input.source}): ${diff.length} day(s)`);
  await ctx.audit({
    action: 'calendar.change',
    targetType: 'calendar',
    targetId: cal.id,
    change: { source: input.source, days: diff.length, movedClocks, sample: diff.slice(0, 20) },
  });
  await ctx.emit({
    type: 'calendar.changed',
    streamType: 'calendar',
    streamId: cal.id,
    payload: { calendarId: cal.id, regionId: input.regionId, days: diff.length, movedClocks },
  });
  return { calendarId: cal.id, diff, movedClocks };
}

class Rollback extends Error {
  readonly result: unknown;
  constructor(result: unknown) {
    super('preview');
    this.result = result;
  }
}

/** Run a change and roll it back: exactly what would change and how many open deadlines would move. */
export async function previewChange<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await inTransaction(db, async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
  throw new Error('unreachable');
}
