import type { ItemContent, Limit, ParallelNode, ProcessNode, ReportUpNode, StageNode } from '../../../api/catalog-admin.ts';
import { clerkMayActAt } from '../../../../common/window-decisions.ts';

/*
 * Edits of a process (catalog.schemas.ts `Process`): top-level nodes, and stages inside the branches
 * of parallel nodes. Every function returns a new list. Node ids are unique across the whole process
 * (item-rules.ts checks that), so new nodes get ids no node has yet.
 */

/** Where a node sits: a top-level position, or a stage in a parallel node's branch. */
export type NodePath = { top: number; branch?: undefined; index?: undefined } | { top: number; branch: number; index: number };

export function allIds(nodes: readonly ProcessNode[]): Set<string> {
  const ids = new Set<string>();
  for (const n of nodes) {
    ids.add(n.id);
    if (n.kind === 'parallel') for (const b of n.branches) for (const s of b) ids.add(s.id);
  }
  return ids;
}

/** `stage-3`, `parallel-2`: the first free id with the prefix (the pattern is ^[a-z0-9_-]{1,40}$). */
export function freeId(taken: Set<string>, prefix: string): string {
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n += 1;
  const id = `${prefix}-${n}`;
  taken.add(id);
  return id;
}

export function newStage(taken: Set<string>, name = '审查'): StageNode {
  return { kind: 'stage', id: freeId(taken, 'stage'), stage: 'review', name, assignee: { role: 'approver', org: 'implementing' } };
}

/** 并联审批 with two branches of one review stage each: the least a parallel node must have. */
export function newParallel(taken: Set<string>): ParallelNode {
  return {
    kind: 'parallel',
    id: freeId(taken, 'parallel'),
    name: '并联审查',
    mode: 'countersign',
    branches: [[newStage(taken, '部门审查一')], [newStage(taken, '部门审查二')]],
  };
}

export function newReportUp(taken: Set<string>): ReportUpNode {
  return { kind: 'report_up', id: freeId(taken, 'report'), name: '上报上级审查' };
}

export function nodeAt(nodes: readonly ProcessNode[], path: NodePath): ProcessNode | undefined {
  const top = nodes[path.top];
  if (path.branch === undefined) return top;
  return top?.kind === 'parallel' ? top.branches[path.branch]?.[path.index] : undefined;
}

export function insertTop(nodes: readonly ProcessNode[], at: number, node: ProcessNode): ProcessNode[] {
  return [...nodes.slice(0, at), node, ...nodes.slice(at)];
}

function withParallel(nodes: readonly ProcessNode[], top: number, change: (p: ParallelNode) => ParallelNode): ProcessNode[] {
  return nodes.map((n, i) => (i === top && n.kind === 'parallel' ? change(n) : n));
}

export function insertInBranch(nodes: readonly ProcessNode[], top: number, branch: number, at: number, stage: StageNode): ProcessNode[] {
  return withParallel(nodes, top, (p) => ({ ...p, branches: p.branches.map((b, j) => (j === branch ? [...b.slice(0, at), stage, ...b.slice(at)] : b)) }));
}

export function replaceAt(nodes: readonly ProcessNode[], path: NodePath, node: ProcessNode): ProcessNode[] {
  if (path.branch === undefined) return nodes.map((n, i) => (i === path.top ? node : n));
  if (node.kind !== 'stage') return [...nodes];
  return withParallel(nodes, path.top, (p) => ({
    ...p,
    branches: p.branches.map((b, j) => (j === path.branch ? b.map((s, k) => (k === path.index ? node : s)) : b)),
  }));
}

export function removeAt(nodes: readonly ProcessNode[], path: NodePath): ProcessNode[] {
  if (path.branch === undefined) return nodes.filter((_n, i) => i !== path.top);
  return withParallel(nodes, path.top, (p) => ({ ...p, branches: p.branches.map((b, j) => (j === path.branch ? b.filter((_s, k) => k !== path.index) : b)) }));
}

export function addBranch(nodes: readonly ProcessNode[], top: number): ProcessNode[] {
  const taken = allIds(nodes);
  return withParallel(nodes, top, (p) => ({ ...p, branches: [...p.branches, [newStage(taken, `部门审查${p.branches.length + 1}`)]] }));
}

export function removeBranch(nodes: readonly ProcessNode[], top: number, branch: number): ProcessNode[] {
  return withParallel(nodes, top, (p) => ({ ...p, branches: p.branches.filter((_b, j) => j !== branch) }));
}

/** Working days the top-level stage and report-up budgets add up to: what item-rules.ts holds against the legal limit. */
export function budgetTotal(nodes: readonly ProcessNode[]): number {
  return nodes.reduce((sum, n) => sum + (n.kind !== 'parallel' && n.budget?.unit === 'workday' ? n.budget.value : 0), 0);
}

/**
 * What the main line's budgets add up to, unit by unit (working days, calendar days, working hours), leaving out the
 * units no node uses: the total people compare with the legal limit, whatever unit the nodes are budgeted in.
 */
export function budgetSums(nodes: readonly ProcessNode[]): Limit[] {
  const units: Limit['unit'][] = ['workday', 'day', 'workhour'];
  return units
    .map((unit) => ({ value: nodes.reduce((sum, n) => sum + (n.kind !== 'parallel' && n.budget?.unit === unit ? n.budget.value : 0), 0), unit }))
    .filter((_s, i) => nodes.some((n) => n.kind !== 'parallel' && n.budget?.unit === units[i]));
}

function* stagesOf(nodes: readonly ProcessNode[]): Generator<StageNode> {
  for (const n of nodes) {
    if (n.kind === 'stage') yield n;
    else if (n.kind === 'parallel') for (const b of n.branches) yield* b;
  }
}

/** What the rules will say about the shape of the process, for hints on the canvas. */
export function processHints(nodes: readonly ProcessNode[], content: Pick<ItemContent, 'legalLimit' | 'caseKind'>) {
  const first = nodes[0];
  const stages = nodes.filter((n): n is StageNode => n.kind === 'stage').map((n) => n.stage);
  return {
    noReceiveFirst: !first || first.kind !== 'stage' || first.stage !== 'receive',
    noDecision: !stages.includes('decide') && !nodes.some((n) => n.kind === 'report_up'),
    noConclude: !stages.includes('conclude'),
    clerkMisplaced: [...stagesOf(nodes)].some((s) => s.assignee.role === 'clerk' && !clerkMayActAt(s.stage, content.caseKind)),
    overBudget: content.caseKind === 'committed' && content.legalLimit.unit === 'workday' && budgetTotal(nodes) > content.legalLimit.value,
  };
}
