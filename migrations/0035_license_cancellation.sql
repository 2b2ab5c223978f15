-- 注销 (行政许可法 art. 70): the issuing department cancels a license that no longer holds — run out without renewal,
-- its holder dead or dissolved, the permit revoked or withdrawn, made impossible by force majeure, given up by its
-- holder, or as another law says. A cancelled license is no longer held, renewed or taken as a material, and
-- its verification says so.
CREATE DOMAIN license_cancel_ground AS text
  CHECK (VALUE IN ('expired', 'holder_deceased', 'holder_terminated', 'revoked_or_withdrawn', 'force_majeure', 'holder_request', 'other'));
ALTER TABLE case_document ADD COLUMN cancelled_at timestamptz;
ALTER TABLE case_document ADD COLUMN cancel_ground license_cancel_ground;
ALTER TABLE case_document ADD COLUMN cancel_note text;
ALTER TABLE case_document ADD COLUMN cancelled_by bigint REFERENCES account (id);
ALTER TABLE case_document ADD CONSTRAINT case_document_cancelled CHECK ((cancelled_at IS NULL) = (cancel_ground IS NULL));
-- the department's ledger of the licenses it issued, newest first
CREATE INDEX case_document_license_idx ON case_document (id DESC) WHERE kind = 'license';
