import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { dateOfInstant, formatDate, instantOf } from '../../common/civil-date.ts';

/** 行政许可法 art. 44: a result is delivered within 10 days of the decision, counted in working days (art. 82). */
export const deliveryWorkdays = 10;

/**
 * Where a decided case stands against art. 44 on `now`: the last day for its delivery, and the working days left
 * after today (0: today is the last; negative: that many working days late).
 */
export function deliveryDeadline(calendar: WorkCalendar, decidedAt: Date, now = Date.now()): { dueDate: string; workdaysLeft: number } {
  const off = calendar.settings.offsetMinutes;
  const decisionDay = dateOfInstant(decidedAt.getTime(), off);
  return {
    dueDate: formatDate(calendar.addWorkdays(decisionDay, deliveryWorkdays)),
    workdaysLeft: deliveryWorkdays - calendar.countWorkdays(decisionDay, dateOfInstant(now, off)),
  };
}

/**
 * Where art. 44 stands on `now` by a calendar, as moments of decision: a case decided before `lateBefore` is late
 * (past its ten working days), one decided from then until `dueTodayBefore` has today as its last day — so that
 * the cases late or due today are counted by their decision times, without working out each one's deadline.
 */
export function deliveryBounds(calendar: WorkCalendar, now = Date.now()): { lateBefore: Date; dueTodayBefore: Date } {
  const off = calendar.settings.offsetMinutes;
  const today = dateOfInstant(now, off);
  // the working days from a decision day to today only grow as the day gets earlier
  let day = today;
  while (calendar.countWorkdays(day, today) < deliveryWorkdays) day--;
  const lastDueToday = day;
  while (calendar.countWorkdays(day, today) <= deliveryWorkdays) day--;
  return { lateBefore: new Date(instantOf(day + 1, 0, off)), dueTodayBefore: new Date(instantOf(lastDueToday + 1, 0, off)) };
}
