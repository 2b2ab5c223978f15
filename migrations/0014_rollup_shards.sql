-- Rollup rows are written in shards. A rollup key (one day, item, window, channel and case kind; one staff
-- member's day) is touched by every action on such cases, and an upsert holds the row's lock until its
-- transaction commits, so concurrent actions on cases of the same item, or by the same clerk, queued behind
-- each other for the rest of their transactions. Each database connection now adds to its own shard of a key
-- (`pg_backend_pid() % 8`); a key's figure is the sum over its shards, which every reader already takes
-- (readers group by the dimensions they show). A rebuild writes shard 0.
ALTER TABLE metric_daily ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE metric_daily DROP CONSTRAINT metric_daily_pkey;
ALTER TABLE metric_daily ADD PRIMARY KEY (day, region_id, organization_id, item_id, window_id, channel, case_kind, shard);

ALTER TABLE metric_monthly ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE metric_monthly DROP CONSTRAINT metric_monthly_pkey;
ALTER TABLE metric_monthly ADD PRIMARY KEY (month, region_id, organization_id, item_id, window_id, channel, case_kind, shard);

ALTER TABLE metric_staff_daily ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE metric_staff_daily DROP CONSTRAINT metric_staff_daily_pkey;
ALTER TABLE metric_staff_daily ADD PRIMARY KEY (day, account_id, organization_id, window_id, shard);
