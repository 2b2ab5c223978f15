import { sql, type RawBuilder } from 'kysely';
import { roleGrants, type Permission, type Role } from '../common/roles.ts';
import { AppError } from './errors.ts';

/** One role the actor holds and the subtree it covers (materialized id paths). */
export interface Grant {
  role: Role;
  regionId: number | null;
  organizationId: number | null;
  regionPath: string | null;
  orgPath: string | null;
}

/** Who is acting: a signed-in account (session or API key) or the public. */
export interface Actor {
  accountId: number;
  username: string;
  kind: 'staff' | 'applicant' | 'integration';
  displayName: string;
  locale: 'zh-CN' | 'en';
  grants: Grant[];
  applicantId: number | null;
  organizationId: number | null;
  /** Region path of the staff member's organization (scopes what they did in the audit trail). */
  orgRegionPath: string | null;
  via: 'session' | 'api_key' | 'system';
  sessionId?: string;
}

/** Where a record sits: the region (and organization) paths it belongs to. */
export interface Placement {
  regionPath: string;
  orgPath?: string | null;
}

export type Scope = { all: true } | { all: false; regionPaths: string[]; orgPaths: string[] };

export function hasPermission(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.grants.some((g) => roleGrants(g.role, permission));
}

export function primaryRole(actor: Actor): Role | null {
  return actor.grants[0]?.role ?? null;
}

/** The union of subtrees in which the actor holds `permission`. */
export function scopeOf(actor: Actor, permission: Permission): Scope {
  const regionPaths: string[] = [];
  const orgPaths: string[] = [];
  for (const g of actor.grants) {
    if (!roleGrants(g.role, permission)) continue;
    // only the system administrator holds a role without a scope; anything else unscoped grants nothing
    if (g.role !== 'sys_admin' && g.regionPath === null && g.orgPath === null) continue;
    if (g.regionPath === null && g.orgPath === null) return { all: true };
    if (g.regionPath) regionPaths.push(g.regionPath);
    if (g.orgPath) orgPaths.push(g.orgPath);
  }
  return { all: false, regionPaths, orgPaths };
}

export function covers(scope: Scope, place: Placement): boolean {
  if (scope.all) return true;
  if (scope.regionPaths.some((p) => place.regionPath.startsWith(p))) return true;
  return !!place.orgPath && scope.orgPaths.some((p) => place.orgPath!.startsWith(p));
}

/**
 * The one access check. Without the permission anywhere: 403. With it, but not over this record:
 * 404, so a caller cannot probe what exists outside their scope.
 */
export function requireAccess(actor: Actor | null | undefined, permission: Permission, place?: Placement | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN', { permission });
  if (place === undefined) return;
  if (place === null || !covers(scopeOf(actor, permission), place)) throw new AppError('NOT_FOUND');
}

/** A SQL condition restricting rows to the actor's scope, given the row's region path and org path columns. */
export function scopeFilter(scope: Scope, regionPathColumn: string, orgPathColumn?: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const parts: RawBuilder<unknown>[] = [];
  for (const p of scope.regionPaths) parts.push(sql`${sql.ref(regionPathColumn)} LIKE ${p + '%'}`);
  if (orgPathColumn) for (const p of scope.orgPaths) parts.push(sql`${sql.ref(orgPathColumn)} LIKE ${p + '%'}`);
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** The platform itself acting (first-run setup, demo data, scheduled jobs): every permission, everywhere. */
export const systemActor: Actor = {
  accountId: 0,
  username: 'system',
  kind: 'staff',
  displayName: 'system',
  locale: 'zh-CN',
  grants: [{ role: 'sys_admin', regionId: null, organizationId: null, regionPath: null, orgPath: null }],
  applicantId: null,
  organizationId: null,
  orgRegionPath: null,
  via: 'system',
};
