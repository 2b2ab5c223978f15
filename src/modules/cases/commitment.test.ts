import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { remindCommitmentChecksDue } from './reminders.ts';

/**
 * 告知承诺制: the demo's 食品经营许可 may be applied for by written commitment. The commitment is a document of the
 * case; the department decides without its review stage; the grant opens a check (事后核查) for the department's
 * approvers, which a commitment kept closes and a false one turns into a revocation (撤销) of the grant and its
 * license. Only the department records it, once.
 */
let server: TestServer;
let enterprise: Client;
let clerk: Client;
let head: Client;
let approver: Client;
let police: Client;
let itemCode: string;
let plainCode: string;
let item: { content: { form: { schema: unknown }; materials: { key: string; necessity: string; source: string }[]; conditions: string } };

type Task = { id: number; stage: string; state: string; role: string };
type Check = { state: string; dueAt: string; overdue: boolean; checkedAt: string | null; checkedBy: string | null; opinion: string | null; mayCheck: boolean };
type Kase = {
  id: number;
  status: string;
  version: number;
  byCommitment: boolean;
  commitmentCheck: Check | null;
  revokedAt: string | null;
  decidedAt: string | null;
  tasks: Task[];
  timeline: { type: string; payload: Record<string, unknown> }[];
};
const act = (c: Client, id: number, body: object, key?: string) => c.post(`/api/v1/cases/${id}/actions`, body, key ? { 'idempotency-key': key } : undefined);
const openTask = (kase: Kase) => kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed')!;
const documents = async (c: Client, id: number) =>
  ((await c.get(`/api/v1/cases/${id}/documents`)).body.items as { kind: string; url: string }[]).map((d) => d.kind);
const reader = pdfReader();
/** The text of the case's document of a kind, read back from its PDF. */
async function documentText(c: Client, id: number, kind: string) {
  const docs = (await c.get(`/api/v1/cases/${id}/documents`)).body.items as { id: number; kind: string; url: string }[];
  return reader.pdfText(
    server,
    c,
    id,
    docs.find((d) => d.kind === kind)!,
  );
}
const caseCount = async () => (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n as number;

beforeAll(async () => {
  server = await startTestServer();
  [enterprise, clerk, head, approver, police] = await Promise.all(['enterprise1', 'clerk1', 'head1', 'approver1', 'approver2'].map((u) => signIn(server, u)));
  const code = async (name: string) =>
    (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = $1", [name])).rows[0]
      .code as string;
  itemCode = await code('食品经营许可');
  plainCode = await code('个体工商户名称变更登记');
  item = (await enterprise.get(`/api/v1/catalog/items/${itemCode}`)).body;
});
afterAll(async () => {
  await server?.close();
  reader.close();
});

async function application(commitment: boolean, code = itemCode) {
  const it = code === itemCode ? item : (await enterprise.get(`/api/v1/catalog/items/${code}`)).body;
  return enterprise.post('/api/v1/cases', {
    itemCode: code,
    formData: sampleForm(it.content.form, '110101199003074514', 'enterprise'),
    materials: sampleMaterials(it.content.materials),
    commitment,
  });
}

/** Applied by commitment, accepted, and granted by the department's head: the check is open. */
async function granted(): Promise<Kase> {
  const filed = await application(true);
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const accepted = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
  const decided = await act(head, accepted.id, { action: 'approve', taskId: openTask(accepted).id, opinion: '申请人已承诺符合条件，准予许可' });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return decided.body;
}

describe('approval by written commitment (告知承诺制)', () => {
  it('takes the commitment only where the item allows it, and keeps it in writing', async () => {
    const before = await caseCount();
    const refused = await application(true, plainCode);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: 'commitment' });
    expect(await caseCount()).toBe(before);

    const filed = await application(true);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const kase = (await enterprise.get(`/api/v1/cases/${filed.body.id}`)).body as Kase;
    expect(kase.byCommitment).toBe(true);
    expect(kase.commitmentCheck).toBeNull();
    expect(kase.timeline.find((e) => e.type === 'submitted')?.payload).toMatchObject({ commitment: true });
    expect(await documents(enterprise, kase.id)).toEqual(['commitment_letter']);
    const text = await documentText(enterprise, kase.id, 'commitment_letter');
    expect(text).toContain('告知承诺书');
    expect(text).toContain('已取得营业执照');
    expect(text).toContain('90个自然日');

    // an ordinary application of the same item is reviewed as always
    const ordinary = await application(false);
    expect(((await enterprise.get(`/api/v1/cases/${ordinary.body.id}`)).body as Kase).byCommitment).toBe(false);
    const accepted = (await act(clerk, ordinary.body.id, { action: 'accept' })).body as Kase;
    expect(openTask(accepted).stage).toBe('review');
  });

  it('goes from acceptance straight to the decision, and the grant opens the check', async () => {
    const filed = await application(true);
    const accepted = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
    expect(accepted.tasks.map((t) => t.stage)).toEqual(['decide']);
    expect(accepted.timeline.find((e) => e.type === 'accepted')?.payload).toMatchObject({ commitment: true });
    const decided = (await act(head, accepted.id, { action: 'approve', taskId: openTask(accepted).id, opinion: '准予许可' })).body as Kase;
    expect(decided.status).toBe('decided');
    expect(decided.commitmentCheck).toMatchObject({ state: 'pending', overdue: false, checkedAt: null, mayCheck: true });
    // 90 days from the decision, to the end of that day in the center's time
    const days = (Date.parse(decided.commitmentCheck!.dueAt) - Date.parse(decided.decidedAt!)) / 86_400_000;
    expect(days).toBeGreaterThan(90);
    expect(days).toBeLessThanOrEqual(91);

    expect(((await approver.get(`/api/v1/cases/${decided.id}`)).body as Kase).commitmentCheck?.mayCheck).toBe(true);
    expect(((await enterprise.get(`/api/v1/cases/${decided.id}`)).body as Kase).commitmentCheck).toMatchObject({ state: 'pending', mayCheck: false });
    expect(((await clerk.get(`/api/v1/cases/${decided.id}`)).body as Kase).commitmentCheck?.mayCheck).toBe(false);

    const pending = (await approver.get('/api/v1/commitment-checks?state=pending')).body;
    expect(pending.items.map((r: { caseId: number }) => r.caseId)).toContain(decided.id);
    expect(pending.items.find((r: { caseId: number }) => r.caseId === decided.id)).toMatchObject({
      state: 'pending',
      organizationName: '云州市市场监督管理局',
    });
    expect((await police.get('/api/v1/commitment-checks')).body.items.map((r: { caseId: number }) => r.caseId)).not.toContain(decided.id);
    expect((await clerk.get('/api/v1/commitment-checks')).status).toBe(403);
    expect((await enterprise.get('/api/v1/commitment-checks')).status).toBe(403);
    expect((await approver.get('/api/v1/commitment-checks?state=lost')).status).toBe(400);

    // 今日工作 counts the checks due within ten days or overdue
    const due = async () => (await approver.get('/api/v1/cases/today')).body.tasks.commitmentChecksDue as number;
    const before = await due();
    await server.sql("UPDATE commitment_check SET due_at = now() + interval '2 days' WHERE case_id = $1", [decided.id]);
    expect(await due()).toBe(before + 1);

    // the morning's reminder tells the department's approvers, once; the applicant's view leaves it out
    await remindCommitmentChecksDue(server.db);
    await remindCommitmentChecksDue(server.db);
    const staffView = (await approver.get(`/api/v1/cases/${decided.id}`)).body as Kase;
    expect(staffView.timeline.filter((e) => e.type === 'commitment_check_due')).toHaveLength(1);
    expect(((await enterprise.get(`/api/v1/cases/${decided.id}`)).body as Kase).timeline.some((e) => e.type === 'commitment_check_due')).toBe(false);
    await server.drainOutbox();
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'approver1' AND m.title->>'zh-CN' = '事后核查到期提醒' AND m.link = $1",
      [`/workbench/cases/${decided.id}`],
    );
    expect(told.rows).toEqual([{ body: expect.stringContaining('请按时现场核查') }]);
  });

  it('is recorded by the department once: a commitment kept closes the check', async () => {
    const kase = await granted();
    const body = { action: 'check_commitment', result: 'kept', opinion: '现场核查，经营场所与承诺一致' };
    expect((await act(enterprise, kase.id, body)).status).toBe(403);
    expect((await act(clerk, kase.id, body)).status).toBe(403);
    expect((await act(police, kase.id, body)).status).toBe(404);
    expect((await act(approver, kase.id, { ...body, opinion: '   ' })).status).toBe(400);
    expect((await act(approver, kase.id, { ...body, result: 'maybe' })).status).toBe(400);
    expect(((await approver.get(`/api/v1/cases/${kase.id}`)).body as Kase).commitmentCheck?.state).toBe('pending');

    const first = await act(approver, kase.id, body, `commitment-check-${kase.id}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.commitmentCheck).toMatchObject({ state: 'kept', opinion: body.opinion, checkedBy: '陈静', mayCheck: false });
    // the same request again is the same answer, and nothing is recorded twice
    expect((await act(approver, kase.id, body, `commitment-check-${kase.id}`)).status).toBe(200);
    const again = await act(head, kase.id, { ...body, result: 'broken', opinion: '复查不符' });
    expect(again.status).toBe(409);
    const full = (await enterprise.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(full.timeline.filter((e) => e.type === 'commitment_checked')).toHaveLength(1);
    expect(full.revokedAt).toBeNull();
    expect(full.commitmentCheck?.checkedBy).toBe('陈静');

    // nothing to check on a case not granted by commitment
    const ordinary = await application(false);
    expect((await act(approver, ordinary.body.id, body)).status).toBe(409);
  });

  it('revokes the grant and its license when the commitment proves false, and tells the applicant', async () => {
    let kase = await granted();
    kase = (await act(approver, kase.id, { action: 'approve', taskId: openTask(kase).id, opinion: null })).body;
    expect(kase.status).toBe('concluded');
    kase = (await act(clerk, kase.id, { action: 'deliver', method: 'electronic' })).body;
    expect(kase.status).toBe('delivered');
    const held = async () => ((await enterprise.get('/api/v1/licenses')).body.items as { caseId: number }[]).map((l) => l.caseId);
    expect(await held()).toContain(kase.id);
    // the check comes after its period ran out: overdue on the case, and supervision finds it once recorded
    await server.sql("UPDATE commitment_check SET due_at = now() - interval '1 day' WHERE case_id = $1", [kase.id]);
    expect(((await approver.get(`/api/v1/cases/${kase.id}`)).body as Kase).commitmentCheck).toMatchObject({ state: 'pending', overdue: true });

    const revoked = await act(approver, kase.id, { action: 'check_commitment', result: 'broken', opinion: '现场核查发现无独立操作间，与承诺不符' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(revoked.body.commitmentCheck).toMatchObject({ state: 'broken' });
    expect(await documents(enterprise, kase.id)).toEqual(['commitment_letter', 'acceptance_notice', 'decision', 'license', 'revocation_decision']);
    const text = await documentText(enterprise, kase.id, 'revocation_decision');
    expect(text).toContain('撤销行政许可决定书');
    expect(text).toContain('无独立操作间');
    expect(await held()).not.toContain(kase.id);

    await server.drainOutbox();
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'enterprise1' AND m.title->>'zh-CN' = '许可已撤销' AND m.link = $1",
      [`/my/cases/${kase.id}`],
    );
    expect(told.rows).toHaveLength(1);
    const findings = await server.sql("SELECT detail->>'result' AS result FROM supervision_finding WHERE case_id = $1 AND kind = 'late_commitment_check'", [
      kase.id,
    ]);
    expect(findings.rows).toEqual([{ result: 'broken' }]);
  });

  it('lets a revoked license pass as valid nowhere: its case, 我的证照, a new application, 证照核验, a renewal in hand', async () => {
    const kase = await granted();
    const license = ((await enterprise.get('/api/v1/licenses')).body.items as { id: number; number: string; caseId: number }[]).find(
      (l) => l.caseId === kase.id,
    )!;
    // a renewal applied for before the check (its window is open 60 days before the end)
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await server.sql('UPDATE case_document SET valid_until = $2::date + 60 WHERE id = $1', [license.id, today]);
    const renewal = await enterprise.post('/api/v1/cases', {
      itemCode,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: sampleMaterials(item.content.materials),
      commitment: true,
      renews: license.id,
    });
    expect(renewal.status, JSON.stringify(renewal.body)).toBe(201);
    const renewing = (await act(clerk, renewal.body.id, { action: 'accept' })).body as Kase;

    expect((await act(approver, kase.id, { action: 'check_commitment', result: 'broken', opinion: '现场核查与承诺不符' })).status).toBe(200);
    // the case's documents mark the license revoked
    const docs = (await enterprise.get(`/api/v1/cases/${kase.id}/documents`)).body.items as { kind: string; revokedAt: string | null }[];
    expect(docs.find((d) => d.kind === 'license')?.revokedAt).toEqual(expect.any(String));
    expect(docs.find((d) => d.kind === 'decision')?.revokedAt).toBeNull();
    expect(
      ((await enterprise.get(`/api/v1/cases/${kase.id}`)).body.documents as { kind: string; revokedAt: string | null }[]).find((d) => d.kind === 'license'),
    ).toMatchObject({ revokedAt: expect.any(String) });
    // no longer held, nor handed in with another application
    expect(((await enterprise.get('/api/v1/licenses')).body.items as { id: number }[]).map((l) => l.id)).not.toContain(license.id);
    const fromLicense = item.content.materials.find((m) => m.source === 'license')!.key;
    const handedIn = await enterprise.post('/api/v1/cases', {
      itemCode,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: sampleMaterials(item.content.materials).map((m) => (m.key === fromLicense ? { key: m.key, licenseId: license.id } : m)),
    });
    expect(handedIn.status).toBe(400);
    expect(handedIn.body.error.details).toMatchObject({ field: 'materials', reason: 'the applicant holds no such license' });
    // 证照核验 says revoked
    const verified = await enterprise.get(`/api/v1/licenses/verify/${encodeURIComponent(license.number)}`);
    expect(verified.body).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    // the renewal in hand does not issue it again: its grant is refused, its denial goes through
    const refused = await act(head, renewing.id, { action: 'approve', taskId: openTask(renewing).id, opinion: '准予延续' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.details).toMatchObject({ field: 'renews', licenseId: license.id });
    const after = (await head.get(`/api/v1/cases/${renewing.id}`)).body as Kase & { documents: { kind: string }[] };
    expect(after.decidedAt).toBeNull();
    expect(after.documents.map((d) => d.kind)).not.toContain('license');
    const denied = await act(head, renewing.id, { action: 'reject', taskId: openTask(after).id, opinion: '原许可已撤销，不予延续' });
    expect(denied.status, JSON.stringify(denied.body)).toBe(200);
    expect((await enterprise.get(`/api/v1/licenses/verify/${encodeURIComponent(license.number)}`)).body).toMatchObject({ state: 'revoked' });
    // delivered after the revocation, the grant hands over its revocation decision, not the license revoked
    const concluded = (
      await act(approver, kase.id, { action: 'approve', taskId: openTask((await approver.get(`/api/v1/cases/${kase.id}`)).body).id, opinion: null })
    ).body as Kase;
    expect(concluded.status).toBe('concluded');
    const delivered = await act(clerk, kase.id, {
      action: 'deliver',
      method: 'pickup',
      identityChecked: true,
      collector: { name: '王建国', idNumber: '11010519491231002X' },
    });
    expect(delivered.status, JSON.stringify(delivered.body.error)).toBe(200);
    const receipt = await documentText(clerk, kase.id, 'delivery_receipt');
    expect(receipt).toContain('撤销行政许可决定书');
    expect(receipt).not.toContain(license.number);
  });

  it('lets one of two officials who record the check at once win; the other gets 409', async () => {
    const kase = await granted();
    const results = await Promise.all([
      act(approver, kase.id, { action: 'check_commitment', result: 'kept', opinion: '符合承诺' }),
      act(head, kase.id, { action: 'check_commitment', result: 'broken', opinion: '不符合承诺' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = (await head.get(`/api/v1/cases/${kase.id}`)).body.timeline.filter((e: { type: string }) => e.type === 'commitment_checked');
    expect(events).toHaveLength(1);
  });
});
