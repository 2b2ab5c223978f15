import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followMenu, screenshot, signInThroughUi, startBrowserRun, type BrowserRun } from './support.ts';

let run: BrowserRun;

beforeAll(async () => {
  run = await startBrowserRun();
});

afterAll(async () => {
  await run?.close();
});

/** A city's own arrangement for 2026: two days off for 三月三 and a Saturday worked in exchange. */
const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Yunzhou//Holidays//ZH',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260303',
  'DTEND;VALUE=DATE:20260305',
  'SUMMARY:三月三（休）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260307',
  'DTEND;VALUE=DATE:20260308',
  'SUMMARY:三月三调休（班）',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('working-day calendar in the workbench', () => {
  it(
    'shows 2026 with the 春节 holidays and the 2026-02-14 make-up day, and lets a center administrator preview and import an .ics',
    { timeout: 90_000 },
    async () => {
      const { page, errors } = await run.newPage();
      await signInThroughUi(page, 'centeradmin');
      await followMenu(page, '工作日历', '节假日安排', '/workbench/calendar');
      await page.goto('/workbench/calendar?year=2026');
      const grid = page.getByTestId('calendar-year-grid');
      const newYear = grid.locator('[data-date="2026-02-17"]');
      await newYear.waitFor({ state: 'visible' });
      expect(await newYear.getAttribute('class')).toContain('cal-holiday');
      expect(await newYear.getAttribute('data-name')).toBe('春节');
      const makeup = grid.locator('[data-date="2026-02-14"]');
      expect(await makeup.getAttribute('class')).toContain('cal-makeup');
      expect(await makeup.getAttribute('data-name')).toBe('春节调休上班');
      // the name shows on hover
      await makeup.hover();
      await page.getByRole('tooltip').getByText('春节调休上班（上班）').waitFor({ state: 'visible' });
      expect(await page.getByTestId('calendar-workdays').innerText()).toContain('248 天');
      expect(await page.getByTestId('calendar-periods').innerText()).toContain('2 月 15 日 至 2 月 23 日，共 9 天');
      await page.mouse.move(0, 0);
      await screenshot(page, 'calendar-year');

      // the administrator of 云州市 imports into the city's own calendar
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'ow-ics-')), 'yunzhou-2026.ics');
      writeFileSync(file, ics);
      await page.getByTestId('calendar-import').click();
      expect(await page.getByTestId('import-target').innerText()).toBe('云州市');
      await page.getByTestId('import-file').setInputFiles(file);
      const diff = page.getByTestId('import-diff');
      await diff.waitFor({ state: 'visible' });
      const diffText = await diff.innerText();
      expect(diffText).toContain('2026-03-03');
      expect(diffText).toContain('2026-03-04');
      expect(diffText).toContain('2026-03-07');
      expect(diffText).toContain('三月三');
      expect(await page.getByTestId('import-moved').innerText()).toMatch(/^\d+ 个在办时限将顺延\/变化$/);
      await screenshot(page, 'calendar-import-preview');
      await page.getByTestId('import-confirm').click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const local = grid.locator('[data-date="2026-03-03"]');
      await expect.poll(async () => local.getAttribute('class')).toContain('cal-holiday');
      expect(await local.getAttribute('class')).toContain('cal-regional');
      expect(await grid.locator('[data-date="2026-03-07"]').getAttribute('class')).toContain('cal-makeup');

      // a year without a published arrangement is called out
      await page.goto('/workbench/calendar?year=2027');
      await page.getByTestId('calendar-unpublished').getByText('2027 年尚未发布节假日安排').waitFor({ state: 'visible' });
      expect(errors).toEqual([]);
    },
  );

  it('computes 2026-03-12 for 20 working days from 2026-02-06, with the days skipped and why', { timeout: 60_000 }, async () => {
    const { page, errors } = await run.newPage();
    await signInThroughUi(page, 'clerk1');
    await followMenu(page, '工作日历', '时限计算', '/workbench/calendar/deadline');
    // the day typed as 2026-02-06, shown as the app writes days
    await page.locator('#deadline-start').fill('2026-02-06');
    await page.locator('#deadline-start').press('Enter');
    expect(await page.locator('#deadline-start').inputValue()).toBe('2026/02/06');
    await page.locator('#deadline-days').fill('20');
    await page.getByTestId('deadline-compute').click();
    const due = page.getByTestId('deadline-due');
    await due.waitFor({ state: 'visible' });
    expect(await due.innerText()).toBe('2026/03/12');
    expect(await page.getByTestId('deadline-workdays').innerText()).toBe('20 天');
    expect(await page.getByTestId('deadline-natural').innerText()).toBe('34 天');
    const skipped = await page.getByTestId('deadline-skipped').innerText();
    expect(skipped).toContain('节假日：春节');
    expect(skipped).toContain('调休上班（计入工作日）：春节调休上班');
    expect(skipped).toContain('周末');
    expect(await page.getByTestId('deadline-unpublished').count()).toBe(0);
    await screenshot(page, 'calendar-deadline');

    // working hours: Friday 16:00 + 3 hours runs into the Saturday worked for 春节
    await page.getByTestId('deadline-unit').getByText('工作小时').click();
    await page.locator('#deadline-start').fill('2026-02-13');
    await page.locator('#deadline-start').press('Enter');
    await page.locator('#deadline-time').fill('16:00');
    await page.locator('#deadline-days').fill('3');
    await page.getByTestId('deadline-compute').click();
    await expect.poll(async () => due.innerText()).toBe('2026/02/14 10:30');

    // a deadline running into an unpublished year says so
    await page.goto('/workbench/calendar/deadline?start=2026-12-20&days=30&unit=workday');
    await page.getByTestId('deadline-unpublished').getByText('2027 年尚未发布节假日安排', { exact: false }).waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });
});
