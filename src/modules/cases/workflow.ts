import { sql } from 'kysely';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { dateOfInstant, instantOf } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { stopClockIfRunning } from '../calendar/clocks.service.ts';
import type { Limit, ProcessNode, StageNode } from '../catalog/catalog.schemas.ts';
import { recordCaseEvent, updateCase, versionContent, type CaseRow } from './case-core.ts';
import type { KaseTable } from './cases.tables.ts';
import { onCaseDecided } from './fees.ts';
import './cases.tables.ts';

/** Which organization acts: the implementing department, the center of the case's region, or the higher level. */
async function resolveOrganization(
  ctx: WriteContext,
  kase: CaseRow,
  rule: StageNode['assignee'] | { org: 'higher'; organizationId?: number | null },
): Promise<number> {
  if ('organizationId' in rule && rule.organizationId) return rule.organizationId;
  if (rule.org === 'implementing') return kase.organization_id;
  if (rule.org === 'center') {
    const center = await ctx.tx
      .selectFrom('organization as o')
      .innerJoin('region as r', 'r.id', 'o.region_id')
      .select('o.id')
      .where('o.kind', '=', 'center')
      .where(sql<boolean>`(SELECT path FROM region WHERE id = ${kase.region_id}) LIKE r.path || '%'`)
      .orderBy(sql`length(r.path)`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return center?.id ?? kase.organization_id;
  }
  const parent = await ctx.tx.selectFrom('organization').select('parent_id').where('id', '=', kase.organization_id).executeTakeFirst();
  return parent?.parent_id ?? kase.organization_id;
}

/** A stage's time budget as a due moment; the green channel (急办件) halves it. */
async function dueFor(ctx: WriteContext, kase: CaseRow, budget: Limit | undefined): Promise<Date | null> {
  if (!budget || budget.value <= 0) return null;
  const value = kase.is_urgent ? Math.max(1, Math.floor(budget.value / 2)) : budget.value;
  const { calendar } = await workCalendarFor(ctx.tx, kase.region_id);
  const now = Date.now();
  const off = calendar.settings.offsetMinutes;
  if (budget.unit === 'workhour') return new Date(calendar.addWorkMinutes(now, value * 60));
  const day = budget.unit === 'workday' ? calendar.addWorkdays(dateOfInstant(now, off), value) : dateOfInstant(now, off) + value;
  return new Date(instantOf(day + 1, 0, off));
}

type TaskStage = StageNode | { stage: string; name: string; assignee: { role: 'approver'; org: 'higher'; organizationId?: number | null }; budget?: Limit };

/** The row of a new open task of a stage: who acts (the organization and post) and by when. */
async function taskRow(ctx: WriteContext, kase: CaseRow, nodeIndex: number, nodeId: string, stage: TaskStage, branch: number | null, step: number) {
  return {
    case_id: kase.id,
    node_index: nodeIndex,
    node_id: nodeId,
    branch,
    step,
    stage: stage.stage,
    name: stage.name,
    assignee_role: stage.assignee.role,
    organization_id: await resolveOrganization(ctx, kase, stage.assignee),
    assignee_account_id: null,
    state: 'open' as const,
    outcome: null,
    opinion: null,
    is_urgent: kase.is_urgent,
    due_at: await dueFor(ctx, kase, stage.budget),
    claimed_at: null,
    completed_at: null,
    completed_by: null,
  };
}

async function createTask(ctx: WriteContext, kase: CaseRow, nodeIndex: number, nodeId: string, stage: TaskStage, branch: number | null, step: number) {
  const row = await ctx.tx
    .insertInto('case_task')
    .values(await taskRow(ctx, kase, nodeIndex, nodeId, stage, branch, step))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Mark the case concluded (办结): the decision is made and the clock stops; delivery follows at the window. */
async function conclude(ctx: WriteContext, kase: CaseRow): Promise<CaseRow> {
  if (kase.status === 'concluded' || kase.status === 'delivered') return kase;
  const updated = await updateCase(ctx, kase, {
    status: 'concluded',
    concluded_at: new Date(),
    decision: kase.decision ?? 'granted',
    decided_at: kase.decided_at ?? new Date(),
  });
  if (kase.clock_id) {
    await stopClockIfRunning(ctx, kase.clock_id);
  }
  // how the result goes out, as the applicant asked: the notice of the conclusion says so
  await recordCaseEvent(ctx, updated, 'concluded', {
    decision: updated.decision,
    deliveryChoice: updated.delivery_choice,
    // 容缺受理: the result waits for what was accepted to follow
    ...(updated.tolerated_due_at ? { toleratedDueAt: updated.tolerated_due_at.toISOString() } : {}),
  });
  if (kase.decision === null) await onCaseDecided(ctx, updated);
  return updated;
}

/**
 * The action's own change to the case (an acceptance, a decision), written with the case's move to the
 * node that follows it: PostgreSQL checks every foreign key of a row updated a second time in one
 * transaction. `then` runs once the row is written, before the node's own event, so the timeline keeps
 * the order of what happened.
 */
export interface Arrival {
  set: Partial<Record<keyof KaseTable, unknown>>;
  then(updated: CaseRow): Promise<void>;
}

/**
 * A stage the case does not run: intake (the acceptance was it), and for an application by written commitment
 * (告知承诺制) the substantive review, which the commitment replaces — the department decides on it directly.
 */
const skipped = (kase: Pick<CaseRow, 'by_commitment'>, node: StageNode) => node.stage === 'receive' || (kase.by_commitment && node.stage === 'review');

/**
 * Enter a top-level node of the pinned process: a skipped stage is passed over, a stage
 * gets a task, a parallel node a task per branch (联办), a report-up node a task for the higher level
 * (上报). Reaching delivery or the end concludes the case.
 */
export async function enterNode(ctx: WriteContext, kase: CaseRow, index: number, nodes: ProcessNode[], arrival?: Arrival): Promise<CaseRow> {
  const node = nodes[index];
  if (!node || (node.kind === 'stage' && node.stage === 'deliver')) {
    const at = await updateCase(ctx, kase, { ...arrival?.set, node_index: index });
    await arrival?.then(at);
    return conclude(ctx, at);
  }
  if (node.kind === 'stage' && skipped(kase, node)) return enterNode(ctx, kase, index + 1, nodes, arrival);
  const stages: { stage: TaskStage; branch: number | null }[] =
    node.kind === 'stage'
      ? [{ stage: node, branch: null }]
      : node.kind === 'parallel'
        ? node.branches.map((branch, b) => ({ stage: branch[0]!, branch: b }))
        : [
            {
              stage: {
                stage: 'report_up',
                name: node.name,
                assignee: { role: 'approver', org: 'higher', organizationId: node.organizationId },
                budget: node.budget,
              },
              branch: null,
            },
          ];
  const tasks = [];
  for (const { stage, branch } of stages) tasks.push(await taskRow(ctx, kase, index, node.id, stage, branch, 0));
  // the case moves to the node and the node's tasks open in one statement
  const updated = await updateCase(
    ctx,
    kase,
    {
      ...arrival?.set,
      node_index: index,
      ...(node.kind === 'parallel' ? { is_joint: true } : {}),
      ...(node.kind === 'report_up' ? { is_reported_up: true } : {}),
    },
    tasks,
  );
  await arrival?.then(updated);
  // the statistics change only when the case becomes joint or reported up here (docs/metrics.md)
  const factsChange = updated.is_joint !== kase.is_joint || updated.is_reported_up !== kase.is_reported_up;
  await recordCaseEvent(ctx, updated, 'stage_entered', { node: node.id, name: node.name, kind: node.kind }, null, { metrics: factsChange });
  return updated;
}

/**
 * After a task is done, move the workflow: the next step of a branch, the end of a parallel node
 * (countersign 会签: all branches; any-sign 或签: the first approval), or the next node.
 */
export async function advanceAfterTask(
  ctx: WriteContext,
  kase: CaseRow,
  task: { id: number; node_index: number; node_id: string; branch: number | null; step: number; stage: string; outcome: string; opinion: string | null },
): Promise<CaseRow> {
  const nodes = (await versionContent(ctx.tx, kase.item_version_id)).process.nodes;
  const node = nodes[task.node_index];
  if (!node) throw new AppError('CONFLICT', { reason: 'the task belongs to no node of the process' });
  let current = kase;
  // the decision: a decide stage, or the higher level's answer to a report-up (上报); written with the move to the next node
  if ((task.stage === 'decide' && node.kind === 'stage') || node.kind === 'report_up')
    return enterNode(ctx, current, task.node_index + 1, nodes, {
      set: { decision: task.outcome === 'approved' ? 'granted' : 'denied', decided_at: new Date(), status: 'decided' },
      then: async (decided) => {
        await recordCaseEvent(ctx, decided, 'decided', { decision: decided.decision }, task.id);
        await onCaseDecided(ctx, decided, task.opinion);
      },
    });
  if (task.stage === 'conclude') current = await conclude(ctx, current);
  if (node.kind === 'parallel' && task.branch !== null) {
    const branch = node.branches[task.branch]!;
    if (task.outcome === 'approved' && node.mode === 'anysign') {
      await ctx.tx
        .updateTable('case_task')
        .set({ state: 'cancelled', completed_at: sql<Date>`now()` })
        .where('case_id', '=', kase.id)
        .where('node_index', '=', task.node_index)
        .where('state', 'in', ['open', 'claimed'])
        .execute();
    } else if (task.outcome === 'approved' && branch[task.step + 1]) {
      await createTask(ctx, current, task.node_index, node.id, branch[task.step + 1]!, task.branch, task.step + 1);
      return current;
    }
    const open = await ctx.tx
      .selectFrom('case_task')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('case_id', '=', kase.id)
      .where('node_index', '=', task.node_index)
      .where('state', 'in', ['open', 'claimed'])
      .executeTakeFirstOrThrow();
    if (open.n > 0) return current;
    const outcomes = await ctx.tx
      .selectFrom('case_task')
      .select('outcome')
      .where('case_id', '=', kase.id)
      .where('node_index', '=', task.node_index)
      .where('state', '=', 'done')
      .execute();
    const allAgree = outcomes.every((o) => o.outcome === 'approved');
    await recordCaseEvent(ctx, current, 'joint_completed', { node: node.id, mode: node.mode, allAgree });
  }
  if (current.status === 'concluded') return current;
  // every change to the case went through updateCase, which returns the row as written: `current` is fresh
  return enterNode(ctx, current, task.node_index + 1, nodes);
}

/**
 * Whether a task is a decision the window makes on the spot (窗口授权办理) that the window also concludes: a clerk's
 * decide stage followed by a clerk's conclude stage. Such a decision may conclude the case in the same step (当场办结).
 */
export function concludesAtWindow(nodes: ProcessNode[], task: { stage: string; assignee_role: string; node_index: number; kind: string }): boolean {
  const here = nodes[task.node_index];
  const next = nodes[task.node_index + 1];
  return (
    task.kind === 'work' &&
    task.stage === 'decide' &&
    task.assignee_role === 'clerk' &&
    here?.kind === 'stage' &&
    next?.kind === 'stage' &&
    next.stage === 'conclude' &&
    next.assignee.role === 'clerk'
  );
}

/** Where 退回 from a node goes: the previous top-level node that has work, never back past intake; null at the first. */
export function returnTarget(kase: Pick<CaseRow, 'by_commitment'>, nodes: ProcessNode[], fromIndex: number): number | null {
  let target = fromIndex - 1;
  while (target > 0 && nodes[target]?.kind === 'stage' && skipped(kase, nodes[target] as StageNode)) target -= 1;
  return target > 0 ? target : null;
}

/**
 * 退回: back to the previous top-level node that has work. Its tasks go back to whoever handled them there (claimed
 * for them), while they still hold that post; otherwise they open for the post as any task does.
 */
export async function returnToPrevious(ctx: WriteContext, kase: CaseRow, fromIndex: number): Promise<CaseRow> {
  const nodes = (await versionContent(ctx.tx, kase.item_version_id)).process.nodes;
  const target = returnTarget(kase, nodes, fromIndex);
  if (target === null) throw new AppError('NOTHING_TO_RETURN_TO', { reason: 'nothing before this stage to return to' });
  await ctx.tx
    .updateTable('case_task')
    .set({ state: 'cancelled', completed_at: new Date() })
    .where('case_id', '=', kase.id)
    .where('node_index', '=', fromIndex)
    .where('state', 'in', ['open', 'claimed'])
    .execute();
  const entered = await enterNode(ctx, kase, target, nodes);
  await sql`UPDATE case_task n SET state = 'claimed', assignee_account_id = p.completed_by, claimed_at = now(), version = n.version + 1
    FROM (SELECT DISTINCT ON (branch, step) branch, step, completed_by, organization_id, assignee_role FROM case_task
          WHERE case_id = ${kase.id} AND node_index = ${target} AND state = 'done' AND kind = 'work' AND completed_by IS NOT NULL
          ORDER BY branch, step, completed_at DESC) p
    WHERE n.case_id = ${kase.id} AND n.node_index = ${target} AND n.state = 'open' AND n.kind = 'work'
      AND n.branch IS NOT DISTINCT FROM p.branch AND n.step = p.step
      AND n.organization_id = p.organization_id AND n.assignee_role = p.assignee_role
      AND EXISTS (SELECT 1 FROM role_assignment r JOIN account a ON a.id = r.account_id
                  WHERE r.account_id = p.completed_by AND r.role = n.assignee_role AND r.organization_id = n.organization_id AND a.status = 'active')`.execute(
    ctx.tx,
  );
  return entered;
}
