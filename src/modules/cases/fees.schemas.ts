import { Type, type Static } from 'typebox';
import { Nullable } from '../../server/schemas.ts';

/** The response schemas of a case's fees (GET /cases/{id}/fees, and what the window's fee actions answer). */

const Stage = Type.Union([Type.Literal('acceptance'), Type.Literal('decision')]);

/** A fee as the item version's schedule names it: a line made of it, and a fee still to be charged, share these. */
const Scheduled = {
  /** the fee's place in the item version's fee schedule (its line's `fee_index`) */
  feeIndex: Type.Integer(),
  name: Type.String(),
  standard: Type.String(),
  basis: Type.String(),
  reducible: Type.Boolean(),
  chargeAt: Stage,
};

const FeeLine = Type.Object({
  id: Type.Integer(),
  ...Scheduled,
  standardCents: Nullable(Type.Integer()),
  /** null: to be assessed by the window (核定) */
  amountCents: Nullable(Type.Integer()),
  status: Type.Union([Type.Literal('unpaid'), Type.Literal('paid'), Type.Literal('waived'), Type.Literal('refunded')]),
  adjustment: Nullable(Type.Union([Type.Literal('assessed'), Type.Literal('reduced'), Type.Literal('waived')])),
  adjustmentReason: Nullable(Type.String()),
  paidAt: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
});

const Bill = {
  status: Type.Union([Type.Literal('issued'), Type.Literal('failed')]),
  billCode: Nullable(Type.String()),
  billNumber: Nullable(Type.String()),
  checkCode: Nullable(Type.String()),
  issuedAt: Nullable(Type.String()),
  documentId: Nullable(Type.Integer()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
};

/** 财政电子票据 of a payment, with the red bill (红冲) reversing it once its fee was refunded. */
const FiscalBill = Type.Object({ ...Bill, reversal: Nullable(Type.Object(Bill)) });

const Payment = Type.Object({
  id: Type.Integer(),
  feeId: Type.Integer(),
  method: Type.Union([Type.Literal('cash'), Type.Literal('card'), Type.Literal('online')]),
  provider: Nullable(Type.String()),
  reference: Type.String(),
  amountCents: Type.Integer(),
  /** a card payment at the window: the POS slip's reference number (参考号) */
  posReference: Nullable(Type.String()),
  /** cash at the window: the amount handed over (the change is the rest) */
  tenderedCents: Nullable(Type.Integer()),
  /** an online payment stays `pending` until its provider confirms it, even once its line was settled otherwise */
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('superseded'), Type.Literal('refunded')]),
  statusReason: Nullable(Type.String()),
  createdAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  refundedAt: Nullable(Type.String()),
  refundReason: Nullable(Type.String()),
  refundTransaction: Nullable(Type.String()),
  version: Type.Integer(),
  receiptDocumentId: Nullable(Type.Integer()),
  fiscalBill: Nullable(FiscalBill),
});

/** A fee of the case's item version it has no line for yet, and when it will be charged (将收取的费用). */
export const ExpectedFee = Type.Object({
  ...Scheduled,
  /** the standard amount; null: the window assesses it then */
  amountCents: Nullable(Type.Integer()),
});
export type ExpectedFee = Static<typeof ExpectedFee>;

export const CaseFees = Type.Object({
  caseId: Type.Integer(),
  onlinePayment: Type.Boolean(),
  /** whether payments are billed by a fiscal e-bill platform */
  fiscalBills: Type.Boolean(),
  /** 退费: the service was not rendered (withdrawn, refused, denied): what was paid may be given back */
  refundable: Type.Boolean(),
  lines: Type.Array(FeeLine),
  payments: Type.Array(Payment),
  totals: Type.Object({
    dueCents: Type.Integer(),
    paidCents: Type.Integer(),
    refundedCents: Type.Integer(),
    unpaidCents: Type.Integer(),
    unassessed: Type.Integer(),
    settled: Type.Boolean(),
  }),
  expected: Type.Array(ExpectedFee),
});
