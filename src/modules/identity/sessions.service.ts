import { sql } from 'kysely';
import { cachedReference, referenceChanged } from '../../server/db/reference-cache.ts';
import type { Deps } from '../../server/deps.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { randomToken, sha256 } from '../../server/crypto.ts';
import { runWrite } from '../../server/write.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { findApiKeyActor, findSessionActor, type ActorRow } from './identity.store.ts';
import './identity.tables.ts';

export const sessionCookie = 'ow_session';

export function actorFromRow(row: ActorRow, via: Actor['via'], sessionId?: string): Actor {
  return {
    accountId: row.account_id,
    username: row.username,
    kind: row.kind,
    displayName: row.display_name,
    locale: row.locale,
    grants: row.grants,
    applicantId: row.applicant_id,
    organizationId: row.organization_id,
    orgRegionPath: row.org_region_path,
    via,
    sessionId,
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  accountId: number;
}

/**
 * Password sign-in. Five failures in a row lock the account for fifteen minutes (等保 level 3
 * asks for lockout); the failure count is committed even though the request fails.
 */
export async function login(deps: Deps, input: { username: string; password: string; ip: string; userAgent: string | null }): Promise<LoginResult> {
  const { db, config } = deps;
  const account = await db
    .selectFrom('account')
    .select(['id', 'password_hash', 'status', 'failed_attempts', 'locked_until', 'kind'])
    .where(sql`lower(username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  if (!account) {
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.locked_until && account.locked_until > new Date()) {
    throw new AppError('ACCOUNT_LOCKED', { lockedUntil: account.locked_until.toISOString() });
  }
  const ok = await verifyPassword(account.password_hash, input.password);
  if (!ok) {
    const locked = await runWrite(db, null, async (ctx) => {
      const row = await ctx.tx
        .updateTable('account')
        .set({ failed_attempts: sql`failed_attempts + 1` })
        .where('id', '=', account.id)
        .returning(['failed_attempts'])
        .executeTakeFirstOrThrow();
      await ctx.audit({ action: 'session.login_failed', targetType: 'account', targetId: account.id, change: { ip: input.ip, attempt: row.failed_attempts } });
      if (row.failed_attempts < config.lockoutAttempts) return null;
      const until = new Date(Date.now() + config.lockoutMinutes * 60_000);
      await ctx.tx.updateTable('account').set({ failed_attempts: 0, locked_until: until }).where('id', '=', account.id).execute();
      await ctx.audit({ action: 'account.lock', targetType: 'account', targetId: account.id, change: { lockedUntil: until.toISOString(), ip: input.ip } });
      await ctx.emit({
        type: 'identity.account.locked',
        streamType: 'account',
        streamId: account.id,
        payload: { accountId: account.id, lockedUntil: until.toISOString(), ip: input.ip },
      });
      return until;
    });
    if (locked) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: locked.toISOString() });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000);
  await runWrite(db, null, async (ctx) => {
    await ctx.tx.updateTable('account').set({ failed_attempts: 0, locked_until: null, last_login_at: new Date() }).where('id', '=', account.id).execute();
    await ctx.tx
      .insertInto('session')
      .values({
        id: sha256(token),
        account_id: account.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        revoked_at: null,
      })
      .execute();
    await ctx.audit({ action: 'session.login', targetType: 'account', targetId: account.id, change: { ip: input.ip } });
  });
  return { token, csrfToken, expiresAt, accountId: account.id };
}

export type SessionCheck = { state: 'ok'; actor: Actor; csrfToken: string } | { state: 'expired' } | { state: 'none' };

/**
 * Resolve a session cookie. Idle for longer than the idle timeout (30 minutes) or older than the
 * absolute limit (12 hours) and it is over. `last_seen_at` is refreshed at most once a minute.
 * The session and its actor are kept with the process's reference data: signing out, revoking a
 * session, and changing an account, its roles or its staff record say `referenceChanged`, which drops
 * them here and in every other process.
 */
export async function resolveSession(deps: Deps, token: string): Promise<SessionCheck> {
  const id = sha256(token);
  const row = await cachedReference(deps.db, `session:${id}`, () => findSessionActor(deps.db, id));
  if (!row) return { state: 'none' };
  const now = Date.now();
  const idleMs = deps.config.sessionIdleMinutes * 60_000;
  // a timed-out session says so to every request that still carries it (a page fires several at once), not only the first
  if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() + idleMs <= now) {
    if (!row.revoked_at) await deps.db.updateTable('session').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    return { state: 'expired' };
  }
  if (row.revoked_at) return { state: 'none' };
  if (row.status !== 'active') return { state: 'none' };
  if (now - row.last_seen_at.getTime() > 60_000) {
    const seen = new Date();
    await deps.db.updateTable('session').set({ last_seen_at: seen }).where('id', '=', id).execute();
    row.last_seen_at = seen;
  }
  return { state: 'ok', actor: actorFromRow(row, 'session', id), csrfToken: row.csrf_token };
}

/** `Authorization: Bearer ow_<key>` for integrations. */
export async function resolveApiKey(deps: Deps, key: string): Promise<Actor | null> {
  const row = await findApiKeyActor(deps.db, sha256(key));
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= new Date()) || row.status !== 'active') return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await deps.db.updateTable('api_key').set({ last_used_at: new Date() }).where('id', '=', row.key_id).execute();
  }
  return actorFromRow(row, 'api_key');
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  await runWrite(deps.db, actor, async (ctx) => {
    await referenceChanged(ctx.tx);
    await ctx.tx.updateTable('session').set({ revoked_at: new Date() }).where('id', '=', actor.sessionId!).execute();
    await ctx.audit({ action: 'session.logout', targetType: 'account', targetId: actor.accountId, change: {} });
  });
}

/** The actor's live sessions, newest first. Session ids are shown as short handles only. */
export async function listSessions(deps: Deps, actor: Actor) {
  const rows = await deps.db
    .selectFrom('session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('account_id', '=', actor.accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .where('last_seen_at', '>', new Date(Date.now() - deps.config.sessionIdleMinutes * 60_000))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id.slice(0, 16),
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    isCurrent: r.id === actor.sessionId,
  }));
}

/** Revoke one of the actor's own sessions by its handle (server-side sign-out elsewhere). */
export async function revokeSession(deps: Deps, actor: Actor, handle: string): Promise<void> {
  await runWrite(deps.db, actor, async (ctx) => {
    await referenceChanged(ctx.tx);
    const r = await ctx.tx
      .updateTable('session')
      .set({ revoked_at: new Date() })
      .where('account_id', '=', actor.accountId)
      .where(sql`left(id, 16)`, '=', handle)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    await ctx.audit({ action: 'session.revoke', targetType: 'account', targetId: actor.accountId, change: { session: handle } });
  });
}

/** Purge sessions long past their end (scheduled daily). */
export async function purgeSessions(deps: Deps): Promise<number> {
  const r = await deps.db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<', sql<Date>`now() - interval '7 days'`), eb('revoked_at', '<', sql<Date>`now() - interval '7 days'`)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
