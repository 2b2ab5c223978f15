import type { Generated } from 'kysely';

export interface MessageTable {
  id: Generated<number>;
  account_id: number;
  event_id: number | null;
  kind: string;
  title: unknown;
  body: unknown;
  link: string | null;
  read_at: Date | null;
  created_at: Generated<Date>;
}

export interface ChannelDeliveryTable {
  id: Generated<number>;
  channel: 'sms' | 'email';
  event_id: number | null;
  account_id: number | null;
  /** an applicant without an account, reached by the phone number they gave */
  applicant_id: Generated<number | null>;
  recipient_mask: string;
  recipient_enc: string;
  body: string;
  status: 'recorded' | 'sent' | 'failed';
  created_at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    message: MessageTable;
    channel_delivery: ChannelDeliveryTable;
  }
}
