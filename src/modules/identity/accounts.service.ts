import { sql, type RawBuilder } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { Deps } from '../../server/deps.ts';
import type { Executor } from '../../server/db/database.ts';
import { requireAccess, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { WriteContext } from '../../server/write.ts';
import { randomToken, sha256 } from '../../server/crypto.ts';
import { checkPasswordPolicy, isValidCreditCode, isValidIdCardNumber, isValidPhone, maskIdNumber, maskPhone } from '../../common/validators.ts';
import { roles, type Role, roleGrants, permissions } from '../../common/roles.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findActorByAccount } from './identity.store.ts';
import { actorFromRow } from './sessions.service.ts';
import { applicantKinds } from './identity.tables.ts';

export function assertPassword(password: string, username?: string): void {
  const verdict = checkPasswordPolicy(password, username);
  if (!verdict.ok) throw new AppError('WEAK_PASSWORD', { reasons: verdict.reasons });
}

export interface NewApplicant {
  kind: 'person' | 'enterprise';
  name: string;
  /** ID-card number (person) or unified social credit code (enterprise). */
  idNumber: string;
  phone?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
}

function validateApplicant(input: NewApplicant): void {
  if (input.kind === 'person' && !isValidIdCardNumber(input.idNumber)) throw new AppError('INVALID_ID_NUMBER', { field: 'idNumber' });
  if (input.kind === 'enterprise') {
    if (!isValidCreditCode(input.idNumber)) throw new AppError('INVALID_CREDIT_CODE', { field: 'idNumber' });
    if (!input.legalRepresentative) throw new AppError('VALIDATION_FAILED', { field: 'legalRepresentative', reason: 'required for an enterprise' });
  }
  if (input.phone && !isValidPhone(input.phone)) throw new AppError('INVALID_PHONE', { field: 'phone' });
}

/** Insert an applicant record; ID and phone are encrypted, with a keyed hash for exact lookups. */
export async function insertApplicant(ctx: WriteContext, deps: Pick<Deps, 'cipher'>, input: NewApplicant, accountId: number | null): Promise<number> {
  // an applicant linked to an account changes what that account's sessions know
  if (accountId !== null) await referenceChanged(ctx.tx);
  validateApplicant(input);
  const idNumber = input.idNumber.toUpperCase();
  const row = await ctx.tx
    .insertInto('applicant')
    .values({
      account_id: accountId,
      kind: input.kind,
      name: input.name.trim(),
      id_number_enc: deps.cipher.encrypt(idNumber),
      id_number_hash: deps.cipher.lookupHash(idNumber),
      id_number_mask: maskIdNumber(idNumber),
      phone_enc: input.phone ? deps.cipher.encrypt(input.phone) : null,
      phone_mask: input.phone ? maskPhone(input.phone) : null,
      legal_representative: input.legalRepresentative ?? null,
      address: input.address ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'applicant.create',
    targetType: 'applicant',
    targetId: row.id,
    change: { kind: input.kind, name: input.name, idNumber: maskIdNumber(idNumber), phone: input.phone ? maskPhone(input.phone) : null },
  });
  return row.id;
}

async function insertAccount(
  ctx: WriteContext,
  input: { username: string; password: string; kind: 'staff' | 'applicant' | 'integration'; displayName: string },
): Promise<number> {
  assertPassword(input.password, input.username);
  const taken = await ctx.tx
    .selectFrom('account')
    .select('id')
    .where(sql`lower(username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE', { field: 'username' });
  const row = await ctx.tx
    .insertInto('account')
    .values({
      username: input.username.toLowerCase(),
      password_hash: await hashPassword(input.password),
      kind: input.kind,
      display_name: input.displayName,
      locked_until: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'account.create', targetType: 'account', targetId: row.id, change: { username: input.username, kind: input.kind } });
  return row.id;
}

/** A citizen or enterprise opens an account on the portal (实名注册). */
export async function registerApplicantAccount(ctx: WriteContext, deps: Deps, input: NewApplicant & { username: string; password: string }) {
  await referenceChanged(ctx.tx);
  validateApplicant(input);
  const existing = await ctx.tx
    .selectFrom('applicant')
    .select(['id', 'account_id'])
    .where('kind', '=', input.kind)
    .where('id_number_hash', '=', deps.cipher.lookupHash(input.idNumber.toUpperCase()))
    .executeTakeFirst();
  if (existing?.account_id) throw new AppError('DUPLICATE', { field: 'idNumber' });
  const accountId = await insertAccount(ctx, { username: input.username, password: input.password, kind: 'applicant', displayName: input.name });
  let applicantId: number;
  if (existing) {
    // registered at a window before: the record becomes theirs
    await ctx.tx
      .updateTable('applicant')
      .set({ account_id: accountId, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', existing.id)
      .execute();
    applicantId = existing.id;
  } else {
    applicantId = await insertApplicant(ctx, deps, input, accountId);
  }
  await ctx.tx.insertInto('role_assignment').values({ account_id: accountId, role: 'applicant', region_id: null, organization_id: null }).execute();
  return { accountId, applicantId };
}

export interface NewStaff {
  username: string;
  password: string;
  name: string;
  organizationId: number;
  title?: string | null;
  phone?: string | null;
  roles: { role: Role; regionId?: number | null; organizationId?: number | null }[];
}

/** Create a staff account in an organization with its roles (used by administrators, the CLI and the demo). */
export async function createStaffAccount(ctx: WriteContext, deps: Deps, input: NewStaff): Promise<number> {
  await referenceChanged(ctx.tx);
  if (input.phone && !isValidPhone(input.phone)) throw new AppError('INVALID_PHONE', { field: 'phone' });
  const accountId = await insertAccount(ctx, { username: input.username, password: input.password, kind: 'staff', displayName: input.name });
  await ctx.tx
    .insertInto('staff')
    .values({
      account_id: accountId,
      organization_id: input.organizationId,
      name: input.name,
      title: input.title ?? null,
      phone_enc: input.phone ? deps.cipher.encrypt(input.phone) : null,
      phone_mask: input.phone ? maskPhone(input.phone) : null,
    })
    .execute();
  for (const r of input.roles) await assignRole(ctx, accountId, r);
  return accountId;
}

export async function assignRole(
  ctx: WriteContext,
  accountId: number,
  r: { role: Role; regionId?: number | null; organizationId?: number | null },
): Promise<void> {
  await referenceChanged(ctx.tx);
  if (!roles.includes(r.role) || r.role === 'applicant') throw new AppError('VALIDATION_FAILED', { field: 'role' });
  if (r.regionId && r.organizationId) throw new AppError('VALIDATION_FAILED', { field: 'scope', reason: 'a role has a region or an organization, not both' });
  if (r.role !== 'sys_admin' && !r.regionId && !r.organizationId)
    throw new AppError('VALIDATION_FAILED', { field: 'scope', reason: 'a staff role needs a region or an organization' });
  await ctx.tx
    .insertInto('role_assignment')
    .values({ account_id: accountId, role: r.role, region_id: r.regionId ?? null, organization_id: r.regionId ? null : (r.organizationId ?? null) })
    .execute();
  await ctx.audit({
    action: 'role.assign',
    targetType: 'account',
    targetId: accountId,
    change: { role: r.role, regionId: r.regionId ?? null, organizationId: r.organizationId ?? null },
  });
}

/** Change one's own password: the current one is required, and every other session ends. */
export async function changePassword(ctx: WriteContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  await referenceChanged(ctx.tx);
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const account = await ctx.tx
    .selectFrom('account')
    .select(['password_hash', 'username'])
    .where('id', '=', actor.accountId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) throw new AppError('INVALID_CREDENTIALS', { field: 'currentPassword' });
  assertPassword(input.newPassword, account.username);
  if (input.newPassword === input.currentPassword) throw new AppError('WEAK_PASSWORD', { reasons: ['unchanged'] });
  await ctx.tx
    .updateTable('account')
    .set({ password_hash: await hashPassword(input.newPassword), password_changed_at: new Date(), updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', actor.accountId)
    .execute();
  let revoke = ctx.tx.updateTable('session').set({ revoked_at: new Date() }).where('account_id', '=', actor.accountId).where('revoked_at', 'is', null);
  if (actor.sessionId) revoke = revoke.where('id', '<>', actor.sessionId);
  await revoke.execute();
  await ctx.audit({ action: 'account.password_change', targetType: 'account', targetId: actor.accountId, change: {} });
  await ctx.emit({ type: 'identity.password.changed', streamType: 'account', streamId: actor.accountId, payload: { accountId: actor.accountId } });
}

/** What the signed-in account is, holds and may do: drives the web navigation. */
export async function describeMe(db: Executor, actor: Actor) {
  const roleRows = await db
    .selectFrom('role_assignment as r')
    .leftJoin('region as rg', 'rg.id', 'r.region_id')
    .leftJoin('organization as o', 'o.id', 'r.organization_id')
    .select(['r.role', 'r.region_id', 'rg.name as region_name', 'r.organization_id', 'o.name as organization_name'])
    .where('r.account_id', '=', actor.accountId)
    .orderBy('r.id')
    .execute();
  const applicant = actor.applicantId
    ? await db.selectFrom('applicant').select(['id', 'kind', 'name', 'id_number_mask', 'phone_mask']).where('id', '=', actor.applicantId).executeTakeFirst()
    : undefined;
  const staff = await db
    .selectFrom('staff as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select(['s.organization_id', 'o.name as organization_name', 's.title', 's.phone_mask'])
    .where('s.account_id', '=', actor.accountId)
    .executeTakeFirst();
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    locale: actor.locale,
    roles: roleRows.map((r) => ({
      role: r.role as Role,
      regionId: r.region_id,
      regionName: r.region_name,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
    })),
    permissions: permissions.filter((p) => actor.grants.some((g) => roleGrants(g.role, p))),
    applicant: applicant
      ? { id: applicant.id, kind: applicant.kind, name: applicant.name, idNumber: applicant.id_number_mask, phone: applicant.phone_mask }
      : null,
    staff: staff ? { organizationId: staff.organization_id, organizationName: staff.organization_name, title: staff.title, phone: staff.phone_mask } : null,
  };
}

export async function setLocale(ctx: WriteContext, locale: 'zh-CN' | 'en'): Promise<void> {
  await referenceChanged(ctx.tx);
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  await ctx.tx.updateTable('account').set({ locale, updated_at: new Date() }).where('id', '=', ctx.actor.accountId).execute();
}

export async function loadActor(db: Executor, accountId: number, via: Actor['via'] = 'system'): Promise<Actor> {
  const row = await findActorByAccount(db, accountId);
  if (!row) throw new AppError('NOT_FOUND');
  return actorFromRow(row, via);
}

/** Issue an API key for an integration account; the key is shown once and stored only as a hash. */
export async function createApiKey(ctx: WriteContext, input: { accountId: number; name: string; expiresAt?: string | null }) {
  requireAccess(ctx.actor, 'apikey.manage');
  const account = await ctx.tx.selectFrom('account').select(['id']).where('id', '=', input.accountId).executeTakeFirst();
  if (!account) throw new AppError('NOT_FOUND');
  const key = `ow_${randomToken(30)}`;
  const row = await ctx.tx
    .insertInto('api_key')
    .values({
      account_id: input.accountId,
      name: input.name,
      prefix: key.slice(0, 10),
      key_hash: sha256(key),
      expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
      last_used_at: null,
      revoked_at: null,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'apikey.create',
    targetType: 'api_key',
    targetId: row.id,
    change: { accountId: input.accountId, name: input.name, prefix: key.slice(0, 10) },
  });
  return { id: row.id, key, prefix: key.slice(0, 10), name: input.name, createdAt: row.created_at.toISOString() };
}

/**
 * The name of the applicant table `alias` (null: unaliased) contains `text`: found through the index of the names'
 * characters and pairs of characters (migration 0029) — the text's pairs, or its one character, must all be among
 * the name's — and checked with LIKE, so that a part of a name costs what the applicants who carry it cost, not a
 * read of every name.
 */
export function nameContains(alias: string | null, text: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const chars = [...text];
  const grams = chars.length === 1 ? chars : [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return sql<boolean>`(${column('name_grams')} @> ${grams}::text[] AND ${column('name')} LIKE ${pattern})`;
}

/** Applicants the caller may see: exact ID number (via the keyed hash) or part of a name. */
export async function searchApplicants(deps: Deps, actor: Actor | null, q: { text?: string; idNumber?: string; limit: number }) {
  requireAccess(actor, 'applicant.read');
  let query = deps.db
    .selectFrom('applicant')
    .select(['id', 'kind', 'name', 'id_number_mask', 'phone_mask', 'legal_representative', 'account_id', 'created_at'])
    .orderBy('id', 'desc')
    .limit(q.limit);
  // the unique (kind, hash) index serves a lookup by hash when the kind is named too
  if (q.idNumber) query = query.where('kind', 'in', applicantKinds).where('id_number_hash', '=', deps.cipher.lookupHash(q.idNumber.toUpperCase()));
  if (q.text) query = query.where(nameContains(null, q.text));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    idNumber: r.id_number_mask,
    phone: r.phone_mask,
    legalRepresentative: r.legal_representative,
    hasAccount: r.account_id !== null,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Reveal an applicant's full ID and phone to a clerk who needs them; every reveal is audited. */
export async function revealApplicant(ctx: WriteContext, deps: Deps, applicantId: number) {
  requireAccess(ctx.actor, 'applicant.register');
  const row = await ctx.tx.selectFrom('applicant').select(['id', 'id_number_enc', 'phone_enc']).where('id', '=', applicantId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  // in a chain of its own beside the applicant's: a reveal never holds up a change of the applicant
  await ctx.audit({
    action: 'applicant.reveal',
    targetType: 'applicant',
    targetId: applicantId,
    change: { fields: ['idNumber', 'phone'] },
    stream: `applicant:${applicantId}:reveals`,
  });
  return { idNumber: deps.cipher.decrypt(row.id_number_enc), phone: row.phone_enc ? deps.cipher.decrypt(row.phone_enc) : null };
}
