import type { Generated } from 'kysely';

export type WarningLevel = 'yellow' | 'red';
export type OrderStatus = 'open' | 'replied' | 'closed' | 'escalated';
export type FindingKind = 'paused_often' | 'immediate_extended' | 'late_acceptance' | 'late_delivery' | 'late_commitment_check' | 'late_renewal';

/** An open task with a due time, watched by the sweep through `next_at`. */
export interface SupervisionTaskWatchTable {
  task_id: number;
  case_id: number;
  yellow_at: Date;
  red_at: Date;
  next_at: Date | null;
}

/** 预警: yellow (near) or red (passed), raised once per subject and level. */
export interface SupervisionWarningTable {
  id: Generated<number>;
  subject_type: 'clock' | 'task';
  subject_id: number;
  level: WarningLevel;
  case_id: number;
  task_id: number | null;
  organization_id: number;
  region_id: number;
  limit_kind: 'committed' | 'legal' | 'task';
  due_at: Date;
  crossed_at: Date;
  raised_at: Generated<Date>;
}

/** A suspicious pattern seen on a case. */
export interface SupervisionFindingTable {
  id: Generated<number>;
  case_id: number;
  kind: FindingKind;
  detail: Generated<unknown>;
  found_at: Generated<Date>;
}

/** 督办令: an order to the responsible department, answered by a deadline. */
export interface SupervisionOrderTable {
  id: Generated<number>;
  number: string;
  case_id: number;
  warning_id: number | null;
  organization_id: number;
  region_id: number;
  issued_by: number;
  request: string;
  reply_due_at: Date;
  status: OrderStatus;
  escalations: Generated<number>;
  closed_at: Date | null;
  closed_by: number | null;
  close_note: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SupervisionOrderEntryTable {
  id: Generated<number>;
  order_id: number;
  kind: 'issued' | 'replied' | 'escalated' | 'closed';
  account_id: number;
  text: string;
  reply_due_at: Date | null;
  at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    supervision_task_watch: SupervisionTaskWatchTable;
    supervision_warning: SupervisionWarningTable;
    supervision_finding: SupervisionFindingTable;
    supervision_order: SupervisionOrderTable;
    supervision_order_entry: SupervisionOrderEntryTable;
  }
}
