import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../src/common/validators.ts';
import { signIn } from '../harness.ts';
import { sampleForm, sampleMaterials } from '../factories.ts';
import { choose, cjkRendering, screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';

let run: BrowserRun;

beforeAll(async () => {
  run = await startBrowserRun();
});

afterAll(async () => {
  await run?.close();
});

describe('portal (applicants)', () => {
  it('renders Chinese with a real CJK font, not boxes', { timeout: 60_000 }, async () => {
    const { page } = await run.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: '一窗通办 · 网上办事大厅' }).waitFor({ state: 'visible' });
    const verdict = await cjkRendering(page);
    expect(verdict.inkHan, `办 drew nothing in ${verdict.font}`).toBeGreaterThan(50);
    expect(verdict.identicalToMissingGlyph, `办 renders as the missing-glyph box in ${verdict.font}: install fonts-noto-cjk`).toBe(false);
  });

  it('shows the center, quick entries and the service network from the public region tree', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await page.goto('/');
    await page.locator('.portal-header').getByText('云州市政务服务中心').waitFor({ state: 'visible' });
    await page.getByTestId('entry-verify').waitFor({ state: 'visible' });
    const network = page.getByTestId('service-network');
    await network.getByText('青川区').waitFor({ state: 'visible' });
    expect(await network.getByText('白沙镇').isVisible()).toBe(true);
    expect(await network.getByText('石桥村').isVisible()).toBe(true);
    // each quick entry leads to the page it names: 我的办件 asks a visitor to sign in first, the others are public
    expect(await page.getByTestId('entry-cases').getAttribute('href')).toBe('/login?next=%2Fmy%2Fcases');
    expect(await page.getByTestId('entry-appointment').getAttribute('href')).toBe('/appointments');
    expect(await page.getByTestId('entry-verify').getAttribute('href')).toBe('/verify');
    // 12345 is not built: nothing on the home page offers it
    expect(await page.getByTestId('entry-hotline').count()).toBe(0);
    expect(await page.locator('.home-entries').innerText()).not.toContain('12345');
    await page.getByTestId('entry-appointment').click();
    await page.waitForURL('**/appointments');
    await page.goto('/');
    await page.getByTestId('entry-verify').click();
    await page.waitForURL('**/verify');
    await page.goto('/');
    await screenshot(page, 'portal-home');
    expect(errors).toEqual([]);
  });

  it('shows the portal in English after the language switch, and remembers it', { timeout: 60_000 }, async () => {
    const { page } = await run.newPage();
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'OneWindow online service hall' }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByText('Service network').first().waitFor({ state: 'visible' });
    await screenshot(page, 'portal-home-en');
  });

  it('explains a wrong password with the server message and shows the demo hint', { timeout: 60_000 }, async () => {
    const { page } = await run.newPage();
    await page.goto('/login');
    await page.getByText('演示账号密码 OneWindow@2026').waitFor({ state: 'visible' });
    await screenshot(page, 'login');
    await page.locator('#username').fill('citizen1');
    await page.locator('#password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor({ state: 'visible' });
  });

  it('signs a citizen in and lands on My account with masked ID and phone', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'citizen1');
    await page.waitForURL('**/my');
    const my = page.getByTestId('my-account');
    await my.getByText('您好，林小雨').waitFor({ state: 'visible' });
    const text = await my.innerText();
    expect(text).toMatch(/990102\*{8}\d{3}[\dX]/);
    expect(text).toContain('136****0001');
    expect(text).not.toContain('13600000001');
    await page.getByTestId('user-name').waitFor({ state: 'visible' });
    await screenshot(page, 'my-account');
    // signed in, 我的办件 on the home page is the list itself
    await page.goto('/');
    await page.getByTestId('entry-cases').click();
    await page.waitForURL('**/my/cases');
    // the workbench is for staff: an applicant is sent back to the portal
    await page.goto('/workbench');
    await page.waitForURL('**/my');
    expect(errors).toEqual([]);
  });

  it('registers a person with a valid ID card number and signs them in', { timeout: 60_000 }, async () => {
    const { page } = await run.newPage();
    const first17 = '99010319920704321';
    const idNumber = first17 + idCardCheckChar(first17);
    await page.goto('/register');
    await page.locator('#name').fill('周晓梅');
    // a wrong check character is caught before anything is sent
    await page.locator('#idNumber').fill(first17 + (idCardCheckChar(first17) === '1' ? '2' : '1'));
    await page.locator('#idNumber').blur();
    await page.getByText('身份证号码无效').waitFor({ state: 'visible' });
    await page.locator('#idNumber').fill(idNumber);
    await page.locator('#phone').fill('13712345678');
    await page.locator('#username').fill('zhouxm');
    await page.locator('#password').fill('Yunzhou#2026');
    await page.locator('#confirm').fill('Yunzhou#2026');
    await page.getByTestId('register-submit').click();
    await page.waitForURL('**/my');
    await page.getByText('您好，周晓梅').waitFor({ state: 'visible' });
    const row = await run.server.sql<{ kind: string; id_number_mask: string }>(
      'SELECT a.kind, a.id_number_mask FROM applicant a JOIN account c ON c.id = a.account_id WHERE c.username = $1',
      ['zhouxm'],
    );
    expect(row.rows).toEqual([{ kind: 'person', id_number_mask: `990103********${idNumber.slice(-4)}` }]);
  });

  it('lets citizen2 authorize citizen1 as agent on My account, and citizen1 apply for them (代办)', { timeout: 120_000 }, async () => {
    // citizen1's ID number, as citizen2 would have it from them
    const clerk = await signIn(run.server, 'clerk1');
    const ids = Object.fromEntries(
      (await run.server.sql("SELECT name, id FROM applicant WHERE name IN ('林小雨', '何志强')")).rows.map((r) => [r.name as string, r.id as number]),
    );
    const idNumber = (await clerk.post(`/api/v1/applicants/${ids['林小雨']}/reveal`)).body.idNumber as string;

    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'citizen2');
    await page.goto('/my');
    const card = page.getByTestId('agents-card');
    await card.getByText('尚未委托代办人').waitFor({ state: 'visible' });
    // a wrong ID number is caught before anything is sent
    await page.getByTestId('agent-id').fill('110105194912310021');
    await page.getByTestId('agent-submit').click();
    await card.getByText('身份证号码无效').waitFor({ state: 'visible' });
    await page.getByTestId('agent-id').fill(idNumber);
    await page.getByTestId('agent-submit').click();
    await page.getByTestId('agent-added').waitFor({ state: 'visible' });
    await page.getByTestId('my-agents').getByText('林小雨').waitFor({ state: 'visible' });
    await screenshot(page, 'my-account-agents');

    // citizen1 sees whom they act for, and applies for 何志强: nothing of their own account is prefilled
    const citizen = await signIn(run.server, 'citizen1');
    const hit = (await citizen.get(`/api/v1/catalog/items?q=${encodeURIComponent('食品经营许可')}`)).body.items.find(
      (i: { name: string }) => i.name === '食品经营许可',
    );
    const agentPage = (await run.newPage()).page;
    await signInThroughUi(agentPage, 'citizen1');
    await agentPage.goto('/my');
    await agentPage.getByTestId('acting-for').getByText('何志强').waitFor({ state: 'visible' });
    await agentPage.goto(`/apply/${hit.code}`);
    await agentPage.locator('#entityName').waitFor({ state: 'visible' });
    expect(await agentPage.locator('#entityName').inputValue()).toBe('林小雨');
    await choose(agentPage, 'apply-as', '代 何志强');
    await agentPage.getByTestId('applying-for').getByText('您正在代“何志强”申请').waitFor({ state: 'visible' });
    expect(await agentPage.locator('#entityName').inputValue()).toBe('');
    await screenshot(agentPage, 'apply-as-agent');

    // filed for 何志强 (the form through the API): in the agent's cases and in the principal's
    const item = (await citizen.get(`/api/v1/catalog/items/${hit.code}`)).body;
    const heId = (await clerk.post(`/api/v1/applicants/${ids['何志强']}/reveal`)).body.idNumber as string;
    const filed = await citizen.post('/api/v1/cases', {
      itemCode: hit.code,
      applicantId: ids['何志强'],
      formData: sampleForm(item.content.form, heId),
      materials: sampleMaterials(item.content.materials),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    for (const [p, tag] of [
      [agentPage, '代 何志强 申请'],
      [page, '代办人提交'],
    ] as const) {
      await p.goto('/my/cases');
      const row = p.getByTestId('my-cases-table').locator('tr', { hasText: filed.body.number });
      await row.getByTestId('agent-tag').getByText(tag).waitFor({ state: 'visible' });
    }
    // revoked, the agent may no longer apply for them
    await page.goto('/my');
    await page.getByTestId('my-agents').locator('[data-testid^=agent-revoke-]').first().click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /撤\s?销/ })
      .click();
    await card.getByText('尚未委托代办人').waitFor({ state: 'visible' });
    const again = await citizen.post('/api/v1/cases', {
      itemCode: hit.code,
      applicantId: ids['何志强'],
      formData: sampleForm(item.content.form, heId),
      materials: sampleMaterials(item.content.materials),
    });
    expect(again.status).toBe(403);
    expect(errors).toEqual([]);
  });
});
