import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { hasPermission, scopeOf, type Actor } from '../../server/access.ts';
import { listPage } from '../../server/db/paging.ts';
import { periodEnd } from '../calendar/calendar.store.ts';
import { commitmentCheckPeriod, type ItemContent } from '../catalog/catalog.schemas.ts';
import { loadCase, recordCaseEvent, updateCase, type CaseRow } from './case-core.ts';
import { issueCommitmentLetter, issueRevocationDecision } from './documents.ts';
import { maskPersonName } from '../../common/validators.ts';
import { requireCaseRead } from './cases.queries.ts';
import './cases.tables.ts';

/**
 * 告知承诺制 (approval by written commitment): where the item allows it, an applicant is told the item's conditions
 * and commits in writing that they meet them. The department decides without substantive review — the case's
 * review stages are not run (workflow.ts) — and checks on site after the grant (事后核查) within the item's period;
 * a commitment found false revokes the grant and its license (撤销).
 */

/** Whether an application may go by commitment: only where the item's version allows it. */
export function requireCommitmentAllowed(c: ItemContent, requested: boolean | undefined): boolean {
  if (!requested) return false;
  if (!c.commitmentApproval)
    throw new AppError('VALIDATION_FAILED', { field: 'commitment', reason: 'this item is not approved by written commitment (告知承诺制)' });
  return true;
}

/** At filing: the written commitment, as a document of the case. */
export async function recordCommitment(ctx: WriteContext, kase: CaseRow, c: ItemContent): Promise<void> {
  await issueCommitmentLetter(ctx, kase, c, commitmentCheckPeriod(c));
}

/**
 * At a decision on a case by commitment: a grant opens the department's check (a grant made again after a return
 * starts its period again); a denial leaves nothing to check.
 */
export async function onCommitmentDecided(ctx: WriteContext, kase: CaseRow, c: ItemContent): Promise<void> {
  if (!kase.by_commitment) return;
  if (kase.decision === 'denied') {
    await ctx.tx.deleteFrom('commitment_check').where('case_id', '=', kase.id).where('state', '=', 'pending').execute();
    return;
  }
  const dueAt = await periodEnd(ctx.tx, kase.region_id, commitmentCheckPeriod(c));
  await ctx.tx
    .insertInto('commitment_check')
    .values({ case_id: kase.id, organization_id: kase.organization_id, due_at: dueAt, opinion: null, checked_by: null, checked_at: null })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ due_at: dueAt }).where('commitment_check.state', '=', 'pending'))
    .execute();
}

/** Whether the actor works for the organization the check is owed by (an approver or head of it, 'case.handle'). */
function mayCheck(actor: Actor | null, orgPath: string): boolean {
  if (!actor || actor.kind !== 'staff' || !hasPermission(actor, 'case.handle')) return false;
  const scope = scopeOf(actor, 'case.handle');
  return scope.all || scope.orgPaths.some((p) => orgPath.startsWith(p));
}

export interface CheckInput {
  result: 'kept' | 'broken';
  opinion: string;
  expectedVersion?: number;
}

/**
 * 事后核查: the department records what its check found. A commitment kept closes the check; one found false revokes
 * the grant — the case is marked revoked, a 撤销行政许可决定书 is issued, the license no longer counts as held and
 * an undelivered result is no longer delivered — and the applicant is told. Once recorded, a check is not
 * recorded again (409).
 */
export async function checkCommitment(ctx: WriteContext, caseId: number, input: CheckInput): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !hasPermission(actor, 'case.handle')) throw new AppError('FORBIDDEN', { permission: 'case.handle' });
  const kase = await loadCase(ctx.tx, caseId);
  await requireCaseRead(ctx.tx, actor, kase);
  const check = await ctx.tx
    .selectFrom('commitment_check as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['c.state', 'c.due_at', 'o.path as org_path'])
    .where('c.case_id', '=', caseId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!check) throw new AppError('CONFLICT', { reason: 'the case is not granted by written commitment: there is nothing to check' });
  if (!mayCheck(actor, check.org_path)) throw new AppError('FORBIDDEN', { reason: 'the check is owed by the department that decided' });
  if (input.expectedVersion !== undefined && input.expectedVersion !== kase.version) throw new AppError('CONFLICT', { expectedVersion: input.expectedVersion });
  if (check.state !== 'pending') throw new AppError('CONFLICT', { reason: `the check was recorded already: ${check.state}`, state: check.state });
  const opinion = input.opinion.trim();
  if (opinion.length < 2) throw new AppError('VALIDATION_FAILED', { field: 'opinion', reason: 'say what the check found' });
  const now = new Date();
  // checked after the period ran out: supervision finds it (late_commitment_check)
  const timing = { dueAt: check.due_at.toISOString(), late: now > check.due_at };
  await ctx.tx
    .updateTable('commitment_check')
    .set({ state: input.result, opinion, checked_by: actor.accountId > 0 ? actor.accountId : null, checked_at: now })
    .where('case_id', '=', caseId)
    .execute();
  if (input.result === 'kept') {
    const touched = await updateCase(ctx, kase, {});
    await recordCaseEvent(ctx, touched, 'commitment_checked', { result: 'kept', opinion, ...timing }, null, { metrics: false });
    return;
  }
  const revoked = await updateCase(ctx, kase, { revoked_at: now });
  await issueRevocationDecision(ctx, revoked, opinion);
  await recordCaseEvent(ctx, revoked, 'commitment_checked', { result: 'broken', opinion, ...timing }, null, { metrics: false });
}

/** A case's check as its page shows it. */
export async function commitmentCheckOf(db: Executor, actor: Actor | null, caseId: number) {
  const row = await db
    .selectFrom('commitment_check as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('account as a', 'a.id', 'c.checked_by')
    .select(['c.state', 'c.due_at', 'c.opinion', 'c.checked_at', 'a.display_name as checked_by', 'o.path as org_path'])
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    state: row.state,
    dueAt: row.due_at.toISOString(),
    overdue: row.state === 'pending' && row.due_at.getTime() < Date.now(),
    checkedAt: row.checked_at?.toISOString() ?? null,
    // who checked, as the timeline names who did each step
    checkedBy: row.checked_by,
    opinion: row.opinion,
    mayCheck: row.state === 'pending' && mayCheck(actor, row.org_path),
  };
}

export const checkStates = ['pending', 'kept', 'broken'] as const;

/**
 * 事后核查 list: the checks owed by the caller's departments (approvers and heads), the pending ones soonest due
 * first, the recorded ones latest first.
 */
export async function listCommitmentChecks(db: Db, actor: Actor | null, q: { state?: (typeof checkStates)[number]; limit: number; offset: number }) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !hasPermission(actor, 'case.handle')) throw new AppError('FORBIDDEN', { permission: 'case.handle' });
  const scope = scopeOf(actor, 'case.handle');
  let query = db.selectFrom('commitment_check as c').innerJoin('organization as o', 'o.id', 'c.organization_id');
  if (!scope.all) {
    const paths = scope.orgPaths;
    query = query.where((eb) => (paths.length ? eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))) : sql<boolean>`false`));
  }
  if (q.state) query = query.where('c.state', '=', q.state);
  return listPage(
    query,
    { limit: q.limit, offset: q.offset },
    (s) =>
      s
        .innerJoin('kase as k', 'k.id', 'c.case_id')
        .innerJoin('applicant as ap', 'ap.id', 'k.applicant_id')
        .leftJoin('account as a', 'a.id', 'c.checked_by')
        .select([
          'c.case_id',
          'k.number',
          'k.subject',
          'k.version',
          'k.decided_at',
          'ap.kind as applicant_kind',
          'ap.name as applicant_name',
          'o.name as organization_name',
          'c.due_at',
          'c.state',
          'c.checked_at',
          'a.display_name as checked_by',
          'c.opinion',
        ])
        .orderBy(sql`c.state = 'pending'`, 'desc')
        .orderBy(sql`CASE WHEN c.state = 'pending' THEN c.due_at END`, 'asc')
        .orderBy('c.checked_at', 'desc')
        .orderBy('c.case_id', 'desc'),
    (r) => ({
      caseId: r.case_id,
      caseNumber: r.number,
      subject: r.subject,
      applicantName: r.applicant_kind === 'person' ? maskPersonName(r.applicant_name) : r.applicant_name,
      organizationName: r.organization_name,
      decidedAt: r.decided_at?.toISOString() ?? null,
      dueAt: r.due_at.toISOString(),
      state: r.state,
      overdue: r.state === 'pending' && r.due_at.getTime() < Date.now(),
      checkedAt: r.checked_at?.toISOString() ?? null,
      checkedBy: r.checked_by,
      opinion: r.opinion,
      version: r.version,
    }),
  );
}

/** For 今日工作: the checks of the caller's departments overdue or due within `days` days. */
export async function commitmentChecksDue(db: Executor, actor: Actor, days = 10): Promise<number> {
  const scope = scopeOf(actor, 'case.handle');
  if (!scope.all && scope.orgPaths.length === 0) return 0;
  let query = db
    .selectFrom('commitment_check as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('c.state', '=', 'pending')
    .where('c.due_at', '<', sql<Date>`now() + make_interval(days => ${days})`);
  if (!scope.all) query = query.where((eb) => eb.or(scope.orgPaths.map((p) => eb('o.path', 'like', `${p}%`))));
  return (await query.executeTakeFirstOrThrow()).n;
}
