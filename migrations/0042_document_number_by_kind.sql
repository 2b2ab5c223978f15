-- A case document's number counts within its kind, as a center keeps a register of each (its 受理通知书, its 决定书,
-- its 证照 …): every kind draws from a sequence of its own. Each starts past the shared sequence's last number, so
-- that no number already issued (the kind's code is part of the number) is drawn again.
DO $$
DECLARE
  kind text;
  start bigint;
BEGIN
  SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END INTO start FROM case_document_seq;
  FOREACH kind IN ARRAY ARRAY['material_receipt', 'commitment_letter', 'acceptance_notice', 'one_time_notice', 'refusal_decision',
                              'decision', 'license', 'receipt', 'fiscal_bill', 'revocation_decision'] LOOP
    EXECUTE format('CREATE SEQUENCE %I START WITH %s', 'case_document_' || kind || '_seq', start);
  END LOOP;
END $$;
