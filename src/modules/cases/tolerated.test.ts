import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { remindToleratedDue } from './reminders.ts';

/**
 * 容缺受理: the demo's 食品经营许可 lets its list of food-safety rules (food_safety_rules) follow after acceptance. The
 * window accepts without it on the applicant's promise, the case is worked as any other, and its result waits until
 * the applicant hands it in; what may not follow still needs a one-time notice.
 */
let server: TestServer;
let enterprise: Client;
let citizen: Client;
let clerk: Client;
let head: Client;
let itemCode: string;
let item: { content: { form: { schema: unknown }; materials: { key: string; necessity: string; source: string; tolerable?: boolean }[] } };
const reader = pdfReader();

type Kase = {
  id: number;
  status: string;
  toleratedDueAt: string | null;
  acceptedAt: string | null;
  materials: { key: string; status: string; round: number; reference: string | null }[];
  tasks: { id: number; state: string }[];
  timeline: { type: string; payload: Record<string, unknown> }[];
};
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
const read = async (c: Client, id: number) => (await c.get(`/api/v1/cases/${id}`)).body as Kase;
const statusOf = (kase: Kase, key: string) => kase.materials.filter((m) => m.key === key).at(-1)?.status;
const queue = async () =>
  ((await clerk.get('/api/v1/cases?queue=tolerated&limit=200')).body.items as { id: number; toleratedDueAt: string }[]).map((c) => c.id);

beforeAll(async () => {
  server = await startTestServer();
  [enterprise, citizen, clerk, head] = await Promise.all(['enterprise1', 'citizen1', 'clerk1', 'head1'].map((u) => signIn(server, u)));
  itemCode = (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = '食品经营许可'"))
    .rows[0].code;
  item = (await enterprise.get(`/api/v1/catalog/items/${itemCode}`)).body;
});
afterAll(async () => {
  await server?.close();
  reader.close();
});

/** Applied for online without the materials named. */
async function appliedWithout(...keys: string[]) {
  const r = await enterprise.post('/api/v1/cases', {
    itemCode,
    formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
    materials: sampleMaterials(item.content.materials).filter((m) => !keys.includes(m.key)),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

describe('acceptance with materials to follow (容缺受理)', () => {
  it('accepts without what the item lets follow, on a promised day, and keeps what may not follow to the one-time notice', async () => {
    expect(item.content.materials.find((m) => m.key === 'food_safety_rules')?.tolerable).toBe(true);
    const id = await appliedWithout('food_safety_rules');
    // without saying so, the window is told it may
    const plain = await act(clerk, id, { action: 'accept' });
    expect(plain.status).toBe(409);
    expect(plain.body.error.details).toMatchObject({ missing: ['food_safety_rules'], tolerable: ['food_safety_rules'] });
    expect((await act(clerk, id, { action: 'accept', tolerate: { workdays: 0 } })).status).toBe(400);
    expect((await read(clerk, id)).status).toBe('submitted');

    const accepted = await act(clerk, id, { action: 'accept', tolerate: { workdays: 5 } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const kase = accepted.body as Kase;
    expect(kase.status).toBe('in_progress');
    expect(statusOf(kase, 'food_safety_rules')).toBe('tolerated');
    // the case's page judges completeness by the materials of the version it was filed under
    expect((kase as Kase & { itemMaterials: { key: string; tolerable?: boolean }[] }).itemMaterials.find((m) => m.key === 'food_safety_rules')?.tolerable).toBe(
      true,
    );
    const days = (Date.parse(kase.toleratedDueAt!) - Date.parse(kase.acceptedAt!)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThan(14);
    expect(kase.timeline.find((e) => e.type === 'accepted')?.payload).toMatchObject({ tolerated: [{ key: 'food_safety_rules' }] });
    const docs = (await enterprise.get(`/api/v1/cases/${id}/documents`)).body.items as { id: number; kind: string; url: string }[];
    const notice = await reader.pdfText(
      server,
      enterprise,
      id,
      docs.find((d) => d.kind === 'acceptance_notice')!,
    );
    expect(notice).toContain('容缺受理');
    expect(notice).toContain('规章制度目录');

    // what may not follow: a 409 naming it, whether or not the window offers to tolerate
    const other = await appliedWithout('food_safety_rules', 'premises_layout');
    const refused = await act(clerk, other, { action: 'accept', tolerate: { workdays: 5 } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ missing: ['premises_layout'], tolerable: ['food_safety_rules'] });
    // nothing to tolerate: a contradiction
    const complete = await appliedWithout();
    expect((await act(clerk, complete, { action: 'accept', tolerate: { workdays: 5 } })).status).toBe(400);
    expect((await read(clerk, complete)).status).toBe('submitted');
  });

  it('is received and accepted at the window in one step with the material to follow (收件并容缺受理), or nothing is filed', async () => {
    const applicantId = Number(
      (await server.sql("SELECT p.id FROM applicant p JOIN account a ON a.id = p.account_id WHERE a.username = 'enterprise1'")).rows[0].id,
    );
    const filed = async () => Number((await server.sql('SELECT count(*) FROM kase WHERE applicant_id = $1', [applicantId])).rows[0].count);
    const at = (keys: string[], extra: object) => ({
      itemCode,
      channel: 'window',
      applicantId,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: sampleMaterials(item.content.materials).filter((m) => !keys.includes(m.key)),
      ...extra,
    });
    const before = await filed();
    const refusals: [object, number][] = [
      // without saying so, the window is told the material may follow
      [at(['food_safety_rules'], { accept: true }), 409],
      // what may not follow
      [at(['food_safety_rules', 'premises_layout'], { accept: true, tolerate: { workdays: 5 } }), 409],
      // nothing to tolerate, or no acceptance to tolerate it in, or a day out of range
      [at([], { accept: true, tolerate: { workdays: 5 } }), 400],
      [at(['food_safety_rules'], { tolerate: { workdays: 5 } }), 400],
      [at(['food_safety_rules'], { accept: true, tolerate: { workdays: 31 } }), 400],
    ];
    for (const [body, status] of refusals) expect((await clerk.post('/api/v1/cases', body)).status, JSON.stringify(body)).toBe(status);
    expect(await filed()).toBe(before);

    const key = { 'idempotency-key': 'window-tolerate-0001-accept' };
    const r = await clerk.post(
      '/api/v1/cases',
      at(['food_safety_rules'], { accept: true, tolerate: { workdays: 5 }, acceptNote: '申请人承诺五日内补交' }),
      key,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('in_progress');
    const kase = await read(clerk, r.body.id);
    expect(statusOf(kase, 'food_safety_rules')).toBe('tolerated');
    expect(kase.toleratedDueAt).not.toBeNull();
    expect(kase.timeline.map((e) => e.type).filter((t) => t === 'submitted' || t === 'accepted')).toEqual(['submitted', 'accepted']);
    expect(kase.timeline.find((e) => e.type === 'accepted')?.payload).toMatchObject({
      note: '申请人承诺五日内补交',
      tolerated: [{ key: 'food_safety_rules' }],
    });
    // a retry files nothing more
    const again = await clerk.post(
      '/api/v1/cases',
      at(['food_safety_rules'], { accept: true, tolerate: { workdays: 5 }, acceptNote: '申请人承诺五日内补交' }),
      key,
    );
    expect(again.body.id).toBe(r.body.id);
    expect(await filed()).toBe(before + 1);
    expect(await queue()).toContain(r.body.id);
  });

  it('works the case, holds its result until the applicant hands the material in, and lists it meanwhile', async () => {
    const id = await appliedWithout('food_safety_rules');
    let kase = (await act(clerk, id, { action: 'accept', tolerate: { workdays: 3 } })).body as Kase;
    expect(await queue()).toContain(id);
    // the list names what each case waits for; the applicant's today counts it among what waits for them
    const row = (await clerk.get('/api/v1/cases?queue=tolerated&limit=200')).body.items.find((c: { id: number }) => c.id === id);
    expect(row.tolerated).toEqual([{ key: 'food_safety_rules', name: expect.stringContaining('规章制度目录') }]);
    const mine = (await enterprise.get('/api/v1/cases/today')).body.applicant;
    expect(mine.waiting.map((c: { id: number }) => c.id)).toContain(id);
    const today = async () => (await clerk.get('/api/v1/cases/today')).body.intake as { tolerated: number; toleratedOverdue: number };
    expect((await today()).tolerated).toBe((await clerk.get('/api/v1/cases?queue=tolerated&limit=1')).body.total);

    // review, decision and conclusion go on meanwhile
    for (let open = kase.tasks.find((t) => t.state === 'open'); open; open = kase.tasks.find((t) => t.state === 'open')) {
      const r = await act(head, id, { action: 'approve', taskId: open.id, opinion: '同意' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      kase = r.body;
    }
    expect(kase.status).toBe('concluded');
    const held = await act(clerk, id, { action: 'deliver', method: 'electronic' });
    expect(held.status).toBe(409);
    expect(held.body.error.details.toleratedDueAt).toBe(kase.toleratedDueAt);
    // 材料补齐前不出具办理结果: the applicant sees the results named, without a download, and does not hold the license yet
    const results = async () =>
      ((await enterprise.get(`/api/v1/cases/${id}/documents`)).body.items as { id: number; kind: string; url: string | null; withheld?: string }[]).filter(
        (d) => d.kind === 'decision' || d.kind === 'license',
      );
    const license = (await results()).find((d) => d.kind === 'license')!;
    expect(await results()).toEqual([
      expect.objectContaining({ kind: 'decision', url: null, withheld: 'materials_to_follow' }),
      expect.objectContaining({ kind: 'license', url: null, withheld: 'materials_to_follow' }),
    ]);
    const early = await enterprise.get(`/api/v1/cases/${id}/documents/${license.id}/pdf`);
    expect(early.status).toBe(409);
    expect(early.body.error.details).toMatchObject({ withheld: 'materials_to_follow' });
    const holds = async () => (await enterprise.get('/api/v1/licenses')).body.items.some((l: { id: number }) => l.id === license.id);
    expect(await holds()).toBe(false);
    expect((await clerk.get(`/api/v1/cases/${id}/documents/${license.id}/pdf`)).status).toBe(200);

    // past its day it counts as overdue
    await server.sql("UPDATE kase SET tolerated_due_at = now() - interval '1 hour' WHERE id = $1", [id]);
    expect((await today()).toleratedOverdue).toBeGreaterThanOrEqual(1);

    // only what was accepted to follow, only by the applicant or the window
    expect((await act(enterprise, id, { action: 'hand_in', materials: [{ key: 'premises_layout', reference: 'paper:checked' }] })).status).toBe(400);
    expect((await act(citizen, id, { action: 'hand_in', materials: [{ key: 'food_safety_rules', reference: 'paper:checked' }] })).status).toBe(404);
    expect((await act(head, id, { action: 'hand_in', materials: [{ key: 'food_safety_rules', reference: 'paper:checked' }] })).status).toBe(403);
    const handed = await act(enterprise, id, { action: 'hand_in', materials: [{ key: 'food_safety_rules', reference: 'paper:checked' }] });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body.toleratedDueAt).toBeNull();
    expect(statusOf(handed.body, 'food_safety_rules')).toBe('provided');
    expect(handed.body.timeline.at(-1)).toMatchObject({ type: 'tolerated_handed_in', payload: { materials: ['food_safety_rules'], left: [] } });
    expect(await queue()).not.toContain(id);
    expect((await act(enterprise, id, { action: 'hand_in', materials: [{ key: 'food_safety_rules', reference: 'paper:checked' }] })).status).toBe(409);
    // handed in: the results are the applicant's, before the delivery too
    expect((await results()).every((d) => d.url !== null && d.withheld === undefined)).toBe(true);
    expect((await enterprise.get(`/api/v1/cases/${id}/documents/${license.id}/pdf`)).status).toBe(200);
    expect(await holds()).toBe(true);

    const delivered = await act(clerk, id, { action: 'deliver', method: 'electronic' });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);

    await server.drainOutbox();
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'enterprise1' AND m.title->>'zh-CN' = '申请已受理' AND m.link = $1",
      [`/my/cases/${id}`],
    );
    expect(told.rows).toEqual([{ body: expect.stringContaining('容缺受理') }]);
    // the conclusion's message says the result waits for the material
    const concluded = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'enterprise1' AND m.title->>'zh-CN' = '办件已办结' AND m.link = $1",
      [`/my/cases/${id}`],
    );
    expect(concluded.rows).toEqual([{ body: expect.stringContaining('容缺材料补齐后方可领取结果') }]);
  });

  it('reminds the applicant once when the day comes near, and not after the material is in', async () => {
    const soon = await appliedWithout('food_safety_rules');
    const later = await appliedWithout('food_safety_rules');
    const done = await appliedWithout('food_safety_rules');
    for (const [id, workdays] of [
      [soon, 1],
      [later, 20],
      [done, 1],
    ])
      expect((await act(clerk, id, { action: 'accept', tolerate: { workdays } })).status).toBe(200);
    expect((await act(clerk, done, { action: 'hand_in', materials: [{ key: 'food_safety_rules', reference: 'paper:checked' }] })).status).toBe(200);
    const reminders = async (id: number) => (await read(enterprise, id)).timeline.filter((e) => e.type === 'tolerated_reminded');

    // due by the end of the next working day: reminded; twenty working days off, or handed in: not
    await remindToleratedDue(server.db);
    expect(await reminders(soon)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ overdue: false, materials: [expect.objectContaining({ key: 'food_safety_rules' })] }) }),
    ]);
    expect(await reminders(later)).toEqual([]);
    expect(await reminders(done)).toEqual([]);
    // once
    await remindToleratedDue(server.db);
    expect(await reminders(soon)).toHaveLength(1);

    await server.drainOutbox();
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'enterprise1' AND m.title->>'zh-CN' = '请补交容缺材料' AND m.link = $1",
      [`/my/cases/${soon}`],
    );
    expect(told.rows).toEqual([{ body: expect.stringContaining('规章制度目录') }]);
  });

  it('is not offered on a bundle application', async () => {
    const bundle = (await clerk.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const applied = await citizen.post('/api/v1/cases', {
      bundleCode: 'B-QYKB-001',
      formData: sampleForm(
        bundle.form.schema,
        (await clerk.post(`/api/v1/applicants/${(await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id}/reveal`)).body.idNumber,
      ),
      materials: sampleMaterials(bundle.materials),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect((await act(clerk, applied.body.id, { action: 'accept', tolerate: { workdays: 3 } })).status).toBe(400);
    expect((await read(clerk, applied.body.id)).status).toBe('submitted');
  });
});

describe('a case keeps the version it was filed under', () => {
  it('judges what may follow, and reads its form, by that version when a later one changes them', async () => {
    const filed = await appliedWithout('food_safety_rules');
    // 变更: version 2 no longer lets the rules list follow, and renames a field of the form
    const admin = await signIn(server, 'catalogadmin');
    const reviewer = await signIn(server, 'centeradmin');
    const itemId = (await server.sql('SELECT id FROM item WHERE code = $1', [itemCode])).rows[0].id as number;
    expect((await admin.post(`/api/v1/catalog/admin/items/${itemId}/versions`)).status).toBe(201);
    const draft = (await admin.get(`/api/v1/catalog/admin/items/${itemId}`)).body.open;
    const content = structuredClone(draft.content);
    content.materials = content.materials.map((m: { key: string }) => (m.key === 'food_safety_rules' ? { ...m, tolerable: false } : m));
    content.form.ui.fields.safetyOfficer.label['zh-CN'] = '食品安全管理员（第 2 版）';
    const saved = await admin.put(`/api/v1/catalog/admin/items/${itemId}/draft`, { content, version: draft.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await admin.post(`/api/v1/catalog/admin/items/${itemId}/submit`)).status).toBe(200);
    expect((await reviewer.post(`/api/v1/catalog/admin/items/${itemId}/review`, { decision: 'approve' })).body.state).toBe('published');

    // the case filed under version 1: its materials and form are version 1's, and it may still be accepted with the list to follow
    const kase = (await read(clerk, filed)) as Kase & {
      itemMaterials: { key: string; tolerable?: boolean }[];
      itemForm: { ui: { fields: Record<string, { label: Record<string, string> }> } };
    };
    expect(kase.itemMaterials.find((m) => m.key === 'food_safety_rules')?.tolerable).toBe(true);
    expect(kase.itemForm.ui.fields.safetyOfficer!.label['zh-CN']).toBe('食品安全管理人员');
    expect((await act(clerk, filed, { action: 'accept', tolerate: { workdays: 5 } })).status).toBe(200);
    // one filed under version 2 may not
    item = (await enterprise.get(`/api/v1/catalog/items/${itemCode}`)).body;
    const later = await appliedWithout('food_safety_rules');
    const laterCase = (await read(clerk, later)) as Kase & { itemForm: { ui: { fields: Record<string, { label: Record<string, string> }> } } };
    expect(laterCase.itemForm.ui.fields.safetyOfficer!.label['zh-CN']).toBe('食品安全管理员（第 2 版）');
    const refused = await act(clerk, later, { action: 'accept', tolerate: { workdays: 5 } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ missing: ['food_safety_rules'], tolerable: [] });
  });
});
