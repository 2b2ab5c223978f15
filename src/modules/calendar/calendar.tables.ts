import type { Generated } from 'kysely';

export interface CalendarTable {
  id: Generated<number>;
  region_id: number | null;
  name: string;
  time_zone: Generated<string>;
  utc_offset_minutes: Generated<number>;
  office_hours: Generated<[number, number][]>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface CalendarDayTable {
  calendar_id: number;
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
}

export type ClockUnit = 'workday' | 'day' | 'workhour';

export interface ClockTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: string;
  region_id: number | null;
  started_at: Date;
  state: Generated<'running' | 'paused' | 'stopped'>;
  committed_limit: number | null;
  committed_unit: ClockUnit | null;
  committed_due_at: Date | null;
  legal_limit: number | null;
  legal_unit: ClockUnit | null;
  legal_due_at: Date | null;
  next_attention_at: Date | null;
  /** The yellow moment: the earliest moment a limit enters the warning zone (clock_warning_policy). */
  warn_at: Date | null;
  warn_before_minutes: Generated<number>;
  stopped_at: Date | null;
  is_overdue: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type PauseReason = 'supplement' | 'hearing' | 'inspection' | 'expert_review' | 'appraisal' | 'tender' | 'registration' | 'other';

export interface ClockPauseTable {
  id: Generated<number>;
  clock_id: number;
  reason: PauseReason;
  note: string | null;
  actor_id: number | null;
  started_at: Date;
  ended_at: Date | null;
  ended_by: number | null;
}

export interface ClockExtensionTable {
  id: Generated<number>;
  clock_id: number;
  applies_to: 'committed' | 'legal' | 'both';
  amount: number;
  reason: string;
  approved_by: number;
  at: Generated<Date>;
}

export interface ClockChangeTable {
  id: Generated<number>;
  clock_id: number;
  kind: string;
  committed_due_before: Date | null;
  committed_due_after: Date | null;
  legal_due_before: Date | null;
  legal_due_after: Date | null;
  note: string | null;
  at: Generated<Date>;
}

/** 预警阈值: the one row of warning thresholds every clock's yellow moment follows. */
export interface ClockWarningPolicyTable {
  id: Generated<number>;
  workdays_left: number;
  used_percent: number;
  remark_after_id: number | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    clock_warning_policy: ClockWarningPolicyTable;
    calendar: CalendarTable;
    calendar_day: CalendarDayTable;
    clock: ClockTable;
    clock_pause: ClockPauseTable;
    clock_extension: ClockExtensionTable;
    clock_change: ClockChangeTable;
  }
}
