import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../harness.ts';
import { itemContent } from '../factories.ts';
import { systemActor } from '../../src/server/access.ts';
import { runWrite } from '../../src/server/write.ts';
import { refreshClock } from '../../src/modules/calendar/clocks.service.ts';
import { runSupervisionSweep } from '../../src/modules/supervision/sweep.ts';
import { cjkRendering, followMenu, pressUntil, screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';
import type { Page } from 'playwright-core';

let run: BrowserRun;
const cases: { red: number; yellow: number; green: number } = { red: 0, yellow: 0, green: 0 };
let redNumber = '';

/** A published item of 市场监管局 (5 working days committed, 20 legal) and three accepted cases: overdue, near, in time. */
async function prepare() {
  const server = run.server;
  const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', {
    organizationId: market,
    baseCode: '019900000800',
    content: itemContent({ name: '食品经营许可（监察演示）', audience: ['person', 'enterprise'] }),
  });
  expect(created.status).toBe(201);
  await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
  await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' });
  const citizen = await signIn(server, 'citizen1');
  const clerk: Client = await signIn(server, 'clerk1');
  const applicant = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id;
  const idNumber = (await clerk.post(`/api/v1/applicants/${applicant}/reveal`)).body.idNumber;
  /** Move a clock's start back and mark it as it was marked at the start (the moments that passed are due). */
  const shift = async (clockId: number, days: number) => {
    const { rows } = await server.sql('UPDATE clock SET started_at = started_at - make_interval(days => $2) WHERE id = $1 RETURNING started_at', [
      clockId,
      days,
    ]);
    await runWrite(server.db, systemActor, (ctx) => refreshClock(ctx, clockId, rows[0].started_at.getTime()));
    const light = await server.sql(
      "SELECT CASE WHEN now() >= least(committed_due_at, legal_due_at) THEN 'red' WHEN warn_at <= now() THEN 'yellow' ELSE 'green' END AS l FROM clock WHERE id = $1",
      [clockId],
    );
    return light.rows[0].l as 'red' | 'yellow' | 'green';
  };
  const accepted = async () => {
    const applied = await citizen.post('/api/v1/cases', {
      itemCode: created.body.code,
      formData: { applicantName: '林小雨', idNumber, phone: '13600000001' },
      materials: [
        { key: 'application_form', reference: 'upload:application.pdf' },
        { key: 'business_license', fromLicense: true },
      ],
    });
    expect(applied.status).toBe(201);
    const kase = (await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' })).body;
    return { id: applied.body.id as number, number: applied.body.number as string, clockId: kase.clock.id as number };
  };
  const red = await accepted();
  expect(await shift(red.clockId, 30)).toBe('red');
  cases.red = red.id;
  redNumber = red.number;
  // started some days ago: four or five of the five working days used, the deadline still ahead
  const yellow = await accepted();
  let light = await shift(yellow.clockId, 5);
  for (let i = 0; i < 4 && light !== 'yellow'; i++) light = await shift(yellow.clockId, light === 'green' ? 1 : -1);
  expect(light).toBe('yellow');
  cases.yellow = yellow.id;
  cases.green = (await accepted()).id;
  await server.drainOutbox();
  await runSupervisionSweep(server.db);
  await server.drainOutbox();
}

/**
 * A list's columns all in view beside the menu (none slid under the fixed 操作 column or past the card's edge)
 * and its headers broken between words only: what is wrong, or nothing.
 */
async function layoutFaults(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((table) => {
    const faults: string[] = [];
    const content = table.querySelector('.ant-table-content, .ant-table-body') as HTMLElement;
    if (content.scrollWidth > content.clientWidth + 1) faults.push(`wider than its card: ${content.scrollWidth} > ${content.clientWidth}`);
    for (const th of table.querySelectorAll('th')) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        for (const m of (node.textContent ?? '').matchAll(/[A-Za-z]+|[\u4e00-\u9fff]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) faults.push(`header word broken: ${m[0]}`);
        }
    }
    return faults;
  });
}

beforeAll(async () => {
  run = await startBrowserRun();
  await prepare();
}, 120_000);

afterAll(async () => {
  await run?.close();
});

describe('the supervision console', () => {
  it(
    'shows running cases by light, records warnings, and follows a 督办 order from issue to the department’s reply and close',
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await run.newPage();
      await signInThroughUi(page, 'supervisor1');
      // 监察概况 on the home page: the red and yellow cases counted as the console counts them
      await page.goto('/workbench');
      const glance = page.getByTestId('supervision-today');
      await glance.getByTestId('sup-red').waitFor({ state: 'visible' });
      const red = Number(await glance.getByTestId('sup-red').getAttribute('data-count'));
      expect(red).toBeGreaterThanOrEqual(1);
      expect(Number(await glance.getByTestId('sup-yellow').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      // 今日预警 counts today's warnings, and its line splits today's by level (not the running totals)
      expect(await glance.getByTestId('sup-warnings').innerText()).not.toContain('累计');
      await screenshot(page, 'supervision-home');
      await followMenu(page, '电子监察', '监察台', '/workbench/supervision');
      expect(Number(await page.getByTestId('card-cases').getByTestId('count-red').innerText())).toBe(red);
      const table = page.getByTestId('case-lights');
      await table.locator(`tr[data-row-key="${cases.red}"]`).waitFor({ state: 'visible' });
      // the font guard: Chinese is drawn, not boxes
      const cjk = await cjkRendering(page);
      expect(cjk.identicalToMissingGlyph).toBe(false);
      expect(await table.locator(`tr[data-row-key="${cases.red}"] [data-light]`).getAttribute('data-light')).toBe('red');
      expect(await table.locator(`tr[data-row-key="${cases.yellow}"] [data-light]`).getAttribute('data-light')).toBe('yellow');
      expect(await table.locator(`tr[data-row-key="${cases.green}"] [data-light]`).getAttribute('data-light')).toBe('green');
      // worst first
      const firstKey = await table.locator('tbody tr.ant-table-row').first().getAttribute('data-row-key');
      expect(firstKey).toBe(String(cases.red));
      expect(Number(await page.getByTestId('card-cases').getByTestId('count-red').innerText())).toBeGreaterThanOrEqual(1);
      expect(await layoutFaults(page, 'case-lights')).toEqual([]);
      await screenshot(page, 'supervision-console');

      // only the red ones
      await page.getByTestId('light-filter').getByText('红灯').click();
      await table.locator(`tr[data-row-key="${cases.green}"]`).waitFor({ state: 'detached' });
      expect(await table.locator('tbody tr.ant-table-row [data-light]').evaluateAll((els) => els.map((e) => e.getAttribute('data-light')))).toEqual(
        expect.arrayContaining(['red']),
      );
      expect(await table.locator('tbody tr.ant-table-row [data-light="green"]').count()).toBe(0);

      // the warnings raised by the sweep
      await page.getByRole('tab', { name: '预警记录' }).click();
      const warnings = page.getByTestId('warnings-table');
      await warnings.getByText(redNumber).first().waitFor({ state: 'visible' });
      expect(await layoutFaults(page, 'warnings-table')).toEqual([]);
      await screenshot(page, 'supervision-warnings');
      await page.getByRole('tab', { name: '环节亮灯' }).click();
      await page.getByTestId('task-lights').locator('tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
      await screenshot(page, 'supervision-tasks');

      // 督办 the overdue case
      await page.getByRole('tab', { name: '办件亮灯' }).click();
      await page.getByTestId(`issue-${redNumber}`).click();
      const modal = page.getByTestId('issue-order-modal');
      await modal.getByRole('button', { name: /发\s*出/ }).click();
      await modal.getByText('请填写督办事项').waitFor({ state: 'visible' });
      await page.getByTestId('order-request').fill('该件已超过承诺时限，请说明原因并于两个工作日内办结。');
      // the error folds away as the text comes in, and the button moves up with it: pressed once it stands still
      await modal.getByText('请填写督办事项').waitFor({ state: 'hidden' });
      await pressUntil(modal.getByRole('button', { name: /发\s*出/ }), page.getByText(/督办令 DB\d+ 已发出/));
      await modal.getByRole('button', { name: /发\s*出/ }).waitFor({ state: 'hidden' });
      await followMenu(page, '电子监察', '督办管理', '/workbench/supervision/orders');
      const orders = page.getByTestId('orders-table');
      await orders.getByText(redNumber).waitFor({ state: 'visible' });
      await orders.getByText('待答复').first().waitFor({ state: 'visible' });
      expect(await layoutFaults(page, 'orders-table')).toEqual([]);
      await screenshot(page, 'supervision-orders');
      const number = (await orders.locator('tbody tr.ant-table-row a.mono').first().innerText()).trim();

      // the department answers from its own menu
      const dept = await run.newPage();
      await signInThroughUi(dept.page, 'head1');
      await followMenu(dept.page, '电子监察', '督办件', '/workbench/supervision/inbox');
      await dept.page.getByTestId('orders-table').getByText(number).click();
      await dept.page.getByTestId('order-reply').click();
      await dept.page.getByTestId('order-text').fill('已安排专人加班审查，明日办结并送达。');
      await pressUntil(dept.page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }), dept.page.getByText('已答复').first());
      await dept.page.getByTestId('order-trail').getByText('部门答复').waitFor({ state: 'visible' });
      await screenshot(dept.page, 'supervision-department-reply');
      expect(dept.errors).toEqual([]);

      // the supervisor closes it; the trail keeps every step
      await orders.getByText(number).click();
      await page.getByTestId('order-close').click();
      await page.getByTestId('order-text').fill('答复属实，督办办结。');
      await pressUntil(page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }), page.getByText('已办结').first());
      const trail = page.getByTestId('order-trail');
      for (const step of ['发出督办', '部门答复', '督办办结']) await trail.getByText(step, { exact: true }).waitFor({ state: 'visible' });
      await screenshot(page, 'supervision-order-closed');

      // thresholds, read-only for a supervisor
      await followMenu(page, '电子监察', '预警阈值', '/workbench/supervision/settings');
      await page.getByText('仅市级中心管理员或系统管理员可以修改阈值。').waitFor({ state: 'visible' });
      expect(await page.getByTestId('save-thresholds').count()).toBe(0);
      await screenshot(page, 'supervision-thresholds');
      expect(errors).toEqual([]);
    },
  );

  it('speaks English too', { timeout: 90_000 }, async () => {
    const { page, errors } = await run.newPage({ locale: 'en' });
    await page.goto('/login?lang=en');
    await signInThroughUi(page, 'supervisor1');
    await page.goto('/workbench/supervision?lang=en');
    await page.getByText('Supervision console').first().waitFor({ state: 'visible' });
    await page.getByTestId('case-lights').locator(`tr[data-row-key="${cases.red}"]`).waitFor({ state: 'visible' });
    expect(await page.getByTestId('card-cases').innerText()).toContain('Running cases');
    expect(await layoutFaults(page, 'case-lights')).toEqual([]);
    // the card titles are read in full beside their links; the counts' names are written alike
    for (const card of ['card-cases', 'card-tasks', 'card-warnings', 'card-orders'])
      expect(
        await page
          .getByTestId(card)
          .locator('.ant-card-head-title')
          .evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
        card,
      ).toBe(true);
    await expect.poll(() => page.getByTestId('card-warnings').innerText()).toMatch(/Yellow \d+ · Red \d+ · Today \d+/);
    await screenshot(page, 'supervision-console-en');
    expect(errors).toEqual([]);
  });
});
