import type { TFunction } from '../../i18n/index.tsx';

/** Civil dates as YYYY-MM-DD strings, computed in UTC so the viewer's time zone never shifts a day. */

export const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

export const isWeekend = (date: string) => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/** Today in China Standard Time (the calendars' offset), as YYYY-MM-DD. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

const englishMonth = (month: number, style: 'long' | 'short') => new Date(Date.UTC(2000, month, 1)).toLocaleString('en-GB', { month: style, timeZone: 'UTC' });

/** "2 月" or "February" (month 0–11). */
export function monthTitle(t: TFunction, month: number): string {
  return t('cal.month', { m: month + 1, name: englishMonth(month, 'long') });
}

/** "2 月 14 日" or "14 Feb". */
export function shortDate(t: TFunction, date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return t('cal.dateFormat', { m: m!, d: d!, month: englishMonth(m! - 1, 'short') });
}

/** "星期四" or "Thursday". */
export function weekdayName(t: TFunction, date: string): string {
  const names = t('dl.weekdayNames').split(',');
  return t('dl.weekday', { d: names[weekdayOf(date)]! });
}
