import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../harness.ts';
import {
  choose,
  fillCompanyBasics,
  fillCompanyPeople,
  confirmTaskDialog,
  fileCompanyApplication,
  moreAction,
  screenshotFromTop as screenshot,
  signInThroughUi,
  startBrowserRun,
  writePdf,
  type BrowserRun,
  pressUntil,
  pickRadio,
} from './support.ts';

/*
 * 一件事一次办 through the UI: enterprise1 applies online for 企业开办一件事 with one form and one set of
 * materials; clerk1 accepts the bundle in pre-review (its item cases are not listed on their own); each
 * department approves its item case — 市场监管局 through the case page, the others through the API as the
 * department head the task needs; clerk1 delivers the bundle once; the enterprise finds it delivered.
 * Then working a task together: approver1 hands a review to approver1b (交办), who answers it, and head1
 * approves approver1's extension request from the inbox; approver1 marks herself away and the B post
 * sees that it covers for her.
 */

const bundleCode = 'B-QYKB-001';

let run: BrowserRun;
let pdfPath: string;
let errors: string[] = [];
let parentId = 0;
let parentNumber = '';
let children: { id: number; number: string }[] = [];

beforeAll(async () => {
  // uploads land in this run's own directory, not the checkout's data/
  run = await startBrowserRun('bundle');
  errors = run.errors;
  pdfPath = writePdf(run.dir, '申请书.pdf', 'Application');
}, 120_000);

afterAll(async () => {
  await run?.close();
});

const newPage = () => run.page();

const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
type Task = { id: number; name: string; state: string; organizationId: number; role: string; canAct: boolean };
const openTasks = (kase: { tasks: Task[] }) => kase.tasks.filter((t) => t.state === 'open' || t.state === 'claimed');
/** The head of a task's department (heads may act on approver and head tasks of their organization). */
const headOf = async (organizationId: number) =>
  (
    await run.server.sql(
      "SELECT a.username FROM account a JOIN role_assignment r ON r.account_id = a.id WHERE r.role = 'head' AND r.organization_id = $1 ORDER BY a.id LIMIT 1",
      [organizationId],
    )
  ).rows[0].username as string;

/** The bundle's merged form, filled for a company of the name given, wholly owned (法人独资). */
async function fillBundleForm(page: Page, company: string) {
  await fillCompanyBasics(page, { name: company, type: '非自然人投资或控股的法人独资', capital: '200', scope: '食品销售；食品互联网销售' });
  await fillCompanyPeople(page, {
    person: '林国栋',
    shareholder: '云州青禾集团有限公司',
    capital: '200',
    domicile: '云州市青川区湖滨路 18 号',
    phone: '13600000003',
  });
  await choose(page, 'sealTypes', '单位公章', true);
  await choose(page, 'engraver', '云州市诚信印章有限公司');
  await page.locator('#taxOfficer').fill('林国栋');
  await page.locator('#taxOfficerIdNumber').fill('11010519491231002X');
  await choose(page, 'accountingSystem', '小企业会计准则');
  await choose(page, 'invoiceType', '普通发票');
  await page.locator('#employees').fill('12');
  await choose(page, 'insuranceTypes', '企业职工基本养老保险', true);
  await page.locator('#contactName').fill('林国栋');
}

describe('企业开办一件事 from the online application to unified delivery', () => {
  it('lets enterprise1 apply for the bundle online with one form and one set of materials', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto(`/bundles/${bundleCode}`);
    await page.getByTestId('bundle-apply').click();
    await page.waitForURL(`**/apply/bundle/${bundleCode}`);
    await page.getByTestId('bundle-apply-items').getByText('云州市公安局').waitFor({ state: 'visible' });

    // the merged form: each field once
    await page.locator('#companyName').waitFor({ state: 'visible' });
    // the new company's own name, credit code and legal representative, which its seal, tax and social insurance
    // registrations take, are not asked: the registration gives them
    for (const field of ['entityName', 'creditCode', 'legalRepresentative']) expect(await page.locator(`#${field}`).count()).toBe(0);
    expect(await page.locator('#contactPhone').count()).toBe(1);
    // the company it founds, wholly owned (法人独资): a name of its own
    await fillBundleForm(page, '云州青禾餐饮管理有限公司');

    // one set of materials: uploads once, licenses once, each says which items use it
    for (const key of ['application_form', 'articles_of_association', 'officer_appointment']) {
      const row = page.locator(`[data-testid=materials-input] [data-material=${key}]`);
      await row.locator('input[type=file]').setInputFiles(pdfPath);
      await row.getByText('申请书.pdf').waitFor({ state: 'visible' });
    }
    await page.getByTestId('use-license-id_card').click();
    // nor a 营业执照: the bundle issues it
    expect(await page.locator('[data-material=business_license]').count()).toBe(0);
    expect(await page.locator('[data-material=id_card]').innerText()).toMatch(/用于：企业设立登记、公章刻制备案/);
    await screenshot(page, 'bundle-apply-form');

    await page.getByTestId('apply-submit').click();
    await page.getByTestId('case-number').waitFor({ state: 'visible' });
    parentNumber = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
    expect(parentNumber).toMatch(/^990100N\d{15}$/);
    const submitted = page.getByTestId('bundle-children-submitted');
    expect(await submitted.locator('tbody tr').count()).toBe(4);
    expect(await submitted.innerText()).toMatch(/企业设立登记[\s\S]*云州市市场监督管理局[\s\S]*公章刻制备案[\s\S]*云州市公安局/);
    await screenshot(page, 'bundle-apply-submitted');

    await page.getByTestId('view-case').click();
    await page.waitForURL(/\/my\/cases\/\d+$/);
    parentId = Number(new URL(page.url()).pathname.split('/').pop());
    const table = page.getByTestId('bundle-children');
    await table.locator('tbody tr').nth(3).waitFor({ state: 'visible' });
    expect(await table.innerText()).toMatch(
      /新办纳税人涉税事项[\s\S]*国家税务总局云州市税务局[\s\S]*待预审[\s\S]*单位社会保险登记[\s\S]*云州市人力资源和社会保障局/,
    );
    await page.getByTestId('withdraw').waitFor({ state: 'visible' });

    const enterprise = await signIn(run.server, 'enterprise1');
    const parent = (await enterprise.get(`/api/v1/cases/${parentId}`)).body;
    expect(parent).toMatchObject({ number: parentNumber, status: 'submitted', itemCode: null, bundle: { code: bundleCode } });
    children = parent.bundle.children.map((c: { id: number; number: string }) => ({ id: c.id, number: c.number }));
    expect(children).toHaveLength(4);

    // an item case links back to its bundle and offers no withdrawal of its own
    await page.goto(`/my/cases/${children[1]!.id}`);
    await page.getByTestId('parent-notice').getByText(parentNumber).waitFor({ state: 'visible' });
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    await page.getByTestId('parent-link').click();
    await page.waitForURL(`**/my/cases/${parentId}`);
  });

  it('lets clerk1 find the bundle (not its item cases) in pre-review and accept it', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake');
    const table = page.getByTestId('prereview-table');
    const row = table.locator('tr', { hasText: parentNumber });
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('bundle-tag').innerText()).toBe('一件事');
    expect(await row.getByTestId('notice-due').getAttribute('data-urgency')).toBe('ok');
    // the notice's last day, as the case page and the receipt print it, not the next day's midnight
    expect(await row.getByTestId('notice-due').innerText()).toMatch(/^\d{4}\/\d{2}\/\d{2} 当日$/);
    for (const c of children) expect(await table.locator('tr', { hasText: c.number }).count()).toBe(0);
    await screenshot(page, 'bundle-prereview');

    await row.getByTestId('prereview-open').click();
    await page.waitForURL(`**/workbench/cases/${parentId}`);
    await page.getByTestId('bundle-children').locator('tbody tr').nth(3).waitFor({ state: 'visible' });
    await page.getByTestId('completeness').getByText('必要材料齐全').waitFor({ state: 'visible' });
    await page.getByTestId('action-accept').click();
    await pressUntil(page.getByTestId('accept-ok'), page.getByTestId('case-status').first().getByText('办理中'));
    await page.getByTestId('bundle-children').getByText('办理中').first().waitFor({ state: 'visible' });
    await screenshot(page, 'bundle-clerk-accepted');

    // on an item case the intake actions are the bundle's: a link back, no accept or deliver here
    await page.goto(`/workbench/cases/${children[0]!.id}`);
    await page.getByTestId('parent-notice').waitFor({ state: 'visible' });
    expect(await page.getByTestId('intake-actions').count()).toBe(0);
  });

  it('has each department approve its item case: 市场监管局 through the UI, the others through the API', { timeout: 300_000 }, async () => {
    const clerk = await signIn(run.server, 'clerk1');
    // who each item case needs: the head of the department its open task belongs to
    const needs = new Map<number, string>();
    for (const c of children) {
      const kase = (await clerk.get(`/api/v1/cases/${c.id}`)).body;
      expect(kase.parent.id).toBe(parentId);
      needs.set(c.id, await headOf(openTasks(kase)[0]!.organizationId));
    }
    expect([...needs.values()].sort()).toEqual(['head1', 'head2', 'hrss1', 'tax1']);
    const marketCase = [...needs].find(([, u]) => u === 'head1')![0];

    // the seal, tax and social insurance cases take the company's particulars: until it is registered they wait, their
    // clocks paused — the seal's department sees why and cannot decide yet, and the founder sees which wait
    const sealCase = [...needs].find(([, u]) => u === 'head2')![0];
    const police = await newPage();
    await signInThroughUi(police, 'head2');
    // its inbox says so before the case is opened
    await police.goto('/workbench/tasks');
    const row = police.locator('tr', { has: police.getByText(children.find((c) => c.id === sealCase)!.number) });
    await row.getByTestId('inbox-paused').getByText('待营业执照').waitFor({ state: 'visible' });
    await police.goto(`/workbench/cases/${sealCase}`);
    await police.getByTestId('task-awaiting-registration').waitFor({ state: 'visible' });
    expect(await police.getByTestId('task-approve').isDisabled()).toBe(true);
    await police.getByText('等待企业设立登记', { exact: true }).first().waitFor({ state: 'visible' });
    await police.getByText('准予、企业登记成立后作出决定', { exact: false }).first().waitFor({ state: 'visible' });
    await screenshot(police, 'bundle-child-awaits-registration');
    const founder = await newPage();
    await signInThroughUi(founder, 'enterprise1');
    await founder.goto(`/my/cases/${parentId}`);
    await founder.getByTestId('bundle-children').waitFor({ state: 'visible' });
    await founder.getByTestId('child-awaits-registration').nth(2).waitFor({ state: 'visible' });
    expect(await founder.getByTestId('child-awaits-registration').count()).toBe(3);
    await screenshot(founder, 'bundle-children-await-registration');

    // head1 works 审查, 决定 and 办结 of 企业设立登记 on the case page
    const page = await newPage();
    await signInThroughUi(page, 'head1');
    await page.goto(`/workbench/cases/${marketCase}`);
    await page.getByTestId('parent-notice').waitFor({ state: 'visible' });
    for (const [stage, label] of [
      ['审查', '审查通过'],
      ['决定', '准予许可'],
      ['办结', '办结'],
    ] as const) {
      const mine = page.getByTestId('task-actions');
      await mine.getByText(stage, { exact: true }).first().waitFor({ state: 'visible' });
      if (stage === '审查') await screenshot(page, 'bundle-child-task');
      await mine.getByTestId('task-approve').getByText(label).click();
      await confirmTaskDialog(page);
    }
    await page.getByTestId('case-status').first().getByText('已办结').waitFor({ state: 'visible' });
    expect(await page.getByTestId('intake-actions').count()).toBe(0);

    // the company registered, the other item cases are filed for it, enterprise1 its agent: their timelines say so
    const other = children.find((c) => c.id !== marketCase)!;
    await founder.goto(`/my/cases/${other.id}`);
    await founder.getByText('本件改以该企业名义办理', { exact: false }).first().waitFor({ state: 'visible' });
    expect(await founder.getByText('云州青禾餐饮管理有限公司（91990100MA', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(founder, 'bundle-child-filed-for-company');
    // the bundle application, which the founder follows, says so too
    await founder.goto(`/my/cases/${parentId}`);
    await founder.getByTestId('case-timeline').getByText('依法登记成立，营业执照已核发', { exact: false }).waitFor({ state: 'visible' });

    // the other departments through the API, as the head each task needs
    for (const [id, username] of needs) {
      if (id === marketCase) continue;
      const head = await signIn(run.server, username);
      for (let round = 0; round < 5; round++) {
        const kase = (await head.get(`/api/v1/cases/${id}`)).body;
        const open = openTasks(kase);
        if (open.length === 0) break;
        for (const t of open) {
          expect(t.canAct).toBe(true);
          const r = await act(head, id, { action: 'approve', taskId: t.id, opinion: '同意' });
          expect(r.status, JSON.stringify(r.body)).toBe(200);
        }
      }
    }
    const parent = (await clerk.get(`/api/v1/cases/${parentId}`)).body;
    expect(parent.status).toBe('concluded');
    expect(parent.bundle.children.map((c: { decision: string }) => c.decision)).toEqual(['granted', 'granted', 'granted', 'granted']);
  });

  it('lets clerk1 deliver the bundle once from 待出件, and the enterprise sees it delivered', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=delivery');
    const table = page.getByTestId('delivery-table');
    const row = table.locator('tr', { hasText: parentNumber });
    await row.waitFor({ state: 'visible' });
    for (const c of children) expect(await table.locator('tr', { hasText: c.number }).count()).toBe(0);
    await row.getByTestId('delivery-open').click();
    await pickRadio(page.getByTestId('deliver-method'), '电子送达');
    await pressUntil(page.getByTestId('deliver-ok'), page.getByText(`办件 ${parentNumber} 已出件（电子送达）`));
    await page.getByTestId('deliver-dialog').waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });

    // case search: the bundle with its item cases nested under it
    await page.goto('/workbench/cases');
    const search = page.getByTestId('cases-table');
    await search.locator('tr', { hasText: parentNumber }).getByTestId('bundle-tag').waitFor({ state: 'visible' });
    await search.locator('tr', { hasText: children[3]!.number }).waitFor({ state: 'visible' });
    await screenshot(page, 'bundle-case-search');

    const citizen = await newPage();
    await signInThroughUi(citizen, 'enterprise1');
    await citizen.goto('/my/cases');
    const mine = citizen.getByTestId('my-cases-table');
    const parentRow = mine.locator('tr', { hasText: parentNumber });
    await parentRow.getByText('已送达').waitFor({ state: 'visible' });
    await parentRow.getByTestId('bundle-tag').waitFor({ state: 'visible' });
    for (const c of children) await mine.locator('tr', { hasText: c.number }).getByText('已送达').waitFor({ state: 'visible' });
    await screenshot(citizen, 'bundle-my-cases');
    await parentRow.getByRole('link').first().click();
    await citizen.waitForURL(`**/my/cases/${parentId}`);
    await citizen.getByTestId('outcome').getByText('结果已送达（电子送达').waitFor({ state: 'visible' });
    const kids = citizen.getByTestId('bundle-children');
    expect(await kids.getByText('已送达').count()).toBe(4);
    // each item case's decision in the words of its type: 企业设立登记 is a permit, 单位社会保险登记 a 行政确认, 公章刻制备案
    // and 新办纳税人涉税事项 other powers
    expect(await kids.getByText('准予许可').count()).toBe(1);
    expect(await kids.getByText('予以确认').count()).toBe(1);
    expect(await kids.getByText('准予办理').count()).toBe(2);
    await citizen.getByTestId('bundle-card').getByText('4/4').waitFor({ state: 'visible' });
    // 文书与结果 goes on with the item cases' results: each department's decision, and the 营业执照, named by its item case
    const results = citizen.getByTestId('item-case-documents');
    await results.getByText('营业执照', { exact: true }).waitFor({ state: 'visible' });
    expect(await results.getByTestId('document-decision').count()).toBe(4);
    await results.getByTestId('document-of-case').getByText(children[0]!.number).first().waitFor({ state: 'visible' });
    // the facts say how it was delivered, beside what the application had asked
    expect(await citizen.getByTestId('delivered-by').innerText()).toMatch(/^电子送达/);
    await screenshot(citizen, 'bundle-my-case-delivered');
    expect(errors).toEqual([]);
  });

  it('lets clerk1 receive the bundle for 林小雨 at 窗口收件 and accept it in the same step', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto('/workbench/intake?tab=window');
    await page.getByTestId('applicant-search').locator('input').fill('林小雨');
    await page.getByTestId('applicant-search').locator('input').press('Enter');
    await page.getByTestId('applicant-pick').first().click();
    await page.getByTestId('picked-applicant').getByText('林小雨').waitFor({ state: 'visible' });
    // the bundle is found with the items, marked 一件事
    await choose(page, 'item-picker', '企业开办一件事', false, '开办');
    const intake = page.getByTestId('window-bundle-intake');
    await intake.getByTestId('window-bundle-items').getByText('公章刻制备案').waitFor({ state: 'visible' });
    for (const field of ['entityName', 'creditCode', 'legalRepresentative']) expect(await page.locator(`#${field}`).count()).toBe(0);
    await fillBundleForm(page, '云州小雨文化传媒有限公司');
    for (const key of ['application_form', 'articles_of_association', 'officer_appointment']) {
      const row = page.locator(`[data-testid=materials-input] [data-material=${key}]`);
      await row.locator('input[type=file]').setInputFiles(pdfPath);
      await row.getByText('申请书.pdf').waitFor({ state: 'visible' });
    }
    await page.getByTestId('intake-submit-hint').getByText('缺少必要材料', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('intake-accept').count()).toBe(0);
    await page.getByTestId('use-license-id_card').click();
    await page.getByTestId('intake-submit-hint').getByText('各部门办件同时受理', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'bundle-window-intake');
    await pressUntil(page.getByTestId('intake-accept'), page.getByText('已收件并受理'));
    const number = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
    expect(number).toMatch(/^990100W\d{15}$/);
    await page.getByTestId('print-receipt').waitFor({ state: 'visible' });
    // one 受理通知书 for the whole application
    expect(await page.getByTestId('print-acceptance').getAttribute('href')).toMatch(/\/api\/v1\/cases\/\d+\/documents\/\d+/);
    await screenshot(page, 'bundle-window-received');
    await page.getByTestId('open-received').click();
    await page.waitForURL(/\/workbench\/cases\/\d+$/);
    // its item cases were accepted with it; the three taking the company's particulars wait for its registration
    const kids = page.getByTestId('bundle-children');
    await kids.locator('tbody tr').nth(3).waitFor({ state: 'visible' });
    expect(await kids.getByText('办理中').count()).toBe(4);
    expect(await kids.getByTestId('child-awaits-registration').count()).toBe(3);
    await screenshot(page, 'bundle-window-accepted');
    const parent = (await (await signIn(run.server, 'clerk1')).get(`/api/v1/cases/${new URL(page.url()).pathname.split('/').pop()}`)).body;
    expect(parent).toMatchObject({ number, channel: 'window', status: 'in_progress' });
    expect(errors).toEqual([]);
  });
});

describe('working a task together', () => {
  let caseId = 0;
  let caseNumber = '';

  beforeAll(async () => {
    const applied = await fileCompanyApplication(run.server, '云州小雨科技有限公司');
    caseId = applied.id;
    caseNumber = applied.number;
    expect((await act(applied.clerk, caseId, { action: 'accept' })).status).toBe(200);
  }, 120_000);

  it('lets approver1 delegate the review to approver1b (交办), who answers it from the inbox', { timeout: 240_000 }, async () => {
    const a = await newPage();
    await signInThroughUi(a, 'approver1');
    await a.goto(`/workbench/cases/${caseId}`);
    await a.getByTestId('form-version').getByText('第 1 版').waitFor({ state: 'visible' });
    await moreAction(a, '交办');
    await choose(a, 'delegate-to', '杨帆');
    await a.locator('#task-text').fill('请核实经营场所');
    await confirmTaskDialog(a);
    await a.getByTestId('other-tasks').getByText('已交办 杨帆，等待答复').waitFor({ state: 'visible' });
    await a.getByTestId('case-tasks').getByText('交办中').waitFor({ state: 'visible' });

    const b = await newPage();
    await signInThroughUi(b, 'approver1b');
    await b.goto('/workbench/tasks');
    const row = b.getByTestId('inbox-table').locator('tr', { hasText: caseNumber });
    await row.getByText('交办中').waitFor({ state: 'visible' });
    await screenshot(b, 'task-delegated-inbox');
    await row.getByTestId('inbox-open').click();
    await b.waitForURL(`**/workbench/cases/${caseId}`);
    // the colleague answers; approving is not theirs to do
    expect(await b.getByTestId('task-approve').count()).toBe(0);
    await b.getByTestId('task-answer').click();
    await b.locator('#task-text').fill('场所已现场核实，与申报一致');
    await confirmTaskDialog(b);
    await b.getByTestId('case-timeline').getByText('场所已现场核实，与申报一致').waitFor({ state: 'visible' });

    // back with approver1, who can work it again
    await a.reload();
    await a.getByTestId('task-actions').getByTestId('task-approve').waitFor({ state: 'visible' });
    const timeline = await a.getByTestId('case-timeline').innerText();
    expect(timeline).toMatch(/交办答复[\s\S]*杨帆[\s\S]*交办[\s\S]*陈静/);
  });

  it('lets approver1 ask for an extension and head1 approve it from the inbox (延期申请)', { timeout: 240_000 }, async () => {
    const a = await newPage();
    await signInThroughUi(a, 'approver1');
    await a.goto(`/workbench/cases/${caseId}`);
    await moreAction(a, '延期申请');
    await a.locator('#extension-days').fill('5');
    await a.locator('#task-text').fill('需要现场核查经营场所');
    await confirmTaskDialog(a);
    await a.getByTestId('extension-card').getByText('待审批').waitFor({ state: 'visible' });
    expect(await a.getByTestId('extension-approve').count()).toBe(0);

    const head = await newPage();
    await signInThroughUi(head, 'head1');
    await head.goto('/workbench/tasks');
    const requests = head.getByTestId('inbox-extensions');
    const row = requests.locator('tr', { hasText: caseNumber });
    await row.getByText('需要现场核查经营场所').waitFor({ state: 'visible' });
    await screenshot(head, 'task-extension-inbox');
    await row.getByTestId('inbox-extension-approve').click();
    await head.locator('#extension-note').fill('同意延期');
    await head.getByTestId('extension-decide-ok').click();
    await head.getByTestId('extension-decide-dialog').waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });

    await head.goto(`/workbench/cases/${caseId}`);
    await head.getByTestId('extension-card').getByText('已批准').waitFor({ state: 'visible' });
    await head.getByTestId('case-timeline').getByText('法定时限延长 5 个工作日', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(head, 'task-extension-approved');
    const kase = (await (await signIn(run.server, 'head1')).get(`/api/v1/cases/${caseId}`)).body;
    expect(kase.extensionRequests).toEqual([expect.objectContaining({ state: 'approved', days: 5, decisionNote: '同意延期' })]);
    expect(kase.clock.extensions).toHaveLength(1);
  });

  it('lets approver1 mark herself away, and approver1b sees whom it covers for', { timeout: 180_000 }, async () => {
    const a = await newPage();
    await signInThroughUi(a, 'approver1');
    await a.goto('/workbench/tasks');
    const until = new Date(Date.now() + 3 * 86_400_000);
    const text = `${until.getFullYear()}-${String(until.getMonth() + 1).padStart(2, '0')}-${String(until.getDate()).padStart(2, '0')} 18:00`;
    await a.locator('#away-until').click();
    await a.locator('#away-until').fill(text);
    await a.keyboard.press('Enter');
    await a.getByTestId('away-mark').click();
    await a.getByTestId('away-state').waitFor({ state: 'visible' });
    await screenshot(a, 'task-away');

    const b = await newPage();
    await signInThroughUi(b, 'approver1b');
    await b.goto('/workbench/tasks');
    await b.getByTestId('covering-notice').getByText('陈静').waitFor({ state: 'visible' });
    // the department's tasks, the one approver1 holds included
    await b.getByText('本岗位全部').click();
    await b.getByTestId('inbox-table').locator('tr', { hasText: caseNumber }).waitFor({ state: 'visible' });
    await screenshot(b, 'task-covering-inbox');

    await a.getByTestId('away-back').click();
    await a.getByTestId('away-mark').waitFor({ state: 'visible' });
    expect((await run.server.sql("SELECT away_until FROM account WHERE username = 'approver1'")).rows[0].away_until).toBeNull();
    expect(errors).toEqual([]);
  });
});
