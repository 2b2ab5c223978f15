-- 申请注销: a holder who gives a license up applies for its cancellation (行政许可法 art. 70 — the holder's request is one
-- of the grounds the department cancels on), for the item that issued it, as a renewal or a change is applied for.
-- The grant cancels the license (ground holder_request, the holder's reason as its note) and issues no new one.
ALTER DOMAIN license_action DROP CONSTRAINT license_action_check;
ALTER DOMAIN license_action ADD CONSTRAINT license_action_check CHECK (VALUE IN ('renew', 'change', 'cancel'));
