import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** The working-day calendar: a year's days off and make-up days, deadlines, edits and imports (/api/v1/calendar/…). */

export type DayKind = 'holiday' | 'makeup_workday';
export type ClockUnit = 'workday' | 'day' | 'workhour';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  source: 'national' | 'regional';
  /** the calendar the day comes from: 全国法定节假日, or the region's name */
  sourceName: string;
}

export interface CalendarYear {
  year: number;
  region: string | null;
  /** whether the year has a published arrangement; without one it counts plain weekdays */
  published: boolean;
  /** office hours as [startMinute, endMinute] pairs */
  officeHours: number[][];
  workdays: number;
  days: CalendarDay[];
}

export interface Deadline {
  start: string;
  days: number;
  unit: ClockUnit;
  region: string | null;
  due: string;
  workdays: number;
  naturalDays: number;
  skipped: { date: string; reason: 'weekend' | DayKind; name: string | null }[];
  unpublishedYears: number[];
}

export interface DayDiff {
  date: string;
  before: { kind: DayKind; name: string } | null;
  after: { kind: DayKind; name: string } | null;
}

export interface CalendarChange {
  calendarId: number;
  diff: DayDiff[];
  movedClocks: number;
}

export interface ImportRequest {
  /** a 12-digit region code, or null for the national calendar */
  region: string | null;
  format: 'ics' | 'xlsx';
  /** .ics as text, .xlsx as base64 */
  content: string;
}

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number, region: string | null) => ['calendar', 'year', year, region] as const,
  deadline: (q: DeadlineQuery) => ['calendar', 'deadline', q] as const,
};

export function useCalendarYear(year: number, region: string | null) {
  return useQuery({
    queryKey: calendarKeys.year(year, region),
    queryFn: () => api.get<CalendarYear>('/calendar/days', { year, region }),
    placeholderData: keepPreviousData,
  });
}

export interface DeadlineQuery {
  start: string;
  days: number;
  unit: ClockUnit;
  region: string | null;
}

export function useDeadline(q: DeadlineQuery | null) {
  return useQuery({
    queryKey: calendarKeys.deadline(q ?? { start: '', days: 0, unit: 'workday', region: null }),
    queryFn: () => api.get<Deadline>('/calendar/deadline', { ...q! }),
    enabled: q !== null,
  });
}

/** Set days (holiday or make-up day) or clear them on the national (region null) or a regional calendar. */
export function useSetDays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { region: string | null; days: { date: string; kind: DayKind; name: string }[]; remove?: string[] }) =>
      api.put<CalendarChange>('/calendar/days', body, { idempotencyKey: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

/** What an import would change, without saving anything. Errors are shown in the dialog. */
export function usePreviewImport() {
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: ImportRequest) => api.post<CalendarChange>('/calendar/import/preview', body),
  });
}

export function useImportCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: ImportRequest) => api.post<CalendarChange>('/calendar/import', body, { idempotencyKey: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
