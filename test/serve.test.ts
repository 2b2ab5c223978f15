import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { Client, dropDatabase } from './harness.ts';
import { testSecretHex } from './env.ts';

const adminUrl = inject('adminUrl');
const name = `ow_test_serve_${randomBytes(4).toString('hex')}`;
const port = 3400 + Math.floor(Math.random() * 500);
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();

function serve(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [path.resolve('src/server/main.ts'), 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ONEWINDOW_SECRET: testSecretHex,
      LOG_LEVEL: 'warn',
      ONEWINDOW_WEB_DIR: '/nonexistent',
    },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', () => {
      // the banner ends with the demo logins (first start) or the short hint (later starts)
      if (out.includes('is running at') && /enterprise1|Demo logins:/.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

afterAll(async () => {
  await dropDatabase(adminUrl, name);
});

describe('onewindow serve', () => {
  it('migrates an empty database, loads the demo, delivers its notifications, and stops cleanly; a second start reuses the data', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    const first = await serve();
    expect(first.output()).toContain('Demo logins (password OneWindow@2026)');
    expect(first.output()).toMatch(/clerk1\s+张丽/);
    const clerk = new Client(`http://127.0.0.1:${port}`);
    expect((await clerk.login('clerk1')).status).toBe(200);
    // the window assignments made by the demo reach the message center through the outbox
    let unread = 0;
    for (let i = 0; i < 50 && unread < 2; i++) {
      unread = (await clerk.get('/api/v1/messages/unread-count')).body.unread;
      if (unread < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(unread).toBe(2);
    expect(await stop(first.child)).toBe(0);

    const second = await serve();
    expect(second.output()).not.toContain('Demo logins (password');
    expect((await new Client(`http://127.0.0.1:${port}`).login('clerk1')).status).toBe(200);
    expect(await stop(second.child)).toBe(0);
  }, 300_000);
});
