-- SMS to applicants without an account (received at the window with only a phone number): a delivery is
-- keyed by the applicant instead, so that a retried event still sends once.
ALTER TABLE channel_delivery ADD COLUMN applicant_id bigint REFERENCES applicant (id);
CREATE UNIQUE INDEX channel_delivery_applicant_idx ON channel_delivery (event_id, channel, applicant_id) WHERE account_id IS NULL;
