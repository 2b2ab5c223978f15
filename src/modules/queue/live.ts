import { sql } from 'kysely';
import pg from 'pg';
import type { Db, Tx } from '../../server/db/database.ts';
import type { QueueEventKind } from './queue.tables.ts';
import './queue.tables.ts';

/** The queue's own NOTIFY channel: one LISTEN connection per process fans calls out to every display. */
export const queueChannel = 'onewindow_queue';
const hallLockNamespace = 7263601;

export interface HallEvent {
  id: number;
  hallId: number;
  kind: QueueEventKind;
  ticketId: number | null;
  windowId: number | null;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * Append to the hall's event log and announce it on commit. A per-hall transaction lock taken just
 * before the insert makes ids follow commit order within a hall, so "everything after id N" is exactly
 * what a display that saw N has missed.
 */
export async function logHallEvent(
  tx: Tx,
  e: { hallId: number; kind: QueueEventKind; ticketId?: number | null; windowId?: number | null; payload: Record<string, unknown> },
): Promise<HallEvent> {
  await sql`SELECT pg_advisory_xact_lock(${hallLockNamespace}, ${e.hallId}::int)`.execute(tx);
  const row = await tx
    .insertInto('queue_event')
    .values({ hall_id: e.hallId, kind: e.kind, ticket_id: e.ticketId ?? null, window_id: e.windowId ?? null, payload: JSON.stringify(e.payload) })
    .returning(['id', 'at'])
    .executeTakeFirstOrThrow();
  const event: HallEvent = {
    id: row.id,
    hallId: e.hallId,
    kind: e.kind,
    ticketId: e.ticketId ?? null,
    windowId: e.windowId ?? null,
    payload: e.payload,
    at: row.at.toISOString(),
  };
  await sql`SELECT pg_notify(${queueChannel}, ${JSON.stringify({ h: e.hallId, e: event })})`.execute(tx);
  return event;
}

/** Tell the hall's screens that waiting numbers changed (a ticket was taken or cancelled); nothing is logged. */
export async function announceBoardChange(tx: Tx, hallId: number): Promise<void> {
  await sql`SELECT pg_notify(${queueChannel}, ${JSON.stringify({ h: hallId })})`.execute(tx);
}

export async function eventsAfter(db: Db, hallId: number, afterId: number, limit = 500): Promise<HallEvent[]> {
  const rows = await db
    .selectFrom('queue_event')
    .select(['id', 'hall_id', 'kind', 'ticket_id', 'window_id', 'payload', 'at'])
    .where('hall_id', '=', hallId)
    .where('id', '>', afterId)
    .where('at', '>', sql<Date>`now() - interval '1 day'`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    hallId: r.hall_id,
    kind: r.kind,
    ticketId: r.ticket_id,
    windowId: r.window_id,
    payload: r.payload,
    at: r.at.toISOString(),
  }));
}

export type HubMessage = { type: 'event'; event: HallEvent } | { type: 'board'; board: unknown };
type Listener = (m: HubMessage) => void;

/**
 * The process's side of live updates: one LISTEN connection (not one per display), subscribers by
 * hall, and board snapshots computed once per burst of changes for all of a hall's subscribers.
 */
export class QueueHub {
  readonly #url: string;
  readonly #board: (hallId: number) => Promise<unknown>;
  readonly #subs = new Map<number, Set<Listener>>();
  readonly #pending = new Map<number, NodeJS.Timeout>();
  readonly #log: { error: (o: object, m: string) => void };
  #client: pg.Client | null = null;
  #stopped = false;
  #ready: Promise<void> | null = null;
  /** Milliseconds a burst of changes is gathered before one board snapshot goes out. */
  boardDelayMs = 150;

  constructor(url: string, board: (hallId: number) => Promise<unknown>, log: { error: (o: object, m: string) => void }) {
    this.#url = url;
    this.#board = board;
    this.#log = log;
  }

  /** Connect lazily, on the first subscriber; reconnect after a dropped connection. */
  ensureListening(): Promise<void> {
    this.#ready ??= this.#connect().catch((error) => {
      this.#ready = null;
      throw error;
    });
    return this.#ready;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, application_name: 'onewindow-queue-listen' });
    client.on('error', (error) => {
      if (this.#stopped) return;
      this.#log.error({ err: error }, 'queue listener lost its connection');
      this.#client = null;
      this.#ready = null;
      setTimeout(() => {
        if (!this.#stopped && this.#subs.size) void this.ensureListening().catch(() => {});
      }, 1000).unref();
    });
    client.on('notification', (n) => {
      if (n.channel !== queueChannel || !n.payload) return;
      try {
        const msg = JSON.parse(n.payload) as { h: number; e?: HallEvent };
        if (msg.e) this.#publish(msg.h, { type: 'event', event: msg.e });
        this.#scheduleBoard(msg.h);
      } catch (error) {
        this.#log.error({ err: error }, 'bad queue notification');
      }
    });
    await client.connect();
    await client.query(`LISTEN ${queueChannel}`);
    if (this.#stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
  }

  subscribe(hallId: number, listener: Listener): () => void {
    let set = this.#subs.get(hallId);
    if (!set) this.#subs.set(hallId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#subs.delete(hallId);
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const s of this.#subs.values()) n += s.size;
    return n;
  }

  #publish(hallId: number, m: HubMessage) {
    for (const l of this.#subs.get(hallId) ?? []) l(m);
  }

  #scheduleBoard(hallId: number) {
    if (!this.#subs.has(hallId) || this.#pending.has(hallId)) return;
    this.#pending.set(
      hallId,
      setTimeout(() => {
        this.#pending.delete(hallId);
        if (!this.#subs.has(hallId) || this.#stopped) return;
        this.#board(hallId).then(
          (board) => this.#publish(hallId, { type: 'board', board }),
          (error) => this.#log.error({ err: error }, 'queue board snapshot failed'),
        );
      }, this.boardDelayMs),
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const t of this.#pending.values()) clearTimeout(t);
    this.#pending.clear();
    const c = this.#client;
    this.#client = null;
    await c?.end().catch(() => {});
  }
}
