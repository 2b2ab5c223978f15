-- 告知承诺制 (approval by written commitment): where the item allows it, the applicant is told the conditions and
-- commits in writing that they meet them (告知承诺书, a document of the case issued at filing). The department then
-- decides without substantive review, and checks on site after the grant (事后核查) within the item's period; a
-- commitment found false revokes the license (撤销, with a written decision, 撤销行政许可决定书).
ALTER TABLE kase ADD COLUMN by_commitment boolean NOT NULL DEFAULT false;
ALTER TABLE kase ADD COLUMN revoked_at timestamptz;

CREATE DOMAIN commitment_check_state AS text CHECK (VALUE IN ('pending', 'kept', 'broken'));

-- One check per granted case by commitment, opened with the grant, owed by the deciding department.
CREATE TABLE commitment_check (
  case_id bigint PRIMARY KEY REFERENCES kase (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  due_at timestamptz NOT NULL,
  state commitment_check_state NOT NULL DEFAULT 'pending',
  opinion text,
  checked_by bigint REFERENCES account (id),
  checked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT commitment_check_done CHECK ((state = 'pending') = (checked_at IS NULL))
);
-- a department's checks, the pending ones by how soon they are due
CREATE INDEX commitment_check_org ON commitment_check (organization_id, state, due_at);

ALTER DOMAIN document_kind DROP CONSTRAINT document_kind_check;
ALTER DOMAIN document_kind ADD CONSTRAINT document_kind_check
  CHECK (VALUE IN ('material_receipt', 'commitment_letter', 'acceptance_notice', 'one_time_notice', 'refusal_decision', 'decision', 'license', 'receipt', 'revocation_decision'));

-- 电子监察: a check recorded after its period ran out is a finding, as a late delivery is (0024).
ALTER DOMAIN finding_kind DROP CONSTRAINT finding_kind_check;
ALTER DOMAIN finding_kind ADD CONSTRAINT finding_kind_check
  CHECK (VALUE IN ('paused_often', 'immediate_extended', 'late_acceptance', 'late_delivery', 'late_commitment_check'));
