-- 补正期限: the day by which the applicant hands in what a one-time notice (一次性告知) or a request for supplements
-- during review asked, from the item's supplement period; null when the item sets none or nothing is asked. When it
-- passes with nothing handed in, the application is deemed withdrawn (视为撤回申请) by the nightly sweep. The sweep
-- finds the cases waiting through kase_desk_idx (status), so the column needs no index of its own.
ALTER TABLE kase ADD COLUMN supplement_due_at timestamptz;
