/**
 * The queue through the real HTTP API: concurrent ticket issuing (public endpoint, rate-limit and
 * counter rows included), then concurrent call-next + finish at ten staffed windows, while displays
 * connected to a second server process (LISTEN/NOTIFY fan-out) receive every call over SSE.
 *
 *   npm run bench:queue [-- --clients 16 --seconds 10 --displays 20]
 *
 * Prints tickets/s and calls/s with p50/p99 latency, the call → SSE arrival time p50/p99, and checks
 * that no number repeated or went missing and no ticket was called twice.
 */
import pg from 'pg';
import { connect } from '../src/server/db/database.ts';
import { makeDeps } from '../src/server/deps.ts';
import { arg, scratchCluster, serve, signedIn } from './scratch.ts';

const clients = arg('clients', 16);
const seconds = arg('seconds', 10);
const displays = arg('displays', 20);

const pct = (values: number[], p: number) => {
  if (!values.length) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!.toFixed(1);
};

const cluster = await scratchCluster('queue', 54612);
try {
  process.stdout.write('preparing: migrate and demo data … ');
  // two server processes' worth of state: each app has its own pool and its own LISTEN connection
  const { url, config, deps: depsA } = await cluster.center('onewindow', clients + 4);
  const handleB = connect(url, 6);
  const { app: appA, base } = await serve(depsA);
  const { app: appB, base: baseB } = await serve(makeDeps(handleB.db, config));

  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const hallId = Number((await sql.query("SELECT id FROM hall WHERE name = '云州市政务服务中心'")).rows[0].id);
  const signIn = (name: string) => signedIn(base, name);
  const centeradmin = await signIn('centeradmin');
  const s = await centeradmin.get(`/api/v1/queue/halls/${hallId}/settings`);
  // a load test from one address: lift the per-address limits and issue outside opening hours
  await centeradmin.put(`/api/v1/queue/halls/${hallId}/settings`, {
    enforceHours: false,
    ipTicketsPerHour: 1_000_000,
    phoneTicketsPerDay: 1_000_000,
    version: s.body.version,
  });
  // staff ten windows: the demo's four plus six chief representatives, and give windows 9 and 10 categories
  const staffing: [string, string][] = [
    ['1', 'clerk1'],
    ['2', 'clerk2'],
    ['5', 'approver1'],
    ['6', 'approver2'],
    ['3', 'hrss1'],
    ['7', 'head2'],
    ['8', 'land1'],
    ['9', 'housing1'],
    ['10', 'civil1'],
    ['4', 'medical1'],
  ];
  for (const [number, username] of staffing)
    await sql.query(
      `INSERT INTO window_staff (window_id, account_id, post)
       SELECT w.id, a.id, 'A' FROM service_window w, account a WHERE w.hall_id = $1 AND w.number = $2 AND a.username = $3
       ON CONFLICT (window_id, post) DO UPDATE SET account_id = excluded.account_id`,
      [hallId, number, username],
    );
  await sql.query(
    `INSERT INTO queue_category_window (category_id, window_id)
     SELECT c.id, w.id FROM queue_category c JOIN service_window w ON w.hall_id = c.hall_id
     WHERE c.hall_id = $1 AND ((w.number = '9' AND c.prefix IN ('A', 'C')) OR (w.number = '10' AND c.prefix IN ('B', 'D')) OR (w.number = '4' AND c.prefix IN ('E', 'V')))
     ON CONFLICT DO NOTHING`,
    [hallId],
  );
  const categories = (await centeradmin.get(`/api/v1/queue/halls/${hallId}/categories`)).body as { id: number; prefix: string }[];
  const windows = new Map(
    (await sql.query('SELECT number, id FROM service_window WHERE hall_id = $1', [hallId])).rows.map((r) => [r.number as string, Number(r.id)]),
  );
  const callers = await Promise.all(staffing.map(async ([number, username]) => ({ windowId: windows.get(number)!, client: await signIn(username) })));
  console.log('done');

  // ---- 1. ticket issuing ----
  const issueLatency: number[] = [];
  let issued = 0;
  let issueErrors = 0;
  let k = 0;
  const untilIssue = Date.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < untilIssue) {
        const category = categories[k++ % categories.length]!;
        const started = performance.now();
        const r = await fetch(`${base}/api/v1/queue/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ hallId, categoryId: category.id, channel: 'kiosk' }),
        });
        await r.arrayBuffer();
        issueLatency.push(performance.now() - started);
        if (r.status === 201) issued++;
        else issueErrors++;
      }
    }),
  );
  const issueSeconds = (performance.now() - t0) / 1000;
  const check = (
    await sql.query(`SELECT issued_category_id, count(*)::int AS n, count(DISTINCT number)::int AS d, max(number)::int AS mx FROM queue_ticket GROUP BY 1`)
  ).rows as { n: number; d: number; mx: number }[];
  const numbersOk = check.every((r) => r.n === r.d && r.mx === r.n);

  // ---- 2. call-next with displays on the second process ----
  const sent = new Map<number, { pressed: number; answered: number }>();
  const arrival: number[] = [];
  const arrivalAfterCommit: number[] = [];
  let delivered = 0;
  const controllers: AbortController[] = [];
  const ready: Promise<void>[] = [];
  for (let d = 0; d < displays; d++) {
    const controller = new AbortController();
    controllers.push(controller);
    const primary = d === 0;
    ready.push(
      new Promise<void>((resolve) => {
        void (async () => {
          const res = await fetch(`${baseB}/api/v1/queue/halls/${hallId}/events`, { signal: controller.signal });
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
              if (block.includes('event: board')) resolve();
              if (!block.includes('event: hall')) continue;
              const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { kind: string; ticketId: number };
              if (data.kind !== 'call') continue;
              delivered++;
              if (!primary) continue;
              const at = performance.now();
              const mark = sent.get(data.ticketId);
              if (mark) {
                arrival.push(at - mark.pressed);
                if (mark.answered) arrivalAfterCommit.push(at - mark.answered);
              } else sent.set(data.ticketId, { pressed: -1, answered: at });
            }
          }
        })().catch(() => resolve());
      }),
    );
  }
  await Promise.all(ready);
  const callLatency: number[] = [];
  let calls = 0;
  let callErrors = 0;
  const untilCall = Date.now() + seconds * 1000;
  const t1 = performance.now();
  await Promise.all(
    callers.map(async ({ windowId, client }) => {
      while (Date.now() < untilCall) {
        const pressed = performance.now();
        const r = await client.post(`/api/v1/queue/windows/${windowId}/call-next`);
        const answered = performance.now();
        callLatency.push(answered - pressed);
        if (r.status !== 200) {
          callErrors++;
          continue;
        }
        if (!r.body.ticket) break;
        calls++;
        const id = r.body.ticket.id as number;
        const early = sent.get(id);
        if (early && early.pressed === -1) {
          // the display saw it before the HTTP answer arrived
          arrival.push(early.answered - pressed);
          arrivalAfterCommit.push(0);
        } else sent.set(id, { pressed, answered });
        const f = await client.post(`/api/v1/queue/tickets/${id}/actions`, { windowId, action: 'finish' });
        if (f.status !== 200) callErrors++;
      }
    }),
  );
  const callSeconds = (performance.now() - t1) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const twice = (
    await sql.query(`SELECT count(*)::int AS n FROM (SELECT ticket_id FROM queue_event WHERE kind = 'call' GROUP BY ticket_id HAVING count(*) > 1) x`)
  ).rows[0].n;
  for (const c of controllers) c.abort();
  await sql.end();
  await appA.close();
  await appB.close();
  await handleB.close();

  console.log(`clients ${clients} issuing, ${callers.length} windows calling, ${displays} displays on a second process, ${seconds} s per phase`);
  console.log(
    `tickets: ${issued} in ${issueSeconds.toFixed(1)} s = ${(issued / issueSeconds).toFixed(1)}/s (errors ${issueErrors}); latency p50 ${pct(issueLatency, 50)} ms, p99 ${pct(issueLatency, 99)} ms; numbers unique and gapless: ${numbersOk ? 'yes' : 'NO'}`,
  );
  console.log(
    `calls: ${calls} in ${callSeconds.toFixed(1)} s = ${(calls / callSeconds).toFixed(1)}/s (each followed by a finish; errors ${callErrors}); call-next latency p50 ${pct(callLatency, 50)} ms, p99 ${pct(callLatency, 99)} ms; tickets called twice: ${twice}`,
  );
  console.log(
    `call → SSE display: p50 ${pct(arrival, 50)} ms, p99 ${pct(arrival, 99)} ms from the press; p50 ${pct(arrivalAfterCommit, 50)} ms, p99 ${pct(arrivalAfterCommit, 99)} ms after the HTTP answer; ${delivered} deliveries to ${displays} displays (${(delivered / Math.max(1, calls)).toFixed(1)} per call)`,
  );
  if (!numbersOk || twice > 0) process.exitCode = 1;
} finally {
  await cluster.stop();
}
