-- 收件凭证: an application received at the window gets a written receipt of the materials the window took — each
-- material handed in, taken from a license, or not handed in — with the day by which the center accepts it or
-- tells everything missing at once (行政许可法 art. 32), so that the applicant holds proof of what they left.
ALTER DOMAIN document_kind DROP CONSTRAINT document_kind_check;
ALTER DOMAIN document_kind ADD CONSTRAINT document_kind_check
  CHECK (VALUE IN ('material_receipt', 'acceptance_notice', 'one_time_notice', 'refusal_decision', 'decision', 'license', 'receipt'));
