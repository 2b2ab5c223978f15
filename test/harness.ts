import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, closeApp, type App } from '../src/server/app.ts';
import { connect, type Db } from '../src/server/db/database.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { makeDeps, type Deps } from '../src/server/deps.ts';
import { drainOutbox } from '../src/server/events.ts';
import { dropReferenceCache } from '../src/server/db/reference-cache.ts';
import { testSecretHex, templateName, demoPassword } from './env.ts';

export interface TestServer {
  app: App;
  /** http://127.0.0.1:<port> — tests talk real HTTP to a listening server. */
  baseUrl: string;
  deps: Deps;
  db: Db;
  dbUrl: string;
  /** Run a SQL statement as the superuser on this file's database (to tamper, inspect, age sessions). */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<T>>;
  drainOutbox(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Drop a test database once its connections are gone. A plain DROP waits for closing backends
 * (retrying); FORCE is the last resort, because terminating a backend whose client is still closing
 * makes that client emit an error (57P01) after the test has finished.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const a = new pg.Client({ connectionString: adminUrl });
  a.on('error', () => {});
  await a.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await a.query(`DROP DATABASE IF EXISTS "${name}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  } finally {
    await a.end();
  }
}

/** A server on its own copy of the demo database. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const adminUrl = inject('adminUrl');
  const name = `ow_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const config: Config = {
    ...loadConfig({ ONEWINDOW_SECRET: testSecretHex, NODE_ENV: 'test', ONEWINDOW_WEB_DIR: '/nonexistent' }),
    databaseUrl: dbUrl,
    ...overrides,
  };
  const handle = connect(dbUrl, 10);
  const deps: Deps = makeDeps(handle.db, config);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const raw = new pg.Pool({ connectionString: dbUrl, max: 2 });
  raw.on('error', () => {});
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    db: handle.db,
    dbUrl,
    // what a test changes behind the server's back drops the server's cached reference data and sessions
    sql: async (text, values) => {
      try {
        return await raw.query(text, values as unknown[]);
      } finally {
        dropReferenceCache();
      }
    },
    drainOutbox: () => drainOutbox(handle.db),
    async close() {
      await closeApp(app);
      await raw.end();
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client with a cookie jar and the CSRF token, like a browser tab. */
export class Client {
  readonly baseUrl: string;
  cookie = '';
  csrfToken = '';
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair?.startsWith('ow_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  async login(username: string, password = demoPassword): Promise<Reply> {
    const r = await this.post('/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrfToken = r.body.csrfToken;
    return r;
  }
}

/** A signed-in client for a demo account. */
export async function signIn(server: TestServer, username: string): Promise<Client> {
  const c = new Client(server.baseUrl);
  const r = await c.login(username);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

/** A demo applicant's ID number in full, as a clerk reveals it (显示完整信息): what their forms carry (实名). */
export async function revealedIdNumber(server: TestServer, clerk: Client, name = '林小雨'): Promise<string> {
  const { rows } = await server.sql('SELECT id FROM applicant WHERE name = $1', [name]);
  const r = await clerk.post(`/api/v1/applicants/${rows[0].id}/reveal`);
  if (r.status !== 200) throw new Error(`reveal ${name} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.idNumber as string;
}
