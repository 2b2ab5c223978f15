-- The outbox is the domain events not yet handed to their consumers: the delivery state moves onto the event
-- row, and the outbox table goes. Every event had exactly one outbox row (same topic as the event's type), so
-- an action wrote two rows, two index entries and a foreign-key check per event where one row and one entry
-- now do (docs/architecture.md, "Events and the outbox").
-- Existing events count as processed at the time of this migration (a fast default, no rewrite of the table);
-- the delivery state of the events still pending, and of those that needed retries, is carried over.
ALTER TABLE domain_event
  ADD COLUMN processed_at timestamptz DEFAULT now(),
  ADD COLUMN available_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN attempts int NOT NULL DEFAULT 0,
  ADD COLUMN last_error text;
ALTER TABLE domain_event ALTER COLUMN processed_at DROP DEFAULT;

UPDATE domain_event e
SET processed_at = o.processed_at, available_at = o.available_at, attempts = o.attempts, last_error = o.last_error
FROM outbox o
WHERE o.event_id = e.id AND (o.processed_at IS NULL OR o.attempts > 0);

CREATE INDEX domain_event_pending_idx ON domain_event (available_at, id) WHERE processed_at IS NULL;
DROP TABLE outbox;
