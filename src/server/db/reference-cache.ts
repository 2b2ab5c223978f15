import pg from 'pg';
import { sql } from 'kysely';
import type { Executor } from './database.ts';

/**
 * Reference data — regions, organizations, calendars, the warning thresholds, published items and
 * bundles — is read by nearly every case action and changes a few times a year, so each process keeps
 * what it has read:
 * - a transaction that changes any of it calls `referenceChanged(tx)` first. From then on it reads
 *   around the cache (it must see its own changes; what it reads is remembered for the transaction
 *   only), and the cache is dropped here at once, again when the transaction ends
 *   (`transactionEnded`), and in every other process by the NOTIFY its commit delivers
 *   (`listenForReferenceChanges`);
 * - a value read while a change was being committed is not kept (the generation check);
 * - entries expire after a minute anyway, should a notification be lost.
 * Nothing absent is cached: a lookup that finds nothing reads again next time.
 */
const ttlMs = 60_000;
const channel = 'onewindow_reference';
let generation = 0;
const entries = new Map<string, { value: unknown; at: number }>();
const changing = new WeakMap<Executor, Map<string, unknown>>();

export async function cachedReference<T>(db: Executor, key: string, load: () => Promise<T>): Promise<T> {
  const own = changing.get(db);
  if (own) {
    if (own.has(key)) return own.get(key) as T;
    const value = await load();
    own.set(key, value);
    return value;
  }
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.value as T;
  const before = generation;
  const value = await load();
  if (generation === before && value !== undefined && value !== null) entries.set(key, { value, at: Date.now() });
  return value;
}

/** Drop everything cached in this process. */
export function dropReferenceCache(): void {
  generation += 1;
  entries.clear();
}

/**
 * Say that this transaction changes reference data: it reads around the cache from now on (and
 * forgets what it read so far in this transaction, since its next change may alter it), and every
 * process drops its cache when it commits.
 */
export async function referenceChanged(tx: Executor): Promise<void> {
  const first = !changing.has(tx);
  changing.set(tx, new Map());
  dropReferenceCache();
  if (first) await sql`SELECT pg_notify(${channel}, '')`.execute(tx);
}

/** Called by the transaction runners when a transaction commits or rolls back. */
export function transactionEnded(tx: Executor): void {
  if (!changing.has(tx)) return;
  changing.delete(tx);
  dropReferenceCache();
}

/** One LISTEN connection per process: another process's committed change drops this one's cache. */
export function listenForReferenceChanges(url: string, log: { error: (o: object, m: string) => void }): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  // while not listening, whatever changes elsewhere is unknown: drop all and listen again shortly
  const retry = (error: unknown) => {
    if (stopped) return;
    log.error({ err: error }, 'reference-data listener lost its connection');
    dropReferenceCache();
    setTimeout(() => void connectListener(), 1000).unref();
  };
  const connectListener = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    let lost = false;
    const fail = (error: unknown) => {
      if (lost) return;
      lost = true;
      void c.end().catch(() => {});
      retry(error);
    };
    c.on('notification', () => dropReferenceCache());
    c.on('error', fail);
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      dropReferenceCache();
    } catch (error) {
      fail(error);
    }
  };
  void connectListener();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
