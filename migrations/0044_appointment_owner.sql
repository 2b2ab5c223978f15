-- 我的预约: a signed-in applicant's bookings are found by the account that made them and by its person's ID number
-- (bookings made at the kiosk or without signing in).
CREATE INDEX queue_appointment_account_idx ON queue_appointment (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX queue_appointment_id_hash_idx ON queue_appointment (id_hash);
