import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import { cachedReference } from '../../server/db/reference-cache.ts';
import { WorkCalendar, type DayOverride } from './work-calendar.ts';
import { dateOfInstant, instantOf } from '../../common/civil-date.ts';
import './calendar.tables.ts';
import '../org/org.tables.ts';

export interface CalendarLayer {
  id: number;
  regionId: number | null;
  regionName: string | null;
  name: string;
  offsetMinutes: number;
  officeHours: [number, number][];
  stamp: string;
}

/**
 * The calendars that apply to a region, national first, then each ancestor's, the region's own last.
 * Kept with the process's reference data: calendar writers say `referenceChanged`.
 */
export function calendarLayers(db: Executor, regionId: number | null): Promise<CalendarLayer[]> {
  return cachedReference(db, `calendar-layers:${regionId}`, () => readLayers(db, regionId));
}

async function readLayers(db: Executor, regionId: number | null): Promise<CalendarLayer[]> {
  const rows = await db
    .selectFrom('calendar as c')
    .leftJoin('region as r', 'r.id', 'c.region_id')
    .select(['c.id', 'c.region_id', 'r.name as region_name', 'c.name', 'c.utc_offset_minutes', 'c.office_hours', 'c.version', 'c.updated_at', 'r.path'])
    .where((eb) =>
      regionId === null
        ? eb('c.region_id', 'is', null)
        : eb.or([eb('c.region_id', 'is', null), eb(sql<string>`(SELECT path FROM region WHERE id = ${regionId})`, 'like', sql<string>`r.path || '%'`)]),
    )
    .orderBy(sql`length(coalesce(r.path, ''))`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    name: r.name,
    offsetMinutes: r.utc_offset_minutes,
    officeHours: r.office_hours,
    // updated_at too: a version number reused after a rolled-back change must not hit the cache
    stamp: `${r.id}:${r.version}:${r.updated_at.getTime()}`,
  }));
}

export async function loadDays(db: Executor, calendarIds: number[]): Promise<(DayOverride & { calendarId: number })[]> {
  if (calendarIds.length === 0) return [];
  const rows = await db.selectFrom('calendar_day').select(['calendar_id', 'date', 'kind', 'name']).where('calendar_id', 'in', calendarIds).execute();
  return rows.map((r) => ({ calendarId: r.calendar_id, date: r.date, kind: r.kind, name: r.name }));
}

/** Overlay the layers: a deeper (more local) calendar's day replaces the national one. */
export function mergeLayers(layers: CalendarLayer[], days: (DayOverride & { calendarId: number })[]): DayOverride[] {
  const order = new Map(layers.map((l, i) => [l.id, i]));
  const byDate = new Map<string, DayOverride & { calendarId: number }>();
  for (const d of days) {
    const prior = byDate.get(d.date);
    if (!prior || order.get(d.calendarId)! >= order.get(prior.calendarId)!) byDate.set(d.date, d);
  }
  return [...byDate.values()].map(({ date, kind, name }) => ({ date, kind, name }));
}

const cache = new Map<string, WorkCalendar>();

/** The effective calendar of a region, built once per set of calendar versions and cached. */
export async function workCalendarFor(db: Executor, regionId: number | null): Promise<{ calendar: WorkCalendar; layers: CalendarLayer[] }> {
  const layers = await calendarLayers(db, regionId);
  const key = layers.map((l) => l.stamp).join('|');
  let calendar = cache.get(key);
  if (!calendar) {
    const days = await loadDays(
      db,
      layers.map((l) => l.id),
    );
    const local = layers[layers.length - 1];
    calendar = new WorkCalendar(mergeLayers(layers, days), {
      offsetMinutes: local?.offsetMinutes ?? 480,
      officeHours: local?.officeHours ?? [
        [540, 720],
        [810, 1050],
      ],
    });
    if (cache.size > 200) cache.clear();
    cache.set(key, calendar);
  }
  return { calendar, layers };
}

/**
 * The end of a period that starts now, in a region's calendar: so many working hours on, or the end of the day so
 * many working days or days on (a period given in days runs to the end of its last day, as the law counts them).
 */
export async function periodEnd(db: Executor, regionId: number | null, period: { value: number; unit: 'workday' | 'day' | 'workhour' }, now = Date.now()) {
  const { calendar } = await workCalendarFor(db, regionId);
  const off = calendar.settings.offsetMinutes;
  if (period.unit === 'workhour') return new Date(calendar.addWorkMinutes(now, period.value * 60));
  const today = dateOfInstant(now, off);
  const day = period.unit === 'workday' ? calendar.addWorkdays(today, period.value) : today + period.value;
  return new Date(instantOf(day + 1, 0, off));
}
