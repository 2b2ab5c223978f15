import { sql } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { isValidCreditCode, isValidPhone } from '../../common/validators.ts';
import { organizationPlacement, regionPlacement } from './placement.ts';
import type { OrganizationCreate, OrganizationUpdate } from './org.schemas.ts';
import './org.tables.ts';

function baseQuery(db: Executor) {
  return db
    .selectFrom('organization as o')
    .innerJoin('region as r', 'r.id', 'o.region_id')
    .select([
      'o.id',
      'o.credit_code',
      'o.name',
      'o.short_name',
      'o.kind',
      'o.region_id',
      'r.name as region_name',
      'o.parent_id',
      'o.phone',
      'o.address',
      'o.is_active',
      'o.version',
      sql<number>`(SELECT count(*)::int FROM staff s WHERE s.organization_id = o.id)`.as('staff_count'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toView(r: Row) {
  return {
    id: r.id,
    creditCode: r.credit_code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    regionId: r.region_id,
    regionName: r.region_name,
    parentId: r.parent_id,
    phone: r.phone,
    address: r.address,
    isActive: r.is_active,
    staffCount: r.staff_count,
    version: r.version,
  };
}

/** Organizations within the actor's scope; `regionId` includes the region's whole subtree. */
export async function listOrganizations(db: Db, actor: Actor | null, q: { regionId?: number; q?: string; kind?: string; limit: number; offset: number }) {
  requireAccess(actor, 'org.read');
  let query = baseQuery(db).where(scopeFilter(scopeOf(actor, 'org.read'), 'r.path', 'o.path'));
  if (q.regionId) {
    const place = await regionPlacement(db, q.regionId);
    if (!place) return { items: [], total: 0 };
    query = query.where('r.path', 'like', `${place.regionPath}%`);
  }
  if (q.kind) query = query.where('o.kind', '=', q.kind as Row['kind']);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('o.name', 'like', like), eb('o.short_name', 'like', like), eb('o.credit_code', '=', q.q!.toUpperCase())]));
  }
  const [rows, total] = await Promise.all([
    query.orderBy('r.code').orderBy('o.id').limit(q.limit).offset(q.offset).execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toView), total: total.n };
}

export async function getOrganization(db: Db, actor: Actor | null, id: number) {
  requireAccess(actor, 'org.read', await organizationPlacement(db, id));
  return toView(await baseQuery(db).where('o.id', '=', id).executeTakeFirstOrThrow());
}

function validate(input: { creditCode?: string; phone?: string | null }) {
  if (input.creditCode !== undefined && !isValidCreditCode(input.creditCode)) throw new AppError('INVALID_CREDIT_CODE', { field: 'creditCode' });
  if (input.phone && !isValidPhone(input.phone)) throw new AppError('INVALID_PHONE', { field: 'phone' });
}

/** Add an organization (部门) in a region, optionally under a parent organization. */
export async function createOrganization(ctx: WriteContext, input: OrganizationCreate) {
  await referenceChanged(ctx.tx);
  validate(input);
  const region = await regionPlacement(ctx.tx, input.regionId);
  requireAccess(ctx.actor, 'org.manage', region);
  let parentPath = '/';
  if (input.parentId) {
    const parent = await organizationPlacement(ctx.tx, input.parentId);
    requireAccess(ctx.actor, 'org.manage', parent);
    parentPath = parent!.orgPath!;
  }
  const row = await ctx.tx
    .insertInto('organization')
    .values({
      credit_code: input.creditCode,
      name: input.name.trim(),
      short_name: input.shortName ?? null,
      kind: input.kind,
      region_id: input.regionId,
      parent_id: input.parentId ?? null,
      path: 'pending',
      phone: input.phone ?? null,
      address: input.address ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.tx
    .updateTable('organization')
    .set({ path: `${parentPath}${row.id}/` })
    .where('id', '=', row.id)
    .execute();
  await ctx.audit({ action: 'organization.create', targetType: 'organization', targetId: row.id, change: { ...input } });
  await ctx.emit({
    type: 'org.organization.created',
    streamType: 'organization',
    streamId: row.id,
    payload: { organizationId: row.id, regionId: input.regionId },
  });
  return toView(await baseQuery(ctx.tx).where('o.id', '=', row.id).executeTakeFirstOrThrow());
}

/** Change an organization; `version` guards against overwriting someone else's change. */
export async function updateOrganization(ctx: WriteContext, id: number, input: OrganizationUpdate) {
  await referenceChanged(ctx.tx);
  validate(input);
  requireAccess(ctx.actor, 'org.manage', await organizationPlacement(ctx.tx, id));
  const { version, ...fields } = input;
  const set: Record<string, unknown> = { version: sql`version + 1`, updated_at: new Date() };
  if (fields.name !== undefined) set.name = fields.name.trim();
  if (fields.shortName !== undefined) set.short_name = fields.shortName;
  if (fields.kind !== undefined) set.kind = fields.kind;
  if (fields.phone !== undefined) set.phone = fields.phone;
  if (fields.address !== undefined) set.address = fields.address;
  if (fields.isActive !== undefined) set.is_active = fields.isActive;
  const r = await ctx.tx.updateTable('organization').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: version });
  await ctx.audit({ action: 'organization.update', targetType: 'organization', targetId: id, change: fields });
  return toView(await baseQuery(ctx.tx).where('o.id', '=', id).executeTakeFirstOrThrow());
}
