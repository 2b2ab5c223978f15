-- A case's materials are read by case and found by (case, material, round): that is their primary key now.
-- The identity column stays, for the order they were handed in, without an index of its own: an
-- application's seven or eight material rows each took one more index entry than anything looks them up by.
ALTER TABLE case_material
  DROP CONSTRAINT case_material_pkey,
  DROP CONSTRAINT case_material_case_id_material_key_round_key,
  ADD CONSTRAINT case_material_pkey PRIMARY KEY (case_id, material_key, round);
