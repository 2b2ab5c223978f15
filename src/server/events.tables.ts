import type { Generated } from 'kysely';

export interface DomainEventTable {
  id: Generated<number>;
  type: string;
  stream_type: string;
  stream_id: string;
  payload: unknown;
  actor_id: number | null;
  request_id: string | null;
  at: Generated<Date>;
  /** Delivery to the consumers (the outbox): pending while null, tried again from `available_at`. */
  processed_at: Date | null;
  available_at: Generated<Date>;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface IdempotencyKeyTable {
  owner: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response: unknown;
  created_at: Generated<Date>;
}

export interface SystemStateTable {
  key: string;
  value: unknown;
  updated_at: Generated<Date>;
}

declare module './db/database.ts' {
  interface Database {
    domain_event: DomainEventTable;
    idempotency_key: IdempotencyKeyTable;
    system_state: SystemStateTable;
  }
}
