-- Cases (办件): intake, the workflow's tasks, materials, events. Table `kase` because CASE is reserved.

-- the sequence part of case numbers: unique without a lock shared by all intakes
CREATE SEQUENCE case_number_seq;

CREATE TABLE kase (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- region (6) + channel (1) + date (8) + sequence (7), e.g. 990100 W 20261126 0000012 → 990100W202611260000012
  number text NOT NULL UNIQUE,
  item_id bigint NOT NULL REFERENCES item (id),
  item_version_id bigint NOT NULL REFERENCES item_version (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  region_id bigint NOT NULL REFERENCES region (id),
  applicant_id bigint NOT NULL REFERENCES applicant (id),
  agent_applicant_id bigint REFERENCES applicant (id),
  submitted_by bigint REFERENCES account (id),
  channel text NOT NULL CHECK (channel IN ('window', 'online', 'mobile', 'terminal', 'post')),
  case_kind text NOT NULL CHECK (case_kind IN ('immediate', 'committed')),
  is_joint boolean NOT NULL DEFAULT false,
  is_reported_up boolean NOT NULL DEFAULT false,
  is_urgent boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('submitted', 'notified', 'in_progress', 'awaiting_supplement', 'decided', 'concluded', 'delivered', 'refused', 'withdrawn')),
  -- the position in the item version's process: index of the current top-level node
  node_index int NOT NULL DEFAULT 0,
  form_enc text NOT NULL,
  subject text NOT NULL,
  received_at timestamptz NOT NULL,
  notice_due_at timestamptz NOT NULL,
  accepted_at timestamptz,
  decided_at timestamptz,
  decision text CHECK (decision IN ('granted', 'denied')),
  decision_note text,
  concluded_at timestamptz,
  delivered_at timestamptz,
  delivery jsonb,
  refusal_reason text,
  clock_id bigint REFERENCES clock (id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kase_applicant_idx ON kase (applicant_id, id DESC);
CREATE INDEX kase_org_status_idx ON kase (organization_id, status);
CREATE INDEX kase_region_idx ON kase (region_id, id DESC);
CREATE INDEX kase_pending_intake_idx ON kase (region_id, received_at) WHERE status IN ('submitted', 'notified');

-- What was handed in for each material of the item, round by round (first intake, supplements).
CREATE TABLE case_material (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  material_key text NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('provided', 'missing', 'from_license', 'waived')),
  reference text,
  round int NOT NULL DEFAULT 1,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, material_key, round)
);

-- Work items of the workflow: one per stage being handled (several at once in a parallel node).
CREATE TABLE case_task (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  node_index int NOT NULL,
  node_id text NOT NULL,
  branch int,
  step int NOT NULL DEFAULT 0,
  stage text NOT NULL,
  name text NOT NULL,
  assignee_role text NOT NULL CHECK (assignee_role IN ('clerk', 'approver', 'head')),
  organization_id bigint NOT NULL REFERENCES organization (id),
  assignee_account_id bigint REFERENCES account (id),
  state text NOT NULL CHECK (state IN ('open', 'claimed', 'done', 'cancelled')),
  outcome text CHECK (outcome IN ('approved', 'rejected', 'returned', 'supplement_requested')),
  opinion text,
  is_urgent boolean NOT NULL DEFAULT false,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  completed_at timestamptz,
  completed_by bigint REFERENCES account (id),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX case_task_inbox_idx ON case_task (organization_id, assignee_role, is_urgent DESC, due_at) WHERE state IN ('open', 'claimed');
CREATE INDEX case_task_case_idx ON case_task (case_id);

-- The case's own history: every action, in order.
CREATE TABLE case_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  seq int NOT NULL,
  type text NOT NULL,
  actor_id bigint,
  actor_name text,
  task_id bigint,
  payload jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq)
);
