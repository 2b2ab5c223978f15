import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../harness.ts';
import {
  choose,
  cjkRendering,
  fileCompanyApplication,
  followMenu,
  pressUntil,
  screenshotDir,
  signInThroughUi,
  startBrowserRun,
  type BrowserRun,
  fillMedicalFiling,
} from './support.ts';

let run: BrowserRun;
let admin: Client;
let hallId: number;

/**
 * A screenshot of a page that holds a live stream open (the network never goes idle): wait for the
 * spinners and skeletons to go, then take it.
 */
async function shot(page: Page, name: string): Promise<void> {
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, style: '.ant-message { display: none !important; }' });
}

/** The texts of those elements whose text runs over more than one line (a heading broken inside, say). */
async function brokenLines(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((elements) =>
    elements
      .filter((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
        return tops.length > 0 && Math.max(...tops) - Math.min(...tops) > 4;
      })
      .map((el) => el.textContent ?? ''),
  );
}

beforeAll(async () => {
  run = await startBrowserRun();
  admin = await signIn(run.server, 'centeradmin');
  const halls = await admin.get('/api/v1/queue/halls');
  hallId = halls.body.find((h: { name: string }) => h.name === '云州市政务服务中心').id;
  const settings = await admin.get(`/api/v1/queue/halls/${hallId}/settings`);
  // the story runs at any hour: tickets are issued outside opening hours too
  const r = await admin.put(`/api/v1/queue/halls/${hallId}/settings`, { enforceHours: false, version: settings.body.version });
  expect(r.status).toBe(200);
});

afterAll(async () => {
  await run?.close();
});

describe('queue in the browser', () => {
  it(
    'a visitor takes B001 at the kiosk and B002 on a phone; the clerk at window 5 calls them; the display announces each call; the phone hears its turn',
    { timeout: 240_000 },
    async () => {
      // the hall display on the TV, with speech synthesis recorded
      const tv = await run.newPage();
      await tv.page.addInitScript(() => {
        const spoken: string[] = [];
        (window as unknown as { __spoken: string[] }).__spoken = spoken;
        if ('speechSynthesis' in window) window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
      });
      await tv.page.setViewportSize({ width: 1600, height: 900 });
      await tv.page.goto(`/queue/display/${hallId}`);
      await tv.page.getByTestId('display-waiting').getByText('市场监管/企业开办').waitFor({ state: 'visible' });
      expect((await cjkRendering(tv.page)).identicalToMissingGlyph).toBe(false);
      // the hall issues tickets today (whatever the calendar says): not "closed"
      expect(await tv.page.getByTestId('queue-display').innerText()).not.toContain('今日不办公');

      // the kiosk
      const kiosk = await run.newPage();
      await kiosk.page.goto(`/queue/kiosk/${hallId}`);
      await kiosk.page.getByTestId('kiosk-cat-B').waitFor({ state: 'visible' });
      expect(await kiosk.page.getByTestId('kiosk-cat-B').isEnabled()).toBe(true);
      expect(await kiosk.page.getByTestId('kiosk-closed').count()).toBe(0);
      await shot(kiosk.page, 'queue-kiosk');
      await kiosk.page.getByTestId('kiosk-cat-B').click();
      const kioskTicket = kiosk.page.getByTestId('kiosk-ticket');
      await kioskTicket.getByText('B001').waitFor({ state: 'visible' });
      expect(await kioskTicket.innerText()).toContain('前面还有 0 人');
      await shot(kiosk.page, 'queue-kiosk-ticket');

      // the phone, after scanning the hall's code
      const phone = await run.newPage();
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await phone.page.goto(`/queue/take/${hallId}`);
      await phone.page.getByTestId('phone-cat-B').click();
      // a labelled field: the label stays when the number is typed
      await phone.page.getByLabel('手机号（选填，用于到号提醒）').fill('13612345678');
      await shot(phone.page, 'queue-phone-take');
      await phone.page.getByTestId('phone-take').click();
      await phone.page.waitForURL('**/queue/ticket/**');
      await phone.page.getByTestId('ticket-code').getByText('B002').waitFor({ state: 'visible' });
      expect(await phone.page.getByTestId('ticket-ahead').innerText()).toBe('前面还有 1 人');
      await phone.page.getByTestId('ticket-near').waitFor({ state: 'visible' });
      // dates as the app writes them: 2026/11/30, not 2026-11-30
      expect(await phone.page.getByTestId('queue-ticket').innerText()).toMatch(/\d{4}\/\d{2}\/\d{2}/);
      await shot(phone.page, 'queue-phone-ticket');

      // the clerk at window 5 (市场监管窗口) calls the next number
      const clerk = await run.newPage();
      await signInThroughUi(clerk.page, 'approver1');
      await clerk.page.goto('/workbench');
      await followMenu(clerk.page, '排队叫号', '窗口叫号', '/workbench/queue/calling');
      await clerk.page.getByTestId('calling-waiting').getByText('B001').waitFor({ state: 'visible' });
      await clerk.page.getByTestId('calling-next').click();
      await clerk.page.getByTestId('calling-current').getByText('B001').waitFor({ state: 'visible' });

      // the display shows and says it
      await expect.poll(() => tv.page.getByTestId('display-now-code').innerText(), { timeout: 20_000 }).toBe('B001');
      await expect
        .poll(() => tv.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken), { timeout: 20_000 })
        .toContain('请 B001 号到 5 号窗口办理');
      await shot(tv.page, 'queue-display');

      // the phone's place moves up live
      await expect.poll(() => phone.page.getByTestId('ticket-ahead').innerText(), { timeout: 20_000 }).toBe('前面还有 0 人');

      await clerk.page.getByTestId('calling-start').click();
      await clerk.page.getByTestId('calling-current').getByText('办理中').waitFor({ state: 'visible' });
      await shot(clerk.page, 'queue-calling-panel');
      // the visit filed a case: the clerk links the ticket to it by its number (排队到办件)
      const filed = await fileCompanyApplication(run.server, '云州叫号科技有限公司');
      await clerk.page.getByTestId('calling-finish').click();
      await choose(clerk.page, 'finish-case', filed.number, false, filed.number);
      // a click lost while the dialog animates in on a busy machine is made again
      await pressUntil(
        clerk.page
          .getByRole('dialog')
          .getByRole('button', { name: '办结' })
          .or(clerk.page.getByRole('dialog').getByRole('button', { name: '办结' })),
        clerk.page.getByTestId('calling-current').getByText('当前没有办理中的号码'),
      );
      const linked = await run.server.sql("SELECT case_id FROM queue_ticket WHERE code = 'B001' AND hall_id = $1", [hallId]);
      expect(linked.rows.map((r) => Number(r.case_id))).toEqual([filed.id]);
      await clerk.page.getByTestId('calling-next').click();
      await clerk.page.getByTestId('calling-current').getByText('B002').waitFor({ state: 'visible' });

      // the phone is told where to go
      await phone.page.getByTestId('ticket-called').getByText('请到 5 号窗口办理').waitFor({ state: 'visible', timeout: 20_000 });
      // the time under the call says what it is
      expect(await phone.page.getByTestId('ticket-called').innerText()).toMatch(/叫号时间 \d{2}:\d{2}:\d{2}/);
      await shot(phone.page, 'queue-phone-called');
      await expect.poll(() => tv.page.getByTestId('display-now-code').innerText(), { timeout: 20_000 }).toBe('B002');
      await clerk.page.getByTestId('calling-recall').click();
      await expect
        .poll(() => tv.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.filter((s) => s.includes('B002')).length), {
          timeout: 20_000,
        })
        .toBe(2);
      await clerk.page.getByTestId('calling-noshow').click();
      await clerk.page.getByTestId('calling-current').getByText('当前没有办理中的号码').waitFor({ state: 'visible' });
      await phone.page.getByTestId('ticket-status').getByText('过号未到').waitFor({ state: 'visible', timeout: 20_000 });

      // the same kiosk on a day the hall is closed and keeps to its hours: said so, and nothing to press
      const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
      const closedDay = await admin.put(`/api/v1/queue/halls/${hallId}/days/${today}`, { hours: [], note: '设备检修' });
      const enforce = (on: boolean) =>
        admin
          .get(`/api/v1/queue/halls/${hallId}/settings`)
          .then((r) => admin.put(`/api/v1/queue/halls/${hallId}/settings`, { enforceHours: on, version: r.body.version }));
      expect((await enforce(true)).status).toBe(200);
      try {
        await kiosk.page.reload();
        await kiosk.page.getByTestId('kiosk-closed').getByText('今日大厅不开放').waitFor({ state: 'visible' });
        expect(await kiosk.page.getByTestId('kiosk-cat-B').isDisabled()).toBe(true);
        await shot(kiosk.page, 'queue-kiosk-closed');
      } finally {
        expect((await enforce(false)).status).toBe(200);
        // a holiday of the calendar is closed already, and cannot be given hours of its own
        if (closedDay.status === 200) await admin.delete(`/api/v1/queue/halls/${hallId}/days/${today}`);
      }

      for (const p of [tv, kiosk, phone, clerk]) expect(p.errors).toEqual([]);
    },
  );

  it('a visitor books a slot from the portal, and the center administrator configures, watches and measures the queue', { timeout: 240_000 }, async () => {
    // the next open weekday in the booking window
    const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
    const c = (await admin.get(`/api/v1/queue/halls/${hallId}/categories`)).body.find((x: { prefix: string }) => x.prefix === 'C');
    let date = '';
    for (let i = 1; i <= 7 && !date; i++) {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + i);
      const text = d.toISOString().slice(0, 10);
      const slots = await admin.get(`/api/v1/appointments/slots?hall=${hallId}&category=${c.id}&date=${text}`);
      if (slots.body.open && d.getUTCDay() >= 1 && d.getUTCDay() <= 5) date = text;
    }
    expect(date).not.toBe('');

    const visitor = await run.newPage();
    await visitor.page.goto('/');
    await visitor.page.getByTestId('nav-appointments').click();
    await visitor.page.waitForURL('**/appointments');
    await visitor.page.getByTestId('book-category').click();
    await visitor.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '公安/户籍' }).first().click();
    await visitor.page.getByTestId(`book-date-${date}`).click();
    await visitor.page.getByTestId('slot-09:00').click();
    await visitor.page.getByTestId('book-name').fill('林小雨');
    const { idCardCheckChar } = await import('../../src/common/validators.ts');
    const check = idCardCheckChar('99010219900312102');
    await visitor.page.getByTestId('book-id').fill(`99010219900312102${check === '0' ? '1' : '0'}`);
    await visitor.page.getByTestId('book-phone').fill('13600000001');
    await visitor.page.getByTestId('book-submit').click();
    // a wrong check digit is refused by the server with the reason shown
    await visitor.page.getByTestId('book-error').waitFor({ state: 'visible' });
    await visitor.page.getByTestId('book-id').fill(`99010219900312102${check}`);
    await visitor.page.getByTestId('book-submit').click();
    const code = await visitor.page.getByTestId('appointment-code').innerText();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    expect(await visitor.page.getByTestId('appointment-card').innerText()).toContain('990102********102');
    // the page's title line is the one every page has
    expect(await visitor.page.locator('.page-header .page-title').innerText()).toBe('预约办事');
    await shot(visitor.page, 'queue-appointment-booked');

    // the center administrator
    const center = await run.newPage();
    await signInThroughUi(center.page, 'centeradmin');
    await center.page.goto('/workbench');
    await followMenu(center.page, '排队叫号', '排队配置', '/workbench/queue/config');
    const table = center.page.getByTestId('category-table');
    await table.getByText('绿色通道').waitFor({ state: 'visible' });
    await center.page.getByTestId('category-edit-C').click();
    await center.page.getByRole('dialog').getByText('每窗口每时段预约数').waitFor({ state: 'visible' });
    // the English name is shown whole
    const nameEn = center.page.getByRole('dialog').getByTestId('category-name-en');
    expect(await nameEn.inputValue()).toBe(c.nameEn);
    expect(await nameEn.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await shot(center.page, 'queue-config-category');
    await center.page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s?消/ })
      .click();

    await followMenu(center.page, '排队叫号', '实时队列', '/workbench/queue/board');
    await center.page.getByTestId('queue-board').getByText('市场监管/企业开办').first().waitFor({ state: 'visible' });
    // tickets were issued today: the board does not call the day closed
    expect(await center.page.getByTestId('board-day').innerText()).not.toContain('不办公');
    const facts = center.page.locator('.q-board-cat .q-muted');
    expect(await brokenLines(facts)).toEqual([]);
    expect(await facts.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent))).toEqual([]);
    await shot(center.page, 'queue-board');

    await followMenu(center.page, '排队叫号', '排队统计', '/workbench/queue/stats');
    await center.page
      .getByTestId('stats-hours')
      .getByText(/B 市场监管/)
      .waitFor({ state: 'visible' });
    // no heading or category name breaks inside ("取号|量", "企业开|办")
    expect(await brokenLines(center.page.locator('.q-stats-table th, .q-stats-table td:first-child'))).toEqual([]);
    await shot(center.page, 'queue-stats');

    for (const p of [visitor, center]) expect(p.errors).toEqual([]);
  });

  it('lets citizen1, signed in, find the booking made under her ID number and book for herself without typing', { timeout: 180_000 }, async () => {
    const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
    const e = (await admin.get(`/api/v1/queue/halls/${hallId}/categories`)).body.find((x: { prefix: string }) => x.prefix === 'E');
    let date = '';
    for (let i = 1; i <= 7 && !date; i++) {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + i);
      const text = d.toISOString().slice(0, 10);
      const slots = await admin.get(`/api/v1/appointments/slots?hall=${hallId}&category=${e.id}&date=${text}`);
      if (slots.body.open && d.getUTCDay() >= 1 && d.getUTCDay() <= 5) date = text;
    }
    expect(date).not.toBe('');
    const citizen = await run.newPage();
    await signInThroughUi(citizen.page, 'citizen1');
    await citizen.page.goto('/my');
    await citizen.page.getByTestId('my-appointments-link').click();
    await citizen.page.waitForURL('**/appointments');
    // the booking the visitor made under 林小雨's ID number without signing in is hers
    const mine = citizen.page.getByTestId('my-bookings');
    await mine.getByTestId('appointment-card').first().waitFor({ state: 'visible' });
    expect(await mine.getByTestId('appointment-card').count()).toBe(1);
    // for herself: her real-name details are shown, nothing to type
    await citizen.page.getByTestId('book-self').getByText('林小雨').waitFor({ state: 'visible' });
    expect(await citizen.page.getByTestId('book-name').count()).toBe(0);
    await citizen.page.getByTestId('book-category').click();
    await citizen.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: e.name }).first().click();
    await citizen.page.getByTestId(`book-date-${date}`).click();
    await citizen.page.getByTestId('slot-10:00').click();
    await citizen.page.getByTestId('book-submit').click();
    await citizen.page.getByText('预约成功').waitFor({ state: 'visible' });
    await mine.getByTestId('appointment-card').nth(1).waitFor({ state: 'visible' });
    expect(await mine.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await shot(citizen.page, 'queue-my-bookings');
    // cancelled from the list, it moves to the earlier bookings
    const card = mine.getByTestId('appointment-card').filter({ hasText: e.name }).first();
    await card.getByTestId('appointment-cancel').click();
    await citizen.page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await mine.getByTestId('my-bookings-past').getByText('已取消').waitFor({ state: 'visible' });
    // the booking just made, shown beside the list, says so too
    await citizen.page.locator('.ant-result').getByTestId('appointment-status').getByText('已取消').waitFor({ state: 'visible' });
    // and its heading no longer says it was booked
    expect(await citizen.page.locator('.ant-result-title').innerText()).toBe('预约已取消');
    const booked = await run.server.sql(
      "SELECT status, account_id IS NOT NULL AS by_account FROM queue_appointment WHERE category_id = $1 AND day = $2 AND name = '林小雨'",
      [e.id, date],
    );
    expect(booked.rows).toEqual([{ status: 'cancelled', by_account: true }]);
    // and in English
    await citizen.page.getByTestId('language-switch').click();
    await citizen.page.getByText('My bookings').first().waitFor({ state: 'visible' });
    await citizen.page.getByText('Earlier bookings').first().waitFor({ state: 'visible' });
    expect(await citizen.page.locator('.ant-result-title').innerText()).toBe('Booking cancelled');
    await shot(citizen.page, 'queue-my-bookings-en');
    await citizen.page.getByTestId('language-switch').click();
    await citizen.page.getByText('我的预约').first().waitFor({ state: 'visible' });
    expect(citizen.errors).toEqual([]);
  });

  it(
    'lets clerk1 call a ticket taken with 林小雨’s ID number, receive her application from the panel and finish the ticket with it',
    { timeout: 240_000 },
    async () => {
      const clerkApi = await signIn(run.server, 'clerk1');
      const { rows } = await run.server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
      const idNumber = (await clerkApi.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber as string;
      const a = (await admin.get(`/api/v1/queue/halls/${hallId}/categories`)).body.find((x: { prefix: string }) => x.prefix === 'A');
      const taken = await fetch(`${run.server.baseUrl}/api/v1/queue/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hallId, categoryId: a.id, channel: 'kiosk', idNumber }),
      });
      expect(taken.status).toBe(201);
      const ticket = (await taken.json()) as { id: number; code: string };

      const page = (await run.newPage()).page;
      await signInThroughUi(page, 'clerk1');
      await page.goto('/workbench/queue/calling');
      await page.getByTestId('calling-waiting').getByText(ticket.code).waitFor({ state: 'visible' });
      // whoever waits before it is called and finished first
      for (let guard = 0; guard < 10; guard++) {
        await page.getByTestId('calling-next').click();
        await page.getByTestId('calling-current').locator('.q-panel-code').waitFor({ state: 'visible' });
        if ((await page.getByTestId('calling-current').locator('.q-panel-code').innerText()).trim() === ticket.code) break;
        await page.getByTestId('calling-finish').click();
        await page
          .locator('.ant-modal:visible')
          .getByRole('button', { name: /办\s?结/ })
          .click();
        await page.getByTestId('calling-current').locator('.q-panel-code').waitFor({ state: 'detached' });
      }
      await page.getByTestId('calling-receive').click();
      await page.waitForURL(`**/workbench/intake?tab=window&ticket=${ticket.id}`);
      await page.getByTestId('intake-ticket').getByText(`为 ${ticket.code} 号收件`, { exact: false }).waitFor({ state: 'visible' });
      await page.getByTestId('picked-applicant').getByText('林小雨').waitFor({ state: 'visible' });
      await shot(page, 'queue-ticket-intake');
      await fillMedicalFiling(page);
      await page.getByTestId('use-license-id_card').click();
      await pressUntil(page.getByTestId('intake-accept'), page.getByTestId('sitting-accepted'));
      const number = (await page.getByTestId('window-sitting').getByTestId('case-number').locator('.mono').innerText()).trim();
      // the ticket is finished from here, the case linked to it
      await pressUntil(page.getByTestId('intake-ticket-finish'), page.getByTestId('intake-ticket-finished'));
      await shot(page, 'queue-ticket-finished');
      const done = await run.server.sql('SELECT t.status, k.number FROM queue_ticket t JOIN kase k ON k.id = t.case_id WHERE t.id = $1', [ticket.id]);
      expect(done.rows).toEqual([{ status: 'done', number }]);
    },
  );
});

/**
 * Follow a link of the workbench menu's 排队叫号 group, opening the group when it is closed (the menu
 * re-renders as pages load, and an inline group can fold while a click is on its way).
 */
