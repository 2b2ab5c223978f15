import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { isValidPhone } from '../../common/validators.ts';
import { hallPlacement, organizationPlacement } from './placement.ts';
import type { HallCreate, HallUpdate, WindowCreate, WindowUpdate } from './org.schemas.ts';
import './org.tables.ts';
import '../identity/identity.tables.ts';

function hallQuery(db: Executor) {
  return db
    .selectFrom('hall as h')
    .innerJoin('organization as o', 'o.id', 'h.organization_id')
    .innerJoin('region as r', 'r.id', 'h.region_id')
    .select([
      'h.id',
      'h.name',
      'h.organization_id',
      'o.name as organization_name',
      'h.region_id',
      'r.name as region_name',
      'h.address',
      'h.phone',
      'h.opening_hours',
      'h.is_active',
      'h.version',
      sql<number>`(SELECT count(*)::int FROM service_window w WHERE w.hall_id = h.id)`.as('window_count'),
    ]);
}

type HallRow = Awaited<ReturnType<ReturnType<typeof hallQuery>['executeTakeFirstOrThrow']>>;

const hallView = (h: HallRow) => ({
  id: h.id,
  name: h.name,
  organizationId: h.organization_id,
  organizationName: h.organization_name,
  regionId: h.region_id,
  regionName: h.region_name,
  address: h.address,
  phone: h.phone,
  openingHours: h.opening_hours,
  isActive: h.is_active,
  windowCount: h.window_count,
  version: h.version,
});

export async function listHalls(db: Db, actor: Actor | null) {
  requireAccess(actor, 'org.read');
  const rows = await hallQuery(db)
    .where(scopeFilter(scopeOf(actor, 'org.read'), 'r.path', 'o.path'))
    .orderBy('h.id')
    .execute();
  return rows.map(hallView);
}

export async function getHall(db: Db, actor: Actor | null, id: number) {
  requireAccess(actor, 'org.read', await hallPlacement(db, id));
  return hallView(await hallQuery(db).where('h.id', '=', id).executeTakeFirstOrThrow());
}

/** A hall (大厅) belongs to the organization that runs it and sits in that organization's region. */
export async function createHall(ctx: WriteContext, input: HallCreate) {
  if (input.phone && !isValidPhone(input.phone)) throw new AppError('INVALID_PHONE', { field: 'phone' });
  const place = await organizationPlacement(ctx.tx, input.organizationId);
  requireAccess(ctx.actor, 'org.manage', place);
  const org = await ctx.tx.selectFrom('organization').select('region_id').where('id', '=', input.organizationId).executeTakeFirstOrThrow();
  const row = await ctx.tx
    .insertInto('hall')
    .values({
      name: input.name,
      organization_id: input.organizationId,
      region_id: org.region_id,
      address: input.address ?? null,
      phone: input.phone ?? null,
      opening_hours: input.openingHours ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'hall.create', targetType: 'hall', targetId: row.id, change: { ...input } });
  return hallView(await hallQuery(ctx.tx).where('h.id', '=', row.id).executeTakeFirstOrThrow());
}

export async function updateHall(ctx: WriteContext, id: number, input: HallUpdate) {
  if (input.phone && !isValidPhone(input.phone)) throw new AppError('INVALID_PHONE', { field: 'phone' });
  requireAccess(ctx.actor, 'org.manage', await hallPlacement(ctx.tx, id));
  const { version, ...fields } = input;
  const set: Record<string, unknown> = { version: sql`version + 1`, updated_at: new Date() };
  if (fields.name !== undefined) set.name = fields.name;
  if (fields.address !== undefined) set.address = fields.address;
  if (fields.phone !== undefined) set.phone = fields.phone;
  if (fields.openingHours !== undefined) set.opening_hours = fields.openingHours;
  if (fields.isActive !== undefined) set.is_active = fields.isActive;
  const r = await ctx.tx.updateTable('hall').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: version });
  await ctx.audit({ action: 'hall.update', targetType: 'hall', targetId: id, change: fields });
  return hallView(await hallQuery(ctx.tx).where('h.id', '=', id).executeTakeFirstOrThrow());
}

function windowQuery(db: Executor) {
  return db
    .selectFrom('service_window as w')
    .leftJoin('organization as o', 'o.id', 'w.organization_id')
    .select([
      'w.id',
      'w.hall_id',
      'w.number',
      'w.name',
      'w.kind',
      'w.organization_id',
      'o.name as organization_name',
      'w.categories',
      'w.is_active',
      'w.version',
      sql<{ post: 'A' | 'B'; accountId: number; name: string }[]>`(
        SELECT coalesce(json_agg(json_build_object('post', ws.post, 'accountId', ws.account_id, 'name', a.display_name) ORDER BY ws.post), '[]'::json)
        FROM window_staff ws JOIN account a ON a.id = ws.account_id WHERE ws.window_id = w.id)`.as('staff'),
    ]);
}

type WindowRow = Awaited<ReturnType<ReturnType<typeof windowQuery>['executeTakeFirstOrThrow']>>;

const windowView = (w: WindowRow) => ({
  id: w.id,
  hallId: w.hall_id,
  number: w.number,
  name: w.name,
  kind: w.kind,
  organizationId: w.organization_id,
  organizationName: w.organization_name,
  categories: w.categories,
  isActive: w.is_active,
  staff: w.staff,
  version: w.version,
});

export async function listWindows(db: Db, actor: Actor | null, hallId: number) {
  requireAccess(actor, 'org.read', await hallPlacement(db, hallId));
  const rows = await windowQuery(db)
    .where('w.hall_id', '=', hallId)
    .orderBy(sql`length(w.number)`)
    .orderBy('w.number')
    .execute();
  return rows.map(windowView);
}

async function windowHall(ctx: WriteContext, windowId: number) {
  const w = await ctx.tx.selectFrom('service_window').select(['hall_id']).where('id', '=', windowId).executeTakeFirst();
  requireAccess(ctx.actor, 'org.manage', w ? await hallPlacement(ctx.tx, w.hall_id) : null);
  return w!.hall_id;
}

async function checkWindowOrg(ctx: WriteContext, kind: 'comprehensive' | 'department', organizationId: number | null | undefined) {
  if (kind === 'department' && !organizationId)
    throw new AppError('VALIDATION_FAILED', { field: 'organizationId', reason: 'a department window belongs to a department' });
  if (organizationId) requireAccess(ctx.actor, 'org.read', await organizationPlacement(ctx.tx, organizationId));
}

/** Add a window to a hall: comprehensive (综合窗口) or a department's own window, with the business categories it serves. */
export async function createWindow(ctx: WriteContext, input: WindowCreate) {
  requireAccess(ctx.actor, 'org.manage', await hallPlacement(ctx.tx, input.hallId));
  await checkWindowOrg(ctx, input.kind, input.organizationId);
  const row = await ctx.tx
    .insertInto('service_window')
    .values({
      hall_id: input.hallId,
      number: input.number,
      name: input.name,
      kind: input.kind,
      organization_id: input.organizationId ?? null,
      categories: input.categories ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'window.create', targetType: 'window', targetId: row.id, change: { ...input } });
  return windowView(await windowQuery(ctx.tx).where('w.id', '=', row.id).executeTakeFirstOrThrow());
}

export async function updateWindow(ctx: WriteContext, id: number, input: WindowUpdate) {
  await windowHall(ctx, id);
  const current = await ctx.tx.selectFrom('service_window').select(['kind', 'organization_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const { version, ...fields } = input;
  const kind = fields.kind ?? current.kind;
  const org = fields.organizationId !== undefined ? fields.organizationId : current.organization_id;
  await checkWindowOrg(ctx, kind, org);
  const set: Record<string, unknown> = { version: sql`version + 1`, updated_at: new Date() };
  if (fields.name !== undefined) set.name = fields.name;
  if (fields.kind !== undefined) set.kind = fields.kind;
  if (fields.organizationId !== undefined) set.organization_id = fields.organizationId;
  if (fields.categories !== undefined) set.categories = fields.categories;
  if (fields.isActive !== undefined) set.is_active = fields.isActive;
  const r = await ctx.tx.updateTable('service_window').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: version });
  await ctx.audit({ action: 'window.update', targetType: 'window', targetId: id, change: fields });
  return windowView(await windowQuery(ctx.tx).where('w.id', '=', id).executeTakeFirstOrThrow());
}

/** Put a staff member on a window's A post or B post (岗位), or clear the post with `accountId: null`. */
export async function assignWindowStaff(ctx: WriteContext, windowId: number, input: { post: 'A' | 'B'; accountId: number | null }) {
  const hallId = await windowHall(ctx, windowId);
  if (input.accountId !== null) {
    const staff = await ctx.tx.selectFrom('staff').select(['organization_id']).where('account_id', '=', input.accountId).executeTakeFirst();
    if (!staff) throw new AppError('VALIDATION_FAILED', { field: 'accountId', reason: 'not a staff account' });
    requireAccess(ctx.actor, 'org.manage', await organizationPlacement(ctx.tx, staff.organization_id));
  }
  await ctx.tx.deleteFrom('window_staff').where('window_id', '=', windowId).where('post', '=', input.post).execute();
  if (input.accountId !== null) {
    await ctx.tx.insertInto('window_staff').values({ window_id: windowId, account_id: input.accountId, post: input.post }).execute();
    const w = await ctx.tx
      .selectFrom('service_window as w')
      .innerJoin('hall as h', 'h.id', 'w.hall_id')
      .select(['w.number', 'h.name as hall_name'])
      .where('w.id', '=', windowId)
      .executeTakeFirstOrThrow();
    await ctx.emit({
      type: 'org.window.staff_assigned',
      streamType: 'window',
      streamId: windowId,
      payload: { windowId, hallId, accountId: input.accountId, post: input.post, windowNumber: w.number, hallName: w.hall_name },
    });
  }
  await ctx.tx
    .updateTable('service_window')
    .set({ version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', windowId)
    .execute();
  await ctx.audit({ action: 'window.staff', targetType: 'window', targetId: windowId, change: input });
  return windowView(await windowQuery(ctx.tx).where('w.id', '=', windowId).executeTakeFirstOrThrow());
}
