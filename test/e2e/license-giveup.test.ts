import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../harness.ts';
import { choose, pressUntil, screenshotFromTop as screenshot, signInThroughUi, type BrowserRun } from './support.ts';
import {
  caseEvent,
  applyForFood,
  fillFoodForm,
  grantThrough,
  heldLicenses,
  licenseRow,
  openSubmittedCase,
  receiveEnterpriseAtWindow,
  startFoodStory,
  type FoodStory,
} from './food-license.ts';

/*
 * 申请注销 (a holder gives a license up, 行政许可法 art. 70) through the UI: enterprise1 (云州青禾食品有限公司) holds two
 * 食品经营许可 (granted through the API). On 我的证照 it presses 申请注销 beside the first: the application page names the
 * license and what follows, asks the reason instead of the materials, and confirms before it goes. The case page
 * names the license and the reason; 我的证照 shows the cancellation in hand, and nothing else may be applied for the
 * license meanwhile. At the window, clerk1 receives the holder's cancellation of the second license: 办理类型 注销,
 * the reason, no materials. clerk1 and head1 grant the first (through the API): its case says 准予注销 and marks the
 * license 已注销; 我的证照 lists it no more; 证照管理 and the public check say it was cancelled on the holder's
 * request; the issuing case's timeline names the application. A license that ran out is not given up: the page says
 * its department cancels it. And the application page in English.
 */

let story: FoodStory;
let run: BrowserRun;
let errors: string[] = [];
let creditCode = '';
let foodItemCode = '';
/** the two licenses enterprise1 holds */
const first = { caseId: 0, id: 0, number: '', validUntil: '' };
const second = { caseId: 0, id: 0, number: '', validUntil: '' };
/** the cancellation applied for online */
const giving = { id: 0, number: '' };
const reason = '门店所在楼宇拆迁，停止经营';

type Held = {
  id: number;
  number: string;
  caseId: number;
  validUntil: string | null;
  state: string;
  cancellation: { id: number; number: string; status: string } | null;
  mayRenew: boolean;
  mayChange: boolean;
  mayCancel: boolean;
};

beforeAll(async () => {
  story = await startFoodStory('license-giveup');
  ({ run, foodItemCode, creditCode } = story);
  errors = run.errors;
}, 120_000);

afterAll(async () => {
  await story?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });
const event = caseEvent;
const held = (client: Client) => heldLicenses<Held>(client);

/** A 食品经营许可 granted to enterprise1 through the API: its case and license. */
async function grantedLicense(into: typeof first) {
  const enterprise = await signIn(run.server, 'enterprise1');
  const applied = await applyForFood(run.server, foodItemCode);
  await grantThrough(run.server, applied.body.id);
  const license = (await held(enterprise)).find((l) => l.caseId === applied.body.id)!;
  expect(license).toMatchObject({ state: 'valid', mayCancel: true, cancellation: null });
  Object.assign(into, { caseId: applied.body.id, id: license.id, number: license.number, validUntil: license.validUntil! });
}

describe('申请注销: a 食品经营许可 given up by its holder, online and at the window', () => {
  it('grants enterprise1 two 食品经营许可 (through the API)', { timeout: 180_000 }, async () => {
    await grantedLicense(first);
    await grantedLicense(second);
  });

  it('lets enterprise1 give the first up from 我的证照: the reason asked, no materials, confirmed before it goes', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    await licenseRow(page, first.id).getByTestId('license-cancel').getByText('申请注销').waitFor({ state: 'visible' });
    await licenseRow(page, first.id).getByTestId('license-cancel').click();
    await page.waitForURL(`**/apply/${foodItemCode}?cancels=${first.id}`);

    const notice = page.getByTestId('cancel-notice');
    await notice.getByText('注销申请').first().waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-cancellable')).toBe('true');
    expect(await notice.innerText()).toContain(`本次申请注销 食品经营许可证（编号 ${first.number}，有效期至 ${first.validUntil.replaceAll('-', '/')}）`);
    // the reason instead of the materials; no commitment to choose
    await page.getByTestId('cancel-reason-card').getByText('注销申请无需提交申请材料', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('materials-input').count()).toBe(0);
    expect(await page.getByTestId('commitment-card').count()).toBe(0);

    await fillFoodForm(page, creditCode);
    // no reason: told so, nothing sent
    await page.getByTestId('apply-submit').getByText('提交注销申请').click();
    await page.getByTestId('cancel-reason-form').getByText('请填写注销原因', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('cancel-reason').fill(reason);
    await screenshot(page, 'license-giveup-apply');

    // confirmed before it goes: what it costs
    await page.getByTestId('apply-submit').click();
    const confirm = page.locator('.ant-modal-confirm').last();
    await confirm.locator('.ant-modal-confirm-title').getByText('确认申请注销该证照？').waitFor({ state: 'visible' });
    expect(await page.locator('.ant-modal-confirm').count()).toBe(1);
    expect(await confirm.innerText()).toContain(`证照 ${first.number} 即不再有效，不能恢复`);
    await screenshot(page, 'license-giveup-confirm');
    await pressUntil(confirm.getByRole('button', { name: '确认提交' }), page.getByTestId('case-number'));
    ({ id: giving.id, number: giving.number } = await openSubmittedCase(page));

    // the case names the license, its case and the reason
    const facts = page.getByTestId('case-facts');
    await facts.getByTestId('cancels-fact').getByText(first.number, { exact: false }).waitFor({ state: 'visible' });
    await facts.getByText('注销证照').waitFor({ state: 'visible' });
    expect(await facts.getByTestId('cancels-case').getAttribute('href')).toBe(`/my/cases/${first.caseId}`);
    expect(await facts.getByTestId('cancel-reason-fact').innerText()).toBe(reason);
    await event(page, 'submitted').getByText(`注销申请：证照 ${first.number}`).waitFor({ state: 'visible' });
    await event(page, 'submitted').getByText(`注销原因：${reason}`).waitFor({ state: 'visible' });
    expect(await page.getByTestId('license-action-tag').innerText()).toBe('注销申请');
    await screenshot(page, 'license-giveup-case');

    const enterprise = await signIn(run.server, 'enterprise1');
    const kase = (await enterprise.get(`/api/v1/cases/${giving.id}`)).body;
    expect(kase).toMatchObject({ cancels: { id: first.id, number: first.number, cancelledAt: null }, cancelReason: reason, renews: null, changes: null });
    expect(kase.materials).toEqual([]);
  });

  it('shows the cancellation in hand on 我的证照: nothing else is applied for the license meanwhile', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, first.id);
    await row.getByTestId('license-cancel-hint').getByText('注销申请办理中').waitFor({ state: 'visible' });
    await row.getByTestId('license-cancel-in-hand').getByText(giving.number).waitFor({ state: 'visible' });
    for (const action of ['license-renew', 'license-change', 'license-cancel']) expect(await row.getByTestId(action).count()).toBe(0);
    // the other license may still be given up
    await licenseRow(page, second.id).getByTestId('license-cancel').waitFor({ state: 'visible' });
    await screenshot(page, 'license-giveup-in-hand');

    // the address of a second cancellation of it: said why not, and no form to fill
    await page.goto(`/apply/${foodItemCode}?cancels=${first.id}`);
    const notice = page.getByTestId('cancel-notice');
    await notice.getByText('本次申请不作为注销申请').waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(giving.number);
    expect(await page.getByTestId('apply-form').count()).toBe(0);
    await page.getByTestId('cancel-back').waitFor({ state: 'visible' });

    const enterprise = await signIn(run.server, 'enterprise1');
    expect((await held(enterprise)).find((l) => l.id === first.id)).toMatchObject({
      cancellation: { id: giving.id, number: giving.number },
      mayRenew: false,
      mayChange: false,
      mayCancel: false,
    });
  });

  it('lets clerk1 receive the holder’s cancellation of the second license at the window', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await receiveEnterpriseAtWindow(page, foodItemCode);
    const choice = page.getByTestId('renewal-choice');
    await choice.getByText('办理类型').waitFor({ state: 'visible' });
    await choose(page, 'renewal-mode', '注销');
    // the license it may give up (the first has its cancellation in hand)
    await choice.getByTestId('renewal-license').getByText(second.number, { exact: false }).waitFor({ state: 'visible' });
    await choice.getByTestId('renewal-hint').getByText('无需收取申请材料', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('materials-input').count()).toBe(0);
    await fillFoodForm(page, creditCode);
    await page.getByTestId('cancel-reason').fill('企业转型，不再从事餐饮服务');
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'license-giveup-window');
    await pressUntil(page.getByTestId('intake-submit'), page.getByTestId('case-number'));
    const number = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
    // its case asks no materials: complete as received, the reason among its facts
    await page.getByTestId('open-received').click();
    await page.waitForURL(/\/workbench\/cases\/\d+$/);
    await page.getByTestId('completeness').getByText('必要材料齐全').waitFor({ state: 'visible' });
    await page.getByTestId('case-facts').getByTestId('cancel-reason-fact').getByText('企业转型，不再从事餐饮服务').waitFor({ state: 'visible' });
    await screenshot(page, 'license-giveup-workbench');

    const enterprise = await signIn(run.server, 'enterprise1');
    const listed = (await held(enterprise)).find((l) => l.id === second.id)!;
    expect(listed.cancellation?.number).toBe(number);
    const kase = (await enterprise.get(`/api/v1/cases/${listed.cancellation!.id}`)).body;
    expect(kase).toMatchObject({ channel: 'window', cancels: { id: second.id }, cancelReason: '企业转型，不再从事餐饮服务' });
  });

  it('is granted (clerk1 and head1 through the API): 准予注销, the license cancelled on the holder’s request', { timeout: 240_000 }, async () => {
    await grantThrough(run.server, giving.id);
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto(`/my/cases/${giving.id}`);
    await page.getByTestId('outcome').getByText('准予注销', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('case-facts').getByTestId('cancels-cancelled').getByText('已注销').waitFor({ state: 'visible' });
    // its steps say what was decided, and that it asked no materials
    await event(page, 'decided').getByText('准予注销').waitFor({ state: 'visible' });
    await page.locator('[data-testid=materials-by-round][data-empty=true]').getByText('本办件未提交申请材料').waitFor({ state: 'visible' });
    await screenshot(page, 'license-giveup-granted');

    // no longer held
    await page.goto('/my/licenses');
    await licenseRow(page, second.id).waitFor({ state: 'visible' });
    expect(await licenseRow(page, first.id).count()).toBe(0);

    // the issuing case's timeline names the application
    await page.goto(`/my/cases/${first.caseId}`);
    const cancelled = event(page, 'license_cancelled');
    await cancelled.getByText('被许可人申请注销', { exact: false }).waitFor({ state: 'visible' });
    await cancelled.getByText(`依持证人申请（办件 ${giving.number}）准予注销`).waitFor({ state: 'visible' });

    // the department's ledger, with the holder's reason
    const approverPage = await newPage();
    await signInThroughUi(approverPage, 'approver1');
    await approverPage.goto(`/workbench/licenses?state=cancelled`);
    await approverPage.getByTestId('license-search').locator('input').fill(first.number);
    await approverPage.getByTestId('license-search').locator('input').press('Enter');
    const ledger = approverPage.getByTestId('issued-licenses-table').locator(`tr[data-license="${first.id}"]`);
    await ledger.getByTestId('license-cancelled').getByText('被许可人申请注销').waitFor({ state: 'visible' });
    const approver = await signIn(run.server, 'approver1');
    const issued = (await approver.get(`/api/v1/licenses/issued?q=${first.number}`)).body.items[0];
    expect(issued).toMatchObject({ state: 'cancelled', cancelGround: 'holder_request', cancelNote: reason });
    await screenshot(approverPage, 'license-giveup-ledger');

    // anyone checking it is told
    const visitor = await newPage();
    await visitor.goto(`/verify/${first.number}`);
    const verdict = visitor.getByTestId('verify-verdict');
    await verdict.getByTestId('verify-verdict-word').getByText('已注销', { exact: true }).waitFor({ state: 'visible' });
    await verdict.getByTestId('verify-cancel-ground').getByText('被许可人申请注销', { exact: false }).waitFor({ state: 'visible' });
  });

  it('says a license that ran out is cancelled by its department, not given up', { timeout: 120_000 }, async () => {
    await run.server.sql("UPDATE case_document SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 2 WHERE id = $1", [second.id]);
    // the window's cancellation of it is withdrawn first: nothing is in hand for it
    const enterprise = await signIn(run.server, 'enterprise1');
    const inHand = (await held(enterprise)).find((l) => l.id === second.id)!.cancellation!;
    expect((await enterprise.post(`/api/v1/cases/${inHand.id}/actions`, { action: 'withdraw', reason: '继续经营' })).status).toBe(200);
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, second.id);
    await row.getByTestId('license-state').getByText('已过期').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-cancel').count()).toBe(0);
    await page.goto(`/apply/${foodItemCode}?cancels=${second.id}`);
    const notice = page.getByTestId('cancel-notice');
    await notice.getByText('由发证部门依法注销', { exact: false }).waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-cancellable')).toBe('false');
    expect(await page.getByTestId('apply-form').count()).toBe(0);
    await screenshot(page, 'license-giveup-expired');
  });

  it('shows the application to give a license up in English', { timeout: 120_000 }, async () => {
    await grantedLicense(second);
    const page = await newPage('en');
    await signInThroughUi(page, 'enterprise1');
    await page.goto(`/apply/${foodItemCode}?cancels=${second.id}&lang=en`);
    const notice = page.getByTestId('cancel-notice');
    await notice.getByText('Application to cancel a license').waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(`This application asks for 食品经营许可证 no. ${second.number}`);
    await page.getByTestId('cancel-reason-card').getByText('Cancellation details').waitFor({ state: 'visible' });
    await page.getByTestId('cancel-reason-form').getByText('Reason for cancellation').waitFor({ state: 'visible' });
    await page.getByTestId('apply-submit').getByText('Apply to cancel').waitFor({ state: 'visible' });
    await screenshot(page, 'license-giveup-en');
  });

  it('logged no browser errors', () => {
    expect(errors).toEqual([]);
  });
});
