import { sql } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { Db } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { regionPlacement } from './placement.ts';
import type { RegionLevel } from './org.tables.ts';
import './org.tables.ts';

const childLevel: Record<RegionLevel, RegionLevel | null> = { city: 'district', district: 'street', street: 'community', community: null };

/**
 * The code of a child must extend its parent's significant digits (GB/T 2260: city 4, district 6,
 * street 9, community 12), so the code itself tells where a region sits.
 */
const significantDigits: Record<RegionLevel, number> = { city: 4, district: 6, street: 9, community: 12 };

function toView(r: { id: number; code: string; name: string; level: RegionLevel; parent_id: number | null; version: number }) {
  return { id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, version: r.version };
}

/** The whole region tree (public data: the portal's region pickers use it), with organization counts. */
export async function listRegionTree(db: Db) {
  const rows = await db
    .selectFrom('region as r')
    .select([
      'r.id',
      'r.code',
      'r.name',
      'r.level',
      'r.parent_id',
      'r.version',
      sql<number>`(SELECT count(*)::int FROM organization o WHERE o.region_id = r.id)`.as('organization_count'),
    ])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    organizationCount: r.organization_count,
    version: r.version,
  }));
}

/** Add a region below a parent (行政区划 调整). */
export async function createRegion(ctx: WriteContext, input: { code: string; name: string; parentId?: number | null }) {
  await referenceChanged(ctx.tx);
  if (!input.parentId) {
    // a new root city: only a system administrator
    if (!ctx.actor?.grants.some((g) => g.role === 'sys_admin')) throw new AppError('FORBIDDEN', { reason: 'only a system administrator adds a city' });
    const id = await createCity(ctx, { code: input.code, name: input.name });
    return toView(
      await ctx.tx.selectFrom('region').select(['id', 'code', 'name', 'level', 'parent_id', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    );
  }
  const parent = await ctx.tx.selectFrom('region').selectAll().where('id', '=', input.parentId).executeTakeFirst();
  requireAccess(ctx.actor, 'org.manage', parent ? { regionPath: parent.path } : null);
  const level = childLevel[parent!.level];
  if (!level) throw new AppError('VALIDATION_FAILED', { field: 'parentId', reason: 'a community has no sub-regions' });
  const prefixLength = significantDigits[parent!.level];
  if (input.code.slice(0, prefixLength) !== parent!.code.slice(0, prefixLength) || input.code === parent!.code) {
    throw new AppError('VALIDATION_FAILED', { field: 'code', reason: `must start with ${parent!.code.slice(0, prefixLength)}` });
  }
  const row = await ctx.tx
    .insertInto('region')
    .values({ code: input.code, name: input.name, level, parent_id: parent!.id, path: 'pending' })
    .returning(['id', 'code', 'name', 'level', 'parent_id', 'version'])
    .executeTakeFirstOrThrow();
  await ctx.tx
    .updateTable('region')
    .set({ path: `${parent!.path}${row.id}/` })
    .where('id', '=', row.id)
    .execute();
  await ctx.audit({ action: 'region.create', targetType: 'region', targetId: row.id, change: { code: input.code, name: input.name, parentId: parent!.id } });
  return toView(row);
}

export async function renameRegion(ctx: WriteContext, id: number, input: { name: string; version: number }) {
  await referenceChanged(ctx.tx);
  requireAccess(ctx.actor, 'org.manage', await regionPlacement(ctx.tx, id));
  const row = await ctx.tx
    .updateTable('region')
    .set({ name: input.name, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning(['id', 'code', 'name', 'level', 'parent_id', 'version'])
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { expectedVersion: input.version });
  await ctx.audit({ action: 'region.update', targetType: 'region', targetId: id, change: { name: input.name } });
  return toView(row);
}

/** Create the root city (first-run setup and the demo). */
export async function createCity(ctx: WriteContext, input: { code: string; name: string }) {
  await referenceChanged(ctx.tx);
  const row = await ctx.tx
    .insertInto('region')
    .values({ code: input.code, name: input.name, level: 'city', parent_id: null, path: 'pending' })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await ctx.tx
    .updateTable('region')
    .set({ path: `/${row.id}/` })
    .where('id', '=', row.id)
    .execute();
  await ctx.audit({ action: 'region.create', targetType: 'region', targetId: row.id, change: input });
  return row.id;
}
