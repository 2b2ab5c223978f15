import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, scopeOf, type Actor, type Placement } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { dateOfInstant, formatDate, instantOf } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import type { OrderStatus, SupervisionOrderTable } from './supervision.tables.ts';
import '../cases/cases.tables.ts';
import '../org/org.tables.ts';
import './supervision.tables.ts';

type Plain<T> = { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] };
type OrderRow = Plain<SupervisionOrderTable>;

/** Where a case sits: its region and implementing organization (the supervisor's scope covers either). */
export async function casePlacement(db: Executor, caseId: number): Promise<(Placement & { regionId: number; organizationId: number }) | null> {
  const r = await db
    .selectFrom('kase as k')
    .innerJoin('region as r', 'r.id', 'k.region_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .select(['r.path as region_path', 'o.path as org_path', 'k.region_id', 'k.organization_id'])
    .where('k.id', '=', caseId)
    .executeTakeFirst();
  return r ? { regionPath: r.region_path, orgPath: r.org_path, regionId: r.region_id, organizationId: r.organization_id } : null;
}

/** The end of the working day `days` working days after today, on the case region's calendar. */
async function replyDeadline(ctx: WriteContext, regionId: number, days: number): Promise<Date> {
  const { calendar } = await workCalendarFor(ctx.tx, regionId);
  const off = calendar.settings.offsetMinutes;
  return new Date(instantOf(calendar.addWorkdays(dateOfInstant(Date.now(), off), days) + 1, 0, off));
}

async function nextNumber(ctx: WriteContext): Promise<string> {
  const r = await sql<{ n: string }>`SELECT nextval('supervision_order_seq')::text AS n`.execute(ctx.tx);
  const today = formatDate(dateOfInstant(Date.now(), 480)).replaceAll('-', '');
  return `DB${today}${r.rows[0]!.n.padStart(5, '0')}`;
}

async function record(ctx: WriteContext, order: OrderRow, kind: 'issued' | 'replied' | 'escalated' | 'closed', text: string) {
  await ctx.tx
    .insertInto('supervision_order_entry')
    .values({
      order_id: order.id,
      kind,
      account_id: ctx.actor!.accountId,
      text,
      reply_due_at: kind === 'issued' || kind === 'escalated' ? order.reply_due_at : null,
    })
    .execute();
  await ctx.audit({
    action: `supervision.order.${kind}`,
    targetType: 'supervision_order',
    targetId: order.id,
    change: { number: order.number, caseId: order.case_id, text },
  });
  await ctx.emit({
    type: 'supervision.order_changed',
    streamType: 'supervision_order',
    streamId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      kind,
      caseId: order.case_id,
      organizationId: order.organization_id,
      issuedBy: order.issued_by,
      replyDueAt: order.reply_due_at.toISOString(),
      status: order.status,
    },
  });
}

/** The organizations answerable for a case: its implementing one and those holding its tasks. */
async function answerableOrganizations(ctx: WriteContext, caseId: number, fallback: number): Promise<number[]> {
  const rows = await ctx.tx.selectFrom('case_task').select('organization_id').distinct().where('case_id', '=', caseId).execute();
  return [...new Set([fallback, ...rows.map((r) => r.organization_id)])];
}

/**
 * 督办: a supervisor orders the department responsible for a case to act and answer within a number
 * of working days. The department is the one holding the case's open task unless named.
 */
export async function issueOrder(
  ctx: WriteContext,
  input: { caseId: number; request: string; replyWorkdays: number; organizationId?: number | null; warningId?: number | null },
) {
  requireAccess(ctx.actor, 'supervision.order');
  const place = await casePlacement(ctx.tx, input.caseId);
  requireAccess(ctx.actor, 'supervision.order', place);
  const answerable = await answerableOrganizations(ctx, input.caseId, place!.organizationId);
  let organizationId = input.organizationId ?? null;
  if (organizationId === null) {
    const open = await ctx.tx
      .selectFrom('case_task')
      .select('organization_id')
      .where('case_id', '=', input.caseId)
      .where('state', 'in', ['open', 'claimed'])
      .orderBy('id')
      .executeTakeFirst();
    organizationId = open?.organization_id ?? place!.organizationId;
  } else if (!answerable.includes(organizationId))
    throw new AppError('VALIDATION_FAILED', { field: 'organizationId', reason: 'the department has no part in this case' });
  if (input.warningId) {
    const w = await ctx.tx.selectFrom('supervision_warning').select('case_id').where('id', '=', input.warningId).executeTakeFirst();
    if (!w || w.case_id !== input.caseId) throw new AppError('VALIDATION_FAILED', { field: 'warningId', reason: 'not a warning of this case' });
  }
  const order = (await ctx.tx
    .insertInto('supervision_order')
    .values({
      number: await nextNumber(ctx),
      case_id: input.caseId,
      warning_id: input.warningId ?? null,
      organization_id: organizationId,
      region_id: place!.regionId,
      issued_by: ctx.actor.accountId,
      request: input.request,
      reply_due_at: await replyDeadline(ctx, place!.regionId, input.replyWorkdays),
      status: 'open',
      closed_at: null,
      closed_by: null,
      close_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as OrderRow;
  await record(ctx, order, 'issued', input.request);
  return { id: order.id, number: order.number };
}

async function loadOrder(ctx: WriteContext, orderId: number, expectedVersion?: number): Promise<OrderRow & Placement> {
  const row = await ctx.tx
    .selectFrom('supervision_order as s')
    .innerJoin('region as r', 'r.id', 's.region_id')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select(['r.path as regionPath', 'o.path as orgPath'])
    .where('s.id', '=', orderId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('CONFLICT', { expectedVersion, actual: row.version });
  return row as OrderRow & Placement;
}

/** The department may answer an order addressed to an organization its `case.handle` scope covers. */
export function canAnswer(actor: Actor, orgPath: string): boolean {
  const scope = scopeOf(actor, 'case.handle');
  return scope.all || scope.orgPaths.some((p) => orgPath.startsWith(p));
}

/** Move an order from one of the `from` states, if nobody moved it meanwhile: exactly one of two racing actions wins. */
async function move(ctx: WriteContext, order: OrderRow, from: OrderStatus[], set: Partial<OrderRow>): Promise<OrderRow> {
  if (!from.includes(order.status)) throw new AppError('CONFLICT', { reason: `the order is ${order.status}`, status: order.status });
  const row = await ctx.tx
    .updateTable('supervision_order')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', order.id)
    .where('version', '=', order.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { reason: 'the order was changed meanwhile' });
  return row as OrderRow;
}

/** The department answers what it did (an order awaiting an answer, first or after escalation). */
export async function replyToOrder(ctx: WriteContext, orderId: number, input: { text: string; expectedVersion?: number }) {
  requireAccess(ctx.actor, 'case.handle');
  const order = await loadOrder(ctx, orderId, input.expectedVersion);
  if (!canAnswer(ctx.actor, order.orgPath!)) throw new AppError('NOT_FOUND');
  const updated = await move(ctx, order, ['open', 'escalated'], { status: 'replied' });
  await record(ctx, updated, 'replied', input.text);
}

/** The supervisor accepts the answer and closes the order. */
export async function closeOrder(ctx: WriteContext, orderId: number, input: { note: string; expectedVersion?: number }) {
  requireAccess(ctx.actor, 'supervision.order');
  const order = await loadOrder(ctx, orderId, input.expectedVersion);
  requireAccess(ctx.actor, 'supervision.order', order);
  const updated = await move(ctx, order, ['replied'], { status: 'closed', closed_at: new Date(), closed_by: ctx.actor.accountId, close_note: input.note });
  await record(ctx, updated, 'closed', input.note);
}

/**
 * The supervisor escalates: the answer did not satisfy, or none came by the deadline. The department
 * must answer again within new working days; every escalation is counted.
 */
export async function escalateOrder(ctx: WriteContext, orderId: number, input: { note: string; replyWorkdays: number; expectedVersion?: number }) {
  requireAccess(ctx.actor, 'supervision.order');
  const order = await loadOrder(ctx, orderId, input.expectedVersion);
  requireAccess(ctx.actor, 'supervision.order', order);
  if (order.status !== 'replied' && order.reply_due_at.getTime() > Date.now())
    throw new AppError('CONFLICT', {
      reason: 'an unanswered order can be escalated only after its reply deadline',
      replyDueAt: order.reply_due_at.toISOString(),
    });
  const updated = await move(ctx, order, ['open', 'replied', 'escalated'], {
    status: 'escalated',
    escalations: order.escalations + 1,
    reply_due_at: await replyDeadline(ctx, order.region_id, input.replyWorkdays),
  });
  await record(ctx, updated, 'escalated', input.note);
}
