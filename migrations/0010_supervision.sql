-- Electronic supervision (电子监察): warning thresholds, warnings raised once, findings, 督办 orders.

-- The yellow moment of a clock: the earliest moment one of its limits enters the warning zone
-- (the red moment is the earliest deadline). next_attention_at keeps pointing at the next of the two.
ALTER TABLE clock ADD COLUMN warn_at timestamptz;

-- When a limit enters the warning zone (a local choice, STANDARDS: "configurable"): when this many
-- working days are left, or when this share of the limit is used, whichever comes first.
CREATE TABLE clock_warning_policy (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  workdays_left int NOT NULL DEFAULT 1 CHECK (workdays_left BETWEEN 0 AND 30),
  used_percent int NOT NULL DEFAULT 80 CHECK (used_percent BETWEEN 1 AND 100),
  -- after a change, open clocks are re-marked in batches: the last clock id done (NULL = all done)
  remark_after_id bigint,
  version int NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES account (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO clock_warning_policy DEFAULT VALUES;

-- Open workflow tasks with a due time, watched by the sweep through next_at (kept from case events).
CREATE TABLE supervision_task_watch (
  task_id bigint PRIMARY KEY REFERENCES case_task (id),
  case_id bigint NOT NULL REFERENCES kase (id),
  yellow_at timestamptz NOT NULL,
  red_at timestamptz NOT NULL,
  -- the next moment the sweep must look; NULL once both levels are raised
  next_at timestamptz
);
CREATE INDEX supervision_task_watch_next_idx ON supervision_task_watch (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX supervision_task_watch_case_idx ON supervision_task_watch (case_id);

-- A warning: yellow (a deadline is near) or red (it passed), for a case's clock or a task. Raised
-- once per subject and level, whatever the number of sweeping processes (the unique key).
CREATE TABLE supervision_warning (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('clock', 'task')),
  subject_id bigint NOT NULL,
  level text NOT NULL CHECK (level IN ('yellow', 'red')),
  case_id bigint NOT NULL REFERENCES kase (id),
  task_id bigint REFERENCES case_task (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  region_id bigint NOT NULL REFERENCES region (id),
  -- which limit: committed / legal for a clock, task for a task
  limit_kind text NOT NULL CHECK (limit_kind IN ('committed', 'legal', 'task')),
  due_at timestamptz NOT NULL,
  -- the moment the threshold was crossed (raised_at is later when the sweep caught up after downtime)
  crossed_at timestamptz NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject_type, subject_id, level)
);
CREATE INDEX supervision_warning_case_idx ON supervision_warning (case_id);
CREATE INDEX supervision_warning_raised_idx ON supervision_warning (raised_at DESC);

-- A suspicious pattern seen on a case, recorded once per case and kind.
CREATE TABLE supervision_finding (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  kind text NOT NULL CHECK (kind IN ('paused_often', 'immediate_extended', 'late_acceptance')),
  detail jsonb NOT NULL DEFAULT '{}',
  found_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, kind)
);
CREATE INDEX supervision_finding_found_idx ON supervision_finding (found_at DESC);

-- 督办: a supervisor orders the responsible department to act on a case and answer by a deadline.
CREATE TABLE supervision_order (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number text NOT NULL UNIQUE,
  case_id bigint NOT NULL REFERENCES kase (id),
  warning_id bigint REFERENCES supervision_warning (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  region_id bigint NOT NULL REFERENCES region (id),
  issued_by bigint NOT NULL REFERENCES account (id),
  request text NOT NULL CHECK (length(request) BETWEEN 2 AND 2000),
  reply_due_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'replied', 'closed', 'escalated')),
  -- how many times it was escalated (each escalation asks for a new reply)
  escalations int NOT NULL DEFAULT 0,
  closed_at timestamptz,
  closed_by bigint REFERENCES account (id),
  close_note text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_order_org_idx ON supervision_order (organization_id, status);
CREATE INDEX supervision_order_case_idx ON supervision_order (case_id);
CREATE SEQUENCE supervision_order_seq;

-- The order's trail: issued, replied, escalated, closed — appended, never changed.
CREATE TABLE supervision_order_entry (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES supervision_order (id),
  kind text NOT NULL CHECK (kind IN ('issued', 'replied', 'escalated', 'closed')),
  account_id bigint NOT NULL REFERENCES account (id),
  text text NOT NULL,
  reply_due_at timestamptz,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_order_entry_order_idx ON supervision_order_entry (order_id, id);
