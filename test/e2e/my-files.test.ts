import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  fillCompanyBasics,
  fillCompanyPeople,
  companyItemCode as itemCode,
  phoneViewport,
  pressUntil,
  screenshotFromTop as screenshot,
  signInThroughUi,
  startBrowserRun,
  writePdf,
  type BrowserRun,
} from './support.ts';

/*
 * 材料复用: citizen1 files 企业设立登记 with her company's articles uploaded; applying again, she finds that file among
 * her own uploads (从我的材料中选择), sees it was handed in as 公司章程 in the first case, narrows the list by a search,
 * and hands it in again without uploading it anew — the second case lists the same file.
 */

let run: BrowserRun;
let errors: string[] = [];
const pdfs: Record<string, string> = {};

beforeAll(async () => {
  run = await startBrowserRun('my-files');
  errors = run.errors;
  pdfs.application_form = writePdf(run.dir, '设立登记申请书.pdf', 'Application form');
  pdfs.articles_of_association = writePdf(run.dir, '青禾公司章程.pdf', 'Articles of association');
  pdfs.officer_appointment = writePdf(run.dir, '董事监事经理任职文件.pdf', 'Officer appointment');
}, 120_000);

afterAll(async () => {
  await run?.close();
});

const articles = 'articles_of_association';
const material = (page: Page, key: string) => page.locator(`[data-testid=materials-input] [data-material=${key}]`);
const picker = (page: Page) => page.getByTestId('my-files-picker');
const pickerRow = (page: Page, name: string) => picker(page).locator('tbody tr', { hasText: name });

async function upload(page: Page, key: string) {
  await material(page, key).locator('input[type=file]').setInputFiles(pdfs[key]!);
  await material(page, key).getByText(path.basename(pdfs[key]!)).waitFor({ state: 'visible' });
}

/** The application's form, the ID cards from the electronic license; the materials are the caller's. */
async function openApplication(page: Page, company: string) {
  await page.goto(`/apply/${itemCode}`);
  await page.locator('#companyName').waitFor({ state: 'visible' });
  await fillCompanyBasics(page, { name: company });
  await fillCompanyPeople(page, { person: '林小雨' });
  await page.getByTestId('use-license-id_card').click();
  await page.getByTestId('use-license-id_card').getByText('已选用电子证照').waitFor({ state: 'visible' });
}

/** Open 从我的材料中选择 for a material and wait for its list. */
async function openPicker(page: Page, key: string) {
  // the test id is on the dialog's root, which has no box of its own: its search box shows it open
  await pressUntil(page.getByTestId(`apply-mine-${key}`), picker(page).getByTestId('my-files-search'));
  await picker(page).locator('tbody tr').first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
}

describe('材料复用: a file uploaded for an earlier application handed in again', () => {
  let firstNumber = '';
  let articlesId = 0;

  it('files a first application with the articles uploaded', { timeout: 180_000 }, async () => {
    const page = await run.page();
    await signInThroughUi(page, 'citizen1');
    await openApplication(page, '云州青禾复用科技有限公司');
    for (const key of ['application_form', articles, 'officer_appointment']) await upload(page, key);
    const href = await material(page, articles).getByRole('link', { name: '青禾公司章程.pdf' }).getAttribute('href');
    articlesId = Number(href?.match(/^\/api\/v1\/files\/(\d+)$/)?.[1]);
    expect(articlesId).toBeGreaterThan(0);

    await pressUntil(page.getByTestId('apply-submit'), page.getByTestId('case-number'));
    firstNumber = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
    expect(firstNumber).toMatch(/^990100N\d{15}$/);
    expect(errors).toEqual([]);
  });

  it('offers the earlier upload with where it was used, narrows by a search, and hands it in again', { timeout: 240_000 }, async () => {
    const page = await run.page();
    await signInThroughUi(page, 'citizen1');
    await openApplication(page, '云州青禾二号科技有限公司');
    // a new upload for this application: listed as well, not yet handed in
    await upload(page, 'application_form');

    await openPicker(page, articles);
    const dialog = picker(page);
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('从我的材料中选择：公司章程');
    expect(await dialog.locator('thead').innerText()).toMatch(/文件[\s\S]*大小[\s\S]*上传时间[\s\S]*曾用于/);
    // the newest upload first: this application's, used nowhere yet
    const first = dialog.locator('tbody tr').first();
    expect(await first.innerText()).toMatch(/设立登记申请书\.pdf[\s\S]*尚未用于办件/);
    const row = pickerRow(page, '青禾公司章程.pdf');
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('my-file-uses').innerText()).toContain(`公司章程 · ${firstNumber}`);
    expect(await row.innerText()).toMatch(/\d+ B[\s\S]*\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(await row.getByTestId('my-file-name').getAttribute('href')).toBe(`/api/v1/files/${articlesId}`);
    await screenshot(page, 'my-files-picker');

    // a search narrows the list: by the file's name, and by the material's name it was handed in as
    const search = dialog.getByTestId('my-files-search').locator('input');
    const listed = () => dialog.locator('tbody tr').allInnerTexts();
    await search.fill('任职文件');
    await expect.poll(listed, { timeout: 15_000 }).toEqual([expect.stringContaining('董事监事经理任职文件.pdf')]);
    // 备案 is in no file's name: the first case's application form, handed in as 公司登记（备案）申请书
    await search.fill('备案');
    await expect.poll(listed, { timeout: 15_000 }).toEqual([expect.stringMatching(/设立登记申请书\.pdf[\s\S]*公司登记（备案）申请书/)]);
    await search.fill('公司章程');
    await expect.poll(listed, { timeout: 15_000 }).toEqual([expect.stringContaining('青禾公司章程.pdf')]);
    await search.fill('没有这样的文件');
    await dialog.getByText('没有符合条件的文件').waitFor({ state: 'visible' });
    await search.fill('章程');
    await row.waitFor({ state: 'visible' });
    expect((await listed()).some((text) => text.includes('设立登记申请书.pdf'))).toBe(false);

    // picked: the dialog closes and the material holds the earlier file
    await row.getByTestId('my-file-pick').click();
    await dialog.waitFor({ state: 'detached' });
    const link = material(page, articles).getByRole('link', { name: '青禾公司章程.pdf' });
    await link.waitFor({ state: 'visible' });
    expect(await link.getAttribute('href')).toBe(`/api/v1/files/${articlesId}`);
    // opened again, the file in use is marked as chosen
    await openPicker(page, articles);
    expect(await pickerRow(page, '青禾公司章程.pdf').getByTestId('my-file-pick').innerText()).toBe('已选用');
    expect(await pickerRow(page, '青禾公司章程.pdf').getByTestId('my-file-pick').isDisabled()).toBe(true);
    await picker(page).locator('.ant-modal-close').click();
    await picker(page).waitFor({ state: 'detached' });
    await screenshot(page, 'my-files-picked');

    await upload(page, 'officer_appointment');
    const applied = page.waitForRequest((r) => r.url().endsWith('/api/v1/cases') && r.method() === 'POST');
    await pressUntil(page.getByTestId('apply-submit'), page.getByTestId('case-number'));
    expect((await applied).postDataJSON().materials).toContainEqual({ key: articles, reference: `file:${articlesId}` });
    const secondNumber = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
    expect(secondNumber).not.toBe(firstNumber);

    // the second case lists the material with that very file
    await page.getByTestId('view-case').click();
    await page.waitForURL(/\/my\/cases\/\d+$/);
    const rows = page.getByTestId('materials-by-round').locator('tr', { has: page.locator(`[data-material=${articles}]`) });
    await rows.first().waitFor({ state: 'visible' });
    expect(await rows.first().innerText()).toContain('公司章程');
    expect(await rows.first().getByRole('link').getAttribute('href')).toBe(`/api/v1/files/${articlesId}`);
    await screenshot(page, 'my-files-second-case');

    // and the file now names both cases it was handed in for
    await page.goto(`/apply/${itemCode}`);
    await page.locator('#companyName').waitFor({ state: 'visible' });
    await openPicker(page, articles);
    const uses = pickerRow(page, '青禾公司章程.pdf').getByTestId('my-file-uses');
    expect(await uses.innerText()).toContain(`公司章程 · ${secondNumber}`);
    expect(await uses.innerText()).toContain(`公司章程 · ${firstNumber}`);
    expect(errors).toEqual([]);
  });

  it('speaks English, and fits a phone', { timeout: 120_000 }, async () => {
    const page = await run.page();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/apply/${itemCode}`);
    await page.locator('#companyName').waitFor({ state: 'visible' });
    await page.getByTestId('language-switch').click();
    const button = page.getByTestId(`apply-mine-${articles}`);
    await button.getByText('Choose from my files').waitFor({ state: 'visible' });
    // the form's help and its table's headings in English too
    await page.getByText('As in the name declaration (名称自主申报)').waitFor({ state: 'visible' });
    await page.getByRole('columnheader', { name: 'Certificate number' }).waitFor({ state: 'visible' });
    await openPicker(page, articles);
    expect(await picker(page).locator('thead').innerText()).toMatch(/File[\s\S]*Size[\s\S]*Uploaded[\s\S]*Used for/);
    expect(await pickerRow(page, '青禾公司章程.pdf').getByTestId('my-file-pick').innerText()).toBe('Use');
    await screenshot(page, 'my-files-picker-en');

    // on a phone each file is a card of its own, and nothing scrolls sideways
    const phone = await run.page({ viewport: phoneViewport });
    await signInThroughUi(phone, 'citizen1');
    await phone.goto(`/apply/${itemCode}`);
    await phone.locator('#companyName').waitFor({ state: 'visible' });
    await openPicker(phone, articles);
    const card = pickerRow(phone, '青禾公司章程.pdf');
    expect(await card.innerText()).toMatch(/青禾公司章程\.pdf[\s\S]*公司章程 · 990100N\d{15}[\s\S]*选\s?用/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneViewport.width);
    await screenshot(phone, 'my-files-picker-phone');
    expect(errors).toEqual([]);
  });
});
