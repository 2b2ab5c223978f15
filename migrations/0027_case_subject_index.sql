-- 办件查询 finds cases by part of their subject (the item's or the bundle's name as filed). A subject is matched
-- among the few thousand subjects there are, read from this index one at a time, and the cases carrying the
-- matching subjects through it, newest first — where the search read every case of the caller's scope.
CREATE INDEX kase_subject_idx ON kase (subject, id DESC);
