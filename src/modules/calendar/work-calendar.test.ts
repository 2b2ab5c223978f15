import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, formatDate, fromDayNumber, parseDate, weekday } from '../../common/civil-date.ts';
import { WorkCalendar, reference } from './work-calendar.ts';
import { nationalDays } from './national-days.ts';

const cal = new WorkCalendar(nationalDays);
const d = (s: string) => parseDate(s)!;
const add = (start: string, n: number) => formatDate(cal.addWorkdays(d(start), n));

describe('civil dates', () => {
  it('round-trips every day number and knows the weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2200, 12, 31) }), (n) => {
        const { y, m, d: day } = fromDayNumber(n);
        expect(dayNumber(y, m, day)).toBe(n);
        expect(parseDate(formatDate(n))).toBe(n);
        expect(weekday(n)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });
  it('refuses dates that do not exist', () => {
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('2024-02-29')).toBe(dayNumber(2024, 2, 29));
    expect(parseDate('2026-13-01')).toBeUndefined();
    expect(parseDate('20260101')).toBeUndefined();
  });
});

describe('the published arrangements', () => {
  it.each([
    ['2026-02-14', true, 'Saturday before Spring Festival 2026 is worked'],
    ['2026-02-15', false, 'Spring Festival 2026 starts'],
    ['2026-02-23', false, 'Spring Festival 2026 ends (a Monday off)'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, 'Saturday after Spring Festival 2026 is worked'],
    ['2025-09-28', true, 'Sunday before National Day 2025 is worked'],
    ['2025-10-08', false, 'National Day 2025 is eight days'],
    ['2025-10-11', true, 'Saturday after National Day 2025 is worked'],
    ['2024-02-04', true, 'Sunday before Spring Festival 2024'],
    ['2024-05-11', true, 'Saturday after Labour Day 2024'],
    ['2026-01-04', true, 'Sunday after New Year 2026'],
    ['2027-03-06', false, 'an ordinary Saturday of an unpublished year'],
    ['2027-03-08', true, 'an ordinary Monday of an unpublished year'],
  ])('%s working: %s (%s)', (date, working) => {
    expect(cal.isWorkday(d(date))).toBe(working);
  });

  it('counts a 20-day licensing limit across Spring Festival 2026 (art. 42)', () => {
    // accepted Friday 2026-02-06: Feb 9–13 (5), Feb 14 Sat worked (6), Feb 24–27 (10), Feb 28 Sat (11), Mar 2–6 (16), Mar 9–12 (20)
    expect(add('2026-02-06', 20)).toBe('2026-03-12');
  });

  it('skips National Day and counts its make-up Saturday (2025)', () => {
    // accepted Friday 2025-09-26: Sep 28 Sun worked (1), Sep 29–30 (3), Oct 9 Thu (4), Oct 10 Fri (5)
    expect(add('2025-09-26', 5)).toBe('2025-10-10');
    expect(add('2025-09-26', 6)).toBe('2025-10-11');
  });

  it('does not count the start day and never ends on a day off', () => {
    expect(add('2026-11-26', 1)).toBe('2026-11-27');
    expect(add('2026-11-27', 1)).toBe('2026-11-30');
    expect(add('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('crosses the year end into an unpublished year on plain weekdays', () => {
    expect(add('2026-12-30', 5)).toBe('2027-01-06');
    expect(cal.publishedYears.has(2027)).toBe(false);
  });

  it('counts working days in (from, to]', () => {
    expect(cal.countWorkdays(d('2026-02-06'), d('2026-03-12'))).toBe(20);
    expect(cal.countWorkdays(d('2026-02-14'), d('2026-02-14'))).toBe(0);
    expect(cal.countWorkdays(d('2026-03-12'), d('2026-02-06'))).toBe(-20);
  });

  it('explains what a period skips', () => {
    const skipped = cal.explain(d('2026-02-13'), d('2026-02-24'));
    expect(skipped[0]).toEqual({ date: '2026-02-14', reason: 'makeup_workday', name: '春节调休上班' });
    expect(skipped.filter((s) => s.reason === 'holiday')).toHaveLength(9);
  });
});

describe('the index agrees with the day-by-day reference', () => {
  const from = dayNumber(2023, 12, 1);
  const to = dayNumber(2027, 1, 31);
  it('adding working days, over 2024–2026 and across year ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 400 }), (start, n) => {
        expect(cal.addWorkdays(start, n)).toBe(reference.addWorkdays(cal.overrides, start, n));
      }),
      { numRuns: 2000 },
    );
  });
  it('counting working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: from, max: to }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.countWorkdays(lo, hi)).toBe(reference.countWorkdays(cal.overrides, lo, hi));
      }),
      { numRuns: 2000 },
    );
  });
  it('count and add are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 300 }), (start, n) => {
        const due = cal.addWorkdays(start, n);
        expect(cal.countWorkdays(start, due)).toBe(n);
        expect(cal.isWorkday(due)).toBe(true);
      }),
    );
  });
});

describe('working hours', () => {
  const at = (s: string) => new Date(s).getTime();
  const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('.000Z', '+08:00');
  it('adds 2 working hours inside office hours and across lunch and nights', () => {
    expect(iso(cal.addWorkMinutes(at('2026-11-26T09:30:00+08:00'), 120))).toBe('2026-11-26T11:30:00+08:00');
    expect(iso(cal.addWorkMinutes(at('2026-11-26T11:00:00+08:00'), 120))).toBe('2026-11-26T14:30:00+08:00');
    expect(iso(cal.addWorkMinutes(at('2026-11-26T17:00:00+08:00'), 120))).toBe('2026-11-27T10:30:00+08:00');
    // Friday evening → Monday
    expect(iso(cal.addWorkMinutes(at('2026-11-27T20:00:00+08:00'), 60))).toBe('2026-11-30T10:00:00+08:00');
    // ending exactly at noon stays at noon
    expect(iso(cal.addWorkMinutes(at('2026-11-26T09:00:00+08:00'), 180))).toBe('2026-11-26T12:00:00+08:00');
  });
  it('measures working minutes between instants consistently with adding them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-12-25T00:00:00+08:00'), max: at('2026-12-31T00:00:00+08:00') }),
        fc.integer({ min: 1, max: 20_000 }),
        (ms, minutes) => {
          const due = cal.addWorkMinutes(ms, minutes);
          expect(cal.workMinutesBetween(ms, due)).toBe(minutes);
          expect(due).toBeGreaterThan(ms);
        },
      ),
    );
  });
});
