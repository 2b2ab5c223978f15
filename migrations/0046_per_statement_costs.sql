-- Two costs that PostgreSQL pays again at every statement, on the case's busiest writes (docs/cases.md, Throughput).
--
-- The case-kind tally's update trigger (migration 0028): a trigger's WHEN clause is read from the catalog and
-- compiled by every statement that updates the table, and this one compared eight columns. The clause keeps the
-- cheap test, whether the case enters or leaves a settled status; the function skips an update that changes nothing
-- the tally counts, which only a settled case's updates reach.
CREATE OR REPLACE FUNCTION case_kind_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.status, OLD.case_kind, OLD.is_joint, OLD.is_reported_up, OLD.is_urgent, OLD.region_id, OLD.organization_id, OLD.bundle_id)
         IS NOT DISTINCT FROM (NEW.status, NEW.case_kind, NEW.is_joint, NEW.is_reported_up, NEW.is_urgent, NEW.region_id, NEW.organization_id, NEW.bundle_id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM case_kind_tally_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM case_kind_tally_add(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER kase_kind_tally_update ON kase;
CREATE TRIGGER kase_kind_tally_update AFTER UPDATE ON kase FOR EACH ROW
  WHEN (OLD.status IN ('delivered', 'refused', 'withdrawn') OR NEW.status IN ('delivered', 'refused', 'withdrawn'))
  EXECUTE FUNCTION case_kind_tally_change();

-- An applicant's name grams (migration 0029): a SQL function with a query is prepared again at every insert that
-- computes the generated column; a PL/pgSQL loop is compiled once per connection. The grams are the same set (a
-- name's characters and its pairs of characters); a gram may now appear twice in the array, which the GIN index and
-- the containment that searches it (@>) take as once.
CREATE OR REPLACE FUNCTION name_grams(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  grams text[] := string_to_array(name, NULL);
BEGIN
  FOR i IN 1 .. length(name) - 1 LOOP
    grams := grams || substr(name, i, 2);
  END LOOP;
  RETURN grams;
END
$$;
