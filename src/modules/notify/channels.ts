import type { Tx } from '../../server/db/database.ts';
import type { FieldCipher } from '../../server/crypto.ts';
import { maskPhone } from '../../common/validators.ts';

export interface OutgoingMessage {
  eventId: number;
  /** the account told, or null for an applicant without one (then `applicantId`) */
  accountId: number | null;
  applicantId?: number | null;
  recipient: string;
  body: string;
}

/**
 * An outside channel (SMS, e-mail). Real gateways implement `send`; the recording channel used in
 * development and tests keeps every message in `channel_delivery` for the admin page instead.
 * Delivery is keyed by (event, channel, account) — or applicant, for applicants without an account — so a
 * retried event never sends twice.
 */
export interface Channel {
  readonly name: 'sms' | 'email';
  send(tx: Tx, message: OutgoingMessage): Promise<void>;
}

export function recordingChannel(name: 'sms' | 'email', cipher: FieldCipher): Channel {
  return {
    name,
    async send(tx, m) {
      await tx
        .insertInto('channel_delivery')
        .values({
          channel: name,
          event_id: m.eventId,
          account_id: m.accountId,
          applicant_id: m.accountId === null ? (m.applicantId ?? null) : null,
          recipient_mask: name === 'sms' ? maskPhone(m.recipient) : m.recipient.replace(/^(.).*(@.*)$/, '$1***$2'),
          recipient_enc: cipher.encrypt(m.recipient),
          body: m.body,
          status: 'recorded',
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
