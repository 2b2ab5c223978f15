import { dayNumber, formatDate, fromDayNumber, parseDate, weekday } from '../../common/civil-date.ts';

/** Periods of the dashboards: a day, an ISO week (Monday first), a month, a quarter or a year. */
export const periodKinds = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  kind: PeriodKind;
  /** first and last day, inclusive, as day numbers */
  from: number;
  to: number;
  label: string;
}

export const isoDate = formatDate;

/** The period of `kind` that contains the day `anchor`. */
export function periodOf(kind: PeriodKind, anchor: number): Period {
  const { y, m } = fromDayNumber(anchor);
  switch (kind) {
    case 'day':
      return { kind, from: anchor, to: anchor, label: formatDate(anchor) };
    case 'week': {
      const from = anchor - ((weekday(anchor) + 6) % 7);
      return { kind, from, to: from + 6, label: `${formatDate(from)}~${formatDate(from + 6)}` };
    }
    case 'month':
      return { kind, from: dayNumber(y, m, 1), to: dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1, label: `${y}-${String(m).padStart(2, '0')}` };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      const from = dayNumber(y, q * 3 + 1, 1);
      const to = dayNumber(q === 3 ? y + 1 : y, q === 3 ? 1 : q * 3 + 4, 1) - 1;
      return { kind, from, to, label: `${y}-Q${q + 1}` };
    }
    case 'year':
      return { kind, from: dayNumber(y, 1, 1), to: dayNumber(y + 1, 1, 1) - 1, label: String(y) };
  }
}

/** The period just before (环比, "month-on-month" for months). */
export function previousPeriod(p: Period): Period {
  return periodOf(p.kind, p.from - 1);
}

/** The same period one year earlier (同比). A week is the week containing the day 52 weeks before. */
export function sameLastYear(p: Period): Period {
  if (p.kind === 'week') return periodOf('week', p.from - 364);
  const { y, m, d } = fromDayNumber(p.from);
  const day = Math.min(d, m === 2 ? 28 : d);
  return periodOf(p.kind, dayNumber(y - 1, m, day));
}

/** The `count` periods ending with `p`, oldest first (the trend charts). */
export function trailing(p: Period, count: number): Period[] {
  const out: Period[] = [p];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

export function parseDay(text: string): number | undefined {
  return parseDate(text);
}

/** Whether the monthly rollup covers the period exactly (months, quarters, years). */
export function usesMonthly(kind: PeriodKind): boolean {
  return kind === 'month' || kind === 'quarter' || kind === 'year';
}
