-- The service item catalog (事项目录 / 实施清单): items with immutable published versions, delegation
-- down the levels, bundles, and search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE item (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- 实施编码: the implementing organization's credit code + the 12-digit base code
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z-]{6,60}$'),
  base_code text NOT NULL CHECK (base_code ~ '^[0-9]{12}$'),
  organization_id bigint NOT NULL REFERENCES organization (id),
  region_id bigint NOT NULL REFERENCES region (id),
  -- 下放: the item at the upper level whose unified standard this one implements
  parent_item_id bigint REFERENCES item (id),
  -- local parts a delegated item sets itself (place, hours, phones)
  local jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
  published_version_id bigint,
  cancelled_at timestamptz,
  cancel_reason text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, base_code)
);
CREATE INDEX item_parent_idx ON item (parent_item_id);
CREATE INDEX item_org_idx ON item (organization_id);

CREATE TABLE item_version (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES item (id),
  number int NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'superseded', 'cancelled')),
  content jsonb NOT NULL,
  -- copied out of content for lists, filters and ranking
  name text NOT NULL,
  type text NOT NULL,
  case_kind text NOT NULL CHECK (case_kind IN ('immediate', 'committed')),
  audience text[] NOT NULL,
  themes text[] NOT NULL,
  search_tsv tsvector,
  created_by bigint,
  submitted_by bigint,
  submitted_at timestamptz,
  reviewed_by bigint,
  reviewed_at timestamptz,
  review_note text,
  published_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, number)
);
-- at most one version being worked on (draft or in review) per item
CREATE UNIQUE INDEX item_version_open_idx ON item_version (item_id) WHERE state IN ('draft', 'in_review');
CREATE UNIQUE INDEX item_version_published_idx ON item_version (item_id) WHERE state = 'published';
CREATE INDEX item_version_tsv_idx ON item_version USING gin (search_tsv) WHERE state = 'published';
CREATE INDEX item_version_name_trgm_idx ON item_version USING gin (name gin_trgm_ops) WHERE state = 'published';
CREATE INDEX item_version_themes_idx ON item_version USING gin (themes) WHERE state = 'published';

ALTER TABLE item ADD CONSTRAINT item_published_version_fk FOREIGN KEY (published_version_id) REFERENCES item_version (id);

-- 一件事一次办
CREATE TABLE bundle (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z-]{3,60}$'),
  organization_id bigint NOT NULL REFERENCES organization (id),
  region_id bigint NOT NULL REFERENCES region (id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'cancelled')),
  content jsonb NOT NULL,
  name text NOT NULL,
  search_tsv tsvector,
  published_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bundle_name_trgm_idx ON bundle USING gin (name gin_trgm_ops);
