import { sql } from 'kysely';
import { afterCommit, type Db, type Tx } from './db/database.ts';
import './events.tables.ts';
import { forgetStreamHeads } from '../modules/audit/audit.service.ts';

/** A fact that happened, as consumers see it. */
export interface DomainEvent<P = Record<string, unknown>> {
  id: number;
  type: string;
  streamType: string;
  streamId: string;
  payload: P;
  actorId: number | null;
  at: Date;
}

export type EventHandler = (tx: Tx, event: DomainEvent) => Promise<void>;

/** Consumers register by event type (or '*'); the dispatcher runs them from the outbox. */
const handlers = new Map<string, { name: string; handle: EventHandler }[]>();

export function onEvent(type: string, name: string, handle: EventHandler): void {
  // registering the same name again replaces it (a new app instance in the same process)
  const list = (handlers.get(type) ?? []).filter((h) => h.name !== name);
  list.push({ name, handle });
  handlers.set(type, list);
}

/** The dispatchers running in this process (startOutboxDispatcher), woken when a transaction with events commits. */
const dispatchers = new Set<() => void>();
const wakeDispatchers = () => {
  for (const wake of dispatchers) wake();
};

/**
 * Say that the caller's transaction wrote domain events: once it commits, this process's dispatcher
 * drains them at once (a rolled-back transaction wakes nobody). No NOTIFY: every committing
 * transaction that notifies takes one database-wide lock through its commit, which would make the
 * case actions commit one at a time; events committed by a process that stops before delivering
 * them are taken by the other processes' timers.
 */
export function eventsWritten(tx: Tx): void {
  afterCommit(tx, wakeDispatchers);
}

/** Record an event in the caller's transaction; until its consumers have run it is pending (the outbox). */
export async function emitEvent(
  tx: Tx,
  e: { type: string; streamType: string; streamId: string | number; payload: Record<string, unknown>; actorId: number | null; requestId: string | null },
): Promise<number> {
  const row = await tx
    .insertInto('domain_event')
    .values({
      type: e.type,
      stream_type: e.streamType,
      stream_id: String(e.streamId),
      payload: JSON.stringify(e.payload),
      actor_id: e.actorId,
      request_id: e.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  eventsWritten(tx);
  return Number(row.id);
}

/**
 * Deliver pending events (the outbox). Each event is claimed with SKIP LOCKED (several processes may drain at
 * once), its handlers run in the same transaction that marks it processed: a handler's writes and
 * the "done" mark commit together, so each event takes effect exactly once.
 */
export async function drainOutbox(db: Db, batch = 100): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('domain_event as e')
        .select(['e.attempts', 'e.id', 'e.type', 'e.stream_type', 'e.stream_id', 'e.payload', 'e.actor_id', 'e.at'])
        .where('e.processed_at', 'is', null)
        .where('e.available_at', '<=', sql<Date>`now()`)
        .orderBy('e.id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const r of rows) {
        const event: DomainEvent = {
          id: r.id,
          type: r.type,
          streamType: r.stream_type,
          streamId: r.stream_id,
          payload: r.payload as Record<string, unknown>,
          actorId: r.actor_id,
          at: r.at,
        };
        const list = [...(handlers.get(r.type) ?? []), ...(handlers.get('*') ?? [])];
        try {
          await sql`SAVEPOINT outbox_row`.execute(tx);
          for (const h of list) await h.handle(tx, event);
          await sql`RELEASE SAVEPOINT outbox_row`.execute(tx);
          await tx
            .updateTable('domain_event')
            .set({ processed_at: sql<Date>`now()` })
            .where('id', '=', r.id)
            .execute();
        } catch (error) {
          await sql`ROLLBACK TO SAVEPOINT outbox_row`.execute(tx);
          forgetStreamHeads(tx);
          const delaySeconds = Math.min(3600, 2 ** Math.min(r.attempts + 1, 12));
          await tx
            .updateTable('domain_event')
            .set({
              attempts: r.attempts + 1,
              last_error: String((error as Error)?.message ?? error).slice(0, 2000),
              available_at: sql<Date>`now() + make_interval(secs => ${delaySeconds})`,
            })
            .where('id', '=', r.id)
            .execute();
        }
      }
      return rows.length;
    });
    total += done;
    if (done < batch) return total;
  }
}

/**
 * Keep draining while the process runs: woken when a transaction of this process that wrote events
 * commits (eventsWritten), and by a timer for retries that come due and for events other processes left.
 */
export function startOutboxDispatcher(db: Db, log: { error: (o: object, m: string) => void }, options: { pollMs?: number } = {}): { stop(): Promise<void> } {
  let running = false;
  let again = false;
  let stopped = false;
  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await drainOutbox(db);
      } while (again && !stopped);
    } catch (error) {
      if (!stopped) log.error({ err: error }, 'outbox drain failed');
    } finally {
      running = false;
    }
  };
  const wake = () => void run();
  dispatchers.add(wake);
  const timer = setInterval(wake, options.pollMs ?? 1000);
  timer.unref();
  wake();
  return {
    async stop() {
      stopped = true;
      dispatchers.delete(wake);
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
