import type { Generated } from 'kysely';

export interface AuditEntryTable {
  id: Generated<number>;
  stream: string;
  seq: number;
  at: Date;
  actor_id: number | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string;
  request_id: string | null;
  change: unknown;
  digest: string;
  prev_hash: string;
  hash: string;
  scope_path: string | null;
}

export interface AuditSealTable {
  seq: number;
  entry_id: number;
  entry_hash: string;
  prev_hash: string;
  hash: string;
  sealed_at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    audit_entry: AuditEntryTable;
    audit_seal: AuditSealTable;
  }
}
