-- A clock's pauses and extensions are read with the clock on every clock action and in the facts of
-- every concluded case: look them up by clock, not by scanning every pause and extension ever made.
CREATE INDEX clock_pause_clock_idx ON clock_pause (clock_id, id);
CREATE INDEX clock_extension_clock_idx ON clock_extension (clock_id, id);
