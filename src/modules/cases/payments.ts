import { createHmac, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../server/deps.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { derivedKey } from '../../server/crypto.ts';
import { requireRegion } from '../org/placement.ts';
import { requireAccess } from '../../server/access.ts';
import { caseScope, loadCase, recordCaseEvent, versionContent, type CaseRow } from './case-core.ts';
import { fiscalBillReversalRequested } from './fiscal-bills.ts';
import { settleLine } from './fees.ts';
import './fees.tables.ts';

/**
 * Online payment (网上缴费) through a payment provider. The applicant starts a payment of one fee
 * line and is sent to the provider's pay page; the provider confirms by a signed callback, which
 * settles the line exactly once. A payment that came in for a line settled otherwise meanwhile is
 * recorded as superseded, and the window refunds it through the same provider (`refundPayment`).
 */

export interface StartedPayment {
  /** where the applicant pays */
  payUrl: string;
}

/** What a provider's callback says, once its signature is verified. */
export interface CallbackNotice {
  reference: string;
  transaction: string;
  status: 'succeeded' | 'failed';
  amountCents: number;
}

export interface PaymentProvider {
  readonly name: string;
  start(p: { reference: string; amountCents: number; description: string; returnUrl: string }): StartedPayment;
  /** Check the callback's signature and freshness; throw when it is not the provider's or too old. */
  verifyCallback(headers: Record<string, string | string[] | undefined>, rawBody: string, now?: number): CallbackNotice;
  /**
   * Give a payment's money back to where it came from (原路退回); answers the provider's refund transaction, or
   * throws when the provider refuses. Called inside the refund's transaction: a refusal changes nothing here.
   * `refundReference` names the refund (one per payment), and the provider refunds a reference once: should
   * the transaction fail after the provider refunded, the retry gets the same refund back, not a second one.
   */
  refund(p: { reference: string; refundReference: string; transaction: string | null; amountCents: number; reason: string }): Promise<{ transaction: string }>;
}

/** Callbacks older than this (or from the future beyond it) are refused: a captured callback cannot be replayed later. */
export const callbackToleranceSeconds = 300;

/**
 * The demo provider: its pay page is served by this server (`/api/v1/payments/demo/{reference}`) and
 * "pays" on a click; it then calls the callback with an HMAC-SHA256 signature over `t.body`, keyed
 * with a key derived from the platform secret: `X-Demo-Signature: t=<unix seconds>,v1=<hex>`.
 */
export class DemoPaymentProvider implements PaymentProvider {
  readonly name = 'demo';
  readonly #key: KeyObject;
  constructor(secret: Buffer) {
    this.#key = derivedKey(secret, 'onewindow/payments/demo');
  }
  start(p: { reference: string }): StartedPayment {
    return { payUrl: `/api/v1/payments/demo/${encodeURIComponent(p.reference)}` };
  }
  /** The demo provider refunds at once, to a transaction named after the refund (the same one for a retry). */
  async refund(p: { refundReference: string }): Promise<{ transaction: string }> {
    return { transaction: `DEMO${p.refundReference}` };
  }
  sign(rawBody: string, timestamp = Math.floor(Date.now() / 1000)): string {
    return `t=${timestamp},v1=${createHmac('sha256', this.#key).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  }
  verifyCallback(headers: Record<string, string | string[] | undefined>, rawBody: string, now = Date.now()): CallbackNotice {
    const header = headers['x-demo-signature'];
    const value = Array.isArray(header) ? header[0] : header;
    const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(value ?? '');
    if (!m) throw new AppError('FORBIDDEN', { reason: 'missing or malformed signature' });
    const t = Number(m[1]);
    const expected = createHmac('sha256', this.#key).update(`${t}.${rawBody}`).digest();
    const given = Buffer.from(m[2]!, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('FORBIDDEN', { reason: 'bad signature' });
    if (Math.abs(now / 1000 - t) > callbackToleranceSeconds) throw new AppError('FORBIDDEN', { reason: 'stale callback' });
    let body: Partial<CallbackNotice>;
    try {
      body = JSON.parse(rawBody) as Partial<CallbackNotice>;
    } catch {
      throw new AppError('VALIDATION_FAILED', { reason: 'the callback body is not JSON' });
    }
    if (
      typeof body.reference !== 'string' ||
      typeof body.transaction !== 'string' ||
      !Number.isInteger(body.amountCents) ||
      (body.status !== 'succeeded' && body.status !== 'failed')
    )
      throw new AppError('VALIDATION_FAILED', { reason: 'reference, transaction, amountCents and status are required' });
    return body as CallbackNotice;
  }
}

const providers = new WeakMap<Deps, Map<string, PaymentProvider>>();

/** The providers configured for this server: the demo provider outside production. */
export function paymentProviders(deps: Deps): Map<string, PaymentProvider> {
  let list = providers.get(deps);
  if (!list) {
    list = new Map();
    if (!deps.config.isProduction) list.set('demo', new DemoPaymentProvider(deps.config.secretKey));
    providers.set(deps, list);
  }
  return list;
}

/** The applicant (or their agent) starts paying one fee line online. */
export async function startOnlinePayment(ctx: WriteContext, deps: Deps, caseId: number, input: { feeId: number; provider?: string }) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const kase = await loadCase(ctx.tx, caseId);
  if (actor.kind !== 'applicant') throw new AppError('FORBIDDEN', { reason: 'the applicant pays online; the window records cash and card payments' });
  if (actor.applicantId !== kase.applicant_id && actor.applicantId !== kase.agent_applicant_id) throw new AppError('NOT_FOUND');
  const provider = paymentProviders(deps).get(input.provider ?? 'demo');
  if (!provider) throw new AppError('CONFLICT', { reason: 'no online payment provider is configured' });
  const content = await versionContent(ctx.tx, kase.item_version_id);
  if (!content.supportsOnlinePayment) throw new AppError('CONFLICT', { reason: 'this item is paid at the window' });
  const line = await ctx.tx.selectFrom('case_fee').selectAll().where('id', '=', input.feeId).where('case_id', '=', kase.id).executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', { feeId: input.feeId });
  if (line.status !== 'unpaid') throw new AppError('CONFLICT', { feeId: line.id, reason: `the fee line is already ${line.status}`, feeStatus: line.status });
  if (line.amount_cents === null) throw new AppError('CONFLICT', { feeId: line.id, reason: 'the window assesses the amount first' });
  const reference = `OW${randomBytes(16).toString('hex').toUpperCase()}`;
  const row = await ctx.tx
    .insertInto('case_payment')
    .values({
      case_id: kase.id,
      fee_id: line.id,
      method: 'online',
      provider: provider.name,
      reference,
      provider_transaction: null,
      amount_cents: line.amount_cents,
      status: 'pending',
      status_reason: null,
      started_by: actor.accountId,
      recorded_by: null,
      confirmed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const started = provider.start({
    reference,
    amountCents: line.amount_cents,
    description: `${kase.subject} · ${line.name}`,
    returnUrl: `/my/cases/${kase.id}?payment=${reference}`,
  });
  await ctx.audit({
    action: 'case.payment_started',
    targetType: 'case',
    targetId: kase.id,
    change: { feeId: line.id, paymentId: row.id, amountCents: line.amount_cents },
    scopePath: await caseScope(ctx.tx, kase.region_id),
  });
  return { paymentId: row.id, reference, amountCents: line.amount_cents, provider: provider.name, payUrl: started.payUrl };
}

/**
 * A provider's verified callback. Idempotent: a payment already succeeded (or otherwise final) is
 * left as it is. When the line was settled otherwise meanwhile (cash at the window, another online
 * payment), the payment is recorded as `superseded` — to be refunded — and the line stays as it was.
 */
export async function applyCallback(ctx: WriteContext, providerName: string, notice: CallbackNotice) {
  const payment = await ctx.tx
    .selectFrom('case_payment')
    .selectAll()
    .where('reference', '=', notice.reference)
    .where('provider', '=', providerName)
    .forUpdate()
    .executeTakeFirst();
  if (!payment) throw new AppError('NOT_FOUND', { reference: notice.reference });
  if (payment.status !== 'pending') return { reference: payment.reference, status: payment.status, replayed: true };
  if (notice.amountCents !== payment.amount_cents)
    throw new AppError('VALIDATION_FAILED', { field: 'amountCents', reason: 'the amount differs from the payment', amountCents: payment.amount_cents });
  const kase = await loadCase(ctx.tx, payment.case_id);
  if (notice.status === 'failed') {
    await ctx.tx
      .updateTable('case_payment')
      .set({ status: 'failed', provider_transaction: notice.transaction, status_reason: 'the provider reported a failure', version: sql`version + 1` })
      .where('id', '=', payment.id)
      .execute();
    await ctx.audit({
      action: 'case.payment_failed',
      targetType: 'case',
      targetId: kase.id,
      change: { paymentId: payment.id },
      scopePath: await caseScope(ctx.tx, kase.region_id),
    });
    return { reference: payment.reference, status: 'failed', replayed: false };
  }
  const line = await ctx.tx.selectFrom('case_fee').selectAll().where('id', '=', payment.fee_id).forUpdate().executeTakeFirstOrThrow();
  if (line.status !== 'unpaid' || line.amount_cents !== payment.amount_cents) {
    await ctx.tx
      .updateTable('case_payment')
      .set({
        status: 'superseded',
        provider_transaction: notice.transaction,
        confirmed_at: new Date(),
        status_reason: line.status !== 'unpaid' ? `the fee line was already ${line.status}: to be refunded` : 'the amount due changed: to be refunded',
        version: sql`version + 1`,
      })
      .where('id', '=', payment.id)
      .execute();
    await ctx.audit({
      action: 'case.payment_superseded',
      targetType: 'case',
      targetId: kase.id,
      change: { paymentId: payment.id, feeStatus: line.status },
      scopePath: await caseScope(ctx.tx, kase.region_id),
    });
    return { reference: payment.reference, status: 'superseded', replayed: false };
  }
  await settleLine(ctx, kase, line, {
    method: 'online',
    paymentId: payment.id,
    provider: providerName,
    transaction: notice.transaction,
    reference: payment.reference,
  });
  return { reference: payment.reference, status: 'succeeded', replayed: false };
}

/**
 * The window refunds a payment, once (a second refund is a 409), by window staff of the case's region:
 * - a duplicate online payment (one recorded as superseded: its line was settled otherwise meanwhile), through the
 *   provider that took it; the applicant is told (`case.payment_refunded`);
 * - 退费: the payment that settled a line, when the service it paid for was not rendered — the application withdrawn
 *   or refused, or the permit denied (409 otherwise). An online payment goes back through its provider, cash or card
 *   is handed back at the window (recorded as such); the line becomes `refunded`, the case records `fee_refunded`
 *   (the applicant is told), and the payment's fiscal e-bill, if it was issued, is reversed by the platform (红冲,
 *   `fiscal.bill_reversal_requested`); one not issued yet is not issued any more.
 */
export async function refundPayment(ctx: WriteContext, deps: Deps, caseId: number, input: { paymentId: number; reason: string; expectedVersion?: number }) {
  const kase = await loadCase(ctx.tx, caseId);
  requireAccess(ctx.actor, 'case.intake', { regionPath: (await requireRegion(ctx.tx, kase.region_id)).path });
  const payment = await ctx.tx
    .selectFrom('case_payment as p')
    .innerJoin('case_fee as f', 'f.id', 'p.fee_id')
    .selectAll('p')
    .select('f.name as fee_name')
    .where('p.id', '=', input.paymentId)
    .where('p.case_id', '=', kase.id)
    .forUpdate('p')
    .executeTakeFirst();
  if (!payment) throw new AppError('NOT_FOUND', { paymentId: input.paymentId });
  if (input.expectedVersion !== undefined && input.expectedVersion !== payment.version)
    throw new AppError('CONFLICT', { paymentId: payment.id, expectedVersion: input.expectedVersion, version: payment.version });
  if (payment.status === 'succeeded') return refundLine(ctx, deps, kase, payment, input.reason);
  if (payment.status !== 'superseded')
    throw new AppError('CONFLICT', {
      paymentId: payment.id,
      reason: `only a duplicate payment, or one for a service not rendered, is refunded; this one is ${payment.status}`,
      paymentStatus: payment.status,
    });
  await markRefunded(ctx, payment.id, await refundThroughProvider(deps, payment, input.reason), input.reason);
  await recordCaseEvent(ctx, kase, 'payment_refunded', {
    paymentId: payment.id,
    feeId: payment.fee_id,
    name: payment.fee_name,
    amountCents: payment.amount_cents,
    reason: input.reason,
  });
}

type RefundedPayment = { id: number; provider: string | null; reference: string; provider_transaction: string | null; amount_cents: number };

/**
 * Give a payment's money back through the provider that took it (原路退回): answers the provider's refund transaction.
 * The refund is named after the payment, so a retry after a transaction that failed gets the same refund back.
 */
async function refundThroughProvider(deps: Deps, payment: RefundedPayment, reason: string): Promise<string> {
  const provider = payment.provider ? paymentProviders(deps).get(payment.provider) : undefined;
  if (!provider) throw new AppError('CONFLICT', { paymentId: payment.id, reason: `the payment provider ${payment.provider ?? ''} is not configured` });
  const refunded = await provider.refund({
    reference: payment.reference,
    refundReference: `R${payment.reference}`,
    transaction: payment.provider_transaction,
    amountCents: payment.amount_cents,
    reason,
  });
  return refunded.transaction;
}

/** The payment given back: its refund transaction, the reason, who and when. */
async function markRefunded(ctx: WriteContext, paymentId: number, transaction: string, reason: string) {
  await ctx.tx
    .updateTable('case_payment')
    .set({
      status: 'refunded',
      refund_transaction: transaction,
      refund_reason: reason,
      refunded_by: ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null,
      refunded_at: sql<Date>`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', paymentId)
    .execute();
}

/** Whether a case's fees paid for nothing: the application withdrawn or refused, or the permit denied. */
export const serviceNotRendered = (kase: Pick<CaseRow, 'status' | 'decision'>) =>
  kase.status === 'withdrawn' || kase.status === 'refused' || kase.decision === 'denied';

/** 退费: the payment that settled a line, given back (see `refundPayment`). */
async function refundLine(
  ctx: WriteContext,
  deps: Deps,
  kase: CaseRow,
  payment: {
    id: number;
    fee_id: number;
    fee_name: string;
    method: string;
    provider: string | null;
    reference: string;
    provider_transaction: string | null;
    amount_cents: number;
  },
  reason: string,
) {
  if (!serviceNotRendered(kase))
    throw new AppError('CONFLICT', {
      paymentId: payment.id,
      reason: 'a fee is refunded when the service it paid for was not rendered: the application withdrawn or refused, or the permit denied',
      status: kase.status,
      decision: kase.decision,
    });
  // online: back through its provider; cash or card: handed back at the window, on the window's own record
  const transaction = payment.method === 'online' ? await refundThroughProvider(deps, payment, reason) : `W-R${payment.reference}`;
  await markRefunded(ctx, payment.id, transaction, reason);
  await ctx.tx
    .updateTable('case_fee')
    .set({ status: 'refunded', version: sql`version + 1` })
    .where('id', '=', payment.fee_id)
    .execute();
  await recordCaseEvent(ctx, kase, 'fee_refunded', {
    paymentId: payment.id,
    feeId: payment.fee_id,
    name: payment.fee_name,
    amountCents: payment.amount_cents,
    method: payment.method,
    reason,
  });
  // 红冲: the bill issued for it is reversed by the platform, after this commits
  const billed = await ctx.tx.selectFrom('fiscal_bill').select('status').where('payment_id', '=', payment.id).executeTakeFirst();
  if (billed?.status === 'issued')
    await ctx.emit({ type: fiscalBillReversalRequested, streamType: 'case', streamId: kase.id, payload: { caseId: kase.id, paymentId: payment.id, reason } });
}

/** What the demo pay page shows. */
export async function demoPayment(deps: Deps, reference: string) {
  const row = await deps.db
    .selectFrom('case_payment as p')
    .innerJoin('case_fee as f', 'f.id', 'p.fee_id')
    .innerJoin('kase as k', 'k.id', 'p.case_id')
    .select(['p.reference', 'p.amount_cents', 'p.status', 'p.case_id', 'f.name as fee', 'k.subject', 'k.number'])
    .where('p.reference', '=', reference)
    .where('p.provider', '=', 'demo')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
