import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, type Client } from '../harness.ts';
import { pickRadio, pressUntil, screenshotFromTop as screenshot, signInThroughUi, type BrowserRun } from './support.ts';
import { fillFoodForm, handInFoodMaterials, openSubmittedCase, startFoodStory, type FoodStory } from './food-license.ts';
import { remindCommitmentChecksDue } from '../../src/modules/cases/reminders.ts';

/*
 * 告知承诺制 (approval by written commitment) through the UI: enterprise1 (云州青禾食品有限公司) applies online for
 * 食品经营许可 by commitment — told the conditions, it ticks the commitment; clerk1 accepts it and head1 decides and
 * concludes (through the API: other stories cover those pages) — no review stage on the way; the check after the
 * grant (事后核查) waits at 市场监管局: approver1 finds it in 待办 → 事后核查, opens the case and records that the
 * commitment was false, which revokes the license; the case page says so, and so does enterprise1's 我的办件.
 */

/** 食品经营许可 at 云州市市场监督管理局: an item that allows applying by commitment. */
let foodItemCode = '';

let story: FoodStory;
let run: BrowserRun;
let pdfPath: string;
let errors: string[] = [];
let creditCode = '';
let caseId = 0;
let caseNumber = '';

beforeAll(async () => {
  story = await startFoodStory('commitment', { name: '经营场所平面图.pdf', text: 'Premises layout' });
  ({ run, foodItemCode, pdfPath, creditCode } = story);
  errors = run.errors;
}, 120_000);

afterAll(async () => {
  await story?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });
const act = (client: Client, id: number, body: Record<string, unknown>) => client.post(`/api/v1/cases/${id}/actions`, body);
type Task = { id: number; name: string; stage: string; state: string; canAct: boolean };
const openTasks = (kase: { tasks: Task[] }) => kase.tasks.filter((t) => t.state === 'open' || t.state === 'claimed');
const event = (page: Page, type: string) => page.getByTestId('case-timeline').locator(`.case-event[data-event=${type}]`);

describe('告知承诺制: applying by commitment, the check after the grant, and the revocation', () => {
  it('offers clerk1 the choice at the window too, the commitment signed on paper', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/intake?tab=window&item=${foodItemCode}`);
    const choice = page.getByTestId('window-intake').getByTestId('commitment-choice');
    await pickRadio(choice.getByTestId('commitment-mode'), '告知承诺');
    await choice.getByTestId('commitment-notice').getByText('云州市市场监督管理局告知', { exact: false }).waitFor({ state: 'visible' });
    await choice.getByText('申请人已阅读告知内容并签署书面承诺').waitFor({ state: 'visible' });
    await screenshot(page, 'commitment-window-intake');
  });

  it('lets enterprise1 apply online for 食品经营许可 by written commitment', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto(`/apply/${foodItemCode}`);
    await page.getByTestId('guide-summary').getByText('云州市市场监督管理局').waitFor({ state: 'visible' });

    // 办理方式: the ordinary procedure first; by commitment, the department's conditions and the commitment are shown
    const card = page.getByTestId('commitment-card');
    await card.locator('.ant-radio-button-wrapper-checked').getByText('一般程序').waitFor({ state: 'visible' });
    expect(await card.getByTestId('commitment-notice').count()).toBe(0);
    await pickRadio(card.getByTestId('commitment-mode'), '告知承诺');
    const notice = card.getByTestId('commitment-notice');
    await notice.getByText('已取得营业执照等合法主体资格', { exact: false }).waitFor({ state: 'visible' });
    await notice.getByText('准予许可后，部门将在 90 个自然日内进行事后核查', { exact: false }).waitFor({ state: 'visible' });
    expect(await card.getByTestId('commitment-pledge').innerText()).toContain('如承诺不实，愿意承担被撤销许可等法律责任');

    await fillFoodForm(page, creditCode);
    await handInFoodMaterials(page, pdfPath);

    // the commitment is made by ticking it: without, the application does not go
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('commitment-agree-error').waitFor({ state: 'visible' });
    await page.getByTestId('apply-error').getByText('请阅读告知内容并勾选', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('commitment-agree').click();
    await page.getByTestId('commitment-agree-error').waitFor({ state: 'detached' });
    await page.getByTestId('apply-error').waitFor({ state: 'detached' });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'commitment-apply');

    const number = page.getByTestId('case-number');
    await pressUntil(page.getByTestId('apply-submit'), number);
    ({ id: caseId, number: caseNumber } = await openSubmittedCase(page));
    // the case says how it was filed; the written commitment is among its documents
    await page.getByTestId('commitment-tag').getByText('告知承诺').waitFor({ state: 'visible' });
    await page.getByTestId('case-facts').getByText('准予许可后核查').waitFor({ state: 'visible' });
    await page.getByTestId('document-commitment_letter').waitFor({ state: 'visible' });
    await page.getByTestId('case-documents').getByText('告知承诺书').first().waitFor({ state: 'visible' });
    await event(page, 'submitted').getByText('以告知承诺方式申请').waitFor({ state: 'visible' });

    const kase = (await (await signIn(run.server, 'enterprise1')).get(`/api/v1/cases/${caseId}`)).body;
    expect(kase).toMatchObject({ number: caseNumber, status: 'submitted', byCommitment: true, commitmentCheck: null, revokedAt: null });
  });

  it('goes from acceptance straight to the decision, and the grant opens the check (clerk1 and head1 through the API)', { timeout: 120_000 }, async () => {
    const clerk = await signIn(run.server, 'clerk1');
    const accepted = await act(clerk, caseId, { action: 'accept' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // no substantive review: the head's decision is the first step
    expect(openTasks(accepted.body).map((t) => t.stage)).toEqual(['decide']);
    const head = await signIn(run.server, 'head1');
    for (const stage of ['decide', 'conclude']) {
      const kase = (await head.get(`/api/v1/cases/${caseId}`)).body;
      const task = openTasks(kase).find((t) => t.stage === stage)!;
      expect(task.canAct).toBe(true);
      const r = await act(head, caseId, { action: 'approve', taskId: task.id, opinion: stage === 'decide' ? '依申请人承诺，准予许可' : '办结' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const kase = (await head.get(`/api/v1/cases/${caseId}`)).body;
    expect(kase).toMatchObject({ status: 'concluded', decision: 'granted', byCommitment: true, revokedAt: null });
    expect(kase.commitmentCheck).toMatchObject({ state: 'pending', overdue: false, checkedAt: null, mayCheck: true });
    expect(kase.tasks.map((t: Task) => t.stage)).not.toContain('review');
    // the check is three months away; brought within ten days, 今日工作 counts it
    await run.server.sql("UPDATE commitment_check SET due_at = now() + interval '5 days' WHERE case_id = $1", [caseId]);
    // and the morning's reminder tells the department
    expect(await remindCommitmentChecksDue(run.server.db)).toBeGreaterThanOrEqual(1);
  });

  it('lets approver1 find the check in 待办 → 事后核查 and record that the commitment was false', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'approver1');
    // 今日工作: the check due within ten days, the tile opening the inbox's tab
    await page.goto('/workbench');
    const tile = page.getByTestId('work-today').getByTestId('today-commitment-checks');
    await tile.waitFor({ state: 'visible' });
    expect(Number(await tile.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    expect(await tile.getAttribute('href')).toBe('/workbench/tasks?tab=checks');
    await screenshot(page, 'commitment-today');

    // 待办 from the menu, then its 事后核查 tab: the pending checks, this case among them
    await page.getByTestId('workbench-menu').getByText('待办').click();
    await page.waitForURL((url) => url.pathname === '/workbench/tasks');
    await page.getByTestId('inbox-table').waitFor({ state: 'visible' });
    await screenshot(page, 'commitment-inbox-tasks');
    await page.getByTestId('inbox-tabs').getByTestId('inbox-tab-checks').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'checks');
    const table = page.getByTestId('commitment-checks-table');
    const row = table.locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toMatch(/食品经营许可[\s\S]*云州青禾食品有限公司[\s\S]*待核查/);
    expect(await row.getByTestId('check-state').getAttribute('data-state')).toBe('pending');
    await screenshot(page, 'commitment-inbox-checks');

    await row.getByTestId('check-case-link').click();
    await page.waitForURL(`**/workbench/cases/${caseId}`);
    const header = page.getByTestId('case-header');
    await header.getByTestId('commitment-tag').waitFor({ state: 'visible' });
    await header.getByTestId('commitment-check').getByText('待核查').waitFor({ state: 'visible' });
    const action = page.getByTestId('commitment-check-action');
    await action.waitFor({ state: 'visible' });
    await event(page, 'accepted').getByText('告知承诺：不再实质审查，直接作出决定').waitFor({ state: 'visible' });
    await event(page, 'commitment_check_due').getByText('已提醒本部门审批人员', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'commitment-case-pending');

    // the dialog: a finding and the findings written down are required; 承诺不实 warns that it revokes the license
    await action.getByTestId('commitment-check-open').click();
    const dialog = page.getByTestId('commitment-check-dialog');
    await dialog.getByText(`事后核查 · ${caseNumber}`).waitFor({ state: 'visible' });
    await pressUntil(page.getByTestId('commitment-check-ok'), dialog.getByText('请选择核查结论'));
    await dialog.getByText('请填写核查意见（2–1000 字）').waitFor({ state: 'visible' });
    await pickRadio(dialog.getByTestId('commitment-result'), '承诺不实');
    await dialog.getByTestId('commitment-broken-warning').getByText('将撤销该行政许可', { exact: false }).waitFor({ state: 'visible' });
    await page.locator('#commitment-opinion').fill('现场核查：经营场所无独立的食品处理区，未配备冷藏设施，与承诺不符');
    await screenshot(page, 'commitment-check-dialog');
    await pressUntil(page.getByTestId('commitment-check-ok'), page.getByTestId('revoked-banner'));
    await dialog.waitFor({ state: 'detached' });

    // the page shows the revocation: the banner, the check's finding, the decision among the documents, the timeline
    const banner = page.getByTestId('revoked-banner');
    await banner.getByText(/许可已于 .+ 撤销/).waitFor({ state: 'visible' });
    await banner.getByText('未配备冷藏设施', { exact: false }).waitFor({ state: 'visible' });
    await header.getByTestId('commitment-check').getByText('承诺不实').waitFor({ state: 'visible' });
    await header.getByTestId('commitment-check').getByText('陈静', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('commitment-check-action').count()).toBe(0);
    await page.getByTestId('document-revocation_decision').waitFor({ state: 'visible' });
    // the license is marked revoked, its validity not shown as running
    const license = revokedLicense(page);
    await license.getByTestId('document-revoked').getByText('已撤销').waitFor({ state: 'visible' });
    await license
      .getByTestId('document-valid-until')
      .getByText(/许可已于 .+ 撤销，证照不再有效/)
      .waitFor({ state: 'visible' });
    expect(await license.getByText('有效期至', { exact: false }).count()).toBe(0);
    await event(page, 'commitment_checked').getByText('核查结论：承诺不实').waitFor({ state: 'visible' });
    await screenshot(page, 'commitment-case-revoked');

    const kase = (await (await signIn(run.server, 'approver1')).get(`/api/v1/cases/${caseId}`)).body;
    expect(kase.revokedAt).toEqual(expect.any(String));
    expect(kase.commitmentCheck).toMatchObject({ state: 'broken', checkedBy: '陈静', mayCheck: false });
    // once recorded, the check is not recorded again
    const again = await act(await signIn(run.server, 'approver1'), caseId, { action: 'check_commitment', result: 'kept', opinion: '复核属实' });
    expect(again.status).toBe(409);

    // the tab's filter: no longer pending, the case is among the false commitments
    await page.goto('/workbench/tasks?tab=checks');
    await table.locator('tr', { hasText: caseNumber }).waitFor({ state: 'detached' });
    await pickSegment(page, '承诺不实');
    await table.locator('tr', { hasText: caseNumber }).getByText('承诺不实').waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('checkState')).toBe('broken');
  });

  it('shows the English check list and case page', { timeout: 120_000 }, async () => {
    const page = await newPage('en');
    await signInThroughUi(page, 'approver1');
    await page.getByTestId('language-switch').click();
    await page.goto('/workbench/tasks?tab=checks&checkState=all');
    const row = page.getByTestId('commitment-checks-table').locator('tr', { hasText: caseNumber });
    await row.getByText('Commitment false').waitFor({ state: 'visible' });
    await page.getByTestId('inbox-tab-checks').getByText('Post-approval checks').waitFor({ state: 'visible' });
    await screenshot(page, 'commitment-inbox-checks-en');
    await row.getByTestId('check-open').click();
    await page.waitForURL(`**/workbench/cases/${caseId}`);
    await page
      .getByTestId('revoked-banner')
      .getByText(/The license was revoked on/)
      .waitFor({ state: 'visible' });
    await page.getByTestId('commitment-tag').getByText('By commitment').waitFor({ state: 'visible' });
    const license = revokedLicense(page);
    await license.getByTestId('document-revoked').getByText('Revoked').waitFor({ state: 'visible' });
    // a document's number on one line, beside the English kind's tag too
    expect((await license.getByTestId('document-number').boundingBox())!.height).toBeLessThan(24);
    await screenshot(page, 'commitment-case-revoked-en');
  });

  it('lets enterprise1 find the revocation on 我的办件', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/cases');
    const row = page.getByTestId('my-cases-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    await row.getByRole('link').first().click();
    await page.waitForURL(`**/my/cases/${caseId}`);
    const banner = page.getByTestId('revoked-banner');
    await banner.getByText(/许可已于 .+ 撤销/).waitFor({ state: 'visible' });
    await banner.getByText('已依法撤销行政许可并出具撤销行政许可决定书', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('case-facts').getByTestId('commitment-check').getByText('承诺不实').waitFor({ state: 'visible' });
    await page.getByTestId('document-revocation_decision').waitFor({ state: 'visible' });
    await revokedLicense(page).getByTestId('document-revoked').getByText('已撤销').waitFor({ state: 'visible' });
    // nor is it among the licenses enterprise1 holds (我的证照)
    const held = (await (await signIn(run.server, 'enterprise1')).get('/api/v1/licenses')).body.items as { caseId: number }[];
    expect(held.map((l) => l.caseId)).not.toContain(caseId);
    await event(page, 'commitment_checked').getByText('核查结论：承诺不实').waitFor({ state: 'visible' });
    // the applicant sees what was found and who checked, as the timeline names who did each step
    expect(await page.getByTestId('commitment-check').innerText()).toContain('陈静');
    await screenshot(page, 'commitment-my-case-revoked');
    expect(errors).toEqual([]);
  });
});

/** The license among the case's documents. */
const revokedLicense = (page: Page) => page.getByTestId('case-documents').locator('.ant-list-item', { has: page.getByTestId('document-license') });

/** Choose a state in the 事后核查 tab's filter and wait until it took. */
async function pickSegment(page: Page, text: string) {
  const filter = page.getByTestId('check-state-filter');
  for (let attempt = 0; attempt < 5; attempt++) {
    await filter.getByText(text, { exact: true }).click();
    const taken = await filter
      .locator('.ant-segmented-item-selected')
      .filter({ hasText: text })
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (taken) return;
  }
  throw new Error(`could not choose “${text}” in the check filter`);
}
