import type { Executor } from '../../server/db/database.ts';
import { dateOfInstant, formatDate, minuteOfDay, parseDate, instantOf } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { Hours } from './queue.tables.ts';
import './queue.tables.ts';
import '../org/org.tables.ts';

/** A hall's queue settings with the defaults of a hall that was never configured. */
export interface HallSettings {
  hallId: number;
  regionId: number;
  slotMinutes: number;
  bookingDays: number;
  nearThreshold: number;
  ipTicketsPerHour: number;
  phoneTicketsPerDay: number;
  ipBookingsPerHour: number;
  noShowLimit: number;
  officeHours: Hours | null;
  enforceHours: boolean;
  version: number;
}

export async function hallSettings(db: Executor, hallId: number): Promise<HallSettings | null> {
  const h = await db
    .selectFrom('hall as h')
    .leftJoin('queue_hall_config as c', 'c.hall_id', 'h.id')
    .select([
      'h.id',
      'h.region_id',
      'c.slot_minutes',
      'c.booking_days',
      'c.near_threshold',
      'c.ip_tickets_per_hour',
      'c.phone_tickets_per_day',
      'c.ip_bookings_per_hour',
      'c.no_show_limit',
      'c.office_hours',
      'c.enforce_hours',
      'c.version',
    ])
    .where('h.id', '=', hallId)
    .where('h.is_active', '=', true)
    .executeTakeFirst();
  if (!h) return null;
  return {
    hallId: h.id,
    regionId: h.region_id,
    slotMinutes: h.slot_minutes ?? 30,
    bookingDays: h.booking_days ?? 7,
    nearThreshold: h.near_threshold ?? 3,
    ipTicketsPerHour: h.ip_tickets_per_hour ?? 20,
    phoneTicketsPerDay: h.phone_tickets_per_day ?? 5,
    ipBookingsPerHour: h.ip_bookings_per_hour ?? 10,
    noShowLimit: h.no_show_limit ?? 3,
    officeHours: h.office_hours ?? null,
    enforceHours: h.enforce_hours ?? true,
    version: h.version ?? 0,
  };
}

/** The hall's clock: its calendar (region layers), today's civil date and the minute of the day. */
export async function hallClock(db: Executor, s: HallSettings, now = Date.now()) {
  const { calendar } = await workCalendarFor(db, s.regionId);
  const off = calendar.settings.offsetMinutes;
  const today = dateOfInstant(now, off);
  return { calendar, offsetMinutes: off, today, todayText: formatDate(today), minute: minuteOfDay(now, off) };
}

export type DayHours =
  | { open: false; reason: 'holiday' | 'weekend' | 'outside_calendar'; name: string | null }
  | { open: true; hours: Hours; extended: boolean; note: string | null };

/**
 * The hours a hall serves on a date: a calendar holiday (法定节假日, also local ones) is closed whatever
 * else is set; a day entered for the hall (延时服务 on a Saturday, a shorter day) has its own hours; other
 * working days have the hall's hours or the calendar's office hours; other days are closed.
 */
export async function hoursOn(db: Executor, s: HallSettings, calendar: WorkCalendar, day: number): Promise<DayHours> {
  const override = calendar.overrides.get(day);
  if (override?.kind === 'holiday') return { open: false, reason: 'holiday', name: override.name };
  let working: boolean;
  try {
    working = calendar.isWorkday(day);
  } catch {
    return { open: false, reason: 'outside_calendar', name: null };
  }
  const special = await db
    .selectFrom('queue_hall_day')
    .select(['hours', 'note'])
    .where('hall_id', '=', s.hallId)
    .where('date', '=', formatDate(day))
    .executeTakeFirst();
  if (special) {
    if (special.hours.length === 0) return { open: false, reason: working ? 'holiday' : 'weekend', name: special.note || null };
    return { open: true, hours: special.hours, extended: !working || special.hours.some(([, e]) => e > lastClose(s, calendar)), note: special.note || null };
  }
  if (!working) return { open: false, reason: 'weekend', name: null };
  return { open: true, hours: s.officeHours ?? calendar.settings.officeHours, extended: false, note: null };
}

function lastClose(s: HallSettings, calendar: WorkCalendar): number {
  const h = s.officeHours ?? calendar.settings.officeHours;
  return h.length ? h[h.length - 1]![1] : 0;
}

/**
 * Whether tickets are issued on a day: the hall is open that day, or it issues whatever the calendar says
 * ("no tickets outside opening hours" off). The same rule refuses tickets in `issueTicket`.
 */
export function isIssuingDay(s: HallSettings, hours: DayHours): boolean {
  return hours.open || !s.enforceHours;
}

/** Tickets are taken from half an hour before opening until closing. */
export function isIssuingTime(hours: Hours, minute: number): boolean {
  return hours.some(([start, end]) => minute >= start - 30 && minute < end);
}

export function validHours(hours: Hours): boolean {
  let last = -1;
  for (const [s, e] of hours) {
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > 1440 || e <= s || s < last) return false;
    last = e;
  }
  return true;
}

export { parseDate, formatDate, instantOf };
