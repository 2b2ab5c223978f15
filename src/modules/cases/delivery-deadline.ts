import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { dateOfInstant, formatDate } from '../../common/civil-date.ts';

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
