import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../harness.ts';
import { sampleForm, sampleMaterials } from '../factories.ts';
import { remindLicensesExpiring } from '../../src/modules/cases/reminders.ts';
import { choose, pressUntil, screenshotFromTop as screenshot, signInThroughUi, writePdf, type BrowserRun } from './support.ts';
import {
  caseEvent,
  applyForFood,
  fillFoodForm,
  heldLicenses,
  licenseRow,
  grantThrough,
  handInFoodMaterials,
  openSubmittedCase,
  receiveEnterpriseAtWindow,
  startFoodStory,
  type FoodStory,
} from './food-license.ts';
import { pdfReader } from '../pdf.ts';

/*
 * 证照有效期与延续 (a license's period of validity and its renewal, 行政许可法 art. 50) through the UI: enterprise1
 * (云州青禾食品有限公司) is granted a 食品经营许可 (through the API), valid five years; its last day is then moved to
 * forty days from now, so that its renewal falls due (15 working days before). The morning's reminder lands on the
 * issuing case; 我的账户 counts the license, 我的证照 marks it 即将到期 and says by when to renew it; the window offers
 * clerk1 the renewal for it. enterprise1 presses 申请延续, applies online with the license named, and its case page
 * says what it renews; the license shows its renewal in hand. clerk1 and head1 accept and grant it (through the API);
 * the renewal's case page names the license, now replaced; 我的证照 lists the new license, valid five years on from the
 * old one's last day, and the old one no more; the old case's documents mark it 已换发新证. On the way, the old license's
 * last day passes before the decision: it counts as renewed meanwhile (视为准予延续), and supervision finds the late
 * decision (延续超期决定). Last, the new license runs out with no renewal: 已过期, applied for anew.
 */

let story: FoodStory;
let run: BrowserRun;
let pdfPath: string;
let errors: string[] = [];
let creditCode = '';
let foodItemCode = '';
/** the case that issued the license, and the license */
let old = { caseId: 0, caseNumber: '' };
let license = { id: 0, number: '', validUntil: '' };
/** the renewal */
const renewal = { id: 0, number: '' };

type Held = {
  id: number;
  number: string;
  type: string;
  caseId: number;
  itemCode: string;
  validUntil: string | null;
  renewBy: string | null;
  renewFrom: string | null;
  state: string;
  renewal: { id: number; number: string; status: string } | null;
  change: { id: number; number: string; status: string } | null;
  mayRenew: boolean;
  mayChange: boolean;
};

beforeAll(async () => {
  story = await startFoodStory('licenses', { name: '食品经营许可延续申请书.pdf', text: 'Renewal application' });
  ({ run, foodItemCode, pdfPath, creditCode } = story);
  errors = run.errors;
}, 120_000);

afterAll(async () => {
  await story?.close();
});

const newPage = (locale: 'zh-CN' | 'en' = 'zh-CN') => run.page({ locale });
const event = caseEvent;
const held = (client: Client) => heldLicenses<Held>(client);

/** Today in the center's time zone, YYYY-MM-DD. */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
/** A license's last day when issued on `firstDay` for `years` years: the same day so many years on, less a day. */
function validityEnd(firstDay: string, years: number): string {
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const end = new Date(Date.UTC(y + years, m - 1, Math.min(d, lastOfMonth)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}
const yesterday = () => new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** A civil day as the pages show it in Chinese: 2031/11/27. */
const shown = (day: string) => day.replaceAll('-', '/');

const grant = (caseId: number) => grantThrough(run.server, caseId);

describe('证照有效期与延续: a 食品经营许可 running out, renewed online, replaced by the new one', () => {
  it('grants enterprise1 a 食品经营许可 valid five years (through the API), and moves its end forty days on', { timeout: 120_000 }, async () => {
    const enterprise = await signIn(run.server, 'enterprise1');
    const applied = await applyForFood(run.server, foodItemCode);
    old = { caseId: applied.body.id, caseNumber: applied.body.number };
    await grant(old.caseId);

    const issued = (await held(enterprise)).find((l) => l.caseId === old.caseId)!;
    // the renewal is taken from ninety working days before the end only
    expect(issued).toMatchObject({ type: '食品经营许可证', itemCode: foodItemCode, state: 'valid', renewal: null, mayRenew: false });
    expect(issued.renewFrom! > today() && issued.renewFrom! < issued.renewBy!).toBe(true);
    expect(issued.validUntil).toBe(validityEnd(today(), 5));

    // forty days left: the renewal (15 working days before the end) falls due within thirty days
    const { rows } = await run.server.sql<{ valid_until: string }>(
      "UPDATE case_document SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date + 40 WHERE id = $1 RETURNING valid_until::text",
      [issued.id],
    );
    const expiring = (await held(enterprise)).find((l) => l.id === issued.id)!;
    expect(expiring).toMatchObject({ validUntil: rows[0]!.valid_until, state: 'expiring', mayRenew: true, renewal: null });
    expect(expiring.renewBy! >= today() && expiring.renewBy! < expiring.validUntil!).toBe(true);
    license = { id: issued.id, number: issued.number, validUntil: expiring.validUntil! };

    // the morning's reminder, once, on the issuing case
    expect(await remindLicensesExpiring(run.server.db)).toBeGreaterThanOrEqual(1);
    const kase = (await enterprise.get(`/api/v1/cases/${old.caseId}`)).body as { timeline: { type: string; payload: Record<string, unknown> }[] };
    expect(kase.timeline.filter((e) => e.type === 'license_expiring').map((e) => e.payload.licenseId)).toEqual([license.id]);
  });

  it('shows enterprise1 the license 即将到期 on 我的证照, counted on 我的账户, the reminder on its case', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my');
    const tile = page.getByTestId('mine-licenses-expiring');
    await tile.waitFor({ state: 'visible' });
    expect(await tile.getAttribute('data-count')).toBe('1');
    expect(await tile.getAttribute('href')).toBe('/my/licenses');
    await screenshot(page, 'licenses-account');

    await tile.click();
    await page.waitForURL('**/my/licenses');
    const row = licenseRow(page, license.id);
    await row.getByTestId('license-state').getByText('即将到期').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-number').innerText()).toBe(license.number);
    expect(await row.getByTestId('license-valid-until').innerText()).toBe(shown(license.validUntil));
    await row
      .getByTestId('license-renew-by')
      .getByText(/请于 \d{4}\/\d{2}\/\d{2} 前申请延续/)
      .waitFor({ state: 'visible' });
    await page.getByTestId('licenses-alert').getByText('您有 1 本证照即将到期', { exact: false }).waitFor({ state: 'visible' });
    // 申请延续 is the primary action of an expiring license
    expect(await row.getByTestId('license-renew').locator('button').getAttribute('class')).toContain('ant-btn-primary');
    expect(await row.getByTestId('license-download').getAttribute('href')).toBe(`/api/v1/cases/${old.caseId}/documents/${license.id}/pdf`);
    await page.getByTestId('nav-my-licenses').waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-expiring');

    // the reminder is on the timeline of the case that issued it
    await row.getByTestId('license-case').click();
    await page.waitForURL(`**/my/cases/${old.caseId}`);
    await event(page, 'license_expiring').getByText('证照到期提醒').waitFor({ state: 'visible' });
    await event(page, 'license_expiring')
      .getByText(new RegExp(`证照 ${license.number}（食品经营许可证）有效期至 ${shown(license.validUntil)}，请于 .+ 前申请延续`))
      .waitFor({ state: 'visible' });
    await page
      .getByTestId('case-documents')
      .getByTestId('document-valid-until')
      .getByText(`有效期至 ${shown(license.validUntil)}`)
      .waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-reminder');
  });

  it('shows 我的证照 in English', { timeout: 120_000 }, async () => {
    const page = await newPage('en');
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses?lang=en');
    const row = licenseRow(page, license.id);
    await row.getByTestId('license-state').getByText('Expiring').waitFor({ state: 'visible' });
    await row
      .getByTestId('license-renew-by')
      .getByText(/Apply to renew by \d{4}\/\d{2}\/\d{2}/)
      .waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: 'My licenses' }).waitFor({ state: 'visible' });
    // one license: in the singular
    await page
      .getByTestId('licenses-alert')
      .getByText('You have 1 license due to expire soon. Apply to renew it before the renewal deadline.')
      .waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-expiring-en');
  });

  it('offers clerk1 the renewal of the license at the window', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await receiveEnterpriseAtWindow(page, foodItemCode);
    const choice = page.getByTestId('renewal-choice');
    await choice.getByText('办理类型').waitFor({ state: 'visible' });
    await choose(page, 'renewal-mode', '延续');
    // the license soonest to run out is taken
    await choice.getByTestId('renewal-license').getByText(license.number, { exact: false }).waitFor({ state: 'visible' });
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'licenses-window');
  });

  it('lets enterprise1 apply for the renewal from 我的证照, the license named', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    await licenseRow(page, license.id).getByTestId('license-renew').click();
    await page.waitForURL(`**/apply/${foodItemCode}?renews=${license.id}`);
    const notice = page.getByTestId('renewal-notice');
    await notice.getByText('延续申请').first().waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-renewable')).toBe('true');
    expect(await notice.innerText()).toContain(`本次申请延续 食品经营许可证（编号 ${license.number}），原证有效期至 ${shown(license.validUntil)}`);
    await notice.getByText(/请于 \d{4}\/\d{2}\/\d{2} 前提交延续申请/).waitFor({ state: 'visible' });

    await fillFoodForm(page, creditCode);
    await handInFoodMaterials(page, pdfPath);
    await screenshot(page, 'licenses-apply');

    const number = page.getByTestId('case-number');
    await pressUntil(page.getByTestId('apply-submit'), number);
    ({ id: renewal.id, number: renewal.number } = await openSubmittedCase(page));

    // the case says what it renews, and opens the case that issued it
    const fact = page.getByTestId('case-facts').getByTestId('renews-fact');
    await fact.getByText(`${license.number}（有效期至 ${shown(license.validUntil)}）`, { exact: false }).waitFor({ state: 'visible' });
    expect(await fact.getByTestId('renews-case').getAttribute('href')).toBe(`/my/cases/${old.caseId}`);
    await event(page, 'submitted').getByText(`延续申请：证照 ${license.number}`).waitFor({ state: 'visible' });
    expect(await page.getByTestId('license-action-tag').innerText()).toBe('延续申请');
    await screenshot(page, 'licenses-renewal-case');

    const enterprise = await signIn(run.server, 'enterprise1');
    const kase = (await enterprise.get(`/api/v1/cases/${renewal.id}`)).body;
    expect(kase.renews).toMatchObject({ id: license.id, number: license.number, validUntil: license.validUntil, caseId: old.caseId, supersededAt: null });
    expect(kase.timeline.find((e: { type: string }) => e.type === 'submitted').payload.renews).toBe(license.id);

    // one renewal at a time: a second is refused, naming the first
    const item = (await enterprise.get(`/api/v1/catalog/items/${foodItemCode}`)).body;
    const again = await enterprise.post('/api/v1/cases', {
      itemCode: foodItemCode,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: sampleMaterials(item.content.materials),
      renews: license.id,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', details: { caseNumber: renewal.number } });

    // 我的证照: the renewal in hand, no more to apply for; 我的账户 no longer counts it
    const listed = (await held(enterprise)).find((l) => l.id === license.id)!;
    expect(listed).toMatchObject({ state: 'valid', mayRenew: false, renewal: { id: renewal.id, number: renewal.number } });
    await page.goto('/my/licenses');
    const row = licenseRow(page, license.id);
    await row.getByTestId('license-renewal').getByText(renewal.number).waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-renew').count()).toBe(0);
    expect(await page.getByTestId('licenses-alert').count()).toBe(0);
    await screenshot(page, 'licenses-renewal-in-hand');
  });

  it('counts the license as renewed once its last day passes with the renewal undecided (视为准予延续)', { timeout: 120_000 }, async () => {
    const { rows } = await run.server.sql<{ valid_until: string }>(
      "UPDATE case_document SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 2 WHERE id = $1 RETURNING valid_until::text",
      [license.id],
    );
    license.validUntil = rows[0]!.valid_until;
    const enterprise = await signIn(run.server, 'enterprise1');
    expect((await held(enterprise)).find((l) => l.id === license.id)).toMatchObject({
      state: 'deemed_renewed',
      mayRenew: false,
      renewal: { id: renewal.id },
    });
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, license.id);
    await row.getByTestId('license-state').getByText('视为准予延续', { exact: true }).waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-valid-until').innerText()).toBe(shown(license.validUntil));
    await row.getByTestId('license-renewal').getByText(renewal.number).waitFor({ state: 'visible' });
    // the state's tag and the case number in hand each on one line
    expect((await row.getByTestId('license-state').boundingBox())!.height).toBeLessThan(30);
    expect((await row.getByTestId('license-in-hand-number').boundingBox())!.height).toBeLessThan(24);
    // neither expiring nor expired: nothing to warn of
    expect(await page.getByTestId('licenses-alert').count()).toBe(0);
    await screenshot(page, 'licenses-deemed-renewed');
  });

  it('is accepted and granted (clerk1 and head1 through the API); the renewal’s case page names the license replaced', { timeout: 180_000 }, async () => {
    await grant(renewal.id);
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await page.goto(`/workbench/cases/${renewal.id}`);
    const fact = page.getByTestId('case-facts').getByTestId('renews-fact');
    await fact.getByText(license.number, { exact: false }).waitFor({ state: 'visible' });
    expect(await fact.getByTestId('renews-case').getAttribute('href')).toBe(`/workbench/cases/${old.caseId}`);
    await fact.getByTestId('renews-replaced').getByText('已换发新证').waitFor({ state: 'visible' });
    // the new license runs five years on from the old one's last day
    const end = validityEnd(dayAfter(license.validUntil), 5);
    await page
      .getByTestId('case-documents')
      .getByTestId('document-valid-until')
      .getByText(`有效期至 ${shown(end)}`)
      .waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-renewal-case-staff');
  });

  it('finds the renewal decided after the license ran out (supervisor1’s 异常线索)', { timeout: 120_000 }, async () => {
    await run.server.drainOutbox();
    const { rows } = await run.server.sql<{ number: string; until: string }>(
      "SELECT detail->>'licenseNumber' AS number, detail->>'validUntil' AS until FROM supervision_finding WHERE case_id = $1 AND kind = 'late_renewal'",
      [renewal.id],
    );
    expect(rows).toEqual([{ number: license.number, until: license.validUntil }]);
    const page = await newPage();
    await signInThroughUi(page, 'supervisor1');
    await page.goto('/workbench/supervision');
    await page.getByRole('tab', { name: '异常线索' }).click();
    const row = page.getByTestId('findings-table').locator('tr', { hasText: renewal.number });
    await row.getByText('延续超期决定').waitFor({ state: 'visible' });
    await row.getByText(`证照 ${license.number} 有效期至 ${shown(license.validUntil)}，延续决定晚于届满`, { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-finding');
  });

  it('lists the new license on 我的证照, valid five years on from the old end, and the old one no more', { timeout: 180_000 }, async () => {
    const enterprise = await signIn(run.server, 'enterprise1');
    const licenses = await held(enterprise);
    const renewed = licenses.find((l) => l.caseId === renewal.id)!;
    const end = validityEnd(dayAfter(license.validUntil), 5);
    expect(renewed).toMatchObject({ type: '食品经营许可证', itemCode: foodItemCode, validUntil: end, state: 'valid', renewal: null });
    expect(licenses.some((l) => l.id === license.id)).toBe(false);

    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, renewed.id);
    await row.getByTestId('license-state').getByText('有效').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-valid-until').innerText()).toBe(shown(end));
    expect(await licenseRow(page, license.id).count()).toBe(0);
    expect(await page.getByTestId('licenses-table').getByText(license.number).count()).toBe(0);
    await screenshot(page, 'licenses-renewed');

    // the old case keeps its license, marked replaced
    await page.goto(`/my/cases/${old.caseId}`);
    await page.getByTestId('case-documents').getByTestId('document-superseded').getByText('已换发新证').waitFor({ state: 'visible' });
    // not delivered yet, the case no longer promises the license with its delivery
    await page.getByTestId('outcome').getByText(`证照 ${license.number} 已于`).waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-old-case');
  });

  it('marks a license run out with no renewal 已过期: it is applied for anew, not renewed', { timeout: 180_000 }, async () => {
    const enterprise = await signIn(run.server, 'enterprise1');
    const renewed = (await held(enterprise)).find((l) => l.caseId === renewal.id)!;
    await run.server.sql("UPDATE case_document SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id = $1", [renewed.id]);
    expect((await held(enterprise)).find((l) => l.id === renewed.id)).toMatchObject({ state: 'expired', mayRenew: false });

    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, renewed.id);
    await row.getByTestId('license-state').getByText('已过期').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-renew').count()).toBe(0);
    expect(await row.getByTestId('license-apply-anew').getAttribute('href')).toBe(`/apply/${foodItemCode}`);
    // 重新申请 looks like the other actions: a button with its icon; the fixed 操作 cell highlighted with its row
    expect(await row.getByTestId('license-apply-anew').locator('.anticon').count()).toBe(1);
    const background = (testId: string) => row.getByTestId(testId).evaluate((el) => getComputedStyle(el.closest('td')!).backgroundColor);
    expect(await background('license-apply-anew')).toBe(await background('license-number'));
    await page.getByTestId('licenses-alert').getByText('1 本证照已过有效期，不能延续', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-expired');

    // named in the address anyway, it is not renewed: the application goes as a new one
    await page.goto(`/apply/${foodItemCode}?renews=${renewed.id}`);
    const notice = page.getByTestId('renewal-notice');
    await notice.getByText('本次申请不作为延续申请').waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-renewable')).toBe('false');
    await notice.getByText(`证照 ${renewed.number} 已于 ${shown(yesterday())} 过期，不能延续`, { exact: false }).waitFor({ state: 'visible' });
    // nor is it titled one
    expect(await page.getByTestId('license-action-tag').count()).toBe(0);
    await screenshot(page, 'licenses-apply-expired');
    expect(errors).toEqual([]);
  });
});

/*
 * 变更 (a change of what a license records): enterprise1 is granted another 食品经营许可 (through the API). The window
 * offers clerk1 办理类型 变更 for it. enterprise1 presses 申请变更 on 我的证照, reads the 变更申请 notice (the new
 * license keeps the old one's end), moves its premises to a new address and applies; its case page names the license
 * changed (变更证照) and its timeline too. Meanwhile the license is listed with its change in hand (变更办理中), on
 * 我的证照 and on approver1's 证照管理, and neither a renewal nor a second change may be applied for. clerk1 and head1
 * grant it (through the API): the license is issued again with the new premises, valid until the same day, marked
 * 准予变更; 我的证照 lists it and the old one no more.
 */
describe('证照变更: a 食品经营许可 changed online, reissued until the same end', () => {
  const newAddress = '云州市青川区滨江大道 66 号二层';
  let changed = { caseId: 0, id: 0, number: '', validUntil: '' };
  const change = { id: 0, number: '' };

  it('grants enterprise1 another 食品经营许可 (through the API), which may be changed', { timeout: 120_000 }, async () => {
    const enterprise = await signIn(run.server, 'enterprise1');
    const applied = await applyForFood(run.server, foodItemCode);
    await grant(applied.body.id);
    const issued = (await held(enterprise)).find((l) => l.caseId === applied.body.id)!;
    expect(issued).toMatchObject({ state: 'valid', mayRenew: false, mayChange: true, change: null, renewal: null });
    expect(issued.validUntil).toBe(validityEnd(today(), 5));
    changed = { caseId: applied.body.id, id: issued.id, number: issued.number, validUntil: issued.validUntil! };
  });

  it('offers clerk1 the change of the license at the window', { timeout: 180_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'clerk1');
    await receiveEnterpriseAtWindow(page, foodItemCode);
    const choice = page.getByTestId('renewal-choice');
    await choice.getByText('办理类型').waitFor({ state: 'visible' });
    await choose(page, 'renewal-mode', '变更');
    await choice.getByTestId('renewal-license').getByText(changed.number, { exact: false }).waitFor({ state: 'visible' });
    await choice.getByTestId('renewal-hint').getByText('有效期至原证有效期届满之日（不延长）', { exact: false }).waitFor({ state: 'visible' });
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'licenses-change-window');
  });

  it('names the change in English', { timeout: 120_000 }, async () => {
    const page = await newPage('en');
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses?lang=en');
    await licenseRow(page, changed.id).getByTestId('license-change').getByText('Change').waitFor({ state: 'visible' });
    await page.goto(`/apply/${foodItemCode}?changes=${changed.id}&lang=en`);
    const notice = page.getByTestId('change-notice');
    await notice.getByText('Change application').waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(`This application changes 食品经营许可证 no. ${changed.number}`);
  });

  it('lets enterprise1 apply for the change from 我的证照, the license named, the premises moved', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    // five years to run: changed any time, renewed only within ninety working days of its end
    const fresh = licenseRow(page, changed.id);
    await fresh
      .getByTestId('license-renew-window')
      .getByText(/\d{4}\/\d{2}\/\d{2} 至 \d{4}\/\d{2}\/\d{2} 可申请延续/)
      .waitFor({ state: 'visible' });
    expect(await fresh.getByTestId('license-renew').count()).toBe(0);
    await screenshot(page, 'licenses-renew-window');
    // the address of its renewal says from when it is taken
    await page.goto(`/apply/${foodItemCode}?renews=${changed.id}`);
    await page.getByTestId('renewal-notice').getByText('现在还不能申请延续', { exact: false }).waitFor({ state: 'visible' });
    await page.goto('/my/licenses');
    await licenseRow(page, changed.id).getByTestId('license-change').click();
    await page.waitForURL(`**/apply/${foodItemCode}?changes=${changed.id}`);
    const notice = page.getByTestId('change-notice');
    await notice.getByText('变更申请').first().waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-changeable')).toBe('true');
    const until = shown(changed.validUntil);
    expect(await notice.innerText()).toContain(`本次申请变更 食品经营许可证（编号 ${changed.number}），原证有效期至 ${until}`);
    expect(await notice.innerText()).toContain(`有效期仍至 ${until}（不延长）`);

    await fillFoodForm(page, creditCode);
    // what changes: the premises
    await page.locator('#premisesAddress').fill(newAddress);
    const changePdf = writePdf(story.dataDir, '食品经营许可变更申请书.pdf', 'Change application');
    await handInFoodMaterials(page, changePdf);
    // the title says it is a change
    expect(await page.getByTestId('license-action-tag').innerText()).toBe('变更申请');
    await screenshot(page, 'licenses-change-apply');

    const number = page.getByTestId('case-number');
    await pressUntil(page.getByTestId('apply-submit'), number);
    ({ id: change.id, number: change.number } = await openSubmittedCase(page));

    // the case says what it changes, and opens the case that issued it
    const fact = page.getByTestId('case-facts').getByTestId('changes-fact');
    await fact.getByText(`${changed.number}（有效期至 ${until}）`, { exact: false }).waitFor({ state: 'visible' });
    await page.getByTestId('case-facts').getByText('变更证照').waitFor({ state: 'visible' });
    expect(await fact.getByTestId('changes-case').getAttribute('href')).toBe(`/my/cases/${changed.caseId}`);
    expect(await page.getByTestId('case-facts').getByTestId('renews-fact').count()).toBe(0);
    await event(page, 'submitted').getByText(`变更申请：证照 ${changed.number}`).waitFor({ state: 'visible' });
    expect(await page.getByTestId('license-action-tag').innerText()).toBe('变更申请');
    await screenshot(page, 'licenses-change-case');

    const enterprise = await signIn(run.server, 'enterprise1');
    const kase = (await enterprise.get(`/api/v1/cases/${change.id}`)).body;
    expect(kase.changes).toMatchObject({ id: changed.id, number: changed.number, validUntil: changed.validUntil, caseId: changed.caseId, supersededAt: null });
    expect(kase.renews).toBeNull();
    expect(kase.form.premisesAddress).toBe(newAddress);
    expect(kase.timeline.find((e: { type: string }) => e.type === 'submitted').payload.changes).toBe(changed.id);
  });

  it('lists the license with its change in hand: no renewal nor another change meanwhile', { timeout: 180_000 }, async () => {
    const enterprise = await signIn(run.server, 'enterprise1');
    const listed = (await held(enterprise)).find((l) => l.id === changed.id)!;
    expect(listed).toMatchObject({ state: 'valid', mayRenew: false, mayChange: false, renewal: null, change: { id: change.id, number: change.number } });
    // one application for a license at a time
    const item = (await enterprise.get(`/api/v1/catalog/items/${foodItemCode}`)).body;
    for (const body of [{ renews: changed.id }, { changes: changed.id }]) {
      const again = await enterprise.post('/api/v1/cases', {
        itemCode: foodItemCode,
        formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
        materials: sampleMaterials(item.content.materials),
        ...body,
      });
      expect(again.status, JSON.stringify(again.body)).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'CONFLICT', details: { caseNumber: change.number } });
    }

    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, changed.id);
    await row.getByTestId('license-change-in-hand').getByText(change.number).waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-change-in-hand').locator('a').getAttribute('href')).toBe(`/my/cases/${change.id}`);
    await row.getByTestId('license-change-hint').getByText('变更办理中').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-state').getAttribute('data-state')).toBe('valid');
    expect(await row.getByTestId('license-change').count()).toBe(0);
    expect(await row.getByTestId('license-renew').count()).toBe(0);
    await screenshot(page, 'licenses-change-in-hand');

    // named in the address anyway, it is not renewed: the change in hand says why
    await page.goto(`/apply/${foodItemCode}?renews=${changed.id}`);
    const notice = page.getByTestId('renewal-notice');
    await notice.getByText('本次申请不作为延续申请').waitFor({ state: 'visible' });
    await notice.getByText(`证照 ${changed.number} 已有变更申请在办（办件编号 ${change.number}）`, { exact: false }).waitFor({ state: 'visible' });

    // 证照管理: the issuing department sees the change in hand
    const staff = await newPage();
    await signInThroughUi(staff, 'approver1');
    await staff.goto('/workbench/licenses');
    await staff.getByTestId('license-search').locator('input').fill(changed.number);
    await staff.getByTestId('license-search').locator('input').press('Enter');
    const ledger = staff.getByTestId('issued-licenses-table').locator(`tr[data-license="${changed.id}"]`);
    await ledger.getByTestId('license-change-in-hand').getByText(change.number).waitFor({ state: 'visible' });
    await ledger.getByTestId('license-change-in-hand').getByText('变更申请').waitFor({ state: 'visible' });
    await screenshot(staff, 'licenses-change-ledger');
  });

  it('is granted (clerk1 and head1 through the API): the license reissued until the same end, 准予变更', { timeout: 180_000 }, async () => {
    await grant(change.id);
    const enterprise = await signIn(run.server, 'enterprise1');
    const licenses = await held(enterprise);
    const fresh = licenses.find((l) => l.caseId === change.id)!;
    expect(fresh).toMatchObject({ type: '食品经营许可证', itemCode: foodItemCode, validUntil: changed.validUntil, state: 'valid', change: null });
    expect(licenses.some((l) => l.id === changed.id)).toBe(false);

    const reader = pdfReader();
    try {
      const docs = (await enterprise.get(`/api/v1/cases/${change.id}/documents`)).body.items as { id: number; kind: string; url: string }[];
      const text = await reader.pdfText(
        run.server,
        enterprise,
        change.id,
        docs.find((d) => d.kind === 'license')!,
      );
      expect(text).toContain('准予变更');
      expect(text).toContain(`变更原证${changed.number}`);
    } finally {
      reader.close();
    }

    const page = await newPage();
    await signInThroughUi(page, 'enterprise1');
    await page.goto('/my/licenses');
    const row = licenseRow(page, fresh.id);
    await row.getByTestId('license-state').getByText('有效').waitFor({ state: 'visible' });
    expect(await row.getByTestId('license-valid-until').innerText()).toBe(shown(changed.validUntil));
    expect(await licenseRow(page, changed.id).count()).toBe(0);
    expect(await page.getByTestId('licenses-table').getByText(changed.number).count()).toBe(0);
    await screenshot(page, 'licenses-change-granted');

    // the change's case names the license it replaced
    await page.goto(`/my/cases/${change.id}`);
    const fact = page.getByTestId('case-facts').getByTestId('changes-fact');
    await fact.getByTestId('changes-replaced').getByText('已换发新证').waitFor({ state: 'visible' });
    await page
      .getByTestId('case-documents')
      .getByTestId('document-valid-until')
      .getByText(`有效期至 ${shown(changed.validUntil)}`)
      .waitFor({ state: 'visible' });
    await screenshot(page, 'licenses-change-case-granted');
    expect(errors).toEqual([]);
  });
});
