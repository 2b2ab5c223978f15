import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../harness.ts';
import { demoPassword } from '../env.ts';

/** Browser tests run the built app (`npm test` builds it first): its absence is a failure, not a skip. */
export const webDir = path.resolve(process.env.E2E_WEB_DIR ?? 'dist/web');
export const screenshotDir = path.resolve('test-results/screenshots');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserRun {
  server: TestServer;
  browser: Browser;
  /** A fresh context (cookies, storage) per person in a story. */
  newPage(options?: { locale?: 'zh-CN' | 'en' }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** A test server on its own copy of the demo database serving dist/web, and a headless Chromium. */
export async function startBrowserRun(): Promise<BrowserRun> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`${webDir}/index.html is missing: build the web app first (npm run build:web; npm test does it).`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startTestServer({ webDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1366, height: 900 },
        locale: options.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      // uncaught exceptions in the app fail the story; a 401 from GET /auth/me for a visitor is expected
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { context, page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Sign in through the login page and wait until the app has moved on. */
export async function signInThroughUi(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A full-page screenshot once the page has settled (no spinners or skeletons left). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  // let antd's enter animations finish
  await page.waitForTimeout(400);
  const file = path.join(screenshotDir, `${name}.png`);
  // toasts are transient and would cover the page header
  await page.screenshot({ path: file, fullPage: true, style: '.ant-message { display: none !important; }' });
  return file;
}

/**
 * The CJK font guard (STACK-NOTES): Debian's chromium ships no CJK font, and without one every Chinese
 * character is a box while "is visible" assertions still pass. Draw 办 and an unassigned code point
 * (U+0378, which no font has) in the page's own font; if they come out the same, Chinese is boxes.
 */
export async function cjkRendering(page: Page): Promise<{ inkHan: number; identicalToMissingGlyph: boolean; font: string }> {
  return page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.fillStyle = '#000';
      ctx.font = `48px ${font}`;
      ctx.textBaseline = 'top';
      ctx.fillText(text, 4, 4);
      return ctx.getImageData(0, 0, 64, 64).data;
    };
    const han = Array.from(draw('办'));
    const missing = Array.from(draw('\u0378'));
    const inkHan = han.filter((v, i) => i % 4 === 3 && v > 0).length;
    const identicalToMissingGlyph = han.length === missing.length && han.every((v, i) => v === missing[i]);
    return { inkHan, identicalToMissingGlyph, font };
  });
}
