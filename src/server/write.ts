import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { beforeCommit, inTransaction, pipelinedWrite, writeHeldBack, type Db, type Executor, type Tx } from './db/database.ts';
import type { Actor } from './access.ts';
import { appendAudit, knowStreamHead, prepareAudit, type AuditInput } from '../modules/audit/audit.service.ts';
import { emitEvent } from './events.ts';
import { canonicalJson, sha256 } from './crypto.ts';
import { AppError, fromPgError } from './errors.ts';
import { primaryRole } from './access.ts';

/**
 * Everything a state change needs, in one transaction: who acts, the request id, and the means to
 * append the audit entry and publish domain events. Services take this instead of the raw database.
 */
export interface WriteContext {
  tx: Tx;
  actor: Actor | null;
  requestId: string | null;
  audit(entry: Omit<AuditInput, 'actorId' | 'actorRole' | 'requestId'>): Promise<void>;
  /**
   * The audit entry of a record this transaction creates, whose chain has no entry yet (the target's own, or
   * `stream`): written after the writes held back so far, just before COMMIT, without waiting for its answer.
   */
  auditNew(entry: Omit<AuditInput, 'actorId' | 'actorRole' | 'requestId'>): Promise<void>;
  /** The audit row `audit` would insert, for writers that fold it into one statement with others. */
  prepareAudit(entry: Omit<AuditInput, 'actorId' | 'actorRole' | 'requestId'>): ReturnType<typeof prepareAudit>;
  emit(event: { type: string; streamType: string; streamId: string | number; payload: Record<string, unknown> }): Promise<number>;
}

export function writeContext(tx: Tx, actor: Actor | null, requestId: string | null): WriteContext {
  // who wrote the entry; it is scoped by the region of the record it names (a case's), else by the actor's
  const who = (scopePath: string | null | undefined) => ({
    actorId: actor && actor.accountId > 0 ? actor.accountId : null,
    actorRole: actor ? primaryRole(actor) : null,
    requestId,
    scopePath: scopePath || (actor?.orgRegionPath ?? null),
  });
  return {
    tx,
    actor,
    requestId,
    // an audit entry or a domain event written now follows those held back for the commit (ids keep their order)
    audit: async (entry) => {
      await writeHeldBack(tx);
      await appendAudit(tx, { ...entry, ...who(entry.scopePath) });
    },
    auditNew: async (entry) => {
      knowStreamHead(tx, entry.stream ?? `${entry.targetType}:${entry.targetId}`, undefined);
      const row = await prepareAudit(tx, { ...entry, ...who(entry.scopePath) });
      const write = (t: Executor) => pipelinedWrite(t, t.insertInto('audit_entry').values(row));
      if (!beforeCommit(tx, write)) await write(tx);
    },
    prepareAudit: (entry) => prepareAudit(tx, { ...entry, ...who(entry.scopePath) }),
    emit: async (event) => {
      await writeHeldBack(tx);
      return emitEvent(tx, { ...event, actorId: actor && actor.accountId > 0 ? actor.accountId : null, requestId });
    },
  };
}

/** Run a state change as one transaction, outside HTTP (CLI, jobs, seed). */
export async function runWrite<T>(db: Db, actor: Actor | null, fn: (ctx: WriteContext) => Promise<T>, requestId: string | null = null): Promise<T> {
  try {
    return await inTransaction(db, (tx) => fn(writeContext(tx, actor, requestId)));
  } catch (error) {
    throw fromPgError(error) ?? error;
  }
}

const keyPattern = /^[\x21-\x7e]{8,200}$/;

/**
 * Run a request's state change in one transaction, honouring `Idempotency-Key`: the key is claimed
 * inside the same transaction as the change, so a retry (even a concurrent one, which waits on the
 * key's row) gets the first response, and a failed attempt leaves no key behind. The same key with a
 * different body is a 422.
 */
export interface WriteOptions<T> {
  /** false for actions that create nothing (a reveal): the key is ignored and nothing is kept. */
  idempotent?: boolean;
  /** What a replay returns instead of the first body, for responses that carry a secret shown once. */
  storedResponse?: (body: T) => unknown;
  /**
   * For a write whose only change is its audit entry (a reveal): run it again when another writer took the
   * entry's place in the record's chain meanwhile, instead of answering 409. Two clerks revealing one case, or a
   * reveal beside an action on it, both go through.
   */
  retryChainRace?: boolean;
}

/** Another transaction appended to the same audit chain first (see appendAudit). */
const lostChainRace = (error: unknown) =>
  (error as { code?: string; constraint?: string } | null)?.code === '23505' && (error as { constraint?: string }).constraint === 'audit_entry_stream_seq_key';

export async function handleWrite<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  fn: (ctx: WriteContext) => Promise<T>,
  status = 200,
  options: WriteOptions<T> = {},
): Promise<T> {
  const header = options.idempotent === false ? undefined : request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && !keyPattern.test(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const actor = request.actor;
  if (options.retryChainRace && key === undefined) {
    for (let attempt = 1; ; attempt++) {
      try {
        const body = await inTransaction(db, (tx) => fn(writeContext(tx, actor, request.id)));
        reply.code(status);
        return body;
      } catch (error) {
        if (attempt < 5 && lostChainRace(error)) continue;
        throw fromPgError(error) ?? error;
      }
    }
  }
  try {
    const outcome = await inTransaction(db, async (tx) => {
      if (key !== undefined) {
        const owner = actor ? `account:${actor.accountId}` : `ip:${request.ip}`;
        const requestHash = sha256(
          canonicalJson({ method: request.method, path: request.routeOptions.url, params: request.params, body: request.body ?? null }),
        );
        const claimed = await tx
          .insertInto('idempotency_key')
          .values({ owner, key, method: request.method, path: request.url, request_hash: requestHash, status_code: status, response: null })
          .onConflict((oc) => oc.doNothing())
          .returning('key')
          .executeTakeFirst();
        if (!claimed) {
          const prior = await tx.selectFrom('idempotency_key').selectAll().where('owner', '=', owner).where('key', '=', key).executeTakeFirstOrThrow();
          if (prior.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
          return { replayed: true as const, status: prior.status_code, body: prior.response as T };
        }
        const body = await fn(writeContext(tx, actor, request.id));
        await tx
          .updateTable('idempotency_key')
          .set({ response: body === undefined ? null : JSON.stringify(options.storedResponse ? options.storedResponse(body) : body), status_code: status })
          .where('owner', '=', owner)
          .where('key', '=', key)
          .execute();
        return { replayed: false as const, status, body };
      }
      const body = await fn(writeContext(tx, actor, request.id));
      return { replayed: false as const, status, body };
    });
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    reply.code(outcome.status);
    return outcome.body;
  } catch (error) {
    throw fromPgError(error) ?? error;
  }
}

/** Forget idempotency keys older than a day. */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const r = await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', sql<Date>`now() - interval '24 hours'`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
