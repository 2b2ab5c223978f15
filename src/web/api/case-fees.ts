import type { DocumentKind } from '../../common/documents.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** Fees, payments and documents of a case (GET/POST /api/v1/cases/{id}/fees, /payments, /documents). */

export type FeeStatus = 'unpaid' | 'paid' | 'waived' | 'refunded';
/** A fee as the item version's schedule names it. */
interface ScheduledFee {
  /** the fee's place in the item version's fee schedule */
  feeIndex: number;
  name: string;
  standard: string;
  basis: string;
  reducible: boolean;
  chargeAt: 'acceptance' | 'decision';
}
export interface FeeLine extends ScheduledFee {
  id: number;
  standardCents: number | null;
  amountCents: number | null;
  status: FeeStatus;
  adjustment: 'assessed' | 'reduced' | 'waived' | null;
  adjustmentReason: string | null;
  paidAt: string | null;
  version: number;
}
export interface Payment {
  id: number;
  feeId: number;
  method: 'cash' | 'card' | 'online';
  provider: string | null;
  reference: string;
  amountCents: number;
  /** a card payment at the window: the POS slip's reference number (参考号) */
  posReference: string | null;
  /** cash at the window: the amount handed over (the change is the rest) */
  tenderedCents: number | null;
  status: 'pending' | 'succeeded' | 'failed' | 'superseded' | 'refunded';
  statusReason: string | null;
  createdAt: string;
  confirmedAt: string | null;
  refundedAt: string | null;
  refundReason: string | null;
  refundTransaction: string | null;
  version: number;
  receiptDocumentId: number | null;
  /** 财政电子票据: issued by the platform, or owed while it has not answered (`failed`); null before it is asked */
  fiscalBill: FiscalBill | null;
}
export interface FiscalBill {
  status: 'issued' | 'failed';
  billCode: string | null;
  billNumber: string | null;
  checkCode: string | null;
  issuedAt: string | null;
  documentId: number | null;
  attempts: number;
  lastError: string | null;
  /** 红冲: the red bill reversing it once its fee was refunded */
  reversal?: Omit<FiscalBill, 'reversal'> | null;
}
/** A fee of the case's item version still to be charged: at acceptance, or once granted (将收取的费用). */
export interface ExpectedFee extends ScheduledFee {
  /** the standard amount; null: the window assesses it then */
  amountCents: number | null;
}
export interface CaseFees {
  caseId: number;
  onlinePayment: boolean;
  /** whether payments are billed by a fiscal e-bill platform (then each succeeded payment's bill is on its way until it is in) */
  fiscalBills: boolean;
  /** 退费: the service was not rendered (withdrawn, refused, denied): the window may give back what was paid */
  refundable: boolean;
  lines: FeeLine[];
  payments: Payment[];
  totals: { dueCents: number; paidCents: number; refundedCents: number; unpaidCents: number; unassessed: number; settled: boolean };
  /** the fees of the item version with no line yet, still to be charged */
  expected: ExpectedFee[];
}
export type { DocumentKind };
export interface CaseDocument {
  id: number;
  kind: DocumentKind;
  number: string;
  title: string;
  paymentId: number | null;
  sha256: string | null;
  size: number | null;
  createdAt: string;
  renderedAt: string | null;
  /** a license's last day of validity (YYYY-MM-DD); null: without end, or not a license */
  validUntil?: string | null;
  /** when a renewal's license replaced this license (延续换发) */
  supersededAt?: string | null;
  /** a license cancelled by the department that issued it (注销) */
  cancelledAt?: string | null;
  /** a license whose grant was revoked (撤销: the commitment found false) */
  revokedAt?: string | null;
  /** null: a result withheld from the applicant (`withheld` says what it waits for) */
  url: string | null;
  /** to the applicant: a result given once what its delivery waits for is done — materials accepted to follow, or fees */
  withheld?: 'materials_to_follow' | 'fees_unpaid';
  /** on a bundle application's list: the item case whose result this is */
  ofCase?: { id: number; number: string; subject: string };
}

export type FeeAction =
  | { action: 'assess'; feeId: number; amountCents: number; reason?: string | null }
  | { action: 'reduce'; feeId: number; amountCents: number; reason: string }
  | { action: 'waive'; feeId: number; reason: string }
  | { action: 'pay'; feeId: number; method: 'cash' | 'card'; amountCents: number }
  | { action: 'refund'; paymentId: number; reason: string; expectedVersion: number }
  /** 重新开具: ask the fiscal e-bill platform now for the bill (or red bill) it owes */
  | { action: 'bill'; paymentId: number };

export const feeKeys = {
  fees: (id: number) => ['cases', 'fees', id] as const,
  documents: (id: number) => ['cases', 'documents', id] as const,
};

/**
 * An online payment started and never completed whose line was settled since (paid by another attempt or at the window,
 * waived, refunded): abandoned (已放弃). The server keeps it `pending`, as it may still be confirmed — a provider that
 * does so late has the payment recorded as a duplicate, to be refunded (`superseded`).
 */
export const paymentAbandoned = (fees: Pick<CaseFees, 'lines'>, p: Payment) => {
  const line = fees.lines.find((l) => l.id === p.feeId);
  return p.status === 'pending' && line !== undefined && line.status !== 'unpaid';
};
/** A succeeded payment whose fiscal e-bill is not in yet (asked for after the payment commits, or owed while the platform is down). */
export const billOwed = (fees: CaseFees, p: Payment) => fees.fiscalBills && p.status === 'succeeded' && p.fiscalBill?.status !== 'issued';
/** A refunded payment whose issued bill is not reversed yet (红冲 on its way, or owed while the platform is down). */
export const reversalOwed = (fees: CaseFees, p: Payment) =>
  fees.fiscalBills && p.status === 'refunded' && p.fiscalBill?.status === 'issued' && p.fiscalBill.reversal?.status !== 'issued';

export function useCaseFees(id: number, enabled = true) {
  return useQuery({
    queryKey: feeKeys.fees(id),
    queryFn: () => api.get<CaseFees>(`/cases/${id}/fees`),
    enabled: enabled && id > 0,
    // a bill on its way comes in within moments; one the platform owes is asked again by the server, looked for less often
    refetchInterval: (q) => {
      const fees = q.state.data;
      const owed = fees?.payments.filter((p) => billOwed(fees, p) || reversalOwed(fees, p)) ?? [];
      if (owed.length === 0) return false;
      return owed.some((p) => p.fiscalBill?.status === 'failed' || p.fiscalBill?.reversal?.status === 'failed') ? 30_000 : 2_000;
    },
  });
}

export function useCaseDocuments(id: number, enabled = true) {
  return useQuery({
    queryKey: feeKeys.documents(id),
    queryFn: () => api.get<{ items: CaseDocument[]; total: number }>(`/cases/${id}/documents`),
    enabled: enabled && id > 0,
  });
}

/** After a fee action or payment the case's timeline, fees and documents change: refresh all of the case. */
function useRefreshCase(id: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'cases' && (q.queryKey[2] === id || q.queryKey[1] === 'list') });
}

export function useFeeAction(id: number) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase(id);
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: FeeAction; key: string }) => api.post<CaseFees>(`/cases/${id}/fees/actions`, body, { idempotencyKey: key }),
    onSuccess: (fees) => {
      queryClient.setQueryData(feeKeys.fees(id), fees);
      return refresh();
    },
  });
}

export function useStartPayment(id: number) {
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ feeId, key }: { feeId: number; key: string }) =>
      api.post<{ paymentId: number; reference: string; amountCents: number; provider: string; payUrl: string }>(
        `/cases/${id}/payments`,
        { feeId },
        { idempotencyKey: key },
      ),
  });
}

/** ¥80.00 */
export const yuan = (cents: number | null) => (cents === null ? '—' : `¥${(cents / 100).toFixed(2)}`);
