import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revealedIdNumber, signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { companyApplication, sampleForm, sampleMaterials, uniqueCompanyName } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { isValidCreditCode } from '../../common/validators.ts';
import { validateContent } from '../catalog/item-rules.ts';
import type { ItemContent } from '../catalog/catalog.schemas.ts';

/*
 * 企业设立登记 registers a company: its 营业执照 is issued to the company — named, with a credit code its grant
 * assigns, its legal representative, domicile and the registered particulars — not to 林小雨, who applied. She may act
 * for the company from then on. A second company of the same name is refused at intake, and a grant whose name was
 * registered meanwhile is a 409 that decides nothing.
 */
let server: TestServer;
let citizen: Client;
let clerk: Client;
let idNumber: string;
let item: Parameters<typeof companyApplication>[0] & { code: string; content: ItemContent };
const reader = pdfReader();

beforeAll(async () => {
  server = await startTestServer();
  citizen = await signIn(server, 'citizen1');
  clerk = await signIn(server, 'clerk1');
  idNumber = await revealedIdNumber(server, clerk);
  const code = (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = '企业设立登记'"))
    .rows[0].code;
  item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
});
afterAll(async () => {
  reader.close();
  await server?.close();
});

const apply = (name: string) => citizen.post('/api/v1/cases', { itemCode: item.code, ...companyApplication(item, name, idNumber) });

/** Accept the case and approve each stage until it is decided, or until an action is refused (answered). */
/** The head of a task's department: heads may act on approver and head tasks of their organization. */
const headOf = async (organizationId: number) =>
  (
    await server.sql(
      "SELECT a.username FROM account a JOIN role_assignment r ON r.account_id = a.id WHERE r.role = 'head' AND r.organization_id = $1 ORDER BY a.id LIMIT 1",
      [organizationId],
    )
  ).rows[0].username as string;

/** A case worked to its decision by its department's head: accepted first (or not), every stage approved, the decision `outcome`. */
async function workToDecision(id: number, accept = true, outcome: 'approve' | 'reject' = 'approve') {
  let kase = accept ? (await clerk.post(`/api/v1/cases/${id}/actions`, { action: 'accept' })).body : (await clerk.get(`/api/v1/cases/${id}`)).body;
  for (let guard = 0; guard < 8 && !kase.decision; guard++) {
    const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
    const action = task.stage === 'decide' ? outcome : 'approve';
    const head = await signIn(server, await headOf(task.organizationId));
    const r = await head.post(`/api/v1/cases/${id}/actions`, { action, taskId: task.id, opinion: action === 'reject' ? '不符合登记条件' : '同意' });
    if (r.status !== 200) return r;
    kase = r.body;
  }
  return { status: 200, body: kase };
}

describe('企业设立登记 (市场主体登记)', () => {
  it('issues the 营业执照 to the company it registers, with a credit code of its own; 林小雨 may act for the company', { timeout: 60_000 }, async () => {
    const name = uniqueCompanyName();
    const applied = await apply(name);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const decided = await workToDecision(applied.body.id);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.decision).toBe('granted');
    await server.drainOutbox();

    // the register: the company, with a valid credit code of 云州市 (990100) assigned by market regulation
    const company = (
      await server.sql("SELECT id, name, legal_representative, address, id_number_mask FROM applicant WHERE kind = 'enterprise' AND name = $1", [name])
    ).rows;
    expect(company).toHaveLength(1);
    expect(company[0]).toMatchObject({ legal_representative: '林小雨', address: '云州市青川区湖滨路 8 号' });
    // on the record: the entry opens the company's own chain, written after the case's entry of the same action
    const registeredEntry = (
      await server.sql("SELECT id, stream, seq, request_id, change FROM audit_entry WHERE action = 'applicant.register' AND target_id = $1", [
        String(company[0].id),
      ])
    ).rows[0];
    expect(registeredEntry).toMatchObject({ stream: `applicant:${company[0].id}`, seq: 1, change: { kind: 'enterprise', name, caseId: applied.body.id } });
    const sameAction = (await server.sql('SELECT id, stream FROM audit_entry WHERE request_id = $1 ORDER BY id', [registeredEntry.request_id])).rows;
    expect(sameAction.map((x) => x.stream)).toEqual([`case:${applied.body.id}`, `applicant:${company[0].id}`]);
    // and the city's supervisor reads it in the audit trail
    const supervisor = await signIn(server, 'supervisor1');
    const trail = (await supervisor.get(`/api/v1/audit/entries?targetType=applicant&targetId=${company[0].id}`)).body.items;
    expect(trail).toEqual([expect.objectContaining({ action: 'applicant.register', actorRole: 'head', change: expect.objectContaining({ name }) })]);
    const license = (await server.sql("SELECT id, number, holder_id, content FROM case_document WHERE case_id = $1 AND kind = 'license'", [applied.body.id]))
      .rows[0];
    expect(Number(license.holder_id)).toBe(Number(company[0].id));
    const printed = Object.fromEntries(license.content.fields as [string, string][]);
    const creditCode = printed['统一社会信用代码']!;
    expect(isValidCreditCode(creditCode), creditCode).toBe(true);
    expect(creditCode.slice(0, 10)).toBe('91990100MA');
    expect(printed).toMatchObject({
      名称: name,
      法定代表人: '林小雨',
      住所: '云州市青川区湖滨路 8 号',
      企业类型: item.content.form.schema.properties.companyType.enum[0],
      '注册资本（万元）': '50',
      经营范围: '软件开发',
      登记机关: '云州市市场监督管理局',
    });
    expect(printed['成立日期']).toMatch(/^2\d{3}年\d{1,2}月\d{1,2}日$/);
    expect(printed).not.toHaveProperty('持证主体');
    expect(license.content.body[0]).toContain(`${name}的“企业设立登记”申请`);

    // the decision to 林小雨 says what was registered; the license's PDF names the company and its code
    const docs = (await citizen.get(`/api/v1/cases/${applied.body.id}/documents`)).body.items as { id: number; kind: string; url: string }[];
    const decision = await reader.pdfText(
      server,
      citizen,
      applied.body.id,
      docs.find((d) => d.kind === 'decision')!,
    );
    expect(decision).toContain('林小雨：');
    expect(decision).toContain(`${name}依法登记成立，统一社会信用代码：${creditCode}。`);
    const pdf = await reader.pdfText(
      server,
      citizen,
      applied.body.id,
      docs.find((d) => d.kind === 'license')!,
    );
    for (const text of [name, creditCode, '法定代表人林小雨', '经营范围软件开发']) expect(pdf).toContain(text);

    // anyone verifying the number is told the company holds it
    const verified = (await citizen.get(`/api/v1/licenses/verify/${encodeURIComponent(license.number)}`)).body;
    expect(verified).toMatchObject({ holder: name, holderKind: 'enterprise', state: 'valid' });

    // held by the company, not by 林小雨; she acts for the company, and sees its licenses as its agent
    const own = (await citizen.get('/api/v1/licenses')).body.items as { number: string }[];
    expect(own.map((l) => l.number)).not.toContain(license.number);
    const agents = (await citizen.get('/api/v1/agents')).body;
    const acting = agents.actingFor.find((a: { principal: { name: string } }) => a.principal.name === name);
    expect(acting.principal.applicantId).toBe(Number(company[0].id));
    const held = (await citizen.get(`/api/v1/licenses?applicantId=${acting.principal.applicantId}`)).body.items as { number: string; type: string }[];
    expect(held).toEqual([expect.objectContaining({ number: license.number, type: '营业执照' })]);
    // somebody else may not
    const stranger = await signIn(server, 'citizen2');
    expect((await stranger.get(`/api/v1/licenses?applicantId=${acting.principal.applicantId}`)).status).toBe(403);

    // the window finds the company in the register by its code
    const found = (await clerk.get(`/api/v1/applicants?idNumber=${creditCode}`)).body as { name: string; hasAccount: boolean }[];
    expect(found).toEqual([expect.objectContaining({ name, hasAccount: false })]);
  });

  it('refuses a second company of a registered name at intake, and files nothing', { timeout: 60_000 }, async () => {
    const name = uniqueCompanyName();
    const first = await apply(name);
    expect((await workToDecision(first.body.id)).body.decision).toBe('granted');
    const before = (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n;
    const again = await apply(name);
    expect(again.status).toBe(400);
    expect(again.body.error.details).toMatchObject({ field: 'companyName', problems: [expect.objectContaining({ messageZh: '该名称已被其他企业登记使用' })] });
    expect((await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n).toBe(before);
  });

  it('does not grant an application whose name was registered meanwhile: 409, and nothing is decided or registered', { timeout: 60_000 }, async () => {
    const name = uniqueCompanyName();
    const [a, b] = [await apply(name), await apply(name)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await workToDecision(a.body.id)).body.decision).toBe('granted');
    const refused = await workToDecision(b.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ field: 'companyName', name });
    const kase = (await clerk.get(`/api/v1/cases/${b.body.id}`)).body;
    expect(kase.decision).toBeNull();
    expect(kase.documents.map((d: { kind: string }) => d.kind)).not.toContain('license');
    expect((await server.sql("SELECT count(*)::int AS n FROM applicant WHERE kind = 'enterprise' AND name = $1", [name])).rows[0].n).toBe(1);
  });

  it('grants one of two applications of one name decided at the same moment; the other is a 409', { timeout: 60_000 }, async () => {
    const name = uniqueCompanyName();
    const [a, b] = [await apply(name), await apply(name)];
    expect([a.status, b.status]).toEqual([201, 201]);
    // each worked up to its deciding stage, then both heads approve at once
    const atDecision = async (id: number) => {
      let kase = (await clerk.post(`/api/v1/cases/${id}/actions`, { action: 'accept' })).body;
      for (let guard = 0; guard < 8; guard++) {
        const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
        const head = await signIn(server, await headOf(task.organizationId));
        if (task.stage === 'decide') return () => head.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '准予设立登记' });
        kase = (await head.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' })).body;
      }
      throw new Error(`case ${id} has no deciding stage`);
    };
    const decide = await Promise.all([atDecision(a.body.id), atDecision(b.body.id)]);
    const answers = await Promise.all(decide.map((d) => d()));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect(refused.body.error.details).toMatchObject({ field: 'companyName', name });
    expect((await server.sql("SELECT count(*)::int AS n FROM applicant WHERE kind = 'enterprise' AND name = $1", [name])).rows[0].n).toBe(1);
    const decided = (await server.sql('SELECT count(*)::int AS n FROM kase WHERE id = ANY($1) AND decision IS NOT NULL', [[a.body.id, b.body.id]])).rows[0].n;
    expect(decided).toBe(1);
  });
});

describe('企业开办一件事', () => {
  it('files the bundle’s other item cases for the company once it is registered, the founder its agent', { timeout: 60_000 }, async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const formData = sampleForm(bundle.form, idNumber);
    const applied = await citizen.post('/api/v1/cases', { bundleCode: 'B-QYKB-001', formData, materials: sampleMaterials(bundle.materials) });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const accepted = await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const children = accepted.body.bundle.children as { id: number; subject: string }[];
    const registration = children.find((c) => c.subject === '企业设立登记')!;
    const others = children.filter((c) => c !== registration);
    expect(others).toHaveLength(3);

    // accepted together, the three wait for the company: their clocks paused, not to be decided or sent back before it
    for (const c of others) {
      const kase = (await clerk.get(`/api/v1/cases/${c.id}`)).body;
      expect(kase.status).toBe('in_progress');
      expect(kase.clock.state).toBe('paused');
      expect(kase.clock.pauses.at(-1)).toMatchObject({ reason: 'registration', endedAt: null });
      expect(kase.timeline.at(-1)).toMatchObject({ type: 'awaiting_registration', payload: { byCase: { id: registration.id } } });
      const task = kase.tasks.find((t: { state: string }) => t.state === 'open');
      const head = await signIn(server, await headOf(task.organizationId));
      for (const action of ['approve', 'reject', 'request_supplement', 'start_special'] as const) {
        const body =
          action === 'request_supplement'
            ? { action, taskId: task.id, items: [{ key: kase.materials[0].key, note: '请补充' }] }
            : action === 'start_special'
              ? { action, taskId: task.id, kind: 'inspection', reason: '现场核查' }
              : { action, taskId: task.id, opinion: '同意' };
        const early = await head.post(`/api/v1/cases/${c.id}/actions`, body);
        expect([early.status, early.body.error?.code], action).toEqual([409, 'AWAITING_REGISTRATION']);
      }
      expect((await clerk.get(`/api/v1/cases/${c.id}`)).body.version).toBe(kase.version);
      // the approval sheet names the pause
      if (c === others[0]) {
        const res = await fetch(`${server.baseUrl}/api/v1/cases/${c.id}/sheet.pdf`, { headers: { cookie: clerk.cookie } });
        expect(res.status).toBe(200);
        const file = path.join(reader.dir, `case-${c.id}-sheet.pdf`);
        writeFileSync(file, Buffer.from(await res.arrayBuffer()));
        expect(reader.poppler('pdftotext', file, '-enc', 'UTF-8').replace(/\s+/g, '')).toContain('等待企业设立登记');
      }
      // the department's inbox says why it waits
      const listed = (await head.get('/api/v1/tasks?limit=200')).body.items.find((x: { caseId: number }) => x.caseId === c.id);
      expect(listed).toMatchObject({ pausedFor: 'registration' });
    }

    const decided = await workToDecision(registration.id, false);
    expect(decided.body.decision, JSON.stringify(decided.body)).toBe('granted');
    const founder = Number((await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id);
    const company = Number((await server.sql("SELECT id FROM applicant WHERE kind = 'enterprise' AND name = $1", [formData.companyName])).rows[0].id);
    const { rows } = await server.sql('SELECT id, applicant_id, agent_applicant_id FROM kase WHERE parent_id = $1 ORDER BY id', [applied.body.id]);
    for (const r of rows)
      expect([Number(r.applicant_id), Number(r.agent_applicant_id ?? 0)]).toEqual(Number(r.id) === registration.id ? [founder, 0] : [company, founder]);
    // the bundle asked none of the company's own particulars, nor a 营业执照: the registration gives them
    expect(Object.keys(bundle.form.schema.properties)).not.toEqual(expect.arrayContaining(['entityName']));
    for (const key of ['entityName', 'creditCode', 'legalRepresentative']) expect(bundle.form.schema.properties).not.toHaveProperty(key);
    expect(bundle.materials.map((m: { key: string }) => m.key)).not.toContain('business_license');
    // each tells the step on its timeline, and 林小雨 still follows them
    const seal = (await citizen.get(`/api/v1/cases/${others[0]!.id}`)).body;
    expect(seal.form).toMatchObject({ entityName: formData.companyName, legalRepresentative: formData.legalRepName });
    expect(isValidCreditCode(seal.form.creditCode) && seal.form.creditCode.startsWith('91990100MA')).toBe(true);
    const license = (await server.sql("SELECT id, number FROM case_document WHERE case_id = $1 AND kind = 'license'", [registration.id])).rows[0];
    expect(seal.materials.find((m: { key: string }) => m.key === 'business_license')).toMatchObject({
      status: 'from_license',
      license: { id: Number(license.id), number: license.number },
    });
    expect(seal.timeline.find((e: { type: string }) => e.type === 'enterprise_registered').payload).toMatchObject({
      name: formData.companyName,
      byCase: { id: registration.id },
    });
    // the bundle application, which the founder follows, says so too
    const bundleCase = (await citizen.get(`/api/v1/cases/${applied.body.id}`)).body;
    expect(bundleCase.timeline.find((e: { type: string }) => e.type === 'enterprise_registered')?.payload).toMatchObject({
      name: formData.companyName,
      bundle: true,
      byCase: { id: registration.id },
    });
    const own = (await citizen.get(`/api/v1/cases/${registration.id}`)).body;
    expect(own.timeline.find((e: { type: string }) => e.type === 'enterprise_registered').payload).toMatchObject({ name: formData.companyName });
    // the wait is over: the clocks run, each department is told, and the seal is decided for the company
    for (const c of others) expect((await clerk.get(`/api/v1/cases/${c.id}`)).body.clock.state).toBe('running');
    await server.drainOutbox();
    const told = await server.sql("SELECT DISTINCT m.link FROM message m WHERE m.title->>'zh-CN' = '企业已登记成立，可继续办理' AND m.link = ANY($1)", [
      others.map((c) => `/workbench/cases/${c.id}`),
    ]);
    expect(told.rows).toHaveLength(3);
    expect((await workToDecision(others[0]!.id, false)).body.decision).toBe('granted');
  });

  it('lets the waiting cases go on to be decided when the registration is denied', { timeout: 60_000 }, async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const applied = await citizen.post('/api/v1/cases', {
      bundleCode: 'B-QYKB-001',
      formData: sampleForm(bundle.form, idNumber),
      materials: sampleMaterials(bundle.materials),
    });
    const accepted = await clerk.post(`/api/v1/cases/${applied.body.id}/actions`, { action: 'accept' });
    const children = accepted.body.bundle.children as { id: number; subject: string }[];
    const registration = children.find((c) => c.subject === '企业设立登记')!;
    const others = children.filter((c) => c !== registration);
    expect((await workToDecision(registration.id, false, 'reject')).body.decision).toBe('denied');
    for (const c of others) {
      const kase = (await clerk.get(`/api/v1/cases/${c.id}`)).body;
      expect(kase.clock.state).toBe('running');
      expect(kase.timeline.at(-1)).toMatchObject({ type: 'registration_denied', payload: { byCase: { id: registration.id } } });
      // filed for nobody new: still the founder's
      expect(kase.applicant.name).toBe('林小雨');
    }
    await server.drainOutbox();
    const told = await server.sql(
      "SELECT count(DISTINCT m.link)::int AS n FROM message m WHERE m.title->>'zh-CN' = '企业设立登记不予登记' AND m.link = ANY($1)",
      [others.map((c) => `/workbench/cases/${c.id}`)],
    );
    expect(told.rows[0].n).toBe(3);
    expect((await workToDecision(others[0]!.id, false, 'reject')).body.decision).toBe('denied');
  });
});

describe('what a license prints of the form, and whom a grant registers (the item’s rules)', () => {
  it('takes printable fields of the form on a license-type item, and a registration named by its text and address fields', () => {
    const content = item.content;
    const paths = (c: ItemContent) => validateContent(c, () => true).map((p) => p.path);
    expect(paths(content).filter((p) => p.startsWith('resultFields') || p.startsWith('establishes'))).toEqual([]);
    expect(paths({ ...content, resultFields: ['shareholders', 'legalRepIdNumber', 'noSuchField', 'companyType', 'companyType'] })).toEqual(
      expect.arrayContaining(['resultFields.0', 'resultFields.1', 'resultFields.2', 'resultFields.4']),
    );
    expect(paths({ ...content, establishes: { nameField: 'registeredCapital', legalRepresentativeField: 'nope', addressField: 'companyName' } })).toEqual(
      expect.arrayContaining(['establishes.nameField', 'establishes.legalRepresentativeField', 'establishes.addressField']),
    );
    expect(paths({ ...content, resultType: 'approval_document', resultLicenseType: null, resultValidity: null })).toEqual(
      expect.arrayContaining(['resultFields', 'establishes']),
    );
  });
});
