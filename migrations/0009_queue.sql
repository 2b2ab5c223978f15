-- Queue calling (叫号), appointments (预约) and the hall display.

-- A hall's queue settings: slot length, how far ahead people may book, rate limits, the "turn is
-- near" threshold, opening hours (NULL: the office hours of the hall's region calendar) and whether
-- tickets are refused outside opening hours.
CREATE TABLE queue_hall_config (
  hall_id bigint PRIMARY KEY REFERENCES hall (id),
  slot_minutes int NOT NULL DEFAULT 30 CHECK (slot_minutes IN (10, 15, 20, 30, 60)),
  booking_days int NOT NULL DEFAULT 7 CHECK (booking_days BETWEEN 1 AND 60),
  near_threshold int NOT NULL DEFAULT 3 CHECK (near_threshold BETWEEN 1 AND 50),
  ip_tickets_per_hour int NOT NULL DEFAULT 20 CHECK (ip_tickets_per_hour BETWEEN 1 AND 1000000),
  phone_tickets_per_day int NOT NULL DEFAULT 5 CHECK (phone_tickets_per_day BETWEEN 1 AND 1000000),
  ip_bookings_per_hour int NOT NULL DEFAULT 10 CHECK (ip_bookings_per_hour BETWEEN 1 AND 1000000),
  no_show_limit int NOT NULL DEFAULT 3 CHECK (no_show_limit BETWEEN 1 AND 100),
  office_hours jsonb,
  enforce_hours boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Days with their own hours: extended service (延时服务, e.g. a Saturday morning) or shorter days.
-- A holiday of the calendar stays closed whatever is entered here.
CREATE TABLE queue_hall_day (
  hall_id bigint NOT NULL REFERENCES hall (id),
  date date NOT NULL,
  hours jsonb NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 100),
  PRIMARY KEY (hall_id, date)
);

-- A business category of a hall's queue (业务类别): its prefix letter, the windows serving it, a
-- daily ticket limit, whether it is the green channel (绿色通道, called first) and appointment capacity.
CREATE TABLE queue_category (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  prefix text NOT NULL CHECK (prefix ~ '^[A-Z]$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  name_en text NOT NULL DEFAULT '' CHECK (length(name_en) <= 80),
  is_green boolean NOT NULL DEFAULT false,
  daily_limit int CHECK (daily_limit BETWEEN 1 AND 9999),
  avg_service_minutes int NOT NULL DEFAULT 10 CHECK (avg_service_minutes BETWEEN 1 AND 240),
  slot_capacity_per_window int NOT NULL DEFAULT 2 CHECK (slot_capacity_per_window BETWEEN 0 AND 100),
  is_bookable boolean NOT NULL DEFAULT true,
  is_active boolean NOT NULL DEFAULT true,
  sort int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  UNIQUE (hall_id, prefix)
);

CREATE TABLE queue_category_window (
  category_id bigint NOT NULL REFERENCES queue_category (id) ON DELETE CASCADE,
  window_id bigint NOT NULL REFERENCES service_window (id),
  PRIMARY KEY (category_id, window_id)
);
CREATE INDEX queue_category_window_window_idx ON queue_category_window (window_id);

-- The per-category, per-day number counter: bumped with INSERT … ON CONFLICT DO UPDATE … RETURNING
-- inside the ticket's transaction, so parallel issuers (any number of processes) never repeat or skip.
CREATE TABLE queue_counter (
  category_id bigint NOT NULL REFERENCES queue_category (id),
  day date NOT NULL,
  last_number int NOT NULL CHECK (last_number BETWEEN 0 AND 9999),
  PRIMARY KEY (category_id, day)
);

-- A window staffed for calling: opened by a clerk, paused, closed.
CREATE TABLE queue_window_session (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  window_id bigint NOT NULL REFERENCES service_window (id),
  account_id bigint NOT NULL REFERENCES account (id),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paused', 'closed')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  paused_at timestamptz,
  closed_at timestamptz,
  paused_seconds int NOT NULL DEFAULT 0,
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX queue_window_session_open_idx ON queue_window_session (window_id) WHERE state <> 'closed';

-- Appointment slots, materialized on first booking; `booked` can never pass `capacity`.
CREATE TABLE queue_slot (
  category_id bigint NOT NULL REFERENCES queue_category (id),
  day date NOT NULL,
  start_minute int NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute int NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  capacity int NOT NULL CHECK (capacity >= 0),
  booked int NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
  PRIMARY KEY (category_id, day, start_minute),
  CHECK (end_minute > start_minute)
);

CREATE TABLE queue_appointment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{10}$'),
  hall_id bigint NOT NULL REFERENCES hall (id),
  category_id bigint NOT NULL REFERENCES queue_category (id),
  day date NOT NULL,
  start_minute int NOT NULL,
  end_minute int NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  id_enc text NOT NULL,
  id_hash text NOT NULL,
  id_mask text NOT NULL,
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_mask text NOT NULL,
  account_id bigint REFERENCES account (id),
  ticket_id bigint,
  rescheduled_from bigint REFERENCES queue_appointment (id),
  created_ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  checked_in_at timestamptz,
  version int NOT NULL DEFAULT 1,
  FOREIGN KEY (category_id, day, start_minute) REFERENCES queue_slot (category_id, day, start_minute)
);
-- one live booking per person, category and day
CREATE UNIQUE INDEX queue_appointment_person_idx ON queue_appointment (category_id, day, id_hash) WHERE status = 'booked';
CREATE INDEX queue_appointment_due_idx ON queue_appointment (day, end_minute) WHERE status = 'booked';
CREATE INDEX queue_appointment_hall_day_idx ON queue_appointment (hall_id, day);

CREATE TABLE queue_ticket (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  day date NOT NULL,
  -- the category that issued the number; `category_id` moves on a transfer, the number stays
  issued_category_id bigint NOT NULL REFERENCES queue_category (id),
  category_id bigint NOT NULL REFERENCES queue_category (id),
  number int NOT NULL CHECK (number BETWEEN 1 AND 9999),
  code text NOT NULL CHECK (code ~ '^[A-Z][0-9]{3,4}$'),
  channel text NOT NULL CHECK (channel IN ('kiosk', 'phone', 'appointment')),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  is_green boolean NOT NULL DEFAULT false,
  -- an appointment ticket goes ahead of walk-ins while its slot runs
  appt_from timestamptz,
  appt_until timestamptz,
  appointment_id bigint REFERENCES queue_appointment (id),
  target_window_id bigint REFERENCES service_window (id),
  -- place in the line: the issue time, kept across transfers; a skip moves it to the end
  queue_at timestamptz NOT NULL DEFAULT now(),
  token_hash text NOT NULL,
  id_enc text,
  id_hash text,
  id_mask text,
  phone_enc text,
  phone_hash text,
  phone_mask text,
  issued_ip text,
  issued_at timestamptz NOT NULL DEFAULT now(),
  window_id bigint REFERENCES service_window (id),
  called_by bigint REFERENCES account (id),
  called_at timestamptz,
  first_called_at timestamptz,
  call_count int NOT NULL DEFAULT 0,
  served_at timestamptz,
  finished_at timestamptz,
  skip_count int NOT NULL DEFAULT 0,
  transfer_count int NOT NULL DEFAULT 0,
  case_id bigint,
  version int NOT NULL DEFAULT 1,
  UNIQUE (issued_category_id, day, number),
  CHECK ((id_hash IS NULL) = (id_enc IS NULL))
);
CREATE INDEX queue_ticket_waiting_idx ON queue_ticket (hall_id, day, category_id, queue_at) WHERE status = 'waiting';
CREATE INDEX queue_ticket_window_idx ON queue_ticket (window_id) WHERE status IN ('called', 'serving');
CREATE INDEX queue_ticket_hall_day_idx ON queue_ticket (hall_id, day);
-- an ID number holds one open ticket per category (and day: tickets do not outlive their day)
CREATE UNIQUE INDEX queue_ticket_open_person_idx ON queue_ticket (category_id, day, id_hash)
  WHERE id_hash IS NOT NULL AND status IN ('waiting', 'called', 'serving');
ALTER TABLE queue_appointment ADD FOREIGN KEY (ticket_id) REFERENCES queue_ticket (id);

-- The hall's event log: every call, recall and outcome in the order it committed (a per-hall
-- advisory lock serializes the inserts), so a display that reconnects with Last-Event-ID catches up.
CREATE TABLE queue_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  kind text NOT NULL CHECK (kind IN ('call', 'recall', 'no_show', 'skip', 'transfer', 'finish', 'start', 'notice', 'window')),
  ticket_id bigint REFERENCES queue_ticket (id),
  window_id bigint REFERENCES service_window (id),
  payload jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_event_hall_idx ON queue_event (hall_id, id);

-- No-shows of tickets (called, never came) and appointments (never checked in), by person.
CREATE TABLE queue_no_show (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  kind text NOT NULL CHECK (kind IN ('ticket', 'appointment')),
  ticket_id bigint REFERENCES queue_ticket (id),
  appointment_id bigint REFERENCES queue_appointment (id),
  id_hash text,
  phone_hash text,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'ticket') = (ticket_id IS NOT NULL))
);
CREATE INDEX queue_no_show_person_idx ON queue_no_show (id_hash, at) WHERE id_hash IS NOT NULL;
CREATE INDEX queue_no_show_phone_idx ON queue_no_show (phone_hash, at) WHERE phone_hash IS NOT NULL;

-- Notices scrolled on the hall display.
CREATE TABLE queue_notice (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
  text_en text NOT NULL DEFAULT '' CHECK (length(text_en) <= 500),
  starts_on date,
  ends_on date,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX queue_notice_hall_idx ON queue_notice (hall_id);

-- Fixed-window request counters for the public endpoints, shared by every process.
CREATE TABLE queue_rate (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits int NOT NULL,
  PRIMARY KEY (key, window_start)
);
