import { sql, type RawBuilder } from 'kysely';
import type { DeliveryMethod } from '../../common/delivery.ts';
import { beforeCommit, pipelinedRows, pipelinedWrite, shapedStatement, type Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import type { ItemContent } from '../catalog/catalog.schemas.ts';
import type { Insertable, Selectable } from 'kysely';
import type { CaseTaskTable, KaseTable } from './cases.tables.ts';
import { syncParent } from './bundle-cases.service.ts';
import { metricsOfEvent } from '../metrics/rollups.ts';
import { knowStreamHead } from '../audit/audit.service.ts';
import { clockInRead, knowClock, type ClockJson } from '../calendar/clocks.service.ts';
import { regionById } from '../org/placement.ts';
import { eventsWritten } from '../../server/events.ts';
import './cases.tables.ts';
import '../catalog/catalog.tables.ts';

type Plain<T> = { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] };
export type CaseRow = Plain<KaseTable>;

/** What a case row holds nothing of when it is submitted. */
export const nothingYet = {
  accepted_at: null,
  decided_at: null,
  decision: null,
  decision_note: null,
  concluded_at: null,
  delivered_at: null,
  delivery: null,
  refusal_reason: null,
  clock_id: null,
} as const;

export async function loadCase(db: Executor, caseId: number): Promise<CaseRow> {
  const preloaded = preloadedCases.get(db);
  if (preloaded?.id === caseId) {
    preloadedCases.delete(db);
    return preloaded;
  }
  const row = await db.selectFrom('kase').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row as CaseRow;
}

/** A case row an action read in its first statement, handed to the action's first `loadCase`. */
const preloadedCases = new WeakMap<Executor, CaseRow>();
/** The task an action names, read in the same statement, handed to the action's first `loadTask` of it. */
const preloadedTasks = new WeakMap<Executor, PreloadedTask>();

/** A window's task is worked by clerks of the region its organization is in (see canWorkTask). */
export const windowRegionPath = sql<string | null>`CASE WHEN t.assignee_role = 'clerk' THEN (SELECT rg.path FROM region rg WHERE rg.id = o.region_id) END`;

/** A task with its organization's path, and for a window's task (a clerk's) its organization's region path. */
export type PreloadedTask = Selectable<CaseTaskTable> & { org_path: string; region_path?: string | null };
const taskDates = ['due_at', 'created_at', 'claimed_at', 'completed_at', 'last_urged_at'] as const;

/** preloadCase's statement; its shape: which extras it brings. */
const preloadStatement = shapedStatement(
  (wants: PreloadWants) => extraNames.map((name) => (wants[name] ? name : '')).join() + (wants.decision ? '|decision' : ''),
  (db, wants, v: { caseId: number; taskId: number }) =>
    db
      .selectFrom('kase as k')
      .select([
        // the row as one JSON value: one field to describe and parse instead of one per column (see caseFromJson)
        sql<CaseJson>`row_to_json(k)`.as('kase'),
        // what the action is known to read besides (see PreloadWants)
        ...extraNames.map((name) => (wants[name] ? extras[name] : sql`null`).as(name)),
        sql<Record<
          string,
          unknown
        > | null>`(SELECT to_jsonb(t) || jsonb_build_object('org_path', o.path, 'region_path', ${windowRegionPath})${wants.decision ? atDecision : sql``}
        FROM case_task t JOIN organization o ON o.id = t.organization_id WHERE t.id = ${v.taskId} AND t.case_id = k.id)`.as('task'),
        sql<{ seq: number; hash: string } | null>`(SELECT json_build_object('seq', a.seq, 'hash', a.hash) FROM audit_entry a
        WHERE a.stream = 'case:' || k.id ORDER BY a.seq DESC LIMIT 1)`.as('audit_head'),
        // the tasks at the named task's node, for finishing it without reading them again (see finishTask)
        nodeTasks(sql`FROM case_task x JOIN case_task n ON n.id = ${v.taskId} AND n.case_id = k.id WHERE x.case_id = k.id AND x.node_index = n.node_index`).as(
          'at_node',
        ),
        sql<Date>`now()`.as('read_at'),
      ])
      .where('k.id', '=', v.caseId),
);

/**
 * The first read of an action, in one round trip: the case row, the named task if it belongs to the
 * case (with its organization's path, and the tasks at its node), the head of the case's audit chain,
 * and what the action is known to read besides (`wants`). The row and the task go to the action's first
 * `loadCase` and `loadTask`, the node's tasks to `finishTask`, the chain's head to the audit writer and
 * the rest to `caseExtra`, so none of them is read again.
 */
export async function preloadCase(
  tx: Executor,
  caseId: number,
  taskId: number | null,
  wants: PreloadWants = {},
): Promise<(CaseRow & { task_id: number | null }) | undefined> {
  const row = (await tx.executeQuery(preloadStatement(wants, { caseId, taskId: taskId ?? 0 }))).rows[0];
  if (!row) return undefined;
  const { task, audit_head, at_node, read_at, materials, documentFacts, unpaidFees, openPause } = row as typeof row & Partial<ExtraValues>;
  const kase = caseFromJson(row.kase);
  const brought: Partial<ExtraValues> = {};
  if (wants.materials) brought.materials = materials;
  if (wants.documentFacts) brought.documentFacts = documentFacts;
  if (wants.unpaidFees) brought.unpaidFees = unpaidFees;
  if (wants.openPause) brought.openPause = openPause;
  preloadedExtras.set(tx, { caseId, brought });
  // what a task that may decide or conclude the case brought (see atDecision)
  if (task && '_facts' in task) brought.documentFacts = task._facts as DocumentFactsRow | null;
  if (task && '_clock' in task) knowClock(tx, task._clock as ClockJson | null);
  if (task) {
    delete task._facts;
    delete task._clock;
  }
  knowStreamHead(tx, `case:${caseId}`, audit_head ?? undefined);
  if (task && at_node) preloadedNodes.set(tx, { taskId: task.id as number, version: kase.version, atNode: at_node, now: read_at });
  // a bundle application's actions reach its children first: they read the parent afresh
  if (kase.bundle_id === null) preloadedCases.set(tx, kase as CaseRow);
  if (task) {
    for (const column of taskDates) if (typeof task[column] === 'string') task[column] = new Date(task[column]);
    preloadedTasks.set(tx, task as unknown as PreloadedTask);
  }
  return { ...(kase as CaseRow), task_id: task ? (task.id as number) : null };
}

/** A case row as `row_to_json` gives it: its times as text. */
type CaseJson = { [K in keyof CaseRow]: CaseRow[K] extends Date ? string : CaseRow[K] extends Date | null ? string | null : CaseRow[K] };
/** The case row's times, which JSON carries as text. */
const caseTimes = [
  'received_at',
  'notice_due_at',
  'accepted_at',
  'decided_at',
  'concluded_at',
  'delivered_at',
  'revoked_at',
  'tolerated_due_at',
  'supplement_due_at',
  'created_at',
  'updated_at',
] as const;

/** A case row from its JSON form, as a plain read of the row gives it (cases.test.ts compares the two). */
export function caseFromJson(json: CaseJson): CaseRow {
  const row = json as unknown as Record<string, unknown>;
  for (const column of caseTimes) {
    const value = json[column];
    row[column] = value === null ? null : new Date(value);
  }
  return row as unknown as CaseRow;
}

/**
 * The tasks at the node of the task an action names, as its first read found them with the case at
 * `version`; `now` is the transaction's timestamp.
 */
export type NodeTask = Pick<
  Selectable<CaseTaskTable>,
  'id' | 'kind' | 'state' | 'node_index' | 'node_id' | 'branch' | 'step' | 'stage' | 'outcome' | 'opinion'
> & {
  completed_at: Date | null;
};
export type NodeTaskJson = Omit<NodeTask, 'completed_at'> & { completed_at: string | null };
const preloadedNodes = new WeakMap<Executor, { taskId: number; version: number; atNode: NodeTaskJson[]; now: Date }>();

/** The tasks at a task's node as `preloadCase` read them, once, if that read was of this task with the case at `version`. */
export function takePreloadedNode(tx: Executor, taskId: number, version: number) {
  const node = preloadedNodes.get(tx);
  preloadedNodes.delete(tx);
  return node?.taskId === taskId && node.version === version ? node : undefined;
}

/**
 * The tasks at a node, as `finishTask` weighs them, from `from` (a FROM … WHERE naming them `x`); one
 * definition for the first read and for `finishTask`'s own.
 */
export function nodeTasks(from: RawBuilder<unknown>): RawBuilder<NodeTaskJson[] | null> {
  return sql<NodeTaskJson[] | null>`(SELECT json_agg(json_build_object('id', x.id, 'kind', x.kind, 'state', x.state, 'node_index', x.node_index,
    'node_id', x.node_id, 'branch', x.branch, 'step', x.step, 'stage', x.stage, 'outcome', x.outcome, 'opinion', x.opinion,
    'completed_at', x.completed_at) ORDER BY x.id) ${from} AND x.state <> 'cancelled')`;
}

export interface DocumentFactsRow {
  code: string;
  org: string;
  region: string;
  kind: string;
  name: string;
  id_number_mask: string | null;
  /** an enterprise's unified social credit code, sealed as the applicant keeps it (documents print it in full) */
  credit_code_enc: string | null;
}
/** What an action reads besides its case and task, each one expression over the case row `k`. */
interface ExtraValues {
  /** the case's materials, latest round last (acceptance: is anything required missing) */
  materials: { material_key: string; status: string; round: number }[];
  /** what documents print: the item's code, the organization's and region's names, the applicant (null for a bundle's parent) */
  documentFacts: DocumentFactsRow | null;
  /** the unpaid fee lines (delivery waits for them) */
  unpaidFees: { id: number; name: string; amount_cents: number | null }[];
  /** why the case's clock is paused now, if it is (a special procedure, or supplements): approving, rejecting or returning waits for its end */
  openPause: string | null;
}
const extras: { [K in keyof ExtraValues]: RawBuilder<ExtraValues[K]> } = {
  materials: sql`(SELECT coalesce(json_agg(json_build_object('material_key', m.material_key, 'status', m.status, 'round', m.round) ORDER BY m.round), '[]')
    FROM case_material m WHERE m.case_id = k.id)`,
  documentFacts: sql`(SELECT json_build_object('code', i.code, 'org', o.name, 'region', g.name, 'kind', a.kind, 'name', a.name,
    'id_number_mask', a.id_number_mask, 'credit_code_enc', CASE WHEN a.kind = 'enterprise' THEN a.id_number_enc END)
    FROM item i, organization o, region g, applicant a
    WHERE i.id = k.item_id AND o.id = k.organization_id AND g.id = k.region_id AND a.id = k.applicant_id)`,
  unpaidFees: sql`(SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'amount_cents', f.amount_cents) ORDER BY f.id), '[]')
    FROM case_fee f WHERE f.case_id = k.id AND f.status = 'unpaid')`,
  openPause: sql`(SELECT p.reason FROM clock_pause p WHERE p.clock_id = k.clock_id AND p.ended_at IS NULL)`,
};

/**
 * What an approval of the named task `t` needs when it decides or concludes the case, brought with the
 * task only then: the names its decision documents print (a decide or report-up stage, or a conclusion
 * with no decision yet) and the case's clock, which the conclusion stops (decide, conclude and report-up
 * stages). A review's approval reads neither; what an approval needs without having brought it (a joint
 * stage's last branch reaching the end) is read when needed.
 */
const atDecision = sql`
  || CASE WHEN t.stage IN ('decide', 'report_up') OR (t.stage = 'conclude' AND k.decision IS NULL)
       THEN jsonb_build_object('_facts', ${extras.documentFacts}) ELSE '{}'::jsonb END
  || CASE WHEN t.stage IN ('decide', 'conclude', 'report_up') THEN jsonb_build_object('_clock', ${clockInRead(sql`k.clock_id`)}) ELSE '{}'::jsonb END`;
const extraNames = Object.keys(extras) as (keyof ExtraValues)[];
/**
 * Which of the extras an action's first read brings (the action is known to read them); `decision`: the
 * action approves the named task, which may decide or conclude the case (see atDecision).
 */
export type PreloadWants = { [K in keyof ExtraValues]?: boolean } & { decision?: boolean };
const preloadedExtras = new WeakMap<Executor, { caseId: number; brought: Partial<ExtraValues> }>();

/**
 * What an action reads besides about its case: what the first read brought, or read now. Materials and
 * fees are handed out once (the action may change them after); the document facts (names that case
 * actions do not change) for the whole transaction.
 */
export async function caseExtra<K extends keyof ExtraValues>(tx: Executor, caseId: number, what: K): Promise<ExtraValues[K]> {
  const preloaded = preloadedExtras.get(tx);
  if (preloaded?.caseId === caseId && what in preloaded.brought) {
    const value = preloaded.brought[what]!;
    if (what !== 'documentFacts') delete preloaded.brought[what];
    return value;
  }
  const { rows } = await sql<{ v: ExtraValues[K] }>`SELECT ${extras[what]} AS v FROM kase k WHERE k.id = ${caseId}`.execute(tx);
  if (!rows[0]) throw new AppError('NOT_FOUND', { caseId });
  return rows[0].v;
}

/** The task `preloadCase` read, once, if it is the one asked for. */
export function takePreloadedTask(tx: Executor, taskId: number): PreloadedTask | undefined {
  const task = preloadedTasks.get(tx);
  if (task?.id !== taskId) return undefined;
  preloadedTasks.delete(tx);
  return task;
}

/** The action has written its case: what its first read brought is no longer the row as it is. */
export function caseWritten(tx: Executor): void {
  preloadedCases.delete(tx);
  preloadedTasks.delete(tx);
  preloadedNodes.delete(tx);
}

/** A case inserted by this transaction: its audit chain has no entry yet, so none is looked for. */
export function caseInserted(tx: Executor, caseId: number): void {
  knowStreamHead(tx, `case:${caseId}`, undefined);
}

/**
 * The content of the item version a case pinned. Cases pin only published versions, which never change
 * (a change is a new version), so the content is kept in memory after the first read.
 */
const pinnedContent = new Map<number, ItemContent>();
/** The delivery methods a case may choose among: its item version's, or a bundle application's, its bundle's. */
export async function deliveryMethodsOf(db: Executor, kase: CaseRow): Promise<DeliveryMethod[]> {
  if (kase.bundle_id === null) return (await versionContent(db, kase.item_version_id)).deliveryMethods;
  const bundle = await db
    .selectFrom('bundle')
    .select(sql<DeliveryMethod[]>`content->'deliveryMethods'`.as('methods'))
    .where('id', '=', kase.bundle_id)
    .executeTakeFirst();
  return bundle?.methods ?? [];
}

export async function versionContent(db: Executor, versionId: number | null): Promise<ItemContent> {
  if (versionId === null) throw new AppError('CONFLICT', { reason: 'a bundle application has no process of its own: act on its item cases' });
  const cached = pinnedContent.get(versionId);
  if (cached) return cached;
  const v = await db.selectFrom('item_version').select(['content', 'state']).where('id', '=', versionId).executeTakeFirstOrThrow();
  const content = v.content as ItemContent;
  if (v.state === 'published' || v.state === 'superseded') {
    if (pinnedContent.size >= 2000) pinnedContent.delete(pinnedContent.keys().next().value!);
    pinnedContent.set(versionId, content);
  }
  return content;
}

/**
 * Ask the applicant for materials (a one-time notice, a supplement during review): each must be one of the item
 * version's materials; they are written as missing, with what is asked of each, in the case's next round. Answers
 * the materials' names by key.
 */
export async function askForMaterials(ctx: WriteContext, kase: CaseRow, items: { key: string; note: string }[]): Promise<Map<string, string>> {
  const content = await versionContent(ctx.tx, kase.item_version_id);
  const names = new Map(content.materials.map((m) => [m.key, m.name]));
  if (items.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'items' });
  for (const i of items) if (!names.has(i.key)) throw new AppError('VALIDATION_FAILED', { field: 'items', key: i.key, reason: 'not a material of this item' });
  const { r } = await ctx.tx
    .selectFrom('case_material')
    .select(sql<number>`max(round)`.as('r'))
    .where('case_id', '=', kase.id)
    .executeTakeFirstOrThrow();
  await ctx.tx
    .insertInto('case_material')
    .values(
      items.map((i) => ({
        case_id: kase.id,
        material_key: i.key,
        name: names.get(i.key)!,
        status: 'missing' as const,
        reference: null,
        round: r + 1,
        note: i.note,
      })),
    )
    .execute();
  return names;
}

/**
 * updateCase's statement; its shape: the columns it sets and the columns of each task it inserts
 * (arguments `set.<column>`, `task<i>.<column>`, `id`, `version`, `now`). It answers nothing: should the
 * case have changed since it was read, it ends the transaction with 409 (`changed_meanwhile`).
 */
const caseUpdateStatement = shapedStatement(
  (shape: { columns: string[]; taskColumns: string[][] }) => `${shape.columns.join()}|${shape.taskColumns.map((t) => t.join()).join('|')}`,
  (db, { columns, taskColumns }, v: Record<string, unknown>) => {
    const update = db
      .updateTable('kase')
      .set({ ...Object.fromEntries(columns.map((c) => [c, v[`set.${c}`]])), version: sql`version + 1`, updated_at: v.now as Date })
      .where('id', '=', v.id as number)
      .where('version', '=', v.version as number)
      .returning('id');
    const tasks = taskColumns.map((columns, i) => Object.fromEntries(columns.map((c) => [c, v[`task${i}.${c}`]]))) as Insertable<CaseTaskTable>[];
    const updated = db.with('k', () => update);
    const opened = tasks.length > 0 ? updated.with('t', (w) => w.insertInto('case_task').values(tasks)) : updated;
    return opened.selectNoFrom(sql<null>`CASE WHEN NOT EXISTS (SELECT 1 FROM k) THEN changed_meanwhile('the case was changed by someone else') END`.as('ok'));
  },
);

/** The columns of the case row that hold JSON (given as text, read back as values). */
const jsonColumns = new Set<string>(['delivery']);

/**
 * Update the case row if nobody changed it since it was read: the optimistic lock every action takes.
 * `tasks` are inserted in the same statement (the tasks of the node the case moves to). The statement
 * is pipelined (the action does not wait for it): the row it returns is the one read with the
 * changes made, as the statement writes it; should the case have changed since it was read, the
 * transaction ends with 409 and nothing of the action remains.
 */
export async function updateCase(
  ctx: WriteContext,
  kase: CaseRow,
  set: Partial<Record<keyof KaseTable, unknown>>,
  tasks: Insertable<CaseTaskTable>[] = [],
): Promise<CaseRow> {
  const columns = Object.keys(set).filter((c) => set[c as keyof KaseTable] !== undefined);
  const taskColumns = tasks.map((t) => Object.keys(t).filter((c) => t[c as keyof typeof t] !== undefined));
  const now = new Date();
  const args: Record<string, unknown> = { id: kase.id, version: kase.version, now };
  for (const c of columns) args[`set.${c}`] = set[c as keyof KaseTable];
  tasks.forEach((t, i) => {
    for (const c of taskColumns[i]!) args[`task${i}.${c}`] = t[c as keyof typeof t];
  });
  await pipelinedWrite(ctx.tx, caseUpdateStatement({ columns, taskColumns }, args));
  caseWritten(ctx.tx);
  const row = { ...kase, version: kase.version + 1, updated_at: now } as CaseRow & Record<string, unknown>;
  for (const c of columns) {
    const value = set[c as keyof KaseTable];
    row[c] = jsonColumns.has(c) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  // an item case of a bundle: the parent case follows its children
  if (row.parent_id !== null && set.status !== undefined && set.status !== kase.status) await syncParent(ctx, row.parent_id);
  return row;
}

type AuditRow = Awaited<ReturnType<WriteContext['prepareAudit']>>;
/**
 * One case event as its statement writes it: the timeline entry, the domain event, the statistics' feed,
 * and — for the first event of its case in the statement — the audit entry of the action.
 */
interface CaseEventRow {
  /** the audit entry of the action's events of this case (on its first event only) */
  audit: AuditRow | null;
  caseId: number;
  type: string;
  actorId: number | null;
  actorName: string | null;
  taskId: number | null;
  payload: string;
  event: string;
  requestId: string | null;
  /** what the statistics' feed counts of it: the case's facts (true), staff work only (false), nothing (null) */
  feed: boolean | null;
}

/**
 * The statement that writes case events, any number of them, of any cases, in the order given. Its
 * shape: what the statistics' feed counts of each event, and which events carry their action's audit
 * entry. Each event's arguments are named with its index; `seqAfter` is how many events of the same
 * case come before it in the statement, so that a case's entries take the timeline's next numbers in order.
 */
const caseEventsStatement = shapedStatement(
  ({ events, summary }: { events: EventShape[]; summary: boolean }) =>
    events.map((e) => (e.feed === null ? '-' : e.feed ? 'f' : 's') + (e.audited ? 'a' : '')).join('') + (summary ? '>' : ''),
  (_db, { events, summary }, v: Record<string, unknown>) => {
    const feeds = events.map((e) => e.feed);
    const rows = (build: (i: number) => RawBuilder<unknown>, only = (_i: number) => true) =>
      sql.join(feeds.flatMap((_, i) => (only(i) ? [sql`(${build(i)})`] : [])));
    // the events' ids are drawn first, so that the statistics' feed rows name them without matching the inserted rows up
    return sql`
    WITH ev AS MATERIALIZED (
      SELECT nextval('case_event_id_seq'::regclass) AS id, v.* FROM (VALUES ${rows(
        (i) => sql`${v[`caseId${i}`]}::bigint, ${v[`seqAfter${i}`]}::int, ${v[`type${i}`]}::text, ${v[`actorId${i}`]}::bigint,
          ${v[`actorName${i}`]}::text, ${v[`taskId${i}`]}::bigint, ${v[`payload${i}`]}::jsonb, ${feeds[i] === null ? sql`NULL` : sql.lit(feeds[i])}::boolean`,
      )}) AS v (case_id, after, type, actor_id, actor_name, task_id, payload, facts)
    ), ce AS (
      INSERT INTO case_event (id, case_id, seq, type, actor_id, actor_name, task_id, payload) OVERRIDING SYSTEM VALUE
      SELECT id, case_id, (SELECT coalesce(max(c.seq), 0) + 1 FROM case_event c WHERE c.case_id = ev.case_id) + after, type, actor_id, actor_name, task_id, payload
      FROM ev
    ), ${
      feeds.some((f) => f !== null)
        ? sql`mp AS (
      INSERT INTO metric_pending (event_id, case_id, facts) SELECT id, case_id, facts FROM ev WHERE facts IS NOT NULL
    ), `
        : sql``
    }au AS (
      INSERT INTO audit_entry (stream, seq, at, actor_id, actor_role, action, target_type, target_id, request_id, digest, scope_path, change, prev_hash, hash)
      VALUES ${rows(
        (i) => sql`${v[`stream${i}`]}, ${v[`seq${i}`]}, ${v[`at${i}`]}, ${v[`auditActorId${i}`]}, ${v[`actorRole${i}`]}, ${v[`action${i}`]},
          ${v[`targetType${i}`]}, ${v[`targetId${i}`]}, ${v[`auditRequestId${i}`]}, ${v[`digest${i}`]}, ${v[`scopePath${i}`]}, ${v[`change${i}`]},
          ${v[`prevHash${i}`]}, ${v[`hash${i}`]}`,
        (i) => events[i]!.audited,
      )}
    )${summary ? sql`, de AS (` : sql``}
    INSERT INTO domain_event (type, stream_type, stream_id, payload, actor_id, request_id)
    VALUES ${rows((i) => sql`${v[`eventType${i}`]}, 'case', ${v[`streamId${i}`]}, ${v[`event${i}`]}, ${v[`actorId${i}`]}, ${v[`requestId${i}`]}`)}
    ${summary ? sql`) ${summaryOf(v.summaryOf)}` : sql``}`;
  },
);

export interface CaseSummary {
  id: number;
  number: string;
  status: string;
  version: number;
  tasks: { id: number; name: string; role: string; organizationId: number; state: string }[];
}

/** The case after an action (see caseSummary): its state and the tasks open now. */
const summaryOf = (caseId: unknown) => sql<CaseSummary>`SELECT k.id, k.number, k.status, k.version, coalesce((
    SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'role', t.assignee_role, 'organizationId', t.organization_id, 'state', t.state) ORDER BY t.id)
    FROM case_task t WHERE t.case_id = k.id AND t.state IN ('open', 'claimed')), '[]') AS tasks
  FROM kase k WHERE k.id = ${caseId}`;
const caseSummaryStatement = shapedStatement(
  () => '',
  (_db, _shape, v: { caseId: number }) => summaryOf(v.caseId),
);

/** The statement's arguments of one event, by name. */
const eventColumns = {
  caseId: (e: CaseEventRow) => e.caseId,
  type: (e: CaseEventRow) => e.type,
  actorId: (e: CaseEventRow) => e.actorId,
  actorName: (e: CaseEventRow) => e.actorName,
  taskId: (e: CaseEventRow) => e.taskId,
  payload: (e: CaseEventRow) => e.payload,
  eventType: (e: CaseEventRow) => `case.${e.type}`,
  streamId: (e: CaseEventRow) => String(e.caseId),
  event: (e: CaseEventRow) => e.event,
  requestId: (e: CaseEventRow) => e.requestId,
};
/** The statement's arguments of an action's audit entry, by name (on the first event of its case). */
const auditColumns = {
  stream: (a: AuditRow) => a.stream,
  seq: (a: AuditRow) => a.seq,
  at: (a: AuditRow) => a.at,
  auditActorId: (a: AuditRow) => a.actor_id,
  actorRole: (a: AuditRow) => a.actor_role,
  action: (a: AuditRow) => a.action,
  targetType: (a: AuditRow) => a.target_type,
  targetId: (a: AuditRow) => a.target_id,
  auditRequestId: (a: AuditRow) => a.request_id,
  digest: (a: AuditRow) => a.digest,
  scopePath: (a: AuditRow) => a.scope_path,
  change: (a: AuditRow) => a.change,
  prevHash: (a: AuditRow) => a.prev_hash,
  hash: (a: AuditRow) => a.hash,
};
const eventColumnNames = Object.keys(eventColumns) as (keyof typeof eventColumns)[];
const auditColumnNames = Object.keys(auditColumns) as (keyof typeof auditColumns)[];
/** The arguments' names of the `i`-th event of a statement, made once. */
const eventArgNames: string[][] = [];
const argNamesOf = (i: number) => (eventArgNames[i] ??= [...eventColumnNames.map((name) => `${name}${i}`), `seqAfter${i}`]);
const auditArgNames: string[][] = [];
const auditArgNamesOf = (i: number) => (auditArgNames[i] ??= auditColumnNames.map((name) => `${name}${i}`));
type EventShape = { feed: boolean | null; audited: boolean };

/** The case events a transaction has recorded and not yet written (see recordCaseEvent). */
interface HeldBack {
  rows: CaseEventRow[];
  /** by case: the action's audit entry, made when the events are written (who acts, the first event, what followed) */
  audits: Map<
    number,
    { ctx: WriteContext; row: CaseEventRow; number: string; regionId: number; payload: Record<string, unknown>; followedBy: Record<string, unknown>[] }
  >;
}
const pendingEvents = new WeakMap<Executor, HeldBack>();
/** A case summary taking a transaction's held-back events with it: sent (or failed) once this settles. */
const sentWithSummary = new WeakMap<Executor, Promise<void>>();

/**
 * Write the case events the caller's transaction holds back, in one statement whose answer it does
 * not wait for. Run before the transaction commits, and by whatever reads a case's timeline in it.
 * The events of a case written together are one action: they get one audit entry, named after the
 * first and listing the others (`followedBy`), which chains into the case's audit stream.
 */
export async function writeCaseEvents(tx: Executor): Promise<void> {
  // a case summary may be on its way with them (and fail the transaction should it fail to be made)
  await sentWithSummary.get(tx);
  const held = pendingEvents.get(tx);
  if (!held) return;
  pendingEvents.delete(tx);
  await pipelinedWrite(tx, await eventsStatement(held));
}

/**
 * The scope of a case's audit entries: the case's region, whoever acted, so that whoever may read the case
 * reads its whole trail, the applicant's own actions among it.
 */
export async function caseScope(db: Executor, regionId: number): Promise<string | null> {
  return (await regionById(db, regionId))?.path ?? null;
}

/** The statement writing held-back events, answering with the summary of case `summaryOf` if given. */
async function eventsStatement(held: HeldBack, summaryOf?: number) {
  for (const [caseId, a] of held.audits) {
    const change = { number: a.number, ...a.payload, ...(a.followedBy.length > 0 ? { followedBy: a.followedBy } : {}) };
    a.row.audit = await a.ctx.prepareAudit({
      action: `case.${a.row.type}`,
      targetType: 'case',
      targetId: caseId,
      change,
      scopePath: await caseScope(a.ctx.tx, a.regionId),
    });
  }
  const events = held.rows;
  const args: Record<string, unknown> = summaryOf === undefined ? {} : { summaryOf };
  const before = new Map<number, number>();
  events.forEach((e, i) => {
    const names = argNamesOf(i);
    eventColumnNames.forEach((name, j) => (args[names[j]!] = eventColumns[name](e)));
    args[names[eventColumnNames.length]!] = before.get(e.caseId) ?? 0;
    before.set(e.caseId, (before.get(e.caseId) ?? 0) + 1);
    if (e.audit) {
      const audit = e.audit;
      const auditNames = auditArgNamesOf(i);
      auditColumnNames.forEach((name, j) => (args[auditNames[j]!] = auditColumns[name](audit)));
    }
  });
  return caseEventsStatement({ events: events.map((e) => ({ feed: e.feed, audited: e.audit !== null })), summary: summaryOf !== undefined }, args);
}

/**
 * The case after an action, for `Prefer: return=minimal`: its state and the tasks open now. Only ever
 * answered to someone who has just acted on the case. Read at the end of the action's transaction it
 * travels with the action's held-back events — one statement writes them and reads the case — sent
 * just before the COMMIT and answered in the same round trip (a pipelined read).
 */
export function caseSummary(tx: Executor, caseId: number): Promise<CaseSummary> {
  const held = pendingEvents.get(tx);
  let answer: Promise<CaseSummary[]>;
  if (!held) answer = pipelinedRows(tx, caseSummaryStatement(undefined, { caseId }));
  else {
    pendingEvents.delete(tx);
    let rows: Promise<CaseSummary[]> | undefined;
    const sent = eventsStatement(held, caseId).then((statement) => {
      rows = pipelinedRows<CaseSummary>(tx, statement);
    });
    sentWithSummary.set(tx, sent);
    answer = sent.then(() => rows!);
  }
  return answer.then(([row]) => {
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  });
}

/**
 * Append to the case's own timeline, the domain events (the outbox) and the metrics feed, in the
 * action's transaction, and to the action's audit entry. `metrics: false`: the caller knows nothing the
 * statistics count changed. The events of one action are written together, in one statement, just
 * before it commits (or before anything of it reads the timeline, the audit trail or the outbox): their
 * order is fixed here, their numbers and the audit entry's hash when they are written. Outside a
 * transaction of `inTransaction` the event is written at once.
 */
export async function recordCaseEvent(
  ctx: WriteContext,
  kase: CaseRow,
  type: string,
  payload: Record<string, unknown> = {},
  taskId: number | null = null,
  options: { metrics?: boolean } = {},
): Promise<void> {
  const event = {
    caseId: kase.id,
    number: kase.number,
    applicantId: kase.applicant_id,
    ...(kase.parent_id !== null ? { parentId: kase.parent_id } : {}),
    ...payload,
  };
  const metrics = metricsOfEvent(type);
  const row: CaseEventRow = {
    audit: null,
    caseId: kase.id,
    type,
    actorId: ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null,
    // the platform's own steps (a scheduled reminder) name no one: the timeline says 系统
    actorName: ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.displayName : null,
    taskId,
    payload: JSON.stringify(payload),
    event: JSON.stringify(event),
    requestId: ctx.requestId,
    feed: options.metrics !== false && metrics.counted ? metrics.facts : null,
  };
  let held = pendingEvents.get(ctx.tx);
  const first = !held;
  if (!held) pendingEvents.set(ctx.tx, (held = { rows: [], audits: new Map() }));
  held.rows.push(row);
  const audit = held.audits.get(kase.id);
  if (audit) audit.followedBy.push({ type, ...payload });
  else held.audits.set(kase.id, { ctx, row, number: kase.number, regionId: kase.region_id, payload, followedBy: [] });
  if (first && !beforeCommit(ctx.tx, writeCaseEvents)) await writeCaseEvents(ctx.tx);
  // the outbox's dispatcher is woken once the transaction commits
  eventsWritten(ctx.tx);
}
