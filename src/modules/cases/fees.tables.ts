import type { Generated } from 'kysely';
import type { DocumentKind } from '../../common/documents.ts';
import type { LicenseCancelGround } from '../../common/licenses.ts';

export type FeeStage = 'acceptance' | 'decision';
export type FeeStatus = 'unpaid' | 'paid' | 'waived' | 'refunded';

export interface CaseFeeTable {
  id: Generated<number>;
  case_id: number;
  fee_index: number;
  name: string;
  standard: string;
  basis: Generated<string>;
  reducible: boolean;
  charge_at: FeeStage;
  standard_cents: number | null;
  amount_cents: number | null;
  status: FeeStatus;
  adjustment: 'assessed' | 'reduced' | 'waived' | null;
  adjustment_reason: string | null;
  adjusted_by: number | null;
  paid_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export type PaymentMethod = 'cash' | 'card' | 'online';
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'superseded' | 'refunded';

export interface CasePaymentTable {
  id: Generated<number>;
  case_id: number;
  fee_id: number;
  method: PaymentMethod;
  provider: string | null;
  reference: string;
  provider_transaction: string | null;
  amount_cents: number;
  status: PaymentStatus;
  status_reason: string | null;
  started_by: number | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
  /** a duplicate payment given back: the provider's refund transaction, why, who and when */
  refund_transaction: Generated<string | null>;
  /** a card payment at the window: the POS terminal's reference number (参考号) from its slip */
  pos_reference: Generated<string | null>;
  /** cash at the window: the amount handed over (the change is the rest) */
  tendered_cents: Generated<number | null>;
  refund_reason: Generated<string | null>;
  refunded_by: Generated<number | null>;
  refunded_at: Generated<Date | null>;
  version: Generated<number>;
}

export type { DocumentKind };

export interface CaseDocumentTable {
  id: Generated<number>;
  case_id: number;
  kind: DocumentKind;
  number: string;
  title: string;
  content: unknown;
  payment_id: number | null;
  file_id: number | null;
  sha256: string | null;
  issued_by: number | null;
  created_at: Generated<Date>;
  rendered_at: Date | null;
  /** a license's last day of validity (null: valid without end, 长期有效; other documents: null) */
  valid_until: Generated<string | null>;
  /** when a renewal's license replaced this license (延续) */
  superseded_at: Generated<Date | null>;
  /** 注销 (art. 70): when the issuing department cancelled the license, on which ground, with what note, by whom */
  cancelled_at: Generated<Date | null>;
  cancel_ground: Generated<LicenseCancelGround | null>;
  cancel_note: Generated<string | null>;
  cancelled_by: Generated<number | null>;
  /** a license's holder (持证主体): its case's applicant, or the enterprise its grant registered (企业设立登记); other documents: null */
  holder_id: Generated<number | null>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    case_fee: CaseFeeTable;
    case_payment: CasePaymentTable;
    case_document: CaseDocumentTable;
  }
}
