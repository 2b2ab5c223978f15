import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent } from '../../../test/factories.ts';
import { testSecretHex } from '../../../test/env.ts';
import { DemoPaymentProvider } from './payments.ts';

let server: TestServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ow-fees-'));
let code: string;
let citizen: Client;
let citizen2: Client;
let clerk: Client;
let clerk2: Client;
let head: Client;
const demo = new DemoPaymentProvider(Buffer.from(testSecretHex, 'hex'));
const form = { applicantName: '林小雨', idNumber: '', phone: '13600000001' };
const materials = [
  { key: 'application_form', reference: 'paper:checked' },
  { key: 'business_license', fromLicense: true },
];
let n = 0;
const key = () => `fees-test-${Date.now()}-${++n}`;
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body, { 'idempotency-key': key() });
const feeAct = (c: Client, id: number, body: object, k = key()) => c.post(`/api/v1/cases/${id}/fees/actions`, body, { 'idempotency-key': k });
const count = async (sql: string, values: unknown[]) => Number((await server.sql(sql, values)).rows[0].n);

/** A licence of 市场监管局 with a fee at acceptance (20 元, reducible) and one at the decision assessed at the window. */
async function publishChargeableItem() {
  const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
  const content = itemContent({
    name: '测试收费许可',
    audience: ['person', 'enterprise'],
    isChargeable: true,
    supportsOnlinePayment: true,
    fees: [
      {
        name: '测试工本费',
        standard: '每证 20 元',
        basis: '测试收费依据',
        reducible: true,
        reductionBasis: '低保对象免收',
        amountCents: 2000,
        chargeAt: 'acceptance',
      },
      { name: '测试登记费', standard: '住宅类每件 80 元；非住宅类每件 550 元', basis: '测试收费依据', reducible: false },
    ],
  });
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000600', content });
  expect(created.status).toBe(201);
  expect((await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`)).status).toBe(200);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

async function acceptedCase(): Promise<number> {
  const applied = await citizen.post('/api/v1/cases', { itemCode: code, formData: form, materials }, { 'idempotency-key': key() });
  expect(applied.status).toBe(201);
  const accepted = await act(clerk, applied.body.id, { action: 'accept' });
  expect(accepted.status).toBe(200);
  return applied.body.id as number;
}

async function conclude(id: number) {
  for (let i = 0; i < 6; i++) {
    const kase = (await head.get(`/api/v1/cases/${id}`)).body;
    if (kase.status === 'concluded') return kase;
    const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
    expect(task, JSON.stringify(kase.status)).toBeTruthy();
    const r = await act(head, id, { action: 'approve', taskId: task.id, opinion: '符合条件' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  throw new Error('the case did not conclude');
}

beforeAll(async () => {
  // generated PDFs land in this run's own directory, not the checkout's data/
  server = await startTestServer({ dataDir });
  code = await publishChargeableItem();
  [citizen, citizen2, clerk, clerk2, head] = await Promise.all(['citizen1', 'citizen2', 'clerk1', 'clerk2', 'head1'].map((u) => signIn(server, u)));
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  form.idNumber = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber;
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('fee lines', () => {
  it('creates the acceptance fees at acceptance, scoped like the case, and validates every window action', { timeout: 120_000 }, async () => {
    const id = await acceptedCase();
    const fees = (await citizen.get(`/api/v1/cases/${id}/fees`)).body;
    expect(fees.lines).toHaveLength(1);
    expect(fees.lines[0]).toMatchObject({ name: '测试工本费', amountCents: 2000, status: 'unpaid', chargeAt: 'acceptance' });
    expect(fees.totals).toMatchObject({ dueCents: 2000, unpaidCents: 2000, paidCents: 0, settled: false });
    const line = fees.lines[0].id;

    // another citizen: nothing to see; a citizen cannot act at the window
    expect((await citizen2.get(`/api/v1/cases/${id}/fees`)).status).toBe(404);
    expect((await citizen2.post(`/api/v1/cases/${id}/payments`, { feeId: line })).status).toBe(404);
    expect((await feeAct(citizen, id, { action: 'pay', feeId: line, method: 'cash', amountCents: 2000 })).status).toBe(403);

    // bad input: each a 4xx with the error shape, nothing changed
    for (const body of [
      { action: 'pay', feeId: line, method: 'cash', amountCents: 1999 },
      { action: 'pay', feeId: line, method: 'bitcoin', amountCents: 2000 },
      { action: 'waive', feeId: line },
      { action: 'reduce', feeId: line, amountCents: 3000, reason: '超出应收' },
      { action: 'pay', feeId: line, method: 'cash', amountCents: 2000, extra: 1 },
      // a card without the POS slip's reference, or a malformed one; a reference for cash; cash short of the amount due
      { action: 'pay', feeId: line, method: 'card', amountCents: 2000 },
      { action: 'pay', feeId: line, method: 'card', amountCents: 2000, posReference: '12-34' },
      { action: 'pay', feeId: line, method: 'cash', amountCents: 2000, posReference: '123456789012' },
      { action: 'pay', feeId: line, method: 'cash', amountCents: 2000, tenderedCents: 1500 },
      { action: 'pay', feeId: line, method: 'card', amountCents: 2000, posReference: '123456789012', tenderedCents: 5000 },
    ]) {
      const r = await feeAct(clerk, id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await feeAct(clerk, id, { action: 'pay', feeId: 999999, method: 'cash', amountCents: 2000 })).status).toBe(404);
    expect((await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0]).toMatchObject({ amountCents: 2000, status: 'unpaid', version: 1 });

    // a reduction with its reason, then cash at the window; a retry with the same key pays nothing more
    const reduced = await feeAct(clerk, id, { action: 'reduce', feeId: line, amountCents: 1000, reason: '减半收取（测试）' });
    expect(reduced.status).toBe(200);
    expect(reduced.body.lines[0]).toMatchObject({ amountCents: 1000, adjustment: 'reduced', adjustmentReason: '减半收取（测试）' });
    const k = key();
    const paid = await feeAct(clerk, id, { action: 'pay', feeId: line, method: 'cash', amountCents: 1000, tenderedCents: 5000 }, k);
    expect(paid.status).toBe(200);
    expect(paid.body.totals).toMatchObject({ paidCents: 1000, unpaidCents: 0, settled: true });
    expect(paid.body.payments[0]).toMatchObject({ method: 'cash', amountCents: 1000, tenderedCents: 5000, posReference: null });
    const again = await feeAct(clerk, id, { action: 'pay', feeId: line, method: 'cash', amountCents: 1000, tenderedCents: 5000 }, k);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('SELECT count(*) AS n FROM case_payment WHERE fee_id = $1', [line])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM case_document WHERE case_id = $1 AND kind = 'receipt'", [id])).toBe(1);
    // a payment has one receipt: a second document for it is refused by the database (migrations/0020)
    const second = await server
      .sql(
        `INSERT INTO case_document (case_id, kind, number, title, content, payment_id)
         SELECT case_id, kind, number || '-2', title, content, payment_id FROM case_document WHERE case_id = $1 AND kind = 'receipt'`,
        [id],
      )
      .catch((e: { code?: string; constraint?: string }) => e);
    expect(second).toMatchObject({ code: '23505', constraint: 'case_document_payment_key' });
    // the receipt is a PDF with what was paid, for the citizen too
    const receipt = (await citizen.get(`/api/v1/cases/${id}/documents`)).body.items.find((d: { kind: string }) => d.kind === 'receipt');
    const pdf = await fetch(server.baseUrl + receipt.url, { headers: { cookie: citizen.cookie } });
    expect(pdf.status).toBe(200);
    const file = path.join(dataDir, `receipt-${id}.pdf`);
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.stderr).toBe('');
    for (const s of ['缴费凭证', '测试工本费', '10.00元', '现金', '实收现金50.00元', '找零', '40.00元', (await citizen.get(`/api/v1/cases/${id}`)).body.number])
      expect(text.stdout.replace(/\s+/g, ''), s).toContain(s);
    // paid is final
    expect((await feeAct(clerk, id, { action: 'waive', feeId: line, reason: '已缴费后免收' })).status).toBe(409);
  });

  it('says what will be charged, and when, before the lines exist: from the fee schedule of the version filed under', { timeout: 120_000 }, async () => {
    const applied = await citizen.post('/api/v1/cases', { itemCode: code, formData: form, materials }, { 'idempotency-key': key() });
    expect(applied.status).toBe(201);
    const id = applied.body.id as number;
    // before acceptance: no line yet, both fees to come — the one at acceptance with its amount, the other assessed once granted
    const before = (await citizen.get(`/api/v1/cases/${id}/fees`)).body;
    expect(before.lines).toEqual([]);
    expect(before.totals).toMatchObject({ dueCents: 0, settled: true });
    expect(before.expected).toEqual([
      { feeIndex: 0, name: '测试工本费', standard: '每证 20 元', basis: '测试收费依据', reducible: true, chargeAt: 'acceptance', amountCents: 2000 },
      {
        feeIndex: 1,
        name: '测试登记费',
        standard: '住宅类每件 80 元；非住宅类每件 550 元',
        basis: '测试收费依据',
        reducible: false,
        chargeAt: 'decision',
        amountCents: null,
      },
    ]);
    // accepted: the acceptance fee is a line, the decision's still to come
    expect((await act(clerk, id, { action: 'accept' })).status).toBe(200);
    const accepted = (await citizen.get(`/api/v1/cases/${id}/fees`)).body;
    expect(accepted.lines.map((l: { feeIndex: number; name: string }) => [l.feeIndex, l.name])).toEqual([[0, '测试工本费']]);
    expect(accepted.expected.map((f: { name: string; chargeAt: string }) => [f.name, f.chargeAt])).toEqual([['测试登记费', 'decision']]);
    // granted: every fee is a line, nothing more to come
    await conclude(id);
    const concluded = (await citizen.get(`/api/v1/cases/${id}/fees`)).body;
    expect(concluded.lines).toHaveLength(2);
    expect(concluded.expected).toEqual([]);
    // withdrawn before acceptance: nothing will be charged
    const other = await citizen.post('/api/v1/cases', { itemCode: code, formData: form, materials }, { 'idempotency-key': key() });
    expect((await act(citizen, other.body.id, { action: 'withdraw', reason: '不再需要' })).status).toBe(200);
    expect((await citizen.get(`/api/v1/cases/${other.body.id}/fees`)).body).toMatchObject({ lines: [], expected: [] });
  });

  it('lets exactly one of two concurrent payments of one line win', { timeout: 120_000 }, async () => {
    const id = await acceptedCase();
    const line = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id;
    const results = await Promise.all([
      feeAct(clerk, id, { action: 'pay', feeId: line, method: 'cash', amountCents: 2000 }),
      feeAct(clerk2, id, { action: 'pay', feeId: line, method: 'card', amountCents: 2000, posReference: '202611280001' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count("SELECT count(*) AS n FROM case_payment WHERE fee_id = $1 AND status = 'succeeded'", [line])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM case_document WHERE case_id = $1 AND kind = 'receipt'", [id])).toBe(1);
  });
});

describe('online payment', () => {
  it('starts a payment idempotently, refuses forged and stale callbacks, and settles once on a signed one', { timeout: 120_000 }, async () => {
    const id = await acceptedCase();
    const line = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id;
    const k = key();
    const started = await citizen.post(`/api/v1/cases/${id}/payments`, { feeId: line }, { 'idempotency-key': k });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ amountCents: 2000, provider: 'demo' });
    expect(started.body.payUrl).toBe(`/api/v1/payments/demo/${started.body.reference}`);
    const retry = await citizen.post(`/api/v1/cases/${id}/payments`, { feeId: line }, { 'idempotency-key': k });
    expect(retry.body.reference).toBe(started.body.reference);
    expect(await count('SELECT count(*) AS n FROM case_payment WHERE fee_id = $1', [line])).toBe(1);
    expect((await clerk.post(`/api/v1/cases/${id}/payments`, { feeId: line }, { 'idempotency-key': key() })).status).toBe(403);
    expect((await citizen.post(`/api/v1/cases/${id}/payments`, { feeId: line, amountCents: 1 })).status).toBe(400);

    // the pay page shows the payment
    const page = await fetch(server.baseUrl + started.body.payUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¥ 20.00');

    const raw = JSON.stringify({ reference: started.body.reference, transaction: 'DEMO-T-1', status: 'succeeded', amountCents: 2000 });
    const callback = (body: string, signature: string) =>
      fetch(`${server.baseUrl}/api/v1/payments/callback/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-signature': signature },
        body,
      });
    const good = demo.sign(raw);
    // forged: another key, a changed body, a missing header, an old timestamp
    const forged = new DemoPaymentProvider(Buffer.alloc(32, 7)).sign(raw);
    for (const [body, sig] of [
      [raw, forged],
      [raw.replace('2000', '1'), good],
      [raw, ''],
      [raw, demo.sign(raw, Math.floor(Date.now() / 1000) - 3600)],
    ]) {
      const r = await callback(body!, sig!);
      expect(r.status, sig).toBe(403);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    expect((await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].status).toBe('unpaid');
    expect(await count("SELECT count(*) AS n FROM case_payment WHERE fee_id = $1 AND status = 'pending'", [line])).toBe(1);

    const ok = await callback(raw, good);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'succeeded', replayed: false });
    // the same callback again (a provider retries): nothing more happens
    const replay = await callback(raw, demo.sign(raw));
    expect(await replay.json()).toMatchObject({ status: 'succeeded', replayed: true });
    const fees = (await citizen.get(`/api/v1/cases/${id}/fees`)).body;
    expect(fees.lines[0].status).toBe('paid');
    expect(fees.payments).toHaveLength(1);
    expect(fees.payments[0]).toMatchObject({ method: 'online', status: 'succeeded' });
    expect(fees.payments[0].receiptDocumentId).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM case_event WHERE case_id = $1 AND type = 'payment_confirmed'", [id])).toBe(1);

    // the demo pay page's button does the same through the provider's signed callback
    const id2 = await acceptedCase();
    const line2 = (await citizen.get(`/api/v1/cases/${id2}/fees`)).body.lines[0].id;
    const s2 = await citizen.post(`/api/v1/cases/${id2}/payments`, { feeId: line2 }, { 'idempotency-key': key() });
    const confirm = await fetch(`${server.baseUrl}${s2.body.payUrl}/confirm`, { method: 'POST', redirect: 'manual' });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`/my/cases/${id2}?payment=${s2.body.reference}`);
    expect((await citizen.get(`/api/v1/cases/${id2}/fees`)).body.lines[0].status).toBe('paid');

    await server.drainOutbox();
    const titles = (await citizen.get('/api/v1/messages')).body.items.map((m: { title: { 'zh-CN': string } }) => m.title['zh-CN']);
    expect(titles).toEqual(expect.arrayContaining(['请缴纳费用', '缴费成功']));
  });

  it('records a callback for a line paid meanwhile at the window as superseded, which the window refunds once', { timeout: 120_000 }, async () => {
    const id = await acceptedCase();
    const line = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id;
    const s = await citizen.post(`/api/v1/cases/${id}/payments`, { feeId: line }, { 'idempotency-key': key() });
    const byCard = await feeAct(clerk, id, { action: 'pay', feeId: line, method: 'card', amountCents: 2000, posReference: 'A1B2C3D4E5F6' });
    expect(byCard.status).toBe(200);
    expect(byCard.body.payments.find((p: { method: string }) => p.method === 'card')).toMatchObject({ posReference: 'A1B2C3D4E5F6', tenderedCents: null });
    const raw = JSON.stringify({ reference: s.body.reference, transaction: 'DEMO-T-2', status: 'succeeded', amountCents: 2000 });
    const r = await fetch(`${server.baseUrl}/api/v1/payments/callback/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-signature': demo.sign(raw) },
      body: raw,
    });
    expect(await r.json()).toMatchObject({ status: 'superseded' });
    expect(await count("SELECT count(*) AS n FROM case_payment WHERE fee_id = $1 AND status = 'succeeded'", [line])).toBe(1);
    // the applicant's payment and the provider's callback are in the case's trail for those who read the case
    const trail = (await (await signIn(server, 'centeradmin')).get(`/api/v1/audit/entries?targetType=case&targetId=${id}&limit=100`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(trail).toEqual(expect.arrayContaining(['case.submitted', 'case.payment_started', 'case.payment_superseded']));

    // the window refunds the duplicate through the provider, once; the applicant is told
    const duplicate = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.payments.find((p: { status: string }) => p.status === 'superseded');
    const paid = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.payments.find((p: { status: string }) => p.status === 'succeeded');
    const refund = (who: typeof clerk, body: Record<string, unknown>, k = key()) =>
      who.post(`/api/v1/cases/${id}/fees/actions`, { action: 'refund', ...body }, { 'idempotency-key': k });
    expect((await refund(citizen, { paymentId: duplicate.id, reason: '重复缴费' })).status).toBe(403);
    expect((await refund(clerk, { paymentId: duplicate.id })).status).toBe(400);
    expect((await refund(clerk, { paymentId: paid.id, reason: '重复缴费' })).body.error.code).toBe('CONFLICT');
    expect((await refund(clerk, { paymentId: duplicate.id, reason: '重复缴费', expectedVersion: duplicate.version + 1 })).status).toBe(409);
    // two clerks refund at once: one refunds, the other gets 409; a retry of the one that won answers the same
    const body = { paymentId: duplicate.id, reason: '重复缴费，原路退回', expectedVersion: duplicate.version };
    const keys = [key(), key()];
    const both = await Promise.all(keys.map((k) => refund(clerk, body, k)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = both.findIndex((r) => r.status === 200);
    expect(both[won]!.body.payments.find((p: { id: number }) => p.id === duplicate.id)).toMatchObject({
      status: 'refunded',
      refundReason: '重复缴费，原路退回',
      refundTransaction: expect.stringMatching(/^DEMOR/),
      refundedAt: expect.any(String),
    });
    expect((await refund(clerk, body, keys[won])).status).toBe(200);
    expect((await refund(clerk, { paymentId: duplicate.id, reason: '重复缴费' })).status).toBe(409);
    expect(await count("SELECT count(*) AS n FROM case_event WHERE case_id = $1 AND type = 'payment_refunded'", [id])).toBe(1);
    expect((await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].status).toBe('paid');
    await server.drainOutbox();
    const told = (await citizen.get('/api/v1/messages')).body.items.map((m: { title: { 'zh-CN': string } }) => m.title['zh-CN']);
    expect(told).toContain('退款已办理');
  });
});

describe('delivery', () => {
  it('refuses to deliver the result while a fee line is unpaid', { timeout: 120_000 }, async () => {
    const id = await acceptedCase();
    const first = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id;
    expect((await feeAct(clerk, id, { action: 'waive', feeId: first, reason: '低保对象免收' })).body.lines[0]).toMatchObject({
      status: 'waived',
      amountCents: 0,
    });
    await conclude(id);
    // the decision created the second line, without an amount: the window assesses it
    const fees = (await clerk.get(`/api/v1/cases/${id}/fees`)).body;
    const second = fees.lines.find((l: { name: string }) => l.name === '测试登记费');
    expect(second).toMatchObject({ status: 'unpaid', amountCents: null, chargeAt: 'decision' });
    expect((await feeAct(clerk, id, { action: 'pay', feeId: second.id, method: 'cash', amountCents: 8000 })).status).toBe(409);

    const blocked = await act(clerk, id, { action: 'deliver', method: 'electronic' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.details.reason).toMatch(/unpaid/);
    expect(blocked.body.error.details.unpaid).toEqual([{ id: second.id, name: '测试登记费', amountCents: null }]);
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.status).toBe('concluded');

    expect((await feeAct(clerk, id, { action: 'assess', feeId: second.id, amountCents: 8000, reason: '住宅类' })).status).toBe(200);
    expect((await feeAct(clerk, id, { action: 'pay', feeId: second.id, method: 'cash', amountCents: 8000 })).status).toBe(200);
    const delivered = await act(clerk, id, { action: 'deliver', method: 'electronic' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
  });
});

describe('fee amounts in the catalog', () => {
  it('carries the standard amount and the charge point through the spreadsheet export and import', { timeout: 120_000 }, async () => {
    const admin = await signIn(server, 'catalogadmin');
    const r = await fetch(`${server.baseUrl}/api/v1/catalog/admin/export.xlsx`, { headers: { cookie: admin.cookie } });
    const data = Buffer.from(await r.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('收费')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((v) => v?.includes('测试工本费'))!.slice(1);
    expect(row[header.indexOf('标准金额（元）')]).toBe(20);
    expect(row[header.indexOf('收取时点')]).toBe('受理时');
    // a bad amount is reported on its row; nothing is saved
    const bad = rows.findIndex((v) => v?.includes('测试工本费')) + 2;
    sheet.getRow(bad).getCell(header.indexOf('标准金额（元）') + 1).value = '二十';
    const broken = Buffer.from(await book.xlsx.writeBuffer());
    const refused = await admin.post('/api/v1/catalog/admin/import', { content: broken.toString('base64'), dryRun: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: '收费', row: bad, column: '标准金额（元）' })]));
    // the exported workbook imports with its amounts
    const imported = await admin.post('/api/v1/catalog/admin/import', { content: data.toString('base64') });
    expect(imported.status).toBe(200);
    const draft = await server.sql(
      "SELECT v.content->'fees' AS fees FROM item_version v JOIN item i ON i.id = v.item_id WHERE i.code = $1 AND v.state = 'draft' ORDER BY v.number DESC LIMIT 1",
      [code],
    );
    expect(draft.rows[0].fees[0]).toMatchObject({ name: '测试工本费', amountCents: 2000, chargeAt: 'acceptance' });
    expect(draft.rows[0].fees[1]).toMatchObject({ name: '测试登记费', chargeAt: 'decision' });
    expect(draft.rows[0].fees[1].amountCents).toBeUndefined();
  });
});
