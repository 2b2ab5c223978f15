-- Working-day calendars and statutory clocks.

-- The national calendar (region_id NULL) and regional calendars that add local days off or
-- working days on top of it for a region's subtree.
CREATE TABLE calendar (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id bigint UNIQUE REFERENCES region (id),
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  utc_offset_minutes int NOT NULL DEFAULT 480 CHECK (utc_offset_minutes BETWEEN -720 AND 840),
  -- office hours as minute ranges, e.g. [[540,720],[810,1050]] = 09:00–12:00, 13:30–17:30
  office_hours jsonb NOT NULL DEFAULT '[[540,720],[810,1050]]',
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX calendar_national_idx ON calendar ((region_id IS NULL)) WHERE region_id IS NULL;

CREATE TABLE calendar_day (
  calendar_id bigint NOT NULL REFERENCES calendar (id),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'makeup_workday')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  PRIMARY KEY (calendar_id, date)
);

-- A statutory clock: up to two limits (committed 承诺, legal 法定) counted from a start date in
-- working days, natural days or working hours; pauses move the deadlines out; extensions add time.
CREATE TABLE clock (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_type text NOT NULL,
  owner_id text NOT NULL,
  region_id bigint REFERENCES region (id),
  started_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'paused', 'stopped')),
  committed_limit int CHECK (committed_limit >= 0),
  committed_unit text CHECK (committed_unit IN ('workday', 'day', 'workhour')),
  committed_due_at timestamptz,
  legal_limit int CHECK (legal_limit >= 0),
  legal_unit text CHECK (legal_unit IN ('workday', 'day', 'workhour')),
  legal_due_at timestamptz,
  -- the earliest moment the clock needs attention (a warning or a deadline); NULL when paused or stopped
  next_attention_at timestamptz,
  warn_before_minutes int NOT NULL DEFAULT 0,
  stopped_at timestamptz,
  is_overdue boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_type, owner_id),
  CHECK ((committed_limit IS NULL) = (committed_unit IS NULL)),
  CHECK ((legal_limit IS NULL) = (legal_unit IS NULL)),
  CHECK (committed_limit IS NOT NULL OR legal_limit IS NOT NULL)
);
CREATE INDEX clock_attention_idx ON clock (next_attention_at) WHERE next_attention_at IS NOT NULL;
CREATE INDEX clock_open_region_idx ON clock (region_id) WHERE state <> 'stopped';

-- 暂停: supplements awaited (补正) and special procedures the law does not count (art. 45).
CREATE TABLE clock_pause (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clock_id bigint NOT NULL REFERENCES clock (id),
  reason text NOT NULL CHECK (reason IN ('supplement', 'hearing', 'inspection', 'expert_review', 'appraisal', 'tender', 'other')),
  note text,
  actor_id bigint,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_by bigint,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX clock_pause_open_idx ON clock_pause (clock_id) WHERE ended_at IS NULL;

-- 延期: extra time on one limit or both, approved by someone (art. 42: +10 working days).
CREATE TABLE clock_extension (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clock_id bigint NOT NULL REFERENCES clock (id),
  applies_to text NOT NULL CHECK (applies_to IN ('committed', 'legal', 'both')),
  amount int NOT NULL CHECK (amount > 0),
  reason text NOT NULL,
  approved_by bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

-- Every change of a clock's deadlines, with why (started, paused, resumed, extended, recomputed after a calendar change).
CREATE TABLE clock_change (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clock_id bigint NOT NULL REFERENCES clock (id),
  kind text NOT NULL,
  committed_due_before timestamptz,
  committed_due_after timestamptz,
  legal_due_before timestamptz,
  legal_due_after timestamptz,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clock_change_clock_idx ON clock_change (clock_id, id);

INSERT INTO calendar (region_id, name) VALUES (NULL, '全国法定节假日');

-- The State Council arrangements for 2024–2026.
INSERT INTO calendar_day (calendar_id, date, kind, name) VALUES
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-01-01', 'holiday', '元旦'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-10', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-11', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-12', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-13', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-14', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-15', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-16', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-17', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-04-04', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-04-05', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-04-06', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-05-01', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-05-02', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-05-03', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-05-04', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-05-05', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-06-10', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-09-15', 'holiday', '中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-09-16', 'holiday', '中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-09-17', 'holiday', '中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-01', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-02', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-03', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-04', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-05', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-06', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-07', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-04', 'makeup_workday', '春节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-02-18', 'makeup_workday', '春节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-04-07', 'makeup_workday', '清明节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-04-28', 'makeup_workday', '劳动节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-05-11', 'makeup_workday', '劳动节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-09-14', 'makeup_workday', '中秋节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-09-29', 'makeup_workday', '国庆节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2024-10-12', 'makeup_workday', '国庆节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-01-01', 'holiday', '元旦'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-01-28', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-01-29', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-01-30', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-01-31', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-02-01', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-02-02', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-02-03', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-02-04', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-04-04', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-04-05', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-04-06', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-05-01', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-05-02', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-05-03', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-05-04', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-05-05', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-05-31', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-06-01', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-06-02', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-01', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-02', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-03', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-04', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-05', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-06', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-07', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-08', 'holiday', '国庆节、中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-01-26', 'makeup_workday', '春节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-02-08', 'makeup_workday', '春节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-04-27', 'makeup_workday', '劳动节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-09-28', 'makeup_workday', '国庆节、中秋节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2025-10-11', 'makeup_workday', '国庆节、中秋节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-01-01', 'holiday', '元旦'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-01-02', 'holiday', '元旦'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-01-03', 'holiday', '元旦'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-15', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-16', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-17', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-18', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-19', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-20', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-21', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-22', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-23', 'holiday', '春节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-04-04', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-04-05', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-04-06', 'holiday', '清明节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-05-01', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-05-02', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-05-03', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-05-04', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-05-05', 'holiday', '劳动节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-06-19', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-06-20', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-06-21', 'holiday', '端午节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-09-25', 'holiday', '中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-09-26', 'holiday', '中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-09-27', 'holiday', '中秋节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-01', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-02', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-03', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-04', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-05', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-06', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-07', 'holiday', '国庆节'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-01-04', 'makeup_workday', '元旦调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-14', 'makeup_workday', '春节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-02-28', 'makeup_workday', '春节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-05-09', 'makeup_workday', '劳动节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-09-20', 'makeup_workday', '国庆节调休上班'),
  ((SELECT id FROM calendar WHERE region_id IS NULL), '2026-10-10', 'makeup_workday', '国庆节调休上班');
