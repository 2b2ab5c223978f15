import type { Generated } from 'kysely';
import type { DeliveryMethod } from '../../common/delivery.ts';
import type { LicenseAction } from '../../common/licenses.ts';

export type CaseStatus = 'submitted' | 'notified' | 'in_progress' | 'awaiting_supplement' | 'decided' | 'concluded' | 'delivered' | 'refused' | 'withdrawn';
export type Channel = 'window' | 'online' | 'mobile' | 'terminal' | 'post';
export type { DeliveryMethod };

export interface KaseTable {
  id: Generated<number>;
  number: string;
  /** null on a bundle's parent case, which has no item of its own */
  item_id: number | null;
  item_version_id: number | null;
  organization_id: number;
  region_id: number;
  applicant_id: number;
  agent_applicant_id: number | null;
  submitted_by: number | null;
  channel: Channel;
  case_kind: 'immediate' | 'committed';
  is_joint: Generated<boolean>;
  is_reported_up: Generated<boolean>;
  is_urgent: Generated<boolean>;
  status: CaseStatus;
  node_index: Generated<number>;
  form_enc: string;
  subject: string;
  received_at: Date;
  notice_due_at: Date;
  accepted_at: Date | null;
  decided_at: Date | null;
  decision: 'granted' | 'denied' | null;
  decision_note: string | null;
  concluded_at: Date | null;
  delivered_at: Date | null;
  delivery: unknown;
  /** how the applicant asked to receive the result, one of the version's delivery methods (null: agreed at delivery) */
  delivery_choice: Generated<DeliveryMethod | null>;
  /** for a delivery by post: { recipient, phone, address } as encrypted JSON */
  delivery_address_enc: Generated<string | null>;
  refusal_reason: string | null;
  clock_id: number | null;
  /** 告知承诺制: applied by written commitment (review stages are not run; the grant is checked afterwards) */
  by_commitment: Generated<boolean>;
  /** when the grant was revoked (撤销) because the commitment proved false */
  revoked_at: Generated<Date | null>;
  /** 容缺受理: the day by which the materials accepted to follow are handed in (null once they all are) */
  tolerated_due_at: Generated<Date | null>;
  /** 补正期限: the day by which what a one-time notice or a supplement request asked is handed in (null: no period, or nothing asked) */
  supplement_due_at: Generated<Date | null>;
  /** 延续 / 变更: the license (its case_document) this application renews or changes, and which of the two */
  for_license_id: Generated<number | null>;
  license_action: Generated<LicenseAction | null>;
  /** a bundle application (一件事): set on the parent case */
  bundle_id: Generated<number | null>;
  /** the bundle's parent case, on each child case */
  parent_id: Generated<number | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseMaterialTable {
  id: Generated<number>;
  case_id: number;
  material_key: string;
  name: string;
  /** `tolerated`: accepted without it, to be handed in later (容缺后补) */
  status: 'provided' | 'missing' | 'from_license' | 'waived' | 'tolerated';
  reference: string | null;
  round: Generated<number>;
  note: string | null;
  created_at: Generated<Date>;
}

export type TaskState = 'open' | 'claimed' | 'done' | 'cancelled';
export type TaskOutcome = 'approved' | 'rejected' | 'returned' | 'supplement_requested';

export interface CaseTaskTable {
  id: Generated<number>;
  case_id: number;
  node_index: number;
  node_id: string;
  branch: number | null;
  step: Generated<number>;
  stage: string;
  name: string;
  assignee_role: 'clerk' | 'approver' | 'head';
  organization_id: number;
  assignee_account_id: number | null;
  state: TaskState;
  outcome: TaskOutcome | null;
  opinion: string | null;
  is_urgent: Generated<boolean>;
  due_at: Date | null;
  created_at: Generated<Date>;
  claimed_at: Date | null;
  completed_at: Date | null;
  completed_by: number | null;
  /** the stage's own work, or a co-signer (加签) added by whoever held the task */
  kind: Generated<'work' | 'cosign'>;
  /** handed to a colleague (交办): comes back to this account when they answer */
  delegated_by: Generated<number | null>;
  added_by: Generated<number | null>;
  urged_count: Generated<number>;
  last_urged_at: Generated<Date | null>;
  version: Generated<number>;
}

export interface CaseExtensionRequestTable {
  id: Generated<number>;
  case_id: number;
  task_id: number;
  organization_id: number;
  requested_by: number;
  days: number;
  reason: string;
  state: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Generated<Date>;
}

export interface CaseWatcherTable {
  case_id: number;
  account_id: number;
  added_by: number | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  seq: number;
  type: string;
  actor_id: number | null;
  actor_name: string | null;
  task_id: number | null;
  payload: Generated<unknown>;
  at: Generated<Date>;
}

/** 事后核查: the on-site check after a grant by commitment (告知承诺制), owed by the deciding department. */
export interface CommitmentCheckTable {
  case_id: number;
  organization_id: number;
  due_at: Date;
  state: Generated<'pending' | 'kept' | 'broken'>;
  opinion: string | null;
  checked_by: number | null;
  checked_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    kase: KaseTable;
    commitment_check: CommitmentCheckTable;
    case_material: CaseMaterialTable;
    case_task: CaseTaskTable;
    case_event: CaseEventTable;
    case_extension_request: CaseExtensionRequestTable;
    case_watcher: CaseWatcherTable;
  }
}
