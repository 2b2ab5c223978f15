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
 * 预警 thresholds: a limit enters the warning zone (yellow) when this many working days are left
 * (working hours for hour limits), or when this percentage of the limit is used — whichever comes
 * first. A local choice (STANDARDS: "configurable"); the default is one working day or 80 %.
 */
export interface WarningPolicy {
  workdaysLeft: number;
  usedPercent: number;
}

export const defaultWarningPolicy: WarningPolicy = { workdaysLeft: 1, usedPercent: 80 };

/**
 * The yellow moment of one limit under a warning policy, never later than its deadline. Day units
 * turn yellow at the start of a day (the day counted as used from its start); paused units push it
 * out like the deadline.
 */
export function warningMoment(cal: WarningCalendar, startedAt: number, l: LimitState, policy: WarningPolicy): number {
  const off = cal.settings.offsetMinutes;
  const total = l.limit + l.extension;
  const usedUnits = Math.ceil((total * policy.usedPercent) / 100 - 1e-9);
  const byDays = Math.max(0, total - policy.workdaysLeft + 1);
  let byUse: number;
  let byLeft: number;
  if (l.unit === 'workhour') {
    const paused = Math.round(l.paused * 60);
    byUse = cal.addWorkMinutes(startedAt, Math.ceil((total * 60 * policy.usedPercent) / 100 - 1e-9) + paused);
    byLeft = policy.workdaysLeft > 0 ? cal.addWorkMinutes(startedAt, Math.max(0, total - policy.workdaysLeft) * 60 + paused) : l.dueAt;
  } else {
    const day0 = dateOfInstant(startedAt, off);
    const dayAt = (n: number) => instantOf(l.unit === 'workday' ? cal.addWorkdays(day0, n + l.paused) : day0 + n + l.paused, 0, off);
    byUse = dayAt(usedUnits);
    byLeft = policy.workdaysLeft > 0 ? dayAt(byDays) : l.dueAt;
  }
  return Math.min(byUse, byLeft, l.dueAt);
}

type WarningCalendar = Pick<WorkCalendar, 'settings' | 'addWorkdays' | 'addWorkMinutes'>;

/**
 * When the clock next needs attention: the yellow moment of a limit, then its deadline (the red
 * moment), whichever is next after `now`. Null once every moment passed.
 */
export function nextAttention(marks: { warnAt: number; dueAt: number }[], now: number): number | null {
  let next: number | null = null;
  for (const m of marks) for (const t of [m.warnAt, m.dueAt]) if (t > now && (next === null || t < next)) next = t;
  return next;
}
