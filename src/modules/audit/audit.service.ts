import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import { createHmac, type KeyObject } from 'node:crypto';
import { canonicalJson, derivedKey, sha256 } from '../../server/crypto.ts';
import './audit.tables.ts';

export const genesisHash = '0'.repeat(64);

/**
 * Chain hashes are HMAC-SHA-256 under a key derived from the platform secret: someone who can write
 * to the database but does not hold the secret cannot forge a consistent chain after tampering.
 */
let chainKey: KeyObject | null = null;

export function setAuditKey(secret: Buffer): void {
  chainKey = derivedKey(secret, 'onewindow/audit-chain');
}

function chainHash(text: string): string {
  if (!chainKey) throw new Error('audit chain key not set (setAuditKey)');
  return createHmac('sha256', chainKey).update(text).digest('hex');
}

export interface AuditInput {
  actorId: number | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | number;
  requestId: string | null;
  /** What changed, with personal data already masked. */
  change: Record<string, unknown>;
  /**
   * Region path for scoped reading: where the record lives when the writer names it (a case's entries are
   * read by those who may read the case, whoever acted, the applicant too), else the acting staff member's
   * organization's region.
   */
  scopePath?: string | null;
  /**
   * The chain the entry joins, when not the target's own (`type:id`): entries that change nothing of the record
   * (a reveal) keep a chain of their own beside it, so that they never collide with the record's changes.
   */
  stream?: string;
}

interface EntryFields {
  stream: string;
  seq: number;
  at: Date;
  actor_id: number | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string;
  request_id: string | null;
  digest: string;
  scope_path: string | null;
}

/** The text an entry's hash covers: every field but the hashes themselves. */
function entryBody(e: EntryFields): string {
  return canonicalJson({
    stream: e.stream,
    at: e.at.toISOString(),
    actorId: e.actor_id,
    actorRole: e.actor_role,
    action: e.action,
    targetType: e.target_type,
    targetId: e.target_id,
    requestId: e.request_id,
    digest: e.digest,
    scopePath: e.scope_path,
  });
}

export function entryHash(prevHash: string, e: EntryFields): string {
  return chainHash(`${prevHash}|${e.seq}|${entryBody(e)}`);
}

/**
 * Append one entry to the target's own chain (stream = type:id) inside the caller's transaction.
 * Chains are per stream so writers to different records never wait for each other; two writers to
 * the same record collide on (stream, seq) and one of them gets a conflict.
 */
export async function appendAudit(tx: Executor, input: AuditInput): Promise<void> {
  await tx
    .insertInto('audit_entry')
    .values(await prepareAudit(tx, input))
    .execute();
}

/** The next entry of the target's chain, hashed and ready to insert (for writers that batch their statements). */
export async function prepareAudit(tx: Executor, input: AuditInput) {
  const stream = input.stream ?? `${input.targetType}:${input.targetId}`;
  const known = tx.isTransaction ? headsOf(tx) : undefined;
  const prev = known?.has(stream)
    ? known.get(stream)
    : await tx.selectFrom('audit_entry').select(['seq', 'hash']).where('stream', '=', stream).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: EntryFields = {
    stream,
    seq: (prev?.seq ?? 0) + 1,
    at: new Date(),
    actor_id: input.actorId,
    actor_role: input.actorRole,
    action: input.action,
    target_type: input.targetType,
    target_id: String(input.targetId),
    request_id: input.requestId,
    digest: sha256(canonicalJson(input.change)),
    scope_path: input.scopePath ?? null,
  };
  const prevHash = prev?.hash ?? genesisHash;
  const hash = entryHash(prevHash, fields);
  if (known) known.set(stream, { seq: fields.seq, hash });
  return { ...fields, change: JSON.stringify(input.change), prev_hash: prevHash, hash };
}

/**
 * The last entry of streams a transaction has already read or written, so a transaction that appends
 * to a chain several times (or read its head together with the record it changes) reads it once.
 * Only transactions hold heads, and one that rolls back to a savepoint forgets them: a concurrent writer to the same stream still collides on
 * (stream, seq) and gets a conflict.
 */
const streamHeads = new WeakMap<Executor, Map<string, { seq: number; hash: string } | undefined>>();
function headsOf(tx: Executor) {
  let known = streamHeads.get(tx);
  if (!known) streamHeads.set(tx, (known = new Map()));
  return known;
}

/** After a rollback to a savepoint: heads written since may be gone. */
export function forgetStreamHeads(tx: Executor): void {
  streamHeads.delete(tx);
}

/** Tell a transaction the head of a stream it has read with other rows (undefined: the stream has no entry yet). */
export function knowStreamHead(tx: Executor, stream: string, head: { seq: number; hash: string } | undefined): void {
  if (tx.isTransaction) headsOf(tx).set(stream, head);
}

/**
 * Link entries not yet sealed into the one global chain, in the order they became visible
 * (commit order), so that removing the last entry of any stream is detected too.
 */
export async function sealAudit(db: Db, batch = 5000): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(7263542)`.execute(tx);
    const last = await tx.selectFrom('audit_seal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const pending = await tx
      .selectFrom('audit_entry as e')
      .leftJoin('audit_seal as s', 's.entry_id', 'e.id')
      .where('s.entry_id', 'is', null)
      .select(['e.id', 'e.hash'])
      .orderBy('e.id')
      .limit(batch)
      .execute();
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? genesisHash;
    const rows = pending.map((e) => {
      seq += 1;
      const hash = chainHash(`${prev}|${e.hash}`);
      const row = { seq, entry_id: e.id, entry_hash: e.hash, prev_hash: prev, hash };
      prev = hash;
      return row;
    });
    for (let i = 0; i < rows.length; i += 1000)
      await tx
        .insertInto('audit_seal')
        .values(rows.slice(i, i + 1000))
        .execute();
    return rows.length;
  });
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  seals: number;
  firstBroken?: { id: number | null; stream?: string; seq?: number; reason: string };
}

/** Recompute every stream chain and the global seal chain; report the first broken entry. */
export async function verifyAudit(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let entries = 0;
  let cursor: { stream: string; seq: number } | null = null;
  let prevStream = '';
  let prevHash = genesisHash;
  let expectSeq = 1;
  for (;;) {
    let q = db.selectFrom('audit_entry').selectAll().orderBy('stream').orderBy('seq').limit(5000);
    if (cursor) {
      const c: { stream: string; seq: number } = cursor;
      q = q.where((eb) => eb.or([eb('stream', '>', c.stream), eb.and([eb('stream', '=', c.stream), eb('seq', '>', c.seq)])]));
    }
    const rows = await q.execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.stream !== prevStream) {
        prevStream = r.stream;
        prevHash = genesisHash;
        expectSeq = 1;
      }
      const broken = (reason: string): VerifyResult => ({ ok: false, entries, seals: 0, firstBroken: { id: r.id, stream: r.stream, seq: r.seq, reason } });
      if (r.seq !== expectSeq) return broken(`sequence gap: expected ${expectSeq}, found ${r.seq} (an entry was removed)`);
      if (r.prev_hash !== prevHash) return broken('previous hash does not match the preceding entry');
      if (r.digest !== sha256(canonicalJson(r.change))) return broken('recorded change does not match its digest (the change was altered)');
      if (r.hash !== entryHash(r.prev_hash, r)) return broken('entry hash does not match its content (the entry was altered)');
      prevHash = r.hash;
      expectSeq += 1;
      entries += 1;
    }
    const lastRow = rows[rows.length - 1]!;
    cursor = { stream: lastRow.stream, seq: lastRow.seq };
    onProgress?.(entries);
  }

  let seals = 0;
  let sealPrev = genesisHash;
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_seal as s')
      .leftJoin('audit_entry as e', 'e.id', 's.entry_id')
      .select(['s.seq', 's.entry_id', 's.entry_hash', 's.prev_hash', 's.hash', 'e.hash as current_hash', 'e.stream', 'e.seq as entry_seq'])
      .where('s.seq', '>', afterSeq)
      .orderBy('s.seq')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const s of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        entries,
        seals,
        firstBroken: { id: s.entry_id, stream: s.stream ?? undefined, seq: s.entry_seq ?? undefined, reason },
      });
      if (s.seq !== seals + 1) return broken(`seal sequence gap at ${seals + 1}`);
      if (s.current_hash === null) return broken('a sealed entry is missing (it was deleted)');
      if (s.current_hash !== s.entry_hash) return broken('a sealed entry was changed after sealing');
      if (s.prev_hash !== sealPrev || s.hash !== chainHash(`${s.prev_hash}|${s.entry_hash}`)) return broken('seal chain hash mismatch');
      sealPrev = s.hash;
      seals += 1;
      afterSeq = s.seq;
    }
  }
  return { ok: true, entries, seals };
}
