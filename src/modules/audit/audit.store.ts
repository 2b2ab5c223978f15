import { scopeFilter, type Scope } from '../../server/access.ts';
import type { Db } from '../../server/db/database.ts';
import { cappedListPage } from '../../server/db/paging.ts';
import './audit.tables.ts';
import '../identity/identity.tables.ts';

/**
 * How far the audit list counts its entries: a city's trail grows by millions a year, and counting them all at every
 * page would cost what the whole trail costs; past this the page says `totalCapped`.
 */
export const auditCountLimit = 10_000;

/** Entries newest first; outside a global scope, only what staff of organizations in the scope did. */
export async function listAuditEntries(
  db: Db,
  scope: Scope,
  q: { targetType?: string; targetId?: string; actorId?: number; action?: string; limit: number; offset: number },
) {
  let query = db.selectFrom('audit_entry as e').where(scopeFilter(scope, 'e.scope_path'));
  // a target's entries are its own chain (stream = type:id), found through the chain's index
  if (q.targetType && q.targetId) query = query.where('e.stream', '=', `${q.targetType}:${q.targetId}`);
  if (q.targetType) query = query.where('e.target_type', '=', q.targetType);
  if (q.targetId) query = query.where('e.target_id', '=', q.targetId);
  if (q.actorId) query = query.where('e.actor_id', '=', q.actorId);
  if (q.action) query = query.where('e.action', 'like', `${q.action.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  const page = await cappedListPage(
    db,
    query,
    q,
    (query) =>
      query
        .leftJoin('account as a', 'a.id', 'e.actor_id')
        .select([
          'e.id',
          'e.at',
          'e.actor_id',
          'a.display_name',
          'e.actor_role',
          'e.action',
          'e.target_type',
          'e.target_id',
          'e.request_id',
          'e.change',
          'e.hash',
        ])
        .orderBy('e.id', 'desc'),
    (r) => r,
    auditCountLimit,
  );
  const rows = page.items;
  return {
    total: page.total,
    totalCapped: page.totalCapped,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.display_name,
      actorRole: r.actor_role,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      requestId: r.request_id,
      change: r.change,
      hash: r.hash,
    })),
  };
}
