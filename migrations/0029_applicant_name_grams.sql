-- The window finds an applicant by part of their name (the applicant picker, 办件查询), and a city registers
-- millions of them; the search read every name. A Chinese name is two to four characters, and people search by one
-- or two of them (the given name, the surname and one more), which a trigram index cannot look up. So each name
-- keeps its single characters and pairs of characters (`name_grams`), indexed: a search for part of a name looks
-- up the part's pairs (or the character, for one) and then checks the names found (LIKE). Applicants are registered
-- once and seldom change, so the index costs writes little.
CREATE FUNCTION name_grams(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(name, i, 1) AS g FROM generate_series(1, length(name)) AS i
    UNION ALL
    SELECT substr(name, i, 2) FROM generate_series(1, length(name) - 1) AS i
  ) AS grams
$$;
ALTER TABLE applicant ADD COLUMN name_grams text[] GENERATED ALWAYS AS (name_grams(name)) STORED;
CREATE INDEX applicant_name_grams_idx ON applicant USING gin (name_grams);
