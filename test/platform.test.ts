import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { signIn, startTestServer, type TestServer } from './harness.ts';
import { closeApp } from '../src/server/app.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('operations endpoints', () => {
  it('answers /healthz and /readyz (which checks the database)', async () => {
    expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await fetch(`${server.baseUrl}/api/v1/org/regions`);
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(text).toContain('onewindow_http_request_duration_seconds_bucket');
    expect(text).toMatch(/route="\/api\/v1\/org\/regions"/);
    expect(text).toContain('onewindow_outbox_pending');
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/docs/json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/org/organizations', '/api/v1/org/windows/{id}/staff', '/api/v1/audit/verify', '/api/v1/messages']),
    );
    expect((await fetch(`${server.baseUrl}/docs`)).status).toBeLessThan(400);
  });

  it('echoes a request id and answers unknown API routes with the error shape', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/nothing-here`, { headers: { 'x-request-id': 'trace-123' } });
    expect(r.status).toBe(404);
    expect(r.headers.get('x-request-id')).toBe('trace-123');
    expect(await r.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
  });

  it('answers malformed JSON with a 400 in the error shape, never a 500', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('answers an address whose id or code is malformed with a 4xx in the error shape on every route, never a 500', { timeout: 120_000 }, async () => {
    const doc = (await (await fetch(`${server.baseUrl}/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const withParams = Object.entries(doc.paths).filter(([path]) => path.includes('{'));
    expect(withParams.length).toBeGreaterThan(50);
    // signed in with every permission, so that what answers is the address's check, not the permission's
    const admin = await signIn(server, 'sysadmin');
    const malformed = ['abc', '0', '-1', '1.5', '99999999999999999999', '%E4%B8%AD', '%E4%B8', '%zz', '%00', 'a'.repeat(300)];
    const wrong: string[] = [];
    for (const [path, methods] of withParams) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        for (const value of malformed) {
          const url = path.replace(/\{[^}]+\}/g, value);
          const r = await admin.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
          const shaped = typeof r.body === 'object' && r.body !== null && typeof r.body.error?.code === 'string';
          if (r.status >= 500 || (r.status >= 400 && !shaped)) wrong.push(`${method} ${url.slice(0, 80)} → ${r.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }),
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('closing', () => {
  it('closes with a request left unfinished: the connection is cut after the grace', async () => {
    const other = await startTestServer();
    // a login whose body never arrives in full keeps its request in flight
    const { port } = new URL(other.baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user');
    await new Promise((r) => setTimeout(r, 200));
    const closedBy = new Promise<string>((resolve) => socket.once('close', () => resolve('cut')));
    const started = Date.now();
    await closeApp(other.app, 300);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await closedBy).toBe('cut');
    await other.close();
  });
});
