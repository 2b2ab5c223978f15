import { randomBytes } from 'node:crypto';
import { fiscalBillProvider, fiscalBillRequested, fiscalBillsOf } from './fiscal-bills.ts';
import { serviceNotRendered } from './payments.ts';
import { requireRegion } from '../org/placement.ts';
import { sql } from 'kysely';
import type { Deps } from '../../server/deps.ts';
import type { Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { ItemContent } from '../catalog/catalog.schemas.ts';
import { caseExtra, loadCase, recordCaseEvent, versionContent, type CaseRow } from './case-core.ts';
import { requireCaseRead } from './cases.queries.ts';
import { issueAcceptanceNotice, issueDecisionDocuments, issueReceipt } from './documents.ts';
import { decisionWording } from '../../common/decisions.ts';
import { onCommitmentDecided } from './commitment.ts';
import type { FeeStage, PaymentMethod } from './fees.tables.ts';
import type { ExpectedFee } from './fees.schemas.ts';
import './fees.tables.ts';

/**
 * 收费: the fees of the pinned item version become fee lines of the case — at acceptance or at the
 * decision, as each fee says — which the window may assess, reduce or waive (with the reason) and
 * which are paid at the window or online. Results of cases with unpaid lines are not delivered.
 */

/** Create the lines of the fees charged at this stage (once per fee and case); tell the applicant. 申请注销 is not charged. */
export async function createFeeLines(ctx: WriteContext, kase: CaseRow, c: ItemContent, stage: FeeStage) {
  const due = c.fees.map((fee, index) => ({ fee, index })).filter(({ fee }) => (fee.chargeAt ?? 'decision') === stage);
  if (!c.isChargeable || due.length === 0 || kase.license_action === 'cancel') return [];
  const created = await ctx.tx
    .insertInto('case_fee')
    .values(
      due.map(({ fee, index }) => ({
        case_id: kase.id,
        fee_index: index,
        name: fee.name,
        standard: fee.standard,
        basis: fee.basis,
        reducible: fee.reducible,
        charge_at: stage,
        standard_cents: fee.amountCents ?? null,
        amount_cents: fee.amountCents ?? null,
        status: fee.amountCents === 0 ? ('waived' as const) : ('unpaid' as const),
        adjustment: null,
        adjustment_reason: fee.amountCents === 0 ? '收费标准为零' : null,
        adjusted_by: null,
        paid_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['case_id', 'fee_index']).doNothing())
    .returning(['id', 'name', 'amount_cents', 'status'])
    .execute();
  const unpaid = created.filter((l) => l.status === 'unpaid');
  if (unpaid.length)
    await recordCaseEvent(ctx, kase, 'fee_due', {
      stage,
      lines: unpaid.map((l) => ({ id: l.id, name: l.name, amountCents: l.amount_cents })),
      totalCents: unpaid.every((l) => l.amount_cents !== null) ? unpaid.reduce((s, l) => s + l.amount_cents!, 0) : null,
    });
  return created.map((l) => ({ name: l.name, amountCents: l.amount_cents }));
}

/** At acceptance: the fee lines charged at acceptance, and the 受理通知书 with the committed deadline. */
export async function onCaseAccepted(
  ctx: WriteContext,
  kase: CaseRow,
  clock: { committed_due_at: Date | null; legal_due_at: Date | null } | undefined,
): Promise<void> {
  const c = await versionContent(ctx.tx, kase.item_version_id);
  const fees = await createFeeLines(ctx, kase, c, 'acceptance');
  // 容缺受理: the notice names what follows, and by when
  const tolerated = kase.tolerated_due_at
    ? (await ctx.tx.selectFrom('case_material').select('name').where('case_id', '=', kase.id).where('status', '=', 'tolerated').orderBy('id').execute()).map(
        (m) => m.name,
      )
    : [];
  await issueAcceptanceNotice(ctx, kase, c, {
    tolerated: kase.tolerated_due_at && tolerated.length ? { names: tolerated, dueAt: kase.tolerated_due_at } : null,
    committedDueAt: clock?.committed_due_at ?? null,
    legalDueAt: clock?.legal_due_at ?? null,
    // art. 32: an acceptance counted from receipt carries the time of receipt
    countedFromReceipt: kase.accepted_at?.getTime() === kase.received_at.getTime(),
    fees,
  });
}

/** At the decision (with the deciding task's opinion, if a task decided): the decision document, the license of a granted license-type item, the fee lines charged at the decision (granted only), and a grant by commitment's check. */
export async function onCaseDecided(ctx: WriteContext, kase: CaseRow, opinion: string | null = null): Promise<void> {
  const c = await versionContent(ctx.tx, kase.item_version_id);
  if (kase.decision !== 'denied') await createFeeLines(ctx, kase, c, 'decision');
  // a decision taken again after a return, now a denial: what the grant charged is not owed
  else
    await ctx.tx
      .updateTable('case_fee')
      .set({
        status: 'waived',
        adjustment: 'waived',
        adjustment_reason: `${decisionWording(c.type, kase.license_action).deny[0]}，不再收取`,
        version: sql`version + 1`,
      })
      .where('case_id', '=', kase.id)
      .where('charge_at', '=', 'decision')
      .where('status', '=', 'unpaid')
      .execute();
  await issueDecisionDocuments(ctx, kase, c, opinion);
  // a grant by written commitment is checked afterwards (事后核查)
  await onCommitmentDecided(ctx, kase, c);
}

/** 统一出件 waits for payment: 409 while a fee line is unpaid. */
export async function requireFeesPaid(ctx: WriteContext, kase: CaseRow): Promise<void> {
  const unpaid = await caseExtra(ctx.tx, kase.id, 'unpaidFees');
  if (unpaid.length)
    throw new AppError('CONFLICT', {
      reason: 'fees are unpaid: the result is delivered once every fee line is paid or waived',
      status: kase.status,
      unpaid: unpaid.map((l) => ({ id: l.id, name: l.name, amountCents: l.amount_cents })),
    });
}

// ——— reading ———

export async function feesOf(db: Executor, caseId: number) {
  const [lines, payments, docs, bills] = await Promise.all([
    db.selectFrom('case_fee').selectAll().where('case_id', '=', caseId).orderBy('fee_index').execute(),
    db.selectFrom('case_payment').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    db.selectFrom('case_document').select(['id', 'payment_id']).where('case_id', '=', caseId).where('kind', '=', 'receipt').execute(),
    fiscalBillsOf(db, caseId),
  ]);
  const receipts = new Map(docs.map((d) => [d.payment_id, d.id]));
  const sum = (f: (l: (typeof lines)[number]) => boolean) => lines.filter(f).reduce((s, l) => s + (l.amount_cents ?? 0), 0);
  return {
    lines: lines.map((l) => ({
      id: l.id,
      feeIndex: l.fee_index,
      name: l.name,
      standard: l.standard,
      basis: l.basis,
      reducible: l.reducible,
      chargeAt: l.charge_at,
      standardCents: l.standard_cents,
      amountCents: l.amount_cents,
      status: l.status,
      adjustment: l.adjustment,
      adjustmentReason: l.adjustment_reason,
      paidAt: l.paid_at?.toISOString() ?? null,
      version: l.version,
      createdAt: l.created_at.toISOString(),
    })),
    payments: payments.map((p) => ({
      id: p.id,
      feeId: p.fee_id,
      method: p.method,
      provider: p.provider,
      reference: p.reference,
      amountCents: p.amount_cents,
      posReference: p.pos_reference,
      tenderedCents: p.tendered_cents,
      status: p.status,
      statusReason: p.status_reason,
      createdAt: p.created_at.toISOString(),
      confirmedAt: p.confirmed_at?.toISOString() ?? null,
      refundedAt: p.refunded_at?.toISOString() ?? null,
      refundReason: p.refund_reason,
      refundTransaction: p.refund_transaction,
      version: p.version,
      receiptDocumentId: receipts.get(p.id) ?? null,
      /** 财政电子票据: issued, or owed while the platform has not answered (`failed`); null before it is asked */
      fiscalBill: bills.get(p.id) ?? null,
    })),
    totals: {
      dueCents: sum((l) => l.status !== 'waived'),
      paidCents: sum((l) => l.status === 'paid'),
      refundedCents: sum((l) => l.status === 'refunded'),
      unpaidCents: sum((l) => l.status === 'unpaid'),
      unassessed: lines.filter((l) => l.status === 'unpaid' && l.amount_cents === null).length,
      settled: lines.every((l) => l.status !== 'unpaid'),
    },
  };
}

/**
 * 将收取的费用: the fees of the case's pinned item version it will be charged and has no line for yet — those charged at
 * acceptance until it is accepted, those charged at the decision until it is decided (and then only if granted) — so
 * that the applicant knows what is charged, and when, before being asked to pay (行政许可法 art. 58: fees by the
 * published standard). None once the case can no longer reach that point (withdrawn, refused, denied), for 申请注销
 * (not charged), nor for a standard of 0 (its line would be waived at once).
 */
export function expectedFees(
  kase: Pick<CaseRow, 'status' | 'accepted_at' | 'decision' | 'license_action'>,
  c: ItemContent,
  lineIndexes: ReadonlySet<number>,
): ExpectedFee[] {
  if (!c.isChargeable || kase.license_action === 'cancel' || serviceNotRendered(kase)) return [];
  return c.fees.flatMap((fee, index) => {
    const stage = fee.chargeAt ?? 'decision';
    const passed = stage === 'acceptance' ? kase.accepted_at !== null : kase.decision !== null;
    if (lineIndexes.has(index) || passed || fee.amountCents === 0) return [];
    return [
      {
        feeIndex: index,
        name: fee.name,
        standard: fee.standard,
        basis: fee.basis,
        reducible: fee.reducible,
        chargeAt: stage,
        amountCents: fee.amountCents ?? null,
      },
    ];
  });
}

/** The fee lines, payments and totals of a case, and the fees still to come, for whoever may read the case. */
export async function getCaseFees(deps: Deps, actor: Actor | null, caseId: number) {
  const kase = await loadCase(deps.db, caseId);
  await requireCaseRead(deps.db, actor, kase);
  // a bundle application has no item version of its own: its item cases carry the fees
  const content = kase.item_version_id === null ? null : await versionContent(deps.db, kase.item_version_id);
  const fees = await feesOf(deps.db, caseId);
  const charged = new Set(fees.lines.map((l) => l.feeIndex));
  // whether payments are billed by a fiscal e-bill platform (财政电子票据): then a payment's bill is on its way until it is in
  return {
    caseId,
    onlinePayment: content?.supportsOnlinePayment ?? false,
    fiscalBills: fiscalBillProvider(deps) !== null,
    // 退费: what was paid may be given back, the service it paid for not rendered (withdrawn, refused, denied)
    refundable: serviceNotRendered(kase),
    ...fees,
    expected: content ? expectedFees(kase, content, charged) : [],
  };
}

// ——— the window: assess, reduce, waive, take payment ———

export type FeeAction =
  | { action: 'assess'; feeId: number; amountCents: number; reason?: string | null; expectedVersion?: number }
  | { action: 'reduce'; feeId: number; amountCents: number; reason: string; expectedVersion?: number }
  | { action: 'waive'; feeId: number; reason: string; expectedVersion?: number }
  | {
      action: 'pay';
      feeId: number;
      method: 'cash' | 'card';
      amountCents: number;
      posReference?: string;
      tenderedCents?: number;
      expectedVersion?: number;
    };

async function lockedLine(ctx: WriteContext, kase: CaseRow, feeId: number, expectedVersion?: number) {
  const line = await ctx.tx.selectFrom('case_fee').selectAll().where('id', '=', feeId).where('case_id', '=', kase.id).forUpdate().executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', { feeId });
  if (expectedVersion !== undefined && expectedVersion !== line.version) throw new AppError('CONFLICT', { feeId, expectedVersion, version: line.version });
  if (line.status !== 'unpaid') throw new AppError('CONFLICT', { feeId, reason: `the fee line is already ${line.status}`, feeStatus: line.status });
  if (kase.status === 'refused' || kase.status === 'withdrawn')
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case takes no payment`, status: kase.status });
  return line;
}

/** Mark a line paid, record the payment and its receipt, tell the applicant. The line's row lock makes a second payment wait and then fail. */
export async function settleLine(
  ctx: WriteContext,
  kase: CaseRow,
  line: { id: number; name: string; basis: string; amount_cents: number | null },
  p: {
    method: PaymentMethod;
    paymentId?: number;
    provider?: string | null;
    transaction?: string | null;
    reference?: string;
    /** at the window: a card's POS reference, cash handed over */
    posReference?: string | null;
    tenderedCents?: number | null;
  },
) {
  const paidAt = new Date();
  const updated = await ctx.tx
    .updateTable('case_fee')
    .set({ status: 'paid', paid_at: paidAt, version: sql`version + 1` })
    .where('id', '=', line.id)
    .where('status', '=', 'unpaid')
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new AppError('CONFLICT', { feeId: line.id, reason: 'the fee line was settled meanwhile' });
  let paymentId = p.paymentId;
  let reference = p.reference;
  if (paymentId === undefined) {
    reference = `W${Date.now().toString(36).toUpperCase()}${randomBytes(5).toString('hex').toUpperCase()}`;
    const row = await ctx.tx
      .insertInto('case_payment')
      .values({
        case_id: kase.id,
        fee_id: line.id,
        method: p.method,
        provider: null,
        reference,
        provider_transaction: null,
        amount_cents: line.amount_cents!,
        status: 'succeeded',
        status_reason: null,
        started_by: ctx.actor?.accountId ?? null,
        recorded_by: ctx.actor?.accountId ?? null,
        confirmed_at: paidAt,
        pos_reference: p.posReference ?? null,
        tendered_cents: p.tenderedCents ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    paymentId = row.id;
  } else {
    await ctx.tx
      .updateTable('case_payment')
      .set({ status: 'succeeded', provider_transaction: p.transaction ?? null, confirmed_at: paidAt, version: sql`version + 1` })
      .where('id', '=', paymentId)
      .execute();
  }
  const receipt = await issueReceipt(ctx, kase, {
    paymentId,
    reference: reference!,
    feeName: line.name,
    basis: line.basis,
    amountCents: line.amount_cents!,
    method: p.method,
    paidAt,
    posReference: p.posReference ?? null,
    tenderedCents: p.tenderedCents ?? null,
  });
  await recordCaseEvent(ctx, kase, 'payment_confirmed', {
    feeId: line.id,
    name: line.name,
    amountCents: line.amount_cents,
    method: p.method,
    paymentId,
    receipt: receipt.number,
  });
  // 财政电子票据: asked of the platform once this commits, by an event of its own, so that a platform that is down
  // delays nothing else the payment is followed by (the applicant's message, the receipt's PDF)
  await ctx.emit({ type: fiscalBillRequested, streamType: 'case', streamId: kase.id, payload: { caseId: kase.id, paymentId } });
  return { paymentId, receiptDocumentId: receipt.id };
}

/** Fee actions at the window, by a clerk with `case.intake` over the case's region. */
export async function performFeeAction(ctx: WriteContext, caseId: number, body: FeeAction) {
  const kase = await loadCase(ctx.tx, caseId);
  const region = await requireRegion(ctx.tx, kase.region_id);
  requireAccess(ctx.actor, 'case.intake', { regionPath: region.path });
  const line = await lockedLine(ctx, kase, body.feeId, body.expectedVersion);
  const by = ctx.actor.accountId > 0 ? ctx.actor.accountId : null;
  switch (body.action) {
    case 'assess': {
      if (line.standard_cents !== null && body.amountCents !== line.standard_cents && !line.reducible)
        throw new AppError('VALIDATION_FAILED', { field: 'amountCents', reason: 'this fee has a fixed standard amount' });
      await ctx.tx
        .updateTable('case_fee')
        .set({ amount_cents: body.amountCents, adjustment: 'assessed', adjustment_reason: body.reason ?? null, adjusted_by: by, version: sql`version + 1` })
        .where('id', '=', line.id)
        .execute();
      await recordCaseEvent(ctx, kase, 'fee_assessed', { feeId: line.id, name: line.name, amountCents: body.amountCents, reason: body.reason ?? null });
      return;
    }
    case 'reduce':
    case 'waive': {
      if (!line.reducible) throw new AppError('CONFLICT', { feeId: line.id, reason: 'this fee allows no reduction or waiver' });
      const amount = body.action === 'waive' ? 0 : body.amountCents;
      if (body.action === 'reduce' && (line.amount_cents === null || amount >= line.amount_cents))
        throw new AppError('VALIDATION_FAILED', { field: 'amountCents', reason: 'a reduction is below the amount due', amountCents: line.amount_cents });
      await ctx.tx
        .updateTable('case_fee')
        .set({
          amount_cents: amount,
          status: amount === 0 ? 'waived' : 'unpaid',
          adjustment: amount === 0 ? 'waived' : 'reduced',
          adjustment_reason: body.reason,
          adjusted_by: by,
          version: sql`version + 1`,
        })
        .where('id', '=', line.id)
        .execute();
      await recordCaseEvent(ctx, kase, amount === 0 ? 'fee_waived' : 'fee_reduced', {
        feeId: line.id,
        name: line.name,
        fromCents: line.amount_cents,
        amountCents: amount,
        reason: body.reason,
      });
      return;
    }
    case 'pay': {
      if (line.amount_cents === null) throw new AppError('CONFLICT', { feeId: line.id, reason: 'assess the amount first' });
      if (body.amountCents !== line.amount_cents)
        throw new AppError('VALIDATION_FAILED', { field: 'amountCents', reason: 'the amount paid must be the amount due', amountCents: line.amount_cents });
      // the counter's own records: a card's slip reference, cash handed over (no less than due; the change is the rest)
      if (body.method === 'card' && !body.posReference)
        throw new AppError('VALIDATION_FAILED', { field: 'posReference', reason: 'the reference number (参考号) on the POS slip' });
      if (body.method !== 'card' && body.posReference)
        throw new AppError('VALIDATION_FAILED', { field: 'posReference', reason: 'only a card payment has a POS reference' });
      if (body.tenderedCents !== undefined && body.method !== 'cash')
        throw new AppError('VALIDATION_FAILED', { field: 'tenderedCents', reason: 'only cash is handed over' });
      if (body.tenderedCents !== undefined && body.tenderedCents < line.amount_cents)
        throw new AppError('VALIDATION_FAILED', { field: 'tenderedCents', reason: 'less than the amount due', amountCents: line.amount_cents });
      return settleLine(ctx, kase, line, { method: body.method, posReference: body.posReference ?? null, tenderedCents: body.tenderedCents ?? null });
    }
  }
}
