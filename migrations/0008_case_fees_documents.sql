-- Fees of a case (收费), their payments, and the documents a case produces (受理通知书, 一次性告知书,
-- 不予受理决定书, 准予/不予许可决定书, 证照, 缴费凭证), stored as PDFs through the files storage.

-- One line per fee of the pinned item version, created at acceptance or at the decision as the fee says.
CREATE TABLE case_fee (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  -- the fee's position in the item version's `fees`: a fee is charged once per case
  fee_index int NOT NULL CHECK (fee_index >= 0),
  name text NOT NULL,
  standard text NOT NULL,
  basis text NOT NULL DEFAULT '',
  reducible boolean NOT NULL,
  charge_at text NOT NULL CHECK (charge_at IN ('acceptance', 'decision')),
  -- the catalog's standard amount; null when the standard is text only and the window assesses it
  standard_cents int CHECK (standard_cents >= 0),
  -- what is due now: the standard, the assessed amount, or the reduced one; null until assessed
  amount_cents int CHECK (amount_cents >= 0),
  status text NOT NULL CHECK (status IN ('unpaid', 'paid', 'waived')),
  adjustment text CHECK (adjustment IN ('assessed', 'reduced', 'waived')),
  adjustment_reason text,
  adjusted_by bigint REFERENCES account (id),
  paid_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, fee_index),
  CHECK (status <> 'paid' OR (amount_cents IS NOT NULL AND paid_at IS NOT NULL)),
  CHECK (status <> 'waived' OR adjustment_reason IS NOT NULL)
);
CREATE INDEX case_fee_unpaid_idx ON case_fee (case_id) WHERE status = 'unpaid';

-- A payment of one fee line: at the window (cash, card) or online through a payment provider.
CREATE TABLE case_payment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  fee_id bigint NOT NULL REFERENCES case_fee (id),
  method text NOT NULL CHECK (method IN ('cash', 'card', 'online')),
  provider text,
  -- the reference the provider knows the payment by: unguessable, it is also the demo pay page's address
  reference text NOT NULL UNIQUE,
  provider_transaction text,
  amount_cents int NOT NULL CHECK (amount_cents > 0),
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'superseded')),
  status_reason text,
  started_by bigint REFERENCES account (id),
  recorded_by bigint REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  version int NOT NULL DEFAULT 1,
  UNIQUE (provider, provider_transaction)
);
-- a line is paid once: a second successful payment cannot exist
CREATE UNIQUE INDEX case_payment_one_success ON case_payment (fee_id) WHERE status = 'succeeded';
CREATE INDEX case_payment_case_idx ON case_payment (case_id, id);

-- Documents are fixed in the action's transaction (kind, number, everything printed, as `content`); the
-- PDF is rendered from that content after commit and stored once (file_id, sha256).
CREATE TABLE case_document (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  kind text NOT NULL CHECK (kind IN ('acceptance_notice', 'one_time_notice', 'refusal_decision', 'decision', 'license', 'receipt')),
  number text NOT NULL UNIQUE,
  title text NOT NULL,
  content jsonb NOT NULL,
  payment_id bigint UNIQUE REFERENCES case_payment (id),
  file_id bigint REFERENCES stored_file (id),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  issued_by bigint REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  rendered_at timestamptz,
  CHECK ((file_id IS NULL) = (sha256 IS NULL))
);
CREATE INDEX case_document_case_idx ON case_document (case_id, id);
-- one license per case
CREATE UNIQUE INDEX case_document_one_license ON case_document (case_id) WHERE kind = 'license';
CREATE INDEX case_document_pending_idx ON case_document (id) WHERE file_id IS NULL;

CREATE SEQUENCE case_document_seq;

-- files the platform generates (case documents) have no uploader
ALTER TABLE stored_file ALTER COLUMN uploaded_by DROP NOT NULL;
