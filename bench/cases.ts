/**
 * Case transitions through the real HTTP API (sessions, CSRF, validation, optimistic versions, case
 * events, outbox and audit in one transaction each) with concurrent clients, against pgbench's TPC-B
 * on the same PostgreSQL at the same concurrency, in the same run. The metrics feed runs alongside, and
 * what it has not counted when the clients stop is counted inside the measured time. The two take turns
 * for `--rounds` rounds, so that both see the same machine (a shared VM's speed drifts by tens of per
 * cent within minutes); each round gives a ratio, and the median of the rounds is the result. The load
 * generator runs on a thread of its own (./case-load.ts), as pgbench's clients run in a process of their
 * own, and each client sends its requests over a kept-alive connection of its own with a lean HTTP client
 * (./http-client.ts), so that it takes little of the cores the server and PostgreSQL share, as pgbench does.
 *
 *   npm run bench:cases [-- --clients 8 --seconds 15 --rounds 5 --port 54420]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { drainMetrics, startMetricsFeed } from '../src/modules/metrics/feed.ts';
import { Client } from '../test/harness.ts';
import { startLoad } from './case-load.ts';
import { arg, createDatabase, scratchCluster, serve, signedIn } from './scratch.ts';
import { sampleForm, sampleMaterials } from '../test/factories.ts';

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

/**
 * The server's event loop (this process's main thread) from /proc, in ns: how long it ran, and how long
 * it was ready to run but waited for a core (Linux's schedstat; undefined elsewhere).
 */
function serverThread(): { run: number; wait: number } | undefined {
  const file = `/proc/self/task/${process.pid}/schedstat`;
  if (!existsSync(file)) return undefined;
  const [run, wait] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
  return { run: run!, wait: wait! };
}

const cluster = await scratchCluster('cases', port);
try {
  await createDatabase(cluster.url, 'pgbench');
  process.stdout.write('preparing: migrate and demo data … ');
  const { handle, deps } = await cluster.center('onewindow', clients + 4);
  const { app, base } = await serve(deps);
  console.log('done');

  const signIn = (name: string) => signedIn(base, name);
  const [citizen, clerk, approver, head] = [await signIn('citizen1'), await signIn('clerk1'), await signIn('approver1'), await signIn('head1')];
  const found = await citizen.get(`/api/v1/catalog/items?q=${encodeURIComponent('企业设立登记')}`);
  const code = found.body.items[0].code as string;
  const item = (await citizen.get(`/api/v1/catalog/items/${code}`)).body;
  const applicantId = (await clerk.get(`/api/v1/applicants?q=${encodeURIComponent('林小雨')}`)).body[0].id;
  const idNumber = (await clerk.post(`/api/v1/applicants/${applicantId}/reveal`)).body.idNumber;
  // a valid application for this item: its required form fields and materials
  const formData = sampleForm(item.content.form.schema, idNumber);
  const materials = sampleMaterials(item.content.materials);

  // the load generator runs on a thread of its own, each client with a kept-alive connection of its own (bench/case-load.ts)
  const as = (c: Client) => `cookie: ${c.cookie}\r\nx-csrf-token: ${c.csrfToken}\r\n`;
  const load = startLoad({
    port: Number(new URL(base).port),
    clients,
    itemCode: code,
    formData,
    materials,
    as: { citizen: as(citizen), clerk: as(clerk), approver: as(approver), head: as(head) },
  });

  const env = { ...process.env, PGPASSWORD: 'postgres' };
  const conn = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'];
  execFileSync(pgbench, [...conn, '-i', '-s', '10', '-q', 'pgbench'], { env, stdio: 'ignore' });

  // warm up, then take turns: the case transitions for `seconds`, pgbench for `seconds`
  const warm = await load.warm();
  if (warm.errors > 0) throw new Error(`warming up: ${warm.firstError}`);
  await drainMetrics(handle.db);
  const results: { rate: number; tps: number; p50: number; p99: number; transitions: number; elapsed: number; backlog: number; errors: number }[] = [];
  const pct = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  console.log(`clients ${clients}, ${rounds} rounds of ${seconds} s each`);
  for (let round = 1; round <= rounds; round++) {
    const cpu0 = cpuTimes();
    const thread0 = serverThread();
    const feed = startMetricsFeed(handle.db, console);
    const t0 = performance.now();
    const { transitions, errors, latencies, firstError, cpu: loadCpu } = await load.round(seconds);
    const thread1 = serverThread();
    if (firstError) console.error('first error:', firstError);
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
        `  CPU per case transition: the server ${per(cpu1.self - cpu0.self - loadCpu, r.transitions)} ms, PostgreSQL ${per(cpu1.postgres - cpu0.postgres, r.transitions)} ms, ` +
          `the load generator ${per(loadCpu, r.transitions)} ms; per pgbench transaction: ` +
          `PostgreSQL ${per(cpu2.postgres - cpu1.postgres, processed)} ms, pgbench ${per(cpu2.children - cpu1.children, processed)} ms`,
      );
    }
    if (thread0 && thread1) {
      const per = (ns: number) => (ns / 1e6 / r.transitions).toFixed(2);
      console.log(
        `  the server's event loop per case transition: running ${per(thread1.run - thread0.run)} ms, ready but waiting for a core ${per(thread1.wait - thread0.wait)} ms`,
      );
    }
  }
  await load.close();
  await app.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`case transitions: median ${median(results.map((r) => r.rate)).toFixed(1)}/s (errors ${results.reduce((n, r) => n + r.errors, 0)})`);
  console.log(`pgbench TPC-B (scale 10): median ${median(results.map((r) => r.tps)).toFixed(1)} tps`);
  console.log(`cases/pgbench ratio: ${median(results.map((r) => r.rate / r.tps)).toFixed(2)}`);
} finally {
  await cluster.stop();
}
