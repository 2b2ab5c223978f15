import { sql, type ExpressionBuilder } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { Database, Db, Executor } from '../../server/db/database.ts';
import type { Deps } from '../../server/deps.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { isValidPhone, maskPhone } from '../../common/validators.ts';
import type { Role } from '../../common/roles.ts';
import { assignRole, createStaffAccount } from '../identity/accounts.service.ts';
import { organizationPlacement, regionPlacement } from './placement.ts';
import type { StaffCreate, StaffUpdate } from './org.schemas.ts';
import './org.tables.ts';
import type { StaffTable } from '../identity/identity.tables.ts';
import '../identity/identity.tables.ts';

function staffQuery(db: Executor) {
  return db
    .selectFrom('staff as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .innerJoin('region as r', 'r.id', 'o.region_id')
    .select([
      's.account_id',
      'a.username',
      's.name',
      's.title',
      's.phone_mask',
      's.organization_id',
      'o.name as organization_name',
      'a.status',
      'a.locked_until',
      'a.last_login_at',
      sql<{ id: number; role: string; regionId: number | null; regionName: string | null; organizationId: number | null; organizationName: string | null }[]>`(
        SELECT coalesce(json_agg(json_build_object('id', ra.id, 'role', ra.role, 'regionId', ra.region_id, 'regionName', rg.name,
          'organizationId', ra.organization_id, 'organizationName', og.name) ORDER BY ra.id), '[]'::json)
        FROM role_assignment ra LEFT JOIN region rg ON rg.id = ra.region_id LEFT JOIN organization og ON og.id = ra.organization_id
        WHERE ra.account_id = s.account_id)`.as('roles'),
      sql<{ windowId: number; number: string; name: string; hallName: string; post: 'A' | 'B' }[]>`(
        SELECT coalesce(json_agg(json_build_object('windowId', w.id, 'number', w.number, 'name', w.name, 'hallName', h.name, 'post', ws.post) ORDER BY w.id), '[]'::json)
        FROM window_staff ws JOIN service_window w ON w.id = ws.window_id JOIN hall h ON h.id = w.hall_id
        WHERE ws.account_id = s.account_id)`.as('windows'),
    ]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

const staffView = (s: StaffRow) => ({
  accountId: s.account_id,
  username: s.username,
  name: s.name,
  title: s.title,
  phone: s.phone_mask,
  organizationId: s.organization_id,
  organizationName: s.organization_name,
  status: s.status,
  lockedUntil: s.locked_until && s.locked_until > new Date() ? s.locked_until.toISOString() : null,
  lastLoginAt: s.last_login_at?.toISOString() ?? null,
  roles: s.roles,
  windows: s.windows,
});

/**
 * Holding one of the roles, for the organization asked about when one is (whom a task can be handed to,
 * who can co-sign for a department).
 */
function holdingRole(roles: Role[], organizationId: number | undefined) {
  return ({ exists, selectFrom }: ExpressionBuilder<Database & { s: StaffTable }, 's'>) =>
    exists(
      selectFrom('role_assignment as ra')
        .select('ra.id')
        .whereRef('ra.account_id', '=', 's.account_id')
        .where('ra.role', 'in', roles)
        .$if(organizationId !== undefined, (w) => w.where('ra.organization_id', '=', organizationId!)),
    );
}

/** Staff within the actor's scope; phones are masked. */
export async function listStaff(
  db: Db,
  actor: Actor | null,
  q: { organizationId?: number; roles?: Role[]; active?: boolean; q?: string; limit: number; offset: number },
) {
  requireAccess(actor, 'org.read');
  let query = staffQuery(db).where(scopeFilter(scopeOf(actor, 'org.read'), 'r.path', 'o.path'));
  if (q.organizationId) query = query.where('s.organization_id', '=', q.organizationId);
  if (q.roles?.length) query = query.where(holdingRole(q.roles, q.organizationId));
  if (q.active !== undefined) query = q.active ? query.where('a.status', '=', 'active') : query.where('a.status', '<>', 'active');
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('s.name', 'like', like), eb('a.username', 'like', like.toLowerCase())]));
  }
  const [rows, total] = await Promise.all([
    query.orderBy('s.organization_id').orderBy('s.account_id').limit(q.limit).offset(q.offset).execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(staffView), total: total.n };
}

/**
 * The staff directory: colleagues a staff member may name in their work (a copy of a case, a
 * hand-over) — active staff of the organizations in their own region, the regions above it (a district
 * copies the city's department) and the regions below it, with name, organization and title only. Not
 * an administration list: no user names, phones or roles; a neighbouring district is not listed.
 */
export async function staffDirectory(db: Db, actor: Actor | null, q: { q?: string; organizationId?: number; roles?: Role[]; limit: number }) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || actor.orgRegionPath === null) throw new AppError('FORBIDDEN');
  let query = db
    .selectFrom('staff as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .innerJoin('region as r', 'r.id', 'o.region_id')
    .select(['s.account_id', 's.name', 's.title', 's.organization_id', 'o.name as organization_name'])
    .where('a.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('r.path', 'like', `${actor.orgRegionPath!.replace(/[\\%_]/g, (c) => '\\' + c)}%`),
        // a region above: its path begins the caller's
        sql<boolean>`starts_with(${actor.orgRegionPath}, r.path)`,
      ]),
    );
  if (q.organizationId) query = query.where('s.organization_id', '=', q.organizationId);
  if (q.roles?.length) query = query.where(holdingRole(q.roles, q.organizationId));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('s.name', 'like', like), eb('o.name', 'like', like)]));
  }
  const rows = await query.orderBy('o.path').orderBy('s.account_id').limit(q.limit).execute();
  return rows.map((r) => ({ accountId: r.account_id, name: r.name, title: r.title, organizationId: r.organization_id, organizationName: r.organization_name }));
}

async function staffPlacement(db: Executor, accountId: number) {
  const s = await db.selectFrom('staff').select('organization_id').where('account_id', '=', accountId).executeTakeFirst();
  return s ? organizationPlacement(db, s.organization_id) : null;
}

async function checkRoleScope(ctx: WriteContext, r: { role: Role; regionId?: number | null; organizationId?: number | null }) {
  if (r.role === 'sys_admin') {
    // only a system administrator makes another
    if (!ctx.actor?.grants.some((g) => g.role === 'sys_admin')) throw new AppError('FORBIDDEN', { role: r.role });
    return;
  }
  if (r.regionId) requireAccess(ctx.actor, 'staff.manage', await regionPlacement(ctx.tx, r.regionId));
  else if (r.organizationId) requireAccess(ctx.actor, 'staff.manage', await organizationPlacement(ctx.tx, r.organizationId));
  else throw new AppError('VALIDATION_FAILED', { field: 'roles', reason: 'a role needs a region or an organization' });
}

/** Create a staff account with its roles; every role's scope must lie inside the administrator's own. */
export async function addStaff(ctx: WriteContext, deps: Deps, input: StaffCreate) {
  await referenceChanged(ctx.tx);
  requireAccess(ctx.actor, 'staff.manage', await organizationPlacement(ctx.tx, input.organizationId));
  for (const r of input.roles) await checkRoleScope(ctx, r);
  const accountId = await createStaffAccount(ctx, deps, input);
  return staffView(await staffQuery(ctx.tx).where('s.account_id', '=', accountId).executeTakeFirstOrThrow());
}

export async function updateStaff(ctx: WriteContext, deps: Deps, accountId: number, input: StaffUpdate) {
  await referenceChanged(ctx.tx);
  requireAccess(ctx.actor, 'staff.manage', await staffPlacement(ctx.tx, accountId));
  if (input.phone && !isValidPhone(input.phone)) throw new AppError('INVALID_PHONE', { field: 'phone' });
  const staffSet: Record<string, unknown> = {};
  if (input.name !== undefined) staffSet.name = input.name;
  if (input.title !== undefined) staffSet.title = input.title;
  if (input.phone !== undefined) {
    staffSet.phone_enc = input.phone ? deps.cipher.encrypt(input.phone) : null;
    staffSet.phone_mask = input.phone ? maskPhone(input.phone) : null;
  }
  if (Object.keys(staffSet).length) await ctx.tx.updateTable('staff').set(staffSet).where('account_id', '=', accountId).execute();
  const accountSet: Record<string, unknown> = {};
  if (input.name !== undefined) accountSet.display_name = input.name;
  if (input.status !== undefined) accountSet.status = input.status;
  if (input.unlock) Object.assign(accountSet, { locked_until: null, failed_attempts: 0 });
  if (Object.keys(accountSet).length) {
    await ctx.tx
      .updateTable('account')
      .set({ ...accountSet, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', accountId)
      .execute();
  }
  if (input.status === 'disabled')
    await ctx.tx.updateTable('session').set({ revoked_at: new Date() }).where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
  await ctx.audit({
    action: 'staff.update',
    targetType: 'account',
    targetId: accountId,
    change: { ...input, phone: input.phone ? maskPhone(input.phone) : input.phone },
  });
  return staffView(await staffQuery(ctx.tx).where('s.account_id', '=', accountId).executeTakeFirstOrThrow());
}

export async function addStaffRole(ctx: WriteContext, accountId: number, r: { role: Role; regionId?: number | null; organizationId?: number | null }) {
  await referenceChanged(ctx.tx);
  requireAccess(ctx.actor, 'staff.manage', await staffPlacement(ctx.tx, accountId));
  await checkRoleScope(ctx, r);
  await assignRole(ctx, accountId, r);
  return staffView(await staffQuery(ctx.tx).where('s.account_id', '=', accountId).executeTakeFirstOrThrow());
}

export async function removeStaffRole(ctx: WriteContext, accountId: number, roleId: number) {
  await referenceChanged(ctx.tx);
  requireAccess(ctx.actor, 'staff.manage', await staffPlacement(ctx.tx, accountId));
  const row = await ctx.tx.selectFrom('role_assignment').selectAll().where('id', '=', roleId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await checkRoleScope(ctx, { role: row.role as Role, regionId: row.region_id, organizationId: row.organization_id });
  await ctx.tx.deleteFrom('role_assignment').where('id', '=', roleId).execute();
  await ctx.audit({
    action: 'role.remove',
    targetType: 'account',
    targetId: accountId,
    change: { role: row.role, regionId: row.region_id, organizationId: row.organization_id },
  });
  return staffView(await staffQuery(ctx.tx).where('s.account_id', '=', accountId).executeTakeFirstOrThrow());
}
