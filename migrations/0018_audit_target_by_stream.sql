-- A target's audit entries are its own chain: the stream is `<target type>:<target id>` for every entry
-- (prepareAudit), so the list of one target's entries reads the chain's unique index (stream, seq), and the
-- index by target, which every audited change wrote an entry to (about two per case action), goes.
DROP INDEX audit_entry_target_idx;
