-- 暂存: an online application saved unfinished by the account filling it in, to continue later. Its content is the
-- page's own state (form values, materials chosen, how the result comes), encrypted: it holds ID numbers, phones and
-- addresses. It names the item or the bundle applied for, by the item (its published version may change meanwhile).
-- Kept 30 days after its last save (`expires_at`), then purged; the application filed from it removes it.
CREATE TABLE application_draft (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id),
  item_id bigint REFERENCES item (id),
  bundle_id bigint REFERENCES bundle (id),
  content_enc text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CONSTRAINT application_draft_item_or_bundle CHECK ((item_id IS NULL) <> (bundle_id IS NULL))
);
CREATE INDEX application_draft_account_idx ON application_draft (account_id, updated_at DESC);
CREATE INDEX application_draft_expires_idx ON application_draft (expires_at);
