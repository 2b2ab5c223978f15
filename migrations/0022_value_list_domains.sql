-- The lists of values a column of the case tables may take (a case's status, a task's state, a document's
-- kind …) become domains instead of CHECK constraints of their tables. PostgreSQL reads every CHECK
-- constraint of a table from its stored text for each statement that writes the table, and a list of
-- text values is stored byte by byte: for the case actions, about a twentieth of the database's time went
-- to reading these lists again. A domain's check is read once per connection, and runs only when a
-- statement assigns the column. The values and the SQLSTATE of a violation (23514) stay as they were.
--
-- Each column changes to a domain without a constraint first (the same type underneath: no table is
-- rewritten and the indexes are kept), then the domain gets its list, checked against the rows there
-- are, and the table's own CHECK goes.
CREATE DOMAIN case_channel AS text;
CREATE DOMAIN case_kind AS text;
CREATE DOMAIN case_status AS text;
CREATE DOMAIN case_decision AS text;
CREATE DOMAIN task_kind AS text;
CREATE DOMAIN task_role AS text;
CREATE DOMAIN task_state AS text;
CREATE DOMAIN task_outcome AS text;
CREATE DOMAIN document_kind AS text;
CREATE DOMAIN material_status AS text;
CREATE DOMAIN clock_state AS text;
CREATE DOMAIN time_unit AS text;

ALTER TABLE kase
  ALTER COLUMN channel TYPE case_channel,
  ALTER COLUMN case_kind TYPE case_kind,
  ALTER COLUMN status TYPE case_status,
  ALTER COLUMN decision TYPE case_decision;
ALTER TABLE case_task
  ALTER COLUMN kind TYPE task_kind,
  ALTER COLUMN assignee_role TYPE task_role,
  ALTER COLUMN state TYPE task_state,
  ALTER COLUMN outcome TYPE task_outcome;
ALTER TABLE case_document ALTER COLUMN kind TYPE document_kind;
ALTER TABLE case_material ALTER COLUMN status TYPE material_status;
ALTER TABLE clock
  ALTER COLUMN state TYPE clock_state,
  ALTER COLUMN committed_unit TYPE time_unit,
  ALTER COLUMN legal_unit TYPE time_unit;

ALTER DOMAIN case_channel ADD CONSTRAINT case_channel_check CHECK (VALUE IN ('window', 'online', 'mobile', 'terminal', 'post'));
ALTER DOMAIN case_kind ADD CONSTRAINT case_kind_check CHECK (VALUE IN ('immediate', 'committed'));
ALTER DOMAIN case_status ADD CONSTRAINT case_status_check
  CHECK (VALUE IN ('submitted', 'notified', 'in_progress', 'awaiting_supplement', 'decided', 'concluded', 'delivered', 'refused', 'withdrawn'));
ALTER DOMAIN case_decision ADD CONSTRAINT case_decision_check CHECK (VALUE IN ('granted', 'denied'));
ALTER DOMAIN task_kind ADD CONSTRAINT task_kind_check CHECK (VALUE IN ('work', 'cosign'));
ALTER DOMAIN task_role ADD CONSTRAINT task_role_check CHECK (VALUE IN ('clerk', 'approver', 'head'));
ALTER DOMAIN task_state ADD CONSTRAINT task_state_check CHECK (VALUE IN ('open', 'claimed', 'done', 'cancelled'));
ALTER DOMAIN task_outcome ADD CONSTRAINT task_outcome_check CHECK (VALUE IN ('approved', 'rejected', 'returned', 'supplement_requested'));
ALTER DOMAIN document_kind ADD CONSTRAINT document_kind_check
  CHECK (VALUE IN ('acceptance_notice', 'one_time_notice', 'refusal_decision', 'decision', 'license', 'receipt'));
ALTER DOMAIN material_status ADD CONSTRAINT material_status_check CHECK (VALUE IN ('provided', 'missing', 'from_license', 'waived'));
ALTER DOMAIN clock_state ADD CONSTRAINT clock_state_check CHECK (VALUE IN ('running', 'paused', 'stopped'));
ALTER DOMAIN time_unit ADD CONSTRAINT time_unit_check CHECK (VALUE IN ('workday', 'day', 'workhour'));

ALTER TABLE kase
  DROP CONSTRAINT kase_channel_check,
  DROP CONSTRAINT kase_case_kind_check,
  DROP CONSTRAINT kase_status_check,
  DROP CONSTRAINT kase_decision_check;
ALTER TABLE case_task
  DROP CONSTRAINT case_task_kind_check,
  DROP CONSTRAINT case_task_assignee_role_check,
  DROP CONSTRAINT case_task_state_check,
  DROP CONSTRAINT case_task_outcome_check;
ALTER TABLE case_document DROP CONSTRAINT case_document_kind_check;
ALTER TABLE case_material DROP CONSTRAINT case_material_status_check;
ALTER TABLE clock
  DROP CONSTRAINT clock_state_check,
  DROP CONSTRAINT clock_committed_unit_check,
  DROP CONSTRAINT clock_legal_unit_check;
