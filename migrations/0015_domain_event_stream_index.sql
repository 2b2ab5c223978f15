-- Nothing reads domain events by stream: the outbox hands consumers their events by id, and a case's history
-- is its timeline and audit stream. The index on (stream_type, stream_id) only cost every event written (an
-- index entry, its WAL record) — about two of each per case action.
DROP INDEX domain_event_stream_idx;
