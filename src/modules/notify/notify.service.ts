import { sql } from 'kysely';
import type { Db, Tx } from '../../server/db/database.ts';
import type { Actor } from '../../server/access.ts';
import { requireAccess, scopeFilter, scopeOf } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import './notify.tables.ts';

export type Localized = { 'zh-CN': string; en: string };

/** Put a message in an account's in-app message center, once per event and kind. */
export async function deliverInApp(
  tx: Tx,
  m: { accountId: number; eventId: number | null; kind: string; title: Localized; body: Localized; link?: string | null },
): Promise<void> {
  await tx
    .insertInto('message')
    .values({
      account_id: m.accountId,
      event_id: m.eventId,
      kind: m.kind,
      title: JSON.stringify(m.title),
      body: JSON.stringify(m.body),
      link: m.link ?? null,
      read_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listMessages(db: Db, actor: Actor, q: { unreadOnly: boolean; limit: number; offset: number }) {
  let query = db.selectFrom('message').where('account_id', '=', actor.accountId);
  if (q.unreadOnly) query = query.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    query.select(['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at']).orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    unreadCount(db, actor),
  ]);
  return {
    total: total.n,
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title as Localized,
      body: r.body as Localized,
      link: r.link,
      readAt: r.read_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const r = await db
    .selectFrom('message')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('account_id', '=', actor.accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Mark some (or all) of the actor's own messages as read. */
export async function markRead(tx: Tx, actor: Actor, ids: number[] | 'all'): Promise<number> {
  let q = tx.updateTable('message').set({ read_at: new Date() }).where('account_id', '=', actor.accountId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'ids' });
    q = q.where('id', 'in', ids);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** What would have gone out by SMS or e-mail (development channel log), newest first. */
export async function listChannelDeliveries(db: Db, actor: Actor | null, q: { channel?: 'sms' | 'email'; limit: number; offset: number }) {
  requireAccess(actor, 'notify.devlog');
  // recipients who are staff of organizations in the reader's scope
  let query = db
    .selectFrom('channel_delivery as d')
    .leftJoin('account as a', 'a.id', 'd.account_id')
    .leftJoin('staff as s', 's.account_id', 'd.account_id')
    .leftJoin('organization as o', 'o.id', 's.organization_id')
    .leftJoin('region as r', 'r.id', 'o.region_id')
    .where(scopeFilter(scopeOf(actor, 'notify.devlog'), 'r.path', 'o.path'));
  if (q.channel) query = query.where('d.channel', '=', q.channel);
  const [rows, total] = await Promise.all([
    query
      .select(['d.id', 'd.channel', 'd.recipient_mask', 'd.body', 'd.status', 'd.created_at', 'a.display_name'])
      .orderBy('d.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      recipient: r.recipient_mask,
      accountName: r.display_name,
      body: r.body,
      status: r.status,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
