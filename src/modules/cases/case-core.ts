import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import type { ItemContent } from '../catalog/catalog.schemas.ts';
import type { KaseTable } from './cases.tables.ts';
import { onCaseEvent as updateMetrics } from '../metrics/rollups.ts';
import './cases.tables.ts';
import '../catalog/catalog.tables.ts';

type Plain<T> = { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] };
export type CaseRow = Plain<KaseTable>;

export async function loadCase(db: Executor, caseId: number): Promise<CaseRow> {
  const row = await db.selectFrom('kase').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row as CaseRow;
}

export async function versionContent(db: Executor, versionId: number): Promise<ItemContent> {
  const v = await db.selectFrom('item_version').select('content').where('id', '=', versionId).executeTakeFirstOrThrow();
  return v.content as ItemContent;
}

/** Update the case row if nobody changed it since it was read: the optimistic lock every action takes. */
export async function updateCase(ctx: WriteContext, kase: CaseRow, set: Partial<Record<keyof KaseTable, unknown>>): Promise<CaseRow> {
  const row = await ctx.tx
    .updateTable('kase')
    .set({ ...(set as object), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', kase.id)
    .where('version', '=', kase.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { caseId: kase.id, reason: 'the case was changed by someone else' });
  return row as CaseRow;
}

/**
 * Append to the case's own timeline, the audit trail and the domain events (the outbox), in the
 * action's transaction.
 */
export async function recordCaseEvent(
  ctx: WriteContext,
  kase: CaseRow,
  type: string,
  payload: Record<string, unknown> = {},
  taskId: number | null = null,
): Promise<void> {
  await ctx.tx
    .insertInto('case_event')
    .values({
      case_id: kase.id,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM case_event WHERE case_id = ${kase.id})`,
      type,
      actor_id: ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null,
      actor_name: ctx.actor?.displayName ?? null,
      task_id: taskId,
      payload: JSON.stringify(payload),
    })
    .execute();
  await updateMetrics(ctx.tx, kase.id, type);
  await ctx.audit({ action: `case.${type}`, targetType: 'case', targetId: kase.id, change: { number: kase.number, ...payload } });
  await ctx.emit({
    type: `case.${type}`,
    streamType: 'case',
    streamId: kase.id,
    payload: { caseId: kase.id, number: kase.number, applicantId: kase.applicant_id, ...payload },
  });
}
