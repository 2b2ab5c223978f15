import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn, type Client, type TestServer } from '../harness.ts';
import { sampleForm, sampleMaterials } from '../factories.ts';
import { choose, startBrowserRun, writePdf, type BrowserRun } from './support.ts';

/**
 * 食品经营许可 as the browser stories of its practices use it (告知承诺制, 容缺受理, its license's renewal and
 * cancellation): the demo enterprise that applies for it, and its form as the enterprise fills it in.
 */

export interface FoodStory {
  run: BrowserRun;
  /** the run's own directory: uploads land there, not in the checkout's data/ */
  dataDir: string;
  /** a PDF to upload, when the story asked for one */
  pdfPath: string;
  creditCode: string;
  foodItemCode: string;
  close(): Promise<void>;
}

/** A browser run for a 食品经营许可 story (`label` names its directory), with a PDF named `pdf` to upload. */
export async function startFoodStory(label: string, pdf?: { name: string; text: string }): Promise<FoodStory> {
  const run = await startBrowserRun(label);
  return {
    run,
    dataDir: run.dir,
    pdfPath: pdf ? writePdf(run.dir, pdf.name, pdf.text) : '',
    creditCode: await enterpriseCreditCode(run.server),
    foodItemCode: (await publishedItem(run.server, '食品经营许可')).code,
    close: () => run.close(),
  };
}

/** The item of the demo catalog published under `name` (the city's own, not a delegated copy). */
export async function publishedItem(server: TestServer, name: string): Promise<{ id: number; code: string }> {
  const { rows } = await server.sql<{ id: number; code: string }>(
    'SELECT i.id, i.code FROM item i JOIN item_version v ON v.id = i.published_version_id WHERE v.name = $1 AND i.parent_item_id IS NULL ORDER BY i.id',
    [name],
  );
  return rows[0]!;
}

/** The credit code of 云州青禾食品有限公司 (enterprise1), in full: the form takes it typed whole. */
export async function enterpriseCreditCode(server: TestServer): Promise<string> {
  const clerk = await signIn(server, 'clerk1');
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '云州青禾食品有限公司'");
  return (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber as string;
}

/**
 * The 食品经营许可 form as the enterprise fills it in: its name is prefilled, and its own credit code is shown masked,
 * filled by the server from its record (实名), not typed.
 */
export async function fillFoodForm(page: Page, creditCode: string) {
  expect(await page.locator('#entityName').inputValue()).toBe('云州青禾食品有限公司');
  expect(await page.getByTestId('sf-bound-creditCode').inputValue()).toBe(`${creditCode.slice(0, 6)}********${creditCode.slice(-4)}`);
  expect(await page.locator('#creditCode').count()).toBe(0);
  await page.locator('#legalRepresentative').fill('林国栋');
  await page.locator('#premisesAddress').fill('云州市青川区湖滨路 18 号一层');
  await choose(page, 'operatorCategory', '餐饮服务经营者');
  await choose(page, 'businessItems', '热食类食品制售', true);
  await page.locator('#premisesArea').fill('120');
  await page.locator('#safetyOfficer').fill('林国栋');
  await page.locator('#contactPhone').fill('13600000003');
}

/** Accept (clerk1) and approve every open task (head1) until the case is concluded: its license is issued. */
export async function grantThrough(server: TestServer, caseId: number) {
  const clerk = await signIn(server, 'clerk1');
  const head = await signIn(server, 'head1');
  const act = (c: typeof clerk, body: Record<string, unknown>) => c.post(`/api/v1/cases/${caseId}/actions`, body);
  const accepted = await act(clerk, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  let kase = accepted.body as { status: string; tasks: { id: number; state: string }[] };
  for (let open = kase.tasks.find((t) => t.state === 'open'); open; open = kase.tasks.find((t) => t.state === 'open')) {
    const r = await act(head, { action: 'approve', taskId: open.id, opinion: '同意' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    kase = r.body;
  }
  expect(kase.status).toBe('concluded');
}

/** Uploads `pdfPath` as each material of `keys` and takes the business license and the ID card from the enterprise's licenses. */
export async function handInFoodMaterials(page: Page, pdfPath: string, keys = ['application_form', 'premises_layout', 'food_safety_rules']) {
  for (const key of keys) {
    const row = page.locator(`[data-testid=materials-input] [data-material=${key}]`);
    await row.locator('input[type=file]').setInputFiles(pdfPath);
    await row.getByText(path.basename(pdfPath)).waitFor({ state: 'visible' });
  }
  await page.getByTestId('use-license-business_license').click();
  await page.getByTestId('use-license-id_card').click();
}

/** Once an application went (its number shown): opens its case page; answers the case's id and number. */
export async function openSubmittedCase(page: Page): Promise<{ id: number; number: string }> {
  const number = (await page.getByTestId('case-number').locator('.mono').innerText()).trim();
  await page.getByTestId('view-case').click();
  await page.waitForURL(/\/my\/cases\/\d+$/);
  return { id: Number(new URL(page.url()).pathname.split('/').pop()), number };
}

/** As a signed-in clerk: 综合受理 → 窗口收件 of the item, with 云州青禾食品有限公司 picked as the applicant. */
export async function receiveEnterpriseAtWindow(page: Page, itemCode: string) {
  await page.goto(`/workbench/intake?tab=window&item=${itemCode}`);
  await page.getByTestId('applicant-search').locator('input').fill('云州青禾食品有限公司');
  await page.getByTestId('applicant-search').locator('input').press('Enter');
  await page.getByTestId('applicant-pick').first().click();
  await page.getByTestId('picked-applicant').getByText('云州青禾食品有限公司').waitFor({ state: 'visible' });
}

/** The licenses `client` holds (GET /licenses), as the story types them. */
export async function heldLicenses<T>(client: Client): Promise<T[]> {
  const r = await client.get('/api/v1/licenses');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as T[];
}

/** A license's row on 我的证照. */
export const licenseRow = (page: Page, id: number) => page.getByTestId('licenses-table').locator(`tr[data-license="${id}"]`);

/** A step of the case's timeline on its page. */
export const caseEvent = (page: Page, type: string) => page.getByTestId('case-timeline').locator(`.case-event[data-event=${type}]`);

/** enterprise1 applies for 食品经营许可 through the API, its form and materials as the item asks: the case filed. */
export async function applyForFood(server: TestServer, itemCode: string): Promise<{ status: number; body: { id: number; number: string } }> {
  const enterprise = await signIn(server, 'enterprise1');
  const item = (await enterprise.get(`/api/v1/catalog/items/${itemCode}`)).body;
  expect(item.content.resultValidity).toEqual({ value: 5, unit: 'year' });
  const applied = await enterprise.post('/api/v1/cases', {
    itemCode,
    formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
    materials: sampleMaterials(item.content.materials),
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  return applied;
}
