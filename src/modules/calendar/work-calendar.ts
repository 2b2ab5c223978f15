import { dayNumber, dateOfInstant, formatDate, instantOf, isWeekend, minuteOfDay, parseDate } from '../../common/civil-date.ts';

/** 法定节假日 (a day off) or 调休上班 (a weekend day declared a working day). */
export type DayKind = 'holiday' | 'makeup_workday';

export interface DayOverride {
  date: string;
  kind: DayKind;
  name: string;
}

export interface CalendarSettings {
  /** Fixed UTC offset of the calendar's time zone in minutes (Asia/Shanghai: 480). */
  offsetMinutes: number;
  /** Office hours as minute ranges of the day, e.g. [[540, 720], [810, 1050]] = 09:00–12:00, 13:30–17:30. */
  officeHours: [number, number][];
}

export const defaultSettings: CalendarSettings = {
  offsetMinutes: 480,
  officeHours: [
    [540, 720],
    [810, 1050],
  ],
};

/** The span the index covers. Outside it the arithmetic throws rather than guess. */
export const indexFirst = dayNumber(1990, 1, 1);
export const indexLast = dayNumber(2100, 12, 31);

/**
 * A working-day calendar with an index that makes every query O(1): `cum[i]` counts the working
 * days before day i, `nth[k]` is the k-th working day. Built once per calendar version (≈ 40,000
 * days, well under a millisecond); weekends are days off and weekdays working days unless an
 * override says otherwise, so years without a published arrangement fall back to plain weekdays.
 */
export class WorkCalendar {
  readonly settings: CalendarSettings;
  readonly overrides: ReadonlyMap<number, { kind: DayKind; name: string }>;
  /** Years that have at least one override: an arrangement was published (or entered) for them. */
  readonly publishedYears: ReadonlySet<number>;
  readonly #cum: Int32Array;
  readonly #nth: Int32Array;
  readonly #minutesPerDay: number;

  constructor(days: readonly DayOverride[], settings: CalendarSettings = defaultSettings) {
    this.settings = settings;
    const overrides = new Map<number, { kind: DayKind; name: string }>();
    const years = new Set<number>();
    for (const d of days) {
      const n = parseDate(d.date);
      if (n === undefined) throw new RangeError(`not a date: ${d.date}`);
      overrides.set(n, { kind: d.kind, name: d.name });
      years.add(Number(d.date.slice(0, 4)));
    }
    this.overrides = overrides;
    this.publishedYears = years;
    const span = indexLast - indexFirst + 1;
    const cum = new Int32Array(span + 1);
    const nth = new Int32Array(span);
    let count = 0;
    for (let i = 0; i < span; i++) {
      cum[i] = count;
      const n = indexFirst + i;
      const o = overrides.get(n);
      const working = o ? o.kind === 'makeup_workday' : !isWeekend(n);
      if (working) nth[count++] = n;
    }
    cum[span] = count;
    this.#cum = cum;
    this.#nth = nth.subarray(0, count);
    this.#minutesPerDay = settings.officeHours.reduce((sum, [s, e]) => sum + (e - s), 0);
    if (this.#minutesPerDay <= 0) throw new RangeError('office hours must cover some time');
  }

  #offset(n: number): number {
    const i = n - indexFirst;
    if (i < 0 || n > indexLast) throw new RangeError(`date outside ${formatDate(indexFirst)}..${formatDate(indexLast)}`);
    return i;
  }

  isWorkday(n: number): boolean {
    const i = this.#offset(n);
    return this.#cum[i + 1]! - this.#cum[i]! === 1;
  }

  /** The end of the N-th working day after `start` (the start day itself is not counted). */
  addWorkdays(start: number, count: number): number {
    // the hot path of every deadline: two typed-array reads, no allocation
    const i = start - indexFirst;
    if (!(i >= 0 && start <= indexLast) || !(count >= 0) || count % 1 !== 0) return this.#rangeError(start, count);
    if (count === 0) return start;
    const k = this.#cum[i + 1]! + count - 1;
    if (k >= this.#nth.length) throw new RangeError('deadline beyond the calendar index');
    return this.#nth[k]!;
  }

  #rangeError(start: number, count: number): never {
    if (!(count >= 0) || count % 1 !== 0) throw new RangeError('count must be a non-negative integer');
    throw new RangeError(`date ${formatDate(start)} outside ${formatDate(indexFirst)}..${formatDate(indexLast)}`);
  }

  /** Working days in (from, to]; negative when `to` is before `from`. */
  countWorkdays(from: number, to: number): number {
    return this.#cum[this.#offset(to) + 1]! - this.#cum[this.#offset(from) + 1]!;
  }

  /** The first working day after `n`. */
  nextWorkday(n: number): number {
    return this.addWorkdays(n, 1);
  }

  /** Working minutes in a day's office hours before local minute `minute`. */
  #workedBefore(minute: number): number {
    let sum = 0;
    for (const [s, e] of this.settings.officeHours) sum += Math.min(Math.max(minute - s, 0), e - s);
    return sum;
  }

  /** A position on the working-time axis: working minutes from the start of the index up to the instant. */
  workMinuteOf(ms: number): number {
    const { offsetMinutes } = this.settings;
    const n = dateOfInstant(ms, offsetMinutes);
    const i = this.#offset(n);
    const within = this.#cum[i + 1]! - this.#cum[i]! === 1 ? this.#workedBefore(minuteOfDay(ms, offsetMinutes)) : 0;
    return this.#cum[i]! * this.#minutesPerDay + within;
  }

  /** The instant `minutes` working minutes after `ms`, inside office hours (a segment's end counts). */
  addWorkMinutes(ms: number, minutes: number): number {
    if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('minutes must be a non-negative integer');
    if (minutes === 0) return ms;
    const target = this.workMinuteOf(ms) + minutes;
    const k = Math.ceil(target / this.#minutesPerDay) - 1;
    if (k >= this.#nth.length) throw new RangeError('deadline beyond the calendar index');
    let rest = target - k * this.#minutesPerDay;
    for (const [s, e] of this.settings.officeHours) {
      if (rest <= e - s) return instantOf(this.#nth[k]!, s + rest, this.settings.offsetMinutes);
      rest -= e - s;
    }
    throw new Error('unreachable');
  }

  workMinutesBetween(fromMs: number, toMs: number): number {
    return this.workMinuteOf(toMs) - this.workMinuteOf(fromMs);
  }

  /** Days off and make-up days that fall in (from, to], with their reason: what a calculator shows. */
  explain(from: number, to: number): { date: string; reason: 'weekend' | 'holiday' | 'makeup_workday'; name: string | null }[] {
    const out: { date: string; reason: 'weekend' | 'holiday' | 'makeup_workday'; name: string | null }[] = [];
    for (let n = from + 1; n <= to; n++) {
      const o = this.overrides.get(n);
      if (o) out.push({ date: formatDate(n), reason: o.kind, name: o.name });
      else if (isWeekend(n)) out.push({ date: formatDate(n), reason: 'weekend', name: null });
    }
    return out;
  }
}

/** The plain day-by-day arithmetic the index must agree with (tests and the benchmark's baseline). */
export const reference = {
  isWorkday(overrides: ReadonlyMap<number, { kind: DayKind }>, n: number): boolean {
    const o = overrides.get(n);
    return o ? o.kind === 'makeup_workday' : !isWeekend(n);
  },
  addWorkdays(overrides: ReadonlyMap<number, { kind: DayKind }>, start: number, count: number): number {
    let n = start;
    let left = count;
    while (left > 0) {
      n += 1;
      if (reference.isWorkday(overrides, n)) left -= 1;
    }
    return n;
  },
  countWorkdays(overrides: ReadonlyMap<number, { kind: DayKind }>, from: number, to: number): number {
    let c = 0;
    for (let n = from + 1; n <= to; n++) if (reference.isWorkday(overrides, n)) c += 1;
    return c;
  },
};
