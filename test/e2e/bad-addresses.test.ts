import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn } from '../harness.ts';
import { screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';

/*
 * Every page that reads a record from its address, opened with one that names nothing: a malformed id (`abc`), a
 * well-formed one that does not exist, and one the reader may not see. Each says so in the reader's language and
 * leads back to where such records are listed — never a skeleton or spinner that turns forever, never a blank
 * page — and the API answers a malformed id with its error shape, not a 500.
 */

let run: BrowserRun;
let hallId = 0;
let ticketId = 0;

beforeAll(async () => {
  run = await startBrowserRun();
  const admin = await signIn(run.server, 'centeradmin');
  const halls = await admin.get('/api/v1/queue/halls');
  hallId = halls.body.find((h: { name: string }) => h.name === '云州市政务服务中心').id;
  const settings = await admin.get(`/api/v1/queue/halls/${hallId}/settings`);
  // a ticket to follow with the wrong token, at any hour
  expect((await admin.put(`/api/v1/queue/halls/${hallId}/settings`, { enforceHours: false, version: settings.body.version })).status).toBe(200);
  const categories = await admin.get(`/api/v1/queue/halls/${hallId}/categories`);
  const taken = await new Client(run.server.baseUrl).post('/api/v1/queue/tickets', { hallId, categoryId: categories.body[0].id, channel: 'phone' });
  expect(taken.status, JSON.stringify(taken.body)).toBe(201);
  ticketId = taken.body.id;
}, 120_000);

afterAll(async () => {
  await run?.close();
});

interface Missing {
  title: string;
  back: string;
  /** where the way back leads */
  to: string;
}

/** Open `url` and wait for its not-found state: the title, the way back, and nothing left loading. */
async function expectNotFound(page: Page, url: string, missing: Missing): Promise<void> {
  await page.goto(url);
  const state = page.getByTestId('not-found');
  await state.getByText(missing.title, { exact: true }).waitFor({ state: 'visible' });
  expect(await state.getByRole('button', { name: missing.back }).isVisible(), url).toBe(true);
  expect(await page.locator('.ant-skeleton, .ant-spin-spinning').count(), url).toBe(0);
}

/** …and follow its way back. */
async function followBack(page: Page, missing: Missing): Promise<void> {
  await page.getByTestId('not-found').getByRole('button', { name: missing.back }).click();
  await page.waitForURL((url) => url.pathname === missing.to);
}

const zh = {
  service: { title: '未找到该事项', back: '返回办事服务', to: '/services' },
  bundle: { title: '未找到该“一件事”', back: '返回一件事一次办', to: '/bundles' },
  queueHall: { title: '未找到该大厅', back: '前往预约取号', to: '/appointments' },
  ticket: { title: '未找到该号票', back: '前往预约取号', to: '/appointments' },
  hall: { title: '未找到该大厅', back: '返回大厅与窗口', to: '/workbench/org/halls' },
  item: { title: '未找到该事项', back: '返回事项目录', to: '/workbench/catalog/items' },
  order: { title: '未找到该督办', back: '返回督办管理', to: '/workbench/supervision/orders' },
  inbox: { title: '未找到该督办', back: '返回督办件', to: '/workbench/supervision/inbox' },
} satisfies Record<string, Missing>;

const en = {
  service: { title: 'Service not found', back: 'Back to Services', to: '/services' },
  bundle: { title: 'Bundle not found', back: 'Back to One-go bundles', to: '/bundles' },
  queueHall: { title: 'Hall not found', back: 'Go to Appointments', to: '/appointments' },
  ticket: { title: 'Ticket not found', back: 'Go to Appointments', to: '/appointments' },
  hall: { title: 'Hall not found', back: 'Back to Halls and windows', to: '/workbench/org/halls' },
  item: { title: 'Item not found', back: 'Back to Service items', to: '/workbench/catalog/items' },
  order: { title: 'Order not found', back: 'Back to Supervision orders', to: '/workbench/supervision/orders' },
} satisfies Record<string, Missing>;

/** A malformed id, a whole number past what an id can be, and a well-formed one that names nothing. */
const badIds = ['abc', '99999999999999999999', '999999'];

describe('addresses that name nothing', () => {
  it('answers a malformed id in an API address with its error shape, and one that names nothing with a 404', { timeout: 60_000 }, async () => {
    const admin = await signIn(run.server, 'sysadmin');
    const ids = [
      '/api/v1/org/halls/:id',
      '/api/v1/org/halls/:id/windows',
      '/api/v1/catalog/admin/items/:id',
      '/api/v1/supervision/orders/:id',
      '/api/v1/queue/halls/:id/board',
      '/api/v1/queue/halls/:id/categories',
      '/api/v1/queue/tickets/:id',
      '/api/v1/cases/:id',
    ];
    for (const path of ids) {
      for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999', '%E4%B8%AD']) {
        const r = await admin.get(path.replace(':id', bad));
        expect(r.status, `${path} ${bad}`).toBe(400);
        expect(r.body.error.code, `${path} ${bad}`).toBe('VALIDATION_FAILED');
      }
      const none = await admin.get(path.replace(':id', '999999'));
      expect(none.status, `${path} 999999`).toBe(404);
      expect(none.body.error.code).toBe('NOT_FOUND');
    }
    for (const path of ['/api/v1/catalog/items/:code', '/api/v1/catalog/bundles/:code']) {
      expect((await admin.get(path.replace(':code', '%E4%B8%AD'))).body.error.code).toBe('VALIDATION_FAILED');
      expect((await admin.get(path.replace(':code', 'ZZ-999'))).status).toBe(404);
    }
  });

  it('tells a visitor that a service guide or a bundle is not there, and leads back to the list', { timeout: 120_000 }, async () => {
    const { page, errors } = await run.newPage();
    for (const code of ['abc', '%E4%B8%AD', '%zz', 'ZZ-999']) await expectNotFound(page, `/services/${code}`, zh.service);
    await screenshot(page, 'bad-address-service');
    await followBack(page, zh.service);
    for (const code of ['abc', '%E4%B8%AD', 'ZZ-999']) await expectNotFound(page, `/bundles/${code}`, zh.bundle);
    await followBack(page, zh.bundle);
    await expectNotFound(page, '/services/abc?lang=en', en.service);
    await expectNotFound(page, '/bundles/ZZ-999?lang=en', en.bundle);

    // 证照核验 answers on its own page, with the box to type the number again
    await page.goto('/verify/ZZ-2026-999999?lang=zh-CN');
    await page.getByTestId('verify-not-found').getByText('未查到该编号的证照').waitFor({ state: 'visible' });
    await page.goto('/verify/%E4%B8%AD');
    await page.getByTestId('verify-bad-number').waitFor({ state: 'visible' });
    expect(await page.getByTestId('verify-input').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('tells citizen1 that the service or bundle she would apply for is not there', { timeout: 120_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'citizen1');
    for (const code of ['abc', '%E4%B8%AD', 'ZZ-999']) await expectNotFound(page, `/apply/${code}`, zh.service);
    for (const code of ['abc', 'ZZ-999']) await expectNotFound(page, `/apply/bundle/${code}`, zh.bundle);
    await followBack(page, zh.bundle);
    expect(errors).toEqual([]);
  });

  it(
    'tells whoever opens a kiosk, a phone page or a display of no hall, or a ticket link that names none, that it is not there',
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await run.newPage();
      for (const id of badIds) {
        await expectNotFound(page, `/queue/kiosk/${id}`, zh.queueHall);
        await expectNotFound(page, `/queue/take/${id}`, zh.queueHall);
        await expectNotFound(page, `/queue/display/${id}`, zh.queueHall);
        await expectNotFound(page, `/queue/ticket/${id}?t=x`, zh.ticket);
      }
      await screenshot(page, 'bad-address-display');
      await expectNotFound(page, '/queue/kiosk/abc', zh.queueHall);
      await screenshot(page, 'bad-address-kiosk');
      // a ticket that is there, but the link's token is not its own; and a link without a token
      await expectNotFound(page, `/queue/ticket/${ticketId}?t=not-the-token`, zh.ticket);
      await expectNotFound(page, `/queue/ticket/${ticketId}`, zh.ticket);
      await page.getByText('链接不完整，请重新扫描号票上的二维码').waitFor({ state: 'visible' });
      await followBack(page, zh.ticket);
      for (const path of [`/queue/kiosk/abc`, `/queue/take/999999`, `/queue/display/abc`]) await expectNotFound(page, `${path}?lang=en`, en.queueHall);
      expect(errors).toEqual([]);

      const phone = await run.newPage({ viewport: { width: 390, height: 844 } });
      await expectNotFound(phone.page, `/queue/ticket/abc?t=x&lang=en`, en.ticket);
      await screenshot(phone.page, 'bad-address-ticket-phone');
      expect(phone.errors).toEqual([]);
    },
  );

  it('tells staff that a hall, an item or a 督办 order in the address is not there, or not theirs to see', { timeout: 240_000 }, async () => {
    const admin = await run.newPage();
    await signInThroughUi(admin.page, 'sysadmin');
    for (const id of badIds) {
      await expectNotFound(admin.page, `/workbench/org/halls/${id}`, zh.hall);
      await expectNotFound(admin.page, `/workbench/catalog/items/${id}`, zh.item);
    }
    await screenshot(admin.page, 'bad-address-item');
    await followBack(admin.page, zh.item);
    await expectNotFound(admin.page, '/workbench/org/halls/abc?lang=en', en.hall);
    await screenshot(admin.page, 'bad-address-hall-en');
    await followBack(admin.page, en.hall);
    await expectNotFound(admin.page, '/workbench/catalog/items/999999?lang=en', en.item);
    expect(admin.errors).toEqual([]);

    // a district's administrator: the city's hall and the city's items are outside his scope
    const district = await run.newPage();
    await signInThroughUi(district.page, 'districtadmin');
    await expectNotFound(district.page, `/workbench/org/halls/${hallId}`, zh.hall);
    const cityItem = (await run.server.sql("SELECT id FROM item WHERE code = '11990100MB0000002X-011100100000'")).rows[0].id as number;
    await expectNotFound(district.page, `/workbench/catalog/items/${cityItem}`, zh.item);
    expect(district.errors).toEqual([]);

    const supervisor = await run.newPage();
    await signInThroughUi(supervisor.page, 'supervisor1');
    for (const id of badIds) await expectNotFound(supervisor.page, `/workbench/supervision/orders/${id}`, zh.order);
    await followBack(supervisor.page, zh.order);
    await expectNotFound(supervisor.page, '/workbench/supervision/orders/abc?lang=en', en.order);
    expect(supervisor.errors).toEqual([]);

    const department = await run.newPage();
    await signInThroughUi(department.page, 'approver2');
    for (const id of badIds) await expectNotFound(department.page, `/workbench/supervision/inbox/${id}`, zh.inbox);
    await followBack(department.page, zh.inbox);
    expect(department.errors).toEqual([]);

    // no permission for the page at all: said so, with the way to the workbench's first page
    const clerk = await run.newPage();
    await signInThroughUi(clerk.page, 'clerk1');
    for (const path of ['/workbench/supervision/orders/1', '/workbench/catalog/items/1']) {
      await clerk.page.goto(path);
      await clerk.page.getByTestId('forbidden').getByText('没有访问权限').waitFor({ state: 'visible' });
    }
    await screenshot(clerk.page, 'bad-address-forbidden');
    await clerk.page.getByTestId('forbidden').getByRole('button', { name: '返回工作台首页' }).click();
    await clerk.page.waitForURL((url) => url.pathname === '/workbench');
    expect(clerk.errors).toEqual([]);
  });
});
