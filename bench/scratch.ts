/**
 * What every benchmark starts from: a center of its own on a scratch embedded PostgreSQL, so that a benchmark
 * measures the code and never a developer's database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/server/db/embedded.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { connect, type DbHandle } from '../src/server/db/database.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { makeDeps, type Deps } from '../src/server/deps.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { buildApp } from '../src/server/app.ts';
import { Client } from '../test/harness.ts';

/** `--name value` from the command line, or `fallback`. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export interface ScratchCluster {
  /** the temporary directory: the cluster's data and the center's files */
  dir: string;
  /** the cluster's superuser URL (its `postgres` database) */
  url: string;
  /** a new database on the cluster, migrated and seeded with the demo data, with a pool of `pool` connections */
  center(name: string, pool: number): Promise<ScratchCenter>;
  /** stop the cluster and remove its directory (the centers' pools are closed first) */
  stop(): Promise<void>;
}

export interface ScratchCenter {
  url: string;
  handle: DbHandle;
  config: Config;
  deps: Deps;
}

/** An embedded PostgreSQL on `port` in a temporary directory named after the benchmark (`label`). */
export async function scratchCluster(label: string, port: number): Promise<ScratchCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), `onewindow-bench-${label}-`));
  const cluster = await startEmbeddedPostgres(dir, port);
  const handles: DbHandle[] = [];
  return {
    dir,
    url: cluster.url,
    async center(name, pool) {
      await createDatabase(cluster.url, name);
      const u = new URL(cluster.url);
      u.pathname = `/${name}`;
      const url = u.toString();
      await migrate(url);
      const handle = connect(url, pool);
      handles.push(handle);
      const config = {
        ...loadConfig({ ONEWINDOW_SECRET: 'ab'.repeat(32), NODE_ENV: 'test', ONEWINDOW_DATA_DIR: dir, ONEWINDOW_WEB_DIR: '/nonexistent' }),
        databaseUrl: url,
      };
      const deps = makeDeps(handle.db, config);
      await seedDemo(deps);
      return { url, handle, config, deps };
    },
    async stop() {
      for (const handle of handles) await handle.close().catch(() => {});
      await cluster.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty database beside the centers' (pgbench's, say). */
export async function createDatabase(clusterUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** The app of `deps` listening on a free port of the loopback, and its base URL. */
export async function serve(deps: Deps): Promise<{ app: Awaited<ReturnType<typeof buildApp>>; base: string; port: number }> {
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, base: `http://127.0.0.1:${port}`, port };
}

/** A demo account signed in to the center at `base`, as a browser tab would be (cookie and CSRF token). */
export async function signedIn(base: string, username: string): Promise<Client> {
  const c = new Client(base);
  const r = await c.login(username);
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return c;
}
