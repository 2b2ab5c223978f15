import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn } from '../harness.ts';
import { choose as chooseOption, fileCompanyApplication, screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';

let run: BrowserRun;

beforeAll(async () => {
  run = await startBrowserRun();
});

afterAll(async () => {
  await run?.close();
});

const menu = (page: Page) => page.getByTestId('workbench-menu');

/** Pick an option in an antd Select by typing part of it. */
const choose = (page: Page, inputId: string, text: string) => chooseOption(page, inputId, text, false, text);

describe('workbench (staff)', () => {
  it('signs a window clerk in to the workbench with their name, roles, menu and window posts', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'clerk1');
    await page.waitForURL('**/workbench');
    expect(await page.getByTestId('user-name').innerText()).toBe('张丽');
    await page.locator('.user-menu-roles').getByText('综合窗口受理人员').waitFor({ state: 'visible' });
    for (const item of ['工作台首页', '组织机构', '行政区划', '部门管理', '大厅与窗口', '工作人员', '消息中心', '个人设置']) {
      await menu(page).getByText(item, { exact: true }).waitFor({ state: 'visible' });
    }
    // a clerk has no audit.read: the menu does not offer what the server would refuse
    expect(await menu(page).getByText('审计日志').count()).toBe(0);
    const home = page.getByTestId('workbench-home');
    await home.getByText('张丽', { exact: false }).first().waitFor({ state: 'visible' });
    await page.getByTestId('my-windows').getByText('A 岗').waitFor({ state: 'visible' });
    await screenshot(page, 'workbench-home');

    await page.getByTestId('language-switch').click();
    await menu(page).getByText('Workbench home').waitFor({ state: 'visible' });
    await page.getByText('Window clerk · 云州市').first().waitFor({ state: 'visible' });
    await screenshot(page, 'workbench-home-en');
    expect(errors).toEqual([]);
  });

  it('lets the center administrator add a window to the city hall through the UI', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'centeradmin');
    await menu(page).getByText('大厅与窗口').click();
    await page.getByTestId('halls-table').getByText('云州市政务服务中心', { exact: true }).click();
    await page.waitForURL(/\/workbench\/org\/halls\/\d+$/);
    const table = page.getByTestId('windows-table');
    await table.getByText('民政窗口').waitFor({ state: 'visible' });

    await page.getByTestId('window-create').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('在“云州市政务服务中心”新增窗口').waitFor({ state: 'visible' });
    expect(await page.locator('#number').inputValue()).toBe('11');
    await page.locator('#name').fill('税务窗口');
    await modal.getByText('专业窗口', { exact: true }).click();
    await choose(page, 'organizationId', '税务局');
    await page.locator('#categories').click();
    await page.locator('#categories').fill('税务登记');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('#window-save').click();
    await modal.waitFor({ state: 'detached' });

    const row = table.locator('tr', { hasText: '税务窗口' });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toMatch(/11[\s\S]*税务窗口[\s\S]*专业窗口[\s\S]*国家税务总局云州市税务局[\s\S]*税务登记/);
    await screenshot(page, 'hall-detail');

    // the window exists for the API and in the database, with an audit entry
    const admin = await signIn(run.server, 'centeradmin');
    const hallId = Number(new URL(page.url()).pathname.split('/').pop());
    const windows = await admin.get(`/api/v1/org/halls/${hallId}/windows`);
    expect(windows.status).toBe(200);
    const created = windows.body.find((w: { number: string }) => w.number === '11');
    expect(created).toMatchObject({ name: '税务窗口', kind: 'department', organizationName: '国家税务总局云州市税务局', categories: ['税务登记'] });
    const db = await run.server.sql('SELECT w.name, w.kind, h.name AS hall FROM service_window w JOIN hall h ON h.id = w.hall_id WHERE w.id = $1', [
      created.id,
    ]);
    expect(db.rows).toEqual([{ name: '税务窗口', kind: 'department', hall: '云州市政务服务中心' }]);
    const audit = await run.server.sql("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'window.create' AND target_id = $1", [String(created.id)]);
    expect(audit.rows[0]!.n).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows the administrator every workbench page in use', { timeout: 120_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'centeradmin');

    await page.goto('/workbench/org/regions');
    await page.getByTestId('regions-table').getByText('南山街道').waitFor({ state: 'visible' });
    await screenshot(page, 'regions');

    await page.goto('/workbench/org/organizations');
    const organizations = page.getByTestId('organizations-table');
    await organizations.getByText('云州市市场监督管理局').waitFor({ state: 'visible' });
    await screenshot(page, 'organizations');
    await page.getByPlaceholder('名称、简称或信用代码').fill('公安');
    await page.getByPlaceholder('名称、简称或信用代码').press('Enter');
    await organizations.locator('tbody tr.ant-table-row').first().getByText('云州市公安局').waitFor({ state: 'visible' });
    expect(await organizations.locator('tbody tr.ant-table-row').count()).toBe(1);

    await page.goto('/workbench/org/staff');
    await page.getByTestId('staff-table').getByText('clerk1', { exact: true }).waitFor({ state: 'visible' });
    await screenshot(page, 'staff');

    // a case filed and accepted through the API: its audit entries, one per action, read with the timeline's words
    const applied = await fileCompanyApplication(run.server, '云州审计示例有限公司');
    expect((await applied.clerk.post(`/api/v1/cases/${applied.id}/actions`, { action: 'accept' })).status).toBe(200);

    await page.goto('/workbench/audit');
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verdict').getByText('审计日志完整，未发现篡改').waitFor({ state: 'visible' });
    await chooseOption(page, 'audit-target', '办件');
    await page.getByPlaceholder('对象编号').fill(String(applied.id));
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    const accepted = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').filter({ hasText: 'case.accepted' });
    // the stage it entered, named
    await accepted.getByText(/随后：进入「.+」环节/).waitFor({ state: 'visible' });
    expect(await accepted.innerText()).toContain('受理');
    // the applicant's own application is in the case's trail too: it is scoped by the case's region, not the actor's
    const submitted = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').filter({ hasText: 'case.submitted' });
    expect(await submitted.innerText()).toContain('提交申请');
    expect(await submitted.innerText()).toContain('林小雨');
    await screenshot(page, 'audit');

    await page.goto('/workbench/notify/deliveries');
    await page.getByTestId('deliveries-table').waitFor({ state: 'visible' });
    await screenshot(page, 'deliveries');

    await page.goto('/profile');
    await page.getByTestId('profile-page').getByText('centeradmin').waitFor({ state: 'visible' });
    await screenshot(page, 'profile');
    expect(errors).toEqual([]);
  });

  it('puts a clerk on a B post through the UI, and the clerk finds the notice in the message center', { timeout: 90_000 }, async () => {
    const admin = await run.newPage();
    await signInThroughUi(admin.page, 'centeradmin');
    await admin.page.goto('/workbench/org/halls');
    await admin.page.getByTestId('halls-table').getByText('云州市政务服务中心', { exact: true }).click();
    const table = admin.page.getByTestId('windows-table');
    const window3 = table.locator('tr.ant-table-row').filter({ has: admin.page.locator('.window-badge', { hasText: /^3$/ }) });
    await window3.getByText('安排人员').click();
    await choose(admin.page, 'B', '刘洋');
    // a click outside closes the select's dropdown, which would otherwise cover the save button
    await admin.page.locator('.ant-modal:visible .ant-modal-title').click();
    await admin.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await admin.page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await window3.getByText('刘洋').waitFor({ state: 'visible' });
    const posts = await run.server.sql(
      "SELECT ws.post, a.username FROM window_staff ws JOIN service_window w ON w.id = ws.window_id JOIN account a ON a.id = ws.account_id JOIN hall h ON h.id = w.hall_id WHERE h.name = '云州市政务服务中心' AND w.number = '3'",
    );
    expect(posts.rows).toEqual([{ post: 'B', username: 'clerk2' }]);
    await run.server.drainOutbox();

    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'clerk2');
    await page.getByTestId('notification-bell').locator('xpath=..').locator('.ant-badge-count').waitFor({ state: 'visible' });
    await page.getByTestId('notification-bell').click();
    await page.waitForURL('**/messages');
    const list = page.getByTestId('message-list');
    await list.getByText('您已被安排到云州市政务服务中心 3 号窗口 B 岗。').waitFor({ state: 'visible' });
    await screenshot(page, 'messages');
    await page.getByTestId('mark-all-read').click();
    await page.getByText('0 条未读').waitFor({ state: 'visible' });
    const unread = await run.server.sql(
      "SELECT count(*)::int AS n FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'clerk2' AND m.read_at IS NULL",
    );
    expect(unread.rows[0]!.n).toBe(0);
    expect(errors).toEqual([]);
  });

  it('sends a clerk whose session timed out back to the login page, and returns them after signing in', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'clerk1');
    await page.getByTestId('workbench-home').waitFor({ state: 'visible' });
    // 30 minutes without a request: the server ends the session (等保 idle timeout)
    await run.server.sql("UPDATE session SET last_seen_at = now() - interval '2 hours' WHERE account_id = (SELECT id FROM account WHERE username = 'clerk1')");
    await menu(page).getByText('部门管理').click();
    await page.waitForURL('**/login?next=%2Fworkbench%2Forg%2Forganizations');
    await page.getByText('登录已过期，请重新登录').waitFor({ state: 'visible' });
    await page.locator('#username').fill('clerk1');
    await page.locator('#password').fill('OneWindow@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workbench/org/organizations');
    await page.getByTestId('organizations-table').getByText('云州市公安局').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });

  it('sends a visitor who opens the workbench to the login page and back after signing in', { timeout: 60_000 }, async () => {
    const { page } = await run.newPage();
    await page.goto('/workbench/org/halls');
    await page.waitForURL('**/login?next=%2Fworkbench%2Forg%2Fhalls');
    await page.locator('#username').fill('supervisor1');
    await page.locator('#password').fill('OneWindow@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workbench/org/halls');
    await page.getByTestId('halls-table').waitFor({ state: 'visible' });
  });
});
