import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn } from '../harness.ts';
import {
  fillCompanyBasics,
  fillCompanyPeople,
  companyItemCode as itemCode,
  phoneViewport,
  pickRadio,
  pressUntil,
  screenshotFromTop as screenshot,
  signInThroughUi,
  startBrowserRun,
  writePdf,
  type BrowserRun,
} from './support.ts';

/*
 * 暂存: a citizen fills part of the long 企业设立登记 application, saves it unfinished, finds it on 我的办件 under 草稿,
 * continues it with everything back in place, and files it — the draft goes with the filing. A draft deleted from the
 * list is gone; one saved meanwhile in another tab is not overwritten; one that is not there says so.
 */

let run: BrowserRun;
let pdfPath: string;
let errors: string[] = [];
const bundleCode = 'B-QYKB-001';

beforeAll(async () => {
  run = await startBrowserRun('drafts');
  errors = run.errors;
  pdfPath = writePdf(run.dir, '设立登记申请书.pdf', 'Application form');
}, 120_000);

afterAll(async () => {
  await run?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });

const material = (page: Page, key: string) => page.locator(`[data-testid=materials-input] [data-material=${key}]`);

/** The draft's id in the page's address. */
const draftIdOf = (page: Page) => Number(new URL(page.url()).searchParams.get('draft'));

/** 我的办件's drafts, once the case list has loaded (the card shows only when there is a draft). */
async function myDrafts(page: Page) {
  await page.goto('/my/cases');
  await page.getByTestId('my-cases-table').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  return page.getByTestId('my-drafts');
}

/** A draft saved through the API, as the application page saves one. */
async function saveDraftByApi(body: Record<string, unknown>): Promise<number> {
  const citizen = await signIn(run.server, 'citizen1');
  const r = await citizen.post('/api/v1/drafts', body, { 'idempotency-key': `draft-${Date.now()}-${Math.random()}` });
  if (r.status !== 201) throw new Error(`draft not saved: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as number;
}

describe('暂存: an application saved unfinished and continued later', () => {
  let draftId = 0;

  it('saves a half-filled 企业设立登记 application as a draft without checking it', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    await page.goto(`/apply/${itemCode}`);
    await page.locator('#companyName').waitFor({ state: 'visible' });

    await fillCompanyBasics(page, { name: '云州青禾暂存科技有限公司' });
    const form = material(page, 'application_form');
    await form.locator('input[type=file]').setInputFiles(pdfPath);
    await form.getByText('设立登记申请书.pdf').waitFor({ state: 'visible' });
    await pickRadio(page.getByTestId('delivery-choice'), '邮寄送达');
    await page.locator('#delivery-phone').fill('13600000001');
    await page.locator('#delivery-address').fill('云州市青川区滨江路 88 号 3 单元 502 室');

    // unfinished, and saved all the same: nothing is marked, the address names the new draft
    await page.getByTestId('draft-save').click();
    const saved = page.getByTestId('draft-saved');
    await saved.waitFor({ state: 'visible' });
    expect(await saved.innerText()).toMatch(/^草稿已保存（\d{2}:\d{2}），30 天内可在“我的办件 → 草稿”中继续填写$/);
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.waitForURL(/\?draft=\d+$/);
    draftId = draftIdOf(page);
    expect(draftId).toBeGreaterThan(0);

    // saved again: the same draft, a new version (the address does not change)
    await page.locator('#businessScope').fill('软件开发；信息技术咨询服务；数据处理');
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/v1/drafts/${draftId}`) && r.request().method() === 'PUT');
    await page.getByTestId('draft-save').click();
    expect((await put).status()).toBe(200);
    await saved.waitFor({ state: 'visible' });
    expect(draftIdOf(page)).toBe(draftId);
    await screenshot(page, 'drafts-saved');
    expect(errors).toEqual([]);
  });

  it('lists the draft on 我的办件 and continues it with the form, the upload and the delivery back', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    const card = await myDrafts(page);
    await card.waitFor({ state: 'visible' });
    expect(await card.innerText()).toMatch(/草稿[\s\S]*申请事项[\s\S]*最后保存[\s\S]*有效期至/);
    const row = card.locator('tbody tr', { hasText: '企业设立登记' });
    expect(await row.count()).toBe(1);
    // kept 30 days from the last save: today's date and the day 30 days on
    expect(await row.innerText()).toMatch(/企业设立登记[\s\S]*\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}[\s\S]*\d{4}\/\d{2}\/\d{2}/);
    expect(await row.getByTestId('draft-continue').getAttribute('href')).toBe(`/apply/${itemCode}?draft=${draftId}`);
    await screenshot(page, 'drafts-list');

    await row.getByTestId('draft-continue').click();
    await page.waitForURL(`**/apply/${itemCode}?draft=${draftId}`);
    await page.getByTestId('draft-restored').waitFor({ state: 'visible' });
    // everything as it was saved the second time
    expect(await page.locator('#companyName').inputValue()).toBe('云州青禾暂存科技有限公司');
    expect(await page.locator('#registeredCapital').inputValue()).toBe('100');
    expect(await page.locator('#businessScope').inputValue()).toBe('软件开发；信息技术咨询服务；数据处理');
    expect(
      await page
        .locator('.ant-select')
        .filter({ has: page.locator('#companyType') })
        .innerText(),
    ).toContain('自然人独资');
    await material(page, 'application_form').getByText('设立登记申请书.pdf').waitFor({ state: 'visible' });
    expect(await page.getByTestId('delivery-choice').locator('.ant-radio-button-wrapper-checked').innerText()).toBe('邮寄送达');
    expect(await page.locator('#delivery-address').inputValue()).toBe('云州市青川区滨江路 88 号 3 单元 502 室');
    expect(await page.locator('#delivery-recipient').inputValue()).toBe('林小雨');
    await screenshot(page, 'drafts-continued');

    // finished and filed: the draft goes with the filing
    await fillCompanyPeople(page, { person: '林小雨' });
    for (const key of ['articles_of_association', 'officer_appointment']) {
      await material(page, key).locator('input[type=file]').setInputFiles(pdfPath);
      await material(page, key).getByText('设立登记申请书.pdf').waitFor({ state: 'visible' });
    }
    await page.getByTestId('use-license-id_card').click();
    await page.getByTestId('use-license-id_card').getByText('已选用电子证照').waitFor({ state: 'visible' });
    const applied = page.waitForRequest((r) => r.url().endsWith('/api/v1/cases') && r.method() === 'POST');
    await pressUntil(page.getByTestId('apply-submit'), page.getByTestId('case-number'));
    expect((await applied).postDataJSON()).toMatchObject({ itemCode, draftId, formData: { companyName: '云州青禾暂存科技有限公司' } });
    expect(await page.getByTestId('case-number').locator('.mono').innerText()).toMatch(/^990100N\d{15}$/);
    expect(new URL(page.url()).searchParams.has('draft')).toBe(false);

    const after = await myDrafts(page);
    expect(await after.count()).toBe(0);
    expect(await page.getByTestId('my-cases-table').innerText()).toContain('企业设立登记');
    expect(errors).toEqual([]);
  });

  it('does not overwrite a draft saved meanwhile in another tab, and reloads it', { timeout: 180_000 }, async () => {
    const id = await saveDraftByApi({
      itemCode,
      content: {
        v: 1,
        values: { companyName: '云州两页科技有限公司' },
        choices: {},
        delivery: null,
        committed: { byCommitment: false, agreed: false },
        forId: null,
      },
    });
    const one = await newPage();
    await signInThroughUi(one, 'citizen1');
    const two = await newPage();
    await signInThroughUi(two, 'citizen1');
    for (const page of [one, two]) {
      await page.goto(`/apply/${itemCode}?draft=${id}`);
      await page.getByTestId('draft-restored').waitFor({ state: 'visible' });
      expect(await page.locator('#companyName').inputValue()).toBe('云州两页科技有限公司');
    }
    await one.locator('#registeredCapital').fill('300');
    await one.getByTestId('draft-save').click();
    await one.getByTestId('draft-saved').waitFor({ state: 'visible' });

    // the other tab still holds the first version: its save is refused, and it offers the draft as saved
    await two.locator('#registeredCapital').fill('500');
    await two.getByTestId('draft-save').click();
    await two.getByTestId('draft-conflict').getByText('此草稿已在其他页面保存过，本页的内容未能保存。').waitFor({ state: 'visible' });
    await screenshot(two, 'drafts-conflict');
    await two.getByTestId('draft-reload').click();
    await two.getByTestId('draft-restored').waitFor({ state: 'visible' });
    await two.locator('#registeredCapital').waitFor({ state: 'visible' });
    expect(await two.locator('#registeredCapital').inputValue()).toBe('300');
    expect(await two.getByTestId('draft-conflict').count()).toBe(0);
    // and saves on from there
    await two.getByTestId('draft-save').click();
    await two.getByTestId('draft-saved').waitFor({ state: 'visible' });

    // a draft no longer there (deleted, filed or run out) says so, and the form is blank
    const citizen = await signIn(run.server, 'citizen1');
    expect((await citizen.delete(`/api/v1/drafts/${id}`)).status).toBe(204);
    await one.goto(`/apply/${itemCode}?draft=${id}`);
    const missing = one.getByTestId('draft-missing');
    await missing.getByText('未找到该草稿').waitFor({ state: 'visible' });
    expect(await missing.getByTestId('draft-to-my-cases').getAttribute('href')).toBe('/my/cases');
    expect(await one.locator('#companyName').inputValue()).toBe('');
    await screenshot(one, 'drafts-missing');
    expect(errors).toEqual([]);
  });

  it('lists an item draft and a bundle draft in English, continues the bundle draft, and deletes one from the list', { timeout: 180_000 }, async () => {
    const content = (company: string) => ({
      v: 1,
      values: { companyName: company },
      choices: {},
      delivery: null,
      committed: { byCommitment: false, agreed: false },
      forId: null,
    });
    const itemDraft = await saveDraftByApi({ itemCode, content: content('云州待删科技有限公司') });
    const bundleDraft = await saveDraftByApi({ bundleCode, content: content('云州一件事餐饮有限公司') });

    const en = await newPage('en');
    await signInThroughUi(en, 'citizen1');
    await en.getByTestId('language-switch').click();
    const enCard = await myDrafts(en);
    await enCard.waitFor({ state: 'visible' });
    expect(await enCard.innerText()).toMatch(/Drafts[\s\S]*Applying for[\s\S]*Last saved[\s\S]*Kept until[\s\S]*Continue[\s\S]*Delete/);
    expect(await enCard.locator('tbody tr').count()).toBe(2);
    await screenshot(en, 'drafts-list-en');

    // on a phone each draft is a card of its own, and the page does not scroll sideways
    const phone = await run.page({ viewport: phoneViewport });
    await signInThroughUi(phone, 'citizen1');
    const phoneCard = await myDrafts(phone);
    await phoneCard.getByTestId('draft-continue').first().waitFor({ state: 'visible' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneViewport.width);
    await screenshot(phone, 'drafts-list-phone');

    const page = await newPage();
    await signInThroughUi(page, 'citizen1');
    const card = await myDrafts(page);
    await card.waitFor({ state: 'visible' });
    // the latest saved first: the bundle's, marked 一件事, continued on the bundle's application page
    const rows = card.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    await rows.first().getByTestId('bundle-tag').waitFor({ state: 'visible' });
    expect(await rows.first().getByTestId('draft-continue').getAttribute('href')).toBe(`/apply/bundle/${bundleCode}?draft=${bundleDraft}`);
    expect(await rows.nth(1).getByTestId('draft-continue').getAttribute('href')).toBe(`/apply/${itemCode}?draft=${itemDraft}`);

    // deleted after a confirmation, the row goes
    await rows.nth(1).getByTestId('draft-delete').click();
    await page.locator('.ant-popover:visible').getByText('删除“企业设立登记”的草稿？删除后不可恢复。').waitFor({ state: 'visible' });
    await page.locator('.ant-popover:visible').getByTestId('draft-delete-ok').click();
    await page.getByText('草稿已删除').waitFor({ state: 'visible' });
    await card.locator('tbody tr', { hasText: '企业设立登记' }).waitFor({ state: 'detached' });
    expect(await card.locator('tbody tr').count()).toBe(1);
    const citizen = await signIn(run.server, 'citizen1');
    expect((await citizen.get(`/api/v1/drafts/${itemDraft}`)).status).toBe(404);

    await rows.first().getByTestId('draft-continue').click();
    await page.waitForURL(`**/apply/bundle/${bundleCode}?draft=${bundleDraft}`);
    await page.getByTestId('draft-restored').waitFor({ state: 'visible' });
    expect(await page.locator('#companyName').inputValue()).toBe('云州一件事餐饮有限公司');
    await page.getByTestId('draft-save').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });
});
