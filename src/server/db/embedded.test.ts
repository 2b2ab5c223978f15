import { describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Linux's scheduling policies, as /proc gives them. */
const SCHED_OTHER = 0;
const SCHED_BATCH = 3;

/** A process's scheduling policy and its parent (fields 41 and 4 of /proc/<pid>/stat). */
function processOf(pid: number): { policy: number; parent: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { policy: Number(fields[38]), parent: Number(fields[1]) };
}

const hasChrt = (() => {
  try {
    execFileSync('chrt', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// the run's own embedded PostgreSQL (test/global-setup.ts): a server named by DATABASE_URL is scheduled as its administrator set it up
describe.runIf(process.platform === 'linux' && hasChrt && !process.env.DATABASE_URL)('the embedded PostgreSQL', () => {
  it('runs its postmaster and every backend it starts as batch work, and leaves this process as it was', async () => {
    const client = new pg.Client({ connectionString: inject('adminUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const backend = processOf(rows[0]!.pid);
      expect(backend.policy).toBe(SCHED_BATCH);
      expect(processOf(backend.parent).policy).toBe(SCHED_BATCH);
      expect(processOf(process.pid).policy).toBe(SCHED_OTHER);
    } finally {
      await client.end();
    }
  });
});
