import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { companyApplication } from '../../../test/factories.ts';
import { maxDrafts, purgeExpiredDrafts } from './drafts.ts';

/**
 * 暂存: an applicant saves an online application unfinished and continues it later. A draft is its account's alone,
 * kept encrypted, saved again only over the version read, and removed by the application filed from it — in the
 * filing's own transaction.
 */
let server: TestServer;
let citizen: Client;
let other: Client;
let clerk: Client;
let itemCode: string;
let idNumber: string;
let item: Parameters<typeof companyApplication>[0];

const content = (companyName: string) => ({
  v: 1,
  values: { companyName, idNumber },
  choices: { articles_of_association: { kind: 'file', reference: 'upload:a.pdf', name: '章程.pdf' } },
});
const count = async (accountName: string) =>
  Number(
    (await server.sql('SELECT count(*) FROM application_draft d JOIN account a ON a.id = d.account_id WHERE a.username = $1', [accountName])).rows[0].count,
  );

beforeAll(async () => {
  server = await startTestServer();
  [citizen, other, clerk] = await Promise.all(['citizen1', 'citizen2', 'clerk1'].map((u) => signIn(server, u)));
  itemCode = (await server.sql("SELECT i.code FROM item i JOIN item_version v ON v.id = i.published_version_id WHERE v.name = '企业设立登记'")).rows[0].code;
  item = (await citizen.get(`/api/v1/catalog/items/${itemCode}`)).body;
  const applicantId = (await server.sql("SELECT id FROM applicant WHERE name = '林小雨'")).rows[0].id;
  idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber;
});
afterAll(async () => {
  await server?.close();
});

describe('drafts (暂存)', () => {
  it('saves an application unfinished, lists it, gives it back as saved, and keeps it encrypted', async () => {
    const created = await citizen.post('/api/v1/drafts', { itemCode, content: content('云州草稿科技有限公司') }, { 'idempotency-key': 'draft-create-0001' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), version: 1 });
    const days = (Date.parse(created.body.expiresAt) - Date.parse(created.body.updatedAt)) / 86_400_000;
    expect(days).toBe(30);
    // a retry with the same key keeps one draft
    const again = await citizen.post('/api/v1/drafts', { itemCode, content: content('云州草稿科技有限公司') }, { 'idempotency-key': 'draft-create-0001' });
    expect(again.body.id).toBe(created.body.id);

    const list = (await citizen.get('/api/v1/drafts')).body.items;
    expect(list.filter((d: { id: number }) => d.id === created.body.id)).toEqual([
      expect.objectContaining({ itemCode, bundleCode: null, name: '企业设立登记', version: 1 }),
    ]);
    const read = await citizen.get(`/api/v1/drafts/${created.body.id}`);
    expect(read.body.content).toEqual(content('云州草稿科技有限公司'));
    // at rest it is sealed: neither the company nor the ID number is readable in the table
    const stored = (await server.sql('SELECT content_enc FROM application_draft WHERE id = $1', [created.body.id])).rows[0].content_enc as string;
    expect(stored).not.toContain('云州草稿');
    expect(stored).not.toContain(idNumber);
  });

  it('is its account’s alone, and an applicant’s only', async () => {
    const { id } = (await citizen.post('/api/v1/drafts', { itemCode, content: content('云州私有科技有限公司') })).body;
    expect((await other.get(`/api/v1/drafts/${id}`)).status).toBe(404);
    expect((await other.put(`/api/v1/drafts/${id}`, { content: content('改'), version: 1 })).status).toBe(404);
    expect((await other.delete(`/api/v1/drafts/${id}`)).status).toBe(404);
    expect(((await other.get('/api/v1/drafts')).body.items as { id: number }[]).map((d) => d.id)).not.toContain(id);
    expect((await clerk.get('/api/v1/drafts')).status).toBe(403);
    expect((await clerk.post('/api/v1/drafts', { itemCode, content: {} })).status).toBe(403);
    expect((await citizen.get(`/api/v1/drafts/${id}`)).body.content).toEqual(content('云州私有科技有限公司'));
  });

  it('refuses bad input with the error shape and keeps nothing', async () => {
    const before = await count('citizen1');
    const bad: [object, number][] = [
      [{ content: {} }, 400], // neither item nor bundle
      [{ itemCode, bundleCode: 'B-QYKB-001', content: {} }, 400], // both
      [{ itemCode: 'NO-SUCH-ITEM', content: {} }, 404],
      [{ itemCode, content: 'text' }, 400],
      [{ itemCode, content: { big: 'x'.repeat(300 * 1024) } }, 400],
      [{ itemCode, content: {}, extra: 1 }, 400],
    ];
    for (const [body, status] of bad) {
      const r = await citizen.post('/api/v1/drafts', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(r.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(await count('citizen1')).toBe(before);
  });

  it('saves again over the version read only: the other of two saves at once gets a 409', async () => {
    const { id } = (await citizen.post('/api/v1/drafts', { bundleCode: 'B-QYKB-001', content: content('云州一件事科技有限公司') })).body;
    const both = await Promise.all([
      citizen.put(`/api/v1/drafts/${id}`, { content: content('甲'), version: 1 }),
      citizen.put(`/api/v1/drafts/${id}`, { content: content('乙'), version: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = both.find((r) => r.status === 200)!;
    expect(won.body.version).toBe(2);
    const lost = both.find((r) => r.status === 409)!;
    expect(lost.body.error.details).toMatchObject({ expectedVersion: 1, version: 2 });
    const kept = (await citizen.get(`/api/v1/drafts/${id}`)).body;
    expect(kept).toMatchObject({ bundleCode: 'B-QYKB-001', version: 2 });
    expect(kept.content).toEqual(won === both[0] ? content('甲') : content('乙'));
    expect((await citizen.delete(`/api/v1/drafts/${id}`)).status).toBe(204);
    expect((await citizen.get(`/api/v1/drafts/${id}`)).status).toBe(404);
  });

  it('is removed by the application filed from it, and kept when the filing fails', async () => {
    const { id } = (await citizen.post('/api/v1/drafts', { itemCode, content: content('云州提交科技有限公司') })).body;
    // a filing that fails (an invalid form) leaves the draft
    const failed = await citizen.post('/api/v1/cases', { itemCode, formData: {}, materials: [], draftId: id });
    expect(failed.status).toBe(400);
    expect((await citizen.get(`/api/v1/drafts/${id}`)).status).toBe(200);
    // another's draft: nothing is filed
    const cases = Number((await server.sql('SELECT count(*) FROM kase')).rows[0].count);
    const notMine = await other.post('/api/v1/cases', { itemCode, ...companyApplication(item, '云州他人科技有限公司', idNumber), draftId: id });
    expect(notMine.status).toBe(404);
    expect(Number((await server.sql('SELECT count(*) FROM kase')).rows[0].count)).toBe(cases);

    const filed = await citizen.post('/api/v1/cases', { itemCode, ...companyApplication(item, '云州提交科技有限公司', idNumber), draftId: id });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await citizen.get(`/api/v1/drafts/${id}`)).status).toBe(404);
    // a second filing naming it finds no draft
    expect((await citizen.post('/api/v1/cases', { itemCode, ...companyApplication(item, '云州再交科技有限公司', idNumber), draftId: id })).status).toBe(404);
  });

  it('keeps at most twenty drafts an account, and lets those not saved for thirty days go', async () => {
    const have = ((await other.get('/api/v1/drafts')).body.items as unknown[]).length;
    for (let i = have; i < maxDrafts; i++) expect((await other.post('/api/v1/drafts', { itemCode, content: { i } })).status).toBe(201);
    const over = await other.post('/api/v1/drafts', { itemCode, content: { i: 'one too many' } });
    expect(over.status).toBe(409);
    expect(over.body.error.details).toMatchObject({ limit: maxDrafts });
    expect(await count('citizen2')).toBe(maxDrafts);

    // one not saved for thirty days runs out: no longer listed nor read, and purged
    const oldest = ((await other.get('/api/v1/drafts')).body.items as { id: number }[]).at(-1)!.id;
    await server.sql("UPDATE application_draft SET expires_at = now() - interval '1 minute' WHERE id = $1", [oldest]);
    expect(((await other.get('/api/v1/drafts')).body.items as { id: number }[]).map((d) => d.id)).not.toContain(oldest);
    expect((await other.get(`/api/v1/drafts/${oldest}`)).status).toBe(404);
    expect((await other.put(`/api/v1/drafts/${oldest}`, { content: {}, version: 1 })).status).toBe(404);
    expect(await purgeExpiredDrafts(server.db)).toBeGreaterThanOrEqual(1);
    expect(await count('citizen2')).toBe(maxDrafts - 1);
    // room again for one
    expect((await other.post('/api/v1/drafts', { itemCode, content: { i: 'room again' } })).status).toBe(201);
  });
});
