-- 送达回证: the proof that a case's results were handed over — to whom, how, when and by whom, with each document
-- delivered — issued when the results go out at the window, by post or in a locker (an electronic delivery is a
-- record of its own). Its numbers count in a sequence of their own, as every kind's (migration 0042).
ALTER DOMAIN document_kind DROP CONSTRAINT document_kind_check;
ALTER DOMAIN document_kind ADD CONSTRAINT document_kind_check
  CHECK (VALUE IN ('material_receipt', 'commitment_letter', 'acceptance_notice', 'one_time_notice', 'refusal_decision', 'decision', 'license', 'receipt',
    'fiscal_bill', 'revocation_decision', 'delivery_receipt'));
CREATE SEQUENCE case_document_delivery_receipt_seq;
