import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';

/**
 * A decision is worded by its item's type: the demo's 异地就医备案 (公共服务) is done — 准予办理 / 不予办理, with a
 * 办理结果通知书 or a 不予办理通知书 — and 居民身份证换领、补领 (行政确认) is confirmed — 予以确认 / 不予确认, with a
 * 行政确认决定书 or a 不予确认决定书; every denial tells the remedies. Neither is a permit: an ID card is not renewed,
 * changed or given up on its holder's application.
 */
let server: TestServer;
let citizen: Client;
let clerk: Client;
let police: Client;
let applicantId: number;
let idNumber: string;

type Task = { id: number; state: string };
type Doc = { id: number; kind: string; number: string; title: string; url: string };
type Kase = { id: number; number: string; status: string; itemType: string | null; tasks: Task[]; documents: Doc[] };
type Item = { content: { form: { schema: unknown }; materials: { key: string; necessity: string; source: string }[] } };

const reader = pdfReader();
const pdfText = (c: Client, caseId: number, doc: Doc) => reader.pdfText(server, c, caseId, doc);
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
const openTask = (kase: Kase) => kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed')!;
const itemCodeOf = async (name: string) =>
  (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = $1", [name])).rows[0]
    .code as string;

beforeAll(async () => {
  server = await startTestServer({ dataDir: path.join(reader.dir, 'data') });
  [citizen, clerk, police] = await Promise.all(['citizen1', 'clerk1', 'head2'].map((u) => signIn(server, u)));
  applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id;
  idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber;
});
afterAll(async () => {
  await server?.close();
  reader.close();
});

/** The last message citizen1 was sent about a case, with this title. */
async function messageOf(kase: Kase, title: string) {
  await server.drainOutbox();
  const { rows } = await server.sql(
    "SELECT m.body->>'zh-CN' AS zh, m.body->>'en' AS en FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'citizen1' AND m.title->>'zh-CN' = $1 AND m.link = $2 ORDER BY m.id DESC LIMIT 1",
    [title, `/my/cases/${kase.id}`],
  );
  return rows[0] as { zh: string; en: string };
}

describe('异地就医备案, a public service decided at the window', () => {
  let code: string;
  let item: Item;
  beforeAll(async () => {
    code = await itemCodeOf('异地就医备案');
    item = (await clerk.get(`/api/v1/catalog/items/${code}`)).body;
  });

  async function decidedAtWindow(outcome: 'approve' | 'reject', opinion: string): Promise<Kase> {
    const received = await clerk.post('/api/v1/cases', {
      itemCode: code,
      applicantId,
      formData: sampleForm(item.content.form.schema, idNumber),
      materials: sampleMaterials(item.content.materials),
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    const accepted = (await act(clerk, received.body.id, { action: 'accept' })).body as Kase;
    expect(accepted.itemType).toBe('public_service');
    const decided = await act(clerk, accepted.id, { action: outcome, taskId: openTask(accepted).id, opinion });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    return decided.body;
  }

  it('is done (准予办理) with a 办理结果通知书, not granted as a permit', { timeout: 120_000 }, async () => {
    const decided = await decidedAtWindow('approve', '材料齐全，予以备案');
    const decision = decided.documents.find((d) => d.kind === 'decision')!;
    expect(decision.title).toBe('办理结果通知书');
    const text = await pdfText(clerk, decided.id, decision);
    for (const s of [
      '办理结果通知书',
      decided.number,
      '林小雨：',
      '经审查，符合办理条件，决定准予办理。现已办理完成。办理结果：异地就医备案信息。',
      '材料齐全，予以备案',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain('许可');
    expect(text).not.toContain('颁发');
    // its receipt states the rule of the five days without citing the permit law
    const receipt = decided.documents.find((d) => d.kind === 'material_receipt')!;
    const received = await pdfText(clerk, decided.id, receipt);
    expect(received).toContain('逾期未告知的，自收到申请材料之日起即为受理。');
    expect(received).not.toContain('行政许可法');

    // concluded: the applicant is told the result in the same words, and the approval sheet files it so
    const concluded = (await act(clerk, decided.id, { action: 'approve', taskId: openTask(decided).id, opinion: null })).body as Kase;
    expect(concluded.status).toBe('concluded');
    const message = await messageOf(concluded, '办件已办结');
    expect(message.zh).toContain('结果：准予办理。');
    expect(message.en).toContain('is decided: approved.');
    const res = await fetch(`${server.baseUrl}/api/v1/cases/${concluded.id}/sheet.pdf`, { headers: { cookie: clerk.cookie } });
    expect(res.status).toBe(200);
    const file = path.join(reader.dir, `sheet-${concluded.id}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const sheet = reader.poppler('pdftotext', file, '-enc', 'UTF-8').replace(/\s+/g, '');
    expect(sheet).toContain('审批决定准予办理');
    expect(sheet).not.toContain('准予许可');
  });

  it('is declined (不予办理) with a 不予办理通知书 that gives the reasons and the remedies', { timeout: 120_000 }, async () => {
    const decided = await decidedAtWindow('reject', '参保状态异常，暂不能备案');
    const decision = decided.documents.find((d) => d.kind === 'decision')!;
    expect(decision.title).toBe('不予办理通知书');
    const text = await pdfText(clerk, decided.id, decision);
    for (const s of ['不予办理通知书', '林小雨：', '决定不予办理。理由：参保状态异常，暂不能备案', '自收到本通知书之日起六十日内', '行政复议', '行政诉讼'])
      expect(text, s).toContain(s);
    expect(text).not.toContain('许可');
  });
});

describe('居民身份证换领、补领, a 行政确认', () => {
  let code: string;
  let item: Item;
  beforeAll(async () => {
    code = await itemCodeOf('居民身份证换领、补领');
    item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
  });

  async function decided(outcome: 'approve' | 'reject'): Promise<Kase> {
    const filed = await citizen.post('/api/v1/cases', {
      itemCode: code,
      formData: sampleForm(item.content.form.schema, idNumber),
      materials: sampleMaterials(item.content.materials),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    let kase = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
    expect(kase.itemType).toBe('confirmation');
    // the police department's head works its steps: approved up to the decision, which is `outcome`
    for (let i = 0; i < 5 && !['decided', 'concluded'].includes(kase.status); i++) {
      kase = (await police.get(`/api/v1/cases/${kase.id}`)).body;
      const task = openTask(kase);
      const atDecision = (kase.tasks as (Task & { stage: string })[]).find((t) => t.id === task.id)!.stage === 'decide';
      const r = await act(police, kase.id, {
        action: atDecision ? outcome : 'approve',
        taskId: task.id,
        opinion: atDecision && outcome === 'reject' ? '户籍信息核验不一致' : '同意',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      kase = r.body;
    }
    return kase;
  }

  /** The window takes the case's fees (工本费) in cash. */
  async function payFees(caseId: number) {
    const fees = (await clerk.get(`/api/v1/cases/${caseId}/fees`)).body as { lines: { id: number; status: string; amountCents: number }[] };
    for (const line of fees.lines.filter((l) => l.status === 'unpaid')) {
      const paid = await clerk.post(
        `/api/v1/cases/${caseId}/fees/actions`,
        { action: 'pay', feeId: line.id, method: 'cash', amountCents: line.amountCents },
        { 'idempotency-key': `decision-wording-pay-${line.id}` },
      );
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    }
  }

  it('is confirmed (予以确认) with a 行政确认决定书, and its ID card is issued as confirmed', { timeout: 120_000 }, async () => {
    const kase = await decided('approve');
    // the 工本费 is unpaid: the applicant's list names the results without a download, and the card is not yet held
    const listed = (await citizen.get(`/api/v1/cases/${kase.id}/documents`)).body.items as { kind: string; url: string | null; withheld?: string }[];
    for (const kind of ['decision', 'license']) expect(listed.find((d) => d.kind === kind)).toMatchObject({ url: null, withheld: 'fees_unpaid' });
    expect(listed.find((d) => d.kind === 'acceptance_notice')?.url).toMatch(/\/pdf$/);
    const early = kase.documents.find((d) => d.kind === 'license')!;
    const refused = await citizen.get(`/api/v1/cases/${kase.id}/documents/${early.id}/pdf`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ withheld: 'fees_unpaid' });
    expect((await citizen.get('/api/v1/licenses')).body.items.some((l: { id: number }) => l.id === early.id)).toBe(false);
    // the police department reads them as ever
    expect((await police.get(`/api/v1/cases/${kase.id}/documents/${early.id}/pdf`)).status).toBe(200);
    await payFees(kase.id);
    const decision = kase.documents.find((d) => d.kind === 'decision')!;
    expect(decision.title).toBe('行政确认决定书');
    const text = await pdfText(citizen, kase.id, decision);
    for (const s of ['行政确认决定书', '林小雨：', '经审查，符合法定条件，决定予以确认。办理结果：中华人民共和国居民身份证。']) expect(text, s).toContain(s);
    expect(text).not.toContain('许可');
    const card = kase.documents.find((d) => d.kind === 'license')!;
    const printed = await pdfText(citizen, kase.id, card);
    for (const s of ['居民身份证', '办理事项', '符合法定条件，予以确认，特发此证']) expect(printed, s).toContain(s);
    expect(printed).not.toContain('许可');
    // the public check names its item's type, so that its subject is read as the card prints it
    const number = (await server.sql('SELECT number FROM case_document WHERE id = $1', [card.id])).rows[0].number as string;
    expect((await fetch(`${server.baseUrl}/api/v1/licenses/verify/${number}`).then((r) => r.json())) as object).toMatchObject({
      type: '居民身份证',
      itemType: 'confirmation',
    });
  });

  it('is refused (不予确认) with a 不予确认决定书 that gives the reasons and the remedies', { timeout: 120_000 }, async () => {
    const kase = await decided('reject');
    const decision = kase.documents.find((d) => d.kind === 'decision')!;
    expect(decision.title).toBe('不予确认决定书');
    const text = await pdfText(citizen, kase.id, decision);
    for (const s of ['决定不予确认。理由：户籍信息核验不一致', '自收到本决定书之日起六十日内', '行政复议', '行政诉讼']) expect(text, s).toContain(s);
  });

  it('is not renewed, changed or given up on its holder’s application: 我的证照 offers none, and none is filed', { timeout: 120_000 }, async () => {
    const kase = await decided('approve');
    await payFees(kase.id);
    const cardId = kase.documents.find((d) => d.kind === 'license')!.id;
    const held = ((await citizen.get('/api/v1/licenses')).body.items as { id: number; mayRenew: boolean; mayChange: boolean; mayCancel: boolean }[]).find(
      (l) => l.id === cardId,
    );
    expect(held).toMatchObject({ mayRenew: false, mayChange: false, mayCancel: false });
    // the window offers none either: the same list, for the applicant received there
    expect((await clerk.get(`/api/v1/licenses?applicantId=${applicantId}`)).body.items.find((l: { id: number }) => l.id === cardId)).toMatchObject({
      mayCancel: false,
    });

    const cases = async () => Number((await server.sql('SELECT count(*) AS n FROM kase')).rows[0].n);
    const before = await cases();
    const base = { itemCode: code, formData: sampleForm(item.content.form.schema, idNumber), materials: sampleMaterials(item.content.materials) };
    for (const [field, extra] of [
      ['cancels', { cancels: cardId, cancelReason: '不再使用该证件' }],
      ['changes', { changes: cardId }],
    ] as const) {
      const r = await citizen.post('/api/v1/cases', { ...base, ...extra });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.details).toMatchObject({ field, itemType: 'confirmation' });
    }
    const atWindow = await clerk.post('/api/v1/cases', { ...base, applicantId, cancels: cardId, cancelReason: '不再使用该证件', materials: [] });
    expect(atWindow.status, JSON.stringify(atWindow.body)).toBe(400);
    expect(atWindow.body.error.details).toMatchObject({ field: 'cancels', itemType: 'confirmation' });
    expect(await cases()).toBe(before);
  });

  it('is cancelled by its department in the words of a license, not of a permit (no 被许可人, no art. 70)', { timeout: 120_000 }, async () => {
    const kase = await decided('approve');
    const card = kase.documents.find((d) => d.kind === 'license')!;
    const listed = (await police.get(`/api/v1/licenses/issued?q=${encodeURIComponent(card.number)}`)).body.items as { id: number; itemType: string }[];
    expect(listed).toEqual([expect.objectContaining({ id: card.id, itemType: 'confirmation' })]);
    const r = await police.post(
      `/api/v1/licenses/${card.id}/cancel`,
      { ground: 'holder_deceased', note: '持证人已死亡（测试）' },
      { 'idempotency-key': `cancel-card-${card.id}-${Date.now()}` },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const event = (await citizen.get(`/api/v1/cases/${kase.id}`)).body.timeline.find((e: { type: string }) => e.type === 'license_cancelled');
    expect(event.payload).toMatchObject({ ground: 'holder_deceased', groundText: '持证人死亡或者丧失行为能力' });
  });
});
