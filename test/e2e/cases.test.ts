import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { signIn } from '../harness.ts';
import { companyApplication, sampleForm, sampleMaterials } from '../factories.ts';
import { caseExportLimit } from '../../src/common/case-filter.ts';
import { lapseUnsupplemented } from '../../src/modules/cases/reminders.ts';
import {
  choose,
  cjkRendering,
  companyItemCode as itemCode,
  confirmTaskDialog,
  pressUntil,
  screenshotFromTop as screenshot,
  signInThroughUi,
  startBrowserRun,
  writePdf,
  type BrowserRun,
  pickRadio,
  fillMedicalFiling,
  fillCompanyBasics,
  fillCompanyPeople,
} from './support.ts';

/*
 * The whole life of a case through the UI, as the people at the center see it: a citizen applies
 * online for 企业设立登记 with an uploaded PDF and an electronic license, the window clerk accepts it
 * in pre-review, the approver reviews it from the inbox, the head decides, the approver concludes,
 * the clerk delivers it by post, and the citizen finds it delivered with every step on the timeline.
 */

let run: BrowserRun;
let pdfPath: string;
let errors: string[] = [];
let caseId = 0;
let caseNumber = '';

beforeAll(async () => {
  // uploads land in this run's own directory, not the checkout's data/
  run = await startBrowserRun('cases');
  errors = run.errors;
  pdfPath = writePdf(run.dir, '公司章程.pdf', 'Articles of association');
}, 120_000);

afterAll(async () => {
  await run?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });

/** The 企业设立登记 form as an applicant or a clerk fills it in (the phone is never prefilled: accounts keep it masked). */
async function fillCompanyForm(page: Page, company: string, person: string, checkPhoneEmpty = false) {
  await fillCompanyBasics(page, { name: company });
  await fillCompanyPeople(page, { person, checkPhoneEmpty });
}

const status = (page: Page) => page.getByTestId('case-status').first();

describe('a case from online application to delivery', () => {
  it('lets citizen1 apply online for 企业设立登记 with an uploaded PDF and an electronic license', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    // from the service guide to the application
    await page.goto(`/services/${itemCode}`);
    await page.getByTestId('guide-apply').click();
    await page.waitForURL(`**/apply/${itemCode}`);
    await page.getByTestId('guide-summary').getByText('云州市市场监督管理局').waitFor({ state: 'visible' });
    expect(await cjkRendering(page).then((v) => v.identicalToMissingGlyph)).toBe(false);

    // the form: validation first — an empty submit marks the required fields, a bad ID number is caught
    await page.getByTestId('apply-submit').click();
    await page.getByText('请填写企业名称').waitFor({ state: 'visible' });
    await page.locator('#legalRepIdNumber').fill('110105194912310021');
    await page.locator('#legalRepIdNumber').blur();
    await page.getByText('身份证号码无效').first().waitFor({ state: 'visible' });

    await fillCompanyForm(page, '云州青禾科技有限公司', '林小雨', true);

    // a refused upload says why, naming the file: not really a PDF, or a type not taken
    const form1 = page.locator('[data-testid=materials-input] [data-material=application_form]');
    const fake = path.join(run.dir, '申请书扫描件.pdf');
    writeFileSync(fake, 'a text file named as a PDF');
    await form1.locator('input[type=file]').setInputFiles(fake);
    await form1.getByText('“申请书扫描件.pdf”不是有效的 PDF 文件（文件内容与扩展名不符），请上传原始文件。').waitFor({ state: 'visible' });
    const text = path.join(run.dir, '申请书.txt');
    writeFileSync(text, 'plain text');
    await form1.locator('input[type=file]').setInputFiles(text);
    await form1.getByText('“申请书.txt”的格式不支持：仅可上传 PDF、JPEG、PNG 或 OFD 文件。').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-apply-upload-refused');

    // materials: three uploads of the PDF, the ID cards from the electronic license
    for (const key of ['application_form', 'articles_of_association', 'officer_appointment']) {
      const row = page.locator(`[data-testid=materials-input] [data-material=${key}]`);
      await row.locator('input[type=file]').setInputFiles(pdfPath);
      await row.getByText('公司章程.pdf').waitFor({ state: 'visible' });
    }
    await page.getByTestId('use-license-id_card').click();
    await page.getByTestId('use-license-id_card').getByText('已选用电子证照').waitFor({ state: 'visible' });

    // 结果领取方式: by post, to her address; the recipient is her name already, and an address is asked for
    await pickRadio(page.getByTestId('delivery-choice'), '邮寄送达');
    expect(await page.locator('#delivery-recipient').inputValue()).toBe('林小雨');
    await page.locator('#delivery-phone').fill('13600000001');
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-error').getByText('请填写完整的邮寄信息').waitFor({ state: 'visible' });
    await page.getByText('请填写完整的邮寄地址').waitFor({ state: 'visible' });
    await page.locator('#delivery-address').fill('云州市青川区滨江路 88 号 3 单元 502 室');
    await screenshot(page, 'cases-apply-form');

    // the application keeps its Idempotency-Key: a submit pressed again files nothing twice
    const number = page.getByTestId('case-number');
    await pressUntil(page.getByTestId('apply-submit'), number);
    caseNumber = (await number.locator('.mono').innerText()).trim();
    expect(caseNumber).toMatch(/^990100N\d{8}\d{7}$/);
    await page.getByTestId('view-case').click();
    await page.waitForURL(/\/my\/cases\/\d+$/);
    caseId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await status(page).innerText()).toBe('待预审');
    expect(await page.getByTestId('delivery-choice-text').innerText()).toMatch(/邮寄送达[\s\S]*林小雨[\s\S]*136\*\*\*\*0001[\s\S]*滨江路 88 号/);

    // 我的办件 from the portal header: the new case with its status and kind
    await page.getByTestId('nav-my-cases').click();
    const row = page.getByTestId('my-cases-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toMatch(/企业设立登记[\s\S]*云州市市场监督管理局[\s\S]*待预审[\s\S]*承诺件/);
    await screenshot(page, 'cases-my-cases');
  });

  it('lets clerk1 check completeness and accept it in pre-review', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    // 今日工作: the application waits for pre-review, listed by its one-time-notice deadline; the count opens 预审
    await page.goto('/workbench');
    const today = page.getByTestId('work-today');
    await today.getByTestId('today-pressing-intake').getByText(caseNumber).waitFor({ state: 'visible' });
    expect(Number(await today.getByTestId('today-prereview').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    expect(await today.getByTestId('today-inbox').count()).toBe(0);
    await screenshot(page, 'workbench-today-clerk');
    await today.getByTestId('today-prereview').click();
    await page.waitForURL('**/workbench/intake?tab=prereview');
    const row = page.getByTestId('prereview-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    // on a hall's 1440-pixel screen every column is in sight without scrolling: the row's 预审, its status, its notice
    // deadline, the department (not under 预审)
    await page.setViewportSize({ width: 1440, height: 900 });
    const table = (await page.getByTestId('prereview-table').locator('.ant-table-container').boundingBox())!;
    const open = (await row.getByTestId('prereview-open').boundingBox())!;
    const department = (await page.getByTestId('prereview-table').getByRole('columnheader', { name: '实施部门' }).boundingBox())!;
    expect(department.x + department.width).toBeLessThanOrEqual(open.x);
    for (const cell of [
      row.getByTestId('prereview-open'),
      row.getByText('待预审'),
      page.getByTestId('prereview-table').getByRole('columnheader', { name: '告知期限' }),
    ]) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(table.x + table.width);
    }
    await screenshot(page, 'cases-prereview-1440');
    await row.getByTestId('prereview-open').click();
    await page.waitForURL(`**/workbench/cases/${caseId}`);
    await page.getByTestId('completeness').getByText('必要材料齐全').waitFor({ state: 'visible' });
    const header = page.getByTestId('case-header');
    expect(await header.innerText()).toMatch(/待预审[\s\S]*承诺件[\s\S]*林小雨[\s\S]*990102\*+1026/);
    await page.getByTestId('action-notice').waitFor({ state: 'visible' });
    await page.getByTestId('action-refuse').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-clerk-case');
    // the form's contact mobile is masked like the applicant's numbers; 显示完整信息 shows them, on the audit trail
    const form = page.getByTestId('case-form');
    await form.getByText('136****0001').waitFor({ state: 'visible' });
    await page.getByTestId('case-reveal').click();
    await page.getByTestId('case-revealed').waitFor({ state: 'visible' });
    await form.getByText('13600000001').waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-applicant-id').innerText()).toMatch(/^990102\d{8}1026$/);
    await screenshot(page, 'cases-clerk-revealed');
    await page.getByTestId('case-reveal-hide').click();
    await form.getByText('136****0001').waitFor({ state: 'visible' });

    await page.getByTestId('action-accept').click();
    await pressUntil(page.getByTestId('accept-ok'), page.getByTestId('case-status').getByText('办理中'));
    // the clocks start: committed and legal deadlines, and the review task for the department
    await page.getByTestId('case-deadlines').first().getByText('承诺办结时间').waitFor({ state: 'visible' });
    await page.getByTestId('case-tasks').getByText('审查').waitFor({ state: 'visible' });
    // 打印审批表: the case's approval sheet as a PDF, opened from the header
    const href = await page.getByTestId('case-sheet').getAttribute('href');
    expect(href).toBe(`/api/v1/cases/${caseId}/sheet.pdf`);
    const sheet = await page.request.get(href!);
    expect(sheet.status()).toBe(200);
    expect(sheet.headers()['content-type']).toBe('application/pdf');
    expect((await sheet.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lets approver1 take the review from the inbox and approve it', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'approver1');
    // 今日工作: the review is among the most pressing tasks; the overdue count opens the inbox filtered to it
    await page.goto('/workbench');
    const today = page.getByTestId('work-today');
    await today.getByTestId('today-pressing-tasks').getByText(caseNumber).waitFor({ state: 'visible' });
    expect(await today.getByTestId('today-prereview').count()).toBe(0);
    await screenshot(page, 'workbench-today-approver');
    const overdue = Number(await today.getByTestId('today-overdue').getAttribute('data-count'));
    await today.getByTestId('today-overdue').click();
    await page.waitForURL('**/workbench/tasks?due=overdue');
    await page
      .locator('.ant-select')
      .filter({ has: page.locator('#inbox-due') })
      .getByText('已超期')
      .waitFor({ state: 'visible' });
    if (overdue === 0) await page.getByTestId('inbox-table').getByText('没有符合条件的待办').waitFor({ state: 'visible' });
    else expect(await page.getByTestId('inbox-table').locator('tbody tr.ant-table-row').count()).toBe(Math.min(overdue, 20));
    // the menu's 待办 is the page unfiltered: the filter follows the address
    await page.getByTestId('workbench-menu').getByText('待办').click();
    await page.waitForURL((url) => url.pathname === '/workbench/tasks' && !url.search.includes('due='));
    const row = page.getByTestId('inbox-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    expect(
      await page
        .locator('.ant-select')
        .filter({ has: page.locator('#inbox-due') })
        .getByText('已超期')
        .count(),
    ).toBe(0);
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toMatch(/企业设立登记[\s\S]*林小雨[\s\S]*审查[\s\S]*待签收/);
    await screenshot(page, 'cases-inbox');
    // the filters: the case number typed in leaves its row alone; past the deadline, nothing; cleared, as before
    const table = page.getByTestId('inbox-table');
    await page.getByTestId('inbox-search').locator('input').fill(caseNumber);
    await table.locator('tbody tr.ant-table-row').filter({ hasNotText: caseNumber }).first().waitFor({ state: 'detached' });
    await choose(page, 'inbox-stage', '审查');
    await row.waitFor({ state: 'visible' });
    await screenshot(page, 'cases-inbox-filtered');
    await choose(page, 'inbox-due', '已超期');
    await table.getByText('没有符合条件的待办').waitFor({ state: 'visible' });
    await page.getByTestId('inbox-reset').click();
    await row.waitFor({ state: 'visible' });
    expect(await page.getByTestId('inbox-search').locator('input').inputValue()).toBe('');
    await row.getByTestId('inbox-open').click();
    await page.waitForURL(`**/workbench/cases/${caseId}`);
    // the breadcrumb leads back to where the case was opened from: the inbox
    await page.locator('.page-breadcrumb a', { hasText: '待办' }).waitFor({ state: 'visible' });
    const mine = page.getByTestId('task-actions');
    await mine.getByText('审查', { exact: true }).waitFor({ state: 'visible' });
    await mine.getByTestId('task-claim').click();
    await mine.getByText('陈静 已签收').waitFor({ state: 'visible' });
    // the first stage: 退回 has nowhere to go, and says so
    await mine.getByTestId('task-more').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item-disabled').getByText('退回（首个审批环节，无可退回）').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    // a special procedure pauses the clock: the review waits for its end with its result
    const api = await signIn(run.server, 'approver1');
    const review = ((await api.get(`/api/v1/cases/${caseId}`)).body.tasks as { id: number; state: string }[]).find((x) => x.state === 'claimed')!;
    expect(
      (await api.post(`/api/v1/cases/${caseId}/actions`, { action: 'start_special', taskId: review.id, kind: 'inspection', reason: '现场核查' })).status,
    ).toBe(200);
    await page.reload();
    await mine.getByTestId('task-in-special').getByText('特别程序进行中', { exact: false }).waitFor({ state: 'visible' });
    expect(await mine.getByTestId('task-approve').isDisabled()).toBe(true);
    expect(await mine.getByTestId('task-reject').isDisabled()).toBe(true);
    await screenshot(page, 'cases-review-in-special');
    expect((await api.post(`/api/v1/cases/${caseId}/actions`, { action: 'end_special', taskId: review.id, result: '核查合格' })).status).toBe(200);
    await page.reload();
    await mine.getByTestId('task-approve').waitFor({ state: 'visible' });
    expect(await mine.getByTestId('task-in-special').count()).toBe(0);
    await mine.getByTestId('task-approve').click();
    await page.locator('#task-text').fill('材料齐全，符合法定形式，同意');
    await confirmTaskDialog(page);
    await page.getByTestId('case-tasks').getByText('材料齐全，符合法定形式，同意').waitFor({ state: 'visible' });
    // the decision is the head's: the approver may only take the approval back (撤回) while it has not started, or urge it
    const actions = page.getByTestId('case-actions');
    await actions.getByTestId('task-recall').waitFor({ state: 'visible' });
    await actions.getByTestId('task-urge').waitFor({ state: 'visible' });
    expect(await actions.getByTestId('task-approve').count()).toBe(0);
  });

  it('lets head1 decide (准予许可) and approver1 conclude it', { timeout: 180_000 }, async () => {
    const head = await newPage();
    await signInThroughUi(head, 'head1');
    await head.goto('/workbench/tasks');
    await head.getByTestId('inbox-table').locator('tr', { hasText: caseNumber }).getByTestId('inbox-open').click();
    await head.waitForURL(`**/workbench/cases/${caseId}`);
    await head.getByTestId('task-actions').getByText('决定', { exact: true }).waitFor({ state: 'visible' });
    await head.getByTestId('task-approve').getByText('准予许可').click();
    await head.locator('#task-text').fill('准予设立登记');
    await confirmTaskDialog(head);
    await head.getByTestId('case-status').getByText('已决定').waitFor({ state: 'visible' });
    await head.getByTestId('case-timeline').getByText('作出决定').waitFor({ state: 'visible' });

    const approver = await newPage();
    await signInThroughUi(approver, 'approver1');
    await approver.goto('/workbench/tasks');
    await approver.getByTestId('inbox-table').locator('tr', { hasText: caseNumber }).getByTestId('inbox-open').click();
    await approver.waitForURL(`**/workbench/cases/${caseId}`);
    await approver.getByTestId('task-approve').getByText('办结').click();
    await confirmTaskDialog(approver);
    await approver.getByTestId('case-status').getByText('已办结').waitFor({ state: 'visible' });
    await approver.getByTestId('outcome').getByText('已办结：准予许可').waitFor({ state: 'visible' });
    // the result is due within ten working days of the decision (art. 44)
    await approver
      .getByTestId('outcome')
      .getByText(/结果将于 \d{4}\/\d{2}\/\d{2} 前送达/)
      .waitFor({ state: 'visible' });
  });

  it('lets clerk1 deliver the result by post from 待出件', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    const row = page.getByTestId('delivery-table').locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    // decided today: ten working days to deliver (art. 44)
    await row.getByTestId('delivery-due').getByText('剩 10 个工作日').waitFor({ state: 'visible' });
    // on a hall's 1366-pixel screen every column is in sight, none under the fixed 统一出件
    await page.setViewportSize({ width: 1366, height: 900 });
    const deliver = (await row.getByTestId('delivery-open').boundingBox())!;
    const choice = (await page.getByTestId('delivery-table').getByRole('columnheader', { name: '领取方式' }).boundingBox())!;
    expect(choice.x + choice.width).toBeLessThanOrEqual(deliver.x);
    await screenshot(page, 'cases-to-deliver');
    // she asked for it by post: the dialog starts there, with whom and where to send it
    expect(await row.innerText()).toContain('邮寄送达');
    await row.getByTestId('delivery-open').click();
    const dialog = page.getByTestId('deliver-dialog');
    await dialog.getByTestId('deliver-chosen').getByText('申请人选择：邮寄送达').waitFor({ state: 'visible' });
    await dialog.getByTestId('deliver-send-to').getByText('云州市青川区滨江路 88 号 3 单元 502 室', { exact: false }).waitFor({ state: 'visible' });
    expect(await dialog.getByTestId('deliver-send-to').innerText()).toContain('136****0001');
    // the waybill needs the whole number: shown on request
    await dialog.getByTestId('deliver-reveal').click();
    await dialog.getByTestId('deliver-send-to').getByText('13600000001').waitFor({ state: 'visible' });
    await page.locator('#trackingNumber').fill('SF1234567890');
    await screenshot(page, 'cases-deliver-dialog');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${caseNumber} 已出件（邮寄送达）`));
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
  });

  it('lets clerk1 find the case by kind, channel, status and day in 办件查询, and export them as a ledger', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.getByTestId('workbench-menu').getByText('办件查询').click();
    const table = page.getByTestId('cases-table');
    const row = table.locator('tr', { hasText: caseNumber });
    await row.waitFor({ state: 'visible' });
    // the kind card narrows to its kind; the other filters narrow further
    await page.locator('[data-kind="committed"]').click();
    await page.locator('.case-kind-chosen[data-kind="committed"]').waitFor({ state: 'visible' });
    await choose(page, 'case-filter-channel', '网上办事大厅');
    await choose(page, 'case-filter-status', '已送达');
    await row.waitFor({ state: 'visible' });
    await expect.poll(async () => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    // the filters are in the page's address: reloaded, it shows the same
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'committed', channel: 'online', status: 'delivered' });
    await page.reload();
    await page.locator('.case-kind-chosen[data-kind="committed"]').waitFor({ state: 'visible' });
    await expect.poll(async () => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    // on a hall's 1366-pixel screen every column is in sight, the department the last, without scrolling
    await page.setViewportSize({ width: 1366, height: 900 });
    const visible = (await table.locator('.ant-table-container').boundingBox())!;
    for (const name of ['状态', '期限', '收件时间', '实施部门']) {
      const box = (await table.getByRole('columnheader', { name }).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(visible.x + visible.width + 1);
    }
    // a delivered case's deadline is its committed one, named
    expect(await row.locator('td').nth(3).innerText()).toMatch(/^\d{4}\/\d{2}\/\d{2}[^\n]*\n承诺办结$/);
    await screenshot(page, 'cases-search-filtered');
    // the ledger of what is shown
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('办件台账')!;
    expect(String(sheet.getCell('A2').value)).toContain('状态 已送达');
    expect(String(sheet.getCell('A4').value)).toBe(caseNumber);
    expect(String(sheet.getCell('G4').value)).toBe('已送达');
    expect(sheet.rowCount).toBe(4);
    // past its deadline: none; clearing the filters shows it again
    await page.getByTestId('case-filter-overdue').click();
    await page.getByText('没有符合条件的办件').waitFor({ state: 'visible' });
    await page.getByTestId('case-filter-reset').click();
    await row.waitFor({ state: 'visible' });
    // 林小雨 brings her ID card: its whole number finds her case, and stays out of the address
    const clerk = await signIn(run.server, 'clerk1');
    const applicantId = (await clerk.get(`/api/v1/cases/${caseId}`)).body.applicant.id as number;
    const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const search = page.getByTestId('case-search').locator('input');
    await search.fill(idNumber);
    await search.press('Enter');
    await row.waitFor({ state: 'visible' });
    await search.fill('110105194912310000');
    await search.press('Enter');
    await page.getByText('没有符合条件的办件').waitFor({ state: 'visible' });
    expect(page.url()).not.toContain(idNumber);
  });

  it('shows citizen1 the case delivered with every step on the timeline, in Chinese and in English', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/my/cases/${caseId}`);
    await status(page).getByText('已送达').waitFor({ state: 'visible' });
    await page.getByTestId('outcome').getByText('结果已送达（邮寄送达').waitFor({ state: 'visible' });
    const timeline = page.getByTestId('case-timeline');
    const steps = await timeline.locator('.case-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(steps).toEqual([
      'submitted',
      'accepted',
      'stage_entered',
      'task_claimed',
      'special_procedure_started',
      'special_procedure_ended',
      'task_approved',
      'stage_entered',
      'task_approved',
      'decided',
      'enterprise_registered',
      'stage_entered',
      'task_approved',
      'concluded',
      'delivered',
    ]);
    const text = await timeline.innerText();
    expect(text).toMatch(/云州青禾科技有限公司依法登记成立，统一社会信用代码：91990100MA[0-9A-Z]{8}/);
    expect(text).toMatch(
      /提交申请[\s\S]*林小雨[\s\S]*受理[\s\S]*张丽[\s\S]*审批通过[\s\S]*陈静[\s\S]*材料齐全，符合法定形式，同意[\s\S]*赵敏[\s\S]*准予设立登记/,
    );
    expect(text).toContain('快递单号 SF1234567890');
    // the clocks stopped at conclusion; materials of round 1 with the uploads and the license
    await page.getByTestId('case-deadlines').getByText('已停止').waitFor({ state: 'visible' });
    const materials = page.getByTestId('materials-by-round');
    expect(await materials.locator('[data-material=id_card]').locator('xpath=ancestor::tr').innerText()).toContain('电子证照');
    await screenshot(page, 'cases-my-case-delivered');
    // the applicant's own numbers in the form are masked too, and shown in full on request
    const form = page.getByTestId('case-form');
    await form.getByText('136****0001').waitFor({ state: 'visible' });
    await page.getByTestId('case-reveal').click();
    await form.getByText('13600000001').waitFor({ state: 'visible' });
    await page.getByTestId('case-reveal-hide').click();

    await page.getByTestId('language-switch').click();
    await status(page).getByText('Delivered').waitFor({ state: 'visible' });
    await timeline.getByText('Application submitted').waitFor({ state: 'visible' });
    // the shareholders' table of the form speaks English too
    await form.getByRole('columnheader', { name: 'Certificate number' }).waitFor({ state: 'visible' });
    await screenshot(page, 'cases-my-case-en');
    await page.getByTestId('language-switch').click();
  });

  it('takes citizen1 from a mistyped case address back to 我的办件, and opens a case by its number', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/^\/api\/v1\/cases\/[^/]+$/.test(new URL(r.url()).pathname)) asked.push(r.url());
    });
    // not a case id: not found at once, nothing asked of the server, the way back offered instead of a retry
    await page.goto('/my/cases/abc');
    const notFound = page.getByTestId('not-found');
    await notFound.getByText('未找到该办件').waitFor({ state: 'visible' });
    expect(await notFound.getByText('请从“我的办件”中打开', { exact: false }).count()).toBe(1);
    expect(asked).toEqual([]);
    expect(await notFound.getByRole('button').allInnerTexts()).toEqual(['返回我的办件']);
    await screenshot(page, 'cases-my-case-not-found');
    await notFound.getByRole('button', { name: '返回我的办件' }).click();
    await page.waitForURL('**/my/cases');
    // the case number, as the notices print it, opens the case
    await page.goto(`/my/cases/${caseNumber}`);
    await page.waitForURL(`**/my/cases/${caseId}`);
    await status(page).getByText('已送达').waitFor({ state: 'visible' });
    // a number that is none of hers, or an id of no case of hers: not found, said once
    await page.goto('/my/cases/990100N202001010000001');
    await notFound.getByText('未找到该办件').waitFor({ state: 'visible' });
    const other = await newPage();
    await signInThroughUi(other, 'citizen2');
    await other.goto(`/my/cases/${caseId}`);
    await other.getByTestId('not-found').getByText('未找到该办件').waitFor({ state: 'visible' });
    expect(await other.getByText('未找到或无权访问').count()).toBe(0);
    // at the workbench the same: the way back to 办件查询
    const desk = await newPage();
    await signInThroughUi(desk, 'clerk1');
    await desk.goto('/workbench/cases/abc');
    await desk.getByTestId('not-found').getByRole('button', { name: '返回办件查询' }).click();
    await desk.waitForURL('**/workbench/cases');
    expect(errors).toEqual([]);
  });

  it(
    'issues the 营业执照 to 云州青禾科技有限公司, which citizen1 hands in for it with a new application, and clerk1 reads with that case',
    { timeout: 180_000 },
    async () => {
      const citizen = await signIn(run.server, 'citizen1');
      // the company registered by the case holds its 营业执照; citizen1, who registered it, acts for it
      expect((await citizen.get('/api/v1/licenses?type=营业执照')).body.items.find((l: { caseId: number }) => l.caseId === caseId)).toBeUndefined();
      const company = (await citizen.get('/api/v1/agents')).body.actingFor.find(
        (a: { principal: { name: string } }) => a.principal.name === '云州青禾科技有限公司',
      ).principal as { applicantId: number; name: string };
      const license = (await citizen.get(`/api/v1/licenses?type=营业执照&applicantId=${company.applicantId}`)).body.items.find(
        (l: { caseId: number }) => l.caseId === caseId,
      );
      expect(license).toMatchObject({ type: '营业执照', issuer: '云州市市场监督管理局' });
      const hit = (await citizen.get(`/api/v1/catalog/items?q=${encodeURIComponent('食品经营许可')}`)).body.items.find(
        (i: { name: string }) => i.name === '食品经营许可',
      );
      const item = (await citizen.get(`/api/v1/catalog/items/${hit.code}`)).body;

      // 我的证照: her own licenses, and the company's as its agent
      const page = await newPage();
      await signInThroughUi(page, 'citizen1');
      await page.goto('/my/licenses');
      await page.getByTestId('licenses-table').waitFor({ state: 'visible' });
      expect(await page.getByTestId('licenses-table').getByText(license.number).count()).toBe(0);
      await choose(page, 'license-holder', '云州青禾科技有限公司');
      await page.getByTestId('licenses-table').getByText(license.number).waitFor({ state: 'visible' });
      await page.getByTestId('license-principal-note').waitFor({ state: 'visible' });
      await screenshot(page, 'cases-company-licenses');
      // its change (变更登记) is applied for in the company's name
      await page.locator(`[data-license="${license.id}"]`).getByTestId('license-change').click();
      await page.waitForURL((url) => url.searchParams.get('changes') === String(license.id) && url.searchParams.get('for') === String(company.applicantId));
      await page.locator('[data-testid=change-notice][data-changeable=true]').waitFor({ state: 'visible' });
      await page.getByTestId('applying-for').getByText('云州青禾科技有限公司', { exact: false }).waitFor({ state: 'visible' });
      expect(await page.getByTestId('renewal-for-principal').count()).toBe(0);
      await screenshot(page, 'cases-company-change');

      // applying for the company, the application form offers its license among the ways to hand in the business license
      await page.goto(`/apply/${hit.code}`);
      await choose(page, 'apply-as', '代 云州青禾科技有限公司');
      await choose(page, 'held-license-business_license', license.number);
      await page.getByTestId('held-chosen-business_license').getByText(`已选用 营业执照（${license.number}）`).waitFor({ state: 'visible' });
      await screenshot(page, 'cases-apply-held-license');

      // filed for the company (the form through the API), the case keeps the license and the clerk opens it from the case
      const materials = sampleMaterials(item.content.materials).map((m) => (m.key === 'business_license' ? { key: m.key, licenseId: license.id } : m));
      const clerk = await signIn(run.server, 'clerk1');
      const applicantId = (await run.server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
      const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
      // the company's credit code is left out, as the portal leaves it: the server fills it from the company's record
      const filed = await citizen.post('/api/v1/cases', {
        itemCode: hit.code,
        applicantId: company.applicantId,
        formData: sampleForm(item.content.form, idNumber, 'enterprise'),
        materials,
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const desk = await newPage();
      await signInThroughUi(desk, 'clerk1');
      await desk.goto(`/workbench/cases/${filed.body.id}`);
      const link = desk.getByTestId('completeness').getByTestId('material-license-business_license');
      await link.getByText(`营业执照 ${license.number}`).waitFor({ state: 'visible' });
      const pdf = await fetch(run.server.baseUrl + (await link.getAttribute('href')), { headers: { cookie: clerk.cookie } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      await screenshot(desk, 'cases-clerk-held-license');
    },
  );

  it('agrees with the API: delivered by post, every task done, files and the license on record', async () => {
    const citizen = await signIn(run.server, 'citizen1');
    const r = await citizen.get(`/api/v1/cases/${caseId}`);
    expect(r.status).toBe(200);
    const kase = r.body;
    expect(kase).toMatchObject({ number: caseNumber, status: 'delivered', decision: 'granted', channel: 'online', kinds: ['committed'] });
    expect(JSON.parse(typeof kase.delivery === 'string' ? kase.delivery : JSON.stringify(kase.delivery))).toMatchObject({
      method: 'post',
      trackingNumber: 'SF1234567890',
    });
    expect(kase.tasks.map((t: any) => [t.stage, t.state, t.outcome, t.assignee])).toEqual([
      ['review', 'done', 'approved', '陈静'],
      ['decide', 'done', 'approved', '赵敏'],
      ['conclude', 'done', 'approved', '陈静'],
    ]);
    const byKey = Object.fromEntries(kase.materials.map((m: any) => [m.key, m]));
    expect(byKey.id_card.status).toBe('from_license');
    for (const key of ['application_form', 'articles_of_association', 'officer_appointment']) {
      expect(byKey[key].status).toBe('provided');
      expect(byKey[key].reference).toMatch(/^file:\d+$/);
    }
    const file = await fetch(`${run.server.baseUrl}/api/v1/files/${byKey.application_form.reference.slice(5)}`, { headers: { cookie: citizen.cookie } });
    expect(file.status).toBe(200);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(kase.form).toMatchObject({
      companyName: '云州青禾科技有限公司',
      domicileRegion: '990102000000',
      registeredCapital: 100,
      legalRepIdNumber: '110105********002X',
    });
    expect(kase.form.shareholders).toEqual([{ name: '林小雨', certificateNo: '110105********002X', subscribed: 100, dueDate: '2030-12-31' }]);
    expect(kase.clock.state).toBe('stopped');
    expect(errors).toEqual([]);
  });
});

describe('a case received at the window, with a one-time notice and a supplement', () => {
  let windowCaseId = 0;

  it('lets clerk2 receive an application for citizen2 with paper originals and one material missing', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk2');
    await page.goto('/workbench/intake?tab=window');
    await pickApplicantAtWindow(page, '何志强');
    // what the applicant already has in hand here is shown with them (nothing yet)
    await page.getByTestId('applicant-cases').getByText('该申请人在本中心尚无办件。').waitFor({ state: 'visible' });
    // the item is searched by name; a pick lost while the list re-renders is made again
    await choose(page, 'item-picker', '企业设立登记', false, '企业设立');
    await page.getByTestId('guide-summary').waitFor({ state: 'visible' });
    // the clerk types the form from the paper application
    await fillCompanyForm(page, '云州何氏贸易有限公司', '何志强');
    await page.getByTestId('paper-application_form').click();
    await page.getByTestId('paper-articles_of_association').click();
    await page.getByTestId('use-license-id_card').click();
    await page.getByTestId('urgent-switch').click();
    await page.getByTestId('intake-submit').click();
    // 任职文件 is missing: the clerk confirms receiving it anyway
    await page.locator('.ant-modal-confirm').getByText('法定代表人、董事、监事和经理的任职文件').waitFor({ state: 'visible' });
    await pressUntil(page.locator('.ant-modal-confirm').getByRole('button', { name: '仍然收件' }), page.getByTestId('case-number'));
    const number = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
    expect(number).toMatch(/^990100W\d{15}$/);
    // 收件凭证 for the applicant to keep: what the window took
    await expect.poll(() => page.getByTestId('print-receipt').getAttribute('href'), { timeout: 20_000 }).toMatch(/\/api\/v1\/cases\/\d+\/documents\/\d+\/pdf$/);
    const receipt = await page.request.get((await page.getByTestId('print-receipt').getAttribute('href'))!);
    expect(receipt.status()).toBe(200);
    expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'cases-window-received');
    await page.getByTestId('open-received').click();
    await page.waitForURL(/\/workbench\/cases\/\d+$/);
    windowCaseId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.getByTestId('case-header').innerText()).toMatch(/待预审[\s\S]*承诺件[\s\S]*急办件[\s\S]*何志强/);
    await page.getByTestId('completeness').getByText('缺少 1 项必要材料').waitFor({ state: 'visible' });
    expect(await page.getByTestId('action-accept').isDisabled()).toBe(true);

    // 一次性告知: the missing material is ticked already, with a note; then it cannot be given again
    await page.getByTestId('action-notice').click();
    await page.getByText('一次性告知只能出具一次').waitFor({ state: 'visible' });
    const ask = page.getByTestId('ask-list').locator('[data-material=officer_appointment]');
    await ask.locator('input.ant-input').fill('请提交股东会决议原件，须全体股东签字');
    await pressUntil(page.getByTestId('notice-ok'), page.getByTestId('case-status').getByText('待补齐'));
    expect(await page.getByTestId('action-notice').count()).toBe(0);
    await page.getByTestId('case-timeline').getByText('请提交股东会决议原件，须全体股东签字').waitFor({ state: 'visible' });
    // 补正期限: 企业设立登记 gives thirty days, after which the application is deemed withdrawn
    await page.getByTestId('supplement-due').getByText('逾期未补正的，视为撤回申请').waitFor({ state: 'visible' });
    await page
      .getByTestId('case-timeline')
      .getByText(/补正期限：.+ 前，逾期未补正的视为撤回申请/)
      .waitFor({ state: 'visible' });
    // the applicant phones: away on business, she asks for more time; the window gives five working days, once
    await page.getByTestId('action-extend-supplement').click();
    await page.locator('#extend-reason').fill('申请人出差，申请延期补正');
    await screenshot(page, 'cases-extend-supplement');
    await pressUntil(page.getByTestId('extend-supplement-ok'), page.getByTestId('case-timeline').getByText(/补正期限由 .+ 延长至 .+（5 个工作日）/));
    await page.getByTestId('case-timeline').getByText('理由：申请人出差，申请延期补正').waitFor({ state: 'visible' });
    expect(await page.getByTestId('action-extend-supplement').count()).toBe(0);
  });

  it('lets citizen2 see exactly what was asked and hand it in, back to pre-review', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen2');
    // 我的账户: the case waits for her materials, and opens from there
    await page.goto('/my');
    const summary = page.getByTestId('my-cases-summary');
    const waiting = summary.getByTestId('mine-waiting').locator('.ant-list-item').filter({ hasText: '请补正材料' });
    await waiting.waitFor({ state: 'visible' });
    expect(Number(await summary.getByTestId('mine-supplement').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'my-account-cases');
    await waiting.locator('a.case-link').click();
    await page.waitForURL(`**/my/cases/${windowCaseId}`);
    await page.goto('/my/cases');
    const row = page.getByTestId('my-cases-table').locator('tr', { hasText: '待补齐' });
    await row.getByText('需要您补正材料').waitFor({ state: 'visible' });
    await page.getByTestId('my-cases-todo').getByText('有 1 件申请需要您补齐或补正材料').waitFor({ state: 'visible' });
    await page.goto(`/my/cases/${windowCaseId}`);
    const asked = page.getByTestId('asked-card');
    await asked.getByText('法定代表人、董事、监事和经理的任职文件').waitFor({ state: 'visible' });
    await asked.getByText('要求：请提交股东会决议原件，须全体股东签字').waitFor({ state: 'visible' });
    expect(await page.getByTestId('supplement-submit').isDisabled()).toBe(true);
    expect(await asked.getByTestId('supplement-due-alert').innerText()).toMatch(/请于 .+ 前补正，逾期未补正的，视为撤回申请/);
    await asked.locator('[data-material=officer_appointment] input[type=file]').setInputFiles(pdfPath);
    await asked.getByText('公司章程.pdf').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-my-case-notice');
    await page.getByTestId('supplement-submit').click();
    await status(page).getByText('待预审').waitFor({ state: 'visible' });
    await page.getByTestId('case-timeline').getByText('补齐补正材料').waitFor({ state: 'visible' });
    await page.getByTestId('materials-by-round').getByText('第 2 轮 · 告知/补正').waitFor({ state: 'visible' });

    const clerk = await signIn(run.server, 'clerk2');
    const kase = (await clerk.get(`/api/v1/cases/${windowCaseId}`)).body;
    expect(kase).toMatchObject({ status: 'submitted', channel: 'window', kinds: ['committed', 'urgent'] });
    const round2 = kase.materials.filter((m: any) => m.round === 2);
    expect(round2).toEqual([expect.objectContaining({ key: 'officer_appointment', status: 'provided', note: '请提交股东会决议原件，须全体股东签字' })]);
    expect(kase.materials.find((m: any) => m.key === 'application_form' && m.round === 1).reference).toBe('纸质原件已核验');
    expect(errors).toEqual([]);
  });
});

/** clerk1 receives the published demo item `name` at the window for 林小雨, with every required material. */
async function receivedAtWindow(name: string, delivery?: object) {
  const clerk = await signIn(run.server, 'clerk1');
  const code = (await run.server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = $1", [name]))
    .rows[0].code as string;
  const item = (await clerk.get(`/api/v1/catalog/items/${code}`)).body;
  const applicantId = (await run.server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
  const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
  const r = await clerk.post('/api/v1/cases', {
    itemCode: code,
    applicantId,
    formData: sampleForm(item.content.form, idNumber),
    materials: sampleMaterials(item.content.materials),
    ...(delivery ? { delivery } : {}),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { clerk, id: r.body.id as number, number: r.body.number as string };
}

/** At 窗口收件: find the applicant by name and take them. */
async function pickApplicantAtWindow(page: Page, name: string) {
  await page.getByTestId('applicant-search').locator('input').fill(name);
  await page.getByTestId('applicant-search').locator('input').press('Enter');
  await page.getByTestId('applicant-pick').first().click();
  await page.getByTestId('picked-applicant').getByText(name).waitFor({ state: 'visible' });
}

/** clerk1 accepts the case, and the market regulator's approver and head approve it to its conclusion. */
async function concludeAtMarket(clerk: Awaited<ReturnType<typeof signIn>>, id: number) {
  let kase = (await clerk.post(`/api/v1/cases/${id}/actions`, { action: 'accept' })).body;
  const people = { approver: await signIn(run.server, 'approver1'), head: await signIn(run.server, 'head1') };
  for (let guard = 0; guard < 6 && kase.status !== 'concluded'; guard++) {
    const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
    kase = (await people[task.role as 'approver' | 'head'].post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' })).body;
  }
  expect(kase.status).toBe('concluded');
}

describe('an immediate item the window decides in one sitting (窗口授权办理)', () => {
  it('lets clerk1 accept 异地就医备案, grant it, conclude it and deliver it from the case page', { timeout: 180_000 }, async () => {
    // one the window accepted and left for a moment: 当场办结 keeps it in view
    const waiting = await receivedAtWindow('异地就医备案');
    const { clerk } = waiting;
    expect((await clerk.post(`/api/v1/cases/${waiting.id}/actions`, { action: 'accept' })).status).toBe(200);
    const kase = await receivedAtWindow('异地就医备案');

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    // 今日工作 shows what waits for the window's decision, and opens it
    await page.goto('/workbench');
    await page.getByTestId('today-window-decision').click();
    await page.waitForURL('**/workbench/intake?tab=window_decision');
    const row = page.getByTestId('window-decision-table').locator('tr', { hasText: waiting.number });
    await row.waitFor({ state: 'visible' });
    expect(await page.getByTestId('window-decision-table').locator('tr', { hasText: kase.number }).count()).toBe(0);
    await screenshot(page, 'cases-window-decision-queue');

    await page.goto(`/workbench/cases/${kase.id}`);
    // 办理备注: on the timeline for the staff
    await page.getByTestId('case-note').click();
    await page.locator('#note-text').fill('申请人现场出示社保卡，已核验');
    await pressUntil(page.getByTestId('note-ok'), page.getByTestId('case-timeline').getByText('申请人现场出示社保卡，已核验'));
    await page.getByTestId('case-timeline').getByText('仅工作人员可见').waitFor({ state: 'visible' });
    await page.getByTestId('action-accept').click();
    await pressUntil(page.getByTestId('accept-ok'), status(page).getByText('办理中'));
    // a public service: done (准予办理), not granted as a permit
    await page.getByTestId('task-at-window').getByText('核验后准予办理或不予办理', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('task-reject').getByText('不予办理').waitFor({ state: 'visible' });
    await page.getByTestId('task-actions').getByText('窗口审核决定', { exact: true }).waitFor({ state: 'visible' });
    // the department's own steps are not offered at the window
    await page.getByTestId('task-more').click();
    await page.locator('.ant-dropdown:visible').getByText('转办', { exact: true }).waitFor({ state: 'visible' });
    expect(await page.locator('.ant-dropdown:visible').getByText('退回', { exact: true }).count()).toBe(0);
    expect(await page.locator('.ant-dropdown:visible').getByText('要求补正', { exact: false }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await screenshot(page, 'cases-window-decision');

    await page.getByTestId('task-approve').getByText('准予办理').click();
    await page.locator('#task-text').fill('材料齐全，准予备案');
    // 当场办结: the window concludes what it decides, with the decision (the clerk may leave it for later)
    expect(await page.getByTestId('task-conclude-with').isChecked()).toBe(true);
    await page.getByTestId('task-dialog-ok').getByText('准予办理并办结').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-window-decision-dialog');
    await confirmTaskDialog(page);
    await status(page).getByText('已办结').waitFor({ state: 'visible' });
    // the delivery is offered at once
    await page.getByTestId('deliver-ok').waitFor({ state: 'visible' });
    await page.getByTestId('outcome').getByText('准予办理', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('case-documents').getByText('办理结果通知书').waitFor({ state: 'visible' });
    expect(await page.getByText('准予许可', { exact: false }).count()).toBe(0);
    await screenshot(page, 'cases-window-decision-done');
    await pickRadio(page.getByTestId('deliver-method'), '电子送达');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${kase.number} 已出件（电子送达）`));
    await status(page).getByText('已送达').waitFor({ state: 'visible' });
    await page.getByTestId('deliver-dialog').waitFor({ state: 'detached' });

    // and in English
    await page.getByTestId('language-switch').click();
    await page.getByTestId('case-timeline').getByText('Note').first().waitFor({ state: 'visible' });
    await screenshot(page, 'cases-window-decision-en');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('case-timeline').getByText('办理备注').waitFor({ state: 'visible' });

    const done = (await clerk.get(`/api/v1/cases/${kase.id}`)).body;
    expect(done.status).toBe('delivered');
    expect(done.tasks.map((t: { role: string; outcome: string; assignee: string }) => [t.role, t.outcome, t.assignee])).toEqual([
      ['clerk', 'approved', '张丽'],
      ['clerk', 'approved', '张丽'],
    ]);
    expect(errors).toEqual([]);
  });

  it('lets clerk1 receive and accept 异地就医备案, decide it and deliver it without leaving 窗口收件, in three clicks', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=window');
    await pickApplicantAtWindow(page, '林小雨');
    await fillMedicalFiling(page);
    // while the ID card is not in hand, the application can be received only (the one-time notice follows)
    await page.getByTestId('intake-submit-hint').getByText('缺少必要材料，不能当场受理').waitFor({ state: 'visible' });
    expect(await page.getByTestId('intake-accept').count()).toBe(0);
    await page.getByTestId('use-license-id_card').click();
    await page.getByTestId('intake-submit-hint').getByText('收件、受理一步完成').waitFor({ state: 'visible' });
    await screenshot(page, 'window-sitting-intake');

    // from here on, the clerk's clicks: before, 确认收件 → 去预审 → 受理 → 确定 → 准予办理 → 确定 → 办结 → 确定 → 出件 →
    // 电子送达 → 确认出件 took eleven
    let clicks = 0;
    const press = async (button: Locator, done: Locator) => {
      clicks += 1;
      await pressUntil(button, done);
    };
    await press(page.getByTestId('intake-accept'), page.getByTestId('sitting-decide'));
    const sitting = page.getByTestId('window-sitting');
    await sitting.getByText('已收件并受理').waitFor({ state: 'visible' });
    const number = (await sitting.getByTestId('case-number').locator('.mono').innerText()).trim();
    expect(number).toMatch(/^990100W\d{15}$/);
    // the receipt and the acceptance notice, for the applicant to take along
    for (const id of ['print-receipt', 'print-acceptance'])
      await expect.poll(() => sitting.getByTestId(id).getAttribute('href'), { timeout: 20_000 }).toMatch(/\/api\/v1\/cases\/\d+\/documents\/\d+\/pdf$/);
    const steps = sitting.getByTestId('sitting-steps');
    expect(await steps.locator('.ant-steps-item-finish').count()).toBe(2);
    await sitting.getByTestId('sitting-decide').getByText('窗口审核决定').waitFor({ state: 'visible' });
    await sitting.getByTestId('sitting-grant').getByText('准予办理并办结').waitFor({ state: 'visible' });
    // a denial needs its reasons
    expect(await sitting.getByTestId('sitting-deny').isDisabled()).toBe(true);
    await screenshot(page, 'window-sitting-decide');
    await page.getByTestId('language-switch').click();
    await sitting.getByTestId('sitting-grant').getByText('Approve and conclude').waitFor({ state: 'visible' });
    await screenshot(page, 'window-sitting-decide-en');
    await page.getByTestId('language-switch').click();
    await sitting.getByTestId('sitting-grant').getByText('准予办理并办结').waitFor({ state: 'visible' });

    await sitting.getByTestId('sitting-opinion').fill('材料齐全，准予备案');
    // decided and concluded, the delivery is offered at once: the item delivers electronically
    await press(sitting.getByTestId('sitting-grant'), page.getByTestId('deliver-ok'));
    await screenshot(page, 'window-sitting-deliver');
    await press(page.getByTestId('deliver-ok'), sitting.getByTestId('sitting-delivered'));
    expect(clicks).toBe(3);
    expect(await steps.locator('.ant-steps-item-finish').count()).toBe(5);
    await screenshot(page, 'window-sitting-done');
    await page.getByTestId('language-switch').click();
    await sitting.getByText('Received and accepted').waitFor({ state: 'visible' });
    await screenshot(page, 'window-sitting-done-en');
    await page.getByTestId('language-switch').click();

    // fewer clicks, not fewer records: each step on the timeline, by the clerk
    const clerk = await signIn(run.server, 'clerk1');
    const id = (await run.server.sql('SELECT id FROM kase WHERE number = $1', [number])).rows[0].id as number;
    const kase = (await clerk.get(`/api/v1/cases/${id}`)).body;
    expect(kase).toMatchObject({ status: 'delivered', decision: 'granted', channel: 'window' });
    const steps5 = ['submitted', 'accepted', 'decided', 'concluded', 'delivered'];
    const recorded = kase.timeline.filter((e: { type: string }) => steps5.includes(e.type));
    expect(recorded.map((e: { type: string }) => e.type)).toEqual(steps5);
    expect(recorded.every((e: { actor: string | null }) => e.actor === '张丽')).toBe(true);
    expect(kase.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['material_receipt', 'acceptance_notice', 'decision']));

    // the next applicant starts afresh
    await sitting.getByTestId('sitting-next').click();
    await page.getByTestId('window-intake').waitFor({ state: 'visible' });
    expect(await page.getByTestId('picked-applicant').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a result collected in the sitting that received it', () => {
  it('lets clerk1 hand 企业登记档案查询 to 林小雨 at once: her ID, checked at intake, stands checked', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=window');
    await pickApplicantAtWindow(page, '林小雨');
    await choose(page, 'item-picker', '企业登记档案查询', false, '档案查询');
    await page.getByTestId('guide-summary').waitFor({ state: 'visible' });
    await page.locator('#enterpriseName').fill('云州青禾食品有限公司');
    await choose(page, 'purpose', '本企业查询');
    await page.locator('#contactPhone').fill('13600000001');
    await page.getByTestId('use-license-id_card').click();
    await pressUntil(page.getByTestId('intake-accept'), page.getByTestId('sitting-decide'));
    const sitting = page.getByTestId('window-sitting');
    await pressUntil(sitting.getByTestId('sitting-grant'), page.getByTestId('deliver-ok'));
    // collected at the window by the applicant herself: the check made at intake stands, and may be undone
    expect(await page.getByTestId('identity-checked').isChecked()).toBe(true);
    await page.getByText('本次收件时已核验其身份证件', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'window-sitting-pickup');
    await page.getByTestId('identity-checked').click();
    expect(await page.getByTestId('deliver-ok').isDisabled()).toBe(true);
    await page.getByTestId('identity-checked').click();
    await pressUntil(page.getByTestId('deliver-ok'), sitting.getByTestId('sitting-delivered'));
    const number = (await sitting.getByTestId('case-number').locator('.mono').innerText()).trim();
    const delivered = (
      await run.server.sql("SELECT delivery->>'method' AS method, delivery->>'identityChecked' AS checked FROM kase WHERE number = $1", [number])
    ).rows;
    expect(delivered).toEqual([{ method: 'pickup', checked: 'true' }]);
    expect(errors).toEqual([]);
  });
});

describe('批量电子送达 from 待出件', () => {
  it('lets clerk1 deliver the results asked for electronically together, one transaction each', { timeout: 180_000 }, async () => {
    const cases = [];
    for (let i = 0; i < 2; i++) {
      const c = await receivedAtWindow('异地就医备案', { method: 'electronic' });
      let kase = (await c.clerk.post(`/api/v1/cases/${c.id}/actions`, { action: 'accept' })).body;
      for (let guard = 0; guard < 3 && kase.status !== 'concluded'; guard++) {
        const task = kase.tasks.find((t: { state: string }) => t.state === 'open');
        kase = (await c.clerk.post(`/api/v1/cases/${c.id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' })).body;
      }
      expect(kase.status).toBe('concluded');
      cases.push(c);
    }
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    await choose(page, 'delivery-filter', '电子送达');
    const table = page.getByTestId('delivery-table');
    for (const c of cases) await table.locator('tr', { hasText: c.number }).locator('.ant-checkbox-input').check();
    await page.getByTestId('batch-deliver-bar').getByText('已选择 2 件申请电子送达的办件').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-batch-deliver');
    await page.getByTestId('batch-deliver').click();
    await page.getByText('已电子送达 2 件').waitFor({ state: 'visible' });
    for (const c of cases) {
      await table.locator('tr', { hasText: c.number }).waitFor({ state: 'detached' });
      expect((await c.clerk.get(`/api/v1/cases/${c.id}`)).body.status).toBe('delivered');
    }
    expect(errors).toEqual([]);
  });
});

describe('统一出件 collected by someone else (代领)', () => {
  it('lets clerk1 hand 企业登记档案查询 to the applicant’s colleague, checking their ID, from 待出件', { timeout: 180_000 }, async () => {
    const { clerk, id, number } = await receivedAtWindow('企业登记档案查询', { method: 'pickup' });
    // the window decides it on the spot: accept, grant, conclude
    let kase = (await clerk.post(`/api/v1/cases/${id}/actions`, { action: 'accept' })).body;
    for (let guard = 0; guard < 3 && kase.status !== 'concluded'; guard++) {
      const task = kase.tasks.find((t: { state: string }) => t.state === 'open');
      kase = (await clerk.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' })).body;
    }
    expect(kase.status).toBe('concluded');

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    // the results to hand over at the window, apart from the post
    await choose(page, 'delivery-filter', '窗口领取');
    const row = page.getByTestId('delivery-table').locator('tr', { hasText: number });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toContain('窗口领取');
    await row.getByTestId('delivery-open').click();
    const dialog = page.getByTestId('deliver-dialog');
    await dialog.getByTestId('deliver-chosen').getByText('申请人选择：窗口领取').waitFor({ state: 'visible' });
    await pickRadio(page.getByTestId('collector'), '他人代领');
    // each box labelled: filled, a name and an ID number still say which is which
    await dialog.getByLabel('代领人姓名').fill('王建国');
    await dialog.getByLabel('代领人身份证号码').fill('110105194912310022');
    await page.getByTestId('identity-checked').click();
    // a wrong ID number keeps it from going out
    expect(await page.getByTestId('deliver-ok').isDisabled()).toBe(true);
    await page.locator('#collector-id').fill('11010519491231002X');
    await dialog.getByText('已核验代领人身份证件和授权委托书').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-deliver-proxy');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${number} 已出件（窗口领取），送达回证已出具`));
    await row.waitFor({ state: 'detached' });

    await page.goto(`/workbench/cases/${id}`);
    await page.getByTestId('outcome').getByText('代领人：王建国 110105********002X', { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('case-timeline').getByText('代领人：王建国 110105********002X').waitFor({ state: 'visible' });
    // the 送达回证 the colleague signs: in 文书与结果, to print
    await page.getByTestId('case-documents').getByTestId('document-delivery_receipt').waitFor({ state: 'visible' });
    await page.getByTestId('case-documents').getByText('送达回证', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'cases-delivery-receipt');
    expect(errors).toEqual([]);
  });
});

describe('统一出件 by post of a result the applicant meant to collect', () => {
  it('lets clerk1 post it, recording whom and where to send it, which the case keeps', { timeout: 180_000 }, async () => {
    const { clerk, id, number } = await receivedAtWindow('企业设立登记', { method: 'pickup' });
    await concludeAtMarket(clerk, id);

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/cases/${id}`);
    await page.getByTestId('action-deliver').click();
    const dialog = page.getByTestId('deliver-dialog');
    await dialog.getByTestId('deliver-chosen').getByText('申请人选择：窗口领取').waitFor({ state: 'visible' });
    await pickRadio(page.getByTestId('deliver-method'), '邮寄送达');
    await dialog.getByText('申请人未填写邮寄地址，请登记收件人、电话和地址。').waitFor({ state: 'visible' });
    await page.locator('#trackingNumber').fill('SF7654321098');
    // the tracking number alone does not send it: whom and where
    expect(await page.getByTestId('deliver-ok').isDisabled()).toBe(true);
    await page.locator('#sendTo-recipient').fill('林小雨');
    await page.locator('#sendTo-phone').fill('1360000');
    await page.locator('#sendTo-address').fill('云州市青川区湖滨路 8 号 2 单元 301');
    expect(await page.getByTestId('deliver-ok').isDisabled()).toBe(true);
    await page.locator('#sendTo-phone').fill('13600000001');
    await screenshot(page, 'cases-deliver-post-address');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${number} 已出件（邮寄送达）`));
    const after = (await clerk.get(`/api/v1/cases/${id}`)).body;
    expect(after.deliveryChoice).toEqual({ method: 'post', recipient: '林小雨', phone: '136****0001', address: '云州市青川区湖滨路 8 号 2 单元 301' });
    expect(errors).toEqual([]);
  });
});

describe('统一出件 of an enterprise’s result at the window', () => {
  it('lets clerk1 hand it only to a named person collecting it for the enterprise (经办人)', { timeout: 180_000 }, async () => {
    const enterprise = await signIn(run.server, 'enterprise1');
    const clerk = await signIn(run.server, 'clerk1');
    const code = (
      await run.server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = '食品经营许可'")
    ).rows[0].code as string;
    const item = (await enterprise.get(`/api/v1/catalog/items/${code}`)).body;
    const applied = await enterprise.post('/api/v1/cases', {
      itemCode: code,
      formData: sampleForm(item.content.form, '11010519491231002X', 'enterprise'),
      materials: sampleMaterials(item.content.materials),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const { id, number } = applied.body as { id: number; number: string };
    await concludeAtMarket(clerk, id);

    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/cases/${id}`);
    await page.getByTestId('action-deliver').click();
    const dialog = page.getByTestId('deliver-dialog');
    await pickRadio(page.getByTestId('deliver-method'), '窗口领取');
    await dialog.getByTestId('collector-for-enterprise').waitFor({ state: 'visible' });
    expect(await dialog.getByTestId('collector').count()).toBe(0);
    await page.getByTestId('identity-checked').click();
    expect(await page.getByTestId('deliver-ok').isDisabled()).toBe(true);
    // an enterprise's collector is its 经办人
    await dialog.getByLabel('经办人姓名').fill('王建国');
    await dialog.getByLabel('经办人身份证号码').fill('11010519491231002X');
    await dialog.getByText('已核验经办人身份证件和单位授权委托书').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-deliver-enterprise');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${number} 已出件（窗口领取）`));
    await page.getByTestId('case-timeline').getByText('王建国 110105********002X', { exact: false }).first().waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });
});

describe('the applicant changes how the result comes (修改领取方式)', () => {
  it('lets citizen1 switch from collecting at the window to posting, on her case page', { timeout: 120_000 }, async () => {
    const citizen = await signIn(run.server, 'citizen1');
    const clerk = await signIn(run.server, 'clerk1');
    const item = (await citizen.get(`/api/v1/catalog/items/${itemCode}`)).body;
    const applicantId = (await run.server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const applied = await citizen.post('/api/v1/cases', {
      itemCode,
      ...companyApplication(item, '云州改寄科技有限公司', idNumber),
      delivery: { method: 'pickup' },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);

    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/my/cases/${applied.body.id}`);
    expect(await page.getByTestId('delivery-choice-text').innerText()).toBe('窗口领取');
    await page.getByTestId('delivery-choice-edit').click();
    const dialog = page.getByTestId('delivery-choice-dialog');
    await pickRadio(dialog.getByTestId('delivery-choice'), '邮寄送达');
    expect(await page.locator('#delivery-recipient').inputValue()).toBe('林小雨');
    await page.locator('#delivery-phone').fill('13600000001');
    await page.locator('#delivery-address').fill('云州市青川区滨江路 88 号 3 单元 502 室');
    // the screen crosses a breakpoint (a phone turned, a window narrowed; a full-page screenshot does it too): the
    // case's facts are laid out in one column and back, and the dialog stays open with what was typed in it
    const firstRowItems = page.getByTestId('case-facts').locator('tr').first().locator('.ant-descriptions-item');
    await page.setViewportSize({ width: 500, height: 900 });
    await expect.poll(() => firstRowItems.count()).toBe(1);
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect.poll(() => firstRowItems.count()).toBe(2);
    expect(await page.locator('#delivery-address').inputValue()).toBe('云州市青川区滨江路 88 号 3 单元 502 室');
    await screenshot(page, 'cases-my-delivery-change');
    await pressUntil(page.getByTestId('delivery-choice-ok'), page.getByTestId('delivery-choice-text').getByText('邮寄送达'));
    await page.getByTestId('case-timeline').getByText('修改领取方式').waitFor({ state: 'visible' });
    expect((await citizen.get(`/api/v1/cases/${applied.body.id}`)).body.deliveryChoice.method).toBe('post');
    expect(errors).toEqual([]);
  });
});

describe('an application whose supplement period passed (视为撤回申请)', () => {
  it('shows citizen1 the day in 我的办件, then her application deemed withdrawn and why', { timeout: 120_000 }, async () => {
    const citizen = await signIn(run.server, 'citizen1');
    const clerk = await signIn(run.server, 'clerk1');
    const item = (await citizen.get(`/api/v1/catalog/items/${itemCode}`)).body;
    const applicantId = (await run.server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const applied = await citizen.post('/api/v1/cases', { itemCode, ...companyApplication(item, '云州逾期科技有限公司', idNumber) });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const id = applied.body.id as number;
    const noticed = await clerk.post(`/api/v1/cases/${id}/actions`, {
      action: 'notice',
      items: [{ key: 'articles_of_association', note: '章程须全体股东签字' }],
    });
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(200);
    const due = noticed.body.supplementDueAt as string;
    const day = new Date(Date.parse(due) - 1 + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '/');

    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto('/my/cases');
    const row = page.getByTestId('my-cases-table').locator('tr', { hasText: applied.body.number as string });
    expect(await row.getByTestId('my-supplement-due').innerText()).toBe(`补正期限 ${day}`);

    // the night after its last day
    await lapseUnsupplemented(run.server.db, Date.parse(due) + 5 * 60_000);
    await page.goto(`/my/cases/${id}`);
    await page.getByTestId('case-status').getByText('已撤回').waitFor({ state: 'visible' });
    expect(await page.getByTestId('outcome').innerText()).toMatch(/申请视为撤回[\s\S]*补正期限 .+ 届满，未补正材料，本件办理终止/);
    await page.getByTestId('case-timeline').getByText(`补正期限 ${day} 届满，未补正材料，视为撤回申请`).waitFor({ state: 'visible' });
    expect(await page.getByTestId('supplement-form').count()).toBe(0);
    await screenshot(page, 'cases-my-case-lapsed');
    expect(errors).toEqual([]);
  });
});

describe("办件查询 over a city's archive", () => {
  it('tells clerk1 when more cases match than a ledger may hold, and pages them all the same', { timeout: 180_000 }, async () => {
    // a year of settled history: one more case than a ledger holds (the file's last story: the rows stay)
    await run.server.sql(
      `INSERT INTO kase (number, item_id, item_version_id, organization_id, region_id, applicant_id, channel, case_kind, status,
                         form_enc, subject, received_at, notice_due_at)
       SELECT 'ARCH' || lpad(g::text, 6, '0'), k.item_id, k.item_version_id, k.organization_id, k.region_id, k.applicant_id, 'window',
              'committed', 'withdrawn', k.form_enc, k.subject, now() - interval '400 days' - g * interval '1 minute', now() - interval '395 days'
       FROM kase k, generate_series(1, $1::int) g WHERE k.id = $2`,
      [caseExportLimit + 1, caseId],
    );
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.getByTestId('workbench-menu').getByText('办件查询').click();
    const table = page.getByTestId('cases-table');
    await table.getByText('ARCH020001').waitFor({ state: 'visible' });
    await page.getByText('超过 20,000 条（请用筛选条件缩小范围）').waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-export').isDisabled()).toBe(true);
    await page.getByTestId('case-export-why').getByText('请缩小收件日期或部门范围后再导出', { exact: false }).waitFor({ state: 'visible' });
    // the kind cards count every case, the archive included
    const total = Number((await run.server.sql(`SELECT count(*)::int AS n FROM kase WHERE bundle_id IS NULL`)).rows[0].n);
    await expect
      .poll(async () => (await page.getByTestId('kind-cards').locator('.ant-statistic-content').first().innerText()).replace(/\D/g, ''))
      .toBe(String(total));
    await screenshot(page, 'cases-search-capped');
    // narrowed (past their deadline: none), the count is exact again
    await page.getByTestId('case-filter-overdue').click();
    await page.getByText('没有符合条件的办件').waitFor({ state: 'visible' });
    expect(await page.getByText(/超过 [\d,]+ 条/).count()).toBe(0);
  });
});
