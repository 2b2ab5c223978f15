import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn } from '../harness.ts';
import { remindLicensesExpiring } from '../../src/modules/cases/reminders.ts';
import { choose, pressUntil, screenshotFromTop as screenshot, signInThroughUi, type BrowserRun } from './support.ts';
import { applyForFood, grantThrough, startFoodStory, type FoodStory } from './food-license.ts';

/*
 * 证照管理 and 证照核验 through the UI: enterprise1 (云州青禾食品有限公司) is granted three 食品经营许可 (through the
 * API). The first's last day is moved forty days on, so that its renewal falls due. approver1 (市场监督管理局, the
 * issuing department) opens 证照管理, finds it under 即将到期, searches it by its number and cancels it (注销) on the
 * ground 被许可的法人或者其他组织依法终止 with a note: the row says 已注销. The third, cancelled behind the page's back,
 * is refused when cancelled again (409), said plainly. The holder reads the cancellation on the issuing case; the audit
 * trail names both license events. The public (signed out) verifies the first license (已注销), the second (有效) and
 * compares its PDF, as the enterprise downloaded it, with the one issued (一致; an altered copy 不一致), and an unknown
 * number (未查到). The server allows an address sixty checks a minute: the story makes a handful.
 * 批量注销 (art. 70 (一)): two more licenses run out without renewal; under 已过期 approver1 ticks both and cancels
 * them together, while head1 has cancelled one of them behind the page's back: that one is skipped (409), named with
 * why, the other cancelled; both say 已注销 after.
 */

let story: FoodStory;
let run: BrowserRun;
let errors: string[] = [];
let foodItemCode = '';
type Issued = { caseId: number; caseNumber: string; id: number; number: string };
/** cancelled through the ledger; left valid; cancelled behind the ledger's back */
let cancelled: Issued;
let valid: Issued;
let stale: Issued;

type Ledger = { items: { id: number; number: string; state: string; mayCancel: boolean; cancelGround: string | null; cancelNote: string | null }[] };

beforeAll(async () => {
  story = await startFoodStory('license-admin');
  ({ run, foodItemCode } = story);
  errors = run.errors;
}, 120_000);

afterAll(async () => {
  await story?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });
const ledgerRow = (page: Page, id: number) => page.getByTestId('issued-licenses-table').locator(`tr[data-license="${id}"]`);
const ground = '被许可的法人或者其他组织依法终止';
const note = '该企业已于本月办理注销登记（云州市监注销字〔2025〕第 18 号）';
const batchNote = '有效期届满未申请延续，依法注销（云州市监公告〔2025〕第 7 号）';

/** enterprise1 applies for 食品经营许可; clerk1 accepts and head1 approves every task: the license is issued. */
async function grantFoodLicense(): Promise<Issued> {
  const enterprise = await signIn(run.server, 'enterprise1');
  const applied = await applyForFood(run.server, foodItemCode);
  const caseId = applied.body.id as number;
  await grantThrough(run.server, caseId);
  const held = (await enterprise.get('/api/v1/licenses')).body.items as { id: number; number: string; caseId: number }[];
  const license = held.find((l) => l.caseId === caseId)!;
  return { caseId, caseNumber: applied.body.number as string, id: license.id, number: license.number };
}

describe('证照管理 and 证照核验: the issuing department cancels a license, and anyone verifies one', () => {
  it('grants enterprise1 three 食品经营许可 (through the API); the first runs out in forty days', { timeout: 180_000 }, async () => {
    cancelled = await grantFoodLicense();
    valid = await grantFoodLicense();
    stale = await grantFoodLicense();
    await run.server.sql("UPDATE case_document SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date + 40 WHERE id = $1", [cancelled.id]);
    // the morning's reminder lands on the issuing case (and in the audit trail)
    expect(await remindLicensesExpiring(run.server.db)).toBeGreaterThanOrEqual(1);

    const approver = await signIn(run.server, 'approver1');
    const expiring = (await approver.get('/api/v1/licenses/issued?state=expiring')).body as Ledger;
    expect(expiring.items.find((l) => l.id === cancelled.id)).toMatchObject({ state: 'expiring', mayCancel: true });
    expect(expiring.items.some((l) => l.id === valid.id)).toBe(false);
    // applicants keep no ledger
    expect((await (await signIn(run.server, 'enterprise1')).get('/api/v1/licenses/issued')).status).toBe(403);
  });

  it('lets approver1 find the license 即将到期 on 证照管理, search it by number and cancel it (注销)', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'approver1');
    await page.goto('/workbench');
    await page.getByTestId('workbench-menu').getByRole('link', { name: '证照管理', exact: true }).click();
    await page.waitForURL('**/workbench/licenses');
    await ledgerRow(page, valid.id).getByTestId('license-state').getByText('有效').waitFor({ state: 'visible' });

    // 即将到期: the filter is in the address
    await page.getByTestId('license-state-filter').getByText('即将到期', { exact: true }).click();
    await page.waitForURL(/\/workbench\/licenses\?state=expiring$/);
    const row = ledgerRow(page, cancelled.id);
    await row.getByTestId('license-state').getByText('即将到期').waitFor({ state: 'visible' });
    await row.getByTestId('license-renew-by').waitFor({ state: 'visible' });
    expect(await ledgerRow(page, valid.id).count()).toBe(0);
    expect(await row.getByTestId('license-case').innerText()).toBe(cancelled.caseNumber);
    expect(await row.getByTestId('license-verify').getAttribute('href')).toBe(`/verify/${cancelled.number}`);
    await screenshot(page, 'license-admin-expiring');

    // the address opens the page filtered
    await page.goto('/workbench/licenses?state=expiring');
    await row.getByTestId('license-state').getByText('即将到期').waitFor({ state: 'visible' });

    // every state, searched by the number: that license alone
    await page.getByTestId('license-state-filter').getByText('全部', { exact: true }).click();
    await page.waitForURL(/\/workbench\/licenses$/);
    await page.getByTestId('license-search').locator('input').fill(cancelled.number);
    await page.getByTestId('license-search').locator('input').press('Enter');
    await ledgerRow(page, valid.id).waitFor({ state: 'detached' });
    await row.waitFor({ state: 'visible' });
    expect(await page.getByTestId('issued-licenses-table').locator('tr.ant-table-row').count()).toBe(1);

    // 注销: the ground, a note, what follows said before it is confirmed
    await row.getByTestId('license-cancel').click();
    const dialog = page.getByTestId('cancel-license-dialog');
    await dialog.getByText(cancelled.number).waitFor({ state: 'visible' });
    await dialog.getByTestId('cancel-license-warning').getByText('注销后证照即行失效', { exact: false }).waitFor({ state: 'visible' });
    // neither ground nor note: told what is missing
    await page.getByTestId('cancel-license-ok').click();
    await dialog.getByText('请选择注销情形').last().waitFor({ state: 'visible' });
    // it has not run out: 有效期届满未延续 is there, but not to be chosen
    await page.locator('#cancel-ground').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option-disabled')
      .filter({ hasText: '有效期尚未届满，不适用此情形' })
      .waitFor({ state: 'visible' });
    await screenshot(page, 'license-admin-cancel-grounds');
    await page.keyboard.press('Escape');
    await choose(page, 'cancel-ground', ground);
    await page.locator('#cancel-note').fill(note);
    await screenshot(page, 'license-admin-cancel-dialog');
    await pressUntil(page.getByTestId('cancel-license-ok'), row.getByTestId('license-state').getByText('已注销'));
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('license-cancelled').getByText(ground).waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-cancel').count()).toBe(0);
    await screenshot(page, 'license-admin-cancelled');

    const approver = await signIn(run.server, 'approver1');
    const ledger = (await approver.get('/api/v1/licenses/issued?state=cancelled')).body as Ledger;
    expect(ledger.items.find((l) => l.id === cancelled.id)).toMatchObject({
      state: 'cancelled',
      mayCancel: false,
      cancelGround: 'holder_terminated',
      cancelNote: note,
    });
  });

  it('says plainly that a license cancelled meanwhile cannot be cancelled again (409)', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'approver1');
    await page.goto('/workbench/licenses');
    const row = ledgerRow(page, stale.id);
    await row.getByTestId('license-cancel').waitFor({ state: 'visible' });
    // head1, of the same department, cancels it first
    const head = await signIn(run.server, 'head1');
    const first = await head.post(`/api/v1/licenses/${stale.id}/cancel`, { ground: 'holder_request' }, { 'idempotency-key': randomUUID() });
    expect(first.status, JSON.stringify(first.body)).toBe(200);

    await row.getByTestId('license-cancel').click();
    await choose(page, 'cancel-ground', '被许可人申请注销');
    await page.getByTestId('cancel-license-ok').click();
    await page.getByTestId('cancel-license-error').getByText('该证照已不再有效（已注销），不能注销。列表已刷新。').waitFor({ state: 'visible' });
    expect(await page.getByTestId('cancel-license-ok').isDisabled()).toBe(true);
    await screenshot(page, 'license-admin-conflict');
    await page.getByTestId('cancel-license-dialog').locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    // the list was refreshed: the row says so
    await row.getByTestId('license-state').getByText('已注销').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-cancel').count()).toBe(0);
  });

  it('cancels licenses that ran out without renewal together (批量注销), skipping one cancelled meanwhile (409)', { timeout: 240_000 }, async () => {
    const lapsed = await grantFoodLicense();
    const taken = await grantFoodLicense();
    // both ran out three days ago, no renewal applied for
    await run.server.sql("UPDATE case_document SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 3 WHERE id = ANY($1::int[])", [
      [lapsed.id, taken.id],
    ]);
    const approver = await signIn(run.server, 'approver1');
    const expired = (await approver.get('/api/v1/licenses/issued?state=expired')).body as Ledger;
    for (const l of [lapsed, taken]) expect(expired.items.find((x) => x.id === l.id)).toMatchObject({ state: 'expired', mayCancel: true });

    const page = await newPage();
    await signInThroughUi(page, 'approver1');
    await page.goto('/workbench/licenses');
    await page.getByTestId('license-state-filter').getByText('已过期', { exact: true }).click();
    await page.waitForURL(/\/workbench\/licenses\?state=expired$/);
    for (const l of [lapsed, taken]) await ledgerRow(page, l.id).getByTestId('license-state').getByText('已过期').waitFor({ state: 'visible' });
    // a valid license is not under 已过期; a cancelled one is not either
    expect(await ledgerRow(page, valid.id).count()).toBe(0);
    expect(await ledgerRow(page, cancelled.id).count()).toBe(0);

    // head1, of the same department, cancels one of them first
    const head = await signIn(run.server, 'head1');
    const first = await head.post(`/api/v1/licenses/${taken.id}/cancel`, { ground: 'expired' }, { 'idempotency-key': randomUUID() });
    expect(first.status, JSON.stringify(first.body)).toBe(200);

    for (const l of [lapsed, taken]) await ledgerRow(page, l.id).locator('.ant-checkbox-input').check();
    await page.getByTestId('batch-cancel-bar').getByText('已选择 2 张有效期届满未延续的证照').waitFor({ state: 'visible' });
    await page.getByTestId('batch-cancel').click();
    const dialog = page.getByTestId('batch-cancel-dialog');
    await dialog.getByTestId('batch-cancel-count').getByText('2 张').waitFor({ state: 'visible' });
    for (const l of [lapsed, taken]) await dialog.getByTestId('batch-cancel-list').getByText(l.number).waitFor({ state: 'visible' });
    await dialog.getByTestId('batch-cancel-ground').getByText('有效期届满未延续').waitFor({ state: 'visible' });
    await dialog.getByTestId('batch-cancel-warning').getByText('注销不能撤回', { exact: false }).waitFor({ state: 'visible' });
    await page.locator('#batch-cancel-note').fill(batchNote);
    await screenshot(page, 'license-admin-batch-confirm');
    await page.getByTestId('batch-cancel-ok').click();
    await dialog.waitFor({ state: 'detached' });

    // one cancelled, one skipped with why
    const result = page.locator('.ant-notification-notice', { has: page.getByTestId('batch-failures') });
    await result.getByText('已注销 1 张，1 张未注销').waitFor({ state: 'visible' });
    const failures = result.getByTestId('batch-failures');
    expect(await failures.locator('li').count()).toBe(1);
    await failures.locator('li', { hasText: taken.number }).getByText('已跳过，该证照已不再有效（已注销），可能已由他人处理').waitFor({ state: 'visible' });
    await page.getByTestId('batch-cancel-bar').waitFor({ state: 'detached' });
    // the list was refreshed: neither is left under 已过期
    for (const l of [lapsed, taken]) await ledgerRow(page, l.id).waitFor({ state: 'detached' });

    // both say 已注销, on the ground 有效期届满未延续; the note is the batch's for the one it cancelled
    await page.getByTestId('license-state-filter').getByText('已注销', { exact: true }).click();
    await page.waitForURL(/\/workbench\/licenses\?state=cancelled$/);
    for (const l of [lapsed, taken]) {
      const row = ledgerRow(page, l.id);
      await row.getByTestId('license-state').getByText('已注销').waitFor({ state: 'visible' });
      await row.getByTestId('license-cancelled').getByText('有效期届满未延续').waitFor({ state: 'visible' });
    }
    await screenshot(page, 'license-admin-batch');
    const ledger = (await approver.get('/api/v1/licenses/issued?state=cancelled')).body as Ledger;
    expect(ledger.items.find((l) => l.id === lapsed.id)).toMatchObject({ state: 'cancelled', cancelGround: 'expired', cancelNote: batchNote });
    expect(ledger.items.find((l) => l.id === taken.id)).toMatchObject({ state: 'cancelled', cancelGround: 'expired', cancelNote: null });
  });

  it('shows the ledger in English', { timeout: 120_000 }, async () => {
    const page = await newPage('en');
    await signInThroughUi(page, 'approver1');
    await page.goto('/workbench/licenses?lang=en');
    await page.getByRole('heading', { name: 'Issued licenses' }).waitFor({ state: 'visible' });
    await ledgerRow(page, cancelled.id).getByTestId('license-state').getByText('Cancelled').waitFor({ state: 'visible' });
    await ledgerRow(page, valid.id).getByTestId('license-state').getByText('Valid').waitFor({ state: 'visible' });
    await screenshot(page, 'license-admin-ledger-en');
  });

  it('tells the holder on the issuing case, and names both license events in the audit trail', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my');
    await page.getByTestId('my-licenses-link').waitFor({ state: 'visible' });
    await page.goto(`/my/cases/${cancelled.caseId}`);
    const event = page.getByTestId('case-timeline').locator('.case-event[data-event=license_cancelled]');
    await event.getByText('注销证照').waitFor({ state: 'visible' });
    await event.getByText(`证照 ${cancelled.number}（食品经营许可证）已注销，注销情形：${ground}`).waitFor({ state: 'visible' });
    await event.getByText(`注销说明：${note}`).waitFor({ state: 'visible' });
    await page.getByTestId('case-documents').getByTestId('document-cancelled').getByText('已注销').waitFor({ state: 'visible' });
    // the outcome no longer promises the license with the delivery
    await page.getByTestId('outcome').getByText(`证照 ${cancelled.number} 已于`).waitFor({ state: 'visible' });
    await screenshot(page, 'license-admin-holder-case');
    // a cancelled license is no longer held
    const enterprise = await signIn(run.server, 'enterprise1');
    const held = (await enterprise.get('/api/v1/licenses')).body.items as { id: number }[];
    expect(held.some((l) => l.id === cancelled.id)).toBe(false);

    const admin = await newPage();
    await signInThroughUi(admin, 'centeradmin');
    await admin.goto('/workbench/audit');
    await choose(admin, 'audit-target', '办件');
    await admin.getByPlaceholder('对象编号').fill(String(cancelled.caseId));
    await admin.getByRole('button', { name: /^查\s*询$/ }).click();
    // the entries of this license (their change names it)
    const rows = admin.getByTestId('audit-table').locator('tbody tr.ant-table-row').filter({ hasText: cancelled.number });
    await rows.filter({ hasText: 'case.license_cancelled' }).getByText('注销证照').waitFor({ state: 'visible' });
    await rows.filter({ hasText: 'case.license_expiring' }).getByText('证照到期提醒').waitFor({ state: 'visible' });
    // what changed reads in words, as the case's timeline tells it, not as the stored record
    const change = await rows.filter({ hasText: 'case.license_cancelled' }).getByTestId('audit-change').innerText();
    expect(change).toContain('注销');
    expect(change).not.toContain('{');
    // only this case's entries are left once the filter applies
    await expect.poll(() => admin.getByTestId('audit-table').locator('tbody tr.ant-table-row').filter({ hasText: 'case.license_cancelled' }).count()).toBe(1);
    // the case by its number, a link to its page
    const target = rows.first().getByTestId('audit-target-case');
    expect(await target.innerText()).toBe(cancelled.caseNumber);
    expect(await target.getAttribute('href')).toBe(`/workbench/cases/${cancelled.caseId}`);
    await screenshot(admin, 'license-admin-audit');
  });

  it('verifies licenses for the public: 已注销, 有效 with the PDF compared, an unknown number', { timeout: 180_000 }, async () => {
    // the enterprise downloads its license (the PDF is made then: its fingerprint is what is verified)
    const enterprise = await signIn(run.server, 'enterprise1');
    const pdf = await fetch(`${run.server.baseUrl}/api/v1/cases/${valid.caseId}/documents/${valid.id}/pdf`, { headers: { cookie: enterprise.cookie } });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // a fresh context: nobody signed in
    const page = await newPage();
    await page.goto('/');
    await page.getByTestId('header-login').waitFor({ state: 'visible' });
    await page.getByTestId('footer-verify').click();
    await page.waitForURL(/\/verify$/);
    await page.getByRole('heading', { name: '证照核验' }).waitFor({ state: 'visible' });

    // 1: the license cancelled
    await page.goto(`/verify/${cancelled.number}`);
    const verdict = page.getByTestId('verify-verdict');
    await verdict.getByTestId('verify-verdict-word').getByText('已注销', { exact: true }).waitFor({ state: 'visible' });
    expect(await verdict.getAttribute('data-state')).toBe('cancelled');
    await verdict.getByTestId('verify-cancel-ground').getByText(ground, { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('verify-holder').getByText('云州青禾食品有限公司').waitFor({ state: 'visible' });
    await screenshot(page, 'license-admin-verify-cancelled');

    // 2: the valid one, typed in, and its PDF compared
    await page.getByTestId('verify-input').locator('input').fill(valid.number);
    await page.getByTestId('verify-input').locator('input').press('Enter');
    await page.waitForURL(`**/verify/${valid.number}`);
    await verdict.getByTestId('verify-verdict-word').getByText('有效', { exact: true }).waitFor({ state: 'visible' });
    expect(await verdict.getAttribute('data-state')).toBe('valid');
    const file = page.getByTestId('verify-pdf').locator('input[type=file]');
    await file.setInputFiles({ name: `食品经营许可证-${valid.number}.pdf`, mimeType: 'application/pdf', buffer: bytes });
    const compared = page.getByTestId('verify-compare');
    await compared.getByText('一致', { exact: false }).first().waitFor({ state: 'visible' });
    expect(await compared.getAttribute('data-match')).toBe('true');
    await screenshot(page, 'license-admin-verify-valid');
    // a copy altered by one byte
    const altered = Buffer.from(bytes);
    altered[altered.length - 2] = altered[altered.length - 2]! ^ 1;
    await file.setInputFiles({ name: '改动过的证照.pdf', mimeType: 'application/pdf', buffer: altered });
    await page.locator('[data-testid=verify-compare][data-match=false]').getByText('不一致', { exact: false }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'license-admin-verify-differ');

    // 3: a number not issued here
    await page.getByTestId('verify-input').locator('input').fill('ZZ-0000-000000');
    await page.getByTestId('verify-input').locator('input').press('Enter');
    await page.getByTestId('verify-not-found').getByText('未查到该编号的证照').waitFor({ state: 'visible' });
    await screenshot(page, 'license-admin-verify-unknown');
    // a malformed one is not sent
    await page.getByTestId('verify-input').locator('input').fill('证照 123');
    await page.getByTestId('verify-input').locator('input').press('Enter');
    await page.getByTestId('verify-bad-number').waitFor({ state: 'visible' });

    // 4: in English
    const en = await newPage('en');
    await en.goto(`/verify/${valid.number}?lang=en`);
    await en.getByTestId('verify-verdict-word').getByText('Valid', { exact: true }).waitFor({ state: 'visible' });
    await en.getByRole('heading', { name: 'Verify a license' }).waitFor({ state: 'visible' });
    await screenshot(en, 'license-admin-verify-en');
    expect(errors).toEqual([]);
  });
});
