-- 退费: a fee paid for a service not rendered — the application withdrawn or refused, or the permit denied — is given
-- back by the window: the line becomes `refunded` (its status list a domain now, as the payment's became in 0023),
-- its payment `refunded` (online: through the provider that took it; cash or card: handed back at the window), and a
-- fiscal e-bill issued for it is reversed by the platform (红字票据, 红冲): the red bill's numbers are kept with the bill.
CREATE DOMAIN fee_status AS text;
ALTER TABLE case_fee ALTER COLUMN status TYPE fee_status;
ALTER DOMAIN fee_status ADD CONSTRAINT fee_status_check CHECK (VALUE IN ('unpaid', 'paid', 'waived', 'refunded'));
ALTER TABLE case_fee DROP CONSTRAINT case_fee_status_check;

ALTER TABLE fiscal_bill
  ADD COLUMN reversal_status fiscal_bill_status,
  ADD COLUMN reversal_code text,
  ADD COLUMN reversal_number text,
  ADD COLUMN reversal_check_code text,
  ADD COLUMN reversed_at timestamptz,
  ADD COLUMN reversal_document_id bigint REFERENCES case_document (id),
  ADD COLUMN reversal_attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN reversal_error text,
  ADD CONSTRAINT fiscal_bill_reversal_issued CHECK ((reversal_status IS NOT DISTINCT FROM 'issued') = (reversal_number IS NOT NULL AND reversed_at IS NOT NULL));
