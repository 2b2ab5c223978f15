import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../harness.ts';
import { sampleForm, sampleMaterials } from '../factories.ts';
import { confirmTaskDialog, screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';
import { caseEvent, licenseRow, publishedItem } from './food-license.ts';

/*
 * A decision in the words of its item's type: citizen1 applies for 居民身份证换领、补领, a 行政确认. On the case page
 * head2 (the police department's chief representative) confirms it — 予以确认 / 不予确认, not 准予许可 / 不予许可 — in
 * Chinese and in English, and the case, its timeline and its documents say 予以确认 and 行政确认决定书. citizen1 reads the
 * same on its own page; 我的证照 lists the ID card without 申请延续 / 申请变更 / 申请注销 (an ID card is not a permit), the
 * application page opened for its cancellation says why there is none, and the public check names its 办理事项.
 */

let run: BrowserRun;
let errors: string[] = [];
let code = '';
const kase = { id: 0, number: '', cardId: 0, cardNumber: '' };

type Task = { id: number; state: string; stage: string };

beforeAll(async () => {
  run = await startBrowserRun('decision-wording');
  errors = run.errors;
  code = (await publishedItem(run.server, '居民身份证换领、补领')).code;
}, 120_000);

afterAll(async () => {
  await run?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });
const openTasks = (body: { tasks: Task[] }) => body.tasks.filter((t) => t.state === 'open' || t.state === 'claimed');

/** head2 approves the case's open steps through the API until `until` is the open one (or none is left). */
async function approveUntil(head: Client, until: string | null) {
  for (let round = 0; round < 6; round++) {
    const body = (await head.get(`/api/v1/cases/${kase.id}`)).body as { tasks: Task[] };
    const open = openTasks(body)[0];
    if (!open || open.stage === until) return;
    const r = await head.post(`/api/v1/cases/${kase.id}/actions`, { action: 'approve', taskId: open.id, opinion: '同意' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

describe('居民身份证换领、补领, confirmed (予以确认)', () => {
  it('lets head2 confirm it on the case page: 予以确认 / 不予确认, in Chinese and in English', { timeout: 180_000 }, async () => {
    const citizen = await signIn(run.server, 'citizen1');
    const clerk = await signIn(run.server, 'clerk1');
    const head = await signIn(run.server, 'head2');
    const applicantId = (await run.server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
    const filed = await citizen.post('/api/v1/cases', {
      itemCode: code,
      formData: sampleForm(item.content.form.schema, idNumber),
      materials: sampleMaterials(item.content.materials),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    Object.assign(kase, { id: filed.body.id, number: filed.body.number });
    expect((await clerk.post(`/api/v1/cases/${kase.id}/actions`, { action: 'accept' })).status).toBe(200);
    await approveUntil(head, 'decide');

    const page = await newPage();
    await signInThroughUi(page, 'head2');
    await page.goto(`/workbench/cases/${kase.id}`);
    const actions = page.getByTestId('task-actions');
    await actions.getByTestId('task-approve').getByText('予以确认').waitFor({ state: 'visible' });
    await actions.getByTestId('task-reject').getByText('不予确认').waitFor({ state: 'visible' });
    await screenshot(page, 'decision-wording-confirm-buttons');
    await page.getByTestId('language-switch').click();
    await actions.getByTestId('task-approve').getByText('Confirm', { exact: true }).waitFor({ state: 'visible' });
    await actions.getByTestId('task-reject').getByText('Refuse to confirm').waitFor({ state: 'visible' });
    await screenshot(page, 'decision-wording-confirm-buttons-en');
    await page.getByTestId('language-switch').click();

    // the denial's warning speaks of 不予确认
    await actions.getByTestId('task-reject').click();
    await page.getByRole('dialog').getByText('不予确认的，应当说明理由', { exact: false }).waitFor({ state: 'visible' });
    // 常用语: two picked, one after the other
    const phrases = page.getByTestId('common-phrases-reject');
    await phrases.getByRole('button', { name: '申请人不具备法定条件' }).click();
    await phrases.getByRole('button', { name: '经现场核查，不符合要求' }).click();
    expect(await page.locator('#task-text').inputValue()).toBe('申请人不具备法定条件；经现场核查，不符合要求');
    await screenshot(page, 'decision-wording-reject-phrases');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await actions.getByTestId('task-approve').click();
    // a phrase takes the default opinion's place
    await page.getByTestId('common-phrases-approve').getByRole('button', { name: '经审查，符合法定条件和标准，同意' }).click();
    expect(await page.locator('#task-text').inputValue()).toBe('经审查，符合法定条件和标准，同意');
    await page.locator('#task-text').fill('户籍信息核验一致');
    await confirmTaskDialog(page);
    await page.getByTestId('outcome').getByText('已作出决定：予以确认').waitFor({ state: 'visible' });
    await caseEvent(page, 'decided').getByText('予以确认').waitFor({ state: 'visible' });
    await page.getByTestId('case-documents').getByText('行政确认决定书').waitFor({ state: 'visible' });
    expect(await page.getByText('准予许可', { exact: false }).count()).toBe(0);
    await screenshot(page, 'decision-wording-confirmed');

    await approveUntil(head, null);
    const done = (await head.get(`/api/v1/cases/${kase.id}`)).body;
    expect(done).toMatchObject({ status: 'concluded', decision: 'granted', itemType: 'confirmation' });
    const card = (done.documents as { id: number; kind: string; number: string }[]).find((d) => d.kind === 'license')!;
    Object.assign(kase, { cardId: card.id, cardNumber: card.number });
    expect(errors).toEqual([]);
  });

  it('shows citizen1 the case confirmed, and 我的证照 the ID card with none of a permit’s applications', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/my/cases/${kase.id}`);
    await page.getByTestId('outcome').getByText('已办结：予以确认', { exact: false }).waitFor({ state: 'visible' });
    await caseEvent(page, 'concluded').getByText('予以确认').waitFor({ state: 'visible' });
    await page.getByTestId('case-documents').getByText('行政确认决定书').waitFor({ state: 'visible' });
    // the 工本费 is unpaid: the results are named, to be had once it is paid, and the card is not held yet
    await page.getByTestId('document-license-withheld').getByText('缴费后提供').waitFor({ state: 'visible' });
    expect(await page.getByTestId('document-decision-withheld').count()).toBe(1);
    expect(await page.getByTestId('document-license').count()).toBe(0);
    await screenshot(page, 'decision-wording-my-case-unpaid');
    const clerk = await signIn(run.server, 'clerk1');
    const fees = (await clerk.get(`/api/v1/cases/${kase.id}/fees`)).body as { lines: { id: number; status: string; amountCents: number }[] };
    for (const line of fees.lines.filter((l) => l.status === 'unpaid')) {
      const paid = await clerk.post(
        `/api/v1/cases/${kase.id}/fees/actions`,
        { action: 'pay', feeId: line.id, method: 'cash', amountCents: line.amountCents },
        { 'idempotency-key': `decision-wording-e2e-pay-${line.id}` },
      );
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    }
    await page.reload();
    await page.getByTestId('case-documents').getByTestId('document-license').waitFor({ state: 'visible' });
    await screenshot(page, 'decision-wording-my-case');

    await page.goto('/my/licenses');
    const row = licenseRow(page, kase.cardId);
    await row.getByText('居民身份证').waitFor({ state: 'visible' });
    await row.getByTestId('license-download').waitFor({ state: 'visible' });
    for (const action of ['license-renew', 'license-change', 'license-cancel']) expect(await row.getByTestId(action).count(), action).toBe(0);
    await page.getByText('延续、变更和注销仅适用于行政许可证照', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'decision-wording-my-licenses');

    // the address of a cancellation, opened all the same: nothing to apply for, and why
    await page.goto(`/apply/${encodeURIComponent(code)}?cancels=${kase.cardId}`);
    const notice = page.getByTestId('cancel-notice');
    await notice.getByText('不是行政许可证照', { exact: false }).waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-cancellable')).toBe('false');
    await page.getByTestId('cancel-back').waitFor({ state: 'visible' });
    expect(await page.getByTestId('apply-submit').count()).toBe(0);
    await screenshot(page, 'decision-wording-no-cancel');

    // anyone checking the card by its number reads its subject as the card prints it: 办理事项, not 许可事项
    const visitor = await newPage();
    await visitor.goto(`/verify/${kase.cardNumber}`);
    await visitor.getByText('办理事项').waitFor({ state: 'visible' });
    expect(await visitor.getByText('许可事项').count()).toBe(0);
    await screenshot(visitor, 'decision-wording-verify');
    expect(errors).toEqual([]);
  });
});
