import type { Locale } from '../../common/errors.ts';
import { roleNames, type Role } from '../../common/roles.ts';

/**
 * Days are written year first in both languages (2026/12/02): an English reader may be British or American, and
 * 02/12/2026 is a different day to each.
 */
const dayOrder = 'zh-CN';

/** 2026/11/26 14:05 in the reader's time zone, 24-hour clock, in either language. */
export function formatDateTime(iso: string | null | undefined, _locale?: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(dayOrder, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/**
 * A deadline as people read it: one that ends a day (stored as the next day's midnight) is that day, 当日 / end of
 * day; any other is its moment.
 */
export function formatDue(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  if (d.getHours() === 0 && d.getMinutes() === 0) {
    const day = new Date(d.getTime() - 60_000).toLocaleDateString(dayOrder, { year: 'numeric', month: '2-digit', day: '2-digit' });
    return locale === 'en' ? `${day} (end of day)` : `${day} 当日`;
  }
  return formatDateTime(iso, locale);
}

export function roleName(role: string, locale: Locale): string {
  const names = roleNames[role as Role];
  return names ? names[locale] : role;
}

/**
 * A civil date ("2026-12-11") as the app writes dates (the options of `formatDateTime`):
 * 2026/12/11 in either language. `short` leaves the year out.
 */
export function formatDay(day: string, _locale?: Locale, short = false): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(dayOrder, { timeZone: 'UTC', year: short ? undefined : 'numeric', month: '2-digit', day: '2-digit' });
}

/** The time of day of an instant, 24-hour clock: 15:51:20. */
export function formatTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
