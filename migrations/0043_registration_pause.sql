-- 企业开办一件事: the item cases that take the company's particulars and its 营业执照 (the seal, the tax and the
-- social insurance registrations) are accepted with the registration, in parallel, and their clocks wait for the
-- company to be registered: a pause of its own reason, 'registration', which the time of the registration's review
-- does not count against them. The pauses' reasons become a domain, as the case tables' lists did (0022).
CREATE DOMAIN clock_pause_reason AS text;
ALTER TABLE clock_pause ALTER COLUMN reason TYPE clock_pause_reason;
ALTER DOMAIN clock_pause_reason ADD CONSTRAINT clock_pause_reason_check
  CHECK (VALUE IN ('supplement', 'hearing', 'inspection', 'expert_review', 'appraisal', 'tender', 'registration', 'other'));
ALTER TABLE clock_pause DROP CONSTRAINT clock_pause_reason_check;
