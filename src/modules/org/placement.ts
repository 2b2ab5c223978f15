import type { Executor } from '../../server/db/database.ts';
import { cachedReference } from '../../server/db/reference-cache.ts';
import type { Placement, Scope } from '../../server/access.ts';
import './org.tables.ts';

/** A region's code, name and path, kept with the process's reference data (region writers say `referenceChanged`). */
export function regionById(db: Executor, regionId: number): Promise<{ code: string; name: string; path: string } | undefined> {
  return cachedReference(db, `region:${regionId}`, () =>
    db.selectFrom('region').select(['code', 'name', 'path']).where('id', '=', regionId).executeTakeFirst(),
  );
}

/** A region that must exist. */
export async function requireRegion(db: Executor, regionId: number): Promise<{ code: string; name: string; path: string }> {
  const r = await regionById(db, regionId);
  if (!r) throw new Error(`region ${regionId} does not exist`);
  return r;
}

/** Where a region sits, for scope checks. */
export async function regionPlacement(db: Executor, regionId: number): Promise<Placement | null> {
  const r = await regionById(db, regionId);
  return r ? { regionPath: r.path } : null;
}

export async function organizationPlacement(db: Executor, organizationId: number): Promise<Placement | null> {
  const r = await db
    .selectFrom('organization as o')
    .innerJoin('region as r', 'r.id', 'o.region_id')
    .select(['r.path as region_path', 'o.path as org_path'])
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
  return r ? { regionPath: r.region_path, orgPath: r.org_path } : null;
}

export async function hallPlacement(db: Executor, hallId: number): Promise<Placement | null> {
  const r = await db
    .selectFrom('hall as h')
    .innerJoin('region as r', 'r.id', 'h.region_id')
    .innerJoin('organization as o', 'o.id', 'h.organization_id')
    .select(['r.path as region_path', 'o.path as org_path'])
    .where('h.id', '=', hallId)
    .executeTakeFirst();
  return r ? { regionPath: r.region_path, orgPath: r.org_path } : null;
}

/**
 * The regions and organizations a scope covers, by id — each path prefix with everything below it — kept with
 * the process's reference data (region and organization writers say `referenceChanged`). A filter on a large
 * table by these ids is planned from the table's own statistics, where one on the joined paths is planned from
 * a guess at how many paths a prefix matches (and a city's cases were sorted whole to show twenty of them).
 */
export function scopeIds(db: Executor, scope: Scope): Promise<{ all: true } | { all: false; regionIds: number[]; orgIds: number[] }> {
  if (scope.all) return Promise.resolve({ all: true });
  const { regionPaths, orgPaths } = scope;
  return cachedReference(db, `scope-ids:${regionPaths.join(',')}|${orgPaths.join(',')}`, async () => {
    const under = (table: 'region' | 'organization', paths: string[]) =>
      paths.length === 0
        ? Promise.resolve([] as number[])
        : db
            .selectFrom(table)
            .select('id')
            .where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p.replace(/[\\%_]/g, (c) => '\\' + c)}%`))))
            .orderBy('id')
            .execute()
            .then((rows) => rows.map((r) => r.id));
    const [regionIds, orgIds] = await Promise.all([under('region', regionPaths), under('organization', orgPaths)]);
    return { all: false as const, regionIds, orgIds };
  });
}
