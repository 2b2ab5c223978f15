import { sql } from 'kysely';
import { inTransaction, type Db, type Executor } from '../../server/db/database.ts';
import { refreshCases, staffContributions, takeFeedLock, upsertStaff } from './rollups.ts';

/**
 * The metrics feed (docs/metrics.md, "How the figures stay current"). A case event the statistics count
 * leaves a row in `metric_pending`, written by the statement that inserts the event, in the action's
 * transaction. The feed takes those rows in batches: per batch it recomputes the facts of every case
 * they name once, moves the cases' contributions in the rollups, counts the events' staff work, and
 * deletes the rows, all in one transaction under the feed's lock. Readers of the statistics drain the
 * feed before they read (`drainMetrics`), so a figure never lags behind a committed action.
 */

/** Take up to `limit` pending events and count them: one batch, in the caller's transaction (which holds the feed's lock). */
export async function countPending(tx: Executor, limit: number): Promise<number> {
  const taken = await sql<{ event_id: string; case_id: string; facts: boolean }>`
    DELETE FROM metric_pending WHERE ctid = ANY(ARRAY(SELECT ctid FROM metric_pending LIMIT ${limit}))
    RETURNING event_id, case_id, facts`.execute(tx);
  if (taken.rows.length === 0) return 0;
  const cases = [...new Set(taken.rows.filter((r) => r.facts).map((r) => Number(r.case_id)))].sort((a, b) => a - b);
  if (cases.length) await refreshCases(tx, cases);
  const events = taken.rows.map((r) => r.event_id);
  await upsertStaff(staffContributions(sql`e.id = ANY(${events}::bigint[])`)).execute(tx);
  return taken.rows.length;
}

/** Count every pending event, in batches of `batch` (each its own transaction). Returns how many were counted. */
export async function drainMetrics(db: Db, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const counted = await inTransaction(db, async (tx) => {
      await takeFeedLock(tx);
      return countPending(tx, batch);
    });
    total += counted;
    if (counted < batch) return total;
  }
}

/**
 * Keep the rollups current while the process runs: drain the feed every `intervalMs`. Several
 * processes may run it; the lock makes their batches take turns.
 */
export function startMetricsFeed(db: Db, log: { error: (o: object, m: string) => void }, intervalMs = 1000): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = drainMetrics(db)
      .catch((error) => {
        if (!stopped) log.error({ err: error }, 'metrics feed failed');
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
