-- A duplicate online payment (superseded: the line was settled otherwise meanwhile) is refunded by the window
-- through the provider that took it: the payment becomes `refunded`, with the provider's refund transaction,
-- the reason, who made it and when. The payment's status list becomes a domain (docs/architecture.md, "Adding a
-- module"), without rewriting the table: the column changes to the bare domain first, then the domain gets its list.
CREATE DOMAIN payment_status AS text;
ALTER TABLE case_payment ALTER COLUMN status TYPE payment_status;
ALTER DOMAIN payment_status ADD CONSTRAINT payment_status_check CHECK (VALUE IN ('pending', 'succeeded', 'failed', 'superseded', 'refunded'));
ALTER TABLE case_payment
  DROP CONSTRAINT case_payment_status_check,
  ADD COLUMN refund_transaction text,
  ADD COLUMN refund_reason text,
  ADD COLUMN refunded_by bigint REFERENCES account (id),
  ADD COLUMN refunded_at timestamptz,
  ADD CONSTRAINT case_payment_refund_complete CHECK ((status = 'refunded') = (refunded_at IS NOT NULL AND refund_transaction IS NOT NULL AND refund_reason IS NOT NULL)),
  ADD CONSTRAINT case_payment_refund_once UNIQUE (provider, refund_transaction);
