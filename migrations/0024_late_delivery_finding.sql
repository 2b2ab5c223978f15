-- 电子监察: a result delivered after the ten working days 行政许可法 art. 44 gives from the decision is a
-- suspicious pattern too (`late_delivery`). The finding's kind becomes a domain with the new value, as the case
-- tables' lists did (0022): the column changes to a domain without a constraint first, then the domain gets its
-- list, checked against the rows there are, and the table's own CHECK goes.
CREATE DOMAIN finding_kind AS text;
ALTER TABLE supervision_finding ALTER COLUMN kind TYPE finding_kind;
ALTER DOMAIN finding_kind ADD CONSTRAINT finding_kind_check
  CHECK (VALUE IN ('paused_often', 'immediate_extended', 'late_acceptance', 'late_delivery'));
ALTER TABLE supervision_finding DROP CONSTRAINT supervision_finding_kind_check;
