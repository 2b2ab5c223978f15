import { sql } from 'kysely';
import type { Deps } from '../../server/deps.ts';
import type { Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import './identity.tables.ts';

function ownApplicant(actor: Actor | null): number {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.applicantId) throw new AppError('FORBIDDEN', { reason: 'only an applicant account has agents' });
  return actor.applicantId;
}

/**
 * 代办: an applicant authorizes another registered applicant (found by exact ID number or credit
 * code) to apply on their behalf until a date or until revoked.
 */
export async function authorizeAgent(ctx: WriteContext, deps: Deps, input: { kind: 'person' | 'enterprise'; idNumber: string; validUntil?: string | null }) {
  const principal = ownApplicant(ctx.actor);
  const agent = await ctx.tx
    .selectFrom('applicant')
    .select(['id', 'name', 'account_id'])
    .where('kind', '=', input.kind)
    .where('id_number_hash', '=', deps.cipher.lookupHash(input.idNumber.toUpperCase()))
    .executeTakeFirst();
  if (!agent || !agent.account_id) throw new AppError('NOT_FOUND', { reason: 'the agent must have a registered account' });
  if (agent.id === principal) throw new AppError('VALIDATION_FAILED', { field: 'idNumber', reason: 'cannot authorize yourself' });
  if (input.validUntil && input.validUntil < new Date().toISOString().slice(0, 10))
    throw new AppError('VALIDATION_FAILED', { field: 'validUntil', reason: 'in the past' });
  const row = await ctx.tx
    .insertInto('agent_authorization')
    .values({ agent_applicant_id: agent.id, principal_applicant_id: principal, valid_until: input.validUntil ?? null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'agent.authorize',
    targetType: 'applicant',
    targetId: principal,
    change: { agentApplicantId: agent.id, validUntil: input.validUntil ?? null },
  });
  await ctx.emit({
    type: 'identity.agent.authorized',
    streamType: 'applicant',
    streamId: principal,
    payload: { principalApplicantId: principal, agentApplicantId: agent.id, agentAccountId: agent.account_id },
  });
  return { id: row.id };
}

export async function revokeAgent(ctx: WriteContext, authorizationId: number) {
  const principal = ownApplicant(ctx.actor);
  const r = await ctx.tx
    .updateTable('agent_authorization')
    .set({ revoked_at: new Date() })
    .where('id', '=', authorizationId)
    .where('principal_applicant_id', '=', principal)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
  await ctx.audit({ action: 'agent.revoke', targetType: 'applicant', targetId: principal, change: { authorizationId } });
}

/** Both directions: the agents I authorized, and the principals I may act for. */
export async function listAgents(db: Executor, actor: Actor | null) {
  const me = ownApplicant(actor);
  const rows = await db
    .selectFrom('agent_authorization as g')
    .innerJoin('applicant as agent', 'agent.id', 'g.agent_applicant_id')
    .innerJoin('applicant as principal', 'principal.id', 'g.principal_applicant_id')
    .select([
      'g.id',
      'g.valid_until',
      'g.created_at',
      'g.agent_applicant_id',
      'agent.name as agent_name',
      'agent.id_number_mask as agent_id_mask',
      'g.principal_applicant_id',
      'principal.name as principal_name',
      'principal.id_number_mask as principal_id_mask',
    ])
    .where('g.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('g.agent_applicant_id', '=', me), eb('g.principal_applicant_id', '=', me)]))
    .where((eb) => eb.or([eb('g.valid_until', 'is', null), eb('g.valid_until', '>=', sql<string>`current_date`)]))
    .orderBy('g.id', 'desc')
    .execute();
  const view = (r: (typeof rows)[number]) => ({
    id: r.id,
    validUntil: r.valid_until,
    createdAt: r.created_at.toISOString(),
    agent: { applicantId: r.agent_applicant_id, name: r.agent_name, idNumber: r.agent_id_mask },
    principal: { applicantId: r.principal_applicant_id, name: r.principal_name, idNumber: r.principal_id_mask },
  });
  return {
    myAgents: rows.filter((r) => r.principal_applicant_id === me).map(view),
    actingFor: rows.filter((r) => r.agent_applicant_id === me).map(view),
  };
}

/** Whether an applicant may act for another now (themselves, or by a live authorization). Used by intake. */
export async function mayActFor(db: Executor, agentApplicantId: number, principalApplicantId: number): Promise<boolean> {
  if (agentApplicantId === principalApplicantId) return true;
  const row = await db
    .selectFrom('agent_authorization')
    .select('id')
    .where('agent_applicant_id', '=', agentApplicantId)
    .where('principal_applicant_id', '=', principalApplicantId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', sql<string>`current_date`)]))
    .executeTakeFirst();
  return !!row;
}
