import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revealedIdNumber, signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent, sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';

let server: TestServer;
let idNumber: string;
let citizen: Client;
let clerk: Client;
let reviewCode: string;

const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
type Task = { id: number; name: string; stage: string; state: string; organizationId: number; role: string; canAct: boolean; canRecall: boolean; kind: string };
const open = (kase: { tasks: Task[] }) => kase.tasks.filter((t) => t.state === 'open' || t.state === 'claimed');
const org = async (name: string) => (await server.sql('SELECT id FROM organization WHERE name = $1', [name])).rows[0].id as number;
const accountId = async (username: string) => (await server.sql('SELECT id FROM account WHERE username = $1', [username])).rows[0].id as number;
/** The head of a task's department: heads may act on approver and head tasks of their organization. */
const headOf = async (organizationId: number) =>
  (
    await server.sql(
      "SELECT a.username FROM account a JOIN role_assignment r ON r.account_id = a.id WHERE r.role = 'head' AND r.organization_id = $1 ORDER BY a.id LIMIT 1",
      [organizationId],
    )
  ).rows[0].username as string;

/** A market-supervision licence: review (approver) → decide (head) → conclude (approver) → delivery. */
async function publishReviewItem() {
  const market = await org('云州市市场监督管理局');
  const content = itemContent({
    name: '测试协同审批许可',
    audience: ['person', 'enterprise'],
    process: {
      nodes: [
        { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' } },
        {
          kind: 'stage',
          id: 'review',
          stage: 'review',
          name: '审查',
          assignee: { role: 'approver', org: 'implementing' },
          budget: { value: 3, unit: 'workday' },
        },
        { kind: 'stage', id: 'decide', stage: 'decide', name: '决定', assignee: { role: 'head', org: 'implementing' }, budget: { value: 1, unit: 'workday' } },
        { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'approver', org: 'implementing' } },
        { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
      ],
    },
  });
  const admin = await signIn(server, 'catalogadmin');
  const reviewer = await signIn(server, 'centeradmin');
  const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000600', content });
  expect(created.status).toBe(201);
  const submitted = await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body.code as string;
}

beforeAll(async () => {
  server = await startTestServer();
  citizen = await signIn(server, 'citizen1');
  clerk = await signIn(server, 'clerk1');
  idNumber = await revealedIdNumber(server, clerk);
  reviewCode = await publishReviewItem();
});
afterAll(async () => {
  await server?.close();
});

async function acceptedReviewCase() {
  const applied = await citizen.post('/api/v1/cases', {
    itemCode: reviewCode,
    formData: { applicantName: '林小雨', idNumber, phone: '13600000001' },
    materials: [
      { key: 'application_form', reference: 'upload:application.pdf' },
      { key: 'business_license', fromLicense: true },
    ],
  });
  expect(applied.status).toBe(201);
  const kase = (await act(clerk, applied.body.id, { action: 'accept' })).body;
  expect(kase.status).toBe('in_progress');
  return { id: applied.body.id as number, kase };
}

describe('bundles (一件事一次办)', () => {
  it('fans the enterprise-establishment bundle out into four item cases, approved in parallel and delivered together', { timeout: 120_000 }, async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    expect(bundle.items).toHaveLength(4);
    const formData = sampleForm(bundle.form, idNumber);
    const materials = sampleMaterials(bundle.materials);

    // bad input changes nothing: an unknown material, an item and a bundle at once
    const before = (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n;
    expect(
      (await citizen.post('/api/v1/cases', { bundleCode: 'B-QYKB-001', formData, materials: [...materials, { key: 'no_such', reference: 'x' }] })).status,
    ).toBe(400);
    expect((await citizen.post('/api/v1/cases', { bundleCode: 'B-QYKB-001', itemCode: reviewCode, formData, materials })).status).toBe(400);
    expect((await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n).toBe(before);

    const applied = await citizen.post('/api/v1/cases', { bundleCode: 'B-QYKB-001', formData, materials });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.children).toHaveLength(4);
    const parentId = applied.body.id as number;
    let parent = (await citizen.get(`/api/v1/cases/${parentId}`)).body;
    expect(parent.bundle.children.map((c: { status: string }) => c.status)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
    expect(parent.itemCode).toBeNull();

    // the window acts on the bundle, not on its item cases
    const childId = applied.body.children[0].id as number;
    expect((await act(clerk, childId, { action: 'accept' })).status).toBe(409);
    parent = (await act(clerk, parentId, { action: 'accept' })).body;
    expect(parent.status).toBe('in_progress');
    expect(parent.clock.state).toBe('running');

    // every department works its own item case; the parent waits for all of them. The seal, tax and social insurance
    // cases take the company's particulars: they wait for its registration, and are decided once it is granted.
    const children = applied.body.children as { id: number }[];
    let waited = 0;
    for (let round = 0; round < 12; round++) {
      let moved = false;
      for (const c of children) {
        const kase = (await clerk.get(`/api/v1/cases/${c.id}`)).body;
        expect(kase.parent.id).toBe(parentId);
        expect(kase.status).not.toBe('submitted');
        for (const t of open(kase)) {
          const head = await signIn(server, await headOf(t.organizationId));
          const r = await act(head, c.id, { action: 'approve', taskId: t.id, opinion: '同意' });
          if (r.status === 409 && r.body.error.code === 'AWAITING_REGISTRATION' && c.id !== children[0]!.id) {
            waited += 1;
            continue;
          }
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          moved = true;
        }
      }
      const status = (await clerk.get(`/api/v1/cases/${parentId}`)).body.status;
      if (status === 'concluded') break;
      expect(moved).toBe(true);
      expect(status).toBe('in_progress');
    }
    parent = (await clerk.get(`/api/v1/cases/${parentId}`)).body;
    expect(parent.status).toBe('concluded');
    expect(waited).toBeGreaterThanOrEqual(3);
    expect(parent.bundle.children.every((c: { status: string }) => c.status === 'concluded')).toBe(true);
    expect(parent.clock.state).toBe('stopped');

    // delivered together, never one by one
    expect((await act(clerk, childId, { action: 'deliver', method: 'electronic' })).status).toBe(409);
    parent = (await act(clerk, parentId, { action: 'deliver', method: 'pickup', identityChecked: true })).body;
    expect(parent.status).toBe('delivered');
    expect(parent.bundle.children.every((c: { status: string }) => c.status === 'delivered')).toBe(true);

    // the bundle application's documents go on with its item cases' results, each named by its item case: a decision
    // of each department, and the 营业执照 the registration issued — each downloads for the applicant
    type Listed = { id: number; kind: string; title: string; number: string; url: string; ofCase?: { id: number; number: string; subject: string } };
    const listed = (await citizen.get(`/api/v1/cases/${parentId}/documents`)).body.items as Listed[];
    const own = listed.filter((d) => !d.ofCase);
    expect(own.map((d) => d.kind)).toContain('acceptance_notice');
    expect(own.every((d) => d.url.startsWith(`/api/v1/cases/${parentId}/`))).toBe(true);
    const results = listed.filter((d) => d.ofCase);
    const childNumbers = Object.fromEntries((parent.bundle.children as { id: number; number: string }[]).map((c) => [c.id, c.number])) as Record<
      number,
      string
    >;
    expect(results.filter((d) => d.kind === 'decision').map((d) => d.ofCase!.id)).toEqual(children.map((c) => c.id));
    for (const d of results) {
      expect(['decision', 'license', 'revocation_decision']).toContain(d.kind);
      expect(d.ofCase!.number).toBe(childNumbers[d.ofCase!.id]);
      expect(d.url.startsWith(`/api/v1/cases/${d.ofCase!.id}/documents/`)).toBe(true);
    }
    const businessLicense = results.find((d) => d.kind === 'license' && d.ofCase!.subject === '企业设立登记');
    expect(businessLicense?.title).toBe('营业执照');
    const pdf = await fetch(`${server.baseUrl}${businessLicense!.url}`, { headers: { cookie: citizen.cookie } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    // one 送达回证 for the application, naming each item case's results; none on the item cases
    const receipt = own.find((d) => d.kind === 'delivery_receipt');
    expect(receipt?.title).toBe('送达回证');
    const reader = pdfReader();
    try {
      const text = await reader.pdfText(server, citizen, parentId, receipt!);
      for (const d of results) for (const s of [d.title, d.number, d.ofCase!.number]) expect(text, s).toContain(s);
      expect(text).toContain('领取人签名');
    } finally {
      reader.close();
    }
    expect(results.map((d) => d.kind)).not.toContain('delivery_receipt');
    // the clerk's list is the same; another applicant reads none of it
    expect((await clerk.get(`/api/v1/cases/${parentId}/documents`)).body.items).toHaveLength(listed.length);
    expect((await (await signIn(server, 'citizen2')).get(`/api/v1/cases/${parentId}/documents`)).status).toBe(404);
    // an item case's own list is its own documents only
    const childListed = (await citizen.get(`/api/v1/cases/${childId}/documents`)).body.items as Listed[];
    expect(childListed.length).toBeGreaterThan(0);
    expect(childListed.every((d) => d.ofCase === undefined)).toBe(true);

    // the seven kinds count the item cases, not the bundle
    const counted = (await server.sql('SELECT count(*)::int AS n FROM kase WHERE bundle_id IS NULL AND parent_id = $1', [parentId])).rows[0].n;
    expect(counted).toBe(4);
    await server.drainOutbox();
    const messages = await server.sql(
      "SELECT m.title->>'zh-CN' AS title FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'citizen1' AND m.title->>'zh-CN' = '申请已受理' AND m.link = $1",
      [`/my/cases/${parentId}`],
    );
    expect(messages.rows).toHaveLength(1);
    // each item's conclusion says its result goes out with the bundle's
    const concluded = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'citizen1' AND m.title->>'zh-CN' = '办件已办结' AND m.link = $1",
      [`/my/cases/${childId}`],
    );
    expect(concluded.rows).toEqual([{ body: expect.stringContaining('结果将随“一件事”申请统一送达') }]);
  });

  it('is received at the window for 林小雨 and accepted in the same step (收件并受理), or nothing is filed', async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const applicantId = Number((await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id);
    const formData = sampleForm(bundle.form, idNumber);
    const materials = sampleMaterials(bundle.materials);
    const body = { bundleCode: 'B-QYKB-001', channel: 'window', applicantId, formData, materials, accept: true, acceptNote: '一窗受理' };
    const count = async () => (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n as number;
    const before = await count();
    // a required material missing: 409 naming it, nothing filed; an applicant does not accept; no 容缺 for a bundle
    const required = bundle.materials.find((m: { necessity: string }) => m.necessity === 'required').key as string;
    const incomplete = await clerk.post('/api/v1/cases', { ...body, materials: materials.filter((m) => m.key !== required) });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error.details.missing).toEqual([required]);
    expect((await citizen.post('/api/v1/cases', { ...body, applicantId: undefined })).status).toBe(403);
    expect((await clerk.post('/api/v1/cases', { ...body, tolerate: { workdays: 5 } })).status).toBe(400);
    expect((await clerk.post('/api/v1/cases', { ...body, accept: false })).status).toBe(400);
    expect(await count()).toBe(before);

    const key = { 'idempotency-key': 'bundle-window-accept-0001' };
    const r = await clerk.post('/api/v1/cases', body, key);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('in_progress');
    expect(r.body.children).toHaveLength(4);
    const parent = (await clerk.get(`/api/v1/cases/${r.body.id}`)).body;
    expect(parent.channel).toBe('window');
    expect(parent.clock.state).toBe('running');
    expect(parent.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['submitted', 'accepted']));
    expect(parent.timeline.find((e: { type: string }) => e.type === 'accepted').payload).toMatchObject({ note: '一窗受理', children: 4 });
    expect(parent.bundle.children.every((c: { status: string }) => c.status === 'in_progress')).toBe(true);
    expect(parent.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['material_receipt', 'acceptance_notice']));
    // one 受理通知书 for the whole application: its item cases, and which wait for the company
    const reader = pdfReader();
    try {
      const notice = await reader.pdfText(
        server,
        clerk,
        r.body.id,
        (await clerk.get(`/api/v1/cases/${r.body.id}/documents`)).body.items.find((d: { kind: string }) => d.kind === 'acceptance_notice'),
      );
      for (const child of r.body.children as { number: string }[]) expect(notice).toContain(child.number);
      expect(notice).toContain('须待企业设立登记准予');
    } finally {
      reader.close();
    }
    // a retry files nothing more
    expect((await clerk.post('/api/v1/cases', body, key)).body.id).toBe(r.body.id);
    expect(await count()).toBe(before + 5);
  });

  it('gives one one-time notice for the bundle and takes the supplements on the bundle', async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const materials = sampleMaterials(bundle.materials);
    const applied = await citizen.post('/api/v1/cases', { bundleCode: 'B-QYKB-001', formData: sampleForm(bundle.form, idNumber), materials });
    expect(applied.status).toBe(201);
    const parentId = applied.body.id as number;
    const asked = materials.find((m) => 'reference' in m)!;
    const noticed = await act(clerk, parentId, { action: 'notice', items: [{ key: asked.key, note: '请提供清晰的原件扫描件' }] });
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(200);
    expect(noticed.body.status).toBe('notified');
    const waiting = noticed.body.bundle.children.filter((c: { status: string }) => c.status === 'notified');
    expect(waiting.length).toBeGreaterThan(0);
    // the applicant hands the material in once, on the bundle
    const done = await act(citizen, parentId, { action: 'supplement', materials: [{ key: asked.key, reference: 'paper:rescanned' }] });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('submitted');
    expect(done.body.bundle.children.every((c: { status: string }) => c.status === 'submitted')).toBe(true);
    // withdrawal reaches every item case
    const withdrawn = await act(citizen, parentId, { action: 'withdraw', reason: '暂不开办' });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.bundle.children.every((c: { status: string }) => c.status === 'withdrawn')).toBe(true);
  });
});

describe('working a task together', () => {
  it('hands a task to a colleague and takes it back with the answer (交办)', async () => {
    const { id, kase } = await acceptedReviewCase();
    const approver1 = await signIn(server, 'approver1');
    const approver1b = await signIn(server, 'approver1b');
    const task = open(kase)[0]!;
    expect(task.canAct).toBe(false); // the clerk's view
    const seen = (await approver1.get(`/api/v1/cases/${id}`)).body;
    expect(open(seen)[0]!.canAct).toBe(true);
    expect(open(seen)[0]!.organizationId).toBe(await org('云州市市场监督管理局'));

    const handed = await act(approver1, id, { action: 'delegate', taskId: task.id, accountId: await accountId('approver1b'), note: '请核实场所' });
    expect(handed.status).toBe(200);
    // the colleague answers; they cannot decide it themselves
    expect((await act(approver1b, id, { action: 'approve', taskId: task.id })).status).toBe(409);
    expect((await act(approver1b, id, { action: 'answer', taskId: task.id, opinion: '场所已核实' })).status).toBe(200);
    const back = (await approver1.get(`/api/v1/cases/${id}`)).body;
    expect(open(back)[0]!.canAct).toBe(true);
    expect(back.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['task_delegated', 'delegation_answered']));
    await server.drainOutbox();
    const told = await server.sql(
      "SELECT count(*)::int AS n FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'approver1b' AND m.link = $1",
      [`/workbench/cases/${id}`],
    );
    expect(told.rows[0].n).toBe(1);
  });

  it('waits for a co-signer before the stage moves on (加签)', async () => {
    const { id, kase } = await acceptedReviewCase();
    const approver1 = await signIn(server, 'approver1');
    const approver2 = await signIn(server, 'approver2');
    const task = open(kase)[0]!;
    const police = await org('云州市公安局');
    expect((await act(approver1, id, { action: 'add_cosigner', taskId: task.id, organizationId: police, note: '涉及治安管理，请会签' })).status).toBe(200);
    const added = (await approver1.get(`/api/v1/cases/${id}`)).body;
    expect(open(added).map((t) => t.kind)).toEqual(['work', 'cosign']);
    expect((await act(approver1, id, { action: 'approve', taskId: task.id, opinion: '符合条件' })).status).toBe(200);
    let now = (await approver1.get(`/api/v1/cases/${id}`)).body;
    // the review is done but the decision waits for the co-signer; the case's version moves all the same, once an action
    expect(open(now).map((t) => t.kind)).toEqual(['cosign']);
    expect(now.version).toBe(added.version + 1);
    const cosign = open(now)[0]!;
    expect((await act(approver1, id, { action: 'approve', taskId: cosign.id })).status).toBe(404);
    expect((await act(approver2, id, { action: 'approve', taskId: cosign.id, opinion: '无异议' })).status).toBe(200);
    now = (await approver1.get(`/api/v1/cases/${id}`)).body;
    expect(open(now).map((t) => t.name)).toEqual(['决定']);
    expect(now.version).toBe(added.version + 2);
  });

  it('recalls an approval while the next step has not started, and not after (撤回)', async () => {
    const { id, kase } = await acceptedReviewCase();
    const approver1 = await signIn(server, 'approver1');
    const head1 = await signIn(server, 'head1');
    const task = open(kase)[0]!;
    await act(approver1, id, { action: 'approve', taskId: task.id, opinion: '同意' });
    let now = (await approver1.get(`/api/v1/cases/${id}`)).body;
    expect(now.tasks.find((t: Task) => t.id === task.id).canRecall).toBe(true);
    expect(open(now).map((t) => t.name)).toEqual(['决定']);
    // a client that only moves cases along asks for the short answer
    const shortly = { prefer: 'return=minimal', 'idempotency-key': `urge-short-${id}` };
    const short = await approver1.post(`/api/v1/cases/${id}/actions`, { action: 'urge', taskId: open(now)[0]!.id }, shortly);
    expect(short.status).toBe(200);
    expect(short.headers.get('preference-applied')).toBe('return=minimal');
    expect(short.body).toEqual({
      id,
      number: now.number,
      status: 'in_progress',
      version: expect.any(Number),
      tasks: [expect.objectContaining({ name: '决定', role: 'head' })],
    });
    // the short answer is read in the action's transaction: its version is the committed one; a retry with the
    // same key ran no action and reads it afresh, the same
    const retried = await approver1.post(`/api/v1/cases/${id}/actions`, { action: 'urge', taskId: open(now)[0]!.id }, shortly);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(short.body);
    expect((await approver1.get(`/api/v1/cases/${id}`)).body.version).toBe(short.body.version);
    // the statement that read it also wrote the action's timeline entry, audit entry and domain event: once
    const urged = await server.sql(
      `SELECT (SELECT count(*)::int FROM case_event WHERE case_id = $1 AND type = 'task_urged') AS timeline,
         (SELECT count(*)::int FROM audit_entry WHERE stream = 'case:' || $1 AND action = 'case.task_urged') AS audit,
         (SELECT count(*)::int FROM domain_event WHERE stream_id = $1::text AND type = 'case.task_urged') AS outbox`,
      [id],
    );
    expect(urged.rows[0]).toEqual({ timeline: 1, audit: 1, outbox: 1 });
    const recalled = await act(approver1, id, { action: 'recall', taskId: task.id });
    expect(recalled.status).toBe(200);
    now = recalled.body;
    expect(open(now).map((t) => t.name)).toEqual(['审查']);
    expect(now.tasks.filter((t: Task) => t.name === '决定').map((t: Task) => t.state)).toEqual(['cancelled']);

    // approve again; once the head has claimed the decision, the approval stands
    await act(approver1, id, { action: 'approve', taskId: task.id, opinion: '同意' });
    now = (await head1.get(`/api/v1/cases/${id}`)).body;
    const decide = open(now)[0]!;
    expect((await act(head1, id, { action: 'claim', taskId: decide.id })).status).toBe(200);
    const late = await act(approver1, id, { action: 'recall', taskId: task.id });
    expect(late.status).toBe(409);
    // someone else's action cannot be recalled
    expect((await act(head1, id, { action: 'recall', taskId: task.id })).status).toBe(409);
  });

  it('returns a decision to the reviewer who reviewed it (退回), never from the first stage, and not while the clock is paused', async () => {
    const { id, kase } = await acceptedReviewCase();
    const approver1 = await signIn(server, 'approver1');
    const head1 = await signIn(server, 'head1');
    const review = open(kase)[0]!;
    const returned = (body: object) => act(approver1, id, { action: 'return', opinion: '请补充核查意见', ...body });
    // the first stage has nowhere to go back to: said so, and nothing changes
    expect((await approver1.get(`/api/v1/cases/${id}`)).body.tasks.find((t: Task) => t.id === review.id).mayReturn).toBe(false);
    const first = await returned({ taskId: review.id });
    expect(first.status).toBe(409);
    expect(first.body.error.code).toBe('NOTHING_TO_RETURN_TO');
    expect(first.body.error.message).toBe('当前为首个审批环节，没有可退回的环节');
    expect(open((await approver1.get(`/api/v1/cases/${id}`)).body).map((t: Task) => [t.id, t.state])).toEqual([[review.id, 'open']]);

    // a special procedure pauses the clock: approving, rejecting or returning waits for its end
    expect((await act(approver1, id, { action: 'start_special', taskId: review.id, kind: 'expert_review', reason: '组织专家评审' })).status).toBe(200);
    for (const body of [
      { action: 'approve', taskId: review.id, opinion: '同意' },
      { action: 'reject', taskId: review.id, opinion: '不符合条件' },
    ]) {
      const r = await act(approver1, id, body);
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'SPECIAL_PROCEDURE_RUNNING', details: { procedure: 'expert_review' } });
    }
    expect(open((await approver1.get(`/api/v1/cases/${id}`)).body).map((t: Task) => t.name)).toEqual(['审查']);
    expect((await act(approver1, id, { action: 'end_special', taskId: review.id, result: '专家评审通过' })).status).toBe(200);
    expect((await act(approver1, id, { action: 'approve', taskId: review.id, opinion: '同意' })).status).toBe(200);

    // at the decision, 退回 goes back to the review, claimed for the reviewer who reviewed it
    let now = (await head1.get(`/api/v1/cases/${id}`)).body;
    const decide = open(now)[0]!;
    expect(now.tasks.find((t: Task) => t.id === decide.id).mayReturn).toBe(true);
    expect((await act(head1, id, { action: 'start_special', taskId: decide.id, kind: 'hearing', reason: '听证' })).status).toBe(200);
    expect((await act(head1, id, { action: 'return', taskId: decide.id, opinion: '请补充核查意见' })).body.error.code).toBe('SPECIAL_PROCEDURE_RUNNING');
    expect((await act(head1, id, { action: 'end_special', taskId: decide.id, result: '听证结束' })).status).toBe(200);
    const back = await act(head1, id, { action: 'return', taskId: decide.id, opinion: '请补充核查意见' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    now = back.body;
    const again = open(now);
    expect(again).toEqual([expect.objectContaining({ name: '审查', state: 'claimed', assignee: '陈静' })]);
    expect((await approver1.get(`/api/v1/cases/${id}`)).body.tasks.find((t: Task) => t.id === again[0]!.id)).toMatchObject({
      canAct: true,
      assignedToMe: true,
    });
  });

  it('urges a task once an hour, copies the case to a colleague outside the scope, and lets a head reassign', async () => {
    const { id, kase } = await acceptedReviewCase();
    const task = open(kase)[0]!;
    const supervisor = await signIn(server, 'supervisor1');
    expect((await act(supervisor, id, { action: 'urge', taskId: task.id, note: '请加快办理' })).status).toBe(200);
    const again = await act(supervisor, id, { action: 'urge', taskId: task.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('URGED_RECENTLY');
    const unit = await signIn(server, 'approver2');
    expect((await unit.get(`/api/v1/cases/${id}`)).status).toBe(404);
    // whom to copy: the staff directory reaches other departments of the region (names, organizations, titles only)
    const approver = await signIn(server, 'approver1');
    const found = (await approver.get(`/api/v1/org/directory?q=${encodeURIComponent('黄磊')}`)).body;
    expect(found).toEqual([expect.objectContaining({ accountId: await accountId('approver2'), organizationName: expect.stringContaining('公安') })]);
    expect(Object.keys(found[0]).sort()).toEqual(['accountId', 'name', 'organizationId', 'organizationName', 'title']);
    expect((await (await signIn(server, 'citizen1')).get('/api/v1/org/directory')).status).toBe(403);
    // a district's staff reach the city's departments above them, and the city's staff the districts below
    const district = await signIn(server, 'qcclerk');
    const upward = (await district.get(`/api/v1/org/directory?q=${encodeURIComponent('黄磊')}`)).body;
    expect(upward.map((c: { accountId: number }) => c.accountId)).toEqual([await accountId('approver2')]);
    const downward = (await approver.get(`/api/v1/org/directory?q=${encodeURIComponent('马超')}`)).body;
    expect(downward.map((c: { accountId: number }) => c.accountId)).toEqual([await accountId('qcclerk')]);
    // who can co-sign for the police: its approvers, though the police lie outside approver1's own staff list
    const police = Number(
      (await server.sql(`SELECT organization_id FROM staff s JOIN account a ON a.id = s.account_id WHERE a.username = 'approver2'`)).rows[0].organization_id,
    );
    expect((await approver.get(`/api/v1/org/staff?organizationId=${police}&roles=approver`)).body.items).toEqual([]);
    const cosigners = (await approver.get(`/api/v1/org/directory?organizationId=${police}&roles=approver`)).body;
    expect(cosigners.map((c: { accountId: number }) => c.accountId)).toContain(await accountId('approver2'));
    expect(cosigners.every((c: { organizationId: number }) => c.organizationId === police)).toBe(true);
    const heads = (await approver.get(`/api/v1/org/directory?organizationId=${police}&roles=head`)).body;
    expect(heads.map((c: { accountId: number }) => c.accountId)).not.toContain(await accountId('approver2'));
    expect((await approver.get(`/api/v1/org/directory?roles=nobody`)).status).toBe(400);
    expect((await act(clerk, id, { action: 'cc', accountIds: [await accountId('approver2')], note: '请知悉' })).status).toBe(200);
    expect((await unit.get(`/api/v1/cases/${id}`)).status).toBe(200);
    // recipients must be staff
    expect((await act(clerk, id, { action: 'cc', accountIds: [await accountId('citizen2')] })).status).toBe(400);

    const approver1 = await signIn(server, 'approver1');
    const head1 = await signIn(server, 'head1');
    expect((await act(approver1, id, { action: 'reassign', taskId: task.id, accountId: await accountId('approver1b') })).status).toBe(403);
    const r = await act(head1, id, { action: 'reassign', taskId: task.id, accountId: await accountId('approver1b'), note: '陈静请假' });
    expect(r.status).toBe(200);
    expect(r.body.tasks.find((t: Task) => t.id === task.id)).toMatchObject({ state: 'claimed', assigneeAccountId: await accountId('approver1b') });
    // to whoever holds it already: nothing to reassign
    const same = await act(head1, id, { action: 'reassign', taskId: task.id, accountId: await accountId('approver1b') });
    expect(same.status).toBe(400);
    expect(same.body.error.details).toMatchObject({ field: 'accountId' });
    expect((await act(approver1, id, { action: 'approve', taskId: task.id })).status).toBe(409);
    await server.drainOutbox();
    const urged = await server.sql("SELECT count(*)::int AS n FROM message m WHERE m.link = $1 AND m.title->>'zh-CN' = '催办'", [`/workbench/cases/${id}`]);
    expect(urged.rows[0].n).toBeGreaterThan(0);
  });

  it('asks a head for an extension, who approves it once (延期申请)', async () => {
    const { id, kase } = await acceptedReviewCase();
    const approver1 = await signIn(server, 'approver1');
    const head1 = await signIn(server, 'head1');
    const task = open(kase)[0]!;
    const legalBefore = kase.clock.legal.dueAt as string;
    expect((await act(approver1, id, { action: 'request_extension', taskId: task.id, days: 11, reason: '需要现场核查' })).status).toBe(400);
    const asked = await act(approver1, id, { action: 'request_extension', taskId: task.id, days: 5, reason: '需要现场核查' });
    expect(asked.status).toBe(200);
    expect((await act(approver1, id, { action: 'request_extension', taskId: task.id, days: 5, reason: '再次申请' })).status).toBe(409);
    const request = asked.body.extensionRequests[0];
    expect(request.canDecide).toBe(false);
    const inbox = (await head1.get('/api/v1/tasks')).body;
    expect(inbox.extensionRequests.map((e: { id: number }) => e.id)).toContain(request.id);
    expect((await act(approver1, id, { action: 'decide_extension', requestId: request.id, approve: true })).status).toBe(403);
    const decided = await act(head1, id, { action: 'decide_extension', requestId: request.id, approve: true, note: '同意延期' });
    expect(decided.status).toBe(200);
    expect(decided.body.clock.legal.dueAt > legalBefore).toBe(true);
    expect((await act(head1, id, { action: 'decide_extension', requestId: request.id, approve: true })).status).toBe(409);
    expect((await act(approver1, id, { action: 'request_extension', taskId: task.id, days: 2, reason: '还要延期' })).status).toBe(409);
  });
});

describe('applicants without an account', () => {
  it('tells an applicant received at the window by SMS, once', async () => {
    const first17 = '99010219850312123';
    const { idCardCheckChar } = await import('../../common/validators.ts');
    const registered = await clerk.post('/api/v1/applicants', {
      kind: 'person',
      name: '窗口申请人',
      idNumber: first17 + idCardCheckChar(first17),
      phone: '13912345678',
    });
    expect(registered.status).toBe(201);
    const applied = await clerk.post('/api/v1/cases', {
      itemCode: reviewCode,
      applicantId: registered.body.id,
      formData: { applicantName: '窗口申请人', idNumber: first17 + idCardCheckChar(first17), phone: '13912345678' },
      materials: [
        { key: 'application_form', reference: '纸质原件已核验' },
        { key: 'business_license', fromLicense: true },
      ],
    });
    expect(applied.status).toBe(201);
    expect((await act(clerk, applied.body.id, { action: 'accept' })).status).toBe(200);
    await server.drainOutbox();
    await server.drainOutbox();
    const sms = await server.sql("SELECT recipient_mask, body FROM channel_delivery WHERE channel = 'sms' AND applicant_id = $1", [registered.body.id]);
    expect(sms.rows).toHaveLength(1);
    expect(sms.rows[0].recipient_mask).toBe('139****5678');
    expect(sms.rows[0].body).toContain(applied.body.number);
  });
});

describe('A and B posts (AB 岗)', () => {
  it('shows the A post’s tasks to the B post only when A is away or a task nears its deadline', async () => {
    const { kase } = await acceptedReviewCase();
    const task = open(kase)[0]!;
    const a = await signIn(server, 'approver1');
    const b = await signIn(server, 'approver1b');
    const ids = async (c: Client) => (await c.get('/api/v1/tasks')).body.items.map((t: { id: number }) => t.id);
    expect(await ids(a)).toContain(task.id);
    expect(await ids(b)).not.toContain(task.id);
    // A goes on leave: B covers
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await a.put('/api/v1/tasks/away', { until, reason: '年假' })).status).toBe(200);
    const covering = (await b.get('/api/v1/tasks')).body;
    expect(covering.items.map((t: { id: number }) => t.id)).toContain(task.id);
    expect(covering.post.covering.map((c: { name: string }) => c.name)).toContain('陈静');
    expect((await a.put('/api/v1/tasks/away', { until: null })).status).toBe(200);
    expect(await ids(b)).not.toContain(task.id);
    // a task due within a day shows to B as well
    await server.sql("UPDATE case_task SET due_at = now() + interval '2 hours' WHERE id = $1", [task.id]);
    expect(await ids(b)).toContain(task.id);
    // bad input changes nothing
    expect((await a.put('/api/v1/tasks/away', { until: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect((await server.sql("SELECT away_until FROM account WHERE username = 'approver1'")).rows[0].away_until).toBeNull();
  });
});

describe('the inbox (待办)', () => {
  it('narrows by text, item, stage, state, urgency and deadline, counts the choices, pages and sorts', async () => {
    const made = [await acceptedReviewCase(), await acceptedReviewCase(), await acceptedReviewCase()];
    const tasks = made.map((m) => open(m.kase)[0]!);
    const numbers = made.map((m) => m.kase.number as string);
    const approver = await signIn(server, 'approver1');
    const ids = async (query = '') => {
      const r = await approver.get(`/api/v1/tasks${query}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.items as { id: number }[]).map((t) => t.id).filter((id) => tasks.some((t) => t.id === id));
    };
    const everything = await ids();
    expect(everything).toEqual(expect.arrayContaining(tasks.map((t) => t.id)));
    // the first claimed, the second past its deadline, the third in the green channel
    expect((await act(approver, made[0]!.id, { action: 'claim', taskId: tasks[0]!.id })).status).toBe(200);
    await server.sql("UPDATE case_task SET due_at = now() - interval '1 hour' WHERE id = $1", [tasks[1]!.id]);
    await server.sql('UPDATE case_task SET is_urgent = true WHERE id = $1', [tasks[2]!.id]);

    expect(await ids(`?q=${numbers[1]}`)).toEqual([tasks[1]!.id]);
    expect(await ids(`?q=${numbers[1]!.slice(0, 10)}`)).toEqual(expect.arrayContaining(tasks.map((t) => t.id)));
    expect(await ids(`?q=${encodeURIComponent('林小')}`)).toEqual(expect.arrayContaining(tasks.map((t) => t.id)));
    expect(await ids(`?q=${encodeURIComponent('没有这个人')}`)).toEqual([]);
    expect(await ids('?state=claimed')).toEqual([tasks[0]!.id]);
    expect(await ids('?due=overdue')).toEqual([tasks[1]!.id]);
    expect(await ids('?due=today')).toContain(tasks[1]!.id);
    expect(await ids('?urgent=true')).toEqual([tasks[2]!.id]);
    // urgent first, then the nearest deadline; by arrival, oldest or newest first
    expect((await ids()).slice(0, 2)).toEqual([tasks[2]!.id, tasks[1]!.id]);
    expect(await ids('?sort=arrived')).toEqual(tasks.map((t) => t.id));
    expect(await ids('?sort=-arrived')).toEqual(tasks.map((t) => t.id).reverse());

    // the choices, counted over the inbox before the filters narrow it
    const inbox = (await approver.get(`/api/v1/tasks?q=${numbers[1]}`)).body;
    expect(inbox.total).toBe(1);
    const itemId = (await server.sql('SELECT item_id FROM kase WHERE id = $1', [made[0]!.id])).rows[0].item_id as number;
    const item = inbox.facets.items.find((i: { itemId: number }) => i.itemId === itemId);
    expect(item.n).toBeGreaterThanOrEqual(3);
    const stage = inbox.facets.stages.find((s: { stage: string }) => s.stage === tasks[0]!.stage);
    expect(stage).toMatchObject({ name: tasks[0]!.name });
    expect(stage.n).toBeGreaterThanOrEqual(3);
    expect(await ids(`?itemId=${itemId}&sort=arrived`)).toEqual(tasks.map((t) => t.id));
    expect(await ids(`?stage=${tasks[0]!.stage}&sort=arrived`)).toEqual(tasks.map((t) => t.id));
    expect(await ids('?stage=no_such_stage')).toEqual([]);

    // pages: the same total, one row each
    const all = (await approver.get('/api/v1/tasks?sort=arrived&limit=200')).body;
    const second = (await approver.get('/api/v1/tasks?sort=arrived&limit=1&offset=1')).body;
    expect(second.total).toBe(all.total);
    expect(second.items.map((t: { id: number }) => t.id)).toEqual([all.items[1].id]);

    // bad input: 400
    for (const query of ['?due=yesterday', '?limit=0', '?offset=-1', '?sort=name', '?state=done', '?itemId=abc'])
      expect((await approver.get(`/api/v1/tasks${query}`)).status, query).toBe(400);
  });
});

describe('today’s work (今日工作)', () => {
  type Today = { intake: Record<string, number> & { pressing: { id: number }[] }; tasks: Record<string, number> & { pressing: { id: number }[] } };
  const today = async (c: Client) => {
    const r = await c.get('/api/v1/cases/today');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Today;
  };
  const total = async (c: Client, query: string) => {
    const r = await c.get(`/api/v1/tasks${query}`);
    expect(r.status).toBe(200);
    return r.body.total as number;
  };

  it('counts the inbox as 待办 does, and moves with it', async () => {
    const approver = await signIn(server, 'approver1');
    const head = await signIn(server, 'head1');
    const made = [await acceptedReviewCase(), await acceptedReviewCase()];
    const [first, second] = made.map((m) => open(m.kase)[0]!);
    await server.sql("UPDATE case_task SET due_at = now() - interval '2 hours' WHERE id = $1", [second!.id]);
    const before = (await today(approver)).tasks;
    // the same tasks as the inbox, filter by filter
    expect(before).toMatchObject({
      open: await total(approver, ''),
      unclaimed: await total(approver, '?state=open'),
      claimed: await total(approver, '?state=claimed'),
      overdue: await total(approver, '?due=overdue'),
      dueToday: await total(approver, '?due=today'),
      soon: await total(approver, '?due=soon'),
      urgent: await total(approver, '?urgent=true'),
    });
    expect(before.overdue).toBeGreaterThanOrEqual(1);
    // the most pressing, in the inbox's order
    const inbox = (await approver.get('/api/v1/tasks?limit=5')).body.items.map((t: { id: number }) => t.id);
    expect(before.pressing.map((t) => t.id)).toEqual(inbox);
    expect(before.pressing.map((t) => t.id)).toContain(second!.id);

    // claimed, late and in the green channel: each count moves by one
    expect((await act(approver, made[0]!.id, { action: 'claim', taskId: first!.id })).status).toBe(200);
    await server.sql("UPDATE case_task SET due_at = now() - interval '1 hour', is_urgent = true WHERE id = $1", [first!.id]);
    const after = (await today(approver)).tasks;
    expect(after.open).toBe(before.open);
    expect(after.claimed).toBe(before.claimed + 1);
    expect(after.unclaimed).toBe(before.unclaimed - 1);
    expect(after.overdue).toBe(before.overdue + 1);
    expect(after.urgent).toBe(before.urgent + 1);
    expect(after.pressing[0]!.id).toBe(first!.id);

    // a window clerk works no tasks; an approver keeps no desk; a head sees the extensions waiting
    expect((await today(clerk)).tasks).toBeNull();
    expect((await today(approver)).intake).toBeNull();
    const asked = await act(approver, made[0]!.id, { action: 'request_extension', taskId: first!.id, days: 3, reason: '需要现场核查' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const pending = (await head.get('/api/v1/tasks')).body.extensionRequests.length as number;
    expect(pending).toBeGreaterThanOrEqual(1);
    expect((await today(head)).tasks.extensionRequests).toBe(pending);
  });

  it('counts the window desk as 综合受理 does, with the notices and deliveries the law makes pressing', async () => {
    const parents = async (status: string) =>
      ((await clerk.get(`/api/v1/cases?status=${status}&limit=200`)).body.items as { parentId: number | null }[]).filter((c) => c.parentId === null).length;
    const before = (await today(clerk)).intake;
    expect(before.preReview).toBe(await parents('submitted'));
    expect(before.toDeliver).toBe(await parents('concluded'));
    expect(before.awaitingApplicant).toBe((await clerk.get('/api/v1/cases?kind=awaiting_supplement&limit=1')).body.total);

    // a new online application waits for pre-review; its one-time notice falls due (art. 32): first in the list
    const applied = await citizen.post('/api/v1/cases', {
      itemCode: reviewCode,
      formData: { applicantName: '林小雨', idNumber, phone: '13600000001' },
      materials: [{ key: 'application_form', reference: 'upload:application.pdf' }],
    });
    expect(applied.status).toBe(201);
    let now = (await today(clerk)).intake;
    expect(now.preReview).toBe(before.preReview + 1);
    await server.sql("UPDATE kase SET notice_due_at = now() - interval '1 minute' WHERE id = $1", [applied.body.id]);
    now = (await today(clerk)).intake;
    expect(now.noticeDue).toBe(before.noticeDue + 1);
    expect(now.pressing[0]!.id).toBe(applied.body.id);
    // the one-time notice sends it to the applicant
    const noticed = await act(clerk, applied.body.id, { action: 'notice', items: [{ key: 'business_license', note: '请补交营业执照' }] });
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(200);
    now = (await today(clerk)).intake;
    expect(now.preReview).toBe(before.preReview);
    expect(now.awaitingApplicant).toBe(before.awaitingApplicant + 1);

    // a decided case waits for delivery: due today on its tenth working day, late after (art. 44)
    const { id, kase } = await acceptedReviewCase();
    const approver = await signIn(server, 'approver1');
    const head = await signIn(server, 'head1');
    expect((await act(approver, id, { action: 'approve', taskId: open(kase)[0]!.id, opinion: '同意' })).status).toBe(200);
    const decide = open((await head.get(`/api/v1/cases/${id}`)).body)[0]!;
    expect((await act(head, id, { action: 'approve', taskId: decide.id, opinion: '准予许可' })).status).toBe(200);
    const conclude = open((await approver.get(`/api/v1/cases/${id}`)).body)[0]!;
    expect((await act(approver, id, { action: 'approve', taskId: conclude.id, opinion: '办结' })).status).toBe(200);
    now = (await today(clerk)).intake;
    expect(now.toDeliver).toBe(before.toDeliver + 1);
    expect(now.lateDelivery).toBe(before.lateDelivery);
    await server.sql("UPDATE kase SET decided_at = now() - interval '40 days' WHERE id = $1", [id]);
    now = (await today(clerk)).intake;
    expect(now.lateDelivery).toBe(before.lateDelivery + 1);
    const listed = (await clerk.get('/api/v1/cases?status=concluded&limit=200')).body.items.filter(
      (c: { delivery: { workdaysLeft: number } | null }) => c.delivery && c.delivery.workdaysLeft < 0,
    );
    expect(now.lateDelivery).toBe(listed.length);
  });

  it('tells an applicant what waits for them (待我处理): materials asked for and fees to pay, their own cases only', async () => {
    type Mine = {
      inProgress: number;
      supplement: number;
      fees: number;
      toDeliver: number;
      waiting: { id: number; supplement: boolean; unpaidCents: number | null }[];
    };
    const mine = async (c: Client) => {
      const r = await c.get('/api/v1/cases/today');
      expect(r.status).toBe(200);
      expect(r.body.intake).toBeNull();
      expect(r.body.tasks).toBeNull();
      return r.body.applicant as Mine;
    };
    const before = await mine(citizen);
    const other = await mine(await signIn(server, 'citizen2'));
    const applied = await citizen.post('/api/v1/cases', {
      itemCode: reviewCode,
      formData: { applicantName: '林小雨', idNumber, phone: '13600000001' },
      materials: [{ key: 'application_form', reference: 'upload:application.pdf' }],
    });
    expect(applied.status).toBe(201);
    let now = await mine(citizen);
    expect(now.inProgress).toBe(before.inProgress + 1);
    expect(now.supplement).toBe(before.supplement);
    // the one-time notice asks her for a material: it waits for her
    expect((await act(clerk, applied.body.id, { action: 'notice', items: [{ key: 'business_license', note: '请补交营业执照' }] })).status).toBe(200);
    now = await mine(citizen);
    expect(now.supplement).toBe(before.supplement + 1);
    expect(now.waiting[0]).toMatchObject({ id: applied.body.id, supplement: true, unpaidCents: null });
    // a fee to pay on an accepted case
    const { id } = await acceptedReviewCase();
    await server.sql(
      `INSERT INTO case_fee (case_id, fee_index, name, standard, reducible, charge_at, standard_cents, amount_cents, status)
       VALUES ($1, 0, '工本费', '每证 10 元', false, 'acceptance', 1000, 1000, 'unpaid')`,
      [id],
    );
    now = await mine(citizen);
    expect(now.fees).toBe(before.fees + 1);
    expect(now.waiting[0]).toMatchObject({ id, supplement: false, unpaidCents: 1000 });
    await server.sql(`UPDATE case_fee SET status = 'paid', paid_at = now() WHERE case_id = $1`, [id]);
    expect((await mine(citizen)).fees).toBe(before.fees);
    // another applicant sees none of it
    const theirs = await mine(await signIn(server, 'citizen2'));
    expect(theirs).toEqual(other);
  });

  it('is for signed-in staff and applicants', async () => {
    const anonymous = await fetch(`${server.baseUrl}/api/v1/cases/today`);
    expect(anonymous.status).toBe(401);
    expect((await clerk.get('/api/v1/cases/today')).body.applicant).toBeNull();
  });
});

describe('notes for the staff (办理备注)', () => {
  it('puts a note on the timeline for the staff, leaves it out of the applicant’s view, and refuses what is not one', async () => {
    const { id, kase } = await acceptedReviewCase();
    const before = kase.version as number;
    const events = async (c: Client) =>
      ((await c.get(`/api/v1/cases/${id}`)).body.timeline as { type: string; actor: string; payload: { text?: string } }[]).map((e) => e);
    const noted = await act(clerk, id, { action: 'note', text: '  已电话联系申请人，下午补交营业执照原件  ' });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    expect(noted.body.version).toBe(before + 1);
    const staff = await signIn(server, 'approver1');
    for (const c of [clerk, staff]) {
      const note = (await events(c)).find((e) => e.type === 'case_noted');
      expect(note).toMatchObject({ actor: '张丽', payload: { text: '已电话联系申请人，下午补交营业执照原件' } });
    }
    expect((await events(citizen)).some((e) => e.type === 'case_noted')).toBe(false);
    expect((await server.sql("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'case.case_noted' AND target_id = $1", [String(id)])).rows[0].n).toBe(
      1,
    );

    // the applicant, staff outside the case's scope and an empty note are refused, and change nothing
    const version = (await clerk.get(`/api/v1/cases/${id}`)).body.version as number;
    expect((await act(citizen, id, { action: 'note', text: '我想加急' })).status).toBe(403);
    expect((await act(await signIn(server, 'qcclerk'), id, { action: 'note', text: '越权备注' })).status).toBe(404);
    expect((await act(clerk, id, { action: 'note', text: ' ' })).status).toBe(400);
    expect((await act(clerk, id, { action: 'note', text: '   。 ' })).status).toBe(400);
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.version).toBe(version);
    expect((await events(clerk)).filter((e) => e.type === 'case_noted')).toHaveLength(1);
  });
});
