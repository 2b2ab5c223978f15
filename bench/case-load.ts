/**
 * The case benchmark's load generator: `clients` simulated people, each moving cases through their
 * workflow (apply, accept, the approvals, deliver) over a kept-alive connection of its own, one request at
 * a time. It runs on a worker thread of its own (`startLoad`), so that the server's event loop serves
 * requests and does not also make them — as pgbench's clients run in a process of their own (`-j 2`
 * threads), not in PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Connection } from './http-client.ts';

export interface LoadSpec {
  port: number;
  clients: number;
  itemCode: string;
  formData: unknown;
  materials: unknown;
  /** Request headers (`name: value\r\n` lines) of each person: session cookie and CSRF token. */
  as: { citizen: string; clerk: string; approver: string; head: string };
}

export interface RoundResult {
  transitions: number;
  errors: number;
  /** Each request's latency in ms. */
  latencies: Float64Array;
  firstError?: string;
  /** CPU time of the load generator's thread during the round, ms */
  cpu: number;
}

type Command = { run: 'warm' } | { run: 'round'; seconds: number } | { run: 'close' };

/** The load in a worker thread: `warm()` moves one case per client through, `round(s)` keeps them busy for s seconds. */
export function startLoad(spec: LoadSpec) {
  const worker = new Worker(new URL(import.meta.url), { workerData: spec });
  const ask = (command: Command) =>
    new Promise<RoundResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(command);
    });
  return {
    warm: () => ask({ run: 'warm' }),
    round: (seconds: number) => ask({ run: 'round', seconds }),
    close: async () => {
      await ask({ run: 'close' });
      await worker.terminate();
    },
  };
}

function load(spec: LoadSpec) {
  const links = Array.from({ length: spec.clients }, () => new Connection(spec.port));
  const latencies: number[] = [];
  let transitions = 0;
  let errors = 0;
  let firstError: string | undefined;
  const timed = async (fn: () => Promise<{ status: number; body: any }>) => {
    const t0 = performance.now();
    const r = await fn();
    latencies.push(performance.now() - t0);
    if (r.status >= 400) {
      firstError ??= `${r.status} ${JSON.stringify(r.body).slice(0, 500)}`;
      errors += 1;
    } else transitions += 1;
    return r;
  };
  // the clients only move cases along: each action answers with the case's state and open tasks (RFC 7240 Prefer: return=minimal)
  const minimal = 'prefer: return=minimal\r\n';
  const as = { citizen: spec.as.citizen, clerk: spec.as.clerk + minimal, approver: spec.as.approver + minimal, head: spec.as.head + minimal };
  const openTask = (kase: { tasks: { id: number; state: string; role: string }[] }) => kase.tasks.find((t) => t.state === 'open' || t.state === 'claimed');
  // 企业设立登记 registers the company it names, and a name is registered once: each application names another
  const run = randomUUID().slice(0, 8);
  let named = 0;
  const formData = () =>
    spec.formData && typeof spec.formData === 'object' && 'companyName' in spec.formData
      ? { ...spec.formData, companyName: `云州压测${run}${(named += 1)}科技有限公司` }
      : spec.formData;
  const lifecycle = async (http: Connection) => {
    const applied = await timed(() => http.post('/api/v1/cases', { itemCode: spec.itemCode, formData: formData(), materials: spec.materials }, as.citizen));
    if (applied.status !== 201) return;
    const id = applied.body.id as number;
    let kase = await timed(() => http.post(`/api/v1/cases/${id}/actions`, { action: 'accept' }, as.clerk));
    for (let guard = 0; guard < 10 && kase.status === 200; guard++) {
      const task = openTask(kase.body);
      if (!task) break;
      const who = task.role === 'head' ? as.head : as.approver;
      kase = await timed(() => http.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: task.id, opinion: '同意' }, who));
    }
    if (kase.status === 200 && kase.body.status === 'concluded')
      await timed(() => http.post(`/api/v1/cases/${id}/actions`, { action: 'deliver', method: 'electronic' }, as.clerk));
  };
  let cpu0 = process.threadCpuUsage();
  const result = (): RoundResult => {
    const used = process.threadCpuUsage(cpu0);
    cpu0 = process.threadCpuUsage();
    const r = { transitions, errors, latencies: Float64Array.from(latencies), firstError, cpu: (used.user + used.system) / 1000 };
    latencies.length = 0;
    transitions = 0;
    errors = 0;
    firstError = undefined;
    return r;
  };
  return {
    warm: async () => {
      await Promise.all(links.map((link) => lifecycle(link)));
      return result();
    },
    round: async (seconds: number) => {
      result();
      const until = Date.now() + seconds * 1000;
      await Promise.all(
        links.map(async (link) => {
          while (Date.now() < until) await lifecycle(link);
        }),
      );
      return result();
    },
    close: () => {
      for (const link of links) link.close();
      return result();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const run = load(workerData as LoadSpec);
  port.on('message', async (command: Command) => {
    const r = command.run === 'round' ? await run.round(command.seconds) : command.run === 'warm' ? await run.warm() : run.close();
    port.postMessage(r, [r.latencies.buffer as ArrayBuffer]);
  });
}
