import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { sampleForm, sampleMaterials } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import { dateOfInstant, dayNumber, formatDate, parseDate } from '../../common/civil-date.ts';
import type { HeldLicense, IssuedLicense } from '../../common/licenses.ts';
import { remindLicensesExpiring } from './reminders.ts';
import { validityEnd } from './licenses.ts';

/**
 * 证照有效期与延续: the demo's 食品经营许可 issues its license for five years, and its renewal (延续) is applied for at
 * the latest fifteen working days before the end (行政许可法 art. 50). The holder sees each license's state, is
 * reminded when the renewal falls due, and applies for the same item naming the license; the grant issues the
 * license again, valid on from the old one's end, which it replaces. A renewal decided after the license ran out
 * is a supervision finding; the license counted as renewed meanwhile.
 */
let server: TestServer;
let enterprise: Client;
let clerk: Client;
let head: Client;
let approver: Client;
let citizen: Client;
let police: Client;
let itemCode: string;
let plainCode: string;
let item: { content: { form: { schema: unknown }; materials: { key: string; necessity: string; source: string }[] } };

type Kase = {
  id: number;
  number: string;
  status: string;
  decidedAt: string | null;
  renews: { id: number; number: string; validUntil: string | null; supersededAt: string | null; caseId: number } | null;
  tasks: { id: number; stage: string; state: string }[];
  timeline: { type: string; payload: Record<string, unknown> }[];
  documents: { id: number; kind: string; number: string; validUntil: string | null; supersededAt: string | null; url: string }[];
};
const act = (c: Client, id: number, body: object) => c.post(`/api/v1/cases/${id}/actions`, body);
const openTask = (kase: Kase) => kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed')!;
const licenses = async (c: Client = enterprise) => (await c.get('/api/v1/licenses')).body.items as HeldLicense[];
const licenseOf = async (caseId: number) => (await licenses()).find((l) => l.caseId === caseId);
const caseCount = async () => (await server.sql('SELECT count(*)::int AS n FROM kase')).rows[0].n as number;
/** Today in China, as a day number. */
const today = () => dateOfInstant(Date.now(), 480);
/** Moves a license's last day (and so its state) to `days` from today. */
const endIn = (licenseId: number, days: number) =>
  server.sql('UPDATE case_document SET valid_until = $2::date WHERE id = $1', [licenseId, formatDate(today() + days)]);
const reader = pdfReader();

beforeAll(async () => {
  server = await startTestServer();
  [enterprise, clerk, head, approver, citizen, police] = await Promise.all(
    ['enterprise1', 'clerk1', 'head1', 'approver1', 'citizen1', 'approver2'].map((u) => signIn(server, u)),
  );
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

function application(extra: object = {}, code = itemCode, it = item) {
  return enterprise.post('/api/v1/cases', {
    itemCode: code,
    formData: sampleForm(it.content.form, '110101199003074514', 'enterprise'),
    materials: sampleMaterials(it.content.materials),
    ...extra,
  });
}

/** Applied for (by commitment: straight to the decision), accepted and granted by the head. */
async function granted(extra: object = {}): Promise<Kase> {
  const filed = await application({ commitment: true, ...extra });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const accepted = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
  const decided = await act(head, accepted.id, { action: 'approve', taskId: openTask(accepted).id, opinion: '准予许可' });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return decided.body;
}

describe('validityEnd', () => {
  it('ends the day before the same day of the month, years or months on', () => {
    expect(formatDate(validityEnd(parseDate('2026-11-28')!, { value: 5, unit: 'year' }))).toBe('2031-11-27');
    expect(formatDate(validityEnd(parseDate('2026-01-01')!, { value: 1, unit: 'year' }))).toBe('2026-12-31');
    expect(formatDate(validityEnd(parseDate('2026-01-31')!, { value: 1, unit: 'month' }))).toBe('2026-02-27');
    expect(formatDate(validityEnd(parseDate('2028-02-29')!, { value: 4, unit: 'year' }))).toBe('2032-02-28');
    expect(formatDate(validityEnd(parseDate('2027-03-01')!, { value: 18, unit: 'month' }))).toBe('2028-08-31');
    expect(validityEnd(dayNumber(2026, 12, 1), { value: 6, unit: 'month' })).toBe(dayNumber(2027, 5, 31));
  });
});

describe('a license’s validity and its renewal (证照有效期与延续)', () => {
  it('issues the license with its last day, printed on it, and lists it as held and valid', async () => {
    const kase = await granted();
    const license = await licenseOf(kase.id);
    const decidedDay = dateOfInstant(Date.parse(kase.decidedAt!), 480);
    expect(license).toMatchObject({
      type: '食品经营许可证',
      itemCode,
      validUntil: formatDate(validityEnd(decidedDay, { value: 5, unit: 'year' })),
      state: 'valid',
      renewal: null,
      // 食品经营许可's renewal is taken from ninety working days before the end only
      mayRenew: false,
    });
    // fifteen working days before the end: three weeks, give or take a holiday
    const renewBy = parseDate(license!.renewBy!)!;
    expect(parseDate(license!.validUntil!)! - renewBy).toBeGreaterThanOrEqual(21);
    expect(parseDate(license!.validUntil!)! - renewBy).toBeLessThan(35);
    // ninety working days before it: eighteen weeks, give or take the holidays
    const renewFrom = parseDate(license!.renewFrom!)!;
    expect(parseDate(license!.validUntil!)! - renewFrom).toBeGreaterThanOrEqual(126);
    expect(parseDate(license!.validUntil!)! - renewFrom).toBeLessThan(150);
    const doc = kase.documents.find((d) => d.kind === 'license')!;
    expect(doc.validUntil).toBe(license!.validUntil);
    const [y, m, d] = license!.validUntil!.split('-').map(Number);
    const text = await reader.pdfText(server, enterprise, kase.id, doc);
    expect(text).toContain('有效期至');
    expect(text).toContain(`${y}年${m}月${d}日`);
  });

  it('refuses a renewal of what cannot be renewed, and files nothing', async () => {
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    const before = await caseCount();
    // an item that issues no license with a period
    const plain = (await enterprise.get(`/api/v1/catalog/items/${plainCode}`)).body;
    const other = await application({ renews: license.id }, plainCode, plain);
    expect(other.status).toBe(400);
    expect(other.body.error.details).toMatchObject({ field: 'renews' });
    // a license the applicant does not hold
    const notHeld = await citizen.post('/api/v1/cases', {
      itemCode,
      formData: sampleForm(item.content.form, '110101199003074514'),
      materials: sampleMaterials(item.content.materials),
      renews: license.id,
    });
    expect(notHeld.status).toBe(400);
    expect(notHeld.body.error.details).toMatchObject({ field: 'renews', reason: 'the applicant holds no such license' });
    expect((await application({ renews: 999_999_999 })).status).toBe(400);
    expect((await application({ renews: 'soon' })).status).toBe(400);
    // before the window opens (ninety working days before the end): not yet, and said from when
    const early = await application({ renews: license.id });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toMatchObject({ field: 'renews', opensOn: license.renewFrom });
    await endIn(license.id, 100);
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'valid', mayRenew: true });
    // a license that has run out is not renewed: the applicant applies anew
    await endIn(license.id, -1);
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'expired', mayRenew: false });
    const late = await application({ renews: license.id });
    expect(late.status).toBe(400);
    expect(late.body.error.details).toMatchObject({ field: 'renews', reason: 'this license has expired: apply anew' });
    // a bundle renews nothing
    const bundle = await enterprise.post('/api/v1/cases', { bundleCode: 'anything', formData: {}, materials: [], renews: license.id });
    expect(bundle.status).toBe(400);
    expect(await caseCount()).toBe(before);
  });

  it('tells the holder once when the renewal falls due, and counts it on their day', async () => {
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    const expiring = async () => (await enterprise.get('/api/v1/cases/today')).body.applicant.licensesExpiring as number;
    const before = await expiring();
    // a month and a half before its end: the deadline, fifteen working days before, is within thirty days
    await endIn(license.id, 45);
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'expiring', mayRenew: true });
    expect(await expiring()).toBe(before + 1);

    expect(await remindLicensesExpiring(server.db)).toBeGreaterThanOrEqual(1);
    await remindLicensesExpiring(server.db);
    const timeline = ((await enterprise.get(`/api/v1/cases/${kase.id}`)).body as Kase).timeline.filter((e) => e.type === 'license_expiring');
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.payload).toMatchObject({ licenseId: license.id, licenseNumber: license.number, validUntil: formatDate(today() + 45) });
    await server.drainOutbox();
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'enterprise1' AND m.title->>'zh-CN' = '证照即将到期' AND m.body->>'zh-CN' LIKE $1",
      [`%${license.number}%`],
    );
    expect(told.rows).toEqual([{ body: expect.stringContaining('申请延续') }]);
  });

  it('renews the license: one renewal in hand, the new license on from the old end, the old one replaced', async () => {
    const kase = await granted();
    const old = (await licenseOf(kase.id))!;
    await endIn(old.id, 40);
    const oldEnd = today() + 40;

    const filed = await application({ renews: old.id });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    let renewal = (await enterprise.get(`/api/v1/cases/${filed.body.id}`)).body as Kase;
    expect(renewal.renews).toMatchObject({ id: old.id, number: old.number, validUntil: formatDate(oldEnd), supersededAt: null, caseId: kase.id });
    expect(renewal.timeline.find((e) => e.type === 'submitted')?.payload).toMatchObject({ renews: old.id });
    // in hand: not expiring, not renewable again
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'valid', mayRenew: false, renewal: { id: filed.body.id, number: filed.body.number } });
    const twice = await application({ renews: old.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details).toMatchObject({ caseNumber: filed.body.number });

    // the review: an ordinary application goes through the approver's review first
    renewal = (await act(clerk, renewal.id, { action: 'accept' })).body;
    renewal = (await act(approver, renewal.id, { action: 'approve', taskId: openTask(renewal).id, opinion: '符合延续条件' })).body;
    renewal = (await act(head, renewal.id, { action: 'approve', taskId: openTask(renewal).id, opinion: '准予延续' })).body;
    expect(renewal.decidedAt).not.toBeNull();
    const fresh = renewal.documents.find((d) => d.kind === 'license')!;
    expect(fresh.validUntil).toBe(formatDate(validityEnd(oldEnd + 1, { value: 5, unit: 'year' })));
    const text = await reader.pdfText(server, enterprise, renewal.id, fresh);
    expect(text).toContain('准予延续');
    expect(text).toContain(old.number);

    const held = await licenses();
    expect(held.find((l) => l.id === old.id)).toBeUndefined();
    // five years on: its own renewal is not taken until near its end
    expect(held.find((l) => l.id === fresh.id)).toMatchObject({ caseId: renewal.id, validUntil: fresh.validUntil, state: 'valid', mayRenew: false });
    const issuing = (await enterprise.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(issuing.documents.find((d) => d.kind === 'license')?.supersededAt).not.toBeNull();
    // decided in time: nothing for supervision
    await server.drainOutbox();
    expect((await server.sql("SELECT 1 FROM supervision_finding WHERE case_id = $1 AND kind = 'late_renewal'", [renewal.id])).rows).toHaveLength(0);
  });

  it('counts a license as renewed while its renewal is undecided past its end, and finds the late decision', async () => {
    const kase = await granted();
    const old = (await licenseOf(kase.id))!;
    await endIn(old.id, 20);
    const filed = await application({ renews: old.id, commitment: true });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    await endIn(old.id, -3);
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'deemed_renewed', mayRenew: false, renewal: { id: filed.body.id } });
    // the department cannot cancel it as run out: the renewal's decision settles it (行政许可法 art. 50)
    const asRunOut = await approver.post(`/api/v1/licenses/${old.id}/cancel`, { ground: 'expired' }, { 'idempotency-key': `run-out-${old.id}` });
    expect(asRunOut.status).toBe(409);
    expect(asRunOut.body.error.details).toMatchObject({ state: 'deemed_renewed', renewal: { id: filed.body.id, number: filed.body.number } });
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'deemed_renewed' });
    // decided three days after the old end: the new license still runs on from it
    const accepted = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
    const decided = (await act(head, accepted.id, { action: 'approve', taskId: openTask(accepted).id, opinion: '准予延续' })).body as Kase;
    const fresh = decided.documents.find((d) => d.kind === 'license')!;
    expect(fresh.validUntil).toBe(formatDate(validityEnd(today() - 3 + 1, { value: 5, unit: 'year' })));
    await server.drainOutbox();
    const findings = await server.sql(
      "SELECT detail->>'licenseNumber' AS number, detail->>'validUntil' AS until FROM supervision_finding WHERE case_id = $1 AND kind = 'late_renewal'",
      [decided.id],
    );
    expect(findings.rows).toEqual([{ number: old.number, until: formatDate(today() - 3) }]);
  });

  it('changes what a license records until the same end (变更), one application for a license at a time', async () => {
    const kase = await granted();
    const old = (await licenseOf(kase.id))!;
    await endIn(old.id, 40);
    const both = await application({ renews: old.id, changes: old.id });
    expect(both.status).toBe(400);
    expect(both.body.error.details).toMatchObject({ field: 'changes' });

    const filed = await application({ changes: old.id, commitment: true });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const changing = (await enterprise.get(`/api/v1/cases/${filed.body.id}`)).body as Kase & { changes: Kase['renews'] };
    expect(changing.changes).toMatchObject({ id: old.id, number: old.number });
    expect(changing.renews).toBeNull();
    expect(changing.timeline.find((e) => e.type === 'submitted')?.payload).toMatchObject({ changes: old.id });
    // a change in hand: nothing else is applied for the license; it still runs out as it would
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'expiring', mayRenew: false, mayChange: false, renewal: null, change: { id: filed.body.id } });
    const renewal = await application({ renews: old.id });
    expect(renewal.status).toBe(409);
    expect(renewal.body.error.details).toMatchObject({ caseNumber: filed.body.number });

    const accepted = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
    const decided = (await act(head, accepted.id, { action: 'approve', taskId: openTask(accepted).id, opinion: '准予变更' })).body as Kase;
    const fresh = decided.documents.find((d) => d.kind === 'license')!;
    expect(fresh.validUntil).toBe(formatDate(today() + 40));
    const text = await reader.pdfText(server, enterprise, decided.id, fresh);
    expect(text).toContain('准予变更');
    expect(text).toContain(old.number);
    const decision = decided.documents.find((d) => d.kind === 'decision')!;
    expect(await reader.pdfText(server, enterprise, decided.id, decision)).toContain('准予变更行政许可决定书');
    const held = await licenses();
    expect(held.find((l) => l.id === old.id)).toBeUndefined();
    expect(held.find((l) => l.id === fresh.id)).toMatchObject({ state: 'expiring', mayRenew: true, mayChange: true });
    // a change is no renewal: nothing for supervision, whenever it is decided
    await server.drainOutbox();
    expect((await server.sql("SELECT 1 FROM supervision_finding WHERE case_id = $1 AND kind = 'late_renewal'", [decided.id])).rows).toHaveLength(0);
  });

  it('lets a renewal withdrawn leave the license to run out as it would', async () => {
    const kase = await granted();
    const old = (await licenseOf(kase.id))!;
    await endIn(old.id, 10);
    const filed = await application({ renews: old.id });
    expect((await licenseOf(kase.id))?.mayRenew).toBe(false);
    const withdrawn = await act(enterprise, filed.body.id, { action: 'withdraw', reason: '不再经营' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'expiring', renewal: null, mayRenew: true });
  });

  it('answers anyone verifying a license by its number, as it stands (证照核验)', async () => {
    const anyone = new Client(server.baseUrl);
    const verify = (number: string) => anyone.get(`/api/v1/licenses/verify/${encodeURIComponent(number)}`);
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    const first = await verify(license.number);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      number: license.number,
      type: '食品经营许可证',
      holderKind: 'enterprise',
      issuer: '云州市市场监督管理局',
      validUntil: license.validUntil,
      state: 'valid',
      replacedBy: null,
    });
    // a PDF not made yet is made at the check, so that a copy in hand can be compared with it: the same file as the holder's
    expect(first.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    // the license's QR code leads here
    const doc = kase.documents.find((d) => d.kind === 'license')!;
    const text = await reader.pdfText(server, enterprise, kase.id, doc);
    expect(text).toContain('扫码核验证照');
    expect((await verify(license.number)).body.sha256).toBe(first.body.sha256);
    expect((await verify('440300-ZZ-2026-9999999')).status).toBe(404);
    expect((await verify('<script>')).status).toBe(400);

    // replaced by its renewal (in its window): says so, and names the new one
    await endIn(license.id, 60);
    const renewal = (await application({ renews: license.id, commitment: true })).body;
    const accepted = (await act(clerk, renewal.id, { action: 'accept' })).body as Kase;
    const decided = (await act(head, accepted.id, { action: 'approve', taskId: openTask(accepted).id, opinion: '准予延续' })).body as Kase;
    const fresh = decided.documents.find((d) => d.kind === 'license')!;
    expect((await verify(license.number)).body).toMatchObject({ state: 'superseded', replacedBy: fresh.number });
    expect((await verify(fresh.number)).body).toMatchObject({ state: 'valid' });

    // revoked once its commitment proved false; run out
    const checked = await act(approver, decided.id, { action: 'check_commitment', result: 'broken', opinion: '现场核查与承诺不符' });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect((await verify(fresh.number)).body).toMatchObject({ state: 'revoked' });
    const other = (await licenseOf((await granted()).id))!;
    await endIn(other.id, -1);
    expect((await verify(other.number)).body).toMatchObject({ state: 'expired' });
  });

  it('lists the licenses a department issued, by state, to its own staff and the center (已发证照)', async () => {
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    const issued = async (c: Client, query = '') => (await c.get(`/api/v1/licenses/issued${query}`)).body as { items: IssuedLicense[]; total: number };
    const mine = await issued(approver);
    expect(mine.items.find((l) => l.id === license.id)).toMatchObject({
      number: license.number,
      holder: '云州青禾食品有限公司',
      holderKind: 'enterprise',
      state: 'valid',
      caseId: kase.id,
      mayCancel: true,
    });
    expect(mine.total).toBeGreaterThanOrEqual(1);
    // the center's window reads them, and may not cancel; another department does not see them; applicants may not ask
    expect((await issued(clerk)).items.find((l) => l.id === license.id)).toMatchObject({ mayCancel: false });
    expect((await issued(police)).items.some((l) => l.id === license.id)).toBe(false);
    expect((await enterprise.get('/api/v1/licenses/issued')).status).toBe(403);
    expect((await approver.get('/api/v1/licenses/issued?state=lost')).status).toBe(400);
    // by number, by part of the holder's name, by state
    expect((await issued(approver, `?q=${license.number}`)).items.map((l) => l.id)).toEqual([license.id]);
    expect((await issued(approver, `?q=${encodeURIComponent('青禾')}`)).items.some((l) => l.id === license.id)).toBe(true);
    await endIn(license.id, 45);
    expect((await issued(approver, '?state=expiring')).items.map((l) => l.id)).toContain(license.id);
    expect((await issued(approver, '?state=valid')).items.map((l) => l.id)).toContain(license.id);
    expect((await issued(approver, '?state=expired')).items.map((l) => l.id)).not.toContain(license.id);
    await endIn(license.id, -2);
    expect((await issued(approver, '?state=expired')).items.find((l) => l.id === license.id)).toMatchObject({ state: 'expired', mayCancel: true });
    expect((await issued(approver, '?state=expiring')).items.map((l) => l.id)).not.toContain(license.id);
  });

  it('cancels a license on a ground of the law, once, by the department that issued it (注销)', async () => {
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    const cancel = (c: Client, body: object, key?: string) =>
      c.post(`/api/v1/licenses/${license.id}/cancel`, body, key ? { 'idempotency-key': key } : undefined);
    const body = { ground: 'holder_terminated', note: '该企业已办理注销登记' };
    expect((await cancel(enterprise, body)).status).toBe(403);
    expect((await cancel(clerk, body)).status).toBe(403);
    expect((await cancel(police, body)).status).toBe(404);
    expect((await cancel(approver, { ground: 'tired' })).status).toBe(400);
    expect((await cancel(approver, { ground: 'other', note: '  ' })).status).toBe(400);
    // a license within its period has not run out
    const early = await cancel(approver, { ground: 'expired' });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toMatchObject({ field: 'ground' });
    expect((await approver.post('/api/v1/licenses/999999999/cancel', body)).status).toBe(404);
    expect(await licenseOf(kase.id)).toBeDefined();

    const [a, b] = await Promise.all([cancel(approver, body, `cancel-${license.id}`), cancel(head, { ground: 'holder_request' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body : b.body;
    expect(winner).toMatchObject({ id: license.id, state: 'cancelled', mayCancel: false });
    expect(winner.cancelledAt).not.toBeNull();
    // the same request again is the same answer; another is a conflict
    expect((await cancel(approver, body, `cancel-${license.id}`)).status).toBe(a.status);
    expect((await cancel(approver, { ground: 'expired' })).status).toBe(409);

    // no longer held, renewed or valid; the holder is told
    expect(await licenseOf(kase.id)).toBeUndefined();
    expect((await application({ renews: license.id })).status).toBe(400);
    const verified = (await new Client(server.baseUrl).get(`/api/v1/licenses/verify/${license.number}`)).body;
    expect(verified).toMatchObject({ state: 'cancelled', cancelGround: winner.cancelGround });
    const timeline = ((await enterprise.get(`/api/v1/cases/${kase.id}`)).body as Kase).timeline.filter((e) => e.type === 'license_cancelled');
    expect(timeline).toHaveLength(1);
    await server.drainOutbox();
    const told = await server.sql(
      "SELECT m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'enterprise1' AND m.title->>'zh-CN' = '证照已注销' AND m.body->>'zh-CN' LIKE $1",
      [`%${license.number}%`],
    );
    expect(told.rows).toEqual([{ body: expect.stringContaining('已依法注销') }]);
    // the department's ledger keeps it, cancelled
    const ledger = (await approver.get('/api/v1/licenses/issued?state=cancelled')).body as { items: IssuedLicense[] };
    expect(ledger.items.map((l) => l.id)).toContain(license.id);
  });

  it('gives a license up on its holder’s application (申请注销): nothing asked but the reason, nothing charged', async () => {
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    expect(license).toMatchObject({ mayCancel: true, cancellation: null });
    const before = await caseCount();
    const refused = async (extra: object, field: string, client = enterprise) => {
      const r = await client.post('/api/v1/cases', {
        itemCode,
        formData: sampleForm(item.content.form, '110101199003074514', client === citizen ? 'person' : 'enterprise'),
        materials: [],
        ...extra,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.details).toMatchObject({ field });
    };
    await refused({ cancels: license.id }, 'cancelReason');
    await refused({ cancels: license.id, cancelReason: ' ' }, 'cancelReason');
    await refused({ cancelReason: '停止经营' }, 'cancelReason');
    await refused({ cancels: license.id, changes: license.id, cancelReason: '停止经营' }, 'cancels');
    await refused({ cancels: license.id, cancelReason: '停止经营', commitment: true }, 'commitment');
    await refused({ cancels: 999999999, cancelReason: '停止经营' }, 'cancels');
    // another's license, and one of another item
    await refused({ cancels: license.id, cancelReason: '停止经营' }, 'cancels', citizen);
    const other = (await enterprise.get(`/api/v1/catalog/items/${plainCode}`)).body;
    const elsewhere = await enterprise.post('/api/v1/cases', {
      itemCode: plainCode,
      formData: sampleForm(other.content.form, '110101199003074514', 'enterprise'),
      materials: [],
      cancels: license.id,
      cancelReason: '停止经营',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details).toMatchObject({ field: 'cancels', itemCode });
    // a license that ran out is cancelled by its department (art. 70 (一)), not given up
    await endIn(license.id, -1);
    await refused({ cancels: license.id, cancelReason: '停止经营' }, 'cancels');
    await endIn(license.id, 200);
    expect(await caseCount()).toBe(before);

    // no materials asked: the application is complete as filed, and the window accepts it
    const give = (reason: string) =>
      enterprise.post('/api/v1/cases', {
        itemCode,
        formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
        materials: [],
        cancels: license.id,
        cancelReason: reason,
      });
    const first = await give('  门店拆迁，停止经营  ');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    let giving = (await enterprise.get(`/api/v1/cases/${first.body.id}`)).body as Kase & {
      cancels: Kase['renews'] & { cancelledAt: string | null };
      cancelReason: string;
      materials: unknown[];
    };
    expect(giving).toMatchObject({ cancels: { id: license.id, number: license.number, cancelledAt: null }, cancelReason: '门店拆迁，停止经营', renews: null });
    expect(giving.materials).toEqual([]);
    expect(giving.timeline.find((e) => e.type === 'submitted')?.payload).toMatchObject({ cancels: license.id, cancelReason: '门店拆迁，停止经营' });
    expect(await licenseOf(kase.id)).toMatchObject({ cancellation: { id: first.body.id }, mayRenew: false, mayChange: false, mayCancel: false });
    // given up: near its end it is not expiring, and its holder is not reminded to renew it
    await endIn(license.id, 45);
    expect(await licenseOf(kase.id)).toMatchObject({ state: 'valid' });
    await remindLicensesExpiring(server.db);
    expect(((await enterprise.get(`/api/v1/cases/${kase.id}`)).body as Kase).timeline.filter((e) => e.type === 'license_expiring')).toEqual([]);
    await endIn(license.id, 200);
    const again = await give('停止经营');
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ caseNumber: first.body.number });
    expect((await application({ renews: license.id })).status).toBe(409);
    // the department's ledger shows it in hand
    const ledger = (await approver.get(`/api/v1/licenses/issued?q=${license.number}`)).body as { items: IssuedLicense[] };
    expect(ledger.items[0]).toMatchObject({ id: license.id, cancellation: { id: first.body.id }, state: 'valid' });
    // withdrawn: the license holds as before
    expect((await act(enterprise, first.body.id, { action: 'withdraw', reason: '继续经营' })).status).toBe(200);
    expect(await licenseOf(kase.id)).toMatchObject({ cancellation: null, mayCancel: true });

    const filed = await give('停止经营');
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    giving = (await act(clerk, filed.body.id, { action: 'accept' })).body;
    expect(giving.status).toBe('in_progress');
    giving = (await act(approver, giving.id, { action: 'approve', taskId: openTask(giving).id, opinion: '同意注销' })).body;
    giving = (await act(head, giving.id, { action: 'approve', taskId: openTask(giving).id, opinion: '准予注销' })).body;
    expect(giving.decidedAt).not.toBeNull();
    // nothing is issued in the license's place, and nothing is charged
    expect(giving.documents.filter((d) => d.kind === 'license')).toEqual([]);
    expect((await server.sql('SELECT count(*)::int AS n FROM case_fee WHERE case_id = $1', [giving.id])).rows[0].n).toBe(0);
    const decision = giving.documents.find((d) => d.kind === 'decision')!;
    const text = await reader.pdfText(server, enterprise, giving.id, decision);
    expect(text).toContain('准予注销行政许可决定书');
    expect(text).toContain(license.number);
    expect(text).toContain('不再有效');

    // the license is cancelled on the holder's request, with their reason, naming the application
    expect(await licenseOf(kase.id)).toBeUndefined();
    const verified = (await new Client(server.baseUrl).get(`/api/v1/licenses/verify/${license.number}`)).body;
    expect(verified).toMatchObject({ state: 'cancelled', cancelGround: 'holder_request' });
    const issued = (await approver.get(`/api/v1/licenses/issued?q=${license.number}`)).body.items[0] as IssuedLicense;
    expect(issued).toMatchObject({ state: 'cancelled', cancelGround: 'holder_request', cancelNote: '停止经营', cancellation: null, mayCancel: false });
    const issuing = (await enterprise.get(`/api/v1/cases/${kase.id}`)).body as Kase;
    expect(issuing.timeline.filter((e) => e.type === 'license_cancelled').map((e) => e.payload)).toEqual([
      expect.objectContaining({ licenseId: license.id, ground: 'holder_request', note: '停止经营', byCase: { id: giving.id, number: giving.number } }),
    ]);
    const after = (await enterprise.get(`/api/v1/cases/${giving.id}`)).body;
    expect(after.cancels.cancelledAt).not.toBeNull();
    // the department cannot cancel it again
    expect((await approver.post(`/api/v1/licenses/${license.id}/cancel`, { ground: 'expired' })).status).toBe(409);
  });

  it('leaves the license held when its cancellation is denied, and a bundle gives up nothing', async () => {
    const kase = await granted();
    const license = (await licenseOf(kase.id))!;
    const filed = await enterprise.post('/api/v1/cases', {
      itemCode,
      formData: sampleForm(item.content.form, '110101199003074514', 'enterprise'),
      materials: [],
      cancels: license.id,
      cancelReason: '停止经营',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    let giving = (await act(clerk, filed.body.id, { action: 'accept' })).body as Kase;
    giving = (await act(approver, giving.id, { action: 'approve', taskId: openTask(giving).id, opinion: '移交决定' })).body;
    const denied = await act(head, giving.id, { action: 'reject', taskId: openTask(giving).id, opinion: '尚有未结案件，暂不予注销' });
    expect(denied.status, JSON.stringify(denied.body)).toBe(200);
    const decision = (denied.body as Kase).documents.find((d) => d.kind === 'decision')!;
    expect(await reader.pdfText(server, enterprise, giving.id, decision)).toContain('不予注销行政许可决定书');
    expect(await licenseOf(kase.id)).toMatchObject({ id: license.id, cancellation: null, mayCancel: true });

    const bundled = await enterprise.post('/api/v1/cases', {
      bundleCode: 'ANY-BUNDLE',
      formData: {},
      materials: [],
      cancels: license.id,
      cancelReason: '停止经营',
    });
    expect(bundled.status).toBe(400);
    expect(bundled.body.error.details).toMatchObject({ field: 'cancels' });
  });

  // last: the limit holds for this address for the rest of the minute
  it('slows down whoever verifies number after number', async () => {
    const guesser = new Client(server.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 64; i++) statuses.push((await guesser.get(`/api/v1/licenses/verify/440300-ZZ-2026-${String(i).padStart(7, '0')}`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  });
});
