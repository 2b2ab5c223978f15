/**
 * Case transitions through the real HTTP API (sessions, CSRF, validation, optimistic versions, case
 * events, outbox and audit in one transaction each) with concurrent clients, against pgbench's TPC-B
 * on the same PostgreSQL at the same concurrency, in the same run. The metrics feed runs alongside, and
 * what it has not counted when the clients stop is counted inside the measured time. The two take turns
 * for `--rounds` rounds, so that both see the same machine (a shared VM's speed drifts by tens of per
 * cent within minutes); each round gives a ratio, and the median of the rounds is the result. Each client
 * sends its requests over a kept-alive connection of its own with a lean HTTP client (./http-client.ts), so
 * that the load generator takes little of the cores the server and PostgreSQL share, as pgbench's does.
 *
 *   npm run bench:cases [-- --clients 8 --seconds 15 --rounds 5 --port 54420]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/server/db/embedded.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { connect } from '../src/server/db/database.ts';
import { loadConfig } from '../src/server/config.ts';
import { makeDeps } from '../src/server/deps.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { buildApp } from '../src/server/app.ts';
import { drainMetrics, startMetricsFeed } from '../src/modules/metrics/feed.ts';
import { Client } from '../test/harness.ts';
import { Connection } from './http-client.ts';
import { sampleForm, sampleMaterials } from '../test/factories.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const clients = arg('clients', 8);
const seconds = arg('seconds', 15);
const rounds = arg('rounds', 5);
const port = arg('port', 54420);
const pgbench = ['/usr/lib/postgresql/15/bin/pgbench', '/usr/lib/postgresql/16/bin/pgbench', '/usr/bin/pgbench'].find((p) => existsSync(p));
if (!pgbench) {
  console.error('pgbench not found: apt-get install postgresql (it ships /usr/lib/postgresql/15/bin/pgbench)');
  process.exit(2);
}

/**
 * CPU time in ms from /proc (Linux; undefined elsewhere): this process (the server and its clients); the
 * PostgreSQL processes, with the backends that have exited (counted in their postmaster's children's time);
 * and this process's children that have exited (pgbench, waited for).
 */
function cpuTimes(): { self: number; postgres: number; children: number } | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const ticks = 100; // USER_HZ
  const fields = (stat: string) =>
    stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  const own = fields(readFileSync('/proc/self/stat', 'utf8'));
  let postgres = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const f = fields(stat);
      postgres += f[11]! + f[12]! + f[13]! + f[14]!;
    } catch {
      // the process ended meanwhile
    }
  }
  return { self: ((own[11]! + own[12]!) * 1000) / ticks, postgres: (postgres * 1000) / ticks, children: ((own[13]! + own[14]!) * 1000) / ticks };
}

const dir = mkdtempSync(path.join(tmpdir(), 'onewindow-bench-'));
const cluster = await startEmbeddedPostgres(dir, port);
try {
  const u = new URL(cluster.url);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE onewindow');
  await admin.query('CREATE DATABASE pgbench');
  await admin.end();
  u.pathname = '/onewindow';
  const url = u.toString();
  process.stdout.write('preparing: migrate and demo data … ');
  await migrate(url);
  const handle = connect(url, clients + 4);
  const config = {
    ...loadConfig({ ONEWINDOW_SECRET: 'ab'.repeat(32), NODE_ENV: 'test', ONEWINDOW_DATA_DIR: dir, ONEWINDOW_WEB_DIR: '/nonexistent' }),
    databaseUrl: url,
  };
  const deps = makeDeps(handle.db, config);
  await seedDemo(deps);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  console.log('done');

  const signIn = async (name: string) => {
    const c = new Client(base);
    const r = await c.login(name);
    if (r.status !== 200) throw new Error(`login ${name}: ${r.status}`);
    return c;
  };
  const [citizen, clerk, approver, head] = [await signIn('citizen1'), await signIn('clerk1'), await signIn('approver1'), await signIn('head1')];
  const found = await citizen.get(`/api/v1/catalog/items?q=${encodeURIComponent('企业设立登记')}`);
  const code = found.body.items[0].code as string;
  const item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
  const applicantId = (await clerk.get(`/api/v1/applicants?q=${encodeURIComponent('林小雨')}`)).body[0].id;
  const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber;
  // a valid application for this item: its required form fields and materials
  const formData = sampleForm(item.content.form.schema, idNumber);
  const materials = sampleMaterials(item.content.materials);

  // each client moves its cases over a kept-alive connection of its own, with a lean HTTP client (bench/http-client.ts)
  const serverPort = new URL(base).port;
  const connections: Connection[] = [];
  const connection = () => {
    const c = new Connection(Number(serverPort));
    connections.push(c);
    return c;
  };
  const as = (c: Client, extra = '') => `cookie: ${c.cookie}\r\nx-csrf-token: ${c.csrfToken}\r\n${extra}`;
  // the clients only move cases along: each action answers with the case's state and open tasks (RFC 7240 Prefer: return=minimal)
  const minimal = 'prefer: return=minimal\r\n';
  const [asCitizen, asClerk, asApprover, asHead] = [as(citizen), as(clerk, minimal), as(approver, minimal), as(head, minimal)];

  const latencies: number[] = [];
  let transitions = 0;
  let errors = 0;
  const timed = async <R extends { status: number; body: any }>(fn: () => Promise<R>) => {
    const t0 = performance.now();
    const r = await fn();
    latencies.push(performance.now() - t0);
    if (r.status >= 400) {
      if (errors === 0) console.error('first error:', r.status, JSON.stringify(r.body).slice(0, 500));
      errors += 1;
    } else transitions += 1;
    return r;
  };
  const openTask = (kase: { tasks: { id: number; state: string }[] }) => kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed');
  const lifecycle = async (http: Connection) => {
    const applied = await timed(() => http.post('/api/v1/cases', { itemCode: code, formData, materials }, asCitizen));
    if (applied.status !== 201) return;
    const id = applied.body.id as number;
    let kase = await timed(() => http.post(`/api/v1/cases/${id}/actions`, { action: 'accept' }, asClerk));
    for (let guard = 0; guard < 10 && kase.status === 200; guard++) {
      const task = openTask(kase.body);
      if (!task) break;
      const who = kase.body.tasks.find((t: { id: number }) => t.id === task.id).role === 'head' ? asHead : asApprover;
      kase = await timed(() => http.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' }, who));
    }
    if (kase.status === 200 && kase.body.status === 'concluded')
      await timed(() => http.post(`/api/v1/cases/${id}/actions`, { action: 'deliver', method: 'electronic' }, asClerk));
  };

  const env = { ...process.env, PGPASSWORD: 'postgres' };
  const conn = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'];
  execFileSync(pgbench, [...conn, '-i', '-s', '10', '-q', 'pgbench'], { env, stdio: 'ignore' });

  // warm up, then take turns: the case transitions for `seconds`, pgbench for `seconds`
  const links = Array.from({ length: clients }, connection);
  await Promise.all(links.map((link) => lifecycle(link)));
  await drainMetrics(handle.db);
  const results: { rate: number; tps: number; p50: number; p99: number; transitions: number; elapsed: number; backlog: number; errors: number }[] = [];
  const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  console.log(`clients ${clients}, ${rounds} rounds of ${seconds} s each`);
  for (let round = 1; round <= rounds; round++) {
    latencies.length = 0;
    transitions = 0;
    errors = 0;
    const cpu0 = cpuTimes();
    const feed = startMetricsFeed(handle.db, console);
    const until = Date.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      links.map(async (link) => {
        while (Date.now() < until) await lifecycle(link);
      }),
    );
    await feed.stop();
    const backlog = await drainMetrics(handle.db);
    const elapsed = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const cpu1 = cpuTimes();
    const out = execFileSync(pgbench, [...conn, '-c', String(clients), '-j', '2', '-T', String(seconds), 'pgbench'], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN');
    const cpu2 = cpuTimes();
    const processed = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? 'NaN');
    const r = { rate: transitions / elapsed, tps, p50: pct(latencies, 50), p99: pct(latencies, 99), transitions, elapsed, backlog, errors };
    results.push(r);
    console.log(
      `round ${round}: case transitions ${r.transitions} in ${r.elapsed.toFixed(1)} s = ${r.rate.toFixed(1)}/s (errors ${r.errors}; ` +
        `latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; metrics feed: ${r.backlog} events left at the end, counted within the time); ` +
        `pgbench TPC-B (scale 10) ${r.tps.toFixed(1)} tps; ratio ${(r.rate / r.tps).toFixed(2)}`,
    );
    if (cpu0 && cpu1 && cpu2) {
      const per = (ms: number, n: number) => (ms / n).toFixed(2);
      console.log(
        `  CPU per case transition: this process (server and clients) ${per(cpu1.self - cpu0.self, r.transitions)} ms, ` +
          `PostgreSQL ${per(cpu1.postgres - cpu0.postgres, r.transitions)} ms; per pgbench transaction: ` +
          `PostgreSQL ${per(cpu2.postgres - cpu1.postgres, processed)} ms, pgbench ${per(cpu2.children - cpu1.children, processed)} ms`,
      );
    }
  }
  for (const c of connections) c.close();
  await app.close();
  await handle.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`case transitions: median ${median(results.map((r) => r.rate)).toFixed(1)}/s (errors ${results.reduce((n, r) => n + r.errors, 0)})`);
  console.log(`pgbench TPC-B (scale 10): median ${median(results.map((r) => r.tps)).toFixed(1)} tps`);
  console.log(`cases/pgbench ratio: ${median(results.map((r) => r.rate / r.tps)).toFixed(2)}`);
} finally {
  await cluster.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
