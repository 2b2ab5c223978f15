import { sql, type QueryCreator } from 'kysely';
import type { WriteContext } from '../../server/write.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { roleGrants } from '../../common/roles.ts';
import { extendClock, pauseClock, resumeClock } from '../calendar/clocks.service.ts';
import type { PauseReason } from '../calendar/calendar.tables.ts';
import {
  askForMaterials,
  caseExtra,
  caseWritten,
  loadCase,
  nodeTasks,
  recordCaseEvent,
  takePreloadedNode,
  takePreloadedTask,
  updateCase,
  versionContent,
  windowRegionPath,
  writeCaseEvents,
  type CaseRow,
  type NodeTask,
  type NodeTaskJson,
  type PreloadedTask,
} from './case-core.ts';
import { pipelinedWrite, shapedStatement, type Database } from '../../server/db/database.ts';
import { advanceAfterTask, concludesAtWindow, returnTarget, returnToPrevious } from './workflow.ts';
import './cases.tables.ts';
import type { TaskOutcome } from './cases.tables.ts';
import { supplementDue } from './supplement-period.ts';

export async function loadTask(ctx: WriteContext, taskId: number): Promise<PreloadedTask> {
  const preloaded = takePreloadedTask(ctx.tx, taskId);
  if (preloaded) return preloaded;
  const task = await ctx.tx
    .selectFrom('case_task as t')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .selectAll('t')
    .select(['o.path as org_path', windowRegionPath.as('region_path')])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}

/**
 * Whether the actor holds the task's role for its organization (a head may also act on approvers'
 * tasks). Outside the organization the task does not exist for them (404); inside it with another
 * role it is forbidden (403).
 */
export function canWorkTask(
  actor: Actor | null,
  task: { assignee_role: string; org_path: string; region_path?: string | null },
): 'yes' | 'wrong_role' | 'outside' {
  if (!actor) return 'outside';
  // a clerk's task is an immediate item's decision the department authorized the window to make (窗口授权办理),
  // taken by the clerks who receive for the region (their posts are regions') or for the organization
  const atWindow = task.assignee_role === 'clerk';
  const permission = atWindow ? 'case.intake' : 'case.handle';
  let inOrg = false;
  for (const g of actor.grants) {
    if (!roleGrants(g.role, permission)) continue;
    const covers =
      (g.orgPath && task.org_path.startsWith(g.orgPath)) || (atWindow && g.regionPath && task.region_path?.startsWith(g.regionPath)) || g.role === 'sys_admin';
    if (!covers) continue;
    inOrg = true;
    if (g.role === task.assignee_role || (g.role === 'head' && task.assignee_role === 'approver')) return 'yes';
  }
  return inOrg ? 'wrong_role' : 'outside';
}

/**
 * The task, if the caller may work it now. A decision the window makes on the spot (a clerk's task) is granted
 * or denied, claimed or handed to a colleague (`atWindow`); returning it, asking for supplements, special
 * procedures, extensions, delegation and co-signers are the department's, and answer 403.
 */
export async function workableTask(ctx: WriteContext, taskId: number, expectedVersion?: number, atWindow = false) {
  const task = await loadTask(ctx, taskId);
  const verdict = canWorkTask(ctx.actor, task);
  if (verdict === 'outside') {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
    // the task does not exist for whoever works such tasks elsewhere; anyone else may not work it at all
    const permission = task.assignee_role === 'clerk' ? 'case.intake' : 'case.handle';
    throw new AppError(ctx.actor.grants.some((g) => roleGrants(g.role, permission)) ? 'NOT_FOUND' : 'FORBIDDEN');
  }
  if (verdict === 'wrong_role') throw new AppError('FORBIDDEN', { reason: `this task is for the ${task.assignee_role} post` });
  if (task.assignee_role === 'clerk' && !atWindow)
    throw new AppError('FORBIDDEN', { reason: 'a decision made at the window is granted, denied or handed to a colleague there' });
  if (task.state !== 'open' && task.state !== 'claimed') throw new AppError('CONFLICT', { reason: `the task is ${task.state}`, state: task.state });
  if (task.state === 'claimed' && task.assignee_account_id !== ctx.actor!.accountId)
    throw new AppError('CONFLICT', { reason: 'someone else has claimed this task' });
  if (expectedVersion !== undefined && task.version !== expectedVersion) throw new AppError('CONFLICT', { expectedVersion, actual: task.version });
  return task;
}

/** The task finished as the action's first read found it, and its case locked (see finishTask). */
const finishAsReadStatement = shapedStatement(
  () => '',
  (db, _shape, v: { taskId: number; taskVersion: number; caseId: number; caseVersion: number; outcome: TaskOutcome; opinion: string | null; by: number }) =>
    db
      .with('t', (w) => finishing(w, v))
      .with('k', (w) =>
        w
          .selectFrom('kase')
          .select('id')
          .where('id', '=', v.caseId)
          .where('version', '=', v.caseVersion)
          .where(sql<boolean>`EXISTS (SELECT 1 FROM t)`)
          .forNoKeyUpdate(),
      )
      .selectNoFrom(
        sql<boolean>`CASE WHEN NOT EXISTS (SELECT 1 FROM t) THEN changed_meanwhile('the task was handled by someone else')
            WHEN NOT EXISTS (SELECT 1 FROM k) THEN changed_meanwhile('the case was changed by someone else') END`.as('ok'),
      ),
);

/** The update that finishes a task if it is still at the version read. */
function finishing(db: QueryCreator<Database>, v: { taskId: number; taskVersion: number; outcome: TaskOutcome; opinion: string | null; by: number }) {
  return db
    .updateTable('case_task')
    .set({
      state: 'done',
      outcome: v.outcome,
      opinion: v.opinion,
      // the transaction's timestamp: the tasks this action opens carry the same created_at (see recallTask)
      completed_at: sql<Date>`now()`,
      completed_by: v.by,
      assignee_account_id: v.by,
      version: sql`version + 1`,
    })
    .where('id', '=', v.taskId)
    .where('version', '=', v.taskVersion)
    .returning('id');
}

/**
 * Finish a task row if it is still as read, and lock its case row if that too is as read, in one
 * statement: of two approvers acting at once, exactly one gets here. The case's version (the optimistic
 * lock) moves with the action's first write to the case row, usually the workflow's move, or at its end
 * if it writes none (`versionMoved`): a row updated twice in one transaction has every foreign key
 * of it checked, and its referenced rows locked, again.
 *
 * When the action's first read brought the task's node with the case as the action has it
 * (`preloadCase`), the statement is not waited for: it ends the transaction with 409 itself should the
 * task or the case have changed meanwhile (`changed_meanwhile`), and the action goes on with what it read.
 */
async function finishTask(
  ctx: WriteContext,
  task: { id: number; version: number; node_index: number },
  kase: CaseRow,
  outcome: 'approved' | 'rejected' | 'returned',
  opinion: string | null,
): Promise<{ locked: CaseRow; atNode: NodeTask[] }> {
  const finish = (db: QueryCreator<Database>) => finishing(db, { taskId: task.id, taskVersion: task.version, outcome, opinion, by: ctx.actor!.accountId });
  const finished = (atNode: NodeTaskJson[], at: Date): NodeTask[] =>
    atNode.map((x) =>
      x.id === task.id
        ? { ...x, state: 'done' as const, outcome, opinion, completed_at: at }
        : { ...x, completed_at: x.completed_at === null ? null : new Date(x.completed_at) },
    );
  const read = takePreloadedNode(ctx.tx, task.id, kase.version);
  if (read) {
    await pipelinedWrite(
      ctx.tx,
      finishAsReadStatement('', {
        taskId: task.id,
        taskVersion: task.version,
        caseId: kase.id,
        caseVersion: kase.version,
        outcome,
        opinion,
        by: ctx.actor!.accountId,
      }),
    );
    caseWritten(ctx.tx);
    return { locked: kase, atNode: finished(read.atNode, read.now) };
  }
  const row = await ctx.tx
    .with('t', finish)
    .with('k', (db) =>
      db
        .selectFrom('kase')
        .selectAll()
        .where('id', '=', kase.id)
        .where('version', '=', kase.version)
        .where(sql<boolean>`EXISTS (SELECT 1 FROM t)`)
        .forNoKeyUpdate(),
    )
    .selectFrom('t')
    .leftJoin('k', (j) => j.onTrue())
    .selectAll('k')
    .select([
      't.id as finished_task',
      sql<Date>`now()`.as('finished_at'),
      // the tasks of the node as they were (one snapshot for the whole statement): the finished one is brought up to date below
      nodeTasks(sql`FROM case_task x WHERE x.case_id = ${kase.id} AND x.node_index = ${task.node_index}`).as('at_node'),
    ])
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { reason: 'the task was handled by someone else' });
  if (row.id === null) throw new AppError('CONFLICT', { caseId: kase.id, reason: 'the case was changed by someone else' });
  const { finished_task: _, finished_at, at_node, ...locked } = row;
  caseWritten(ctx.tx);
  return { locked: locked as CaseRow, atNode: finished(at_node ?? [], finished_at) };
}

/** 签收: take the task so that colleagues see who is on it. */
export async function claimTask(ctx: WriteContext, taskId: number, expectedVersion?: number) {
  const task = await workableTask(ctx, taskId, expectedVersion, true);
  if (task.state === 'claimed') return task;
  const r = await ctx.tx
    .updateTable('case_task')
    .set({ state: 'claimed', assignee_account_id: ctx.actor!.accountId, claimed_at: new Date(), version: sql`version + 1` })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { reason: 'someone else claimed the task first' });
  const kase = await loadCase(ctx.tx, task.case_id);
  await recordCaseEvent(ctx, await updateCase(ctx, kase, {}), 'task_claimed', { task: task.name }, task.id);
  return { ...task, state: 'claimed' as const };
}

/**
 * Approve or reject with an opinion (审查意见 / 决定). At a decide stage this is the decision (准予 / 不予许可, or the
 * words of its item's type: 予以确认, 准予办理 …); in a review stage or a joint branch it is the department's opinion and
 * the process moves on.
 */
export async function completeTask(
  ctx: WriteContext,
  taskId: number,
  input: { outcome: 'approved' | 'rejected'; opinion?: string | null; expectedVersion?: number; conclude?: boolean },
): Promise<CaseRow> {
  const task = await workableTask(ctx, taskId, input.expectedVersion, true);
  if (input.outcome === 'rejected' && !input.opinion) throw new AppError('VALIDATION_FAILED', { field: 'opinion', reason: 'a rejection gives its reasons' });
  if (task.delegated_by !== null) throw new AppError('CONFLICT', { reason: 'a delegated task is answered and goes back to whoever handed it over' });
  const kase = await loadCase(ctx.tx, task.case_id);
  if (input.conclude && !concludesAtWindow((await versionContent(ctx.tx, kase.item_version_id)).process.nodes, task))
    throw new AppError('VALIDATION_FAILED', {
      field: 'conclude',
      reason: 'only a decision made at the window whose conclusion (办结) is the window’s too concludes with it',
    });
  await requireClockRunning(ctx, kase);
  const { locked, atNode } = await finishTask(ctx, task, kase, input.outcome, input.opinion ?? null);
  const cosign = task.kind === 'cosign';
  await recordCaseEvent(
    ctx,
    locked,
    cosign ? (input.outcome === 'approved' ? 'cosign_approved' : 'cosign_rejected') : input.outcome === 'approved' ? 'task_approved' : 'task_rejected',
    { task: task.name, stage: task.stage, opinion: input.opinion ?? null },
    task.id,
  );
  const moved = async () => {
    // 加签: the stage moves on once its own task and every co-signer have answered
    if (atNode.some((t) => t.kind === 'cosign' && (t.state === 'open' || t.state === 'claimed'))) return locked;
    if (!cosign) return advanceAfterTask(ctx, locked, { ...task, outcome: input.outcome, opinion: input.opinion ?? null });
    if (atNode.some((t) => t.state === 'open' || t.state === 'claimed')) return locked;
    const main = atNode
      .filter((t) => t.kind === 'work' && t.state === 'done' && t.completed_at)
      .sort((a, b) => b.completed_at!.getTime() - a.completed_at!.getTime())[0];
    if (!main || !main.outcome || main.outcome === 'returned' || main.outcome === 'supplement_requested') return locked;
    return advanceAfterTask(ctx, locked, { ...main, outcome: main.outcome });
  };
  const after = await versionMoved(ctx, locked, await moved());
  return input.conclude ? concludeAtWindow(ctx, after, task.node_index + 1) : after;
}

/**
 * 当场办结: the window's conclusion (办结) of the decision it just made, as its own step on the record — the task the
 * decision opened, finished by the same clerk in the same transaction.
 */
async function concludeAtWindow(ctx: WriteContext, kase: CaseRow, nodeIndex: number): Promise<CaseRow> {
  const next = await ctx.tx
    .selectFrom('case_task')
    .select('id')
    .where('case_id', '=', kase.id)
    .where('node_index', '=', nodeIndex)
    .where('stage', '=', 'conclude')
    .where('assignee_role', '=', 'clerk')
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (!next) throw new AppError('CONFLICT', { reason: 'the decision opened no conclusion for the window', status: kase.status });
  return completeTask(ctx, next.id, { outcome: 'approved', opinion: null });
}

/**
 * A stage's work goes on only while its clock runs: not while the case waits for supplements, nor during a special
 * procedure (hearing, inspection …), which is ended with its result first — otherwise the time it excludes from the
 * limit would run on paused into the next stage.
 */
async function requireClockRunning(ctx: WriteContext, kase: CaseRow) {
  if (kase.status === 'awaiting_supplement')
    throw new AppError('AWAITING_SUPPLEMENT', { reason: 'waiting for the applicant’s supplements', status: kase.status });
  if (kase.clock_id === null) return;
  const pause = await caseExtra(ctx.tx, kase.id, 'openPause');
  if (pause === 'registration') throw awaitingRegistration(kase);
  if (pause !== null && pause !== 'supplement')
    throw new AppError('SPECIAL_PROCEDURE_RUNNING', { reason: 'a special procedure is under way: end it with its result first', procedure: pause });
}

/**
 * 企业开办一件事: an item case taking the company's particulars waits, its clock paused, until the bundle's registration
 * is decided (see holdForRegistration): it is neither decided nor sent back, and asks for no supplements meanwhile.
 */
const awaitingRegistration = (kase: CaseRow) =>
  new AppError('AWAITING_REGISTRATION', { reason: 'the case waits for the company’s registration', status: kase.status });
async function requireNotAwaitingRegistration(ctx: WriteContext, kase: CaseRow) {
  if (kase.clock_id !== null && kase.parent_id !== null && (await caseExtra(ctx.tx, kase.id, 'openPause')) === 'registration') throw awaitingRegistration(kase);
}

/** The case as the action leaves it, its version moved once (see finishTask). */
async function versionMoved(ctx: WriteContext, locked: CaseRow, after: CaseRow): Promise<CaseRow> {
  return after.version === locked.version ? updateCase(ctx, after, {}) : after;
}

/** 退回: send the case back to the previous stage with the reason. */
export async function returnTask(ctx: WriteContext, taskId: number, input: { opinion: string }) {
  const task = await workableTask(ctx, taskId);
  const kase = await loadCase(ctx.tx, task.case_id);
  await requireClockRunning(ctx, kase);
  if (returnTarget(kase, (await versionContent(ctx.tx, kase.item_version_id)).process.nodes, task.node_index) === null)
    throw new AppError('NOTHING_TO_RETURN_TO', { reason: 'nothing before this stage to return to' });
  const { locked } = await finishTask(ctx, task, kase, 'returned', input.opinion);
  await recordCaseEvent(ctx, locked, 'task_returned', { task: task.name, opinion: input.opinion }, task.id);
  return versionMoved(ctx, locked, await returnToPrevious(ctx, locked, task.node_index));
}

/** 转办: hand the task to a colleague of the same organization and role. */
export async function transferTask(ctx: WriteContext, taskId: number, input: { accountId: number; opinion?: string | null }) {
  const task = await workableTask(ctx, taskId, undefined, true);
  const target = await ctx.tx
    .selectFrom('role_assignment as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .select(['a.id', 'a.display_name'])
    .where('r.account_id', '=', input.accountId)
    .where('r.role', '=', task.assignee_role)
    .where('r.organization_id', '=', task.organization_id)
    .where('a.status', '=', 'active')
    .executeTakeFirst();
  if (!target) throw new AppError('VALIDATION_FAILED', { field: 'accountId', reason: 'not a colleague on this post' });
  await ctx.tx
    .updateTable('case_task')
    .set({ state: 'claimed', assignee_account_id: target.id, claimed_at: new Date(), version: sql`version + 1` })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .execute();
  const kase = await loadCase(ctx.tx, task.case_id);
  await recordCaseEvent(
    ctx,
    await updateCase(ctx, kase, {}),
    'task_transferred',
    { task: task.name, to: target.display_name, opinion: input.opinion ?? null },
    task.id,
  );
}

/**
 * 补正 during review: ask the applicant for materials (listed once, in writing); the case waits and the
 * clocks pause until everything is handed in.
 */
export async function requestSupplement(ctx: WriteContext, taskId: number, input: { items: { key: string; note: string }[] }) {
  const task = await workableTask(ctx, taskId);
  const kase = await loadCase(ctx.tx, task.case_id);
  if (kase.status !== 'in_progress') throw new AppError('CONFLICT', { reason: `a ${kase.status} case cannot wait for supplements`, status: kase.status });
  await requireNotAwaitingRegistration(ctx, kase);
  const names = await askForMaterials(ctx, kase, input.items);
  if (kase.clock_id) await pauseClock(ctx, kase.clock_id, { reason: 'supplement', note: input.items.map((i) => names.get(i.key)).join('、') });
  const dueAt = await supplementDue(ctx, kase);
  const waiting = await updateCase(ctx, kase, { status: 'awaiting_supplement', supplement_due_at: dueAt });
  await recordCaseEvent(
    ctx,
    waiting,
    'supplement_requested',
    {
      task: task.name,
      items: input.items.map((i) => ({ key: i.key, name: names.get(i.key), note: i.note })),
      supplementDueAt: dueAt?.toISOString() ?? null,
    },
    task.id,
  );
  return waiting;
}

/** 特别程序 (art. 45: hearing, inspection, expert review, appraisal, tender): the time is not counted. */
export async function startSpecialProcedure(
  ctx: WriteContext,
  taskId: number,
  input: { kind: Exclude<PauseReason, 'supplement' | 'registration' | 'other'>; reason: string; expectedDays?: number | null },
) {
  const task = await workableTask(ctx, taskId);
  const kase = await loadCase(ctx.tx, task.case_id);
  if (kase.status !== 'in_progress') throw new AppError('CONFLICT', { reason: `a ${kase.status} case cannot start a special procedure`, status: kase.status });
  if (!kase.clock_id) throw new AppError('CONFLICT', { reason: 'the case has no clock' });
  await requireNotAwaitingRegistration(ctx, kase);
  await pauseClock(ctx, kase.clock_id, { reason: input.kind, note: input.reason });
  await recordCaseEvent(
    ctx,
    await updateCase(ctx, kase, {}),
    'special_procedure_started',
    { kind: input.kind, reason: input.reason, expectedDays: input.expectedDays ?? null },
    task.id,
  );
}

export async function endSpecialProcedure(ctx: WriteContext, taskId: number, input: { result: string }) {
  const task = await workableTask(ctx, taskId);
  const kase = await loadCase(ctx.tx, task.case_id);
  if (!kase.clock_id) throw new AppError('CONFLICT', { reason: 'the case has no clock' });
  const pause = await ctx.tx.selectFrom('clock_pause').select('reason').where('clock_id', '=', kase.clock_id).where('ended_at', 'is', null).executeTakeFirst();
  if (pause?.reason === 'registration') throw awaitingRegistration(kase);
  if (!pause || pause.reason === 'supplement') throw new AppError('CONFLICT', { reason: 'no special procedure is running' });
  await resumeClock(ctx, kase.clock_id);
  await recordCaseEvent(ctx, await updateCase(ctx, kase, {}), 'special_procedure_ended', { kind: pause.reason, result: input.result }, task.id);
}

/** 延期: a department head extends the legal limit (art. 42: up to 10 working days) with the reason. */
export async function extendCase(ctx: WriteContext, taskId: number, input: { days: number; reason: string }) {
  const task = await workableTask(ctx, taskId);
  if (!ctx.actor!.grants.some((g) => g.role === 'head' && g.orgPath && task.org_path.startsWith(g.orgPath)))
    throw new AppError('FORBIDDEN', { reason: 'a department head approves extensions' });
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 10)
    throw new AppError('VALIDATION_FAILED', { field: 'days', reason: '1 to 10 working days (art. 42)' });
  const kase = await loadCase(ctx.tx, task.case_id);
  await writeCaseEvents(ctx.tx); // the timeline as this transaction has it
  const earlier = await ctx.tx.selectFrom('case_event').select('id').where('case_id', '=', kase.id).where('type', '=', 'extended').executeTakeFirst();
  if (earlier) throw new AppError('CONFLICT', { reason: 'the limit was already extended once' });
  if (!kase.clock_id) throw new AppError('CONFLICT', { reason: 'the case has no clock' });
  const clock = await extendClock(ctx, kase.clock_id, { appliesTo: 'legal', amount: input.days, reason: input.reason, approvedBy: ctx.actor!.accountId });
  await recordCaseEvent(
    ctx,
    await updateCase(ctx, kase, {}),
    'extended',
    { days: input.days, reason: input.reason, legalDueAt: clock.legal_due_at?.toISOString() ?? null },
    task.id,
  );
}
