-- Foundation: regions, organizations, halls, windows, accounts, roles, sessions, audit, events, outbox,
-- idempotency and in-app messages.

CREATE TABLE system_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 行政区划: four levels; codes follow GB/T 2260 extended to 12 digits.
CREATE TABLE region (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{12}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  parent_id bigint REFERENCES region (id),
  -- materialized path of ids, e.g. /1/4/9/ — a subtree is `path LIKE '/1/4/%'`
  path text NOT NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX region_path_idx ON region (path text_pattern_ops);
CREATE INDEX region_parent_idx ON region (parent_id);

-- 部门 / 实施主体, identified by the unified social credit code (GB 32100).
CREATE TABLE organization (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  short_name text,
  kind text NOT NULL CHECK (kind IN ('government', 'department', 'center', 'unit', 'other')),
  region_id bigint NOT NULL REFERENCES region (id),
  parent_id bigint REFERENCES organization (id),
  path text NOT NULL,
  phone text,
  address text,
  is_active boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organization_region_idx ON organization (region_id);
CREATE INDEX organization_path_idx ON organization (path text_pattern_ops);

-- 政务服务中心 / 大厅
CREATE TABLE hall (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organization_id bigint NOT NULL REFERENCES organization (id),
  region_id bigint NOT NULL REFERENCES region (id),
  address text,
  phone text,
  opening_hours text,
  is_active boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hall_region_idx ON hall (region_id);

-- 综合窗口 / 专业窗口 (named service_window: `window` is reserved in SQL)
CREATE TABLE service_window (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hall_id bigint NOT NULL REFERENCES hall (id),
  number text NOT NULL CHECK (number ~ '^[A-Za-z0-9-]{1,10}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('comprehensive', 'department')),
  organization_id bigint REFERENCES organization (id),
  categories text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (hall_id, number),
  CHECK (kind = 'comprehensive' OR organization_id IS NOT NULL)
);

CREATE TABLE account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[a-z0-9_.@-]{3,64}$'),
  password_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('staff', 'applicant', 'integration')),
  display_name text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_attempts int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_username_idx ON account (lower(username));

-- Staff: belong to one organization; phone encrypted at rest.
CREATE TABLE staff (
  account_id bigint PRIMARY KEY REFERENCES account (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  name text NOT NULL,
  title text,
  phone_enc text,
  phone_mask text
);
CREATE INDEX staff_org_idx ON staff (organization_id);

-- 申请人: a person (ID card, GB 11643) or an enterprise (credit code, GB 32100).
CREATE TABLE applicant (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint UNIQUE REFERENCES account (id),
  kind text NOT NULL CHECK (kind IN ('person', 'enterprise')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  id_number_enc text NOT NULL,
  id_number_hash text NOT NULL,
  id_number_mask text NOT NULL,
  phone_enc text,
  phone_mask text,
  legal_representative text,
  address text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, id_number_hash),
  CHECK (kind = 'person' OR legal_representative IS NOT NULL)
);

-- 代办人: an agent may act for a principal until revoked or expired.
CREATE TABLE agent_authorization (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agent_applicant_id bigint NOT NULL REFERENCES applicant (id),
  principal_applicant_id bigint NOT NULL REFERENCES applicant (id),
  valid_until date,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (agent_applicant_id <> principal_applicant_id)
);
CREATE UNIQUE INDEX agent_authorization_open_idx ON agent_authorization (agent_applicant_id, principal_applicant_id) WHERE revoked_at IS NULL;

-- A role held within a scope: a region subtree, an organization subtree, or (system admin) everything.
CREATE TABLE role_assignment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id),
  role text NOT NULL CHECK (role IN ('applicant', 'clerk', 'approver', 'head', 'supervisor', 'catalog_admin', 'operator', 'unit', 'center_admin', 'sys_admin')),
  region_id bigint REFERENCES region (id),
  organization_id bigint REFERENCES organization (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (region_id IS NULL OR organization_id IS NULL),
  CHECK (role IN ('applicant', 'sys_admin') OR region_id IS NOT NULL OR organization_id IS NOT NULL)
);
CREATE UNIQUE INDEX role_assignment_unique_idx ON role_assignment (account_id, role, coalesce(region_id, 0), coalesce(organization_id, 0));

-- A window's A post and B post (backup).
CREATE TABLE window_staff (
  window_id bigint NOT NULL REFERENCES service_window (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES account (id),
  post text NOT NULL CHECK (post IN ('A', 'B')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (window_id, post)
);
CREATE INDEX window_staff_account_idx ON window_staff (account_id);

CREATE TABLE session (
  id text PRIMARY KEY, -- SHA-256 of the cookie token; the token itself is never stored
  account_id bigint NOT NULL REFERENCES account (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX session_account_idx ON session (account_id);

CREATE TABLE api_key (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id),
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Audit trail: append-only, hash-chained per stream; the sealer links entries into one global chain.
CREATE TABLE audit_entry (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream text NOT NULL,
  seq int NOT NULL,
  at timestamptz NOT NULL,
  actor_id bigint,
  actor_role text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  request_id text,
  change jsonb NOT NULL,
  digest text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (stream, seq)
);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

CREATE TABLE audit_seal (
  seq bigint PRIMARY KEY,
  entry_id bigint NOT NULL UNIQUE REFERENCES audit_entry (id),
  entry_hash text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Domain events and the transactional outbox.
CREATE TABLE domain_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type text NOT NULL,
  stream_type text NOT NULL,
  stream_id text NOT NULL,
  payload jsonb NOT NULL,
  actor_id bigint,
  request_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX domain_event_stream_idx ON domain_event (stream_type, stream_id);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES domain_event (id),
  topic text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  last_error text,
  processed_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE processed_at IS NULL;

-- Idempotency-Key: the first response is kept and replayed to retries.
CREATE TABLE idempotency_key (
  owner text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status_code int NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

-- In-app message center; one message per event and recipient, however often delivery is retried.
CREATE TABLE message (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id),
  event_id bigint REFERENCES domain_event (id),
  kind text NOT NULL,
  title jsonb NOT NULL, -- { "zh-CN": "...", "en": "..." }
  body jsonb NOT NULL,
  link text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX message_event_recipient_idx ON message (event_id, account_id, kind);
CREATE INDEX message_inbox_idx ON message (account_id, id DESC);
CREATE INDEX message_unread_idx ON message (account_id) WHERE read_at IS NULL;

-- Messages to outside channels (SMS, e-mail). In development they are only recorded here.
CREATE TABLE channel_delivery (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  event_id bigint REFERENCES domain_event (id),
  account_id bigint REFERENCES account (id),
  recipient_mask text NOT NULL,
  recipient_enc text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('recorded', 'sent', 'failed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, channel, account_id)
);
