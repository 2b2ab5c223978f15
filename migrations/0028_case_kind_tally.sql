-- 七件制: the seven kinds' counts above 办件查询 counted every case in the caller's scope, its history included, at
-- every visit (334 ms for a city-wide clerk at a million cases). A settled case — delivered, refused or withdrawn —
-- never changes again, so settled cases are tallied here by region and department as they settle, and the counts
-- are this tally plus the cases not yet settled (the work in hand, read through the partial index below).
--
-- The tally is kept by triggers, so that every way a case settles (an action, a bundle's delivery, a seed, an
-- import) keeps it; the trigger runs only when a case enters or leaves a settled status or a settled case's counted
-- columns change. Rows are split into eight shards by case id, so that deliveries committed at the same moment in
-- one department do not wait for each other's row.
CREATE TABLE case_kind_tally (
  region_id bigint NOT NULL,
  organization_id bigint NOT NULL,
  shard smallint NOT NULL,
  immediate bigint NOT NULL DEFAULT 0,
  committed bigint NOT NULL DEFAULT 0,
  joint bigint NOT NULL DEFAULT 0,
  reported_up bigint NOT NULL DEFAULT 0,
  urgent bigint NOT NULL DEFAULT 0,
  returned bigint NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, organization_id, shard)
);

-- Add (sign 1) or take away (sign -1) a settled case's contribution. A bundle's application is counted through its
-- item cases (bundle_id IS NULL), as the list's kind filter counts.
CREATE FUNCTION case_kind_tally_add(k kase, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF k.bundle_id IS NOT NULL OR k.status NOT IN ('delivered', 'refused', 'withdrawn') THEN
    RETURN;
  END IF;
  INSERT INTO case_kind_tally AS t (region_id, organization_id, shard, immediate, committed, joint, reported_up, urgent, returned, total)
  VALUES (
    k.region_id, k.organization_id, (k.id % 8)::smallint,
    sign * (k.case_kind = 'immediate')::int, sign * (k.case_kind = 'committed')::int, sign * k.is_joint::int,
    sign * k.is_reported_up::int, sign * k.is_urgent::int, sign * (k.status IN ('refused', 'withdrawn'))::int, sign
  )
  ON CONFLICT (region_id, organization_id, shard) DO UPDATE SET
    immediate = t.immediate + EXCLUDED.immediate,
    committed = t.committed + EXCLUDED.committed,
    joint = t.joint + EXCLUDED.joint,
    reported_up = t.reported_up + EXCLUDED.reported_up,
    urgent = t.urgent + EXCLUDED.urgent,
    returned = t.returned + EXCLUDED.returned,
    total = t.total + EXCLUDED.total;
END
$$;

CREATE FUNCTION case_kind_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM case_kind_tally_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM case_kind_tally_add(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER kase_kind_tally_insert AFTER INSERT ON kase FOR EACH ROW
  WHEN (NEW.status IN ('delivered', 'refused', 'withdrawn') AND NEW.bundle_id IS NULL)
  EXECUTE FUNCTION case_kind_tally_change();
CREATE TRIGGER kase_kind_tally_update AFTER UPDATE ON kase FOR EACH ROW
  WHEN ((OLD.status IN ('delivered', 'refused', 'withdrawn') OR NEW.status IN ('delivered', 'refused', 'withdrawn'))
    AND (OLD.status, OLD.case_kind, OLD.is_joint, OLD.is_reported_up, OLD.is_urgent, OLD.region_id, OLD.organization_id, OLD.bundle_id)
      IS DISTINCT FROM (NEW.status, NEW.case_kind, NEW.is_joint, NEW.is_reported_up, NEW.is_urgent, NEW.region_id, NEW.organization_id, NEW.bundle_id))
  EXECUTE FUNCTION case_kind_tally_change();
CREATE TRIGGER kase_kind_tally_delete AFTER DELETE ON kase FOR EACH ROW
  WHEN (OLD.status IN ('delivered', 'refused', 'withdrawn') AND OLD.bundle_id IS NULL)
  EXECUTE FUNCTION case_kind_tally_change();

-- the cases settled before this migration
INSERT INTO case_kind_tally (region_id, organization_id, shard, immediate, committed, joint, reported_up, urgent, returned, total)
SELECT region_id, organization_id, (id % 8)::smallint,
       count(*) FILTER (WHERE case_kind = 'immediate'), count(*) FILTER (WHERE case_kind = 'committed'),
       count(*) FILTER (WHERE is_joint), count(*) FILTER (WHERE is_reported_up), count(*) FILTER (WHERE is_urgent),
       count(*) FILTER (WHERE status IN ('refused', 'withdrawn')), count(*)
FROM kase
WHERE bundle_id IS NULL AND status IN ('delivered', 'refused', 'withdrawn')
GROUP BY 1, 2, 3;

-- The cases not yet settled: the work in hand, which the kind counts and the window desk's queues (今日工作) read.
-- It takes the place of kase_desk_idx (migration 0025), whose states it holds with the others in hand.
CREATE INDEX kase_open_idx ON kase (status, region_id) WHERE status NOT IN ('delivered', 'refused', 'withdrawn');
DROP INDEX kase_desk_idx;
