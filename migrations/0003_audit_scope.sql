-- The audit trail refuses TRUNCATE as well as UPDATE and DELETE, and records the region path of the
-- acting staff member's organization so that a district reads only its own district's trail.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

ALTER TABLE audit_entry ADD COLUMN scope_path text;
CREATE INDEX audit_entry_scope_idx ON audit_entry (scope_path text_pattern_ops, id DESC);
