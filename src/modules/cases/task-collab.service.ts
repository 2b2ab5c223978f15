import { sql } from 'kysely';
import type { WriteContext } from '../../server/write.ts';
import { covers, hasPermission, scopeOf } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { extendClock } from '../calendar/clocks.service.ts';
import { loadCase, recordCaseEvent, updateCase, writeCaseEvents } from './case-core.ts';
import { canWorkTask, loadTask, workableTask } from './tasks.service.ts';
import './cases.tables.ts';
import '../identity/identity.tables.ts';

/**
 * Working a task together: delegation (交办, comes back), co-signers (加签), reassignment by the head
 * (改派), recalling one's own last action (撤回) while the next step has not started, urging (催办),
 * copies (抄送) and extension requests (延期申请) that a department head decides.
 */

/** An active colleague holding a handling role (approver or head) in the task's organization. */
async function colleague(ctx: WriteContext, organizationId: number, accountId: number, roles: ('approver' | 'head')[] = ['approver', 'head']) {
  const row = await ctx.tx
    .selectFrom('role_assignment as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .select(['a.id', 'a.display_name'])
    .where('r.account_id', '=', accountId)
    .where('r.role', 'in', roles)
    .where('r.organization_id', '=', organizationId)
    .where('a.status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw new AppError('VALIDATION_FAILED', { field: 'accountId', reason: 'not an active colleague of this organization who handles cases' });
  return row;
}

function isHeadOf(ctx: WriteContext, orgPath: string): boolean {
  return !!ctx.actor?.grants.some((g) => (g.role === 'head' && g.orgPath && orgPath.startsWith(g.orgPath)) || g.role === 'sys_admin');
}

/** 交办: hand the task to a colleague for an answer; it comes back to the one who handed it. */
export async function delegateTask(ctx: WriteContext, taskId: number, input: { accountId: number; note?: string | null }) {
  const task = await workableTask(ctx, taskId);
  if (task.delegated_by !== null) throw new AppError('CONFLICT', { reason: 'the task is already with a colleague: wait for the answer' });
  if (input.accountId === ctx.actor!.accountId) throw new AppError('VALIDATION_FAILED', { field: 'accountId', reason: 'hand the task to someone else' });
  const to = await colleague(ctx, task.organization_id, input.accountId);
  const r = await ctx.tx
    .updateTable('case_task')
    .set({ state: 'claimed', assignee_account_id: to.id, delegated_by: ctx.actor!.accountId, claimed_at: new Date(), version: sql`version + 1` })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { reason: 'the task was changed by someone else' });
  const kase = await updateCase(ctx, await loadCase(ctx.tx, task.case_id), {});
  await recordCaseEvent(ctx, kase, 'task_delegated', { task: task.name, to: to.display_name, toAccountId: to.id, note: input.note ?? null }, task.id);
}

/** The colleague's answer to a delegated task: the task goes back to whoever handed it over. */
export async function answerDelegation(ctx: WriteContext, taskId: number, input: { opinion: string }) {
  const task = await loadTask(ctx, taskId);
  if (task.delegated_by === null || task.assignee_account_id !== ctx.actor?.accountId)
    throw new AppError('CONFLICT', { reason: 'only the colleague the task was handed to answers it' });
  if (task.state !== 'claimed') throw new AppError('CONFLICT', { reason: `the task is ${task.state}`, state: task.state });
  const r = await ctx.tx
    .updateTable('case_task')
    .set({ assignee_account_id: task.delegated_by, delegated_by: null, claimed_at: new Date(), version: sql`version + 1` })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { reason: 'the task was changed by someone else' });
  const kase = await updateCase(ctx, await loadCase(ctx.tx, task.case_id), {});
  await recordCaseEvent(ctx, kase, 'delegation_answered', { task: task.name, opinion: input.opinion, toAccountId: task.delegated_by }, task.id);
}

/** 加签: ask another organization (or a colleague) to co-sign; the stage moves on only when every co-signer has answered. */
export async function addCosigner(
  ctx: WriteContext,
  taskId: number,
  input: { organizationId?: number | null; accountId?: number | null; role?: 'approver' | 'head'; note: string },
) {
  const task = await workableTask(ctx, taskId);
  if (task.kind === 'cosign') throw new AppError('CONFLICT', { reason: 'a co-signer cannot add further co-signers' });
  const kase = await loadCase(ctx.tx, task.case_id);
  if (kase.status !== 'in_progress' && kase.status !== 'decided')
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case takes no co-signer`, status: kase.status });
  const organizationId = input.organizationId ?? task.organization_id;
  const org = await ctx.tx.selectFrom('organization').select(['id', 'name', 'kind']).where('id', '=', organizationId).executeTakeFirst();
  if (!org || org.kind === 'center') throw new AppError('VALIDATION_FAILED', { field: 'organizationId', reason: 'a department that handles cases' });
  const role = input.role ?? 'approver';
  let account: { id: number; display_name: string } | null = null;
  if (input.accountId) {
    account = await colleague(ctx, organizationId, input.accountId, [role]);
    if (account.id === ctx.actor!.accountId) throw new AppError('VALIDATION_FAILED', { field: 'accountId', reason: 'a co-signer is someone else' });
  }
  const open = await ctx.tx
    .selectFrom('case_task')
    .select('id')
    .where('case_id', '=', task.case_id)
    .where('node_index', '=', task.node_index)
    .where('kind', '=', 'cosign')
    .where('organization_id', '=', organizationId)
    .where('state', 'in', ['open', 'claimed'])
    .executeTakeFirst();
  if (open) throw new AppError('CONFLICT', { reason: 'this organization is already asked to co-sign' });
  const row = await ctx.tx
    .insertInto('case_task')
    .values({
      case_id: task.case_id,
      node_index: task.node_index,
      node_id: task.node_id,
      branch: null,
      step: task.step,
      stage: 'cosign',
      name: `加签：${org.name}`,
      assignee_role: role,
      organization_id: organizationId,
      assignee_account_id: account?.id ?? null,
      state: account ? 'claimed' : 'open',
      outcome: null,
      opinion: null,
      is_urgent: task.is_urgent,
      due_at: task.due_at,
      claimed_at: account ? new Date() : null,
      completed_at: null,
      completed_by: null,
      kind: 'cosign',
      added_by: ctx.actor!.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const touched = await updateCase(ctx, kase, {});
  await recordCaseEvent(
    ctx,
    touched,
    'cosigner_added',
    { task: task.name, organization: org.name, account: account?.display_name ?? null, note: input.note, cosignTaskId: row.id },
    task.id,
  );
  return row.id;
}

/** 改派: a department head gives an open or claimed task of the department to someone else. */
export async function reassignTask(ctx: WriteContext, taskId: number, input: { accountId: number; note?: string | null }) {
  const task = await loadTask(ctx, taskId);
  if (canWorkTask(ctx.actor, task) === 'outside') throw new AppError('NOT_FOUND');
  if (!isHeadOf(ctx, task.org_path)) throw new AppError('FORBIDDEN', { reason: 'a department head reassigns tasks' });
  if (task.state !== 'open' && task.state !== 'claimed') throw new AppError('CONFLICT', { reason: `the task is ${task.state}`, state: task.state });
  if (task.state === 'claimed' && task.assignee_account_id === input.accountId)
    throw new AppError('VALIDATION_FAILED', { field: 'accountId', reason: 'the task is already theirs: reassign it to someone else' });
  const to = await colleague(ctx, task.organization_id, input.accountId, task.assignee_role === 'head' ? ['head'] : ['approver', 'head']);
  const r = await ctx.tx
    .updateTable('case_task')
    .set({ state: 'claimed', assignee_account_id: to.id, delegated_by: null, claimed_at: new Date(), version: sql`version + 1` })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { reason: 'the task was changed by someone else' });
  const kase = await updateCase(ctx, await loadCase(ctx.tx, task.case_id), {});
  await recordCaseEvent(ctx, kase, 'task_reassigned', { task: task.name, to: to.display_name, toAccountId: to.id, note: input.note ?? null }, task.id);
}

/**
 * 撤回: take back one's own approval or rejection while nothing that followed has started. The tasks the
 * action opened (created in its transaction: their created_at is the transaction timestamp the task was
 * completed at) are cancelled, tasks it cancelled (any-sign siblings) reopen, a decision it made is undone, and the task is back with its
 * author. Once anyone has claimed or finished a later task, the action stands.
 */
export async function recallTask(ctx: WriteContext, taskId: number) {
  const task = await loadTask(ctx, taskId);
  if (canWorkTask(ctx.actor, task) === 'outside') throw new AppError('NOT_FOUND');
  if (task.state !== 'done' || task.completed_by !== ctx.actor!.accountId || (task.outcome !== 'approved' && task.outcome !== 'rejected'))
    throw new AppError('CONFLICT', { reason: 'only your own approval or rejection can be recalled' });
  const kase = await loadCase(ctx.tx, task.case_id);
  if (kase.status !== 'in_progress' && kase.status !== 'decided')
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case cannot take an action back`, status: kase.status });
  const rows = await ctx.tx
    .selectFrom('case_task')
    .select(['id', 'state', 'completed_at', 'claimed_at', 'created_at'])
    .where('case_id', '=', task.case_id)
    .execute();
  // what the action did carries its transaction's timestamp: tasks it created (created_at) and siblings it cancelled (completed_at)
  const at = task.completed_at!.getTime();
  const sameTx = rows.filter((r) => r.id !== task.id && (r.created_at.getTime() === at || (r.state === 'cancelled' && r.completed_at?.getTime() === at)));
  const after = (d: Date | null) => !!d && d.getTime() > at;
  const started = rows.some((r) => r.id !== task.id && (after(r.completed_at) || after(r.claimed_at)));
  if (started || sameTx.some((r) => r.state === 'done' || r.state === 'claimed'))
    throw new AppError('CONFLICT', { reason: 'the next step has already started: the action stands' });
  const opened = sameTx.filter((r) => r.state === 'open').map((r) => r.id);
  const reopened = sameTx.filter((r) => r.state === 'cancelled').map((r) => r.id);
  if (opened.length)
    await ctx.tx
      .updateTable('case_task')
      .set({ state: 'cancelled', completed_at: new Date(), version: sql`version + 1` })
      .where('id', 'in', opened)
      .execute();
  if (reopened.length)
    await ctx.tx
      .updateTable('case_task')
      .set({ state: 'open', completed_at: null, assignee_account_id: null, version: sql`version + 1` })
      .where('id', 'in', reopened)
      .execute();
  await ctx.tx
    .updateTable('case_task')
    // the recalled opinion goes with the outcome: it stays on the timeline with the approval it belonged to
    .set({ state: 'claimed', outcome: null, opinion: null, completed_at: null, completed_by: null, version: sql`version + 1` })
    .where('id', '=', task.id)
    .execute();
  // the flags of the seven kinds follow the tasks that remain
  const flags = await ctx.tx
    .selectFrom('case_task')
    .select([
      sql<boolean>`bool_or(branch IS NOT NULL)`.as('joint'),
      sql<boolean>`bool_or(stage = 'report_up')`.as('reported'),
      sql<boolean>`bool_or(kind = 'work' AND state = 'done' AND stage IN ('decide', 'report_up'))`.as('decided'),
    ])
    .where('case_id', '=', task.case_id)
    .where('state', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  const undoDecision = task.stage === 'decide' || task.stage === 'report_up' ? !flags.decided : false;
  const updated = await updateCase(ctx, kase, {
    node_index: task.node_index,
    is_joint: !!flags.joint,
    is_reported_up: !!flags.reported,
    ...(undoDecision ? { status: 'in_progress', decision: null, decided_at: null } : {}),
  });
  await recordCaseEvent(ctx, updated, 'task_recalled', { task: task.name, cancelled: opened.length, reopened: reopened.length }, task.id);
}

/** Staff who may read the case: its scope, its tasks' organizations, or a copy (抄送). */
async function requireStaffReader(ctx: WriteContext, caseId: number) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'applicant' || !hasPermission(actor, 'case.read')) throw new AppError('FORBIDDEN');
  const place = await ctx.tx
    .selectFrom('kase as k')
    .innerJoin('region as r', 'r.id', 'k.region_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .select(['r.path as region_path', 'o.path as org_path'])
    .where('k.id', '=', caseId)
    .executeTakeFirst();
  if (!place) throw new AppError('NOT_FOUND');
  const scope = scopeOf(actor, 'case.read');
  if (covers(scope, { regionPath: place.region_path, orgPath: place.org_path })) return;
  const tasks = await ctx.tx
    .selectFrom('case_task as t')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .select('o.path')
    .where('t.case_id', '=', caseId)
    .execute();
  if (!scope.all && tasks.some((t) => scope.orgPaths.some((p) => t.path.startsWith(p)))) return;
  const watcher = await ctx.tx
    .selectFrom('case_watcher')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
  if (watcher) return;
  throw new AppError('NOT_FOUND');
}

/** 催办: remind whoever holds an open task; at most once an hour per task. */
export async function urgeTask(ctx: WriteContext, caseId: number, taskId: number, input: { note?: string | null }) {
  await requireStaffReader(ctx, caseId);
  const task = await loadTask(ctx, taskId);
  if (task.state !== 'open' && task.state !== 'claimed') throw new AppError('CONFLICT', { reason: `the task is ${task.state}`, state: task.state });
  if (task.last_urged_at && Date.now() - task.last_urged_at.getTime() < 3600_000)
    throw new AppError('URGED_RECENTLY', { lastUrgedAt: task.last_urged_at.toISOString() });
  await ctx.tx
    .updateTable('case_task')
    .set({ urged_count: sql`urged_count + 1`, last_urged_at: new Date() })
    .where('id', '=', task.id)
    .execute();
  const kase = await updateCase(ctx, await loadCase(ctx.tx, caseId), {});
  await recordCaseEvent(
    ctx,
    kase,
    'task_urged',
    {
      task: task.name,
      note: input.note ?? null,
      organizationId: task.organization_id,
      role: task.assignee_role,
      assigneeAccountId: task.assignee_account_id,
      urged: task.urged_count + 1,
    },
    task.id,
  );
}

/**
 * 办理备注: a note on the case's timeline from staff who may read it — a call made to the applicant, what a
 * colleague should know before the next step. Notes are the staff's: the applicant's view of the case leaves them out.
 */
export async function noteCase(ctx: WriteContext, caseId: number, input: { text: string }) {
  await requireStaffReader(ctx, caseId);
  const text = input.text.trim();
  if (text.length < 2) throw new AppError('VALIDATION_FAILED', { field: 'text', reason: 'say what the note is about' });
  const kase = await updateCase(ctx, await loadCase(ctx.tx, caseId), {});
  await recordCaseEvent(ctx, kase, 'case_noted', { text }, null, { metrics: false });
}

/** 抄送: send colleagues (any organization) a copy of the case; they may read it from then on. */
export async function copyCase(ctx: WriteContext, caseId: number, input: { accountIds: number[]; note?: string | null }) {
  await requireStaffReader(ctx, caseId);
  const ids = [...new Set(input.accountIds)].filter((id) => id !== ctx.actor!.accountId);
  if (ids.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'accountIds', reason: 'name at least one colleague other than yourself' });
  const staff = await ctx.tx
    .selectFrom('account as a')
    .innerJoin('staff as s', 's.account_id', 'a.id')
    .select(['a.id', 'a.display_name'])
    .where('a.id', 'in', ids)
    .where('a.status', '=', 'active')
    .execute();
  if (staff.length !== ids.length)
    throw new AppError('VALIDATION_FAILED', {
      field: 'accountIds',
      reason: 'every recipient is an active staff member',
      unknown: ids.filter((id) => !staff.some((s) => s.id === id)),
    });
  await ctx.tx
    .insertInto('case_watcher')
    .values(staff.map((s) => ({ case_id: caseId, account_id: s.id, added_by: ctx.actor!.accountId, note: input.note ?? null })))
    .onConflict((oc) => oc.columns(['case_id', 'account_id']).doNothing())
    .execute();
  const kase = await updateCase(ctx, await loadCase(ctx.tx, caseId), {});
  await recordCaseEvent(ctx, kase, 'case_copied', { to: staff.map((s) => s.display_name), toAccountIds: staff.map((s) => s.id), note: input.note ?? null });
}

/** 延期申请: the approver on the task asks; a head of the task's organization decides (art. 42: up to 10 working days, once). */
export async function requestExtension(ctx: WriteContext, taskId: number, input: { days: number; reason: string }) {
  const task = await workableTask(ctx, taskId);
  const kase = await loadCase(ctx.tx, task.case_id);
  if (!kase.clock_id) throw new AppError('CONFLICT', { reason: 'the case has no clock' });
  await writeCaseEvents(ctx.tx); // the timeline as this transaction has it
  const earlier = await ctx.tx.selectFrom('case_event').select('id').where('case_id', '=', kase.id).where('type', '=', 'extended').executeTakeFirst();
  if (earlier) throw new AppError('CONFLICT', { reason: 'the limit was already extended once' });
  const pending = await ctx.tx
    .selectFrom('case_extension_request')
    .select('id')
    .where('case_id', '=', kase.id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw new AppError('CONFLICT', { reason: 'an extension request is already waiting for the head' });
  const row = await ctx.tx
    .insertInto('case_extension_request')
    .values({
      case_id: kase.id,
      task_id: task.id,
      organization_id: task.organization_id,
      requested_by: ctx.actor!.accountId,
      days: input.days,
      reason: input.reason,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordCaseEvent(
    ctx,
    await updateCase(ctx, kase, {}),
    'extension_requested',
    { requestId: row.id, days: input.days, reason: input.reason, organizationId: task.organization_id },
    task.id,
  );
  return row.id;
}

export async function decideExtension(ctx: WriteContext, caseId: number, input: { requestId: number; approve: boolean; note?: string | null }) {
  const request = await ctx.tx
    .selectFrom('case_extension_request as e')
    .innerJoin('organization as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select('o.path as org_path')
    .where('e.id', '=', input.requestId)
    .where('e.case_id', '=', caseId)
    .forUpdate('e')
    .executeTakeFirst();
  if (!request) throw new AppError('NOT_FOUND');
  if (!isHeadOf(ctx, request.org_path)) throw new AppError('FORBIDDEN', { reason: 'a department head decides extensions' });
  if (request.state !== 'pending') throw new AppError('CONFLICT', { reason: `the request was already ${request.state}`, state: request.state });
  if (!input.approve && !input.note) throw new AppError('VALIDATION_FAILED', { field: 'note', reason: 'a refusal gives its reasons' });
  const kase = await loadCase(ctx.tx, caseId);
  await ctx.tx
    .updateTable('case_extension_request')
    .set({ state: input.approve ? 'approved' : 'rejected', decided_by: ctx.actor!.accountId, decided_at: new Date(), decision_note: input.note ?? null })
    .where('id', '=', request.id)
    .execute();
  if (!input.approve) {
    await recordCaseEvent(ctx, await updateCase(ctx, kase, {}), 'extension_refused', { requestId: request.id, note: input.note ?? null }, request.task_id);
    return;
  }
  if (!kase.clock_id) throw new AppError('CONFLICT', { reason: 'the case has no clock' });
  const clock = await extendClock(ctx, kase.clock_id, { appliesTo: 'legal', amount: request.days, reason: request.reason, approvedBy: ctx.actor!.accountId });
  await recordCaseEvent(
    ctx,
    await updateCase(ctx, kase, {}),
    'extended',
    { days: request.days, reason: request.reason, requestId: request.id, legalDueAt: clock.legal_due_at?.toISOString() ?? null },
    request.task_id,
  );
}
