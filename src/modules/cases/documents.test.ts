import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent, sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { materialState } from './case-sheet.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { renderCaseDocumentPdf } from './case-pdf.ts';
import { issueDecisionDocuments } from './documents.ts';
import { loadCase, versionContent } from './case-core.ts';
import { runWrite } from '../../server/write.ts';

let server: TestServer;
let code: string;
let citizen: Client;
let citizen2: Client;
let clerk: Client;
let head: Client;
let approver2: Client;
const form = { applicantName: '林小雨', idNumber: '', phone: '13600000001' };
const materials = [
  { key: 'application_form', reference: 'paper:checked' },
  { key: 'business_license', fromLicense: true },
];
let n = 0;
const key = () => `docs-test-${Date.now()}-${++n}`;
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body, { 'idempotency-key': key() });
const day = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(Date.parse(iso) - 1));

// poppler with the system's CJK fonts hidden (test/pdf.ts)
const reader = pdfReader();
const { dir, poppler } = reader;
const pdfText = (c: Client, caseId: number, doc: { id: number; url: string }) => reader.pdfText(server, c, caseId, doc);

async function publishLicenseItem() {
  const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
  const content = itemContent({ name: '测试食品经营许可', audience: ['person', 'enterprise'], resultName: '测试食品经营许可证', resultType: 'license' });
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000700', content });
  expect(created.status).toBe(201);
  await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

const apply = async (m = materials) => {
  const r = await citizen.post('/api/v1/cases', { itemCode: code, formData: form, materials: m }, { 'idempotency-key': key() });
  expect(r.status).toBe(201);
  return r.body as { id: number; number: string };
};

beforeAll(async () => {
  // generated PDFs land in this run's own directory, not the checkout's data/
  server = await startTestServer({ centerName: '云州市政务服务中心（测试）', dataDir: path.join(dir, 'data') });
  code = await publishLicenseItem();
  [citizen, citizen2, clerk, head, approver2] = await Promise.all(['citizen1', 'citizen2', 'clerk1', 'head1', 'approver2'].map((u) => signIn(server, u)));
  const { rows } = await server.sql("SELECT id FROM applicant WHERE name = '林小雨'");
  form.idNumber = (await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`)).body.idNumber;
});
afterAll(async () => {
  await server?.close();
  reader.close();
});

describe('case documents', () => {
  it('numbers each kind of document in a register of its own', { timeout: 120_000 }, async () => {
    type Doc = { kind: string; number: string };
    const noticeOf = async (id: number) =>
      ((await act(clerk, id, { action: 'accept' })).body.documents as Doc[]).find((d) => d.kind === 'acceptance_notice')!.number;
    const first = await noticeOf((await apply()).id);
    // a document of another kind in between: a 不予受理决定书
    const refused = await apply();
    const refusal = await act(clerk, refused.id, { action: 'refuse', reason: '申请事项不属于本机关职权范围' });
    expect(refusal.status).toBe(200);
    const refusalNumber = (refusal.body.documents as Doc[]).find((d) => d.kind === 'refusal_decision')!.number;
    const second = await noticeOf((await apply()).id);
    const serial = (n: string) => Number(n.split('-').pop());
    expect(first).toMatch(/^990100-SL-\d{4}-\d{7}$/);
    expect(refusalNumber).toMatch(/^990100-BSL-\d{4}-\d{7}$/);
    expect(serial(second)).toBe(serial(first) + 1);
  });

  it('prints the acceptance notice with the case number, the committed deadline and the applicant named in full', { timeout: 120_000 }, async () => {
    const { id, number } = await apply();
    const kase = (await act(clerk, id, { action: 'accept' })).body;
    expect(kase.documents).toHaveLength(1);
    const [doc] = kase.documents;
    expect(doc).toMatchObject({ kind: 'acceptance_notice', title: '受理通知书', sha256: null });
    // the outbox renders it right after the action
    await server.drainOutbox();
    const listed = (await citizen.get(`/api/v1/cases/${id}/documents`)).body.items;
    expect(listed[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listed[0].renderedAt).not.toBeNull();
    const text = await pdfText(citizen, id, listed[0]);
    for (const s of [
      '云州市政务服务中心（测试）',
      '受理通知书',
      number,
      doc.number,
      '测试食品经营许可',
      '林小雨：',
      kase.applicant.idNumber,
      day(kase.clock.committed.dueAt),
      '予以受理',
      '扫码查询办理进度',
    ])
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    // a document served on the party names it in full; a person's ID number stays masked
    expect(text).not.toContain('林*雨');
    expect(kase.applicant.idNumber).toContain('*');
    expect(text).not.toContain(form.idNumber);
    const stored = await server.sql('SELECT f.sha256, f.uploaded_by FROM case_document d JOIN stored_file f ON f.id = d.file_id WHERE d.id = $1', [doc.id]);
    expect(stored.rows[0]).toEqual({ sha256: listed[0].sha256, uploaded_by: null });

    // scope: another citizen sees nothing; staff of another department neither; bad ids are 4xx
    expect((await citizen2.get(`/api/v1/cases/${id}/documents`)).status).toBe(404);
    expect((await citizen2.get(`/api/v1/cases/${id}/documents/${doc.id}/pdf`)).status).toBe(404);
    expect((await approver2.get(`/api/v1/cases/${id}/documents`)).status).toBe(404);
    expect((await citizen.get(`/api/v1/cases/${id}/documents/999999/pdf`)).status).toBe(404);
    expect((await citizen.get(`/api/v1/cases/${id}/documents/abc/pdf`)).status).toBe(400);
    expect((await clerk.get(`/api/v1/cases/${id}/documents`)).body.total).toBe(1);
  });

  it('hands a window receipt of the materials taken (收件凭证), with the day art. 32 sets; an online application gets none', { timeout: 120_000 }, async () => {
    const applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const received = await clerk.post(
      '/api/v1/cases',
      { itemCode: code, applicantId, formData: form, materials: [{ key: 'application_form', reference: '纸质原件已核验' }] },
      { 'idempotency-key': key() },
    );
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    const id = received.body.id as number;
    const docs = (await clerk.get(`/api/v1/cases/${id}/documents`)).body.items;
    expect(docs.map((d: { kind: string }) => d.kind)).toEqual(['material_receipt']);
    const kase = (await clerk.get(`/api/v1/cases/${id}`)).body;
    // rendered on first download
    const text = await pdfText(clerk, id, docs[0]);
    for (const s of [
      '收件凭证',
      received.body.number,
      docs[0].number,
      '测试食品经营许可',
      '林小雨：',
      '申请书',
      '已收取',
      '营业执照',
      '未提交',
      day(kase.noticeDueAt),
      '第三十二条',
      '不代表申请已被受理',
    ])
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    expect(text).not.toContain('林*雨');
    expect(text).not.toContain(form.idNumber);
    // the applicant holds it too; an online application has nothing to receipt
    expect((await citizen.get(`/api/v1/cases/${id}/documents`)).body.total).toBe(1);
    const online = await apply();
    expect((await citizen.get(`/api/v1/cases/${online.id}/documents`)).body.total).toBe(0);
  });

  it('hands one receipt for a bundle application received at the window, each material of the bundle once', { timeout: 120_000 }, async () => {
    const applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const bundle = (await clerk.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const materials = sampleMaterials(bundle.materials);
    const received = await clerk.post(
      '/api/v1/cases',
      { bundleCode: 'B-QYKB-001', applicantId, formData: sampleForm(bundle.form, idNumber), materials: materials.slice(1) },
      { 'idempotency-key': key() },
    );
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    const docs = (await clerk.get(`/api/v1/cases/${received.body.id}/documents`)).body.items;
    expect(docs.map((d: { kind: string }) => d.kind)).toEqual(['material_receipt']);
    // the item cases have none of their own
    for (const child of received.body.children) expect((await clerk.get(`/api/v1/cases/${child.id}/documents`)).body.total).toBe(0);
    const text = await pdfText(clerk, received.body.id, docs[0]);
    for (const s of ['收件凭证', received.body.number, bundle.name, '林小雨', '未提交', '已收取']) expect(text, s).toContain(s.replace(/\s+/g, ''));
    expect(text).not.toContain(idNumber);
    const names = (bundle.materials as { name: string }[]).map((m) => m.name.replace(/\s+/g, ''));
    for (const name of names) expect(text.split(name).length - 1, name).toBeGreaterThanOrEqual(1);
  });

  it('prints the one-time notice with every missing item, and the refusal with its reasons', { timeout: 120_000 }, async () => {
    const a = await apply([{ key: 'business_license', fromLicense: true }]);
    await act(clerk, a.id, {
      action: 'notice',
      items: [
        { key: 'application_form', note: '申请书需本人签字' },
        { key: 'lease_contract', note: '经营场所为租赁的，提交租赁合同' },
      ],
      note: '请一次性补齐',
    });
    const notice = (await citizen.get(`/api/v1/cases/${a.id}/documents`)).body.items;
    expect(notice.map((d: { kind: string }) => d.kind)).toEqual(['one_time_notice']);
    const text = await pdfText(citizen, a.id, notice[0]);
    for (const s of ['一次性告知书', a.number, '申请书需本人签字', '场所租赁合同', '经营场所为租赁的，提交租赁合同', '请一次性补齐'])
      expect(text, s).toContain(s);

    const refused = await act(clerk, a.id, { action: 'refuse', reason: '申请事项不属于本机关职权范围' });
    expect(refused.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['one_time_notice', 'refusal_decision']);
    const r = await pdfText(clerk, a.id, refused.body.documents[1]);
    for (const s of ['不予受理决定书', a.number, '申请事项不属于本机关职权范围', '行政复议']) expect(r, s).toContain(s);
  });

  it('produces the decision and a license with its number when a license-type item is granted, rendered on first download', { timeout: 120_000 }, async () => {
    const { id, number } = await apply();
    await act(clerk, id, { action: 'accept' });
    for (let i = 0; i < 5; i++) {
      const kase = (await head.get(`/api/v1/cases/${id}`)).body;
      if (kase.status === 'concluded') break;
      const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
      expect((await act(head, id, { action: 'approve', taskId: task.id, opinion: '经审查符合条件' })).status).toBe(200);
    }
    const docs = (await citizen.get(`/api/v1/cases/${id}/documents`)).body.items;
    expect(docs.map((d: { kind: string }) => d.kind)).toEqual(['acceptance_notice', 'decision', 'license']);
    const license = docs[2];
    expect(license.sha256).toBeNull(); // not drained: the download renders it
    const decision = await pdfText(citizen, id, docs[1]);
    for (const s of ['准予许可决定书', number, '林小雨：', '决定准予许可', '经审查符合条件']) expect(decision, s).toContain(s);
    expect(decision).not.toContain('林*雨');
    const text = await pdfText(citizen, id, license);
    const licenseNumber = text.match(/证照编号：?(\d{6}-ZZ-\d{4}-\d{7})/)?.[1];
    expect(licenseNumber).toBeTruthy();
    for (const s of ['测试食品经营许可证', '林小雨', '云州市市场监督管理局', number]) expect(text, s).toContain(s);
    // the number the insert drew is the one printed, in the field and in the note
    const licenses = async () =>
      (await server.sql("SELECT number, content::text AS content FROM case_document WHERE case_id = $1 AND kind = 'license'", [id])).rows;
    const stored = await licenses();
    expect(stored).toHaveLength(1);
    expect(stored[0].number).toBe(licenseNumber);
    expect(stored[0].content.split(licenseNumber!).length - 1).toBe(2);
    expect(stored[0].content).not.toContain('#');
    // downloading again serves the stored bytes
    const again = (await citizen.get(`/api/v1/cases/${id}/documents`)).body.items[2];
    expect(again.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await server.sql('SELECT count(*)::int AS n FROM stored_file WHERE sha256 = $1', [again.sha256]).then((r) => r.rows[0].n)).toBe(1);
    // a decision taken again (after a return) keeps the license and its number
    await runWrite(server.db, null, async (ctx) => {
      const kase = await loadCase(ctx.tx, id);
      await issueDecisionDocuments(ctx, kase, await versionContent(ctx.tx, kase.item_version_id), null);
    });
    expect(await licenses()).toEqual(stored);
  });

  it('names an enterprise in full on its documents, with its unified social credit code in full', { timeout: 120_000 }, async () => {
    const enterprise = await signIn(server, 'enterprise1');
    const applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '云州青禾食品有限公司'")).rows[0].id as number;
    const creditCode = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const filed = await enterprise.post('/api/v1/cases', { itemCode: code, formData: form, materials }, { 'idempotency-key': key() });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as number;
    const accepted = (await act(clerk, id, { action: 'accept' })).body;
    // the case page and the lists keep it masked as before
    expect(accepted.applicant.idNumber).toContain('*');
    for (let i = 0; i < 5; i++) {
      const kase = (await head.get(`/api/v1/cases/${id}`)).body;
      if (kase.status === 'concluded') break;
      const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
      expect((await act(head, id, { action: 'approve', taskId: task.id, opinion: '同意' })).status).toBe(200);
    }
    const docs = (await enterprise.get(`/api/v1/cases/${id}/documents`)).body.items as { id: number; url: string; kind: string }[];
    expect(docs.map((d) => d.kind)).toEqual(['acceptance_notice', 'decision', 'license']);
    for (const doc of docs) {
      const text = await pdfText(enterprise, id, doc);
      for (const s of ['云州青禾食品有限公司', creditCode]) expect(text, `${doc.kind}: ${s}`).toContain(s);
      expect(text, doc.kind).not.toContain(accepted.applicant.idNumber);
    }
  });

  it('hands in a license the applicant holds instead of a copy: theirs, of the type asked, readable through the new case', { timeout: 180_000 }, async () => {
    // an item whose granted cases issue a 营业执照, which the test item's business_license material takes
    const market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id as number;
    const admin = await signIn(server, 'catalogadmin');
    const reviewer = await signIn(server, 'centeradmin');
    const content = itemContent({
      name: '测试营业执照核发',
      audience: ['person', 'enterprise'],
      resultName: '营业执照',
      resultType: 'license',
      resultLicenseType: '营业执照',
    });
    const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000701', content });
    expect(created.status).toBe(201);
    await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
    expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
    const grant = async (itemCode: string) => {
      const r = await citizen.post('/api/v1/cases', { itemCode, formData: form, materials }, { 'idempotency-key': key() });
      expect(r.status).toBe(201);
      await act(clerk, r.body.id, { action: 'accept' });
      for (let i = 0; i < 5; i++) {
        const kase = (await head.get(`/api/v1/cases/${r.body.id}`)).body;
        if (kase.status === 'concluded') break;
        const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
        expect((await act(head, r.body.id, { action: 'approve', taskId: task.id, opinion: '同意' })).status).toBe(200);
      }
      const docs = (await citizen.get(`/api/v1/cases/${r.body.id}/documents`)).body.items;
      return { caseId: r.body.id as number, license: docs.find((d: { kind: string }) => d.kind === 'license') as { id: number; number: string } };
    };
    const business = await grant(created.body.code);
    const food = await grant(code); // a 测试食品经营许可证: another type

    // the holder's wallet
    const mine = (await citizen.get('/api/v1/licenses')).body;
    const held = mine.items.find((l: { id: number }) => l.id === business.license.id);
    expect(held).toMatchObject({ number: business.license.number, type: '营业执照', issuer: '云州市市场监督管理局', caseId: business.caseId });
    expect(mine.items.some((l: { id: number; type: string }) => l.id === food.license.id && l.type === '测试食品经营许可证')).toBe(true);
    expect((await citizen.get('/api/v1/licenses?type=营业执照')).body.items.every((l: { type: string }) => l.type === '营业执照')).toBe(true);
    const linId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    expect((await citizen2.get('/api/v1/licenses')).body.items.some((l: { id: number }) => l.id === business.license.id)).toBe(false);
    expect((await citizen2.get(`/api/v1/licenses?applicantId=${linId}`)).status).toBe(403);
    // at the window, for the applicant received; not for staff without intake
    expect((await clerk.get('/api/v1/licenses')).status).toBe(400);
    expect((await clerk.get(`/api/v1/licenses?applicantId=${linId}`)).body.items.some((l: { id: number }) => l.id === business.license.id)).toBe(true);
    expect((await approver2.get(`/api/v1/licenses?applicantId=${linId}`)).status).toBe(403);

    // refused, and nothing filed: another's license, a license of another type, a license for an uploaded material, a reference posing as one
    const cases = async () => Number((await server.sql('SELECT count(*) AS n FROM kase')).rows[0].n);
    const before = await cases();
    const tryApply = (c: Client, m: object[]) => c.post('/api/v1/cases', { itemCode: code, formData: form, materials: m }, { 'idempotency-key': key() });
    const form2 = { key: 'application_form', reference: 'paper:checked' };
    const refused = [
      await tryApply(citizen2, [form2, { key: 'business_license', licenseId: business.license.id }]),
      await tryApply(citizen, [form2, { key: 'business_license', licenseId: food.license.id }]),
      await tryApply(citizen, [{ key: 'application_form', licenseId: business.license.id }]),
      await tryApply(citizen, [form2, { key: 'business_license', reference: `license:${business.license.id}` }]),
      await tryApply(citizen, [form2, { key: 'business_license', licenseId: 99_999_999 }]),
    ];
    for (const r of refused) expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(refused[1]!.body.error.details.reason).toContain('营业执照');
    expect(await cases()).toBe(before);

    // taken: the case keeps the license, and whoever reads the case reads the license through it
    const applied = await tryApply(citizen, [form2, { key: 'business_license', licenseId: business.license.id }]);
    expect(applied.status).toBe(201);
    const kase = (await clerk.get(`/api/v1/cases/${applied.body.id}`)).body;
    const material = kase.materials.find((m: { key: string }) => m.key === 'business_license');
    expect(material).toMatchObject({
      status: 'from_license',
      reference: `license:${business.license.id}`,
      license: {
        id: business.license.id,
        number: business.license.number,
        type: '营业执照',
        url: `/api/v1/cases/${applied.body.id}/documents/${business.license.id}/pdf`,
      },
    });
    // on the record with the application
    const submitted = kase.timeline.find((e: { type: string }) => e.type === 'submitted');
    expect(submitted.payload.licenses).toEqual({ business_license: `license:${business.license.id}` });
    const text = await pdfText(clerk, applied.body.id, material.license);
    for (const s of [business.license.number, '营业执照', '林小雨']) expect(text, s).toContain(s);
    // not through a case that did not take it, and not for someone who may not read the case
    expect((await clerk.get(`/api/v1/cases/${food.caseId}/documents/${business.license.id}/pdf`)).status).toBe(404);
    expect((await citizen2.get(material.license.url)).status).toBe(404);
  });

  it('files a conditional material not handed in as not applying once the case is accepted, never as missing', () => {
    expect(materialState({ status: 'missing' }, 'conditional', true)).toBe('不适用');
    expect(materialState({ status: 'missing' }, 'optional', true)).toBe('不适用');
    expect(materialState({ status: 'missing' }, 'conditional', false)).toBe('未提交');
    expect(materialState({ status: 'missing' }, 'required', true)).toBe('缺');
    expect(materialState({ status: 'provided' }, 'conditional', true)).toBe('已提交');
  });

  it('prints the case approval sheet (办件审批表) with every step, its opinion, the pause and the materials, for staff', { timeout: 120_000 }, async () => {
    const { id, number } = await apply();
    await act(clerk, id, { action: 'accept' });
    const openTask = async () =>
      ((await head.get(`/api/v1/cases/${id}`)).body.tasks as { id: number; state: string }[]).find((t) => t.state === 'open' || t.state === 'claimed')!;
    // an inspection pauses the clock, then the steps are approved each with its opinion
    const first = await openTask();
    expect((await act(head, id, { action: 'start_special', taskId: first.id, kind: 'inspection', reason: '现场核查经营场所' })).status).toBe(200);
    expect((await act(head, id, { action: 'end_special', taskId: first.id, result: '核查合格' })).status).toBe(200);
    const opinions = ['场所核查无误同意', '符合法定条件准予许可', '办结归档'];
    for (let i = 0; i < 5; i++) {
      const kase = (await head.get(`/api/v1/cases/${id}`)).body;
      if (kase.status === 'concluded') break;
      const task = await openTask();
      expect((await act(head, id, { action: 'approve', taskId: task.id, opinion: opinions[i] ?? '同意' })).status).toBe(200);
    }
    const sheet = async (c: Client | null) => fetch(`${server.baseUrl}/api/v1/cases/${id}/sheet.pdf`, { headers: c ? { cookie: c.cookie } : {} });
    const res = await sheet(clerk);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, `case-${id}-sheet.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    for (const line of poppler('pdffonts', file)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim()))
      expect(line.trim().split(/\s+/).slice(-5, -3), line).toEqual(['yes', 'yes']);
    const text = poppler('pdftotext', file, '-enc', 'UTF-8').replace(/\s+/g, '');
    for (const s of [
      '办件审批表',
      number,
      '测试食品经营许可',
      '云州市市场监督管理局',
      '林小雨',
      '网上',
      '承诺时限',
      '准予许可',
      '现场核查',
      '现场核查经营场所',
      '申请材料',
      '打印人：张丽',
      // who accepted it
      '受理人张丽',
    ])
      expect(text, s).toContain(s);
    for (const o of opinions.slice(0, 2)) expect(text, o).toContain(o);
    expect(text).toMatch(/同意/);
    // the applicant's ID number is printed masked, never in full
    expect(text).not.toContain(form.idNumber);
    expect(text).toContain(form.idNumber.slice(0, 6));
    // staff who may read the case only: the applicant 403, another department 404, nobody signed in 401
    expect((await sheet(citizen)).status).toBe(403);
    expect((await sheet(approver2)).status).toBe(404);
    expect((await sheet(null)).status).toBe(401);
    expect((await clerk.get('/api/v1/cases/999999999/sheet.pdf')).status).toBe(404);
  });

  it('renders the same bytes from the same content', { timeout: 120_000 }, async () => {
    const d = {
      title: '受理通知书',
      number: '990100-SL-2026-0000001',
      caseNumber: '990100N202611260000012',
      issuer: '云州市市场监督管理局',
      fields: [['申请事项', '测试']] as [string, string][],
      body: ['测试正文〇'],
      issuedAt: '2026-11-26T02:00:00.000Z',
    };
    const opts = { centerName: '云州市政务服务中心', trackingUrl: 'https://onewindow.example.gov.cn/my/cases/12' };
    const [a, b] = [await renderCaseDocumentPdf(d, opts), await renderCaseDocumentPdf(d, opts)];
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
  });
});
