import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../src/server/db/embedded.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { connect } from '../src/server/db/database.ts';
import { makeDeps } from '../src/server/deps.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { testSecretHex, templateName } from './env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * One PostgreSQL per test run: embedded (in a temporary directory) unless DATABASE_URL points at a
 * server. A template database is migrated and loaded with the demo data once; every test file then
 * gets its own copy (CREATE DATABASE … TEMPLATE, ≈ 70 ms).
 */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(tmpdir(), 'onewindow-test-'));
    cluster = await startEmbeddedPostgres(dir, Number(process.env.TEST_PG_PORT ?? 54330));
    adminUrl = cluster.url;
  }
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    admin.on('error', () => {});
    await admin.connect();
    const stale = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ow_test_%' OR datname = $1", [templateName]);
    for (const { datname } of stale.rows) {
      await admin.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`).catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${templateName}"`);
    const templateUrl = withDatabase(adminUrl, templateName);
    await migrate(templateUrl);
    const handle = connect(templateUrl, 2);
    const config = { ...loadConfig({ ONEWINDOW_SECRET: testSecretHex, NODE_ENV: 'test' }), databaseUrl: templateUrl };
    await seedDemo(makeDeps(handle.db, config));
    await handle.close();
    await admin.query(`ALTER DATABASE "${templateName}" IS_TEMPLATE true`);
    await admin.end();
  } catch (error) {
    console.error('test database setup failed:', error);
    await cluster?.stop().catch(() => {});
    throw error;
  }
  project.provide('adminUrl', adminUrl);
  return async () => {
    if (cluster) {
      await cluster.stop().catch(() => {});
      if (dir) rmSync(dir, { recursive: true, force: true });
    } else {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const dbs = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ow_test_%' OR datname = $1", [templateName]);
      for (const { datname } of dbs.rows) {
        await admin.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`).catch(() => {});
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
      }
      await admin.end();
    }
  };
}
