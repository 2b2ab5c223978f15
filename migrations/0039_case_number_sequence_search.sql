-- 办件查询 by the digits a clerk reads off a receipt: the sequence part of a case number (after the region, the
-- channel and the date, from the 16th character on), typed with or without its leading zeros, finds the case through
-- an index of its own rather than by reading every case. Text, so that a number of another shape indexes as well.
CREATE INDEX kase_number_sequence_idx ON kase ((ltrim(substr(number, 16), '0')));
