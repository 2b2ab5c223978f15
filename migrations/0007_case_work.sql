-- Case work beyond the basic flow: bundles (一件事) as a parent case with one child case per item,
-- co-signers, delegation, urging, copies (抄送), extension requests and staff absence for A/B posts.

-- A bundle application is a parent case (no item of its own) whose children are ordinary cases.
ALTER TABLE kase ALTER COLUMN item_id DROP NOT NULL;
ALTER TABLE kase ALTER COLUMN item_version_id DROP NOT NULL;
ALTER TABLE kase ADD COLUMN bundle_id bigint REFERENCES bundle (id);
ALTER TABLE kase ADD COLUMN parent_id bigint REFERENCES kase (id);
ALTER TABLE kase ADD CONSTRAINT kase_item_or_bundle CHECK (
  (item_id IS NOT NULL AND item_version_id IS NOT NULL)
  OR (item_id IS NULL AND item_version_id IS NULL AND bundle_id IS NOT NULL AND parent_id IS NULL)
);
CREATE INDEX kase_parent_idx ON kase (parent_id) WHERE parent_id IS NOT NULL;

-- kind: the stage's own work, or a co-signer (加签) added by whoever holds it; delegated_by: the task
-- was handed to a colleague (交办) and comes back to this account when they answer.
ALTER TABLE case_task ADD COLUMN kind text NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'cosign'));
ALTER TABLE case_task ADD COLUMN delegated_by bigint REFERENCES account (id);
ALTER TABLE case_task ADD COLUMN added_by bigint REFERENCES account (id);
ALTER TABLE case_task ADD COLUMN urged_count int NOT NULL DEFAULT 0;
ALTER TABLE case_task ADD COLUMN last_urged_at timestamptz;

-- 延期申请: an approver asks, a department head of the task's organization decides.
CREATE TABLE case_extension_request (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES kase (id),
  task_id bigint NOT NULL REFERENCES case_task (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  requested_by bigint NOT NULL REFERENCES account (id),
  days int NOT NULL CHECK (days BETWEEN 1 AND 10),
  reason text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by bigint REFERENCES account (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- one pending request per case at a time
CREATE UNIQUE INDEX case_extension_request_pending_idx ON case_extension_request (case_id) WHERE state = 'pending';
CREATE INDEX case_extension_request_org_idx ON case_extension_request (organization_id) WHERE state = 'pending';

-- 抄送: staff who were sent a copy of the case may read it even outside their scope.
CREATE TABLE case_watcher (
  case_id bigint NOT NULL REFERENCES kase (id),
  account_id bigint NOT NULL REFERENCES account (id),
  added_by bigint REFERENCES account (id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, account_id)
);
CREATE INDEX case_watcher_account_idx ON case_watcher (account_id);

-- A/B posts (AB 岗): while the A post is away, the B post sees the A post's tasks.
ALTER TABLE account ADD COLUMN away_until timestamptz;
ALTER TABLE account ADD COLUMN away_reason text;
