import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { runWrite } from '../../server/write.ts';
import { systemActor } from '../../server/access.ts';
import { describeClock, extendClock, pauseClock, resumeClock, startClock, stopClock } from './clocks.service.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const get = async (path: string) => {
  const r = await fetch(server.baseUrl + path);
  return { status: r.status, body: (await r.json()) as any };
};
const cst = (s: string) => new Date(`${s}+08:00`);

describe('deadline API', () => {
  it('computes a 20-working-day limit across Spring Festival 2026 and explains the skipped days', async () => {
    const r = await get('/api/v1/calendar/deadline?start=2026-02-06&days=20&unit=workday');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ due: '2026-03-12', workdays: 20, unpublishedYears: [] });
    expect(r.body.skipped.find((s: { date: string }) => s.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      reason: 'makeup_workday',
      name: '春节调休上班',
    });
  });

  it('counts natural days and working hours', async () => {
    expect((await get('/api/v1/calendar/deadline?start=2026-09-30&days=5&unit=day')).body.due).toBe('2026-10-05');
    const hours = await get(`/api/v1/calendar/deadline?start=${encodeURIComponent('2026-11-27T16:30:00+08:00')}&days=2&unit=workhour`);
    // Friday 16:30 leaves one office hour (to 17:30); the second is Monday 09:00–10:00
    expect(hours.body.due).toBe('2026-11-30T10:00:00+08:00');
  });

  it('warns when a period runs into a year without a published arrangement', async () => {
    const r = await get('/api/v1/calendar/deadline?start=2026-12-20&days=20');
    expect(r.body.unpublishedYears).toEqual([2027]);
  });

  it('counts working days in (from, to] and lists a year', async () => {
    expect((await get('/api/v1/calendar/workdays?from=2025-09-26&to=2025-10-10')).body.workdays).toBe(5);
    const year = await get('/api/v1/calendar/days?year=2026');
    expect(year.body.published).toBe(true);
    expect(year.body.workdays).toBe(248); // 261 weekdays − 19 weekday holidays + 6 make-up days
    expect(year.body.days.filter((d: { kind: string }) => d.kind === 'makeup_workday').map((d: { date: string }) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('rejects bad input with 400', async () => {
    expect((await get('/api/v1/calendar/deadline?start=2026-02-30&days=3')).status).toBe(400);
    expect((await get('/api/v1/calendar/deadline?start=2026-02-03&days=-1')).status).toBe(400);
    expect((await get('/api/v1/calendar/deadline?start=2026-02-03&days=3&region=123')).status).toBe(400);
    expect((await get('/api/v1/calendar/workdays?from=x&to=2026-01-01')).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('clocks', () => {
  it('pauses for supplements, resumes, extends and stops, with both limits tracked', async () => {
    const clock = await runWrite(server.db, systemActor, (ctx) =>
      startClock(ctx, {
        ownerType: 'test',
        ownerId: 'a1',
        regionId: null,
        startedAt: cst('2026-03-02T10:00:00'),
        committed: { limit: 5, unit: 'workday' },
        legal: { limit: 20, unit: 'workday' },
      }),
    );
    let view = await describeClock(server.db, clock.id, cst('2026-03-03T10:00:00').getTime());
    expect(view.committed).toMatchObject({ dueAt: cst('2026-03-10T00:00:00').toISOString(), elapsed: 1, remaining: 4 });
    expect(view.legal!.dueAt).toBe(cst('2026-03-31T00:00:00').toISOString());

    await runWrite(server.db, systemActor, (ctx) =>
      pauseClock(ctx, clock.id, { reason: 'supplement', note: '缺营业执照复印件', at: cst('2026-03-03T15:00:00') }),
    );
    await runWrite(server.db, systemActor, (ctx) => resumeClock(ctx, clock.id, { at: cst('2026-03-06T09:00:00') }));
    view = await describeClock(server.db, clock.id, cst('2026-03-06T10:00:00').getTime());
    // paused Mar 4, 5, 6: three working days not counted
    expect(view.committed).toMatchObject({ paused: 3, dueAt: cst('2026-03-13T00:00:00').toISOString() });

    await runWrite(server.db, systemActor, (ctx) =>
      extendClock(ctx, clock.id, { appliesTo: 'legal', amount: 10, reason: '情况复杂，经负责人批准', approvedBy: 1 }),
    );
    view = await describeClock(server.db, clock.id, cst('2026-03-06T10:00:00').getTime());
    expect(view.legal).toMatchObject({ extension: 10, paused: 3 });
    // 20 + 10 + 3 working days from Mon 03-02, skipping Qingming (04-06): Fri 04-17
    expect(view.legal!.dueAt).toBe(cst('2026-04-18T00:00:00').toISOString());

    await runWrite(server.db, systemActor, (ctx) => stopClock(ctx, clock.id, { at: cst('2026-03-16T11:00:00') }));
    view = await describeClock(server.db, clock.id, cst('2026-05-01T00:00:00').getTime());
    expect(view.state).toBe('stopped');
    expect(view.committed).toMatchObject({ isOverdue: true, elapsed: 7 });
    expect(view.legal!.isOverdue).toBe(false);
    expect(view.changes.map((c) => c.kind)).toEqual(['started', 'paused', 'resumed', 'extended', 'stopped']);
  });

  it('lets one of a concurrent pause and resume win; the other gets a conflict', async () => {
    const clock = await runWrite(server.db, systemActor, (ctx) =>
      startClock(ctx, { ownerType: 'test', ownerId: 'race', regionId: null, committed: { limit: 5, unit: 'workday' } }),
    );
    const results = await Promise.allSettled([
      runWrite(server.db, systemActor, (ctx) => pauseClock(ctx, clock.id, { reason: 'hearing', expectedVersion: clock.version })),
      runWrite(server.db, systemActor, (ctx) => pauseClock(ctx, clock.id, { reason: 'inspection', expectedVersion: clock.version })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.code).toMatch(/CONFLICT|DUPLICATE/);
    expect((await server.sql('SELECT count(*)::int AS n FROM clock_pause WHERE clock_id = $1', [clock.id])).rows[0].n).toBe(1);
  });

  it('indexes the next moment a clock needs attention and clears it while paused', async () => {
    const clock = await runWrite(server.db, systemActor, (ctx) =>
      startClock(ctx, { ownerType: 'test', ownerId: 'attn', regionId: null, startedAt: cst('2030-03-04T09:00:00'), committed: { limit: 5, unit: 'workday' } }),
    );
    // a week without holidays, still ahead of the clock on the wall (the index holds the next moment to come):
    // due at the end of Mon 2030-03-11; yellow at the start of Fri 03-08, when 4 of the 5 days (80 %) are used
    expect(clock.next_attention_at?.toISOString()).toBe(cst('2030-03-08T00:00:00').toISOString());
    expect(clock.warn_at?.toISOString()).toBe(cst('2030-03-08T00:00:00').toISOString());
    const paused = await runWrite(server.db, systemActor, (ctx) => pauseClock(ctx, clock.id, { reason: 'expert_review' }));
    expect(paused.next_attention_at).toBeNull();
  });
});

describe('calendar administration', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270104',
    'SUMMARY:元旦(休)',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270109',
    'DTEND;VALUE=DATE:20270110',
    'SUMMARY:元旦(班)',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('previews an import (nothing saved) and then imports it, recomputing open deadlines', async () => {
    const clock = await runWrite(server.db, systemActor, (ctx) =>
      startClock(ctx, {
        ownerType: 'test',
        ownerId: 'import',
        regionId: null,
        startedAt: cst('2026-12-28T10:00:00'),
        committed: { limit: 5, unit: 'workday' },
      }),
    );
    expect(clock.committed_due_at?.toISOString()).toBe(cst('2027-01-05T00:00:00').toISOString());
    const admin = await signIn(server, 'sysadmin');
    const preview = await admin.post('/api/v1/calendar/import/preview', { format: 'ics', content: ics });
    expect(preview.status).toBe(200);
    expect(preview.body.diff.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-09']);
    expect(preview.body.movedClocks).toBeGreaterThanOrEqual(1);
    expect((await get('/api/v1/calendar/days?year=2027')).body.published).toBe(false);

    const done = await admin.post('/api/v1/calendar/import', { format: 'ics', content: ics });
    expect(done.status).toBe(200);
    expect((await get('/api/v1/calendar/days?year=2027')).body.published).toBe(true);
    const view = await describeClock(server.db, clock.id);
    expect(view.committed!.dueAt).toBe(cst('2027-01-06T00:00:00').toISOString());
    expect(view.changes.at(-1)).toMatchObject({ kind: 'recomputed', committedDueBefore: cst('2027-01-05T00:00:00').toISOString() });
  });

  it('imports a spreadsheet for a district, which applies only to that district', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('节假日');
    sheet.addRow(['日期', '类型', '名称']);
    sheet.addRow(['2026-12-07', '休', '青川区地方节日']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const admin = await signIn(server, 'districtadmin');
    const r = await admin.post('/api/v1/calendar/import', { region: '990102000000', format: 'xlsx', content });
    expect(r.status).toBe(200);
    expect((await get('/api/v1/calendar/deadline?start=2026-12-04&days=1&region=990102000000')).body.due).toBe('2026-12-08');
    expect((await get('/api/v1/calendar/deadline?start=2026-12-04&days=1&region=990103000000')).body.due).toBe('2026-12-07');
    const other = await admin.post('/api/v1/calendar/import', { region: '990103000000', format: 'xlsx', content });
    expect(other.status).toBe(404);
    const national = await admin.put('/api/v1/calendar/days', { days: [{ date: '2026-12-08', kind: 'holiday', name: '越权' }] });
    expect(national.status).toBe(403);
  });

  it('reports bad spreadsheet rows with their numbers and saves nothing', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    sheet.addRow(['日期', '类型', '名称']);
    sheet.addRow(['2026-13-01', '休', '坏日期']);
    sheet.addRow(['2026-12-10', '不知道', '坏类型']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const admin = await signIn(server, 'centeradmin');
    const r = await admin.post('/api/v1/calendar/import', { region: '990100000000', format: 'xlsx', content });
    expect(r.status).toBe(400);
    expect(r.body.error.details.rows.map((x: { row: number }) => x.row)).toEqual([2, 3]);
  });
});
