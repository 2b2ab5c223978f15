import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneViewport, screenshotDir, screenshotFromTop as screenshot, signInThroughUi } from './support.ts';
import { applyForFood, grantThrough, publishedItem, startFoodStory, type FoodStory } from './food-license.ts';

/*
 * The portal on a phone (the SPEC: applicants come by mobile), 390×844: the header is one low line whose navigation
 * opens from a menu button, the footer's links wrap whole, no page scrolls sideways, and the lists an applicant reads
 * there — the guide's fees, 我的办件, a case's materials, 我的证照 — keep their status in sight. enterprise1
 * (云州青禾食品有限公司) holds a 食品经营许可 (granted through the API) and has another application in hand. On a
 * desktop screen, the English navigation stays on one line.
 */

let story: FoodStory;
/** 居民身份证换领、补领: its guide has a fee table (工本费 20 元, 受理时收取) */
let idCardCode: string;
let granted: { id: number; number: string };
let pending: { id: number; number: string };

beforeAll(async () => {
  story = await startFoodStory('mobile');
  idCardCode = (await publishedItem(story.run.server, '居民身份证换领、补领')).code;
  granted = (await applyForFood(story.run.server, story.foodItemCode)).body;
  await grantThrough(story.run.server, granted.id);
  pending = (await applyForFood(story.run.server, story.foodItemCode)).body;
}, 180_000);

afterAll(async () => {
  await story?.close();
});

const phone = (locale: 'zh-CN' | 'en' = 'zh-CN') => story.run.page({ locale, viewport: phoneViewport });

/** The UI in `locale`: a signed-in account brings its own language, which the switch changes. */
async function useLanguage(page: Page, locale: 'zh-CN' | 'en') {
  if ((await page.evaluate(() => document.documentElement.lang)) !== locale) await page.getByTestId('language-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/** Loaded: the page's content is in, its skeletons gone. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
}

/** How far the page reaches past the screen's right edge, and the elements that stick out (to say which, if any). */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // inside a box that scrolls by itself (a table's), sticking out is that box's business
      let scrolled = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') {
          scrolled = true;
          break;
        }
      }
      if (!scrolled) out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} → ${Math.round(r.right)}`);
    }
    return { overflow: document.documentElement.scrollWidth - width, out: out.slice(0, 8) };
  });
}

/** The page fits the phone's width: nothing to scroll sideways. */
async function fitsTheScreen(page: Page, what: string) {
  await settled(page);
  const s = await sideways(page);
  expect(s.overflow, `${what} scrolls sideways by ${s.overflow}px: ${s.out.join('; ')}`).toBeLessThanOrEqual(0);
}

/** The header: one line, low, the navigation behind the menu button; the footer's links each on one line. */
async function headerAndFooterFit(page: Page, what: string) {
  const header = await page.locator('.portal-header').boundingBox();
  expect(header!.height, `${what}: the header is ${header!.height}px tall`).toBeLessThanOrEqual(72);
  expect(await page.locator('.portal-header .portal-nav').isVisible()).toBe(false);
  expect(await page.getByTestId('portal-menu-button').isVisible()).toBe(true);
  const links = page.getByTestId('portal-footer-links').locator(':scope > a');
  for (let i = 0; i < (await links.count()); i++) {
    const box = await links.nth(i).boundingBox();
    expect(box!.height, `${what}: footer link “${await links.nth(i).innerText()}” is ${box!.height}px tall`).toBeLessThanOrEqual(30);
  }
}

describe('the portal on a phone', () => {
  it('fits every public page to the screen, the navigation behind a menu button', { timeout: 180_000 }, async () => {
    const page = await phone();
    const pages = [
      ['/', 'home'],
      ['/services', 'services'],
      [`/services/${story.foodItemCode}`, 'guide'],
      [`/services/${idCardCode}`, 'guide-fees'],
      ['/bundles', 'bundles'],
      ['/power-list', 'power-list'],
      ['/appointments', 'appointments'],
      ['/verify', 'verify'],
      ['/login', 'login'],
      ['/register', 'register'],
    ] as const;
    for (const [path, name] of pages) {
      await page.goto(path);
      await fitsTheScreen(page, path);
      await headerAndFooterFit(page, path);
      if (name === 'home' || name === 'services' || name === 'guide') await screenshot(page, `mobile-${name}`);
    }

    // the guide's fee table scrolls inside its section, the page does not; its basis is not one character a line
    await page.goto(`/services/${idCardCode}`);
    await settled(page);
    const fees = page.getByTestId('guide-fees');
    const inside = await fees.locator('.ant-table-content').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(inside.client).toBeLessThanOrEqual(phoneViewport.width);
    expect(inside.scroll).toBeGreaterThan(inside.client);
    expect((await fees.locator('tbody tr').first().boundingBox())!.height).toBeLessThan(300);
    await fees.screenshot({ path: `${screenshotDir}/mobile-guide-fees.png` });

    // the menu: the navigation and sign-in, in a drawer; a link followed closes it
    await page.goto('/');
    await page.getByTestId('portal-menu-button').click();
    const menu = page.getByTestId('portal-menu');
    await menu.getByText('办事服务').waitFor({ state: 'visible' });
    for (const label of ['首页', '预约取号', '服务网点', '我的办件', '我的证照', '我的账户'])
      await menu.getByText(label, { exact: true }).waitFor({ state: 'visible' });
    await page.getByTestId('menu-login').waitFor({ state: 'visible' });
    await screenshot(page, 'mobile-menu');
    await menu.getByText('办事服务').click();
    await page.waitForURL('**/services');
    await menu.waitFor({ state: 'hidden' });
    await page.getByTestId('portal-menu-button').click();
    await page.getByTestId('menu-appointments').click();
    await page.waitForURL('**/appointments');
  });

  it('keeps 我的办件, a case and 我的证照 readable, their status in sight', { timeout: 180_000 }, async () => {
    const page = await phone();
    await signInThroughUi(page, 'enterprise1');
    for (const path of ['/my', '/messages', '/profile', `/apply/${story.foodItemCode}`]) {
      await page.goto(path);
      await fitsTheScreen(page, path);
      await headerAndFooterFit(page, path);
    }

    // 我的办件: each case a card, its status and deadline on the screen
    await page.goto('/my/cases');
    await fitsTheScreen(page, '/my/cases');
    const card = page.getByTestId('my-case-card').filter({ hasText: pending.number });
    await card.getByText('待预审').waitFor({ state: 'visible' });
    const status = await card.getByText('待预审').boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(phoneViewport.width);
    expect(await card.innerText()).toMatch(/食品经营许可[\s\S]*待预审[\s\S]*承诺办结/);
    await page.getByTestId('my-case-card').filter({ hasText: granted.number }).getByText('已办结').waitFor({ state: 'visible' });
    await screenshot(page, 'mobile-my-cases');

    // a case: the materials by name, not one character a line
    await card.getByRole('link', { name: '食品经营许可' }).click();
    await page.waitForURL(`**/my/cases/${pending.id}`);
    await fitsTheScreen(page, 'the case page');
    const materials = page.getByTestId('materials-by-round');
    const first = materials.locator('[data-material]').first();
    await first.waitFor({ state: 'visible' });
    const name = await first.locator('span').first().boundingBox();
    expect(name!.width, 'a material’s name has room for more than a character a line').toBeGreaterThan(150);
    for (const box of await materials.locator('[data-material]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
      expect(box).toBeLessThanOrEqual(120);
    await screenshot(page, 'mobile-case');

    // 我的证照: the license's state and its last day on the screen, its actions under it
    await page.goto('/my/licenses');
    await fitsTheScreen(page, '/my/licenses');
    const license = page.getByTestId('license-card').first();
    await license.getByText('有效', { exact: true }).waitFor({ state: 'visible' });
    const valid = await license.getByTestId('license-valid-until').boundingBox();
    expect(valid!.x + valid!.width).toBeLessThanOrEqual(phoneViewport.width);
    await license.getByTestId('license-download').waitFor({ state: 'visible' });
    await screenshot(page, 'mobile-licenses');
    expect(story.run.errors).toEqual([]);
  });

  it('fits the phone in English too', { timeout: 120_000 }, async () => {
    const page = await phone('en');
    await signInThroughUi(page, 'enterprise1');
    await useLanguage(page, 'en');
    for (const path of ['/', '/services', '/my/cases', '/my/licenses', `/my/cases/${granted.id}`]) {
      await page.goto(path);
      await fitsTheScreen(page, `${path} in English`);
      await headerAndFooterFit(page, `${path} in English`);
    }
    await page.goto('/my/cases');
    await page.getByTestId('my-case-card').filter({ hasText: pending.number }).getByText('Awaiting pre-review').waitFor({ state: 'visible' });
    await screenshot(page, 'mobile-my-cases-en');
  });
});

describe('the portal on a desktop screen', () => {
  it('keeps the navigation on one line, in Chinese and in English', { timeout: 120_000 }, async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await story.run.page({ locale, viewport: { width: 1440, height: 900 } });
      await signInThroughUi(page, 'enterprise1');
      await useLanguage(page, locale);
      await page.goto('/messages');
      await settled(page);
      const nav = page.locator('.portal-header .portal-nav');
      await nav.waitFor({ state: 'visible' });
      expect(await page.getByTestId('portal-menu-button').isVisible()).toBe(false);
      const boxes = await nav
        .locator('a')
        .evaluateAll((els) => els.map((e) => ({ text: (e as HTMLElement).innerText, ...e.getBoundingClientRect().toJSON() })));
      expect(boxes).toHaveLength(7);
      for (const b of boxes) {
        expect(b.height, `“${b.text}” wraps`).toBeLessThanOrEqual(64);
        expect(b.top, `“${b.text}” is on another line`).toBe(boxes[0]!.top);
      }
      // one header line
      expect((await page.locator('.portal-header').boundingBox())!.height).toBeLessThanOrEqual(72);
      await fitsTheScreen(page, `the desktop in ${locale}`);
      await screenshot(page, `desktop-header-${locale}`);
      // narrower (a small laptop, a tablet): the header stays one line — the navigation on it, or behind the menu button
      for (const width of [1280, 1024, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await expect
          .poll(async () => (await page.locator('.portal-header').boundingBox())!.height, { message: `${locale} at ${width}px` })
          .toBeLessThanOrEqual(72);
        // the fold is measured once the line has been laid out at its new width, a frame or more after the resize
        await expect.poll(async () => (await sideways(page)).overflow, { message: `${locale} at ${width}px folds to fit` }).toBeLessThanOrEqual(0);
        const shown = await nav.isVisible();
        expect(await page.getByTestId('portal-menu-button').isVisible(), `${locale} at ${width}px`).toBe(!shown);
        await fitsTheScreen(page, `${locale} at ${width}px`);
      }
    }
  });
});
