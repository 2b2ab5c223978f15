import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { signIn, startTestServer, type Client, type TestServer } from '../harness.ts';
import { companyApplication } from '../factories.ts';
import { demoPassword } from '../env.ts';
import { beforeEach, expect } from 'vitest';

/** Browser tests run the built app (`npm test` builds it first): its absence is a failure, not a skip. */
export const webDir = path.resolve(process.env.E2E_WEB_DIR ?? 'dist/web');
export const screenshotDir = path.resolve('test-results/screenshots');

/** Headless Debian chromium without background traffic (no network but the loopback here). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The pages of the file's stories still open, for the evidence of a failed step. */
const livePages = new Set<Page>();
const failureDir = path.resolve('test-results/failures');

/**
 * A story step that fails leaves evidence in the log and beside the screenshots: each open page's address, what
 * its error messages, alerts and toasts say, and a screenshot (test-results/failures). A step that passes on its
 * retry otherwise leaves no trace of why its first try failed.
 */
beforeEach((ctx) => {
  const before = new Set(livePages);
  ctx.onTestFailed(async ({ task }) => {
    mkdirSync(failureDir, { recursive: true });
    const slug = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    // the pages the step opened, else the last one opened before it
    const opened = [...livePages].filter((p) => !before.has(p));
    const pages = opened.length > 0 ? opened : [...livePages].slice(-1);
    let i = 0;
    for (const page of pages) {
      if (page.isClosed()) continue;
      i += 1;
      const file = path.join(failureDir, `${slug}-${task.result?.retryCount ?? 0}-${i}.png`);
      const said = await page
        .locator('.ant-form-item-explain-error, .ant-alert-message, .ant-message-notice, .ant-notification-notice, .ant-modal-title')
        .allInnerTexts()
        .catch(() => [] as string[]);
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).catch(() => {});
      console.error(
        `[failed step] ${task.name} — page ${i} at ${page.url()}; on it: ${said.map((t) => t.replace(/\s+/g, ' ')).join(' | ') || 'no message'}; ${file}`,
      );
    }
  }, 30_000);
});

export interface PageOptions {
  locale?: 'zh-CN' | 'en';
  viewport?: { width: number; height: number };
}

/** The screen the applicants of the SPEC come with: a phone (390×844, as an iPhone 12–15's CSS pixels). */
export const phoneViewport = { width: 390, height: 844 };

export interface BrowserRun {
  server: TestServer;
  browser: Browser;
  /** The run's scratch directory: the server's files (uploads, documents) and the files a story writes to upload; gone at `close`. */
  dir: string;
  /** Uncaught exceptions of every page of the run (each page's own list is in `newPage`'s answer). */
  errors: string[];
  /** A fresh context (cookies, storage) per person in a story; a desktop screen unless `viewport` says otherwise (a phone's). */
  newPage(options?: PageOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  /** The page of `newPage` alone, for stories that check `errors` of the whole run at the end. */
  page(options?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A test server on its own copy of the demo database serving dist/web, and a headless Chromium. The run's files live
 * in a scratch directory named after the story (`label`), out of the checkout's data/.
 */
export async function startBrowserRun(label = 'story'): Promise<BrowserRun> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`${webDir}/index.html is missing: build the web app first (npm run build:web; npm test does it).`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), `ow-${label}-e2e-`));
  const server = await startTestServer({ webDir, dataDir: dir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const contexts: BrowserContext[] = [];
  const allErrors: string[] = [];
  const run: BrowserRun = {
    server,
    browser,
    dir,
    errors: allErrors,
    async page(options) {
      return (await run.newPage(options)).page;
    },
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: options.viewport ?? { width: 1366, height: 900 },
        locale: options.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        // the app leaves antd's animations out for a person who asks for less motion: no step waits for one
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      livePages.add(page);
      page.on('close', () => livePages.delete(page));
      // uncaught exceptions in the app fail the story; a 401 from GET /auth/me for a visitor is expected
      const errors: string[] = [];
      page.on('pageerror', (error) => {
        errors.push(error.message);
        allErrors.push(error.message);
      });
      return { context, page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return run;
}

/** Sign in through the login page and wait until the app has moved on. */
export async function signInThroughUi(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Choose `text` among a group of radio buttons: a click swallowed while a dialog animates in (the dialog re-renders
 * under it) is made again until the button shows it is checked.
 */
export async function pickRadio(group: Locator, text: string): Promise<void> {
  const checked = group.locator('.ant-radio-button-wrapper-checked').filter({ hasText: text });
  for (let attempt = 0; attempt < 5; attempt++) {
    await group.getByText(text, { exact: true }).click();
    if (
      await checked.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await checked.waitFor({ state: 'visible' });
}

/** A full-page screenshot once the page has settled (no spinners or skeletons left). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  const file = path.join(screenshotDir, `${name}.png`);
  // toasts are transient and would cover the page header
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', style: '.ant-message { display: none !important; }' });
  return file;
}

/** A full-page screenshot from the top (a sticky header would otherwise be drawn where the page was scrolled to). */
export async function screenshotFromTop(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}

/**
 * Pick an option of an antd Select by part of its text and make sure it took: the options of a person
 * picker load after the dropdown opens and re-render, and a select in a dialog re-renders under a click
 * on a busy machine, so a click can land on an element that is being replaced. Try again then.
 * A multiple select stays open after a pick: it is closed with Escape. `search` is typed first, for a
 * select whose options come from a server-side search.
 */
export async function choose(page: Page, inputId: string, text: string, multiple = false, search?: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(`#${inputId}`) });
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.locator(`#${inputId}`).click();
    if (search) await page.locator(`#${inputId}`).fill(search);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
    await option.waitFor({ state: 'visible' });
    await page.waitForTimeout(200);
    await option.click();
    if (multiple) await page.keyboard.press('Escape');
    let taken = false;
    for (let i = 0; i < 15 && !taken; i++) {
      taken = (await select.innerText()).includes(text);
      if (!taken) await page.waitForTimeout(200);
    }
    if (taken) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not choose “${text}” in #${inputId}`);
}

/**
 * Pick a node of an antd TreeSelect by typing part of its name, and make sure it took: the tree's virtual list
 * re-renders its nodes while the search narrows them, so a click can land on a node that is being replaced.
 */
export async function chooseInTree(page: Page, inputId: string, text: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(`#${inputId}`) });
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.locator(`#${inputId}`).click();
    await page.locator(`#${inputId}`).fill(text);
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: text }).first();
    await node.waitFor({ state: 'visible' });
    await page.waitForTimeout(200);
    await node.click();
    // taken: the tree has closed and the field shows the node (while it is open, it shows what was typed)
    for (let i = 0; i < 15; i++) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0 && (await select.innerText()).includes(text)) return;
      await page.waitForTimeout(200);
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not choose “${text}” in #${inputId}`);
}

/** At 窗口收件, the applicant taken: 异地就医备案 chosen and its form filled (long-term residence in 青川区 from July). */
export async function fillMedicalFiling(page: Page): Promise<void> {
  await choose(page, 'item-picker', '异地就医备案', false, '异地就医');
  await page.getByTestId('guide-summary').waitFor({ state: 'visible' });
  await choose(page, 'filingType', '异地长期居住');
  await chooseInTree(page, 'destination', '青川区');
  await page.locator('#startDate').click();
  await page.locator('#startDate').fill('2026-07-01');
  await page.keyboard.press('Enter');
  await page.locator('#contactPhone').fill('13600000001');
}

/** A small but well-formed one-page PDF (for uploads). */
export function minimalPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF file in `dir` to upload through a file input. */
export function writePdf(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, minimalPdf(text));
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

/**
 * Confirm the open task dialog and wait for it to close. A click swallowed while the dialog re-renders on
 * a busy machine is repeated (the dialog's Idempotency-Key makes a repeat harmless); a refusal fails at once.
 */
export async function confirmTaskDialog(page: Page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page
      .getByTestId('task-dialog-ok')
      .click({ timeout: 5_000 })
      .catch(() => {});
    const closed = await page
      .getByTestId('task-dialog')
      .waitFor({ state: 'detached', timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
    const error = page.getByTestId('task-dialog-error');
    if (await error.count()) throw new Error(`the task dialog was refused: ${await error.innerText()}`);
  }
  const pending = await page
    .getByTestId('task-dialog-ok')
    .evaluate((b) => b.classList.contains('ant-btn-loading'))
    .catch(() => false);
  throw new Error(`the task dialog stayed open for a minute: ${pending ? 'its request was never answered' : 'its OK button took no click'}`);
}

/**
 * Press a dialog's button until `done` shows. A click lost while the dialog animates in or re-renders on a busy
 * machine is repeated while the button is still there (the dialogs keep their Idempotency-Key until they
 * succeed, so a repeat that did reach the server changes nothing). A pop-up that closed without taking effect
 * is opened again by `reopen`, when given.
 */
export async function pressUntil(button: Locator, done: Locator, reopen?: Locator) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await button.click({ timeout: 10_000 }).catch(() => {});
    const shown = await done
      .waitFor({ state: 'visible', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    if (await button.isVisible()) continue;
    if (!reopen || !(await reopen.isVisible()) || !(await reopen.isEnabled())) break;
    await reopen.click();
  }
  await done.waitFor({ state: 'visible' });
}

/**
 * Follow the workbench menu's link `name` in the group `group` until the page is at `pathname`. The group is
 * opened when it is folded; a click lost while the group unfolds or folds on a busy machine is repeated.
 */
export async function followMenu(page: Page, group: string, name: string, pathname: string) {
  const menu = page.getByTestId('workbench-menu');
  const link = menu.getByRole('link', { name, exact: true });
  const arrived = (url: URL) => url.pathname === pathname;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await link.isVisible()))
      await menu
        .getByText(group, { exact: true })
        .click({ timeout: 10_000 })
        .catch(() => {});
    await link.click({ timeout: 10_000 }).catch(() => {});
    const there = await page
      .waitForURL(arrived, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (there) return;
  }
  await page.waitForURL(arrived);
}

/**
 * Open an entry of the task's 更多 menu and wait for its dialog. A click lost on a busy machine (on the menu
 * button, or on an entry still animating in) is repeated: the menu is closed and opened again.
 */
export async function moreAction(page: Page, label: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByTestId('task-actions').getByTestId('task-more').click({ timeout: 15_000 });
      await page.locator('.ant-dropdown:visible').getByText(label, { exact: true }).click({ timeout: 10_000 });
      await page.getByTestId('task-dialog-ok').waitFor({ state: 'visible', timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** 企业设立登记 at 云州市市场监督管理局, the item the case stories file. */
export const companyItemCode = '11990100MB0000002X-011100100000';

/**
 * citizen1 (林小雨) files 企业设立登记 for `company` through the API, with paper originals and licenses;
 * the case waits for pre-review. Answers the case and clerk1's client, who receives it.
 */
export async function fileCompanyApplication(server: TestServer, company: string): Promise<{ id: number; number: string; clerk: Client }> {
  const citizen = await signIn(server, 'citizen1');
  const clerk = await signIn(server, 'clerk1');
  const item = (await citizen.get(`/api/v1/catalog/items/${companyItemCode}`)).body;
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  const idNumber = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber as string;
  const applied = await citizen.post('/api/v1/cases', { itemCode: companyItemCode, ...companyApplication(item, company, idNumber) });
  if (applied.status !== 201) throw new Error(`application failed: ${applied.status} ${JSON.stringify(applied.body)}`);
  return { id: applied.body.id as number, number: applied.body.number as string, clerk };
}

/**
 * The company part of 企业设立登记's form (the same fields open 企业开办一件事's merged form): its name, type, registered
 * capital and business scope.
 */
export async function fillCompanyBasics(page: Page, c: { name: string; type?: string; capital?: string; scope?: string }): Promise<void> {
  await page.locator('#companyName').fill(c.name);
  await choose(page, 'companyType', c.type ?? '自然人独资');
  await page.locator('#registeredCapital').fill(c.capital ?? '100');
  await page.locator('#businessScope').fill(c.scope ?? '软件开发；信息技术咨询服务');
}

/**
 * The rest of it: the domicile, the legal representative, the contact phone (never prefilled: accounts keep it masked)
 * and the one shareholder, subscribing the whole capital.
 */
export async function fillCompanyPeople(
  page: Page,
  p: { person: string; shareholder?: string; capital?: string; domicile?: string; phone?: string; checkPhoneEmpty?: boolean },
): Promise<void> {
  await chooseInTree(page, 'domicileRegion', '青川区');
  await page.locator('#domicile').fill(p.domicile ?? '云州市青川区湖滨路 8 号');
  await page.locator('#legalRepName').fill(p.person);
  await page.locator('#legalRepIdNumber').fill('11010519491231002X');
  if (p.checkPhoneEmpty) expect(await page.locator('#contactPhone').inputValue()).toBe('');
  await page.locator('#contactPhone').fill(p.phone ?? '13600000001');
  await page.getByTestId('sf-add-shareholders').click();
  await page.locator('#shareholders_0_name').fill(p.shareholder ?? p.person);
  await page.locator('#shareholders_0_certificateNo').fill('11010519491231002X');
  await page.locator('#shareholders_0_subscribed').fill(p.capital ?? '100');
  await page.locator('#shareholders_0_dueDate').click();
  await page.locator('#shareholders_0_dueDate').fill('2030-12-31');
  await page.keyboard.press('Enter');
}
