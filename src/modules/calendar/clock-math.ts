import { dateOfInstant, instantOf } from '../../common/civil-date.ts';
import type { WorkCalendar } from './work-calendar.ts';
import type { ClockUnit } from './calendar.tables.ts';

export interface LimitSpec {
  limit: number;
  unit: ClockUnit;
}

export interface PauseSpan {
  startedAt: number;
  endedAt: number | null;
}

export interface ExtensionSpec {
  appliesTo: 'committed' | 'legal' | 'both';
  amount: number;
}

export interface LimitState {
  limit: number;
  unit: ClockUnit;
  extension: number;
  /** Units not counted because the clock was paused (open pause counted up to `now`). */
  paused: number;
  dueAt: number;
  /** Units used so far and left, in the limit's unit (working hours for `workhour`). */
  elapsed: number;
  remaining: number;
  isOverdue: boolean;
}

/** Units between two instants on this calendar: working days in (d1, d2], natural days, or working minutes. */
export function unitsBetween(cal: WorkCalendar, unit: ClockUnit, from: number, to: number): number {
  const off = cal.settings.offsetMinutes;
  if (unit === 'workday') return cal.countWorkdays(dateOfInstant(from, off), dateOfInstant(to, off));
  if (unit === 'day') return dateOfInstant(to, off) - dateOfInstant(from, off);
  return cal.workMinutesBetween(from, to);
}

/**
 * The deadline of one limit: start + limit + extension + paused units. Day units end at the end of
 * the due day (the next local midnight); working hours end at an exact instant in office hours.
 * The start day is not counted (行政许可法 art. 82 counting), and paused time is not counted (art. 45).
 */
export function computeLimit(
  cal: WorkCalendar,
  startedAt: number,
  spec: LimitSpec,
  which: 'committed' | 'legal',
  pauses: PauseSpan[],
  extensions: ExtensionSpec[],
  now: number,
): LimitState {
  const off = cal.settings.offsetMinutes;
  const extension = extensions.filter((e) => e.appliesTo === which || e.appliesTo === 'both').reduce((s, e) => s + e.amount, 0);
  let paused = 0;
  for (const p of pauses) paused += Math.max(0, unitsBetween(cal, spec.unit, p.startedAt, p.endedAt ?? Math.max(now, p.startedAt)));
  const total = spec.limit + extension;
  let dueAt: number;
  if (spec.unit === 'workday') dueAt = instantOf(cal.addWorkdays(dateOfInstant(startedAt, off), total + paused) + 1, 0, off);
  else if (spec.unit === 'day') dueAt = instantOf(dateOfInstant(startedAt, off) + total + paused + 1, 0, off);
  else dueAt = cal.addWorkMinutes(startedAt, total * 60 + paused);
  const used = Math.max(0, unitsBetween(cal, spec.unit, startedAt, Math.max(now, startedAt)) - paused);
  const elapsed = spec.unit === 'workhour' ? used / 60 : used;
  return {
    limit: spec.limit,
    unit: spec.unit,
    extension,
    paused: spec.unit === 'workhour' ? paused / 60 : paused,
    dueAt,
    elapsed,
    remaining: total - elapsed,
    isOverdue: now >= dueAt,
  };
}

/**
 * When the clock next needs attention: the warning moment (start of the last working day for day
 * units, one working hour before for hour units), then the deadline itself. Null once both passed.
 */
export function nextAttention(cal: WorkCalendar, limits: LimitState[], now: number): number | null {
  const off = cal.settings.offsetMinutes;
  let next: number | null = null;
  for (const l of limits) {
    const warnAt = l.unit === 'workhour' ? l.dueAt - 3_600_000 : instantOf(dateOfInstant(l.dueAt, off) - 1, 0, off);
    for (const t of [warnAt, l.dueAt]) if (t > now && (next === null || t < next)) next = t;
  }
  return next;
}
