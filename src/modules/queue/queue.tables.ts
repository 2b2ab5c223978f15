import type { Generated, JSONColumnType } from 'kysely';

export type Hours = [number, number][];
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
export type TicketChannel = 'kiosk' | 'phone' | 'appointment';
export type AppointmentStatus = 'booked' | 'checked_in' | 'cancelled' | 'no_show';
export type QueueEventKind = 'call' | 'recall' | 'no_show' | 'skip' | 'transfer' | 'finish' | 'start' | 'notice' | 'window';

export interface QueueHallConfigTable {
  hall_id: number;
  slot_minutes: Generated<number>;
  booking_days: Generated<number>;
  near_threshold: Generated<number>;
  ip_tickets_per_hour: Generated<number>;
  phone_tickets_per_day: Generated<number>;
  ip_bookings_per_hour: Generated<number>;
  no_show_limit: Generated<number>;
  office_hours: JSONColumnType<Hours | null, string | null, string | null>;
  enforce_hours: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface QueueHallDayTable {
  hall_id: number;
  date: string;
  hours: JSONColumnType<Hours, string, string>;
  note: Generated<string>;
}

export interface QueueCategoryTable {
  id: Generated<number>;
  hall_id: number;
  prefix: string;
  name: string;
  name_en: Generated<string>;
  is_green: Generated<boolean>;
  daily_limit: number | null;
  avg_service_minutes: Generated<number>;
  slot_capacity_per_window: Generated<number>;
  is_bookable: Generated<boolean>;
  is_active: Generated<boolean>;
  sort: Generated<number>;
  version: Generated<number>;
}

export interface QueueCategoryWindowTable {
  category_id: number;
  window_id: number;
}

export interface QueueCounterTable {
  category_id: number;
  day: string;
  last_number: number;
}

export interface QueueWindowSessionTable {
  id: Generated<number>;
  window_id: number;
  account_id: number;
  state: Generated<'open' | 'paused' | 'closed'>;
  opened_at: Generated<Date>;
  paused_at: Date | null;
  closed_at: Date | null;
  paused_seconds: Generated<number>;
}

export interface QueueSlotTable {
  category_id: number;
  day: string;
  start_minute: number;
  end_minute: number;
  capacity: number;
  booked: Generated<number>;
}

export interface QueueAppointmentTable {
  id: Generated<number>;
  code: string;
  hall_id: number;
  category_id: number;
  day: string;
  start_minute: number;
  end_minute: number;
  status: Generated<AppointmentStatus>;
  name: string;
  id_enc: string;
  id_hash: string;
  id_mask: string;
  phone_enc: string;
  phone_hash: string;
  phone_mask: string;
  account_id: number | null;
  ticket_id: number | null;
  rescheduled_from: number | null;
  created_ip: string | null;
  created_at: Generated<Date>;
  cancelled_at: Date | null;
  checked_in_at: Date | null;
  version: Generated<number>;
}

export interface QueueTicketTable {
  id: Generated<number>;
  hall_id: number;
  day: string;
  issued_category_id: number;
  category_id: number;
  number: number;
  code: string;
  channel: TicketChannel;
  status: Generated<TicketStatus>;
  is_green: Generated<boolean>;
  appt_from: Date | null;
  appt_until: Date | null;
  appointment_id: number | null;
  target_window_id: number | null;
  queue_at: Generated<Date>;
  token_hash: string;
  id_enc: string | null;
  id_hash: string | null;
  id_mask: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_mask: string | null;
  issued_ip: string | null;
  issued_at: Generated<Date>;
  window_id: number | null;
  called_by: number | null;
  called_at: Date | null;
  first_called_at: Date | null;
  call_count: Generated<number>;
  served_at: Date | null;
  finished_at: Date | null;
  skip_count: Generated<number>;
  transfer_count: Generated<number>;
  case_id: number | null;
  version: Generated<number>;
}

export interface QueueEventTable {
  id: Generated<number>;
  hall_id: number;
  kind: QueueEventKind;
  ticket_id: number | null;
  window_id: number | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  at: Generated<Date>;
}

export interface QueueNoShowTable {
  id: Generated<number>;
  hall_id: number;
  kind: 'ticket' | 'appointment';
  ticket_id: number | null;
  appointment_id: number | null;
  id_hash: string | null;
  phone_hash: string | null;
  at: Generated<Date>;
}

export interface QueueNoticeTable {
  id: Generated<number>;
  hall_id: number;
  text: string;
  text_en: Generated<string>;
  starts_on: string | null;
  ends_on: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface QueueRateTable {
  key: string;
  window_start: Date;
  hits: number;
}

declare module '../../server/db/database.ts' {
  interface Database {
    queue_hall_config: QueueHallConfigTable;
    queue_hall_day: QueueHallDayTable;
    queue_category: QueueCategoryTable;
    queue_category_window: QueueCategoryWindowTable;
    queue_counter: QueueCounterTable;
    queue_window_session: QueueWindowSessionTable;
    queue_slot: QueueSlotTable;
    queue_appointment: QueueAppointmentTable;
    queue_ticket: QueueTicketTable;
    queue_event: QueueEventTable;
    queue_no_show: QueueNoShowTable;
    queue_notice: QueueNoticeTable;
    queue_rate: QueueRateTable;
  }
}
