-- Metrics (统计): per-case facts, incremental rollups by day and month, staff rollups, window management.
-- Formulas and the rules of what counts where: docs/metrics.md.

-- One row per case: the figures the metrics need, derived from the case, its events and its clock.
-- Dashboards never read this table; the rollups below are sums of every row's contribution (metric_contrib).
CREATE TABLE metric_case (
  case_id bigint PRIMARY KEY REFERENCES kase (id),
  region_id bigint NOT NULL,
  organization_id bigint NOT NULL,
  item_id bigint NOT NULL,
  channel text NOT NULL,
  case_kind text NOT NULL,
  -- the window where the case was accepted (0: none known), and who accepted it
  window_id bigint NOT NULL DEFAULT 0,
  acceptor_id bigint,
  received_day date NOT NULL,
  accepted_day date,
  concluded_day date,
  returned_day date,
  delivered_day date,
  is_joint boolean NOT NULL DEFAULT false,
  is_reported_up boolean NOT NULL DEFAULT false,
  is_urgent boolean NOT NULL DEFAULT false,
  had_supplement boolean NOT NULL DEFAULT false,
  at_window boolean NOT NULL DEFAULT false,
  on_time boolean NOT NULL DEFAULT false,
  early boolean NOT NULL DEFAULT false,
  actual_days int,
  committed_days int,
  legal_days int,
  delivered_late boolean NOT NULL DEFAULT false,
  fees_cents bigint NOT NULL DEFAULT 0,
  fees_day date,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rated_day date,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The counters of both rollups (same columns, same meaning; docs/metrics.md#counters).
CREATE TABLE metric_daily (
  day date NOT NULL,
  region_id bigint NOT NULL,
  organization_id bigint NOT NULL,
  item_id bigint NOT NULL,
  window_id bigint NOT NULL,
  channel text NOT NULL,
  case_kind text NOT NULL,
  received int NOT NULL DEFAULT 0,
  accepted int NOT NULL DEFAULT 0,
  cohort_concluded int NOT NULL DEFAULT 0,
  concluded int NOT NULL DEFAULT 0,
  on_time int NOT NULL DEFAULT 0,
  early int NOT NULL DEFAULT 0,
  at_window int NOT NULL DEFAULT 0,
  actual_days bigint NOT NULL DEFAULT 0,
  committed_n int NOT NULL DEFAULT 0,
  committed_days bigint NOT NULL DEFAULT 0,
  legal_n int NOT NULL DEFAULT 0,
  legal_days bigint NOT NULL DEFAULT 0,
  returned int NOT NULL DEFAULT 0,
  delivered int NOT NULL DEFAULT 0,
  delivered_late int NOT NULL DEFAULT 0,
  joint int NOT NULL DEFAULT 0,
  reported_up int NOT NULL DEFAULT 0,
  urgent int NOT NULL DEFAULT 0,
  supplement int NOT NULL DEFAULT 0,
  fees_cents bigint NOT NULL DEFAULT 0,
  rated int NOT NULL DEFAULT 0,
  satisfied int NOT NULL DEFAULT 0,
  PRIMARY KEY (day, region_id, organization_id, item_id, window_id, channel, case_kind)
);

CREATE TABLE metric_monthly (LIKE metric_daily INCLUDING DEFAULTS);
ALTER TABLE metric_monthly RENAME COLUMN day TO month;
ALTER TABLE metric_monthly ADD PRIMARY KEY (month, region_id, organization_id, item_id, window_id, channel, case_kind);
ALTER TABLE metric_monthly ADD CONSTRAINT metric_monthly_first_day CHECK (extract(day FROM month) = 1);

-- What one case adds to the rollups, one row per day it touches. `sign` is +1 to add, -1 to take back:
-- an event replaces the case's old contribution by its new one, and a rebuild sums every case's.
CREATE FUNCTION metric_contrib(f metric_case, sign int)
RETURNS TABLE (
  day date, received int, accepted int, cohort_concluded int, concluded int, on_time int, early int, at_window int,
  actual_days bigint, committed_n int, committed_days bigint, legal_n int, legal_days bigint, returned int, delivered int,
  delivered_late int, joint int, reported_up int, urgent int, supplement int, fees_cents bigint, rated int, satisfied int
)
LANGUAGE sql IMMUTABLE AS $$
  SELECT f.received_day, sign, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0::bigint, 0, 0::bigint, 0, 0, 0,
         sign * f.is_joint::int, sign * f.is_reported_up::int, sign * f.is_urgent::int, sign * f.had_supplement::int, 0::bigint, 0, 0
  UNION ALL
  SELECT f.accepted_day, 0, sign, sign * (f.concluded_day IS NOT NULL)::int, 0, 0, 0, 0, 0::bigint, 0, 0::bigint, 0, 0::bigint,
         0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0
  WHERE f.accepted_day IS NOT NULL
  UNION ALL
  SELECT f.concluded_day, 0, 0, 0, sign, sign * f.on_time::int, sign * f.early::int, sign * f.at_window::int,
         sign * coalesce(f.actual_days, 0)::bigint, sign * (f.committed_days IS NOT NULL)::int, sign * coalesce(f.committed_days, 0)::bigint,
         sign * (f.legal_days IS NOT NULL)::int, sign * coalesce(f.legal_days, 0)::bigint, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0
  WHERE f.concluded_day IS NOT NULL
  UNION ALL
  SELECT f.returned_day, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0::bigint, 0, 0::bigint, sign, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0
  WHERE f.returned_day IS NOT NULL
  UNION ALL
  SELECT f.delivered_day, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0::bigint, 0, 0::bigint, 0, sign, sign * f.delivered_late::int,
         0, 0, 0, 0, 0::bigint, 0, 0
  WHERE f.delivered_day IS NOT NULL
  UNION ALL
  SELECT f.fees_day, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0::bigint, 0, 0::bigint, 0, 0, 0, 0, 0, 0, 0, sign * f.fees_cents, 0, 0
  WHERE f.fees_day IS NOT NULL AND f.fees_cents <> 0
  UNION ALL
  SELECT f.rated_day, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0::bigint, 0, 0::bigint, 0, 0, 0, 0, 0, 0, 0, 0::bigint,
         sign, sign * (f.rating >= 3)::int
  WHERE f.rated_day IS NOT NULL AND f.rating IS NOT NULL
$$;

-- What each staff member did per day (volume and timeliness for the performance score).
CREATE TABLE metric_staff_daily (
  day date NOT NULL,
  account_id bigint NOT NULL,
  organization_id bigint NOT NULL,
  window_id bigint NOT NULL,
  accepted int NOT NULL DEFAULT 0,
  notices int NOT NULL DEFAULT 0,
  delivered int NOT NULL DEFAULT 0,
  tasks_done int NOT NULL DEFAULT 0,
  tasks_on_time int NOT NULL DEFAULT 0,
  rated int NOT NULL DEFAULT 0,
  satisfied int NOT NULL DEFAULT 0,
  PRIMARY KEY (day, account_id, organization_id, window_id)
);

-- A center's settings for assessments: performance-score weights and the smallest volume that is ranked.
CREATE TABLE metric_setting (
  organization_id bigint PRIMARY KEY REFERENCES organization (id),
  weight_volume int NOT NULL CHECK (weight_volume BETWEEN 0 AND 100),
  weight_timeliness int NOT NULL CHECK (weight_timeliness BETWEEN 0 AND 100),
  weight_rating int NOT NULL CHECK (weight_rating BETWEEN 0 AND 100),
  min_cases int NOT NULL DEFAULT 1 CHECK (min_cases >= 0),
  version int NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES account (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (weight_volume + weight_timeliness + weight_rating = 100)
);

-- The window's daily work log (工作日志): remarks and, when given, who was on duty.
CREATE TABLE window_log (
  window_id bigint NOT NULL REFERENCES service_window (id),
  day date NOT NULL,
  remarks text NOT NULL DEFAULT '',
  on_duty bigint[] NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES account (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (window_id, day)
);

-- The red-flag window of the month (红旗窗口), named by the center once per month.
CREATE TABLE window_award (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  window_id bigint NOT NULL REFERENCES service_window (id),
  score numeric(6, 2),
  note text NOT NULL DEFAULT '',
  named_by bigint REFERENCES account (id),
  named_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (hall_id, month)
);
