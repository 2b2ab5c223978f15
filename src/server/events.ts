import { sql } from 'kysely';
import pg from 'pg';
import type { Db, Tx } from './db/database.ts';
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

/**
 * Record an event in the caller's transaction; until its consumers have run it is pending (the outbox).
 * The NOTIFY is delivered on commit, so consumers wake only for events that really happened.
 */
export async function emitEvent(
  tx: Tx,
  e: { type: string; streamType: string; streamId: string | number; payload: Record<string, unknown>; actorId: number | null; requestId: string | null },
): Promise<number> {
  // one round trip: the event and the wake-up call
  const r = await sql<{ id: number }>`
    WITH e AS (
      INSERT INTO domain_event (type, stream_type, stream_id, payload, actor_id, request_id)
      VALUES (${e.type}, ${e.streamType}, ${String(e.streamId)}, ${JSON.stringify(e.payload)}, ${e.actorId}, ${e.requestId})
      RETURNING id
    )
    SELECT id, pg_notify('onewindow_outbox', '') FROM e`.execute(tx);
  return Number(r.rows[0]!.id);
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
 * Keep draining while the process runs: woken by NOTIFY on commit, and by a timer as a safety net
 * for retries and missed notifications.
 */
export function startOutboxDispatcher(db: Db, url: string, log: { error: (o: object, m: string) => void }): { stop(): Promise<void> } {
  let running = false;
  let again = false;
  let stopped = false;
  let client: pg.Client | null = null;
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
  const connectListener = async () => {
    client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    client.on('notification', () => void run());
    await client.query('LISTEN onewindow_outbox');
  };
  void connectListener().catch((error) => log.error({ err: error }, 'outbox listener failed'));
  const timer = setInterval(() => void run(), 5000);
  timer.unref();
  void run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await client?.end().catch(() => {});
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
