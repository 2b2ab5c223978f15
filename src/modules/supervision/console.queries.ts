import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { listPage } from '../../server/db/paging.ts';
import { requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { canAnswer } from './orders.service.ts';
import type { OrderStatus } from './supervision.tables.ts';
import '../cases/cases.tables.ts';
import '../org/org.tables.ts';
import '../identity/identity.tables.ts';
import './supervision.tables.ts';

export type Light = 'green' | 'yellow' | 'red';

/** A running case's light from its clock: red once the earliest deadline passed, yellow from the warning moment. */
const caseLight = sql<Light>`CASE WHEN now() >= least(c.committed_due_at, c.legal_due_at) THEN 'red' WHEN c.warn_at <= now() THEN 'yellow' ELSE 'green' END`;
/** An open task's light from its due time and the watch list's yellow moment. */
const taskLight = sql<Light>`CASE WHEN now() >= t.due_at THEN 'red' WHEN w.yellow_at <= now() THEN 'yellow' ELSE 'green' END`;

function scoped(actor: Actor): RawBuilder<boolean> {
  return scopeFilter(scopeOf(actor, 'supervision.read'), 'r.path', 'o.path');
}

function runningCases(db: Db, actor: Actor) {
  return db
    .selectFrom('kase as k')
    .innerJoin('clock as c', 'c.id', 'k.clock_id')
    .innerJoin('region as r', 'r.id', 'k.region_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .where('c.state', '<>', 'stopped')
    .where(scoped(actor));
}

function openTasks(db: Db, actor: Actor) {
  return db
    .selectFrom('case_task as t')
    .innerJoin('kase as k', 'k.id', 't.case_id')
    .innerJoin('region as r', 'r.id', 'k.region_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .innerJoin('organization as to', 'to.id', 't.organization_id')
    .leftJoin('supervision_task_watch as w', 'w.task_id', 't.id')
    .where('t.state', 'in', ['open', 'claimed'])
    .where('t.due_at', 'is not', null)
    .where(scoped(actor));
}

function findingsInScope(db: Db, actor: Actor) {
  return db
    .selectFrom('supervision_finding as f')
    .innerJoin('kase as k', 'k.id', 'f.case_id')
    .innerJoin('region as r', 'r.id', 'k.region_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .where(scoped(actor));
}

const zero = () => ({ green: 0, yellow: 0, red: 0 });

/** The console's head line: running cases and open tasks by light, warnings, findings and orders, in scope. */
export async function supervisionSummary(db: Db, actor: Actor | null) {
  requireAccess(actor, 'supervision.read');
  const [cases, tasks, warnings, findings, orders] = await Promise.all([
    runningCases(db, actor)
      .select([caseLight.as('light'), sql<number>`count(*)::int`.as('n')])
      .groupBy(sql`1`)
      .execute(),
    openTasks(db, actor)
      .select([taskLight.as('light'), sql<number>`count(*)::int`.as('n')])
      .groupBy(sql`1`)
      .execute(),
    db
      .selectFrom('supervision_warning as sw')
      .innerJoin('region as r', 'r.id', 'sw.region_id')
      .innerJoin('organization as o', 'o.id', 'sw.organization_id')
      .where(scoped(actor))
      .select([
        'sw.level',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`(count(*) FILTER (WHERE sw.raised_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'))::int`.as(
          'today',
        ),
      ])
      .groupBy('sw.level')
      .execute(),
    findingsInScope(db, actor)
      .select(['f.kind', sql<number>`count(*)::int`.as('n')])
      .groupBy('f.kind')
      .execute(),
    db
      .selectFrom('supervision_order as s')
      .innerJoin('region as r', 'r.id', 's.region_id')
      .innerJoin('organization as o', 'o.id', 's.organization_id')
      .where(scoped(actor))
      .select([
        's.status',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`(count(*) FILTER (WHERE s.status IN ('open', 'escalated') AND s.reply_due_at < now()))::int`.as('late'),
        sql<number>`sum(s.escalations)::int`.as('escalations'),
      ])
      .groupBy('s.status')
      .execute(),
  ]);
  const byLight = (rows: { light: Light; n: number }[]) => rows.reduce((acc, r) => ({ ...acc, [r.light]: r.n }), zero());
  const orderCounts = { open: 0, replied: 0, closed: 0, escalated: 0 } as Record<OrderStatus, number>;
  for (const o of orders) orderCounts[o.status] = o.n;
  return {
    cases: byLight(cases),
    tasks: byLight(tasks),
    warnings: {
      yellow: warnings.find((w) => w.level === 'yellow')?.n ?? 0,
      red: warnings.find((w) => w.level === 'red')?.n ?? 0,
      today: warnings.reduce((s, w) => s + w.today, 0),
      // of today's, by level (the home page's 今日预警 shows today's, the console the running total)
      todayYellow: warnings.find((w) => w.level === 'yellow')?.today ?? 0,
      todayRed: warnings.find((w) => w.level === 'red')?.today ?? 0,
    },
    findings: Object.fromEntries(findings.map((f) => [f.kind, f.n])) as Record<string, number>,
    orders: { ...orderCounts, late: orders.reduce((s, o) => s + o.late, 0), escalations: orders.reduce((s, o) => s + (o.escalations ?? 0), 0) },
  };
}

/** Running cases with their lights, worst first (red, yellow, then by the nearest deadline). */
export async function listCaseLights(db: Db, actor: Actor | null, f: { light?: Light; q?: string; limit: number; offset: number }) {
  requireAccess(actor, 'supervision.read');
  let q = runningCases(db, actor);
  if (f.light) q = q.where(caseLight, '=', f.light);
  if (f.q) q = q.where((eb) => eb.or([eb('k.number', '=', f.q!), eb('k.subject', 'like', `%${f.q!.replace(/[\\%_]/g, (c) => '\\' + c)}%`)]));
  return listPage(
    q,
    f,
    (q) =>
      q
        .select([
          'k.id',
          'k.number',
          'k.subject',
          'k.status',
          'k.case_kind',
          'k.accepted_at',
          'o.name as organization_name',
          'r.name as region_name',
          'c.state as clock_state',
          'c.committed_due_at',
          'c.legal_due_at',
          'c.warn_at',
          caseLight.as('light'),
          sql<number>`(SELECT count(*) FROM supervision_order s WHERE s.case_id = k.id AND s.status <> 'closed')::int`.as('open_orders'),
        ])
        .orderBy(sql`CASE ${caseLight} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END`)
        .orderBy(sql`least(c.committed_due_at, c.legal_due_at)`)
        .orderBy('k.id'),
    (r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status,
      caseKind: r.case_kind,
      organizationName: r.organization_name,
      regionName: r.region_name,
      clockState: r.clock_state,
      acceptedAt: r.accepted_at?.toISOString() ?? null,
      committedDueAt: r.committed_due_at?.toISOString() ?? null,
      legalDueAt: r.legal_due_at?.toISOString() ?? null,
      warnAt: r.warn_at?.toISOString() ?? null,
      light: r.light,
      openOrders: r.open_orders,
    }),
  );
}

/** Open tasks with a due time and their lights, worst first. */
export async function listTaskLights(db: Db, actor: Actor | null, f: { light?: Light; limit: number; offset: number }) {
  requireAccess(actor, 'supervision.read');
  let q = openTasks(db, actor);
  if (f.light) q = q.where(taskLight, '=', f.light);
  return listPage(
    q,
    f,
    (q) =>
      q
        .leftJoin('account as a', 'a.id', 't.assignee_account_id')
        .select([
          't.id',
          't.name',
          't.state',
          't.due_at',
          't.created_at',
          'w.yellow_at',
          'k.id as case_id',
          'k.number',
          'k.subject',
          'to.name as organization_name',
          'a.display_name as assignee_name',
          taskLight.as('light'),
        ])
        .orderBy(sql`CASE ${taskLight} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END`)
        .orderBy('t.due_at')
        .orderBy('t.id'),
    (r) => ({
      id: r.id,
      name: r.name,
      state: r.state,
      dueAt: r.due_at!.toISOString(),
      yellowAt: r.yellow_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      caseId: r.case_id,
      caseNumber: r.number,
      caseSubject: r.subject,
      organizationName: r.organization_name,
      assigneeName: r.assignee_name,
      light: r.light,
    }),
  );
}

/** Every warning raised in scope, newest first: the record supervisors count. */
export async function listWarnings(db: Db, actor: Actor | null, f: { level?: 'yellow' | 'red'; caseId?: number; limit: number; offset: number }) {
  requireAccess(actor, 'supervision.read');
  let q = db
    .selectFrom('supervision_warning as sw')
    .innerJoin('kase as k', 'k.id', 'sw.case_id')
    .innerJoin('region as r', 'r.id', 'sw.region_id')
    .innerJoin('organization as o', 'o.id', 'sw.organization_id')
    .leftJoin('case_task as t', 't.id', 'sw.task_id')
    .where(scoped(actor));
  if (f.level) q = q.where('sw.level', '=', f.level);
  if (f.caseId) q = q.where('sw.case_id', '=', f.caseId);
  return listPage(
    q,
    f,
    (q) =>
      q
        .select([
          'sw.id',
          'sw.level',
          'sw.subject_type',
          'sw.limit_kind',
          'sw.due_at',
          'sw.crossed_at',
          'sw.raised_at',
          'k.id as case_id',
          'k.number',
          'k.subject',
          'o.name as organization_name',
          't.name as task_name',
        ])
        .orderBy('sw.id', 'desc'),
    (r) => ({
      id: r.id,
      level: r.level,
      subjectType: r.subject_type,
      limitKind: r.limit_kind,
      dueAt: r.due_at.toISOString(),
      crossedAt: r.crossed_at.toISOString(),
      raisedAt: r.raised_at.toISOString(),
      caseId: r.case_id,
      caseNumber: r.number,
      caseSubject: r.subject,
      organizationName: r.organization_name,
      taskName: r.task_name,
    }),
  );
}

/** Suspicious patterns found on cases in scope, newest first. */
export async function listFindings(db: Db, actor: Actor | null, f: { kind?: string; limit: number; offset: number }) {
  requireAccess(actor, 'supervision.read');
  let q = findingsInScope(db, actor);
  if (f.kind) q = q.where('f.kind', '=', f.kind as 'paused_often');
  return listPage(
    q,
    f,
    (q) =>
      q
        .select(['f.id', 'f.kind', 'f.detail', 'f.found_at', 'k.id as case_id', 'k.number', 'k.subject', 'k.status', 'o.name as organization_name'])
        .orderBy('f.id', 'desc'),
    (r) => ({
      id: r.id,
      kind: r.kind,
      detail: r.detail as Record<string, unknown>,
      foundAt: r.found_at.toISOString(),
      caseId: r.case_id,
      caseNumber: r.number,
      caseSubject: r.subject,
      caseStatus: r.status,
      organizationName: r.organization_name,
    }),
  );
}

function orderRows(db: Db) {
  return db
    .selectFrom('supervision_order as s')
    .innerJoin('kase as k', 'k.id', 's.case_id')
    .innerJoin('region as r', 'r.id', 's.region_id')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .innerJoin('account as a', 'a.id', 's.issued_by');
}

const orderColumns = [
  's.id',
  's.number',
  's.status',
  's.request',
  's.reply_due_at',
  's.escalations',
  's.version',
  's.created_at',
  's.closed_at',
  's.close_note',
  's.organization_id',
  'k.id as case_id',
  'k.number as case_number',
  'k.subject as case_subject',
  'o.name as organization_name',
  'o.path as org_path',
  'a.display_name as issued_by_name',
] as const;

type OrderListRow = {
  id: number;
  number: string;
  status: OrderStatus;
  request: string;
  reply_due_at: Date;
  escalations: number;
  version: number;
  created_at: Date;
  closed_at: Date | null;
  close_note: string | null;
  organization_id: number;
  case_id: number;
  case_number: string;
  case_subject: string;
  organization_name: string;
  issued_by_name: string;
};

function orderView(r: OrderListRow) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    request: r.request,
    replyDueAt: r.reply_due_at.toISOString(),
    isLate: (r.status === 'open' || r.status === 'escalated') && r.reply_due_at.getTime() < Date.now(),
    escalations: r.escalations,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    closeNote: r.close_note,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    caseId: r.case_id,
    caseNumber: r.case_number,
    caseSubject: r.case_subject,
    issuedByName: r.issued_by_name,
  };
}

/**
 * 督办 orders: for a supervisor, those of cases in scope (`view: 'issued'`); for a department, those
 * addressed to organizations its `case.handle` scope covers (`view: 'department'`).
 */
export async function listOrders(
  db: Db,
  actor: Actor | null,
  f: { view: 'issued' | 'department'; status?: OrderStatus; caseId?: number; limit: number; offset: number },
) {
  let q = orderRows(db);
  if (f.view === 'issued') {
    requireAccess(actor, 'supervision.read');
    q = q.where(scoped(actor));
  } else {
    requireAccess(actor, 'case.handle');
    const scope = scopeOf(actor, 'case.handle');
    q = q.where(scopeFilter(scope.all ? scope : { all: false, regionPaths: [], orgPaths: scope.orgPaths }, 'r.path', 'o.path'));
  }
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.caseId) q = q.where('s.case_id', '=', f.caseId);
  return listPage(
    q,
    f,
    (q) =>
      q
        .select([...orderColumns])
        .orderBy(sql`CASE WHEN s.status IN ('open', 'escalated') THEN 0 WHEN s.status = 'replied' THEN 1 ELSE 2 END`)
        .orderBy('s.reply_due_at')
        .orderBy('s.id', 'desc'),
    (r) => orderView(r as OrderListRow),
  );
}

/** One order with its trail, for the supervisor in scope or the department it is addressed to. */
export async function getOrder(db: Db, actor: Actor | null, orderId: number) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const supervising = scopeOf(actor, 'supervision.read');
  const canSupervise = supervising.all || supervising.regionPaths.length + supervising.orgPaths.length > 0;
  const handling = scopeOf(actor, 'case.handle');
  if (!canSupervise && (handling.all || handling.orgPaths.length === 0)) throw new AppError('FORBIDDEN');
  const row = await orderRows(db)
    .select([...orderColumns, 'r.path as region_path'])
    .where('s.id', '=', orderId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const inScope =
    supervising.all || supervising.regionPaths.some((p) => row.region_path.startsWith(p)) || supervising.orgPaths.some((p) => row.org_path.startsWith(p));
  const department = canAnswer(actor, row.org_path);
  if (!inScope && !department) throw new AppError('NOT_FOUND');
  const entries = await db
    .selectFrom('supervision_order_entry as e')
    .innerJoin('account as a', 'a.id', 'e.account_id')
    .select(['e.id', 'e.kind', 'e.text', 'e.reply_due_at', 'e.at', 'a.display_name'])
    .where('e.order_id', '=', orderId)
    .orderBy('e.id')
    .execute();
  return {
    ...orderView(row as OrderListRow),
    canReply: department && (row.status === 'open' || row.status === 'escalated'),
    canDecide: hasOrderScope(actor, row.region_path, row.org_path),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      text: e.text,
      replyDueAt: e.reply_due_at?.toISOString() ?? null,
      at: e.at.toISOString(),
      by: e.display_name,
    })),
  };
}

function hasOrderScope(actor: Actor, regionPath: string, orgPath: string): boolean {
  const s = scopeOf(actor, 'supervision.order');
  return s.all || s.regionPaths.some((p) => regionPath.startsWith(p)) || s.orgPaths.some((p) => orgPath.startsWith(p));
}
