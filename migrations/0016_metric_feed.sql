-- The statistics follow the case events through a feed (docs/metrics.md, "How the figures stay current"):
-- the statement that inserts a case event the statistics count also inserts its row here, in the action's
-- transaction; the feed takes the rows in batches, recomputes the facts of their cases once per batch and
-- counts their staff work, and deletes them in the same transaction. Rows live for a second or less: no
-- index (the feed takes whatever is there), vacuumed after every thousand deleted rows whatever the size.
CREATE TABLE metric_pending (
  event_id bigint NOT NULL,
  case_id bigint NOT NULL,
  -- the event can change the case's facts (otherwise it only counts staff work)
  facts boolean NOT NULL
) WITH (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
