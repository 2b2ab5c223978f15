import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signIn } from '../harness.ts';
import {
  choose,
  cjkRendering,
  followMenu,
  pressUntil,
  screenshot,
  screenshotFromTop as shot,
  signInThroughUi,
  startBrowserRun,
  type BrowserRun,
} from './support.ts';

let run: BrowserRun;

beforeAll(async () => {
  run = await startBrowserRun();
});

afterAll(async () => {
  await run?.close();
});

async function openTab(page: Page, name: string) {
  await page.getByTestId('editor-tabs').getByRole('tab', { name }).click();
}

/** A workbook in the export layout (sheets 事项, 材料, 收费 with their Chinese headers). */
async function workbook(items: unknown[][], materials: unknown[][], fees: unknown[][] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: unknown[][]) => {
    const s = book.addWorksheet(name);
    s.addRow(header);
    for (const r of rows) s.addRow(r);
  };
  sheet(
    '事项',
    [
      '实施机构统一社会信用代码',
      '基本编码',
      '事项名称',
      '事项类型',
      '办件类型',
      '法定办结时限',
      '法定时限单位',
      '承诺办结时限',
      '承诺时限单位',
      '设定依据',
      '受理条件',
      '到现场次数',
      '网上办理深度',
      '通办范围',
      '送达方式',
      '办理地点',
      '办理时间',
      '咨询电话',
      '监督投诉电话',
      '服务对象',
      '主题',
      '关键词',
      '审批结果类型',
      '审批结果名称',
      '是否告知承诺制',
      '是否收费',
      '是否支持预约',
      '是否支持网上支付',
      '表单JSON',
      '流程JSON',
    ],
    items,
  );
  sheet(
    '材料',
    ['实施机构统一社会信用代码', '基本编码', '材料标识', '材料名称', '原件/复印件', '纸质/电子', '必要性', '情形说明', '份数', '来源', '证照类型'],
    materials,
  );
  sheet('收费', ['实施机构统一社会信用代码', '基本编码', '收费项目', '收费标准', '收费依据', '是否允许减免', '减免依据'], fees);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One 事项 row: a committed licensing item of the market regulator with the standard form and process. */
function itemRow(orgCode: string, baseCode: string, name: string, overrides: Record<number, unknown> = {}): unknown[] {
  const row: unknown[] = [
    orgCode,
    baseCode,
    name,
    '行政许可',
    '承诺件',
    20,
    '工作日',
    10,
    '工作日',
    '《中华人民共和国行政许可法》第二十九条',
    '符合条件的申请人',
    1,
    3,
    '全市通办',
    '窗口领取，邮寄',
    '云州市政务服务中心 5 号窗口',
    '周一至周五 9:00-17:00',
    '0570-12345501',
    '12345',
    '自然人，法人',
    '经营许可',
    '测试',
    '证照',
    '许可证',
    '否',
    '否',
    '否',
    '否',
    '',
    '',
  ];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
  return row;
}

const market = '11990100MB0000002X';

/** What the materials grid cuts off: keys, names and conditions typed, and choices made, wider than their boxes. */
function cutOff(page: Page): Promise<string[]> {
  return page
    .getByTestId('materials-table')
    .locator('tbody input.ant-input, tbody textarea.ant-input, tbody .ant-select-content')
    .evaluateAll((els) =>
      els.length === 0
        ? ['(no inputs found)']
        : els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el as HTMLInputElement).value ?? el.textContent),
    );
}

/** Take an action that asks for confirmation in a pop-up: `trigger`, then the pop-up's `confirm` button, until `done` shows. */
async function confirmInPopup(page: Page, trigger: string, confirm: RegExp, done: Locator) {
  await page.getByTestId(trigger).click();
  await pressUntil(page.locator('.ant-popconfirm:visible').getByRole('button', { name: confirm }), done, page.getByTestId(trigger));
}

/** 送审 and confirm. */
const submitForReview = (page: Page) => confirmInPopup(page, 'action-submit', /送\s*审/, page.getByTestId('shown-version').filter({ hasText: 'v1 · 审核中' }));

/**
 * Save a stale draft, and take the 重新加载 the conflict offers until the form shows `expected`. The
 * confirmation animates in: on a loaded machine a click can land before it settles and do nothing, so a
 * confirmation still open is clicked again, and a save whose confirmation never showed is made again.
 */
async function saveStaleAndReload(page: Page, expected: string) {
  const modal = page.locator('.ant-modal-confirm:visible');
  const reloadButton = modal.getByRole('button', { name: '重新加载' });
  const name = page.locator('#name');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await modal.isVisible())) await page.getByTestId('action-save').click();
    await modal.locator('.ant-modal-confirm-title').filter({ hasText: '数据已变更' }).waitFor({ state: 'visible' });
    await reloadButton.click({ timeout: 10_000 }).catch(() => {});
    const reloaded = await expect
      .poll(() => name.inputValue(), { timeout: 15_000 })
      .toBe(expected)
      .then(() => true)
      .catch(() => false);
    if (reloaded) return;
  }
  await expect.poll(() => name.inputValue(), { timeout: 15_000 }).toBe(expected);
}

describe('catalog administration (事项管理)', () => {
  it(
    'lets the catalog administrator create an item, design its form and process, and send it for review; the center administrator publishes it',
    { timeout: 180_000 },
    async () => {
      const suffix = String(Date.now()).slice(-6);
      const name = `食品经营许可（测试${suffix}）`;
      const { page, errors } = await run.newPage();
      await signInThroughUi(page, 'catalogadmin');
      const font = await cjkRendering(page);
      expect(font.identicalToMissingGlyph, `Chinese renders as boxes in ${font.font}`).toBe(false);

      await followMenu(page, '事项管理', '事项目录', '/workbench/catalog/items');
      await page.getByTestId('items-table').locator('tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
      // every item the catalog administrator manages (a repeated run finds the items an earlier one created)
      const total = (await (await signIn(run.server, 'catalogadmin')).get('/api/v1/catalog/admin/items?limit=1')).body.total as number;
      expect(total).toBeGreaterThanOrEqual(59);
      await page.getByText(`共 ${total} 条`).waitFor({ state: 'visible' });
      await shot(page, 'catalog-admin-items');
      await page.getByPlaceholder('事项名称或编码').fill('企业设立');
      await page.getByPlaceholder('事项名称或编码').press('Enter');
      await page.getByTestId('items-table').getByText('企业设立登记').waitFor({ state: 'visible' });
      await page.getByText('共 1 条').waitFor({ state: 'visible' });

      // 新建事项: the department, the 12-digit base code (01 → 行政许可), the essentials
      await page.getByTestId('item-create').click();
      await choose(page, 'organizationId', '市场监督管理局', false, '市场监督管理局');
      await page.locator('#baseCode').fill(`0111${suffix}00`);
      await page.locator('#name').fill(name);
      await page.locator('#basis').fill('《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》');
      await page.getByTestId('item-create-save').click();
      await page.waitForURL(/\/workbench\/catalog\/items\/\d+$/);
      const itemId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByTestId('shown-version').filter({ hasText: 'v1 · 草稿' }).waitFor({ state: 'visible' });
      await page.getByTestId('basic-tab').waitFor({ state: 'visible' });
      expect(await page.locator('#name').inputValue()).toBe(name);
      await page.locator('#conditions').fill('申请人持有营业执照，有与经营的食品品种、数量相适应的经营场所。');
      await shot(page, 'catalog-admin-editor-basic');

      // 申请材料: one row, conditional, with its condition
      await openTab(page, '申请材料');
      await page.getByTestId('material-add').click();
      await page.getByTestId('material-name-0').fill('食品安全管理制度文本');
      await shot(page, 'catalog-admin-editor-materials');

      await openTab(page, '收费');
      await page.getByTestId('fees-tab').getByText('不收费的事项不列收费项目。').waitFor({ state: 'visible' });
      await shot(page, 'catalog-admin-editor-fees');

      // 表单设计: a phone field, seen and checked in the live preview
      await openTab(page, '表单设计');
      await page.getByTestId('palette-phone').click();
      await page.getByTestId('field-label-zh').fill('食品安全管理员电话');
      await page.getByTestId('field-label-en').fill('Food safety officer phone');
      await page.getByTestId('field-required').click();
      const preview = page.getByTestId('form-preview');
      const phone = preview.getByLabel('食品安全管理员电话');
      await phone.waitFor({ state: 'visible' });
      await phone.fill('12345');
      await preview.getByLabel('身份证号码').fill('110101199003071234');
      await page.getByTestId('preview-validate').click();
      await preview.getByText('请输入有效的手机号或固定电话').waitFor({ state: 'visible' });
      await preview.getByText('身份证号码无效').waitFor({ state: 'visible' });
      await preview.getByText('请填写申请人姓名').waitFor({ state: 'visible' });
      await shot(page, 'catalog-admin-form-designer');
      await phone.fill('13800138000');
      await expect.poll(() => preview.getByText('请输入有效的手机号或固定电话').count(), { timeout: 10_000 }).toBe(0);
      // what the license prints of the form: a text field is offered, the phone is not
      const licenseCard = page.getByTestId('license-fields-card');
      await licenseCard.scrollIntoViewIfNeeded();
      await page.locator('#license-result-fields').click();
      await page.locator('.ant-select-dropdown:visible').getByText('申请人姓名', { exact: false }).first().waitFor({ state: 'visible' });
      expect(await page.locator('.ant-select-dropdown:visible').getByText('食品安全管理员电话', { exact: false }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await choose(page, 'license-result-fields', '申请人姓名', true);
      // the phone field's check and its prefill, in words an administrator reads
      expect(await page.getByTestId('field-fixed-format').innerText()).toBe('校验格式：手机号码或固定电话（如 13800138000、0570-1234567）');
      expect(await page.getByTestId('field-prefill').innerText()).toBe('不自动填充');
      expect(await page.getByTestId('field-settings').innerText()).not.toContain('applicant.');
      await shot(page, 'catalog-admin-license-fields');

      // 流程设计: a parallel node after 审查, with a second stage in its second branch
      await openTab(page, '流程设计');
      await page.getByTestId('flow-add-2').click();
      await page.locator('.ant-dropdown:visible').getByText('并联审批').click();
      await page.getByTestId('branch-2-1').waitFor({ state: 'visible' });
      await page.getByTestId('branch-add-2-1-1').click();
      await page.getByTestId('node-name').fill('现场核查');
      await page.getByTestId('node-done').click();
      await page.getByTestId('branch-2-1').getByText('现场核查').waitFor({ state: 'visible' });
      await shot(page, 'catalog-admin-process-designer');

      // an edit under 基本信息 after the other tabs keeps what they did
      await openTab(page, '基本信息');
      await page.locator('#hours').fill('周一至周五 9:00-17:00（节假日除外）');
      // 补正期限: none until typed, in working days when typed bare, and never in working hours
      const supplement = page.getByTestId('supplement-period');
      await supplement.scrollIntoViewIfNeeded();
      expect(await supplement.getByRole('spinbutton').getAttribute('placeholder')).toBe('不设期限');
      await supplement.getByText('逾期未补正的视为撤回申请', { exact: false }).waitFor({ state: 'visible' });
      await supplement.getByRole('spinbutton').fill('15');
      await supplement.getByText('工作日', { exact: true }).waitFor({ state: 'visible' });
      await supplement.locator('.ant-select').click();
      const units = page.locator('.ant-select-dropdown:visible');
      await units.getByText('自然日', { exact: true }).waitFor({ state: 'visible' });
      expect(await units.getByText('工作小时', { exact: true }).count()).toBe(0);
      await screenshot(page, 'catalog-admin-supplement-period');
      await page.keyboard.press('Escape');

      // 保存草稿, 检查 (no problems), 送审
      await page.getByTestId('action-save').click();
      await page.getByText('草稿已保存').waitFor({ state: 'visible' });
      await page.getByTestId('action-check').click();
      await page.getByTestId('check-ok').waitFor({ state: 'visible' });
      await submitForReview(page);
      await page.getByText('您已送审，等待他人审核').waitFor({ state: 'visible' });
      await openTab(page, '版本');
      await page.getByTestId('versions-tab').getByText('审核中').waitFor({ state: 'visible' });
      await shot(page, 'catalog-admin-editor-versions');

      // what the designers wrote is what catalog.schemas.ts describes
      const admin = await signIn(run.server, 'catalogadmin');
      const saved = await admin.get(`/api/v1/catalog/admin/items/${itemId}`);
      expect(saved.status).toBe(200);
      const content = saved.body.open.content;
      expect(content.hours).toBe('周一至周五 9:00-17:00（节假日除外）');
      expect(content.supplementPeriod).toEqual({ value: 15, unit: 'workday' });
      expect(content.materials).toEqual([expect.objectContaining({ key: 'material_1', name: '食品安全管理制度文本', necessity: 'required' })]);
      const phoneKey = content.form.ui.order.find((k: string) => content.form.ui.fields[k].label['zh-CN'] === '食品安全管理员电话');
      expect(content.form.ui.fields[phoneKey]).toEqual({ widget: 'phone', label: { 'zh-CN': '食品安全管理员电话', en: 'Food safety officer phone' } });
      expect(content.form.schema.properties[phoneKey]).toMatchObject({ type: 'string', format: 'phone', title: '食品安全管理员电话' });
      expect(content.form.schema.required).toContain(phoneKey);
      expect(content.resultFields).toEqual([content.form.ui.order.find((k: string) => content.form.ui.fields[k].label['zh-CN'] === '申请人姓名')]);
      const parallel = content.process.nodes[2];
      expect(parallel).toMatchObject({ kind: 'parallel', mode: 'countersign' });
      expect(parallel.branches).toHaveLength(2);
      expect(parallel.branches[1].map((s: { name: string }) => s.name)).toEqual(['部门审查二', '现场核查']);

      // a second reviewer sends it back through the UI with a note; the editor sees the note and sends it again
      const reviewer = await run.newPage();
      await signInThroughUi(reviewer.page, 'sysadmin');
      await reviewer.page.goto('/workbench/catalog/items?view=review');
      await reviewer.page.getByTestId('items-table').getByText(name).click();
      await reviewer.page.getByTestId('action-approve').waitFor({ state: 'visible' });
      await reviewer.page.getByTestId('action-reject').click();
      await reviewer.page.getByTestId('reject-note').fill('请补充食品经营场所的现场核查要求。');
      await pressUntil(reviewer.page.locator('#reject-note-ok'), reviewer.page.getByTestId('shown-version').filter({ hasText: 'v1 · 草稿' }));
      expect(reviewer.errors).toEqual([]);

      await page.reload();
      await page.getByTestId('review-note').getByText('请补充食品经营场所的现场核查要求。').waitFor({ state: 'visible' });
      await submitForReview(page);

      // the center administrator (catalog.review, not catalog.manage) finds it in the review queue and approves: four eyes
      const center = await run.newPage();
      await signInThroughUi(center.page, 'centeradmin');
      await followMenu(center.page, '事项管理', '事项目录', '/workbench/catalog/items');
      await center.page.getByTestId('items-table').getByText(name).waitFor({ state: 'visible' });
      expect(await center.page.getByTestId('item-create').count()).toBe(0);
      await shot(center.page, 'catalog-admin-review-queue');
      await center.page.getByTestId('items-table').getByText(name).click();
      await confirmInPopup(center.page, 'action-approve', /审核通过/, center.page.getByTestId('shown-version').filter({ hasText: 'v1 · 已发布' }));
      expect(await center.page.getByTestId('action-change').count()).toBe(0);
      expect(center.errors).toEqual([]);
      const reviewed = await run.server.sql<{ username: string }>(
        "SELECT a.username FROM item_version v JOIN account a ON a.id = v.reviewed_by WHERE v.item_id = $1 AND v.state = 'published'",
        [itemId],
      );
      expect(reviewed.rows).toEqual([{ username: 'centeradmin' }]);

      const found = await admin.get(`/api/v1/catalog/items?q=${encodeURIComponent(name)}`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((i: { name: string }) => i.name)).toContain(name);

      // published and without a draft: read-only, with 发起变更
      await page.reload();
      await page.getByTestId('published-readonly').waitFor({ state: 'visible' });
      await page.getByTestId('action-change').waitFor({ state: 'visible' });
      expect(await page.getByTestId('action-save').count()).toBe(0);
      expect(errors).toEqual([]);
    },
  );

  it('delegates a published item to a district center, whose item keeps the standard and edits only its local details', { timeout: 120_000 }, async () => {
    const admin = await signIn(run.server, 'catalogadmin');
    const list = await admin.get(`/api/v1/catalog/admin/items?q=${encodeURIComponent('残疾人证迁移')}`);
    const base = list.body.items.find((i: { name: string; delegated: boolean }) => i.name === '残疾人证迁移' && !i.delegated);
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'catalogadmin');
    await page.goto(`/workbench/catalog/items/${base.id}`);
    await openTab(page, '下放');
    await page.getByTestId('delegate-orgs').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '青川区政务服务中心' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('delegate-submit').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /下\s*放/ })
      .click();
    const child = page.getByTestId('delegation-tab').getByRole('link', { name: /^11990102MB00000168-/ });
    await child.waitFor({ state: 'visible' });
    await shot(page, 'catalog-admin-editor-delegation');

    await child.click();
    await page.getByTestId('delegated-notice').waitFor({ state: 'visible' });
    await page.getByTestId('local-details').locator('#local_location').fill('青川区政务服务中心 2 号窗口');
    await page.getByTestId('local-save').click();
    await page.getByText('本级实施信息已保存并发布').waitFor({ state: 'visible' });
    expect(await page.getByTestId('action-save').count()).toBe(0);
    // 保存本级信息 ends the form, below its last field, not in the card's title bar
    const saveBox = (await page.getByTestId('local-save').boundingBox())!;
    const lastField = (await page.getByTestId('local-details').locator('#local_complaintPhone').boundingBox())!;
    expect(saveBox.y).toBeGreaterThan(lastField.y + lastField.height);
    await shot(page, 'catalog-admin-delegated-item');

    const childId = Number(new URL(page.url()).pathname.split('/').pop());
    const item = await admin.get(`/api/v1/catalog/admin/items/${childId}`);
    expect(item.body).toMatchObject({ status: 'published', delegatedFrom: base.code, local: { location: '青川区政务服务中心 2 号窗口' } });
    expect(item.body.published.content).toMatchObject({ powerSource: '上级下放', location: '青川区政务服务中心 2 号窗口', level: 'district' });
    expect(errors).toEqual([]);
  });

  it(
    'reports every bad row of a workbook with its sheet, row and column and creates nothing; a good one is checked, then imported',
    { timeout: 120_000 },
    async () => {
      const count = async () => (await run.server.sql<{ n: number }>('SELECT count(*)::int AS n FROM item')).rows[0]!.n;
      const before = await count();
      const bad = await workbook(
        [
          itemRow('91990100MA00000000', '011100900001', '无此部门的事项'),
          itemRow(market, '0111009', '编码过短的事项', { 3: '行政审批' }),
          itemRow(market, '011100900003', '即办件时限不为零', { 4: '即办件' }),
        ],
        [[market, '011100900003', 'Bad Key', '申请书', '原件X', '纸质', '必要', '', 1, '申请人', '']],
      );
      const { page, errors } = await run.newPage();
      await signInThroughUi(page, 'catalogadmin');
      await page.goto('/workbench/catalog/import');
      await page.locator('input[type=file]').setInputFiles({
        name: 'bad-catalog.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: bad,
      });
      await page.getByText('bad-catalog.xlsx').waitFor({ state: 'visible' });
      await page.getByTestId('import-dry-run').click();
      const report = page.getByTestId('import-errors');
      await report.waitFor({ state: 'visible' });
      const rows = report.locator('tbody tr.ant-table-row');
      const text = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
      // zh-CN: the sentences are Chinese
      expect(text.some((r) => /材料 2 材料标识 材料标识只能使用小写字母、数字和下划线/.test(r))).toBe(true);
      expect(text.some((r) => /材料 2 原件\/复印件 「原件X」不是可选的值，应为：原件 \/ 复印件 \/ 原件及复印件/.test(r))).toBe(true);
      expect(text.some((r) => /事项 2 实施机构统一社会信用代码 没有使用该统一社会信用代码的实施机构/.test(r))).toBe(true);
      expect(text.some((r) => /事项 3 基本编码 基本编码应为 12 位数字/.test(r))).toBe(true);
      expect(text.some((r) => /事项 3 事项类型 「行政审批」不是可选的值/.test(r))).toBe(true);
      expect(text.some((r) => /事项 4 承诺办结时限 即办件当场办结，法定时限和承诺时限均应为 0/.test(r))).toBe(true);
      // every column is named by the sheet's own Chinese header, none by the data model's path
      const columns = await report.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
      expect(columns.filter((c) => /[a-z]/.test(c))).toEqual([]);
      expect(text.some((r) => /no organization|12 digits|is not one of/.test(r))).toBe(false);
      expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
      await shot(page, 'catalog-admin-import-errors');
      // English: the same rows in English, then back to Chinese (the switch is remembered on the account)
      await page.getByTestId('language-switch').click();
      await report.getByText('12 digits').waitFor({ state: 'visible' });
      const english = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
      expect(english.some((r) => /事项 2 实施机构统一社会信用代码 no organization has this credit code/.test(r))).toBe(true);
      expect(english.some((r) => /材料 2 原件\/复印件 "原件X" is not one of/.test(r))).toBe(true);
      expect(english.some((r) => /事项 4 承诺办结时限 an immediate item \(即办件\) is decided on the spot/.test(r))).toBe(true);
      const backToChinese = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
      await page.getByTestId('language-switch').click();
      await backToChinese;
      await report.getByText('基本编码应为 12 位数字').waitFor({ state: 'visible' });
      expect(await count()).toBe(before);

      // a good workbook: 预检 shows the plan, 导入 creates the draft
      const good = await workbook(
        [itemRow(market, '011100900009', '导入测试许可')],
        [[market, '011100900009', 'application_form', '申请书', '原件', '纸质或电子', '必要', '', 1, '申请人', '']],
      );
      await page.locator('input[type=file]').setInputFiles({
        name: 'good-catalog.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: good,
      });
      await page.getByText('good-catalog.xlsx').waitFor({ state: 'visible' });
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-plan').getByText('导入测试许可').waitFor({ state: 'visible' });
      expect(await count()).toBe(before);
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-done').getByText(`${market}-011100900009`).waitFor({ state: 'visible' });
      expect(await count()).toBe(before + 1);
      const created = await run.server.sql<{ state: string; name: string }>(
        'SELECT v.state, v.name FROM item i JOIN item_version v ON v.item_id = i.id WHERE i.code = $1',
        [`${market}-011100900009`],
      );
      expect(created.rows).toEqual([{ state: 'draft', name: '导入测试许可' }]);
      expect(errors).toEqual([]);
    },
  );

  it('creates a bundle of two published items and shows its merged materials', { timeout: 120_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'catalogadmin');
    await page.goto('/workbench/catalog/bundles');
    await page.getByTestId('bundles-table').getByText('企业开办一件事').waitFor({ state: 'visible' });
    await shot(page, 'catalog-admin-bundles');

    await page.getByTestId('bundle-create').click();
    await page.locator('#code').fill('B-CJR-001');
    await page.locator('#name').fill('残疾人证办理一件事');
    await page.locator('#description').fill('残疾人证核发与辅助器具适配补贴一次申请。');
    for (const q of ['残疾人证核发', '残疾人辅助器具适配补贴']) {
      await page.locator('#itemCodes').click();
      await page.locator('#itemCodes').fill(q);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: q }).first().click();
    }
    await page.keyboard.press('Escape');
    await page.locator('#committedLimit_value').fill('10');
    await page.getByLabel('自然人').check();
    await page.getByTestId('bundle-save').click();
    const preview = page.getByTestId('bundle-preview');
    await preview.getByText('残疾人证办理一件事').waitFor({ state: 'visible' });
    await preview.getByTestId('bundle-materials').locator('tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
    await shot(page, 'catalog-admin-bundle-preview');

    const admin = await signIn(run.server, 'catalogadmin');
    const bundle = await admin.get('/api/v1/catalog/bundles/B-CJR-001');
    expect(bundle.status).toBe(200);
    expect(bundle.body.items.map((i: { name: string }) => i.name)).toEqual(['残疾人证核发', '残疾人辅助器具适配补贴']);
    expect(await preview.getByTestId('bundle-materials').locator('tbody tr.ant-table-row').count()).toBe(bundle.body.materials.length);
    expect(errors).toEqual([]);
  });

  it('lists the problems of 检查 by tab, each saying where it is, offers a reload after a stale save, and cancels an item', { timeout: 120_000 }, async () => {
    const admin = await signIn(run.server, 'catalogadmin');
    const source = (await admin.get('/api/v1/catalog/admin/items/1')).body.published.content;
    const content = {
      ...source,
      name: '待完善的测试事项',
      materials: source.materials.map((m: Record<string, unknown>, i: number) => (i === 0 ? { ...m, necessity: 'conditional', condition: undefined } : m)),
    };
    // a code of its own on every run, so that a repeated run creates its item anew
    const baseCode = `0111${String(Date.now()).slice(-6)}77`;
    const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: 2, baseCode, content });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;

    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'catalogadmin');
    await page.goto(`/workbench/catalog/items/${id}`);
    await page.getByTestId('action-check').click();
    const problems = page.getByTestId('check-problems');
    // where the problem is, in words: the material by its place in the list and its name
    const first = source.materials[0].name as string;
    await problems.getByText(`申请材料第 1 项「${first}」的情形说明`).waitFor({ state: 'visible' });
    expect(await problems.innerText()).not.toContain('materials.');
    // zh-CN: the rules' Chinese sentences, not the English ones
    await problems.getByText('情形必要的申请材料须说明适用情形').waitFor({ state: 'visible' });
    expect(await problems.getByText('a conditional material says when it is needed').count()).toBe(0);
    await shot(page, 'catalog-admin-check-problems');
    // in English the same problem reads in English; back in Chinese, clicking it opens the 申请材料 tab
    await page.getByTestId('language-switch').click();
    await problems.getByText('a conditional material says when it is needed').waitFor({ state: 'visible' });
    await problems.getByText(`Material 1 “${first}” › When needed`).waitFor({ state: 'visible' });
    // the materials grid shows what was typed and chosen in full, in English as in Chinese
    await problems.getByText('a conditional material says when it is needed').click();
    await page.getByTestId('materials-table').waitFor({ state: 'visible' });
    expect(await cutOff(page)).toEqual([]);
    const backToChinese = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.getByTestId('language-switch').click();
    await backToChinese;
    await problems.getByText('情形必要的申请材料须说明适用情形').click();
    await page.getByTestId('materials-table').waitFor({ state: 'visible' });
    expect(await cutOff(page)).toEqual([]);

    // someone else saves the draft meanwhile: this save is stale, and the reload shows their version
    await openTab(page, '基本信息');
    await page.locator('#name').fill('我的修改');
    const draft = (await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.open;
    const other = await admin.put(`/api/v1/catalog/admin/items/${id}/draft`, { content: { ...draft.content, name: '他人的修改' }, version: draft.version });
    expect(other.status).toBe(200);
    await saveStaleAndReload(page, '他人的修改');

    await page.getByTestId('action-cancel').click();
    await page.getByTestId('cancel-reason').fill('事项已合并至企业设立登记');
    await pressUntil(page.locator('#cancel-reason-ok'), page.getByText('本事项已取消，不再受理新的申请'));
    expect((await admin.get(`/api/v1/catalog/admin/items/${id}`)).body).toMatchObject({ status: 'cancelled', cancelReason: '事项已合并至企业设立登记' });
    expect(errors).toEqual([]);
  });

  it('shows the catalog pages in English', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage({ locale: 'en' });
    await signInThroughUi(page, 'catalogadmin');
    await page.getByTestId('language-switch').click();
    await page.goto('/workbench/catalog/items/1');
    await page.getByTestId('editor-tabs').getByRole('tab', { name: 'Process' }).click();
    await page.getByTestId('action-change').getByText('Start a change').waitFor({ state: 'visible' });
    await page.getByTestId('workbench-menu').getByText('Service items').waitFor({ state: 'visible' });
    // the stages are limited in working hours: the total says so, beside the legal limit in working days
    expect(await page.getByTestId('process-budget').innerText()).toBe('Stage time limits add up to 5 working hours (legal limit 3 working days)');
    await shot(page, 'catalog-admin-editor-en');
    // 企业设立登记's supplement period: 30 calendar days
    await page.getByTestId('editor-tabs').getByRole('tab', { name: 'Basics' }).click();
    const supplement = page.getByTestId('supplement-period');
    await supplement.getByText('Period to supplement').waitFor({ state: 'visible' });
    expect(await supplement.getByRole('spinbutton').inputValue()).toBe('30');
    await supplement.getByText('calendar days', { exact: true }).waitFor({ state: 'visible' });
    // the unit is read in full, not as "calendar …"
    const unit = await supplement
      .locator('.ant-select-content')
      .first()
      .evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(unit).toBe(true);
    await supplement.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-admin-supplement-period-en');
    expect(errors).toEqual([]);
  });
});
