import { roleGrants, type Permission, type Role } from '../../common/roles.ts';
import type { Me } from '../api/types.ts';

/**
 * Which regions the account may act on with a permission, as the server decides it: everywhere, or
 * the subtrees of the regions its roles are scoped to. Organization-scoped roles cannot be placed on
 * the region tree here; such accounts get `unknown` and the server answers each action.
 */
export type RegionScope = { kind: 'all' } | { kind: 'regions'; ids: number[] } | { kind: 'unknown' } | { kind: 'none' };

export function regionScope(me: Me | null | undefined, permission: Permission): RegionScope {
  if (!me) return { kind: 'none' };
  const grants = me.roles.filter((r) => roleGrants(r.role as Role, permission));
  if (grants.length === 0) return { kind: 'none' };
  if (grants.some((g) => g.regionId === null && g.organizationId === null)) return { kind: 'all' };
  if (grants.some((g) => g.regionId === null)) return { kind: 'unknown' };
  return { kind: 'regions', ids: grants.map((g) => g.regionId!) };
}

/** Whether a region (by its id path, `/1/4/`) lies in the scope. */
export function inScope(scope: RegionScope, regionPath: string | undefined): boolean {
  if (scope.kind === 'all' || scope.kind === 'unknown') return true;
  if (scope.kind === 'none' || !regionPath) return false;
  return scope.ids.some((id) => regionPath.includes(`/${id}/`));
}
