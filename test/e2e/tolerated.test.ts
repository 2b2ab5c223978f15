import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, type Client } from '../harness.ts';
import { sampleForm, sampleMaterials } from '../factories.ts';
import { remindToleratedDue } from '../../src/modules/cases/reminders.ts';
import { pickRadio, pressUntil, screenshotFromTop as screenshot, signInThroughUi, type BrowserRun } from './support.ts';
import {
  fillFoodForm,
  handInFoodMaterials,
  openSubmittedCase,
  publishedItem,
  receiveEnterpriseAtWindow,
  startFoodStory,
  type FoodStory,
} from './food-license.ts';

/*
 * 容缺受理 (acceptance with materials to follow) through the UI: the guide of 食品经营许可 marks its list of food-safety
 * rules 可容缺后补; enterprise1 (云州青禾食品有限公司) applies online without it; clerk1 opens it in 综合受理 → 预审, sees
 * that all that is missing may follow and accepts it by 容缺受理 with 5 working days; the case page shows the material
 * 容缺待补 and the day; 综合受理 → 容缺待补 lists it and 今日工作 counts it; head1 decides and concludes it (through the
 * API); clerk1's 待出件 shows it held; enterprise1 hands the list in on its case page; clerk1 then delivers it.
 * On the way, the catalog administrator's editor shows the 容缺后补 mark of 公共场所卫生许可's hygiene rules.
 */

let story: FoodStory;
let run: BrowserRun;
let pdfPath: string;
let errors: string[] = [];
let creditCode = '';
let foodItemCode = '';
let caseId = 0;
let caseNumber = '';
/** a second case accepted with the list to follow, whose day has passed */
let overdue = { id: 0, number: '' };

const rulesName = '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录';

beforeAll(async () => {
  story = await startFoodStory('tolerated', { name: '食品安全规章制度目录.pdf', text: 'Food safety rules' });
  ({ run, foodItemCode, pdfPath, creditCode } = story);
  errors = run.errors;
}, 120_000);

afterAll(async () => {
  await story?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });
const act = (client: Client, id: number, body: Record<string, unknown>) => client.post(`/api/v1/cases/${id}/actions`, body);
const event = (page: Page, type: string) => page.getByTestId('case-timeline').locator(`.case-event[data-event=${type}]`);
type Kase = {
  status: string;
  acceptedAt: string | null;
  toleratedDueAt: string | null;
  materials: { key: string; status: string; reference: string | null }[];
  tasks: { id: number; state: string }[];
};

describe('容缺受理: accepted without the list of food-safety rules, the result held until it is handed in', () => {
  it('shows the rules list 可容缺后补 in the guide, and lets enterprise1 apply online without it', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto(`/services/${foodItemCode}`);
    const materials = page.getByTestId('guide-materials');
    await materials.getByText(rulesName).waitFor({ state: 'visible' });
    // marked once, on the rules list's row
    const marked = materials.getByTestId('material-tolerable');
    expect(await marked.count()).toBe(1);
    expect(await materials.locator('tr', { has: page.getByTestId('material-tolerable') }).innerText()).toContain('规章制度目录');
    await marked.scrollIntoViewIfNeeded();
    await screenshot(page, 'tolerated-guide');
    // 告知承诺制 applies, with the default check period (the item names none)
    await page.getByText('适用（准予许可后 90 个自然日内现场核查）').waitFor({ state: 'visible' });

    await page.getByTestId('guide-apply').click();
    await page.waitForURL(`**/apply/${foodItemCode}`);
    await fillFoodForm(page, creditCode);
    await handInFoodMaterials(page, pdfPath, ['application_form', 'premises_layout']);
    // the application page marks it too
    await page.getByTestId('apply-tolerable-food_safety_rules').getByText('可容缺后补').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid^=apply-tolerable-]').count()).toBe(1);
    // the rules list is left out: the application goes anyway once confirmed, told it may follow
    await page.getByTestId('apply-submit').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText(`${rulesName}（可容缺后补）`).waitFor({ state: 'visible' });
    await confirm.getByTestId('missing-tolerable-note').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-apply-missing');
    const number = page.getByTestId('case-number');
    await pressUntil(confirm.getByRole('button', { name: '仍然提交' }), number);
    ({ id: caseId, number: caseNumber } = await openSubmittedCase(page));

    const kase = (await (await signIn(run.server, 'enterprise1')).get(`/api/v1/cases/${caseId}`)).body as Kase;
    expect(kase.status).toBe('submitted');
    expect(kase.materials.find((m) => m.key === 'food_safety_rules')?.status).toBe('missing');
  });

  it('lets clerk1 accept it in 预审 by 容缺受理 with 5 working days', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=prereview');
    const row = page.getByTestId('prereview-table').locator('tr', { hasText: caseNumber });
    await row.getByTestId('prereview-open').click();
    await page.waitForURL(`**/workbench/cases/${caseId}`);

    // the check says that what is missing may all follow; 容缺受理 takes the place of 受理
    const check = page.getByTestId('completeness');
    await check.getByTestId('completeness-tolerable').getByText('缺少 1 项必要材料，均可容缺后补').waitFor({ state: 'visible' });
    await check.getByTestId('tolerable-food_safety_rules').waitFor({ state: 'visible' });
    expect(await page.getByTestId('action-accept').count()).toBe(0);
    await page.getByTestId('action-notice').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-prereview');

    await page.getByTestId('action-tolerate').click();
    const dialog = page.getByTestId('tolerate-dialog');
    await dialog.getByTestId('tolerate-materials').getByText(rulesName).waitFor({ state: 'visible' });
    expect(await page.locator('#tolerate-workdays').inputValue()).toBe('5');
    // the applicant's promise is confirmed first
    expect(await page.getByTestId('tolerate-ok').isDisabled()).toBe(true);
    await dialog.getByTestId('tolerate-promised').click();
    await page.getByTestId('tolerate-ok').waitFor({ state: 'visible' });
    expect(await page.getByTestId('tolerate-ok').isDisabled()).toBe(false);
    await screenshot(page, 'tolerated-accept-dialog');
    await pressUntil(page.getByTestId('tolerate-ok'), page.getByTestId('case-status').getByText('办理中'));
    await dialog.waitFor({ state: 'detached' });

    // the case: accepted, the list 容缺待补 with its day, the window may take it for the applicant
    const kase = (await (await signIn(run.server, 'clerk1')).get(`/api/v1/cases/${caseId}`)).body as Kase;
    expect(kase.toleratedDueAt).toEqual(expect.any(String));
    const days = (Date.parse(kase.toleratedDueAt!) - Date.parse(kase.acceptedAt!)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThan(14);
    const alert = page.getByTestId('tolerated-alert');
    await alert.getByText('容缺受理：1 项材料待补交', { exact: false }).waitFor({ state: 'visible' });
    expect(await alert.getAttribute('data-overdue')).toBe('false');
    await page.getByTestId('tolerated-card').getByTestId('hand-in-upload-food_safety_rules').waitFor({ state: 'visible' });
    await page
      .getByTestId('case-facts')
      .getByTestId('tolerated-fact')
      .getByText(/须于 \d{4}\/\d{2}\/\d{2} 前补交/)
      .waitFor({ state: 'visible' });
    await check.locator('[data-status=tolerated]').getByText('容缺待补').waitFor({ state: 'visible' });
    // the required materials are not complete: one is still missing, accepted to follow
    await page.getByTestId('completeness-tolerated').getByText('必要材料尚缺 1 项（已容缺受理', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('completeness-tolerated').innerText()).not.toContain('已齐全');
    await event(page, 'accepted')
      .getByText(/容缺受理：.*规章制度目录，须于 .+ 前补交/)
      .waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-case-clerk');
  });

  it('lists it in 综合受理 → 容缺待补, the overdue first in red, and counts it on 今日工作', { timeout: 240_000 }, async () => {
    // another application accepted with the list to follow, whose day has passed
    const enterprise = await signIn(run.server, 'enterprise1');
    const clerk = await signIn(run.server, 'clerk1');
    const item = (await enterprise.get(`/api/v1/catalog/items/${foodItemCode}`)).body;
    const applied = await enterprise.post('/api/v1/cases', {
      itemCode: foodItemCode,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: sampleMaterials(item.content.materials).filter((m: { key: string }) => m.key !== 'food_safety_rules'),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    overdue = { id: applied.body.id, number: applied.body.number };
    expect((await act(clerk, overdue.id, { action: 'accept', tolerate: { workdays: 3 } })).status).toBe(200);
    await run.server.sql("UPDATE kase SET tolerated_due_at = now() - interval '1 day' WHERE id = $1", [overdue.id]);
    // the morning's reminder goes to its applicant (the other case is days off)
    expect(await remindToleratedDue(run.server.db)).toBe(1);

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    // 今日工作: the tile opens the tab
    await page.goto('/workbench');
    const tile = page.getByTestId('work-today').getByTestId('today-tolerated');
    await tile.waitFor({ state: 'visible' });
    expect(Number(await tile.getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
    expect(await tile.getAttribute('href')).toBe('/workbench/intake?tab=tolerated');
    await tile.getByText('1 件已逾期未补交').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-today');

    await tile.click();
    await page.waitForURL('**/workbench/intake?tab=tolerated');
    const table = page.getByTestId('tolerated-table');
    const row = table.locator('tr', { hasText: caseNumber });
    await row.getByTestId('tolerated-names').getByText(rulesName).waitFor({ state: 'visible' });
    expect(await row.innerText()).toMatch(/食品经营许可[\s\S]*云州青禾食品有限公司/);
    expect(await row.getByTestId('tolerated-due').getAttribute('data-overdue')).toBe('false');
    // the soonest due first: the overdue one heads the list, in red
    const late = table.locator('tr', { hasText: overdue.number });
    expect(await late.getByTestId('tolerated-due').getAttribute('data-overdue')).toBe('true');
    await late.getByText('已逾期').waitFor({ state: 'visible' });
    expect(await late.getAttribute('class')).toContain('case-row-overdue');
    const numbers = await table.locator('tbody tr.ant-table-row .case-subject-cell .mono').allInnerTexts();
    expect(numbers.indexOf(overdue.number)).toBeLessThan(numbers.indexOf(caseNumber));
    await screenshot(page, 'tolerated-queue');

    // the overdue case's page says so in red
    await late.getByTestId('tolerated-open').click();
    await page.waitForURL(`**/workbench/cases/${overdue.id}`);
    const alert = page.getByTestId('tolerated-alert');
    await alert.getByText('已逾期未补交', { exact: false }).waitFor({ state: 'visible' });
    expect(await alert.getAttribute('data-overdue')).toBe('true');
    await page.getByTestId('case-facts').getByTestId('tolerated-fact').getByText('已逾期').waitFor({ state: 'visible' });
    await event(page, 'tolerated_reminded').getByText('已提醒申请人补交', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-case-overdue');
  });

  it('shows the English 容缺待补 tab and case page', { timeout: 120_000 }, async () => {
    const page = await newPage('en');
    await signInThroughUi(page, 'clerk1');
    await page.getByTestId('language-switch').click();
    await page.goto('/workbench/intake?tab=tolerated');
    const row = page.getByTestId('tolerated-table').locator('tr', { hasText: overdue.number });
    await row.getByText('Overdue').waitFor({ state: 'visible' });
    await page
      .getByTestId('intake-tabs')
      .getByRole('tab', { name: /Materials to follow/ })
      .waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-queue-en');
    await page.goto(`/workbench/cases/${caseId}`);
    await page
      .getByTestId('tolerated-alert')
      .getByText(/Accepted with 1 material to follow, due/)
      .waitFor({ state: 'visible' });
    await page.getByTestId('completeness').getByText('To follow').first().waitFor({ state: 'visible' });
    await page
      .getByTestId('completeness-tolerated')
      .getByText('1 required material is still missing (accepted to follow', { exact: false })
      .waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-case-en');
  });

  it('is decided and concluded meanwhile (head1 through the API), and held in clerk1’s 待出件', { timeout: 240_000 }, async () => {
    const head = await signIn(run.server, 'head1');
    let kase = (await head.get(`/api/v1/cases/${caseId}`)).body as Kase;
    for (let open = kase.tasks.find((t) => t.state === 'open'); open; open = kase.tasks.find((t) => t.state === 'open')) {
      const r = await act(head, caseId, { action: 'approve', taskId: open.id, opinion: '同意' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      kase = r.body;
    }
    expect(kase.status).toBe('concluded');

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    const row = page.getByTestId('delivery-table').locator('tr', { hasText: caseNumber });
    await row.getByTestId('delivery-held').getByText('容缺待补').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-delivery-held');
    // the dialog says what the result waits for instead of offering to deliver it
    await row.getByTestId('delivery-open').click();
    const dialog = page.getByTestId('deliver-dialog');
    await dialog.getByTestId('deliver-held').getByText('容缺材料尚未补齐，暂不能出件').waitFor({ state: 'visible' });
    await dialog.getByTestId('deliver-held').getByText(rulesName, { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('deliver-ok').count()).toBe(0);
    await screenshot(page, 'tolerated-deliver-held');
    await dialog.getByTestId('deliver-held-close').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('lets enterprise1 hand the rules list in on its case page', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/cases');
    const row = page.getByTestId('my-cases-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    await row.getByRole('link').first().click();
    await page.waitForURL(`**/my/cases/${caseId}`);
    const card = page.getByTestId('tolerated-card');
    await card.getByText('补交材料').first().waitFor({ state: 'visible' });
    await card
      .getByTestId('tolerated-alert')
      .getByText(/须于|补交期限/)
      .waitFor({ state: 'visible' });
    await page.getByTestId('materials-by-round').locator('[data-status=tolerated]').waitFor({ state: 'visible' });
    expect(await page.getByTestId('hand-in-submit').isDisabled()).toBe(true);
    await card.locator('[data-material=food_safety_rules] input[type=file]').setInputFiles(pdfPath);
    await card.getByText('食品安全规章制度目录.pdf').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-hand-in');
    await pressUntil(page.getByTestId('hand-in-submit'), page.getByTestId('case-facts').getByText('容缺材料已补齐'));
    await card.waitFor({ state: 'detached' });
    await event(page, 'tolerated_handed_in').getByText('补交容缺材料').waitFor({ state: 'visible' });
    await event(page, 'tolerated_handed_in').getByText('容缺材料已全部补齐').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-handed-in');

    const kase = (await (await signIn(run.server, 'enterprise1')).get(`/api/v1/cases/${caseId}`)).body as Kase;
    expect(kase.toleratedDueAt).toBeNull();
    const rules = kase.materials.filter((m) => m.key === 'food_safety_rules').at(-1)!;
    expect(rules.status).toBe('provided');
    expect(rules.reference).toMatch(/^file:/);
  });

  it('lets clerk1 deliver it now', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    const row = page.getByTestId('delivery-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('delivery-held').count()).toBe(0);
    // not in 容缺待补 any more
    const tolerated = (await (await signIn(run.server, 'clerk1')).get('/api/v1/cases?queue=tolerated&limit=200')).body.items as { id: number }[];
    expect(tolerated.map((c) => c.id)).not.toContain(caseId);
    await row.getByTestId('delivery-open').click();
    const dialog = page.getByTestId('deliver-dialog');
    await pickRadio(dialog.getByTestId('deliver-method'), '电子送达');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${caseNumber} 已出件（电子送达）`));
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    const kase = (await (await signIn(run.server, 'clerk1')).get(`/api/v1/cases/${caseId}`)).body as Kase;
    expect(kase.status).toBe('delivered');
  });

  it('shows clerk1 a revoked grant (告知承诺制) in 待出件 as its revocation decision to deliver', { timeout: 180_000 }, async () => {
    // enterprise1 applies by commitment with everything, head1 grants it, approver1 finds the commitment false
    const enterprise = await signIn(run.server, 'enterprise1');
    const clerk = await signIn(run.server, 'clerk1');
    const head = await signIn(run.server, 'head1');
    const item = (await enterprise.get(`/api/v1/catalog/items/${foodItemCode}`)).body;
    const applied = await enterprise.post('/api/v1/cases', {
      itemCode: foodItemCode,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: sampleMaterials(item.content.materials),
      commitment: true,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const revoked = { id: applied.body.id as number, number: applied.body.number as string };
    let kase = (await act(clerk, revoked.id, { action: 'accept' })).body as Kase;
    for (let open = kase.tasks.find((t) => t.state === 'open'); open; open = kase.tasks.find((t) => t.state === 'open')) {
      const r = await act(head, revoked.id, { action: 'approve', taskId: open.id, opinion: '同意' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      kase = r.body;
    }
    expect(kase.status).toBe('concluded');
    const checked = await act(await signIn(run.server, 'approver1'), revoked.id, {
      action: 'check_commitment',
      result: 'broken',
      opinion: '现场核查：经营场所与承诺不符',
    });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    const row = page.getByTestId('delivery-table').locator('tr', { hasText: revoked.number });
    await row.getByTestId('delivery-revoked').getByText('许可已撤销').waitFor({ state: 'visible' });
    await row.getByTestId('delivery-open').click();
    const dialog = page.getByTestId('deliver-dialog');
    await dialog
      .getByTestId('deliver-revoked')
      .getByText(/许可已于 .+ 撤销/)
      .waitFor({ state: 'visible' });
    await dialog.getByTestId('deliver-revoked').getByText('撤销行政许可决定书', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('deliver-ok').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-deliver-revoked');
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the catalog administrator the 容缺后补 mark, settable only on a required material', { timeout: 180_000 }, async () => {
    const hygiene = await publishedItem(run.server, '公共场所卫生许可');
    const page = await newPage();
    await signInThroughUi(page, 'catalogadmin');
    await page.goto(`/workbench/catalog/items/${hygiene.id}`);
    await page.getByTestId('published-readonly').waitFor({ state: 'visible' });
    await page.getByTestId('editor-tabs').getByRole('tab', { name: '申请材料' }).click();
    await page.getByTestId('materials-tab').getByTestId('material-tolerable-hygiene_rules').waitFor({ state: 'visible' });
    await screenshot(page, 'tolerated-catalog-admin-view');

    // 发起变更: the draft's editor has the checkbox, ticked for the hygiene rules, and only required materials may have it
    await pressUntil(page.getByTestId('action-change'), page.getByTestId('action-save'));
    // 基本信息 shows 告知承诺制's check period, 3 months as the item names it
    await page.getByTestId('editor-tabs').getByRole('tab', { name: '基本信息' }).click();
    const period = page.getByTestId('commitment-check-period');
    await period.waitFor({ state: 'visible' });
    expect(await period.getByRole('spinbutton').inputValue()).toBe('90');
    expect(await period.locator('input[placeholder]').last().inputValue()).toContain('3 个月');
    await period.scrollIntoViewIfNeeded();
    await screenshot(page, 'commitment-catalog-admin-period');
    // 审批结果: 公共场所卫生许可证 is valid for 4 years and renewed 30 days before it runs out (the default, in the placeholder);
    // a lead typed without its unit is in calendar days
    const validity = page.getByTestId('result-validity');
    await validity.scrollIntoViewIfNeeded();
    expect(await validity.getByRole('spinbutton').inputValue()).toBe('4');
    await validity.getByText('年', { exact: true }).waitFor({ state: 'visible' });
    const lead = page.getByTestId('renewal-lead');
    expect(await lead.getByRole('spinbutton').inputValue()).toBe('');
    expect(await lead.getByRole('spinbutton').getAttribute('placeholder')).toBe('30 日（默认）');
    await lead.getByRole('spinbutton').fill('60');
    await lead.getByText('自然日', { exact: true }).waitFor({ state: 'visible' });
    // the renewal window: taken any time before the lead unless it opens later (the placeholder), in calendar days when typed bare
    const opens = page.getByTestId('renewal-opens');
    expect(await opens.getByRole('spinbutton').inputValue()).toBe('');
    expect(await opens.getByRole('spinbutton').getAttribute('placeholder')).toBe('不限');
    await opens.getByRole('spinbutton').fill('90');
    await opens.getByText('自然日', { exact: true }).waitFor({ state: 'visible' });
    await screenshot(page, 'license-validity-catalog-admin');
    await page.getByTestId('editor-tabs').getByRole('tab', { name: '申请材料' }).click();
    const materials = (await (await signIn(run.server, 'catalogadmin')).get(`/api/v1/catalog/items/${hygiene.code}`)).body.content.materials as {
      key: string;
      necessity: string;
      tolerable?: boolean;
    }[];
    const at = materials.findIndex((m) => m.key === 'hygiene_rules');
    const box = page.getByTestId(`material-tolerable-${at}`);
    await box.waitFor({ state: 'visible' });
    expect(await box.isChecked()).toBe(true);
    const notRequired = materials.findIndex((m) => m.necessity !== 'required');
    if (notRequired >= 0) expect(await page.getByTestId(`material-tolerable-${notRequired}`).isDisabled()).toBe(true);
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'tolerated-catalog-admin');
    expect(errors).toEqual([]);
  });
});

describe('收件并容缺受理: received at the window and accepted at once, the rules list to follow', () => {
  it('lets clerk1 receive 食品经营许可 at 窗口收件 without the rules list and accept it in the same step', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await receiveEnterpriseAtWindow(page, foodItemCode);
    await page.getByTestId('guide-summary').waitFor({ state: 'visible' });
    await fillFoodForm(page, creditCode);
    await handInFoodMaterials(page, pdfPath, ['application_form', 'premises_layout']);
    // only what may follow is missing: not 收件并受理, but 收件并容缺受理 beside 确认收件
    await page.getByTestId('intake-submit-hint').getByText('所缺材料均可容缺后补', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('intake-accept').count()).toBe(0);
    await page.getByTestId('intake-accept-tolerate').click();
    const dialog = page.getByTestId('intake-tolerate-dialog');
    await dialog.getByTestId('tolerate-materials').getByText(rulesName).waitFor({ state: 'visible' });
    // the applicant's promise first
    expect(await page.getByTestId('intake-tolerate-ok').isDisabled()).toBe(true);
    await page.locator('#tolerate-workdays').fill('3');
    await dialog.getByTestId('tolerate-promised').click();
    await screenshot(page, 'tolerated-window-intake');
    await pressUntil(page.getByTestId('intake-tolerate-ok'), page.getByTestId('window-sitting'));
    const sitting = page.getByTestId('window-sitting');
    await sitting.getByText('已收件并受理').waitFor({ state: 'visible' });
    const number = (await sitting.getByTestId('case-number').locator('.mono').innerText()).trim();
    await screenshot(page, 'tolerated-window-accepted');
    const kase = (
      await run.server.sql(
        "SELECT k.status, k.tolerated_due_at, m.status AS rules FROM kase k JOIN case_material m ON m.case_id = k.id AND m.material_key = 'food_safety_rules' WHERE k.number = $1",
        [number],
      )
    ).rows[0];
    expect(kase).toMatchObject({ status: 'in_progress', rules: 'tolerated', tolerated_due_at: expect.any(Date) });
    expect(errors).toEqual([]);
  });
});
