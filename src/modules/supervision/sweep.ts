import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { systemActor } from '../../server/access.ts';
import { runWrite, type WriteContext } from '../../server/write.ts';
import { claimClocksNeedingAttention, refreshClock } from '../calendar/clocks.service.ts';
import '../cases/cases.tables.ts';
import type { SupervisionWarningTable, WarningLevel } from './supervision.tables.ts';
import './supervision.tables.ts';

type NewWarning = Omit<SupervisionWarningTable, 'id' | 'raised_at'>;

export interface SweepResult {
  /** Clocks and tasks looked at (their attention moment had passed). */
  clocks: number;
  tasks: number;
  /** Warnings raised by this sweep (a warning another process raised first is not counted). */
  raised: number;
  /** Clocks that could not be worked out (a deadline beyond the calendar's years) and were set aside for an hour. */
  setAside: { clockId: number; error: string }[];
}

/**
 * Record the warnings that are not there yet (the unique key makes each subject's level raised once,
 * whichever process gets there first) and publish the highest newly raised level: one notification
 * per subject and pass, even when a sweep after downtime raises yellow and red together.
 */
async function raise(ctx: WriteContext, warnings: NewWarning[]): Promise<number> {
  if (warnings.length === 0) return 0;
  const inserted = await ctx.tx
    .insertInto('supervision_warning')
    .values(warnings)
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'level']).doNothing())
    .returning(['id', 'level', 'case_id', 'task_id', 'organization_id', 'due_at', 'limit_kind'])
    .execute();
  const top = inserted.find((w) => w.level === 'red') ?? inserted[0];
  if (top)
    await ctx.emit({
      type: 'supervision.warning_raised',
      streamType: 'case',
      streamId: top.case_id,
      payload: {
        warningId: top.id,
        level: top.level,
        caseId: top.case_id,
        taskId: top.task_id,
        organizationId: top.organization_id,
        limitKind: top.limit_kind,
        dueAt: top.due_at.toISOString(),
      },
    });
  return inserted.length;
}

/** One batch of clocks: claimed with SKIP LOCKED, warned, and advanced to their next moment. */
async function sweepClockBatch(ctx: WriteContext, now: Date, batch: number, working: (clockId: number) => void): Promise<{ seen: number; raised: number }> {
  const clocks = await claimClocksNeedingAttention(ctx, now, batch);
  let raised = 0;
  for (const c of clocks) {
    working(c.id);
    if (c.owner_type === 'case' && (c.committed_due_at || c.legal_due_at)) {
      const kase = await ctx.tx.selectFrom('kase').select(['id', 'organization_id', 'region_id']).where('id', '=', Number(c.owner_id)).executeTakeFirst();
      const limits = [
        { kind: 'committed' as const, due: c.committed_due_at },
        { kind: 'legal' as const, due: c.legal_due_at },
      ].filter((l): l is { kind: 'committed' | 'legal'; due: Date } => l.due !== null);
      const first = limits.reduce((a, b) => (b.due < a.due ? b : a));
      const passed = limits.filter((l) => l.due <= now).sort((a, b) => a.due.getTime() - b.due.getTime())[0];
      if (!kase) {
        await refreshClock(ctx, c.id, now.getTime());
        continue;
      }
      const base = {
        subject_type: 'clock' as const,
        subject_id: c.id,
        case_id: kase.id,
        task_id: null,
        organization_id: kase.organization_id,
        region_id: kase.region_id,
      };
      const warnings: NewWarning[] = [];
      if (c.warn_at && c.warn_at <= now) warnings.push({ ...base, level: 'yellow', limit_kind: first.kind, due_at: first.due, crossed_at: c.warn_at });
      if (passed) warnings.push({ ...base, level: 'red', limit_kind: passed.kind, due_at: passed.due, crossed_at: passed.due });
      raised += await raise(ctx, warnings);
    }
    await refreshClock(ctx, c.id, now.getTime());
  }
  return { seen: clocks.length, raised };
}

/** One batch of watched tasks: raised, then pointed at the red moment, or dropped once done. */
async function sweepTaskBatch(ctx: WriteContext, now: Date, batch: number): Promise<{ seen: number; raised: number }> {
  const rows = await ctx.tx
    .selectFrom('supervision_task_watch as w')
    .innerJoin('case_task as t', 't.id', 'w.task_id')
    .innerJoin('kase as k', 'k.id', 'w.case_id')
    .select(['w.task_id', 'w.case_id', 'w.yellow_at', 'w.red_at', 't.state', 't.organization_id', 'k.region_id'])
    .where('w.next_at', '<=', now)
    .orderBy('w.next_at')
    .limit(batch)
    .forUpdate('w')
    .skipLocked()
    .execute();
  let raised = 0;
  for (const r of rows) {
    if (r.state !== 'open' && r.state !== 'claimed') {
      await ctx.tx.deleteFrom('supervision_task_watch').where('task_id', '=', r.task_id).execute();
      continue;
    }
    const base = {
      subject_type: 'task' as const,
      subject_id: r.task_id,
      case_id: r.case_id,
      task_id: r.task_id,
      organization_id: r.organization_id,
      region_id: r.region_id,
    };
    const warnings: NewWarning[] = [];
    const levels: [WarningLevel, Date][] = [
      ['yellow', r.yellow_at],
      ['red', r.red_at],
    ];
    for (const [level, at] of levels) if (at <= now) warnings.push({ ...base, level, limit_kind: 'task', due_at: r.red_at, crossed_at: at });
    raised += await raise(ctx, warnings);
    await ctx.tx
      .updateTable('supervision_task_watch')
      .set({ next_at: r.red_at > now ? r.red_at : null })
      .where('task_id', '=', r.task_id)
      .execute();
  }
  return { seen: rows.length, raised };
}

/**
 * 电子监察 sweep: every clock and task whose next attention moment has passed, found through the
 * partial indexes on those moments — its cost grows with what is due, not with what is open. Each
 * batch is one transaction with SKIP LOCKED, so several processes share the work; a warning's
 * unique key makes it raised once. After downtime everything overdue still has its moment in the
 * past, so the next sweep catches up.
 */
export async function runSupervisionSweep(db: Db, now = new Date(), batch = 200): Promise<SweepResult> {
  const result: SweepResult = { clocks: 0, tasks: 0, raised: 0, setAside: [] };
  for (;;) {
    let current: number | null = null;
    let r: { seen: number; raised: number };
    try {
      r = await runWrite(db, systemActor, (ctx) => sweepClockBatch(ctx, now, batch, (id) => (current = id)));
    } catch (error) {
      // one clock that cannot be worked out must not hold up every clock behind it on every run:
      // the batch rolled back; that clock waits an hour (and is reported), the batch runs again
      if (current === null || result.setAside.length >= batch) throw error;
      await db
        .updateTable('clock')
        .set({ next_attention_at: sql<Date>`${now}::timestamptz + interval '1 hour'` })
        .where('id', '=', current)
        .execute();
      result.setAside.push({ clockId: current, error: String((error as Error)?.message ?? error).slice(0, 500) });
      continue;
    }
    result.clocks += r.seen;
    result.raised += r.raised;
    if (r.seen < batch) break;
  }
  for (;;) {
    const r = await runWrite(db, systemActor, (ctx) => sweepTaskBatch(ctx, now, batch));
    result.tasks += r.seen;
    result.raised += r.raised;
    if (r.seen < batch) break;
  }
  return result;
}

/** How many clocks and tasks wait for the sweep now (for the console's status line). */
export async function pendingAttention(db: Db, now = new Date()): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM clock WHERE next_attention_at <= ${now})::int
         + (SELECT count(*) FROM supervision_task_watch WHERE next_at <= ${now})::int AS n`.execute(db);
  return r.rows[0]?.n ?? 0;
}
