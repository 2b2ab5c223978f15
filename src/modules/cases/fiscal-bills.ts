import { createHmac, type KeyObject } from 'node:crypto';
import { sql, type ColumnType, type Generated } from 'kysely';
import type { Deps } from '../../server/deps.ts';
import type { Executor, Tx } from '../../server/db/database.ts';
import { runWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { requireAccess, systemActor, type Actor } from '../../server/access.ts';
import { requireRegion } from '../org/placement.ts';
import { derivedKey } from '../../server/crypto.ts';
import { onEvent, type DomainEvent } from '../../server/events.ts';
import { loadCase, recordCaseEvent, updateCase } from './case-core.ts';
import { issueFiscalBillDocument } from './documents.ts';
import './fees.tables.ts';
import './cases.tables.ts';

/**
 * 财政电子票据 (the fiscal e-bill of non-tax revenue): every fee paid — cash or card at the window, or online — is billed
 * by the fiscal e-bill platform (财政电子票据管理平台), which gives the bill its code, number and check code. The platform
 * is outside OneWindow, so the bill is asked for once the payment has committed (the domain event
 * `fiscal.bill_requested`, written with the payment, through the outbox) and asked again, with the outbox's growing
 * delay, until the platform answers: a platform that is down never stops a payment, nor delays what else follows it. A payment has one bill (`fiscal_bill.payment_id` is unique,
 * and a platform bills a payment's reference once). The bill's printed form is a case document (`fiscal_bill`), the
 * case's timeline records `fiscal_bill_issued`, and the applicant is told.
 */

export type FiscalBillStatus = 'issued' | 'failed';

export interface FiscalBillTable {
  id: Generated<number>;
  case_id: number;
  payment_id: number;
  status: FiscalBillStatus;
  provider: string;
  bill_code: string | null;
  bill_number: string | null;
  check_code: string | null;
  amount_cents: number;
  issued_at: Date | null;
  document_id: number | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** 红冲: the red bill that reverses it once the fee was refunded (null while none is asked for) */
  reversal_status: FiscalBillStatus | null;
  reversal_code: string | null;
  reversal_number: string | null;
  reversal_check_code: string | null;
  reversed_at: Date | null;
  reversal_document_id: number | null;
  reversal_attempts: Generated<number>;
  reversal_error: string | null;
}

declare module '../../server/db/database.ts' {
  interface Database {
    fiscal_bill: FiscalBillTable;
  }
}

/** What the platform is asked to bill: one payment of one fee. */
export interface FiscalBillRequest {
  /** the payment's reference: the platform bills a reference once, so asking again gets the same bill */
  reference: string;
  payer: string;
  collector: string;
  /** the region's code (6 digits): a bill's code names the province and the year */
  regionCode: string;
  item: string;
  amountCents: number;
  paidAt: Date;
}

/** A bill as the platform issued it. */
export interface IssuedFiscalBill {
  billCode: string;
  billNumber: string;
  checkCode: string;
  issuedAt: Date;
}

export interface FiscalBillProvider {
  readonly name: string;
  /** what the bill says issued it: 财政电子票据管理平台 … */
  readonly platform: string;
  /** Bill a payment (the same reference: the same bill); throws while the platform does not answer or refuses. */
  issue(r: FiscalBillRequest): Promise<IssuedFiscalBill>;
  /** 红冲: reverse a bill whose fee was refunded, by a red bill (once per bill: asking again gets the same red bill). */
  reverse(r: {
    reference: string;
    billCode: string;
    billNumber: string;
    amountCents: number;
    reason: string;
    regionCode: string;
    at: Date;
  }): Promise<IssuedFiscalBill>;
}

/**
 * The demo platform: it answers at once, and what it answers follows from the reference under a key derived from the
 * platform secret — the same reference gets the same bill. The code is the province (two digits of the region), the
 * kind of bill (0601: 非税收入一般缴款书) and the year (two digits); the number ten digits; the check code six characters.
 */
export class DemoFiscalBillProvider implements FiscalBillProvider {
  readonly name = 'demo';
  readonly platform = '财政电子票据管理平台（演示）';
  readonly #key: KeyObject;
  constructor(secret: Buffer) {
    this.#key = derivedKey(secret, 'onewindow/fiscal-bills/demo');
  }
  async issue(r: FiscalBillRequest): Promise<IssuedFiscalBill> {
    return this.#bill(r.reference, r.regionCode, r.paidAt);
  }
  /** A red bill is a bill of its own, numbered from the reversed bill's number. */
  async reverse(r: { billNumber: string; regionCode: string; at: Date }): Promise<IssuedFiscalBill> {
    return this.#bill(`red:${r.billNumber}`, r.regionCode, r.at);
  }
  #bill(seed: string, regionCode: string, at: Date): IssuedFiscalBill {
    const mac = createHmac('sha256', this.#key).update(seed).digest();
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: '2-digit' }).format(at);
    return {
      billCode: `${regionCode.slice(0, 2)}0601${year}`,
      billNumber: String(mac.readBigUInt64BE(0) % 10_000_000_000n).padStart(10, '0'),
      checkCode: mac.subarray(8, 11).toString('hex').toUpperCase(),
      issuedAt: new Date(),
    };
  }
}

const providers = new WeakMap<Deps, FiscalBillProvider | null>();

/** The platform this server bills through: the demo platform outside production; none in production until one is configured. */
export function fiscalBillProvider(deps: Deps): FiscalBillProvider | null {
  if (!providers.has(deps)) providers.set(deps, deps.config.isProduction ? null : new DemoFiscalBillProvider(deps.config.secretKey));
  return providers.get(deps)!;
}

/** Bill through another platform (a province's, or in tests one that is down). */
export function useFiscalBillProvider(deps: Deps, provider: FiscalBillProvider | null): void {
  providers.set(deps, provider);
}

/**
 * Bill one payment, unless it is billed already: the platform is asked inside the transaction that records the bill,
 * its document and its event, so a failure after the platform answered leaves nothing here, and asking again gets the
 * same bill. When the platform does not answer, the bill is recorded `failed` with what it said (and the attempt
 * counted), and the error goes on to the outbox, which asks again later. Answers the bill's number, or null when
 * nothing is to be billed (no platform, a payment not succeeded, billed already). `actor`: who asked — the outbox (the
 * system), or window staff asking again now (重新开具), whom the timeline and the audit trail then name.
 */
export async function billPayment(deps: Deps, paymentId: number, actor: Actor = systemActor): Promise<string | null> {
  const provider = fiscalBillProvider(deps);
  if (!provider) return null;
  try {
    return await runWrite(deps.db, actor, async (ctx) => {
      const payment = await ctx.tx
        .selectFrom('case_payment as p')
        .innerJoin('case_fee as f', 'f.id', 'p.fee_id')
        .select(['p.id', 'p.case_id', 'p.reference', 'p.amount_cents', 'p.status', 'p.confirmed_at', 'f.name as fee'])
        .where('p.id', '=', paymentId)
        .forUpdate('p')
        .executeTakeFirst();
      if (!payment || payment.status !== 'succeeded') return null;
      const billed = await ctx.tx.selectFrom('fiscal_bill').select(['status', 'bill_number']).where('payment_id', '=', paymentId).executeTakeFirst();
      if (billed?.status === 'issued') return null;
      const kase = await loadCase(ctx.tx, payment.case_id);
      const facts = await ctx.tx
        .selectFrom('kase as k')
        .innerJoin('applicant as a', 'a.id', 'k.applicant_id')
        .innerJoin('organization as o', 'o.id', 'k.organization_id')
        .innerJoin('region as g', 'g.id', 'k.region_id')
        .select(['a.name as payer', 'o.name as collector', 'g.code as region_code'])
        .where('k.id', '=', kase.id)
        .executeTakeFirstOrThrow();
      const bill = await provider.issue({
        reference: payment.reference,
        payer: facts.payer,
        collector: facts.collector,
        regionCode: facts.region_code,
        item: payment.fee,
        amountCents: payment.amount_cents,
        paidAt: payment.confirmed_at ?? new Date(),
      });
      const document = await issueFiscalBillDocument(ctx, kase, {
        reference: payment.reference,
        feeName: payment.fee,
        amountCents: payment.amount_cents,
        platform: provider.platform,
        ...bill,
      });
      const row = {
        status: 'issued' as const,
        provider: provider.name,
        bill_code: bill.billCode,
        bill_number: bill.billNumber,
        check_code: bill.checkCode,
        issued_at: bill.issuedAt,
        document_id: document.id,
        last_error: null,
      };
      await ctx.tx
        .insertInto('fiscal_bill')
        .values({ case_id: kase.id, payment_id: paymentId, amount_cents: payment.amount_cents, ...row })
        .onConflict((oc) => oc.column('payment_id').doUpdateSet(row))
        .execute();
      const touched = await updateCase(ctx, kase, {});
      await recordCaseEvent(
        ctx,
        touched,
        'fiscal_bill_issued',
        {
          paymentId,
          name: payment.fee,
          amountCents: payment.amount_cents,
          billCode: bill.billCode,
          billNumber: bill.billNumber,
          checkCode: bill.checkCode,
          document: document.number,
        },
        null,
        { metrics: false },
      );
      return bill.billNumber;
    });
  } catch (error) {
    await recordFailure(deps, paymentId, provider.name, error);
    throw error;
  }
}

/** The platform did not bill the payment: the bill is owed, with what the platform said and how many times it was asked. */
async function recordFailure(deps: Deps, paymentId: number, provider: string, error: unknown) {
  const message = String((error as Error)?.message ?? error).slice(0, 500);
  await runWrite(deps.db, systemActor, async (ctx) => {
    const payment = await ctx.tx.selectFrom('case_payment').select(['case_id', 'amount_cents', 'status']).where('id', '=', paymentId).executeTakeFirst();
    if (!payment || payment.status !== 'succeeded') return;
    await ctx.tx
      .insertInto('fiscal_bill')
      .values({ case_id: payment.case_id, payment_id: paymentId, status: 'failed', provider, amount_cents: payment.amount_cents, last_error: message })
      .onConflict((oc) =>
        oc
          .column('payment_id')
          .doUpdateSet((eb) => ({ attempts: eb('fiscal_bill.attempts', '+', 1), last_error: message }))
          .where('fiscal_bill.status', '=', 'failed'),
      )
      .execute();
  });
}

/**
 * 红冲: reverse the bill of a refunded payment by a red bill, unless it is reversed already — the platform asked inside
 * the transaction that records the red bill, its document (非税收入电子票据（红字）, the amount negative) and its event,
 * as a bill is. When the platform does not answer, the reversal is recorded `failed` and the outbox asks again. Answers
 * the red bill's number, or null when there is nothing to reverse. `actor`: who asked, as for billPayment.
 */
export async function reverseBill(deps: Deps, paymentId: number, reason: string, actor: Actor = systemActor): Promise<string | null> {
  const provider = fiscalBillProvider(deps);
  if (!provider) return null;
  try {
    return await runWrite(deps.db, actor, async (ctx) => {
      const bill = await ctx.tx
        .selectFrom('fiscal_bill as b')
        .innerJoin('case_payment as p', 'p.id', 'b.payment_id')
        .innerJoin('case_fee as f', 'f.id', 'p.fee_id')
        .innerJoin('kase as k', 'k.id', 'b.case_id')
        .innerJoin('region as g', 'g.id', 'k.region_id')
        .select([
          'b.id',
          'b.case_id',
          'b.status',
          'b.bill_code',
          'b.bill_number',
          'b.reversal_status',
          'b.amount_cents',
          'p.reference',
          'p.status as payment_status',
          'f.name as fee',
          'g.code as region_code',
        ])
        .where('b.payment_id', '=', paymentId)
        .forUpdate('b')
        .executeTakeFirst();
      if (!bill || bill.status !== 'issued' || bill.payment_status !== 'refunded' || bill.reversal_status === 'issued') return null;
      const red = await provider.reverse({
        reference: bill.reference,
        billCode: bill.bill_code!,
        billNumber: bill.bill_number!,
        amountCents: bill.amount_cents,
        reason,
        regionCode: bill.region_code,
        at: new Date(),
      });
      const kase = await loadCase(ctx.tx, bill.case_id);
      const document = await issueFiscalBillDocument(ctx, kase, {
        reference: bill.reference,
        feeName: bill.fee,
        amountCents: bill.amount_cents,
        platform: provider.platform,
        reverses: { billCode: bill.bill_code!, billNumber: bill.bill_number!, reason },
        ...red,
      });
      await ctx.tx
        .updateTable('fiscal_bill')
        .set({
          reversal_status: 'issued',
          reversal_code: red.billCode,
          reversal_number: red.billNumber,
          reversal_check_code: red.checkCode,
          reversed_at: red.issuedAt,
          reversal_document_id: document.id,
          reversal_attempts: sql`reversal_attempts + 1`,
          reversal_error: null,
        })
        .where('id', '=', bill.id)
        .execute();
      const touched = await updateCase(ctx, kase, {});
      await recordCaseEvent(
        ctx,
        touched,
        'fiscal_bill_reversed',
        {
          paymentId,
          name: bill.fee,
          amountCents: bill.amount_cents,
          billNumber: bill.bill_number,
          billCode: red.billCode,
          redNumber: red.billNumber,
          document: document.number,
        },
        null,
        { metrics: false },
      );
      return red.billNumber;
    });
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    await runWrite(deps.db, systemActor, async (ctx) => {
      await ctx.tx
        .updateTable('fiscal_bill')
        .set({ reversal_status: 'failed', reversal_attempts: sql`reversal_attempts + 1`, reversal_error: message })
        .where('payment_id', '=', paymentId)
        .where('status', '=', 'issued')
        .where((eb) => eb.or([eb('reversal_status', 'is', null), eb('reversal_status', '=', 'failed')]))
        .execute();
    });
    throw error;
  }
}

/**
 * 重新开具: the window asks the platform now for a bill (or a red bill) it still owes, rather than waiting for the
 * outbox's next attempt — when the platform is back after an outage. Window staff of the case's region; a payment with
 * nothing owed is a 409; a platform that still does not answer is a 503 with what it said (the outbox asks again).
 */
export async function billAgain(deps: Deps, actor: Actor | null, caseId: number, paymentId: number) {
  const kase = await loadCase(deps.db, caseId);
  requireAccess(actor, 'case.intake', { regionPath: (await requireRegion(deps.db, kase.region_id)).path });
  const row = await deps.db
    .selectFrom('case_payment as p')
    .leftJoin('fiscal_bill as b', 'b.payment_id', 'p.id')
    .select(['p.status', 'p.refund_reason', 'b.status as bill_status', 'b.reversal_status'])
    .where('p.id', '=', paymentId)
    .where('p.case_id', '=', kase.id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { paymentId });
  if (!fiscalBillProvider(deps)) throw new AppError('CONFLICT', { paymentId, reason: 'no fiscal e-bill platform is configured' });
  const owesBill = row.status === 'succeeded' && row.bill_status !== 'issued';
  const owesReversal = row.status === 'refunded' && row.bill_status === 'issued' && row.reversal_status !== 'issued';
  if (!owesBill && !owesReversal) throw new AppError('CONFLICT', { paymentId, reason: 'nothing is owed for this payment: its bill is issued (or reversed)' });
  try {
    // the timeline and the audit trail name who asked (重新开具), not the system
    return owesBill ? await billPayment(deps, paymentId, actor!) : await reverseBill(deps, paymentId, row.refund_reason ?? '', actor!);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNAVAILABLE', {
      paymentId,
      reason: `the fiscal e-bill platform did not answer: ${String((error as Error)?.message ?? error).slice(0, 300)}`,
    });
  }
}

/** A case's bills, by payment. */
export async function fiscalBillsOf(db: Executor, caseId: number) {
  const rows = await db.selectFrom('fiscal_bill').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return new Map(
    rows.map((b) => [
      b.payment_id,
      {
        status: b.status,
        billCode: b.bill_code,
        billNumber: b.bill_number,
        checkCode: b.check_code,
        issuedAt: b.issued_at?.toISOString() ?? null,
        documentId: b.document_id,
        attempts: b.attempts,
        lastError: b.last_error,
        /** 红冲: the red bill reversing it, once its fee was refunded */
        reversal:
          b.reversal_status === null
            ? null
            : {
                status: b.reversal_status,
                billCode: b.reversal_code,
                billNumber: b.reversal_number,
                checkCode: b.reversal_check_code,
                issuedAt: b.reversed_at?.toISOString() ?? null,
                documentId: b.reversal_document_id,
                attempts: b.reversal_attempts,
                lastError: b.reversal_error,
              },
      },
    ]),
  );
}

/** The event a payment writes to be billed: its own, so that its retries hold nothing else back. */
export const fiscalBillRequested = 'fiscal.bill_requested';
/** The event a refund writes to have its payment's bill reversed (红冲). */
export const fiscalBillReversalRequested = 'fiscal.bill_reversal_requested';

/** A payment confirmed is billed after it commits; a platform that is down is asked again by the outbox. */
export function registerFiscalBills(deps: Deps): void {
  onEvent(fiscalBillRequested, 'cases.fiscal-bill', async (_tx: Tx, e: DomainEvent) => {
    const paymentId = Number((e.payload as { paymentId?: unknown }).paymentId);
    if (Number.isSafeInteger(paymentId) && paymentId > 0) await billPayment(deps, paymentId);
  });
  onEvent(fiscalBillReversalRequested, 'cases.fiscal-bill-reversal', async (_tx: Tx, e: DomainEvent) => {
    const p = e.payload as { paymentId?: unknown; reason?: unknown };
    const paymentId = Number(p.paymentId);
    if (Number.isSafeInteger(paymentId) && paymentId > 0) await reverseBill(deps, paymentId, String(p.reason ?? ''));
  });
}
