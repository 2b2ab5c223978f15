import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client, type TestServer } from '../harness.ts';
import { fiscalPlatformDown, itemContent } from '../factories.ts';
import { cjkRendering, pickRadio, pressUntil, screenshotFromTop as screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';
import { DemoFiscalBillProvider, useFiscalBillProvider } from '../../src/modules/cases/fiscal-bills.ts';

/*
 * Fees and documents as the people at the center see them: a citizen whose accepted case has a fee
 * finds it on the case page with the acceptance notice, pays online through the demo provider's page
 * and comes back paid with a receipt; the clerk sees the case's fees and documents in the workbench,
 * and the delivery dialog of a concluded case that still owes its decision fee holds delivery back; a
 * payment made online after the window took the fee is refunded by the clerk.
 */

let run: BrowserRun;
let server: TestServer;
let errors: string[] = [];
let code: string;
let citizen: Client;
let clerk: Client;
const form = { applicantName: '林小雨', idNumber: '', phone: '13600000001' };
const materials = [
  { key: 'application_form', reference: '纸质原件已核验' },
  { key: 'business_license', fromLicense: true },
];
let n = 0;
const key = () => `fees-e2e-${Date.now()}-${++n}`;

async function publishChargeableItem() {
  const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
  const content = itemContent({
    name: '食品经营许可（收费演示）',
    audience: ['person', 'enterprise'],
    isChargeable: true,
    supportsOnlinePayment: true,
    resultName: '食品经营许可证',
    fees: [
      { name: '证照工本费', standard: '每证 20 元', basis: '演示收费依据', reducible: true, amountCents: 2000, chargeAt: 'acceptance' },
      { name: '登记费', standard: '住宅类每件 80 元；非住宅类每件 550 元', basis: '演示收费依据', reducible: false },
    ],
  });
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000800', content });
  expect(created.status).toBe(201);
  await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

async function acceptedCase() {
  const applied = await citizen.post('/api/v1/cases', { itemCode: code, formData: form, materials }, { 'idempotency-key': key() });
  expect(applied.status).toBe(201);
  expect((await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' }, { 'idempotency-key': key() })).status).toBe(200);
  return applied.body as { id: number; number: string };
}

beforeAll(async () => {
  run = await startBrowserRun('fees');
  server = run.server;
  errors = run.errors;
  code = await publishChargeableItem();
  citizen = await signIn(server, 'citizen1');
  clerk = await signIn(server, 'clerk1');
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  form.idNumber = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber;
});

afterAll(async () => {
  await run?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });

describe('fees and documents in the browser', () => {
  it('tells the citizen before acceptance what will be charged, and when', { timeout: 180_000 }, async () => {
    const applied = await citizen.post('/api/v1/cases', { itemCode: code, formData: form, materials }, { 'idempotency-key': key() });
    expect(applied.status).toBe(201);
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/my/cases/${applied.body.id}`);
    // not "no fees": the fee schedule of the version filed under, each with when it is charged
    const expected = page.getByTestId('fees-expected');
    await expected.waitFor({ state: 'visible' });
    expect(await page.getByText('本办件暂无收费项目').count()).toBe(0);
    expect(await page.getByTestId('fee-expected-0').innerText()).toMatch(/受理时收取[\s\S]*证照工本费[\s\S]*¥20\.00[\s\S]*每证 20 元/);
    expect(await page.getByTestId('fee-expected-1').innerText()).toMatch(/准予后收取[\s\S]*登记费[\s\S]*待窗口核定[\s\S]*住宅类每件 80 元/);
    await expected.scrollIntoViewIfNeeded();
    await screenshot(page, 'fees-portal-expected');
    // once accepted, the acceptance fee is due; the one charged once granted is still to come
    expect((await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' }, { 'idempotency-key': key() })).status).toBe(200);
    await page.reload();
    await page.getByTestId('fees-panel').getByText('待缴费').waitFor({ state: 'visible' });
    expect(await page.getByTestId('fee-expected-0').count()).toBe(0);
    await page.getByTestId('fee-expected-1').getByText('登记费').waitFor({ state: 'visible' });
    // in English too
    await page.getByTestId('language-switch').click();
    await page.getByTestId('fee-expected-1').getByText('Once granted').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });

  it('lets the citizen pay online and download the acceptance notice', { timeout: 180_000 }, async () => {
    const { id, number } = await acceptedCase();
    // an attempt to pay online left unfinished (the provider's page closed)
    const line0 = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id as number;
    const left = await citizen.post(`/api/v1/cases/${id}/payments`, { feeId: line0 }, { 'idempotency-key': key() });
    expect(left.status).toBe(201);
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/my/cases/${id}`);
    const fees = page.getByTestId('fees-panel');
    await fees.waitFor({ state: 'visible' });
    // while the fee is unpaid, the attempt may still be paid
    await page.locator(`[data-testid=fee-payment-${left.body.paymentId}][data-status=pending]`).getByText('待支付').waitFor({ state: 'visible' });
    expect(await cjkRendering(page)).toMatchObject({ identicalToMissingGlyph: false });
    await expect.poll(() => fees.textContent()).toContain('待缴费');
    expect(await fees.textContent()).toContain('¥20.00');
    const notice = page.getByTestId('document-acceptance_notice');
    await notice.waitFor({ state: 'visible' });
    await screenshot(page, 'fees-portal-unpaid');

    // the acceptance notice downloads as a PDF
    const href = await notice.getAttribute('href');
    const pdf = await page.context().request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 在线缴费 → the provider's page → back, paid
    const line = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id;
    await page.getByTestId(`fee-pay-online-${line}`).click();
    await page.waitForURL('**/api/v1/payments/demo/**');
    await page.getByTestId('demo-pay').waitFor({ state: 'visible' });
    expect(await page.getByTestId('demo-pay').textContent()).toContain(number);
    await screenshot(page, 'fees-demo-provider');
    await page.getByTestId('demo-pay-confirm').click();
    await page.waitForURL(`**/my/cases/${id}?payment=*`);
    await page.getByTestId('payment-done').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId(`fee-status-${line}`).textContent()).toBe('已缴费');
    await page.getByTestId('document-receipt').waitFor({ state: 'visible' });
    expect(await page.getByTestId('fee-payments').textContent()).toContain('网上支付');
    // the attempt left unfinished no longer waits for payment: the fee is paid
    const abandoned = page.locator(`[data-testid=fee-payment-${left.body.paymentId}][data-status=abandoned]`);
    await abandoned.getByText('未完成（已放弃）').waitFor({ state: 'visible' });
    expect(await page.getByTestId('fee-payments').textContent()).not.toContain('待支付');
    await screenshot(page, 'fees-portal-paid');

    // 财政电子票据: on its way until the platform answers (asked through the outbox once the payment committed), then in
    const paymentId = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.payments.find((p: { status: string }) => p.status === 'succeeded').id as number;
    const bill = (status: string) => page.locator(`[data-testid=fiscal-bill-${paymentId}][data-status=${status}]`);
    await bill('pending').getByText('电子票据开具中').waitFor({ state: 'visible' });
    await server.drainOutbox();
    await server.drainOutbox();
    const issued = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.payments.find((p: { id: number }) => p.id === paymentId).fiscalBill;
    expect(issued).toMatchObject({ status: 'issued', billNumber: expect.stringMatching(/^\d{10}$/) });
    // the page looks again by itself, and the bill's document and step follow
    await bill('issued').getByText(`电子票据 ${issued.billNumber}`).waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByTestId('document-fiscal_bill').waitFor({ state: 'visible' });
    await page.getByTestId('case-timeline').getByText('开具电子票据').first().waitFor({ state: 'visible' });
    const billPdf = await page.context().request.get(`/api/v1/cases/${id}/documents/${issued.documentId}/pdf`);
    expect(billPdf.status()).toBe(200);
    await bill('issued').scrollIntoViewIfNeeded();
    await screenshot(page, 'fees-fiscal-bill');
    expect(errors).toEqual([]);
  });

  it('shows the clerk the fees and documents, and holds delivery while a fee is unpaid', { timeout: 180_000 }, async () => {
    const { id } = await acceptedCase();
    const head = await signIn(server, 'head1');
    for (let i = 0; i < 5; i++) {
      const kase = (await head.get(`/api/v1/cases/${id}`)).body;
      if (kase.status === 'concluded') break;
      const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
      expect(
        (await head.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '符合条件' }, { 'idempotency-key': key() })).status,
      ).toBe(200);
    }
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/cases/${id}`);
    await page.getByTestId('fees-panel').waitFor({ state: 'visible' });
    await page.getByTestId('document-license').waitFor({ state: 'visible' });
    // the clerk takes the acceptance fee in cash at the window
    const lines = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.lines;
    await page.getByTestId(`fee-pay-${lines[0].id}`).click();
    // a card takes the POS slip's reference; cash handed over short of the amount is refused, more gives the change
    await pickRadio(page.getByTestId('fee-pay-method'), '银行卡');
    expect(await page.getByTestId('fee-action-ok').isDisabled()).toBe(true);
    await pickRadio(page.getByTestId('fee-pay-method'), '现金');
    await page.locator('#fee-tendered').fill('5');
    await page.getByTestId('fee-action-dialog').getByText('实收金额少于应缴金额').waitFor({ state: 'visible' });
    expect(await page.getByTestId('fee-action-ok').isDisabled()).toBe(true);
    await page.locator('#fee-tendered').fill('100');
    await page.getByTestId('fee-change').getByText('找零 ¥80.00').waitFor({ state: 'visible' });
    await screenshot(page, 'fees-pay-cash');
    // a click lost while the dialog animates in is made again (the dialog keeps its Idempotency-Key)
    await pressUntil(page.getByTestId('fee-action-ok'), page.getByTestId(`fee-status-${lines[0].id}`).getByText('已缴费', { exact: true }));
    await page.getByTestId('fee-payments').getByText('实收 ¥100.00，找零 ¥80.00').waitFor({ state: 'visible' });
    await screenshot(page, 'fees-workbench-case');
    // the decision fee is still to be assessed and paid: delivery waits
    await page.getByTestId('action-deliver').click();
    await page.getByTestId('unpaid-fees').waitFor({ state: 'visible' });
    expect(await page.getByTestId('unpaid-fees').textContent()).toContain('登记费');
    expect(await page.getByTestId('deliver-ok').isDisabled()).toBe(true);
    await screenshot(page, 'fees-delivery-blocked');
    expect(errors).toEqual([]);
  });

  it('lets the clerk refund a payment made online after the fee was taken at the window', { timeout: 180_000 }, async () => {
    const { id } = await acceptedCase();
    const line = (await citizen.get(`/api/v1/cases/${id}/fees`)).body.lines[0].id as number;
    // the applicant opens the provider's page; meanwhile the window takes the fee in cash; then the provider confirms
    const started = await citizen.post(`/api/v1/cases/${id}/payments`, { feeId: line }, { 'idempotency-key': key() });
    expect(started.status).toBe(201);
    const cash = await clerk.post(
      `/api/v1/cases/${id}/fees/actions`,
      { action: 'pay', feeId: line, method: 'cash', amountCents: 2000 },
      { 'idempotency-key': key() },
    );
    expect(cash.status).toBe(200);
    expect((await fetch(`${server.baseUrl}${started.body.payUrl}/confirm`, { method: 'POST', redirect: 'manual' })).status).toBe(303);
    const duplicate = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.payments.find((p: { status: string }) => p.status === 'superseded');
    expect(duplicate).toBeDefined();

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/cases/${id}`);
    const payments = page.getByTestId('fee-payments');
    await payments.getByText('重复支付，待退款').waitFor({ state: 'visible' });
    await page.getByTestId(`fee-refund-${duplicate.id}`).click();
    const dialog = page.getByTestId('fee-refund-dialog');
    await dialog.getByText('原路退回').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('fee-refund-reason').inputValue()).toBe('重复缴费，原路退回');
    await screenshot(page, 'fees-refund-dialog');
    await pressUntil(page.getByTestId('fee-refund-ok'), payments.getByText('已退款'));
    expect(await page.getByTestId(`fee-refund-${duplicate.id}`).count()).toBe(0);
    await page.getByTestId('case-timeline').getByText('重复缴费已退款').first().waitFor({ state: 'visible' });
    await screenshot(page, 'fees-refunded');

    // the applicant sees it refunded, and the line stays paid once
    const fees = (await citizen.get(`/api/v1/cases/${id}/fees`)).body;
    expect(fees.payments.find((p: { id: number }) => p.id === duplicate.id)).toMatchObject({ status: 'refunded', refundReason: '重复缴费，原路退回' });
    expect(fees.lines[0].status).toBe('paid');
    expect(errors).toEqual([]);
  });
  it('lets the clerk give a fee back once the application is withdrawn (退费), its e-bill reversed (红冲)', { timeout: 180_000 }, async () => {
    const { id } = await acceptedCase();
    const line = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.lines[0];
    const paid = await clerk.post(
      `/api/v1/cases/${id}/fees/actions`,
      { action: 'pay', feeId: line.id, method: 'cash', amountCents: line.amountCents },
      { 'idempotency-key': key() },
    );
    expect(paid.status).toBe(200);
    const payment = paid.body.payments[0] as { id: number };
    await server.drainOutbox();
    await server.drainOutbox();
    const billed = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.payments[0].fiscalBill as { billNumber: string };

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/cases/${id}`);
    const payments = page.getByTestId('fee-payments');
    await payments.locator(`[data-testid=fiscal-bill-${payment.id}][data-status=issued]`).waitFor({ state: 'visible' });
    // still being handled: nothing to give back
    expect(await page.getByTestId(`fee-refund-${payment.id}`).count()).toBe(0);

    // withdrawn by the applicant: 退费 is offered, says what follows and asks why
    expect((await citizen.post(`/api/v1/cases/${id}/actions`, { action: 'withdraw', reason: '不再需要' }, { 'idempotency-key': key() })).status).toBe(200);
    await page.reload();
    await page.getByTestId(`fee-refund-${payment.id}`).getByText('退费').click();
    const dialog = page.getByTestId('fee-refund-dialog');
    await dialog.getByText('现金或刷卡缴纳的由窗口当场退还', { exact: false }).waitFor({ state: 'visible' });
    // it names the bill the platform will reverse
    await dialog
      .locator('[data-testid=fee-refund-bill][data-status=issued]')
      .getByText(`已开具电子票据 ${billed.billNumber}`, { exact: false })
      .waitFor({ state: 'visible' });
    expect(await page.getByTestId('fee-refund-reason').inputValue()).toBe('');
    await page.getByTestId('fee-refund-reason').fill('申请人撤回申请，退还已缴工本费');
    await screenshot(page, 'fees-refund-line-dialog');
    await pressUntil(page.getByTestId('fee-refund-ok'), page.getByTestId(`fee-status-${line.id}`).getByText('已退费'));
    await payments.locator(`[data-testid=fiscal-bill-reversal-${payment.id}][data-status=pending]`).getByText('电子票据红冲中').waitFor({ state: 'visible' });

    // the platform reverses the bill; the page looks again by itself
    await server.drainOutbox();
    await server.drainOutbox();
    await payments
      .locator(`[data-testid=fiscal-bill-reversal-${payment.id}][data-status=issued]`)
      .getByText(/红字票据 \d{10}/)
      .waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByTestId('case-timeline').getByText('退还已缴费用').first().waitFor({ state: 'visible' });
    await page.getByTestId('case-timeline').getByText('电子票据红冲').first().waitFor({ state: 'visible' });
    await payments.scrollIntoViewIfNeeded();
    await screenshot(page, 'fees-refund-line-reversed');
    expect(errors).toEqual([]);
  });
  it('shows the clerk a bill the platform owes, and asks the platform again once it is back (重新开具)', { timeout: 180_000 }, async () => {
    const demo = new DemoFiscalBillProvider(server.deps.config.secretKey);
    useFiscalBillProvider(server.deps, fiscalPlatformDown);
    try {
      const { id } = await acceptedCase();
      const line = (await clerk.get(`/api/v1/cases/${id}/fees`)).body.lines[0];
      const paid = await clerk.post(
        `/api/v1/cases/${id}/fees/actions`,
        { action: 'pay', feeId: line.id, method: 'card', amountCents: line.amountCents, posReference: '202611280042' },
        { 'idempotency-key': key() },
      );
      const payment = paid.body.payments[0] as { id: number };
      await server.drainOutbox();

      const page = await newPage();
      await signInThroughUi(page, 'clerk1');
      await page.goto(`/workbench/cases/${id}`);
      const bill = page.locator(`[data-testid=fiscal-bill-${payment.id}][data-status=failed]`);
      await bill.getByText('电子票据暂未开具，系统将自动重试').waitFor({ state: 'visible' });
      await bill.scrollIntoViewIfNeeded();
      await screenshot(page, 'fees-bill-owed');

      // the platform is back: 重新开具 asks it now
      useFiscalBillProvider(server.deps, demo);
      await page.getByTestId(`fiscal-bill-again-${payment.id}`).click();
      await page
        .locator(`[data-testid=fiscal-bill-${payment.id}][data-status=issued]`)
        .getByText(/电子票据 \d{10}/)
        .waitFor({ state: 'visible' });
      await page.getByTestId('document-fiscal_bill').waitFor({ state: 'visible' });
      expect(errors).toEqual([]);
    } finally {
      useFiscalBillProvider(server.deps, new DemoFiscalBillProvider(server.deps.config.secretKey));
    }
  });
});
