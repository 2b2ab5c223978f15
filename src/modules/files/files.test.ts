import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { sampleForm, sampleMaterials } from '../../../test/factories.ts';

let server: TestServer;
let citizen: Client;
beforeAll(async () => {
  server = await startTestServer();
  citizen = await signIn(server, 'citizen1');
});
afterAll(async () => {
  await server?.close();
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
async function upload(c: Client, body: Buffer, type: string, name = '申请书.pdf') {
  const r = await fetch(`${c.baseUrl}/api/v1/files`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    body: new Uint8Array(body),
  });
  return { status: r.status, body: (await r.json()) as any };
}

describe('file uploads', () => {
  it('stores a PDF by its SHA-256 and gives it to its uploader and, once in a case, to staff who may read that case', async () => {
    const r = await upload(citizen, pdf, 'application/pdf');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ size: pdf.length, contentType: 'application/pdf', name: '申请书.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const read = (c: Client) => fetch(`${server.baseUrl}/api/v1/files/${r.body.id}`, { headers: { cookie: c.cookie } });
    const mine = await read(citizen);
    expect(Buffer.from(await mine.arrayBuffer()).equals(pdf)).toBe(true);
    const [other, clerk, marketApprover, policeApprover] = [
      await signIn(server, 'citizen2'),
      await signIn(server, 'clerk1'),
      await signIn(server, 'approver1'),
      await signIn(server, 'approver2'),
    ];
    // an upload in no case yet is the applicant's own draft
    for (const c of [other, clerk, marketApprover]) expect((await read(c)).status).toBe(404);
    // once it is a material of a 市场监管局 case: the hall's clerk and that department read it, the police do not
    const found = (await (await fetch(`${server.baseUrl}/api/v1/catalog/items?q=${encodeURIComponent('企业设立登记')}`)).json()) as {
      items: { code: string }[];
    };
    const item = (await citizen.get(`/api/v1/catalog/items/${found.items[0]!.code}`)).body;
    const applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const revealed = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const materials = sampleMaterials(item.content.materials).map((m) => (m.key === 'application_form' ? { key: m.key, reference: `file:${r.body.id}` } : m));
    const applied = await citizen.post('/api/v1/cases', { itemCode: item.code, formData: sampleForm(item.content.form, revealed), materials });
    expect(applied.status).toBe(201);
    expect((await read(clerk)).status).toBe(200);
    expect((await read(marketApprover)).status).toBe(200);
    expect((await read(policeApprover)).status).toBe(404);
    expect((await read(other)).status).toBe(404);
  });

  it('refuses forbidden types, disguised files, oversized files and infected files, storing nothing', async () => {
    const before = (await server.sql('SELECT count(*)::int AS n FROM stored_file')).rows[0].n;
    expect((await upload(citizen, Buffer.from('hello'), 'text/plain')).status).toBe(415);
    const disguised = await upload(citizen, pdf, 'image/png');
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.details).toMatchObject({ reason: 'type_mismatch', contentType: 'image/png' });
    expect((await upload(citizen, Buffer.alloc(0), 'application/pdf')).body.error.details).toMatchObject({ reason: 'empty' });
    expect((await upload(citizen, Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]), 'application/pdf')).status).toBe(413);
    const eicar = Buffer.concat([pdf, Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')]);
    const infected = await upload(citizen, eicar, 'application/pdf');
    expect(infected.status).toBe(400);
    expect(infected.body.error.details).toMatchObject({ reason: 'infected', signature: 'EICAR-Test-File' });
    expect((await server.sql('SELECT count(*)::int AS n FROM stored_file')).rows[0].n).toBe(before);
  });

  it('lets an application reference only the applicant’s own uploads', async () => {
    const other = await signIn(server, 'citizen2');
    const theirs = await upload(other, pdf, 'application/pdf');
    const item = (await (await fetch(`${server.baseUrl}/api/v1/catalog/items?q=${encodeURIComponent('企业设立登记')}`)).json()) as {
      items: { code: string }[];
    };
    const r = await citizen.post('/api/v1/cases', {
      itemCode: item.items[0]!.code,
      formData: {},
      materials: [{ key: 'application_form', reference: `file:${theirs.body.id}` }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toMatchObject({ reason: 'unknown file', files: [theirs.body.id] });
  });
});

describe('my uploads (材料复用)', () => {
  it('lists an applicant’s own uploads with what each was handed in as, to hand one in again', async () => {
    const other = await signIn(server, 'citizen2');
    const clerk = await signIn(server, 'clerk1');
    const articles = await upload(citizen, pdf, 'application/pdf', '青禾章程.pdf');
    const unused = await upload(citizen, pdf, 'application/pdf', '租赁合同.pdf');
    const theirs = await upload(other, pdf, 'application/pdf', '他人章程.pdf');
    const code = (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.id = i.published_version_id WHERE v.name = '企业设立登记'")).rows[0]
      .code as string;
    const item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
    const applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id as number;
    const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber as string;
    const materials = sampleMaterials(item.content.materials).map((m) =>
      m.key === 'articles_of_association' ? { key: m.key, reference: `file:${articles.body.id}` } : m,
    );
    const applied = await citizen.post('/api/v1/cases', { itemCode: code, formData: sampleForm(item.content.form, idNumber), materials });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);

    const mine = await citizen.get('/api/v1/files/mine');
    expect(mine.status).toBe(200);
    const ids = (mine.body.items as { id: number }[]).map((f) => f.id);
    // the latest first, the applicant's own only
    expect(ids.indexOf(unused.body.id)).toBeLessThan(ids.indexOf(articles.body.id));
    expect(ids).not.toContain(theirs.body.id);
    expect(mine.body.total).toBe(ids.length);
    expect((mine.body.items as { id: number }[]).find((f) => f.id === articles.body.id)).toEqual({
      id: articles.body.id,
      name: '青禾章程.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
      createdAt: expect.any(String),
      usedFor: [{ caseId: applied.body.id, number: applied.body.number, subject: '企业设立登记', material: '公司章程' }],
    });
    expect((mine.body.items as { id: number; usedFor: unknown[] }[]).find((f) => f.id === unused.body.id)?.usedFor).toEqual([]);

    // by part of its name, or of a material's it was handed in as
    const found = async (q: string) => ((await citizen.get(`/api/v1/files/mine?q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((f) => f.id);
    expect(await found('租赁')).toEqual([unused.body.id]);
    expect(await found('公司章程')).toContain(articles.body.id);
    expect(await found('公司章程')).not.toContain(unused.body.id);
    expect(await found('没有这个')).toEqual([]);
    // paging: the total stays the whole count
    const page = await citizen.get('/api/v1/files/mine?limit=1&offset=1');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(ids.length);
    expect((await citizen.get('/api/v1/files/mine?offset=100000')).body).toEqual({ items: [], total: ids.length });

    // handed in again with a new application, by its reference
    const again = await citizen.post('/api/v1/cases', {
      itemCode: code,
      formData: { ...sampleForm(item.content.form, idNumber), companyName: '云州青禾复用科技有限公司' },
      materials,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const uses = ((await citizen.get('/api/v1/files/mine?q=青禾章程')).body.items as { id: number; usedFor: { caseId: number }[] }[]).find(
      (f) => f.id === articles.body.id,
    )!.usedFor;
    expect(uses.map((u) => u.caseId)).toEqual([again.body.id, applied.body.id]);

    // staff keep no such list; bad paging is a 400
    expect((await clerk.get('/api/v1/files/mine')).status).toBe(403);
    expect((await citizen.get('/api/v1/files/mine?limit=0')).status).toBe(400);
    expect((await citizen.get('/api/v1/files/mine?limit=1000')).status).toBe(400);
  });
});
