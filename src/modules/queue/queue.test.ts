import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../server/app.ts';
import { connect, type DbHandle } from '../../server/db/database.ts';
import { makeDeps } from '../../server/deps.ts';
import { idCardCheckChar } from '../../common/validators.ts';
import { Client, revealedIdNumber, signIn, startTestServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
/** A second server process on the same database: issuing and calling must hold across processes. */
let second: { app: App; baseUrl: string; handle: DbHandle };
let admin: Client;
let hallId: number;
let cats: Record<string, { id: number; version: number; windows: { id: number; number: string }[] }>;
let windowId: Record<string, number>;

const idNumber = (seq: number) => {
  const first17 = `990102199001${String(1 + (seq % 28)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
};
let idSeq = 100;
const freshId = () => idNumber(idSeq++);

async function publicPost(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}
async function publicGet(base: string, path: string) {
  const r = await fetch(base + path);
  return { status: r.status, body: (await r.json()) as any };
}
const take = (categoryId: number, extra: Record<string, unknown> = {}, base = server.baseUrl) =>
  publicPost(base, '/api/v1/queue/tickets', { hallId, categoryId, channel: 'kiosk', ...extra });

async function settings(patch: Record<string, unknown>) {
  const current = await admin.get(`/api/v1/queue/halls/${hallId}/settings`);
  expect(current.status).toBe(200);
  const r = await admin.put(`/api/v1/queue/halls/${hallId}/settings`, { ...patch, version: current.body.version });
  expect(r.status).toBe(200);
  return r.body;
}

/** Drain a window: call and finish until nobody waits for it; returns the codes called. */
async function drain(c: Client, window: number): Promise<{ id: number; code: string }[]> {
  const called: { id: number; code: string }[] = [];
  for (;;) {
    const r = await c.post(`/api/v1/queue/windows/${window}/call-next`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (!r.body.ticket) return called;
    called.push({ id: r.body.ticket.id, code: r.body.ticket.code });
    const f = await c.post(`/api/v1/queue/tickets/${r.body.ticket.id}/actions`, { windowId: window, action: 'finish' });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
  }
}

/** A minimal EventSource over fetch: collects `hall` and `board` events. */
function openStream(base: string, lastEventId?: number) {
  const controller = new AbortController();
  const events: { id?: string; event: string; data: any }[] = [];
  const waiters: (() => void)[] = [];
  const done = (async () => {
    const res = await fetch(`${base}/api/v1/queue/halls/${hallId}/events`, {
      headers: lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const e: { id?: string; event: string; data: any } = { event: 'message', data: null };
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) e.id = line.slice(4);
          else if (line.startsWith('event: ')) e.event = line.slice(7);
          else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
        }
        if (e.data !== null) {
          events.push(e);
          for (const w of waiters.splice(0)) w();
        }
      }
    }
  })().catch(() => {});
  return {
    events,
    async waitFor(pred: (e: { id?: string; event: string; data: any }) => boolean, ms = 8000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(pred);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events.map((e) => [e.event, e.data?.kind]))}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const handle = connect(server.dbUrl, 5);
  const app = await buildApp(makeDeps(handle.db, server.deps.config));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  second = { app, handle, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  admin = await signIn(server, 'centeradmin');
  const halls = await publicGet(server.baseUrl, '/api/v1/queue/halls');
  hallId = halls.body.find((h: { name: string }) => h.name === '云州市政务服务中心').id;
  const list = await admin.get(`/api/v1/queue/halls/${hallId}/categories?all=true`);
  cats = Object.fromEntries(list.body.map((c: any) => [c.prefix, c]));
  const w = await server.sql<{ id: number; number: string }>('SELECT id, number FROM service_window WHERE hall_id = $1', [hallId]);
  windowId = Object.fromEntries(w.rows.map((r) => [r.number, Number(r.id)]));
  // the tests run at any hour of any day: tickets are not refused outside opening hours here
  await settings({ enforceHours: false, ipTicketsPerHour: 100000, phoneTicketsPerDay: 100000, ipBookingsPerHour: 100000 });
});

afterAll(async () => {
  await second?.app.close();
  await second?.handle.close();
  await server?.close();
});

describe('demo categories', () => {
  it('seeds A–E and the green channel V for the city hall with the windows serving each', () => {
    expect(Object.keys(cats).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'V']);
    expect(cats.V).toMatchObject({ isGreen: true, isBookable: false });
    expect(cats.C!.windows.map((w) => w.number)).toEqual(['6']);
  });
});

describe('ticket numbering', () => {
  it('gives 80 parallel requests through two server processes the numbers 1–80, no duplicates and no gaps', async () => {
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => take(cats.E!.id, {}, i % 2 ? second.baseUrl : server.baseUrl)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => r.body.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.code)).size).toBe(80);
    expect(results.find((r) => r.body.number === 7)!.body.code).toBe('E007');
  });

  it('gives a number back when the issue fails, so the next one has no gap', async () => {
    const id = freshId();
    const first = await take(cats.D!.id, { idNumber: id });
    expect(first.status).toBe(201);
    const again = await take(cats.D!.id, { idNumber: id });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE', details: { reason: 'open_ticket' } });
    const next = await take(cats.D!.id);
    expect(next.body.number).toBe(first.body.number + 1);
  });

  it('stops at the daily limit', async () => {
    const r = await admin.patch(`/api/v1/queue/categories/${cats.D!.id}`, { dailyLimit: 3, version: cats.D!.version });
    expect(r.status).toBe(200);
    cats.D!.version = r.body.version;
    expect((await take(cats.D!.id)).status).toBe(201);
    const over = await take(cats.D!.id);
    expect(over.status).toBe(409);
    expect(over.body.error.details.reason).toBe('daily_limit');
    const back = await admin.patch(`/api/v1/queue/categories/${cats.D!.id}`, { dailyLimit: null, version: cats.D!.version });
    cats.D!.version = back.body.version;
  });
});

describe('taking a ticket', () => {
  it('masks the ID number and phone, shows the line ahead and an estimate, and follows the ticket with its token only', async () => {
    const r = await take(cats.E!.id, { idNumber: freshId(), phone: '13700001234', channel: 'phone' });
    expect(r.status).toBe(201);
    expect(r.body.idNumber).toMatch(/^990102\*{8}\d{3}[\dX]$/);
    expect(r.body.phone).toBe('137****1234');
    expect(r.body.ahead).toBe(80);
    expect(r.body.estimatedWaitMinutes).toBeGreaterThan(0);
    const raw = await server.sql('SELECT id_enc, phone_enc FROM queue_ticket WHERE id = $1', [r.body.id]);
    expect(raw.rows[0].id_enc).toMatch(/^v1\./);
    expect((await publicGet(server.baseUrl, `/api/v1/queue/tickets/${r.body.id}?token=${r.body.token}`)).body.code).toBe(r.body.code);
    expect((await publicGet(server.baseUrl, `/api/v1/queue/tickets/${r.body.id}`)).status).toBe(404);
    expect((await publicGet(server.baseUrl, `/api/v1/queue/tickets/${r.body.id}?token=wrong-token-value`)).status).toBe(404);
  });

  it('lets one ID number hold one open ticket per category, another category is fine', async () => {
    const id = freshId();
    expect((await take(cats.A!.id, { idNumber: id })).status).toBe(201);
    expect((await take(cats.A!.id, { idNumber: id })).status).toBe(409);
    expect((await take(cats.B!.id, { idNumber: id })).status).toBe(201);
    await server.sql("UPDATE queue_ticket SET status = 'cancelled' WHERE category_id IN ($1, $2)", [cats.A!.id, cats.B!.id]);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await server.sql('SELECT count(*)::int AS n FROM queue_ticket');
    expect((await take(999999)).status).toBe(400);
    expect((await take(cats.A!.id, { idNumber: '990102199001011234' })).body.error.code).toBe('INVALID_ID_NUMBER');
    expect((await take(cats.A!.id, { phone: '12345' })).status).toBe(400);
    expect((await take(cats.A!.id, { channel: 'fax' })).status).toBe(400);
    expect((await take(cats.A!.id, { extra: 1 })).status).toBe(400);
    expect((await publicPost(server.baseUrl, '/api/v1/queue/tickets', { hallId: 999999, categoryId: cats.A!.id, channel: 'kiosk' })).status).toBe(404);
    expect((await server.sql('SELECT count(*)::int AS n FROM queue_ticket')).rows[0].n).toBe(before.rows[0].n);
  });

  it('rate-limits one phone taking tickets in a loop, and one address', async () => {
    await settings({ phoneTicketsPerDay: 3, ipTicketsPerHour: 100000 });
    const phone = '13900005555';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await take(cats.E!.id, { phone, channel: 'phone' })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await take(cats.E!.id, { phone, channel: 'phone' });
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    await settings({ phoneTicketsPerDay: 100000, ipTicketsPerHour: 2 });
    // earlier tickets this hour already count against this address
    expect((await take(cats.E!.id)).status).toBe(429);
    await settings({ ipTicketsPerHour: 100000 });
  });

  it('refuses tickets while the hall is closed when hours are enforced', async () => {
    const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
    expect((await admin.put(`/api/v1/queue/halls/${hallId}/days/${today}`, { hours: [], note: '停电' })).status).toBe(200);
    await settings({ enforceHours: true });
    const r = await take(cats.A!.id);
    expect(r.status).toBe(409);
    expect(r.body.error.details.reason).toBe('hall_closed');
    await settings({ enforceHours: false });
    await admin.delete(`/api/v1/queue/halls/${hallId}/days/${today}`);
  });

  it('says on the board whether tickets are issued today, also on a closed day when the hall does not enforce its hours', async () => {
    const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
    const board = async () => (await publicGet(server.baseUrl, `/api/v1/queue/halls/${hallId}/board`)).body;
    /** The board's word agrees with what the kiosk gets. */
    const kioskIssues = async () => {
      const r = await take(cats.A!.id);
      if (r.status === 201) await publicPost(server.baseUrl, `/api/v1/queue/tickets/${r.body.id}/cancel`, { token: r.body.token });
      else expect(r.body.error.details.reason).toBe('hall_closed');
      return r.status === 201;
    };

    expect((await admin.put(`/api/v1/queue/halls/${hallId}/days/${today}`, { hours: [[0, 1440]], note: '全天' })).status).toBe(200);
    expect(await board()).toMatchObject({ open: true, issuing: true, hours: [[0, 1440]], closedReason: null });

    // closed by the calendar, yet the hall issues tickets whatever the calendar says
    expect((await admin.put(`/api/v1/queue/halls/${hallId}/days/${today}`, { hours: [], note: '停电' })).status).toBe(200);
    expect(await board()).toMatchObject({ open: false, issuing: true, hours: [], closedName: '停电' });
    expect(await kioskIssues()).toBe(true);

    await settings({ enforceHours: true });
    expect(await board()).toMatchObject({ open: false, issuing: false, hours: [] });
    expect(await kioskIssues()).toBe(false);

    await settings({ enforceHours: false });
    await admin.delete(`/api/v1/queue/halls/${hallId}/days/${today}`);
  });
});

describe('calling', () => {
  it('calls every ticket exactly once while three windows call next at the same time', { timeout: 120_000 }, async () => {
    // the numbering tests left 80-odd E tickets for window 2: out of the way
    await server.sql("UPDATE queue_ticket SET status = 'cancelled' WHERE status = 'waiting'");
    const clerk1 = await signIn(server, 'clerk1');
    const clerk2 = await signIn(server, 'clerk2');
    const approver1 = await signIn(server, 'approver1');
    const issued = await Promise.all(Array.from({ length: 30 }, () => take(cats.B!.id)));
    expect(issued.every((r) => r.status === 201)).toBe(true);
    const [a, b, c] = await Promise.all([drain(clerk1, windowId['1']!), drain(clerk2, windowId['2']!), drain(approver1, windowId['5']!)]);
    const all = [...a, ...b, ...c];
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    const calledB = all.filter((t) => t.code.startsWith('B'));
    expect(calledB).toHaveLength(30);
    expect(new Set(calledB.map((t) => t.id))).toEqual(new Set(issued.map((r) => r.body.id)));
    expect(c.length).toBeGreaterThan(0);
  });

  it('answers one of two simultaneous presses at the same window and refuses the other with 409', async () => {
    const approver1 = await signIn(server, 'approver1');
    await take(cats.B!.id);
    await take(cats.B!.id);
    const [x, y] = await Promise.all([
      approver1.post(`/api/v1/queue/windows/${windowId['5']}/call-next`),
      approver1.post(`/api/v1/queue/windows/${windowId['5']}/call-next`),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const busy = x.status === 409 ? x : y;
    expect(busy.body.error.details.reason).toBe('window_busy');
    await drain(approver1, windowId['5']!).catch(() => {});
    const current = await approver1.get(`/api/v1/queue/windows/${windowId['5']}`);
    if (current.body.current) await approver1.post(`/api/v1/queue/tickets/${current.body.current.id}/actions`, { windowId: windowId['5'], action: 'finish' });
    await drain(approver1, windowId['5']!);
  });

  it('calls the green channel first, then arrival order', async () => {
    const clerk1 = await signIn(server, 'clerk1');
    const first = await take(cats.A!.id);
    const green = await take(cats.V!.id);
    const n1 = await clerk1.post(`/api/v1/queue/windows/${windowId['1']}/call-next`);
    expect(n1.body.ticket.code).toBe(green.body.code);
    await clerk1.post(`/api/v1/queue/tickets/${n1.body.ticket.id}/actions`, { windowId: windowId['1'], action: 'finish' });
    const n2 = await clerk1.post(`/api/v1/queue/windows/${windowId['1']}/call-next`);
    expect(n2.body.ticket.code).toBe(first.body.code);
    await clerk1.post(`/api/v1/queue/tickets/${n2.body.ticket.id}/actions`, { windowId: windowId['1'], action: 'finish' });
  });

  it('tells the window whom the ticket it called belongs to, by the ID number it was taken with (叫号到收件)', async () => {
    const clerk1 = await signIn(server, 'clerk1');
    const approver1 = await signIn(server, 'approver1');
    await drain(clerk1, windowId['1']!);
    const own = await revealedIdNumber(server, clerk1);
    const waiting = await take(cats.A!.id, { idNumber: own });
    expect(waiting.status, JSON.stringify(waiting.body)).toBe(201);
    // not called yet: at no window
    expect((await clerk1.get(`/api/v1/queue/tickets/${waiting.body.id}/applicant`)).status).toBe(404);
    const called = await clerk1.post(`/api/v1/queue/windows/${windowId['1']}/call-next`);
    expect(called.body.ticket.id).toBe(waiting.body.id);
    const seen = await clerk1.get(`/api/v1/queue/tickets/${waiting.body.id}/applicant`);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body).toMatchObject({ code: waiting.body.code, windowId: windowId['1'], hasIdNumber: true, applicant: { name: '林小雨', kind: 'person' } });
    expect(seen.body.applicant.idNumber).toContain('********');
    expect(JSON.stringify(seen.body)).not.toContain(own);
    // another window's clerk, a citizen, nobody: not theirs to ask
    expect((await approver1.get(`/api/v1/queue/tickets/${waiting.body.id}/applicant`)).status).toBe(404);
    expect((await (await signIn(server, 'citizen1')).get(`/api/v1/queue/tickets/${waiting.body.id}/applicant`)).status).toBe(403);
    expect((await publicGet(server.baseUrl, `/api/v1/queue/tickets/${waiting.body.id}/applicant`)).status).toBe(401);
    // finished, it is no longer at the window
    await clerk1.post(`/api/v1/queue/tickets/${waiting.body.id}/actions`, { windowId: windowId['1'], action: 'finish' });
    expect((await clerk1.get(`/api/v1/queue/tickets/${waiting.body.id}/applicant`)).status).toBe(409);
    // a ticket taken without an ID number, or with one nobody is registered under
    for (const extra of [{}, { idNumber: freshId() }]) {
      const t = await take(cats.A!.id, extra);
      expect((await clerk1.post(`/api/v1/queue/windows/${windowId['1']}/call-next`)).body.ticket.id).toBe(t.body.id);
      const r = await clerk1.get(`/api/v1/queue/tickets/${t.body.id}/applicant`);
      expect(r.body).toMatchObject({ hasIdNumber: 'idNumber' in extra, applicant: null });
      await clerk1.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: windowId['1'], action: 'finish' });
    }
  });

  it('checks who calls: 401 signed out, 403 without the permission, 404 at a window one does not staff', async () => {
    expect((await publicPost(server.baseUrl, `/api/v1/queue/windows/${windowId['5']}/call-next`, {})).status).toBe(401);
    const citizen = await signIn(server, 'citizen1');
    expect((await citizen.post(`/api/v1/queue/windows/${windowId['5']}/call-next`)).status).toBe(403);
    const clerk1 = await signIn(server, 'clerk1');
    expect((await clerk1.post(`/api/v1/queue/windows/${windowId['5']}/call-next`)).status).toBe(404);
    expect((await admin.post(`/api/v1/queue/windows/${windowId['5']}/call-next`)).status).toBe(403);
  });

  it('recalls, transfers to another category keeping the place, skips, records a no-show and finishes', async () => {
    const approver1 = await signIn(server, 'approver1');
    const approver2 = await signIn(server, 'approver2');
    const w5 = windowId['5']!;
    const w6 = windowId['6']!;
    const t = await take(cats.B!.id, { idNumber: freshId() });
    const called = await approver1.post(`/api/v1/queue/windows/${w5}/call-next`);
    expect(called.body.ticket.id).toBe(t.body.id);
    const recall = await approver1.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: w5, action: 'recall' });
    expect(recall.body.callCount).toBe(2);
    // someone else's ticket cannot be acted on from another window
    expect((await approver2.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: w6, action: 'finish' })).status).toBe(409);
    const laterC = await take(cats.C!.id);
    const moved = await approver1.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: w5, action: 'transfer', categoryId: cats.C!.id });
    expect(moved.body).toMatchObject({ status: 'waiting', categoryId: cats.C!.id, code: t.body.code });
    const atC = await approver2.post(`/api/v1/queue/windows/${w6}/call-next`);
    expect(atC.body.ticket.id).toBe(t.body.id); // kept its place ahead of the later C ticket
    const skipped = await approver2.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: w6, action: 'skip' });
    expect(skipped.body.status).toBe('waiting');
    const next = await approver2.post(`/api/v1/queue/windows/${w6}/call-next`);
    expect(next.body.ticket.id).toBe(laterC.body.id);
    const noShow = await approver2.post(`/api/v1/queue/tickets/${laterC.body.id}/actions`, { windowId: w6, action: 'no_show' });
    expect(noShow.body.status).toBe('no_show');
    expect((await server.sql('SELECT count(*)::int AS n FROM queue_no_show WHERE ticket_id = $1', [laterC.body.id])).rows[0].n).toBe(1);
    const again = await approver2.post(`/api/v1/queue/windows/${w6}/call-next`);
    expect(again.body.ticket.id).toBe(t.body.id);
    expect((await approver2.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: w6, action: 'finish', caseId: 987654 })).status).toBe(400);
    const done = await approver2.post(`/api/v1/queue/tickets/${t.body.id}/actions`, { windowId: w6, action: 'finish' });
    expect(done.body).toMatchObject({ status: 'done', windowNumber: '6' });
  });

  it('pauses a window: no calls until it resumes', async () => {
    const approver1 = await signIn(server, 'approver1');
    const w5 = windowId['5']!;
    expect((await approver1.post(`/api/v1/queue/windows/${w5}/state`, { action: 'pause' })).body.state).toBe('paused');
    const r = await approver1.post(`/api/v1/queue/windows/${w5}/call-next`);
    expect(r.status).toBe(409);
    expect(r.body.error.details.reason).toBe('window_paused');
    expect((await approver1.post(`/api/v1/queue/windows/${w5}/state`, { action: 'resume' })).body.state).toBe('open');
  });
});

describe('opening a window', () => {
  it('opens a closed window on the first press; of two first presses at once one calls and the other gets 409', async () => {
    const approver2 = await signIn(server, 'approver2');
    const w6 = windowId['6']!;
    const closed = await approver2.post(`/api/v1/queue/windows/${w6}/state`, { action: 'close' });
    expect(closed.body.state).toBe('closed');
    await take(cats.C!.id);
    await take(cats.C!.id);
    const [x, y] = await Promise.all([approver2.post(`/api/v1/queue/windows/${w6}/call-next`), approver2.post(`/api/v1/queue/windows/${w6}/call-next`)]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((x.status === 409 ? x : y).body.error.details.reason).toBe('window_busy');
    const panel = await approver2.get(`/api/v1/queue/windows/${w6}`);
    expect(panel.body.state).toBe('open');
    await approver2.post(`/api/v1/queue/tickets/${panel.body.current.id}/actions`, { windowId: w6, action: 'finish' });
    await drain(approver2, w6);
  });
});

describe('live updates', () => {
  it('delivers a call to a display connected to another process, and a reconnecting display catches up on missed calls', async () => {
    const approver1 = await signIn(server, 'approver1');
    const w5 = windowId['5']!;
    for (let i = 0; i < 3; i++) await take(cats.B!.id);
    const display = openStream(second.baseUrl);
    const board = await display.waitFor((e) => e.event === 'board');
    expect(board.data.categories.length).toBe(6);
    const c1 = await approver1.post(`/api/v1/queue/windows/${w5}/call-next`);
    const got = await display.waitFor((e) => e.event === 'hall' && e.data.kind === 'call' && e.data.ticketId === c1.body.ticket.id);
    expect(got.data.payload.text['zh-CN']).toBe(`请 ${c1.body.ticket.code} 号到 5 号窗口办理`);
    const lastSeen = Number(got.id);
    await display.close();
    await approver1.post(`/api/v1/queue/tickets/${c1.body.ticket.id}/actions`, { windowId: w5, action: 'finish' });
    const c2 = await approver1.post(`/api/v1/queue/windows/${w5}/call-next`);
    await approver1.post(`/api/v1/queue/tickets/${c2.body.ticket.id}/actions`, { windowId: w5, action: 'recall' });
    const back = openStream(server.baseUrl, lastSeen);
    await back.waitFor((e) => e.event === 'board');
    const missed = back.events.filter((e) => e.event === 'hall').map((e) => [e.data.kind, e.data.ticketId]);
    expect(missed).toEqual([
      ['finish', c1.body.ticket.id],
      ['call', c2.body.ticket.id],
      ['recall', c2.body.ticket.id],
    ]);
    const ids = back.events.filter((e) => e.event === 'hall').map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // still live after the catch-up
    await approver1.post(`/api/v1/queue/tickets/${c2.body.ticket.id}/actions`, { windowId: w5, action: 'finish' });
    await back.waitFor((e) => e.event === 'hall' && e.data.kind === 'finish' && e.data.ticketId === c2.body.ticket.id);
    await back.close();
    await drain(approver1, w5);
  });

  it('publishes notices to the display board', async () => {
    const r = await admin.post(`/api/v1/queue/halls/${hallId}/notices`, {
      text: '今日 16:00 起系统维护，请提前取号。',
      textEn: 'Maintenance from 16:00 today.',
    });
    expect(r.status).toBe(201);
    const board = await publicGet(server.baseUrl, `/api/v1/queue/halls/${hallId}/board`);
    expect(board.body.notices.map((n: { text: string }) => n.text)).toContain('今日 16:00 起系统维护，请提前取号。');
  });
});

async function nextOpenWorkday(categoryId: number): Promise<{ date: string; slots: any[] }> {
  const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
  for (let i = 1; i <= 7; i++) {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    const date = d.toISOString().slice(0, 10);
    const r = await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${categoryId}&date=${date}`);
    if (r.body.open && [1, 2, 3, 4, 5].includes(d.getUTCDay())) return { date, slots: r.body.slots };
  }
  throw new Error('no open weekday in the booking window');
}

describe('appointments', () => {
  it('never overbooks a slot under 16 concurrent bookings', async () => {
    const up = await admin.patch(`/api/v1/queue/categories/${cats.C!.id}`, {
      slotCapacityPerWindow: 3,
      version: (await admin.get(`/api/v1/queue/halls/${hallId}/categories?all=true`)).body.find((c: any) => c.prefix === 'C').version,
    });
    expect(up.status).toBe(200);
    const { date, slots } = await nextOpenWorkday(cats.C!.id);
    expect(slots[0]).toMatchObject({ capacity: 3, booked: 0 });
    const startMinute = slots[0].start;
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        publicPost(i % 2 ? second.baseUrl : server.baseUrl, '/api/v1/appointments', {
          hallId,
          categoryId: cats.C!.id,
          date,
          startMinute,
          name: '预约人',
          idNumber: freshId(),
          phone: `1380000${String(1000 + i)}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.details.reason === 'slot_full')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(13);
    const after = await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${cats.C!.id}&date=${date}`);
    expect(after.body.slots[0]).toMatchObject({ booked: 3, available: 0 });
    const booked = results.find((r) => r.status === 201)!.body;
    expect(booked.code).toMatch(/^[0-9A-Z]{10}$/);
    expect(booked.idNumber).toContain('********');
    expect(booked.name).toBe('预**');
    // cancelling frees the place; rescheduling moves it
    expect((await publicPost(server.baseUrl, `/api/v1/appointments/${booked.code}/cancel`, {})).body.status).toBe('cancelled');
    expect((await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${cats.C!.id}&date=${date}`)).body.slots[0].booked).toBe(2);
    const other = results.filter((r) => r.status === 201)[1]!.body;
    const moved = await publicPost(server.baseUrl, `/api/v1/appointments/${other.code}/reschedule`, { date, startMinute: slots[1].start });
    expect(moved.body).toMatchObject({ startMinute: slots[1].start, status: 'booked' });
    const final = await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${cats.C!.id}&date=${date}`);
    expect(final.body.slots.slice(0, 2).map((s: any) => s.booked)).toEqual([1, 1]);
  });

  it('closes holidays of the calendar, even where extended hours were asked for', async () => {
    const { date } = await nextOpenWorkday(cats.A!.id);
    const cal = await admin.put('/api/v1/calendar/days', { region: '990100000000', days: [{ date, kind: 'holiday', name: '云州建城纪念日' }] });
    expect(cal.status).toBe(200);
    const r = await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${cats.A!.id}&date=${date}`);
    expect(r.body).toMatchObject({ open: false, closedReason: 'holiday', closedName: '云州建城纪念日', slots: [] });
    const book = await publicPost(server.baseUrl, '/api/v1/appointments', {
      hallId,
      categoryId: cats.A!.id,
      date,
      startMinute: 540,
      name: '张三',
      idNumber: freshId(),
      phone: '13811112222',
    });
    expect(book.status).toBe(409);
    expect(book.body.error.details.reason).toBe('day_closed');
    const extend = await admin.put(`/api/v1/queue/halls/${hallId}/days/${date}`, { hours: [[540, 720]], note: '延时' });
    expect(extend.status).toBe(409);
    await admin.put('/api/v1/calendar/days', { region: '990100000000', days: [], remove: [date] });
  });

  it('opens a Saturday for extended service', async () => {
    const days = await admin.get(`/api/v1/queue/halls/${hallId}/days`);
    const saturday = days.body.find((d: any) => !d.isWorkday && d.hours.length > 0);
    expect(saturday).toBeTruthy();
    const r = await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${cats.A!.id}&date=${saturday.date}`);
    expect(r.body.open).toBe(true);
    expect(r.body.extended).toBe(true);
    expect(r.body.slots.map((s: any) => s.start)).toEqual([540, 570, 600, 630, 660, 690]);
  });

  it('checks in at the kiosk: the appointment ticket goes ahead of walk-ins within its slot', async () => {
    const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
    const open = await admin.put(`/api/v1/queue/halls/${hallId}/days/${today}`, { hours: [[0, 1440]], note: 'test' });
    if (open.status === 409) return; // today is a holiday of the calendar: nothing can be booked for today
    await settings({ slotMinutes: 60 });
    const approver1 = await signIn(server, 'approver1');
    const w5 = windowId['5']!;
    await drain(approver1, w5);
    const slots = await publicGet(server.baseUrl, `/api/v1/appointments/slots?hall=${hallId}&category=${cats.B!.id}&date=${today}`);
    const slot = slots.body.slots.find((s: any) => !s.isPast);
    const booking = await publicPost(server.baseUrl, '/api/v1/appointments', {
      hallId,
      categoryId: cats.B!.id,
      date: today,
      startMinute: slot.start,
      name: '李四',
      idNumber: freshId(),
      phone: '13822223333',
    });
    expect(booking.status).toBe(201);
    const walkIn = await take(cats.B!.id);
    const checkIn = await publicPost(server.baseUrl, `/api/v1/appointments/${booking.body.code}/check-in`, {});
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.ticket.channel).toBe('appointment');
    expect(checkIn.body.appointment.status).toBe('checked_in');
    expect((await publicPost(server.baseUrl, `/api/v1/appointments/${booking.body.code}/check-in`, {})).status).toBe(409);
    const first = await approver1.post(`/api/v1/queue/windows/${w5}/call-next`);
    expect(first.body.ticket.id).toBe(checkIn.body.ticket.id);
    await approver1.post(`/api/v1/queue/tickets/${first.body.ticket.id}/actions`, { windowId: w5, action: 'finish' });
    const second2 = await approver1.post(`/api/v1/queue/windows/${w5}/call-next`);
    expect(second2.body.ticket.id).toBe(walkIn.body.id);
    await approver1.post(`/api/v1/queue/tickets/${second2.body.ticket.id}/actions`, { windowId: w5, action: 'finish' });
    await settings({ slotMinutes: 30 });
    await admin.delete(`/api/v1/queue/halls/${hallId}/days/${today}`);
  });

  it('records appointments never checked in as no-shows, and too many no-shows stop booking', async () => {
    const { sweepAppointmentNoShows } = await import('./appointments.service.ts');
    const id = freshId();
    const { date, slots } = await nextOpenWorkday(cats.E!.id);
    const b = await publicPost(server.baseUrl, '/api/v1/appointments', {
      hallId,
      categoryId: cats.E!.id,
      date,
      startMinute: slots[2].start,
      name: '王五',
      idNumber: id,
      phone: '13833334444',
    });
    expect(b.status).toBe(201);
    // the slot passed a month ago
    await server.sql(
      'INSERT INTO queue_slot (category_id, day, start_minute, end_minute, capacity, booked) SELECT category_id, day - 30, start_minute, end_minute, 1, 1 FROM queue_appointment WHERE code = $1',
      [b.body.code],
    );
    await server.sql('UPDATE queue_appointment SET day = day - 30 WHERE code = $1', [b.body.code]);
    expect(await sweepAppointmentNoShows(server.db)).toBeGreaterThanOrEqual(1);
    expect((await publicGet(server.baseUrl, `/api/v1/appointments/${b.body.code}`)).body.status).toBe('no_show');
    await settings({ noShowLimit: 1 });
    const again = await publicPost(server.baseUrl, '/api/v1/appointments', {
      hallId,
      categoryId: cats.E!.id,
      date,
      startMinute: slots[3].start,
      name: '王五',
      idNumber: id,
      phone: '13833334444',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe('too_many_no_shows');
    await settings({ noShowLimit: 3 });
  });
});

describe('我的预约 (a signed-in applicant’s bookings)', () => {
  it('books for oneself by the account’s identity, lists what was booked by the account or under its ID number, and nobody else’s', async () => {
    const citizen1 = await signIn(server, 'citizen1');
    const citizen2 = await signIn(server, 'citizen2');
    const own = await revealedIdNumber(server, await signIn(server, 'clerk1'));
    const { date, slots } = await nextOpenWorkday(cats.A!.id);
    const count = async () => (await server.sql('SELECT count(*)::int AS n FROM queue_appointment')).rows[0].n as number;
    const at = (i: number) => ({ hallId, categoryId: cats.A!.id, date, startMinute: slots[i].start });

    // for oneself: nothing to type, the real-name identity and phone of the account; a retry books nothing more
    const key = { 'idempotency-key': 'appointment-mine-0001-retry' };
    const mine = await citizen1.post('/api/v1/appointments/mine', at(0), key);
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body).toMatchObject({ name: '林**', phone: '136****0001', status: 'booked' });
    expect(mine.body.idNumber).toBe(`${own.slice(0, 6)}********${own.slice(14)}`);
    const n = await count();
    expect((await citizen1.post('/api/v1/appointments/mine', at(0), key)).body.code).toBe(mine.body.code);
    expect(await count()).toBe(n);
    // a second one for oneself in the category that day is refused: one live booking per person, category and day
    expect((await citizen1.post('/api/v1/appointments/mine', at(1))).status).toBe(409);

    // for one's mother, named; and one made at the page without signing in, under one's own ID number, in another category
    const mother = await citizen1.post('/api/v1/appointments/mine', { ...at(1), name: '林母', idNumber: freshId(), phone: '13900001111' });
    expect(mother.status, JSON.stringify(mother.body)).toBe(201);
    const other = await nextOpenWorkday(cats.B!.id);
    const anonymous = await publicPost(server.baseUrl, '/api/v1/appointments', {
      hallId,
      categoryId: cats.B!.id,
      date: other.date,
      startMinute: other.slots[0].start,
      name: '林小雨',
      idNumber: own,
      phone: '13600000001',
    });
    expect(anonymous.status).toBe(201);
    const listed = await citizen1.get('/api/v1/appointments/mine');
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: { code: string }) => a.code).sort()).toEqual([mine.body.code, mother.body.code, anonymous.body.code].sort());
    // nobody else's
    expect((await citizen2.get('/api/v1/appointments/mine')).body.map((a: { code: string }) => a.code)).not.toContain(mine.body.code);
    const cancelled = await publicPost(server.baseUrl, `/api/v1/appointments/${mother.body.code}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    expect((await citizen1.get('/api/v1/appointments/mine')).body.find((a: { code: string }) => a.code === mother.body.code).status).toBe('cancelled');
  });

  it('refuses what is not an applicant’s own booking, a name without its ID number and a cookie write without its CSRF token', async () => {
    const { date, slots } = await nextOpenWorkday(cats.C!.id);
    const body = { hallId, categoryId: cats.C!.id, date, startMinute: slots[4].start };
    const before = (await server.sql('SELECT count(*)::int AS n FROM queue_appointment')).rows[0].n;
    const citizen2 = await signIn(server, 'citizen2');
    const refusals = [
      [await publicPost(server.baseUrl, '/api/v1/appointments/mine', body), 401],
      [await publicGet(server.baseUrl, '/api/v1/appointments/mine'), 401],
      [await (await signIn(server, 'clerk1')).post('/api/v1/appointments/mine', body), 403],
      [await (await signIn(server, 'clerk1')).get('/api/v1/appointments/mine'), 403],
      [await citizen2.post('/api/v1/appointments/mine', { ...body, name: '何母' }), 400],
      [await citizen2.post('/api/v1/appointments/mine', { ...body, idNumber: freshId() }), 400],
      [await citizen2.post('/api/v1/appointments/mine', { ...body, startMinute: 3 }), 400],
      [await citizen2.post('/api/v1/appointments/mine', body, { 'x-csrf-token': 'forged' }), 403],
      // an enterprise names the person who comes
      [await (await signIn(server, 'enterprise1')).post('/api/v1/appointments/mine', body), 400],
    ] as const;
    for (const [r, status] of refusals) expect([r.status, r.body.error?.code !== undefined]).toEqual([status, true]);
    expect((await server.sql('SELECT count(*)::int AS n FROM queue_appointment')).rows[0].n).toBe(before);
    const enterprise = await (
      await signIn(server, 'enterprise1')
    ).post('/api/v1/appointments/mine', { ...body, name: '经办人', idNumber: freshId(), phone: '13911112222' });
    expect(enterprise.status, JSON.stringify(enterprise.body)).toBe(201);
  });
});

describe('administration and statistics', () => {
  it('keeps configuration to the hall managers: 403 for a clerk, 404 outside the scope', async () => {
    const clerk1 = await signIn(server, 'clerk1');
    expect((await clerk1.get(`/api/v1/queue/halls/${hallId}/settings`)).status).toBe(403);
    const district = await signIn(server, 'districtadmin');
    expect((await district.get(`/api/v1/queue/halls/${hallId}/settings`)).status).toBe(404);
    expect((await district.post(`/api/v1/queue/halls/${hallId}/categories`, { prefix: 'Z', name: '测试', windowIds: [] })).status).toBe(404);
    const dup = await admin.post(`/api/v1/queue/halls/${hallId}/categories`, { prefix: 'A', name: '重复', windowIds: [] });
    expect(dup.status).toBe(409);
    const stale = await admin.patch(`/api/v1/queue/categories/${cats.A!.id}`, { name: '综合受理', version: 999 });
    expect(stale.status).toBe(409);
  });

  it('reports tickets per category and hour, waits, service time per window, no-shows and appointment use', async () => {
    const today = (await admin.get(`/api/v1/queue/halls/${hallId}/settings`)).body.today as string;
    const r = await admin.get(`/api/v1/queue/halls/${hallId}/statistics?from=${today}&to=${today}`);
    expect(r.status).toBe(200);
    expect(r.body.totals.tickets).toBeGreaterThan(100);
    expect(r.body.totals.noShow).toBeGreaterThanOrEqual(1);
    expect(r.body.totals.noShowRate).toBeGreaterThan(0);
    expect(r.body.totals.p90WaitMinutes).toBeGreaterThanOrEqual(r.body.totals.avgWaitMinutes * 0);
    const e = r.body.byCategoryHour.filter((x: any) => x.prefix === 'E').reduce((n: number, x: any) => n + x.tickets, 0);
    expect(e).toBeGreaterThanOrEqual(81);
    expect(r.body.serviceByWindow.find((w: any) => w.number === '5').served).toBeGreaterThan(5);
    expect(r.body.waitByCategory.find((w: any) => w.prefix === 'B').called).toBeGreaterThan(30);
    expect((await admin.get(`/api/v1/queue/halls/${hallId}/statistics?from=${today}&to=2000-01-01`)).status).toBe(400);
  });
});
