import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { nationalDays } from '../calendar/national-days.ts';
import { deliveryBounds, deliveryDeadline } from './delivery-deadline.ts';

const calendar = new WorkCalendar(nationalDays);
const day = 86_400_000;

describe('art. 44 by moments of decision (deliveryBounds)', () => {
  it('calls a delivery late or due today exactly when its own deadline does', () => {
    fc.assert(
      fc.property(
        // a moment from 2024 to 2027 (Spring Festivals and National Days included), and a decision up to 60 days before it
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 1) }),
        fc.integer({ min: 0, max: 60 * day }),
        (now, before) => {
          const decidedAt = new Date(now - before);
          const { lateBefore, dueTodayBefore } = deliveryBounds(calendar, now);
          const left = deliveryDeadline(calendar, decidedAt, now).workdaysLeft;
          expect(decidedAt < lateBefore).toBe(left < 0);
          expect(decidedAt >= lateBefore && decidedAt < dueTodayBefore).toBe(left === 0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reaches past a long holiday: on the first working day after Spring Festival 2026', () => {
    // 2026-02-24 10:00 China time; the festival ran from 15 to 23 February
    const now = Date.UTC(2026, 1, 24, 2);
    const { lateBefore, dueTodayBefore } = deliveryBounds(calendar, now);
    expect(deliveryDeadline(calendar, new Date(lateBefore.getTime() - 1), now).workdaysLeft).toBe(-1);
    expect(deliveryDeadline(calendar, lateBefore, now).workdaysLeft).toBe(0);
    expect(deliveryDeadline(calendar, new Date(dueTodayBefore.getTime() - 1), now).workdaysLeft).toBe(0);
    expect(deliveryDeadline(calendar, dueTodayBefore, now).workdaysLeft).toBe(1);
    // ten working days back from 24 February cross the whole festival
    expect(now - lateBefore.getTime()).toBeGreaterThan(20 * day);
  });
});
