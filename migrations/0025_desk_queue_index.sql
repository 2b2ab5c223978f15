-- 今日工作: the window desk counts its queues — applications waiting for pre-review, cases waiting for the
-- applicant's supplements, results waiting for delivery — on every visit to the workbench. A case is in one of
-- these states for days while the table holds every case ever filed, so the count reads this partial index
-- (its entries are the cases in the queues now) instead of the table.
CREATE INDEX kase_desk_idx ON kase (status, region_id) WHERE status IN ('submitted', 'notified', 'awaiting_supplement', 'concluded');
