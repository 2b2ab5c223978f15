-- 证照有效期与延续 (a license's period of validity, and its renewal): where the item gives its result license a period
-- of validity, the license says until when it is valid (NULL: 长期有效, valid without end). Before it runs out, its
-- holder applies for the same item to renew it (延续, 行政许可法 art. 50): the case names the license it renews, and
-- its grant issues the license again, valid on from the old one's end, which the new one replaces (superseded). A
-- change of what a license records (变更: a new name, address, scope) goes the same way, until the same end.
ALTER TABLE case_document ADD COLUMN valid_until date;
ALTER TABLE case_document ADD COLUMN superseded_at timestamptz;
-- an application for a license held: its renewal (延续), or a change of what it records (变更), which the grant
-- issues again until the same end; both or neither are set (kept by the code: a CHECK on kase is read by every write)
CREATE DOMAIN license_action AS text CHECK (VALUE IN ('renew', 'change'));
ALTER TABLE kase ADD COLUMN for_license_id bigint REFERENCES case_document (id);
ALTER TABLE kase ADD COLUMN license_action license_action;
-- one application for a license in hand at a time, and a license's renewals and changes found from it
CREATE INDEX kase_for_license_idx ON kase (for_license_id) WHERE for_license_id IS NOT NULL;
-- the licenses that run out, soonest first (the daily reminder)
CREATE INDEX case_document_valid_until_idx ON case_document (valid_until) WHERE kind = 'license' AND valid_until IS NOT NULL AND superseded_at IS NULL;

-- 电子监察: a renewal decided after the license it renews ran out (art. 50: the authority decides before; a license
-- whose renewal is not decided by then counts as renewed).
ALTER DOMAIN finding_kind DROP CONSTRAINT finding_kind_check;
ALTER DOMAIN finding_kind ADD CONSTRAINT finding_kind_check
  CHECK (VALUE IN ('paused_often', 'immediate_extended', 'late_acceptance', 'late_delivery', 'late_commitment_check', 'late_renewal'));
