-- 容缺受理 (acceptance with materials to follow): where the item marks a required material as one that may be handed
-- in after acceptance (容缺后补), the window may accept an application without it on the applicant's promise to hand
-- it in by a day. The material's row says so ('tolerated'), and the case carries the promised day until everything
-- tolerated is in; the result is not delivered before.
ALTER DOMAIN material_status DROP CONSTRAINT material_status_check;
ALTER DOMAIN material_status ADD CONSTRAINT material_status_check CHECK (VALUE IN ('provided', 'missing', 'from_license', 'waived', 'tolerated'));
ALTER TABLE kase ADD COLUMN tolerated_due_at timestamptz;
-- 容缺待补: the window's list of cases with materials still to follow, the soonest due first
CREATE INDEX kase_tolerated_due ON kase (tolerated_due_at) WHERE tolerated_due_at IS NOT NULL;
