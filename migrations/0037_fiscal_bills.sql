-- 财政电子票据: a fee paid (cash or card at the window, or online) is billed by the fiscal e-bill platform (财政电子票据
-- 管理平台), as non-tax revenue must be: the platform gives the bill its code, number and check code (票据代码、票据号码、
-- 校验码), and its printed form is kept with the case as a document. The platform is outside OneWindow: a bill is asked
-- for once the payment has committed, and asked again (the outbox retries) until the platform answers; a payment has one
-- bill. `failed` holds what the platform last said while the bill is still owed.
CREATE DOMAIN fiscal_bill_status AS text CHECK (VALUE IN ('issued', 'failed'));
CREATE TABLE fiscal_bill (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  payment_id bigint NOT NULL UNIQUE REFERENCES case_payment (id),
  status fiscal_bill_status NOT NULL,
  provider text NOT NULL,
  bill_code text,
  bill_number text,
  check_code text,
  amount_cents integer NOT NULL,
  issued_at timestamptz,
  document_id bigint REFERENCES case_document (id),
  attempts integer NOT NULL DEFAULT 1,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fiscal_bill_issued CHECK ((status = 'issued') = (bill_number IS NOT NULL AND issued_at IS NOT NULL))
);
CREATE INDEX fiscal_bill_case_idx ON fiscal_bill (case_id);

ALTER DOMAIN document_kind DROP CONSTRAINT document_kind_check;
ALTER DOMAIN document_kind ADD CONSTRAINT document_kind_check
  CHECK (VALUE IN ('material_receipt', 'commitment_letter', 'acceptance_notice', 'one_time_notice', 'refusal_decision', 'decision', 'license', 'receipt',
    'fiscal_bill', 'revocation_decision'));
