-- The window finds an applicant by part of their name (the applicant picker, 办件查询), and a city registers
-- millions of them: a trigram index serves a part of three characters or more (a full Chinese name mostly is) where
-- the search read every applicant. Applicants are registered once and seldom change, so it costs writes little.
-- (A part of one or two characters has no trigram to look up and still reads the names.)
CREATE INDEX applicant_name_trgm_idx ON applicant USING gin (name gin_trgm_ops);
