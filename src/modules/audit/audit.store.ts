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

/** Names a module's records by what people know them as (a case by its number), by id; the ids it does not know are left out. */
export type AuditTargetLabeler = (db: Db, ids: string[]) => Promise<Map<string, string>>;
const labelers = new Map<string, AuditTargetLabeler>();

/** How the audit trail names the records of one target type where its id says little (`办件 #1`); set at startup. */
export function labelAuditTargets(targetType: string, labeler: AuditTargetLabeler): void {
  labelers.set(targetType, labeler);
}

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
  // the page's targets by name, one read per target type that has a labeler
  const labels = new Map<string, Map<string, string>>();
  for (const type of new Set(rows.map((r) => r.target_type))) {
    const labeler = labelers.get(type);
    if (labeler) labels.set(type, await labeler(db, [...new Set(rows.filter((r) => r.target_type === type).map((r) => r.target_id))]));
  }
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
      /** what people know the target as (a case's number), where its type has a name for it */
      targetLabel: labels.get(r.target_type)?.get(r.target_id) ?? null,
      requestId: r.request_id,
      change: r.change,
      hash: r.hash,
    })),
  };
}
