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

/** A case whose facts could not be worked out (its events are counted without them; see `countPending`). */
export type SetAside = (caseId: number, error: unknown) => void;

/**
 * Take up to `limit` pending events and count them: one batch, in the caller's transaction (which holds the
 * feed's lock). Should the facts of the batch's cases fail to be worked out (a clock beyond the calendar's
 * last year, say), each case is tried on its own, and one that fails again is set aside: its old facts stay
 * until its next event or a rebuild, and `setAside` is told, so that one case cannot stop the statistics.
 */
export async function countPending(tx: Executor, limit: number, setAside: SetAside): Promise<number> {
  const taken = await sql<{ event_id: string; case_id: string; facts: boolean }>`
    DELETE FROM metric_pending WHERE ctid = ANY(ARRAY(SELECT ctid FROM metric_pending LIMIT ${limit}))
    RETURNING event_id, case_id, facts`.execute(tx);
  if (taken.rows.length === 0) return 0;
  const cases = [...new Set(taken.rows.filter((r) => r.facts).map((r) => Number(r.case_id)))].sort((a, b) => a - b);
  if (cases.length && !(await attempt(tx, () => refreshCases(tx, cases))))
    for (const id of cases)
      await attempt(
        tx,
        () => refreshCases(tx, [id]),
        (error) => setAside(id, error),
      );
  const events = taken.rows.map((r) => r.event_id);
  await upsertStaff(staffContributions(sql`e.id = ANY(${events}::bigint[])`)).execute(tx);
  return taken.rows.length;
}

/** Run `step` inside a savepoint: false, with its changes undone, when it fails. */
async function attempt(tx: Executor, step: () => Promise<unknown>, failed?: (error: unknown) => void): Promise<boolean> {
  await sql`SAVEPOINT metrics_step`.execute(tx);
  try {
    await step();
    await sql`RELEASE SAVEPOINT metrics_step`.execute(tx);
    return true;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT metrics_step`.execute(tx);
    failed?.(error);
    return false;
  }
}

const logSetAside: SetAside = (caseId, error) => console.error(`metrics feed: the facts of case ${caseId} could not be worked out`, error);

/** Count every pending event, in batches of `batch` (each its own transaction). Returns how many were counted. */
export async function drainMetrics(db: Db, batch = 2000, setAside: SetAside = logSetAside): Promise<number> {
  let total = 0;
  for (;;) {
    const counted = await inTransaction(db, async (tx) => {
      await takeFeedLock(tx);
      return countPending(tx, batch, setAside);
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
    running = drainMetrics(db, undefined, (caseId, error) => log.error({ err: error, caseId }, 'metrics feed: a case set aside'))
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
