import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent, sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { lapseUnsupplemented, remindSupplementDue } from './reminders.ts';

/**
 * 补正期限: an item may set how long its applicants have to hand in what a one-time notice or a request for
 * supplements asks. The day is set when it is asked, printed on the notice and told to the applicant; three working
 * days before it the applicant is reminded; once it has passed with nothing handed in the application is deemed
 * withdrawn (视为撤回申请) by the nightly sweep, and materials come too late.
 */
let server: TestServer;
let citizen: Client;
let clerk: Client;
let approver: Client;
let withPeriod: string;
let withoutPeriod: string;
const reader = pdfReader();
const form = { applicantName: '林小雨', idNumber: '', phone: '13600000001' };
const complete = [
  { key: 'application_form', reference: 'upload:application.pdf' },
  { key: 'business_license', fromLicense: true },
];

type Kase = {
  id: number;
  status: string;
  version: number;
  supplementDueAt: string | null;
  clock: { state: string } | null;
  tasks: { id: number; name: string; state: string }[];
  materials: { key: string; status: string; round: number }[];
  timeline: { type: string; actor: unknown; payload: Record<string, unknown> }[];
};
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
const read = async (c: Client, id: number) => (await c.get(`/api/v1/cases/${id}`)).body as Kase;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The day a deadline instant ends, in China's time. */
const dayOf = (iso: string) => new Date(Date.parse(iso) - 1 + 8 * 3_600_000).toISOString().slice(0, 10);
const deadline = async (days: number) =>
  ((await (await fetch(`${server.baseUrl}/api/v1/calendar/deadline?start=${today()}&days=${days}`)).json()) as { due: string }).due;
const messages = async (title: string, caseId: number) =>
  (
    await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'citizen1' AND m.title->>'zh-CN' = $1 AND m.link = $2",
      [title, `/my/cases/${caseId}`],
    )
  ).rows.map((r) => r.body as string);

async function publish(name: string, baseCode: string, supplementPeriod?: { value: number; unit: 'workday' | 'day' }) {
  const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', {
    organizationId: market,
    baseCode,
    content: itemContent({ name, audience: ['person', 'enterprise'], ...(supplementPeriod ? { supplementPeriod } : {}) }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`)).status).toBe(200);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

async function applied(itemCode = withPeriod) {
  const r = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials: complete });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

/** Applied for, and given a one-time notice asking for the lease contract. */
async function noticed(itemCode = withPeriod) {
  const id = await applied(itemCode);
  const r = await act(clerk, id, { action: 'notice', items: [{ key: 'lease_contract', note: '经营场所为租赁，请补充租赁合同' }] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Kase;
}

beforeAll(async () => {
  server = await startTestServer();
  [citizen, clerk, approver] = await Promise.all(['citizen1', 'clerk1', 'approver1'].map((u) => signIn(server, u)));
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  form.idNumber = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber;
  withPeriod = await publish('测试补正期限许可', '019900000610', { value: 5, unit: 'workday' });
  withoutPeriod = await publish('测试无补正期限许可', '019900000620');
});
afterAll(async () => {
  await server?.close();
  reader.close();
});

describe('the supplement period (补正期限)', () => {
  it('is set by a one-time notice from the item, printed on the notice and told to the applicant', async () => {
    const kase = await noticed();
    expect(kase.status).toBe('notified');
    expect(kase.supplementDueAt).not.toBeNull();
    // five working days from today, by the region's calendar
    expect(dayOf(kase.supplementDueAt!)).toBe(await deadline(5));
    expect(kase.timeline.find((e) => e.type === 'notified')?.payload).toMatchObject({ supplementDueAt: kase.supplementDueAt });
    // the window's pre-review list shows it
    const listed = (await clerk.get('/api/v1/cases?queue=prereview&limit=200')).body.items as { id: number; supplementDueAt: string | null }[];
    expect(listed.find((c) => c.id === kase.id)?.supplementDueAt).toBe(kase.supplementDueAt);

    const docs = (await citizen.get(`/api/v1/cases/${kase.id}/documents`)).body.items as { id: number; kind: string; url: string }[];
    const text = (
      await reader.pdfText(
        server,
        citizen,
        kase.id,
        docs.find((d) => d.kind === 'one_time_notice')!,
      )
    ).replace(/\s+/g, '');
    const [y, m, d] = dayOf(kase.supplementDueAt!).split('-').map(Number);
    expect(text).toContain(`请于${y}年${m}月${d}日前一次性补正上述材料`);
    expect(text).toContain('逾期未补正的，视为撤回申请');

    await server.drainOutbox();
    expect(await messages('一次性告知', kase.id)).toEqual([expect.stringContaining(`请于 ${dayOf(kase.supplementDueAt!)} 前补正，逾期未补正的，视为撤回申请`)]);
  });

  it('ends when the materials are handed in within it', async () => {
    const kase = await noticed();
    const done = await act(citizen, kase.id, { action: 'supplement', materials: [{ key: 'lease_contract', reference: 'upload:lease.pdf' }] });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'submitted', supplementDueAt: null });
    // nothing left to lapse
    await lapseUnsupplemented(server.db, Date.parse(kase.supplementDueAt!) + 60_000);
    expect((await read(citizen, kase.id)).status).toBe('submitted');
  });

  it('is not set when the item names none, and such a case waits without end', async () => {
    const kase = await noticed(withoutPeriod);
    expect(kase).toMatchObject({ status: 'notified', supplementDueAt: null });
    const docs = (await citizen.get(`/api/v1/cases/${kase.id}/documents`)).body.items as { id: number; kind: string; url: string }[];
    expect(
      await reader.pdfText(
        server,
        citizen,
        kase.id,
        docs.find((d) => d.kind === 'one_time_notice')!,
      ),
    ).not.toContain('视为撤回');
    await lapseUnsupplemented(server.db, Date.now() + 365 * 86_400_000);
    expect((await read(clerk, kase.id)).status).toBe('notified');
  });

  it('reminds the applicant once, three working days before it ends', async () => {
    const kase = await noticed();
    const due = Date.parse(kase.supplementDueAt!);
    const reminders = async () => (await read(citizen, kase.id)).timeline.filter((e) => e.type === 'supplement_reminded');
    // five working days off: not yet
    await remindSupplementDue(server.db);
    expect(await reminders()).toEqual([]);
    // the day before it ends: reminded, naming the day and what was asked
    await remindSupplementDue(server.db, due - 86_400_000);
    expect(await reminders()).toEqual([
      expect.objectContaining({
        actor: null,
        payload: { dueAt: kase.supplementDueAt, materials: [{ key: 'lease_contract', name: '场所租赁合同' }] },
      }),
    ]);
    // once
    await remindSupplementDue(server.db, due - 3_600_000);
    expect(await reminders()).toHaveLength(1);
    await server.drainOutbox();
    expect(await messages('补正期限即将届满', kase.id)).toEqual([expect.stringContaining('“场所租赁合同”；逾期未补正的，视为撤回申请')]);
  });

  it('tells the window how many periods end today (今日工作)', async () => {
    const endsToday = async () => (await clerk.get('/api/v1/cases/today')).body.intake.supplementEndsToday as number;
    const before = await endsToday();
    const kase = await noticed();
    // five working days off: not today's
    expect(await endsToday()).toBe(before);
    // its last day today: midnight tonight in China
    const tonight = new Date(Date.parse(`${today()}T00:00:00+08:00`) + 86_400_000);
    await server.sql('UPDATE kase SET supplement_due_at = $2 WHERE id = $1', [kase.id, tonight]);
    expect(await endsToday()).toBe(before + 1);
  });

  it('once passed, takes no more materials (409) and changes nothing', async () => {
    const kase = await noticed();
    // the day has passed, and the nightly sweep has not yet run
    await server.sql("UPDATE kase SET supplement_due_at = now() - interval '1 minute' WHERE id = $1", [kase.id]);
    const late = await act(citizen, kase.id, { action: 'supplement', materials: [{ key: 'lease_contract', reference: 'upload:lease.pdf' }] });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'SUPPLEMENT_PERIOD_ENDED', details: { dueAt: expect.any(String) } });
    const after = await read(citizen, kase.id);
    expect(after).toMatchObject({ status: 'notified', version: kase.version });
    expect(after.materials.filter((m) => m.key === 'lease_contract').at(-1)?.status).toBe('missing');
  });

  it('deems a notified application withdrawn once it has passed (视为撤回申请), and tells the applicant', async () => {
    const kase = await noticed();
    const other = await noticed();
    const due = Date.parse(kase.supplementDueAt!);
    // not before the end of its last day
    await lapseUnsupplemented(server.db, due - 60_000);
    expect((await read(clerk, kase.id)).status).toBe('notified');

    const lapsed = await lapseUnsupplemented(server.db, due + 5 * 60_000);
    expect(lapsed).toBeGreaterThanOrEqual(2);
    for (const id of [kase.id, other.id]) {
      const after = await read(citizen, id);
      expect(after).toMatchObject({ status: 'withdrawn', supplementDueAt: null });
      expect(after.timeline.at(-1)).toMatchObject({ type: 'withdrawn', actor: null, payload: { reason: null, lapsed: true } });
    }
    expect((await read(citizen, kase.id)).timeline.at(-1)?.payload.dueAt).toBe(kase.supplementDueAt);
    // counted with the returned cases (退回件)
    expect(((await read(clerk, kase.id)) as Kase & { kinds: string[] }).kinds).toContain('returned');
    // and no more materials
    expect((await act(citizen, kase.id, { action: 'supplement', materials: [{ key: 'lease_contract', reference: 'upload:lease.pdf' }] })).status).toBe(409);
    await server.drainOutbox();
    expect(await messages('申请视为撤回', kase.id)).toEqual([expect.stringContaining(`补正期限 ${dayOf(kase.supplementDueAt!)} 已届满`)]);
    // a withdrawal of the applicant's own is not told back
    const own = await applied();
    expect((await act(citizen, own, { action: 'withdraw', reason: '暂不办理' })).status).toBe(200);
    await server.drainOutbox();
    expect(await messages('申请视为撤回', own)).toEqual([]);
  });

  it('runs for a request for supplements during review: the case lapses with its tasks and clock', async () => {
    const id = await applied();
    let kase = (await act(clerk, id, { action: 'accept' })).body as Kase;
    const task = kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed')!;
    const asked = await act(approver, id, { action: 'request_supplement', taskId: task.id, items: [{ key: 'lease_contract', note: '请补充租赁合同' }] });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    kase = asked.body as Kase;
    expect(kase.status).toBe('awaiting_supplement');
    expect(dayOf(kase.supplementDueAt!)).toBe(await deadline(5));
    expect(kase.timeline.find((e) => e.type === 'supplement_requested')?.payload).toMatchObject({ supplementDueAt: kase.supplementDueAt });

    expect(await lapseUnsupplemented(server.db, Date.parse(kase.supplementDueAt!) + 60_000)).toBeGreaterThanOrEqual(1);
    const after = await read(clerk, id);
    expect(after.status).toBe('withdrawn');
    expect(after.tasks.filter((t) => t.state === 'open' || t.state === 'claimed')).toEqual([]);
    expect(after.clock?.state).toBe('stopped');
    // the approver's inbox no longer holds it
    expect(((await approver.get('/api/v1/tasks?mine=true')).body.items as { caseId: number }[]).map((t) => t.caseId)).not.toContain(id);
  });

  it('is extended by the window once, with a reason, and the applicant told (延长补正期限)', async () => {
    const kase = await noticed();
    const extend = (c: Client, body: object) => act(c, kase.id, { action: 'extend_supplement', ...body });
    // bad input and the wrong hands change nothing
    expect((await extend(clerk, { workdays: 0, reason: '申请人出差' })).status).toBe(400);
    expect((await extend(clerk, { workdays: 5 })).status).toBe(400);
    expect((await extend(citizen, { workdays: 5, reason: '我出差了' })).status).toBe(403);
    expect((await read(clerk, kase.id)).supplementDueAt).toBe(kase.supplementDueAt);

    const extended = await extend(clerk, { workdays: 5, reason: '申请人出差，申请延期补正' });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    const to = (extended.body as Kase).supplementDueAt!;
    // five working days past the period's last day: ten from today
    expect(dayOf(to)).toBe(await deadline(10));
    expect((extended.body as Kase).timeline.at(-1)).toMatchObject({
      type: 'supplement_extended',
      payload: { from: kase.supplementDueAt, to, workdays: 5, reason: '申请人出差，申请延期补正' },
    });
    // once
    const twice = await extend(clerk, { workdays: 3, reason: '再次延期' });
    expect(twice.status).toBe(409);
    expect((await read(clerk, kase.id)).supplementDueAt).toBe(to);
    // the old day no longer lapses it
    await lapseUnsupplemented(server.db, Date.parse(kase.supplementDueAt!) + 60_000);
    expect((await read(clerk, kase.id)).status).toBe('notified');
    await server.drainOutbox();
    expect(await messages('补正期限已延长', kase.id)).toEqual([expect.stringContaining(`补正期限已延长至 ${dayOf(to)}`)]);
    // a case with no period has none to extend
    const plain = await noticed(withoutPeriod);
    expect((await act(clerk, plain.id, { action: 'extend_supplement', workdays: 5, reason: '申请人出差' })).status).toBe(409);
  });

  it('runs on a bundle application as its soonest item case’s, and the application lapses whole', async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const materials = sampleMaterials(bundle.materials);
    const r = await citizen.post('/api/v1/cases', { bundleCode: 'B-QYKB-001', formData: sampleForm(bundle.form, form.idNumber), materials });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const parentId = r.body.id as number;
    // the demo's item cases set their periods (企业设立登记 and the others)
    const asked = materials.find((m) => 'reference' in m)!;
    const noticedBundle = await act(clerk, parentId, { action: 'notice', items: [{ key: asked.key, note: '请提供清晰的原件扫描件' }] });
    expect(noticedBundle.status, JSON.stringify(noticedBundle.body)).toBe(200);
    const children = (noticedBundle.body.bundle.children as { id: number; status: string }[]).filter((c) => c.status === 'notified');
    const dues = (await Promise.all(children.map((c) => read(clerk, c.id)))).map((c) => c.supplementDueAt).filter((d): d is string => d !== null);
    expect(dues.length).toBeGreaterThan(0);
    const soonest = dues.sort()[0]!;
    expect(noticedBundle.body.supplementDueAt).toBe(soonest);

    expect(await lapseUnsupplemented(server.db, Date.parse(soonest) + 60_000)).toBeGreaterThanOrEqual(1);
    const after = await read(citizen, parentId);
    expect(after.status).toBe('withdrawn');
    expect(after.timeline.at(-1)).toMatchObject({ type: 'withdrawn', payload: { lapsed: true, dueAt: soonest } });
    const childStatuses = (after as Kase & { bundle: { children: { status: string }[] } }).bundle.children.map((c) => c.status);
    expect(childStatuses.every((s) => s === 'withdrawn')).toBe(true);
    // told once, of the application
    await server.drainOutbox();
    expect(await messages('申请视为撤回', parentId)).toHaveLength(1);
    const ofItemCases = await Promise.all(children.map((c) => messages('申请视为撤回', c.id)));
    expect(ofItemCases.flat()).toEqual([]);
  });
});
