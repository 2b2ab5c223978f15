import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import type { Applicant } from '../../api/cases.ts';
import type { Board as BoardView } from '../../../modules/queue/queue.schemas.ts';

/** The queue API (/api/v1/queue/…, /api/v1/appointments/…) for the kiosk, phone, display, clerk and admin pages. */

export interface QueueHall {
  id: number;
  name: string;
  address: string | null;
  openingHours: string | null;
}

export interface QueueCategory {
  id: number;
  hallId: number;
  prefix: string;
  name: string;
  nameEn: string;
  isGreen: boolean;
  dailyLimit: number | null;
  avgServiceMinutes: number;
  slotCapacityPerWindow: number;
  isBookable: boolean;
  isActive: boolean;
  sort: number;
  windows: { id: number; number: string }[];
  version: number;
}

export interface Ticket {
  id: number;
  hallId: number;
  hallName: string;
  day: string;
  categoryId: number;
  categoryPrefix: string;
  categoryName: string;
  categoryNameEn: string;
  number: number;
  code: string;
  channel: 'kiosk' | 'phone' | 'appointment';
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
  isGreen: boolean;
  appointmentFrom: string | null;
  appointmentUntil: string | null;
  issuedAt: string;
  calledAt: string | null;
  callCount: number;
  windowId: number | null;
  windowNumber: string | null;
  ahead: number;
  estimatedWaitMinutes: number;
  isNear: boolean;
  nearThreshold: number;
  idNumber: string | null;
  phone: string | null;
  caseId: number | null;
  version: number;
}
export type IssuedTicket = Ticket & { token: string };

/** The hall display and the live board; `issuing` (tickets are issued today) is what says whether the hall takes visitors. */
export type Board = BoardView;

export interface HallEvent {
  id: number;
  hallId: number;
  kind: 'call' | 'recall' | 'no_show' | 'skip' | 'transfer' | 'finish' | 'start' | 'notice' | 'window';
  ticketId: number | null;
  windowId: number | null;
  payload: { code?: string; windowNumber?: string; text?: { 'zh-CN': string; en: string } } & Record<string, unknown>;
  at: string;
}

export interface WindowPanel {
  windowId: number;
  hallId: number;
  hallName: string;
  number: string;
  name: string;
  state: 'open' | 'paused' | 'closed';
  current: Ticket | null;
  categories: { id: number; prefix: string; name: string; nameEn: string; isGreen: boolean }[];
  waiting: {
    id: number;
    code: string;
    categoryId: number;
    isGreen: boolean;
    isAppointment: boolean;
    isTransferredHere: boolean;
    queuedAt: string;
    idNumber: string | null;
  }[];
  servedToday: number;
}

export interface MyWindow {
  windowId: number;
  number: string;
  name: string;
  post: 'A' | 'B';
  hallId: number;
  hallName: string;
}

export interface Slots {
  hallId: number;
  categoryId: number;
  date: string;
  slotMinutes: number;
  open: boolean;
  closedReason: string | null;
  closedName: string | null;
  extended: boolean;
  slots: { start: number; end: number; capacity: number; booked: number; available: number; isPast: boolean }[];
}

export interface Appointment {
  id: number;
  code: string;
  hallId: number;
  hallName: string;
  hallAddress: string | null;
  categoryId: number;
  categoryPrefix: string;
  categoryName: string;
  categoryNameEn: string;
  date: string;
  startMinute: number;
  endMinute: number;
  status: 'booked' | 'checked_in' | 'cancelled' | 'no_show';
  name: string;
  idNumber: string;
  phone: string;
  ticketId: number | null;
  ticketCode: string | null;
  createdAt: string;
  version: number;
}

export interface QueueSettings {
  hallId: number;
  slotMinutes: number;
  bookingDays: number;
  nearThreshold: number;
  ipTicketsPerHour: number;
  phoneTicketsPerDay: number;
  ipBookingsPerHour: number;
  noShowLimit: number;
  officeHours: [number, number][] | null;
  enforceHours: boolean;
  version: number;
  calendarOfficeHours: [number, number][];
  today: string;
}

export interface HallDay {
  date: string;
  hours: [number, number][];
  note: string;
  isHoliday: boolean;
  holidayName: string | null;
  isWorkday: boolean;
}

export interface Notice {
  id: number;
  text: string;
  textEn: string;
  startsOn: string | null;
  endsOn: string | null;
  isActive: boolean;
  version: number;
}

export interface LiveTicket {
  id: number;
  code: string;
  status: Ticket['status'];
  channel: Ticket['channel'];
  isGreen: boolean;
  issuedAt: string;
  calledAt: string | null;
  idNumber: string | null;
  categoryPrefix: string;
  categoryName: string;
  windowNumber: string | null;
}

export interface QueueStats {
  hallId: number;
  from: string;
  to: string;
  totals: {
    tickets: number;
    called: number;
    done: number;
    noShow: number;
    cancelled: number;
    open: number;
    avgWaitMinutes: number | null;
    p90WaitMinutes: number | null;
    noShowRate: number | null;
  };
  byCategoryHour: { categoryId: number; prefix: string; name: string; hour: number; tickets: number }[];
  waitByCategory: {
    categoryId: number;
    prefix: string;
    name: string;
    tickets: number;
    called: number;
    avgWaitMinutes: number | null;
    p90WaitMinutes: number | null;
  }[];
  serviceByWindow: { windowId: number; number: string; served: number; avgServiceMinutes: number | null; p90ServiceMinutes: number | null }[];
  appointments: {
    booked: number;
    checkedIn: number;
    noShow: number;
    cancelled: number;
    pending: number;
    slotCapacity: number;
    slotBooked: number;
    uptakeRate: number | null;
    noShowRate: number | null;
  };
}

export const useQueueHalls = () => useQuery({ queryKey: ['queue', 'halls'], queryFn: () => api.get<QueueHall[]>('/queue/halls') });

export const useCategories = (hallId: number | undefined, all = false) =>
  useQuery({
    queryKey: ['queue', 'categories', hallId, all],
    queryFn: () => api.get<QueueCategory[]>(`/queue/halls/${hallId}/categories`, all ? { all: true } : undefined),
    enabled: !!hallId,
  });

/** The board once, or every `refreshMs` on a screen left open all day (the kiosk, whose day changes at midnight). */
export const useBoard = (hallId: number | undefined, refreshMs?: number) =>
  useQuery({
    queryKey: ['queue', 'board', hallId],
    queryFn: () => api.get<Board>(`/queue/halls/${hallId}/board`),
    enabled: !!hallId,
    refetchInterval: refreshMs,
  });

export function useTakeTicket() {
  return useMutation({
    mutationFn: (body: { hallId: number; categoryId: number; channel: 'kiosk' | 'phone'; idNumber?: string; phone?: string }) =>
      api.post<IssuedTicket>('/queue/tickets', body, { idempotencyKey: true }),
  });
}

export const useTicket = (id: number | undefined, token: string | null) =>
  useQuery({
    queryKey: ['queue', 'ticket', id, token],
    queryFn: () => api.get<Ticket>(`/queue/tickets/${id}`, { token: token ?? undefined }),
    enabled: !!id,
    // a ticket that is not there (or not the link's) stays so: asked once
    refetchInterval: (query) => (isApiError(query.state.error) && query.state.error.status === 404 ? false : 30_000),
  });

/** 叫号到收件: whom a ticket the caller's window called belongs to (by the ID number it was taken with), for 窗口收件. */
export interface TicketApplicant {
  ticketId: number;
  code: string;
  windowId: number;
  status: string;
  hasIdNumber: boolean;
  applicant: Applicant | null;
}
export const useTicketApplicant = (ticketId: number | undefined) =>
  useQuery({
    queryKey: ['queue', 'ticket-applicant', ticketId],
    queryFn: () => api.get<TicketApplicant>(`/queue/tickets/${ticketId}/applicant`),
    enabled: !!ticketId,
    retry: false,
  });

export const useMyWindows = () => useQuery({ queryKey: ['queue', 'my-windows'], queryFn: () => api.get<MyWindow[]>('/queue/my-windows') });

export const useWindowPanel = (windowId: number | undefined) =>
  useQuery({
    queryKey: ['queue', 'window', windowId],
    queryFn: () => api.get<WindowPanel>(`/queue/windows/${windowId}`),
    enabled: !!windowId,
    refetchInterval: 15_000,
  });

export function useWindowCommands(windowId: number | undefined) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['queue', 'window', windowId] });
  return {
    callNext: useMutation({
      mutationFn: () => api.post<{ ticket: Ticket | null }>(`/queue/windows/${windowId}/call-next`, {}, { idempotencyKey: true }),
      onSettled: refresh,
    }),
    setState: useMutation({
      mutationFn: (action: 'open' | 'pause' | 'resume' | 'close') =>
        api.post<WindowPanel>(`/queue/windows/${windowId}/state`, { action }, { idempotencyKey: true }),
      onSettled: refresh,
    }),
    act: useMutation({
      mutationFn: ({ ticketId, ...body }: { ticketId: number; action: string; categoryId?: number; toWindowId?: number; caseId?: number | null }) =>
        api.post<Ticket>(`/queue/tickets/${ticketId}/actions`, { windowId, ...body }, { idempotencyKey: true }),
      onSettled: refresh,
    }),
  };
}

export const useSlots = (q: { hall?: number; category?: number; date?: string }) =>
  useQuery({
    queryKey: ['queue', 'slots', q],
    queryFn: () => api.get<Slots>('/appointments/slots', q),
    enabled: !!q.hall && !!q.category && !!q.date,
    placeholderData: keepPreviousData,
  });

export const useAppointment = (code: string | null) =>
  useQuery({
    queryKey: ['queue', 'appointment', code],
    queryFn: () => api.get<Appointment>(`/appointments/${code}`),
    enabled: !!code && /^[0-9A-Z]{10}$/.test(code),
  });

/** 我的预约: the signed-in applicant's bookings (made by the account, or under its ID number), the latest days first. */
export const useMyAppointments = (enabled: boolean) =>
  useQuery({ queryKey: ['queue', 'appointments', 'mine'], queryFn: () => api.get<Appointment[]>('/appointments/mine'), enabled });

export function useAppointmentCommands() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['queue'] });
  return {
    book: useMutation({
      mutationFn: (body: { hallId: number; categoryId: number; date: string; startMinute: number; name: string; idNumber: string; phone: string }) =>
        api.post<Appointment>('/appointments', body, { idempotencyKey: true }),
      onSuccess: done,
    }),
    /** signed in: for oneself (no one named) or naming who comes; kept under 我的预约 */
    bookMine: useMutation({
      mutationFn: (body: { hallId: number; categoryId: number; date: string; startMinute: number; name?: string; idNumber?: string; phone?: string }) =>
        api.post<Appointment>('/appointments/mine', body, { idempotencyKey: true }),
      onSuccess: done,
    }),
    cancel: useMutation({ mutationFn: (code: string) => api.post<Appointment>(`/appointments/${code}/cancel`, {}, { idempotencyKey: true }), onSuccess: done }),
    reschedule: useMutation({
      mutationFn: ({ code, ...body }: { code: string; date: string; startMinute: number }) =>
        api.post<Appointment>(`/appointments/${code}/reschedule`, body, { idempotencyKey: true }),
      onSuccess: done,
    }),
    checkIn: useMutation({
      mutationFn: (code: string) =>
        api.post<{ appointment: Appointment; ticket: IssuedTicket }>(`/appointments/${code}/check-in`, {}, { idempotencyKey: true }),
    }),
  };
}

export const useSettings = (hallId: number | undefined) =>
  useQuery({ queryKey: ['queue', 'settings', hallId], queryFn: () => api.get<QueueSettings>(`/queue/halls/${hallId}/settings`), enabled: !!hallId });
export const useHallDays = (hallId: number | undefined) =>
  useQuery({ queryKey: ['queue', 'days', hallId], queryFn: () => api.get<HallDay[]>(`/queue/halls/${hallId}/days`), enabled: !!hallId });
export const useNotices = (hallId: number | undefined) =>
  useQuery({ queryKey: ['queue', 'notices', hallId], queryFn: () => api.get<Notice[]>(`/queue/halls/${hallId}/notices`), enabled: !!hallId });
export const useLiveTickets = (hallId: number | undefined) =>
  useQuery({ queryKey: ['queue', 'live', hallId], queryFn: () => api.get<LiveTicket[]>(`/queue/halls/${hallId}/tickets`), enabled: !!hallId });
export const useStats = (hallId: number | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ['queue', 'stats', hallId, from, to],
    queryFn: () => api.get<QueueStats>(`/queue/halls/${hallId}/statistics`, { from, to }),
    enabled: !!hallId,
    placeholderData: keepPreviousData,
  });

export function useAdminCommands(hallId: number | undefined) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['queue'] });
  return {
    saveCategory: useMutation({
      mutationFn: ({ id, ...body }: Partial<QueueCategory> & { id?: number; windowIds: number[]; version?: number }) =>
        id
          ? api.patch<QueueCategory>(`/queue/categories/${id}`, body)
          : api.post<QueueCategory>(`/queue/halls/${hallId}/categories`, body, { idempotencyKey: true }),
      onSuccess: done,
    }),
    saveSettings: useMutation({
      mutationFn: (body: Partial<QueueSettings> & { version: number }) => api.put<QueueSettings>(`/queue/halls/${hallId}/settings`, body),
      onSuccess: done,
    }),
    putDay: useMutation({
      mutationFn: ({ date, ...body }: { date: string; hours: [number, number][]; note?: string }) => api.put(`/queue/halls/${hallId}/days/${date}`, body),
      onSuccess: done,
    }),
    deleteDay: useMutation({ mutationFn: (date: string) => api.delete(`/queue/halls/${hallId}/days/${date}`), onSuccess: done }),
    saveNotice: useMutation({
      mutationFn: ({
        id,
        ...body
      }: {
        id?: number;
        text: string;
        textEn?: string;
        startsOn?: string | null;
        endsOn?: string | null;
        isActive?: boolean;
        version?: number;
      }) =>
        id ? api.put<Notice>(`/queue/halls/${hallId}/notices/${id}`, body) : api.post<Notice>(`/queue/halls/${hallId}/notices`, body, { idempotencyKey: true }),
      onSuccess: done,
    }),
  };
}
