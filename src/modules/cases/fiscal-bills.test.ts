import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { fiscalPlatformDown, sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { yuanInWords } from './documents.ts';
import { DemoFiscalBillProvider, billPayment, useFiscalBillProvider } from './fiscal-bills.ts';

/**
 * 财政电子票据: a fee paid at the window is billed by the fiscal e-bill platform once the payment commits — the demo
 * platform answers at once; one that is down leaves the bill owed, and the outbox asks again until it answers. The
 * demo catalog's 居民身份证换领 charges 20 元 at acceptance.
 */
let server: TestServer;
let citizen: Client;
let clerk: Client;
let itemCode: string;
const reader = pdfReader();

type Payment = {
  id: number;
  reference: string;
  status: string;
  fiscalBill: {
    status: string;
    billCode: string | null;
    billNumber: string | null;
    checkCode: string | null;
    issuedAt: string | null;
    documentId: number | null;
    attempts: number;
    lastError: string | null;
  } | null;
};
const fees = async (id: number, c: Client = citizen) =>
  (await c.get(`/api/v1/cases/${id}/fees`)).body as { fiscalBills: boolean; refundable: boolean; payments: (Payment & Record<string, unknown>)[] };
/** Deliver what the outbox holds now, retries included (their delay passed at once), and what that delivery recorded. */
const drain = async () => {
  for (let round = 0; round < 2; round++) {
    await server.sql('UPDATE domain_event SET available_at = now() WHERE processed_at IS NULL');
    await server.drainOutbox();
  }
};
/** One delivery of what the outbox holds now. */
const drainOnce = async () => {
  await server.sql('UPDATE domain_event SET available_at = now() WHERE processed_at IS NULL');
  await server.drainOutbox();
};

beforeAll(async () => {
  server = await startTestServer();
  [citizen, clerk] = await Promise.all(['citizen1', 'clerk1'].map((u) => signIn(server, u)));
  itemCode = (
    await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.id = i.published_version_id WHERE v.name = '居民身份证换领、补领' ORDER BY i.id")
  ).rows[0].code;
});
afterAll(async () => {
  await server?.close();
  reader.close();
});

/** citizen1 applies, clerk1 accepts (20 元 due) and takes it in cash: the case and its payment. */
async function paidInCash(): Promise<{ id: number; number: string; payment: Payment }> {
  const item = (await citizen.get(`/api/v1/catalog/items/${itemCode}`)).body;
  const filed = await citizen.post('/api/v1/cases', {
    itemCode,
    formData: sampleForm(item.content.form, '110101199003074514'),
    materials: sampleMaterials(item.content.materials),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const accepted = await clerk.post(`/api/v1/cases/${filed.body.id}/actions`, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const line = (await fees(filed.body.id)).payments.length === 0 && (await citizen.get(`/api/v1/cases/${filed.body.id}/fees`)).body.lines[0];
  const paid = await clerk.post(`/api/v1/cases/${filed.body.id}/fees/actions`, {
    action: 'pay',
    feeId: line.id,
    method: 'cash',
    amountCents: line.amountCents,
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return { id: filed.body.id, number: filed.body.number, payment: paid.body.payments[0] };
}

describe('yuanInWords', () => {
  it('states an amount in capital numerals, as a bill does', () => {
    expect(yuanInWords(2000)).toBe('贰拾元整');
    expect(yuanInWords(8000)).toBe('捌拾元整');
    expect(yuanInWords(2050)).toBe('贰拾元零伍角');
    expect(yuanInWords(10505)).toBe('壹佰零伍元零伍分');
    expect(yuanInWords(5)).toBe('伍分');
    expect(yuanInWords(0)).toBe('零元整');
    expect(yuanInWords(105_000)).toBe('壹仟零伍拾元整');
    expect(yuanInWords(1_000_000)).toBe('壹万元整');
    expect(yuanInWords(10_010_000)).toBe('壹拾万零壹佰元整');
    expect(yuanInWords(1_234_567_89)).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(() => yuanInWords(-1)).toThrow();
  });
});

describe('财政电子票据', () => {
  it('bills a payment once it commits: the bill’s numbers, its document, the timeline and the applicant told', async () => {
    const { id, number, payment } = await paidInCash();
    // asked for after the payment commits: not yet
    expect(payment.fiscalBill).toBeNull();
    expect((await fees(id)).fiscalBills).toBe(true);
    await drain();
    const billed = (await fees(id)).payments[0]!;
    expect(billed.fiscalBill).toMatchObject({ status: 'issued', attempts: 1, lastError: null });
    const expected = await new DemoFiscalBillProvider(server.deps.config.secretKey).issue({
      reference: payment.reference,
      payer: '',
      collector: '',
      regionCode: number.slice(0, 6),
      item: '',
      amountCents: 2000,
      paidAt: new Date(),
    });
    expect(billed.fiscalBill).toMatchObject({ billCode: expected.billCode, billNumber: expected.billNumber, checkCode: expected.checkCode });
    expect(billed.fiscalBill!.billNumber).toMatch(/^\d{10}$/);

    // its printed form, with the amount in words; the applicant may read it
    const kase = (await citizen.get(`/api/v1/cases/${id}`)).body as {
      documents: { id: number; kind: string; number: string; url: string }[];
      timeline: { type: string; payload: Record<string, unknown> }[];
    };
    const doc = kase.documents.find((d) => d.kind === 'fiscal_bill')!;
    expect(doc.id).toBe(billed.fiscalBill!.documentId);
    const text = (await reader.pdfText(server, citizen, id, doc)).replace(/\s+/g, '');
    for (const s of [
      '非税收入电子票据',
      expected.billCode,
      expected.billNumber,
      expected.checkCode,
      '贰拾元整',
      '20.00元',
      payment.reference,
      '财政电子票据管理平台',
    ])
      expect(text, s).toContain(s);
    expect(kase.timeline.filter((e) => e.type === 'fiscal_bill_issued').map((e) => e.payload)).toEqual([
      expect.objectContaining({ paymentId: payment.id, billNumber: expected.billNumber, amountCents: 2000 }),
    ]);
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'citizen1' AND m.title->>'zh-CN' = '电子票据已开具' AND m.body->>'zh-CN' LIKE $1",
      [`%${expected.billNumber}%`],
    );
    expect(told.rows).toHaveLength(1);

    // billed once: asking again issues nothing more
    expect(await billPayment(server.deps, payment.id)).toBeNull();
    await drain();
    expect(Number((await server.sql("SELECT count(*) AS n FROM case_document WHERE case_id = $1 AND kind = 'fiscal_bill'", [id])).rows[0].n)).toBe(1);
  });

  it('keeps the bill owed while the platform is down, and issues it when the platform answers again', async () => {
    useFiscalBillProvider(server.deps, fiscalPlatformDown);
    try {
      const { id, payment } = await paidInCash();
      // the payment stands; the bill is owed, with what the platform said
      await drainOnce();
      expect((await fees(id)).payments[0]).toMatchObject({ status: 'succeeded', fiscalBill: { status: 'failed', attempts: 1, billNumber: null } });
      expect((await fees(id)).payments[0]!.fiscalBill!.lastError).toContain('503');
      const eventOf = (type: string) =>
        server.sql("SELECT attempts, processed_at FROM domain_event WHERE type = $1 AND (payload->>'paymentId')::bigint = $2", [type, payment.id]);
      expect((await eventOf('fiscal.bill_requested')).rows).toEqual([{ attempts: 1, processed_at: null }]);
      // nothing else waits for the platform: the payment's own event (the applicant's message, the receipt) went through
      expect((await eventOf('case.payment_confirmed')).rows).toEqual([{ attempts: 0, processed_at: expect.any(Date) }]);
      await drainOnce();
      expect((await fees(id)).payments[0]!.fiscalBill).toMatchObject({ status: 'failed', attempts: 2 });
      expect(Number((await server.sql("SELECT count(*) AS n FROM case_document WHERE case_id = $1 AND kind = 'fiscal_bill'", [id])).rows[0].n)).toBe(0);

      // 重新开具 at the window: still down, said so (503), nothing changed; the applicant may not ask
      const again = (c: Client) => c.post(`/api/v1/cases/${id}/fees/actions`, { action: 'bill', paymentId: payment.id });
      const down503 = await again(clerk);
      expect(down503.status).toBe(503);
      expect(down503.body.error.details.reason).toContain('503');
      expect((await again(citizen)).status).toBe(403);
      expect((await fees(id)).payments[0]!.fiscalBill).toMatchObject({ status: 'failed', attempts: 3 });

      // the platform is back: the window asks now rather than waiting for the outbox
      useFiscalBillProvider(server.deps, new DemoFiscalBillProvider(server.deps.config.secretKey));
      const billed = await again(clerk);
      expect(billed.status, JSON.stringify(billed.body)).toBe(200);
      expect(billed.body.payments[0].fiscalBill).toMatchObject({ status: 'issued', attempts: 3, lastError: null });
      // the step is the clerk's who asked, on the timeline and in the audit trail
      const step = await server.sql(
        "SELECT e.actor_name, a.username FROM case_event e JOIN account a ON a.id = e.actor_id WHERE e.case_id = $1 AND e.type = 'fiscal_bill_issued'",
        [id],
      );
      expect(step.rows).toEqual([{ actor_name: expect.any(String), username: 'clerk1' }]);
      expect((await again(clerk)).status).toBe(409);
      // the outbox's next attempt finds it billed: nothing more
      await drain();
      expect((await eventOf('fiscal.bill_requested')).rows).toEqual([{ attempts: 2, processed_at: expect.any(Date) }]);
      expect(Number((await server.sql("SELECT count(*) AS n FROM case_document WHERE case_id = $1 AND kind = 'fiscal_bill'", [id])).rows[0].n)).toBe(1);
    } finally {
      useFiscalBillProvider(server.deps, new DemoFiscalBillProvider(server.deps.config.secretKey));
    }
  });

  it('gives a fee back when the application is withdrawn (退费), once, and reverses its bill by a red bill (红冲)', async () => {
    const { id, number, payment } = await paidInCash();
    await drain();
    const bill = (await fees(id)).payments[0]!.fiscalBill!;
    expect(bill.status).toBe('issued');
    const refund = (c: Client, reason = '申请人撤回申请，退还已缴工本费') =>
      c.post(`/api/v1/cases/${id}/fees/actions`, { action: 'refund', paymentId: payment.id, reason });
    // the service is still being rendered: nothing to give back; the applicant cannot refund at all
    const early = await refund(clerk);
    expect(early.status).toBe(409);
    expect(early.body.error.details.reason).toContain('not rendered');
    expect((await citizen.post(`/api/v1/cases/${id}/actions`, { action: 'withdraw', reason: '不再需要' })).status).toBe(200);
    expect((await refund(citizen)).status).toBe(403);
    expect((await fees(id)).refundable).toBe(true);

    // withdrawn: cash handed back at the window, the line refunded, the bill reversed after commit
    const refunded = await refund(clerk);
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    const after = await fees(id);
    expect(after.payments[0]).toMatchObject({
      status: 'refunded',
      refundReason: '申请人撤回申请，退还已缴工本费',
      refundTransaction: `W-R${payment.reference}`,
    });
    expect((after as unknown as { lines: { status: string }[]; totals: { refundedCents: number; paidCents: number } }).lines[0]!.status).toBe('refunded');
    expect((after as unknown as { totals: { refundedCents: number; paidCents: number } }).totals).toMatchObject({ refundedCents: 2000, paidCents: 0 });
    expect((await refund(clerk)).status).toBe(409);
    await drain();
    const reversed = (await fees(id)).payments[0]!.fiscalBill as Payment['fiscalBill'] & {
      reversal: { status: string; billNumber: string; documentId: number };
    };
    expect(reversed.reversal).toMatchObject({ status: 'issued', billNumber: expect.stringMatching(/^\d{10}$/) });
    expect(reversed.reversal.billNumber).not.toBe(bill.billNumber);

    const kase = (await citizen.get(`/api/v1/cases/${id}`)).body as {
      documents: { id: number; kind: string; title: string; url: string }[];
      timeline: { type: string; payload: Record<string, unknown> }[];
    };
    const red = kase.documents.find((d) => d.id === reversed.reversal.documentId)!;
    expect(red.title).toBe('非税收入电子票据（红字）');
    const text = (await reader.pdfText(server, citizen, id, red)).replace(/\s+/g, '');
    for (const s of ['非税收入电子票据（红字）', reversed.reversal.billNumber, bill.billNumber!, '负贰拾元整', '-20.00元', '冲红原因：申请人撤回申请'])
      expect(text, s).toContain(s);
    expect(kase.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['fee_refunded', 'fiscal_bill_reversed']));
    const told = await server.sql(
      "SELECT m.title->>'zh-CN' AS title FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'citizen1' AND m.body->>'zh-CN' LIKE $1 ORDER BY m.id",
      [`%${number}%`],
    );
    expect(told.rows.map((r) => r.title)).toEqual(expect.arrayContaining(['费用已退还', '电子票据已红冲']));
  });

  it('issues no bill for a payment refunded before the platform billed it', async () => {
    useFiscalBillProvider(server.deps, fiscalPlatformDown);
    try {
      const { id, payment } = await paidInCash();
      await drainOnce();
      expect((await citizen.post(`/api/v1/cases/${id}/actions`, { action: 'withdraw', reason: '不再需要' })).status).toBe(200);
      expect((await clerk.post(`/api/v1/cases/${id}/fees/actions`, { action: 'refund', paymentId: payment.id, reason: '撤回申请，退还费用' })).status).toBe(
        200,
      );
      useFiscalBillProvider(server.deps, new DemoFiscalBillProvider(server.deps.config.secretKey));
      await drain();
      // asked again, the payment is refunded: nothing is billed, nothing to reverse
      expect(Number((await server.sql("SELECT count(*) AS n FROM case_document WHERE case_id = $1 AND kind = 'fiscal_bill'", [id])).rows[0].n)).toBe(0);
      expect((await fees(id)).payments[0]).toMatchObject({ status: 'refunded', fiscalBill: { status: 'failed' } });
    } finally {
      useFiscalBillProvider(server.deps, new DemoFiscalBillProvider(server.deps.config.secretKey));
    }
  });

  it('bills nothing where no platform is configured', async () => {
    useFiscalBillProvider(server.deps, null);
    try {
      const { id } = await paidInCash();
      await drain();
      const listed = await fees(id);
      expect(listed.fiscalBills).toBe(false);
      expect(listed.payments[0]!.fiscalBill).toBeNull();
    } finally {
      useFiscalBillProvider(server.deps, new DemoFiscalBillProvider(server.deps.config.secretKey));
    }
  });
});
