import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startBrowserRun, type BrowserRun } from './support.ts';

let run: BrowserRun;

beforeAll(async () => {
  run = await startBrowserRun();
});

afterAll(async () => {
  await run?.close();
});

/** The PDF's text as poppler extracts it, whitespace removed (line breaks fall anywhere in Chinese). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
}

describe('service catalog in the portal', () => {
  it('lets a visitor search 营业执照 from the home page, read the guide of 企业设立登记 and download its PDF', { timeout: 90_000 }, async () => {
    const { page, errors } = await run.newPage();
    await page.goto('/');
    await page.getByTestId('home-search-input').fill('营业执照');
    await page.getByTestId('home-search-submit').click();
    await page.waitForURL((url) => url.pathname === '/services' && url.searchParams.get('q') === '营业执照');
    const results = page.getByTestId('services-results');
    const hit = results.getByRole('link', { name: '企业设立登记', exact: true });
    await hit.waitFor({ state: 'visible' });
    expect(await page.getByTestId('services-total').innerText()).toMatch(/“营业执照”共找到 \d+ 个事项/);
    // the list shows the department, the kind of case, both limits and the visits
    const row = results.getByTestId('service-item').filter({ has: page.getByRole('link', { name: '企业设立登记', exact: true }) });
    const rowText = await row.innerText();
    expect(rowText).toContain('云州市市场监督管理局');
    expect(rowText).toContain('承诺件');
    expect(rowText).toContain('3 个工作日');
    expect(rowText).toContain('零跑动');
    await screenshot(page, 'catalog-services');

    await hit.click();
    await page.waitForURL('**/services/11990100MB0000002X-011100100000');
    await page.getByTestId('guide-name').getByText('企业设立登记').waitFor({ state: 'visible' });
    const materials = page.getByTestId('guide-materials');
    await materials.getByText('公司章程', { exact: true }).waitFor({ state: 'visible' });
    const materialText = await materials.innerText();
    expect(materialText).toContain('一次性告知');
    expect(materialText).toContain('住所为自有房产的');
    // identity cards come from the electronic license store: nothing to hand in
    expect(await materials.getByTestId('material-exempt').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('guide-free').innerText()).toBe('不收费');
    expect(await page.getByTestId('process-steps').innerText()).toContain('送达（统一出件）');
    expect(await page.getByTestId('guide-bundles').getByRole('link', { name: '企业开办一件事' }).isVisible()).toBe(true);
    // the day of publication as the app writes days, and the stages by the department's name
    expect(await page.getByTestId('guide-published').innerText()).toMatch(/^发布于 \d{4}\/\d{2}\/\d{2}$/);
    expect(await page.getByTestId('process-steps').innerText()).toContain('云州市市场监督管理局 · 审批人员');
    await screenshot(page, 'catalog-guide');
    // 补正期限 among the time limits: 30 days from the notice, or the application is deemed withdrawn
    const supplement = page.getByTestId('guide-supplement-period');
    expect(await supplement.innerText()).toBe('自告知补正之日起 30 个自然日内；逾期未补正的，视为撤回申请');
    await page.getByTestId('guide-limits').scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-guide-supplement-period');

    const href = await page.getByTestId('guide-pdf').getAttribute('href');
    expect(href).toBe('/api/v1/catalog/items/11990100MB0000002X-011100100000/guide.pdf');
    const response = await fetch(new URL(href!, run.server.baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('企业设立登记');
    expect(text).toContain('公司章程');
    expect(text).toContain('补正期限');
    expect(text).toContain('自告知补正之日起30个自然日内；逾期未补正的，视为撤回申请');
    expect(errors).toEqual([]);
  });

  it('finds 公共租赁住房保障资格审核 for 公租房, and offers other words when nothing matches', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await page.goto('/services?q=' + encodeURIComponent('火星移民'));
    await page.getByTestId('services-empty').getByText('没有找到与“火星移民”相关的事项').waitFor({ state: 'visible' });
    // a suggested word searches at once and lands in the URL
    await page.getByRole('button', { name: '公租房' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '公租房');
    const first = page.getByTestId('service-item').first();
    await first.getByRole('link', { name: '公共租赁住房保障资格审核' }).waitFor({ state: 'visible' });

    // filters narrow the list and travel in the URL: theme 住房 for individuals
    await page.goto('/services?theme=' + encodeURIComponent('住房') + '&audience=person');
    await page.getByTestId('services-results').getByRole('link', { name: '公共租赁住房保障资格审核' }).waitFor({ state: 'visible' });
    const names = await page.getByTestId('service-item').locator('.svc-item-name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(await page.getByTestId('services-themes').locator('.ant-tag-checkable-checked').innerText()).toContain('住房');
    expect(errors).toEqual([]);
  });

  it('shows a bundle with one committed limit, the merged materials and the hand-ins saved', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await page.goto('/bundles');
    await page.getByTestId('bundle-card').filter({ hasText: '企业开办一件事' }).click();
    await page.waitForURL('**/bundles/B-QYKB-001');
    const facts = page.getByTestId('bundle-facts');
    await facts.waitFor({ state: 'visible' });
    const factText = await facts.innerText();
    expect(factText).toContain('一件事承诺时限');
    expect(factText).toContain('各事项承诺时限合计');
    expect(await page.getByTestId('bundle-saved').innerText()).toMatch(/^\d+ 份$/);
    const items = await page.getByTestId('bundle-items').innerText();
    for (const name of ['企业设立登记', '公章刻制备案', '单位社会保险登记']) expect(items).toContain(name);
    expect(items).toContain('云州市公安局');
    expect(await page.getByTestId('bundle-materials').innerText()).toContain('少交');
    await screenshot(page, 'catalog-bundle');
    expect(errors).toEqual([]);
  });

  it('lists the power list by organization and type, with the PDF a link away', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await page.goto('/services');
    await page.getByTestId('link-power-list').click();
    await page.waitForURL('**/power-list');
    const table = page.getByTestId('power-list-table');
    await table.getByRole('link', { name: '企业设立登记' }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('power-summary').innerText()).toMatch(/共 \d+ 项权力，涉及 \d+ 个部门/);
    // one cell spans the organization's rows
    const orgCell = table.locator('td', { hasText: '云州市市场监督管理局' }).first();
    expect(Number(await orgCell.getAttribute('rowspan'))).toBeGreaterThan(1);
    const href = await page.getByTestId('power-list-pdf').getAttribute('href');
    const response = await fetch(new URL(href!, run.server.baseUrl));
    expect(response.headers.get('content-type')).toContain('application/pdf');
    await screenshot(page, 'catalog-power-list');
    expect(errors).toEqual([]);
  });

  it('reads a guide in English', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await page.goto('/services/11990100MB0000007D-071600100000?lang=en');
    await page.getByTestId('guide-materials').getByText('Materials (one-time notice)').waitFor({ state: 'visible' });
    expect(await page.getByTestId('guide-materials').innerText()).toContain('No need to hand in');
    expect(await page.getByTestId('guide-fees').innerText()).toContain('不动产登记费');
    expect(await page.getByTestId('guide-supplement-period').innerText()).toBe(
      'Within 15 working days of being told what to supplement; an application not supplemented by then is deemed withdrawn',
    );
    // the materials fit the guide's column on a desktop: the source's note is read in full, not scrolled to
    const table = await page
      .getByTestId('guide-materials')
      .locator('.ant-table-content')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(table.scroll).toBeLessThanOrEqual(table.client);
    expect(await page.getByTestId('guide-validity').innerText()).toBe('No expiry date');
    expect(await page.getByTestId('guide-published').innerText()).toMatch(/^Published \d{4}\/\d{2}\/\d{2}$/);
    // who acts at each stage starts with a capital or the department's name, never "service center"
    const steps = await page.getByTestId('process-steps').innerText();
    expect(steps).toContain('Service center · Clerk');
    expect(steps).toContain('云州市自然资源和规划局 · Approver');
    expect(steps).not.toMatch(/(^|\n)[a-z]/);
    // "Online pre-review" breaks between its words, never at the hyphen
    const depth = page.locator('.guide-facts dd .nowrap', { hasText: 'pre-review' });
    expect(await depth.evaluate((el) => el.getClientRects().length)).toBe(1);
    await screenshot(page, 'catalog-guide-en');
    expect(errors).toEqual([]);
  });
});
