import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revealedIdNumber, signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { companyApplication, sampleForm, sampleMaterials, uniqueCompanyName } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';

/**
 * 结果领取方式: the applicant says how to receive the result when applying — one of the methods the item's guide
 * offers, and by post whom to send it to (kept encrypted, the phone masked until revealed) — and 统一出件 starts
 * from it.
 */
let server: TestServer;
let citizen: Client;
let clerk: Client;
let idNumber: string;

type Item = {
  code: string;
  content: { deliveryMethods: string[]; form: { schema: unknown }; materials: { key: string; necessity: string; source: string }[] };
};
const itemNamed = async (name: string): Promise<Item> => {
  const code = (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.item_id = i.id WHERE v.state = 'published' AND v.name = $1", [name]))
    .rows[0].code;
  return (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
};
const application = (item: Item, delivery: unknown) => ({
  itemCode: item.code,
  ...((item.content.form.schema as { properties: { companyType?: unknown } }).properties.companyType
    ? companyApplication(item as never, uniqueCompanyName(), idNumber)
    : { formData: sampleForm(item.content.form, idNumber), materials: sampleMaterials(item.content.materials) }),
  delivery,
});
const count = async () => (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n as number;

beforeAll(async () => {
  server = await startTestServer();
  citizen = await signIn(server, 'citizen1');
  clerk = await signIn(server, 'clerk1');
  idNumber = await revealedIdNumber(server, clerk);
});
afterAll(async () => {
  await server?.close();
});

/** An application for `item` with `delivery`, accepted and worked to its conclusion by the market regulator's people. */
async function concludedCase(item: Item, delivery: unknown) {
  return concluded((await citizen.post('/api/v1/cases', application(item, delivery))).body.id as number);
}

/** A case accepted and worked to its conclusion by the market regulator's people. */
async function concluded(id: number) {
  const people = { approver: await signIn(server, 'approver1'), head: await signIn(server, 'head1') };
  let kase = (await clerk.post(`/api/v1/cases/${id}/actions`, { action: 'accept' })).body;
  for (let guard = 0; guard < 8 && kase.status !== 'concluded'; guard++) {
    const task = kase.tasks.find((t: { state: string }) => t.state === 'open' || t.state === 'claimed');
    const r = await people[task.role as 'approver' | 'head'].post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    kase = r.body;
  }
  expect(kase.status).toBe('concluded');
  await server.drainOutbox();
  return id;
}

describe('how the applicant receives the result (结果领取方式)', () => {
  it('hands an enterprise’s result to the person who collects it for the enterprise (经办人), named', { timeout: 60_000 }, async () => {
    const enterprise = await signIn(server, 'enterprise1');
    const item = await itemNamed('食品经营许可');
    const applied = await enterprise.post('/api/v1/cases', {
      itemCode: item.code,
      formData: sampleForm(item.content.form, idNumber, 'enterprise'),
      materials: sampleMaterials(item.content.materials),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const id = await concluded(applied.body.id);
    const pickup = { action: 'deliver', method: 'pickup', identityChecked: true };
    const refused = await clerk.post(`/api/v1/cases/${id}/actions`, pickup);
    expect([refused.status, refused.body.error.details.field]).toEqual([400, 'collector']);
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.status).toBe('concluded');
    const done = await clerk.post(`/api/v1/cases/${id}/actions`, { ...pickup, collector: { name: '王建国', idNumber: '11010519491231002X' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.timeline.at(-1)).toMatchObject({ type: 'delivered', payload: { collector: { name: '王建国', idNumber: '110105********002X' } } });
  });

  it('records who collected a result for the applicant (代领), the ID number masked; refuses a bad one', { timeout: 60_000 }, async () => {
    const item = await itemNamed('企业设立登记');
    const id = await concludedCase(item, { method: 'pickup' });
    const deliver = (body: object) => clerk.post(`/api/v1/cases/${id}/actions`, { action: 'deliver', method: 'pickup', identityChecked: true, ...body });
    const refusals: [object, string][] = [
      [{ collector: { name: '王', idNumber: '110105194912310021' } }, 'collector.name'],
      [{ collector: { name: '王建国', idNumber: '110105194912310022' } }, 'collector.idNumber'],
      [{ method: 'electronic', collector: { name: '王建国', idNumber: '110105194912310021' } }, 'collector'],
    ];
    for (const [body, field] of refusals) {
      const r = await deliver(body);
      expect(r.status, JSON.stringify([body, r.body])).toBe(400);
      expect(r.body.error.details.field).toBe(field);
    }
    expect((await clerk.get(`/api/v1/cases/${id}`)).body.status).toBe('concluded');
    const delivered = await deliver({ collector: { name: ' 王建国 ', idNumber: '11010519491231002x' } });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    const kase = (await citizen.get(`/api/v1/cases/${id}`)).body;
    expect(kase.delivery.collector).toEqual({ name: '王建国', idNumber: '110105********002X' });
    expect(kase.timeline.at(-1)).toMatchObject({ type: 'delivered', payload: { collector: { name: '王建国', idNumber: '110105********002X' } } });
    const stored = (await server.sql('SELECT delivery::text AS d FROM kase WHERE id = $1', [id])).rows[0].d as string;
    expect(stored).not.toContain('110105194912310021'.slice(6, 14));
  });

  it('keeps a choice by post encrypted, shows it masked, reveals it on the audit trail and lists it for delivery', async () => {
    const item = await itemNamed('企业设立登记');
    expect(item.content.deliveryMethods).toContain('post');
    const post = { method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号 3 单元 502 室' };
    const applied = await citizen.post('/api/v1/cases', application(item, post));
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const id = applied.body.id as number;

    const row = (await server.sql('SELECT delivery_choice, delivery_address_enc FROM kase WHERE id = $1', [id])).rows[0];
    expect(row.delivery_choice).toBe('post');
    expect(row.delivery_address_enc).not.toContain('滨江路');
    expect(row.delivery_address_enc).not.toContain('13600000001');

    for (const c of [citizen, clerk]) {
      const kase = (await c.get(`/api/v1/cases/${id}`)).body;
      expect(kase.deliveryChoice).toEqual({ ...post, phone: '136****0001' });
      expect(kase.deliveryMethods).toEqual(item.content.deliveryMethods);
    }
    const revealed = await clerk.post(`/api/v1/cases/${id}/reveal`);
    expect(revealed.body.delivery).toEqual(post);
    const audit = (await server.sql("SELECT change FROM audit_entry WHERE action = 'case.revealed' AND target_id = $1", [String(id)])).rows;
    expect(audit.at(-1)!.change.fields).toContain('delivery.phone');

    const listed = (await clerk.get('/api/v1/cases?limit=100')).body.items.find((c: { id: number }) => c.id === id);
    expect(listed.deliveryChoice).toBe('post');
  });

  it('tells the applicant at the conclusion how the result comes, and at delivery its tracking number or locker code', { timeout: 60_000 }, async () => {
    const item = await itemNamed('企业设立登记');
    const sms = async (id: number, type: string) =>
      (
        await server.sql(
          "SELECT d.body FROM channel_delivery d JOIN domain_event e ON e.id = d.event_id WHERE d.channel = 'sms' AND e.type = $1 AND e.payload->>'caseId' = $2",
          [type, String(id)],
        )
      ).rows.map((r) => r.body as string);
    const concluded = (delivery: unknown) => concludedCase(item, delivery);

    const posted = await concluded({ method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号' });
    expect(await sms(posted, 'case.concluded')).toEqual([expect.stringContaining('结果将邮寄至您填写的地址')]);
    expect((await clerk.post(`/api/v1/cases/${posted}/actions`, { action: 'deliver', method: 'post', trackingNumber: 'SF1234567890' })).status).toBe(200);
    await server.drainOutbox();
    expect(await sms(posted, 'case.delivered')).toEqual([expect.stringMatching(/结果已邮寄寄出，快递单号 SF1234567890/)]);

    const locker = await concluded({ method: 'pickup' });
    expect(await sms(locker, 'case.concluded')).toEqual([expect.stringContaining('到政务服务中心综合窗口领取')]);
    // the applicant could not come: the clerk leaves it in a locker, and the code goes to them
    expect((await clerk.post(`/api/v1/cases/${locker}/actions`, { action: 'deliver', method: 'locker', lockerCode: '735912' })).status).toBe(200);
    await server.drainOutbox();
    expect(await sms(locker, 'case.delivered')).toEqual([expect.stringContaining('存入智能取件柜，取件码 735912')]);
  });

  it('takes only the item’s methods, and by post whom, a phone and where; refusals change nothing', async () => {
    const item = await itemNamed('异地就医备案');
    expect(item.content.deliveryMethods).toEqual(['electronic']);
    const before = await count();
    const refusals: [unknown, string][] = [
      [{ method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号' }, 'delivery.method'],
      [{ method: 'electronic', address: '云州市青川区滨江路 88 号' }, 'delivery.address'],
      [{ method: 'pickup' }, 'delivery.method'],
    ];
    for (const [delivery, field] of refusals) {
      const r = await citizen.post('/api/v1/cases', application(item, delivery));
      expect(r.status, JSON.stringify([delivery, r.body])).toBe(400);
      expect(r.body.error.details.field).toBe(field);
    }
    const company = await itemNamed('企业设立登记');
    const incomplete: [unknown, string][] = [
      [{ method: 'post', phone: '13600000001', address: '云州市青川区滨江路 88 号' }, 'delivery.recipient'],
      [{ method: 'post', recipient: '林小雨', phone: '12', address: '云州市青川区滨江路 88 号' }, 'delivery.phone'],
      [{ method: 'post', recipient: '林小雨', phone: '13600000001', address: '  ' }, 'delivery.address'],
    ];
    for (const [delivery, field] of incomplete) {
      const r = await citizen.post('/api/v1/cases', application(company, delivery));
      expect(r.status, JSON.stringify([delivery, r.body])).toBe(400);
      expect(r.body.error.details.field).toBe(field);
    }
    expect((await citizen.post('/api/v1/cases', application(company, { method: 'courier' }))).status).toBe(400);
    expect(await count()).toBe(before);

    // electronic, or no choice at all (agreed at delivery)
    const electronic = await citizen.post('/api/v1/cases', application(item, { method: 'electronic' }));
    expect(electronic.status).toBe(201);
    expect((await citizen.get(`/api/v1/cases/${electronic.body.id}`)).body.deliveryChoice).toEqual({
      method: 'electronic',
      recipient: null,
      phone: null,
      address: null,
    });
    const none = await citizen.post('/api/v1/cases', application(item, undefined));
    expect((await citizen.get(`/api/v1/cases/${none.body.id}`)).body.deliveryChoice).toBeNull();
  });

  it('lets the applicant or the window change it before the result goes out, and nobody else', { timeout: 60_000 }, async () => {
    const item = await itemNamed('企业设立登记');
    const id = (await citizen.post('/api/v1/cases', application(item, { method: 'pickup' }))).body.id as number;
    const choose = (c: Client, delivery: unknown) => c.post(`/api/v1/cases/${id}/actions`, { action: 'choose_delivery', delivery });
    const post = { method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号' };
    const changed = await choose(citizen, post);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.deliveryChoice).toEqual({ ...post, phone: '136****0001' });
    expect(changed.body.timeline.at(-1)).toMatchObject({ type: 'delivery_chosen', payload: { method: 'post', before: 'pickup' } });
    expect(JSON.stringify(changed.body.timeline.at(-1))).not.toContain('滨江路');
    // the window, for the applicant at the counter
    expect((await choose(clerk, { method: 'electronic' })).body.deliveryChoice).toEqual({ method: 'electronic', recipient: null, phone: null, address: null });
    expect((await server.sql('SELECT delivery_address_enc FROM kase WHERE id = $1', [id])).rows[0].delivery_address_enc).toBeNull();

    // others, and what the item does not offer, change nothing
    const version = (await citizen.get(`/api/v1/cases/${id}`)).body.version as number;
    expect((await choose(await signIn(server, 'citizen2'), { method: 'pickup' })).status).toBe(404);
    expect((await choose(await signIn(server, 'approver1'), { method: 'pickup' })).status).toBe(403);
    expect((await choose(citizen, { method: 'locker' })).status).toBe(400);
    expect((await choose(citizen, { method: 'post', recipient: '林小雨' })).status).toBe(400);
    expect((await citizen.get(`/api/v1/cases/${id}`)).body.version).toBe(version);

    // once it went out, it is too late
    const done = await concludedCase(item, { method: 'electronic' });
    expect((await clerk.post(`/api/v1/cases/${done}/actions`, { action: 'deliver', method: 'electronic' })).status).toBe(200);
    const late = await clerk.post(`/api/v1/cases/${done}/actions`, { action: 'choose_delivery', delivery: { method: 'pickup' } });
    expect(late.status).toBe(409);
  });

  it('lets 待出件 list the results by how they go out', { timeout: 60_000 }, async () => {
    const item = await itemNamed('企业设立登记');
    const posted = await concludedCase(item, { method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号' });
    const unsaid = await concludedCase(item, undefined);
    const listed = async (delivery: string) =>
      (await clerk.get(`/api/v1/cases?status=concluded&delivery=${delivery}&limit=100`)).body.items as { id: number; deliveryChoice: string | null }[];
    const post = await listed('post');
    expect(post.map((c) => c.id)).toContain(posted);
    expect(post.every((c) => c.deliveryChoice === 'post')).toBe(true);
    const none = await listed('none');
    expect(none.map((c) => c.id)).toContain(unsaid);
    expect(none.every((c) => c.deliveryChoice === null)).toBe(true);
    expect((await listed('pickup')).map((c) => c.id)).not.toContain(posted);
    expect((await clerk.get('/api/v1/cases?delivery=pigeon')).status).toBe(400);
  });

  it('issues a 送达回证 for a delivery at the window, by post or in a locker, listing what was handed over; none online', { timeout: 60_000 }, async () => {
    const item = await itemNamed('企业设立登记');
    type Doc = { id: number; kind: string; title: string; number: string; url: string };
    const documents = async (id: number) => (await citizen.get(`/api/v1/cases/${id}/documents`)).body.items as Doc[];
    const reader = pdfReader();
    try {
      // collected at the window for the applicant (代领): the collector named, their ID number masked, a line to sign
      const picked = await concludedCase(item, { method: 'pickup' });
      const collector = { name: '王建国', idNumber: '11010519491231002X' };
      const done = await clerk.post(`/api/v1/cases/${picked}/actions`, { action: 'deliver', method: 'pickup', identityChecked: true, collector });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const handed = await documents(picked);
      const receipts = handed.filter((d) => d.kind === 'delivery_receipt');
      expect(receipts).toHaveLength(1);
      expect(receipts[0]).toMatchObject({ title: '送达回证', number: expect.stringMatching(/^\d{6}-SD-\d{4}-\d{7}$/) });
      const text = await reader.pdfText(server, citizen, picked, receipts[0]!);
      const results = handed.filter((d) => d.kind === 'decision' || d.kind === 'license');
      expect(results.map((d) => d.kind).sort()).toEqual(['decision', 'license']);
      for (const s of ['送达回证', '窗口领取', '王建国', '110105********002X', '领取人签名', ...results.flatMap((d) => [d.title, d.number])])
        expect(text, s).toContain(s.replace(/\s+/g, ''));
      expect(text).not.toContain('11010519491231002X');

      // by post: the tracking number; no line to sign
      const posted = await concludedCase(item, { method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号' });
      expect((await clerk.post(`/api/v1/cases/${posted}/actions`, { action: 'deliver', method: 'post', trackingNumber: 'SF2026112900' })).status).toBe(200);
      const postReceipt = (await documents(posted)).find((d) => d.kind === 'delivery_receipt')!;
      const postText = await reader.pdfText(server, citizen, posted, postReceipt);
      for (const s of ['邮寄送达', 'SF2026112900']) expect(postText).toContain(s);
      expect(postText).not.toContain('领取人签名');

      // online: the delivery is its own record, and no 送达回证 is issued
      const online = await concludedCase(item, { method: 'electronic' });
      expect((await clerk.post(`/api/v1/cases/${online}/actions`, { action: 'deliver', method: 'electronic' })).status).toBe(200);
      expect((await documents(online)).map((d) => d.kind)).not.toContain('delivery_receipt');

      // a refused delivery issues nothing
      const refusedCase = await concludedCase(item, { method: 'pickup' });
      expect((await clerk.post(`/api/v1/cases/${refusedCase}/actions`, { action: 'deliver', method: 'pickup' })).status).toBe(400);
      expect((await documents(refusedCase)).map((d) => d.kind)).not.toContain('delivery_receipt');
    } finally {
      reader.close();
    }
  });

  it('takes a bundle application’s choice among the bundle’s methods, on the bundle application, not its item cases', async () => {
    const bundle = (await citizen.get('/api/v1/catalog/bundles/B-QYKB-001')).body;
    const methods = bundle.content.deliveryMethods as string[];
    expect(methods).toContain('post');
    const body = (delivery: unknown) => ({
      bundleCode: 'B-QYKB-001',
      formData: sampleForm(bundle.form, idNumber),
      materials: sampleMaterials(bundle.materials),
      delivery,
    });
    const before = await count();
    const offered = ['pickup', 'post', 'locker', 'electronic'];
    const missing = offered.find((m) => !methods.includes(m));
    if (missing) expect((await citizen.post('/api/v1/cases', body({ method: missing }))).status).toBe(400);
    expect((await citizen.post('/api/v1/cases', body({ method: 'post', recipient: '林小雨' }))).status).toBe(400);
    expect(await count()).toBe(before);

    const post = { method: 'post', recipient: '林小雨', phone: '13600000001', address: '云州市青川区滨江路 88 号' };
    const r = await citizen.post('/api/v1/cases', body(post));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const parent = (await citizen.get(`/api/v1/cases/${r.body.id}`)).body;
    expect(parent.deliveryChoice).toEqual({ ...post, phone: '136****0001' });
    expect(parent.deliveryMethods).toEqual(methods);
    for (const child of r.body.children as { id: number }[]) {
      expect((await citizen.get(`/api/v1/cases/${child.id}`)).body.deliveryChoice).toBeNull();
      const moved = await citizen.post(`/api/v1/cases/${child.id}/actions`, { action: 'choose_delivery', delivery: { method: 'pickup' } });
      expect(moved.status).toBe(409);
    }
    // changed on the bundle application
    const changed = await citizen.post(`/api/v1/cases/${r.body.id}/actions`, {
      action: 'choose_delivery',
      delivery: { method: methods.find((m) => m !== 'post')! },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  });
});
