-- A payment taken at the window keeps what the counter's own records reconcile it by: a card payment the POS
-- terminal's reference number (参考号) from its slip, cash the amount handed over, of which the change is the rest.
ALTER TABLE case_payment ADD COLUMN pos_reference text CHECK (pos_reference ~ '^[0-9A-Za-z]{6,32}$');
ALTER TABLE case_payment ADD COLUMN tendered_cents int;
ALTER TABLE case_payment ADD CONSTRAINT case_payment_window_details CHECK (
  (pos_reference IS NULL OR method = 'card')
  AND (tendered_cents IS NULL OR (method = 'cash' AND tendered_cents >= amount_cents))
);
