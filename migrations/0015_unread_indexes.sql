-- Two indexes nothing reads, which every case action paid for (an index entry and its WAL record per event,
-- about two of each per action):
-- * domain events by stream: the outbox hands consumers their events by id, and a case's history is its
--   timeline and audit stream;
-- * audit entries by time: the audit list pages by id within the reader's scope (audit_entry_scope_idx), the
--   seal follows ids and the verification streams.
DROP INDEX domain_event_stream_idx;
DROP INDEX audit_entry_at_idx;
