import { sql, type RawBuilder } from 'kysely';
import { cachedReference, referenceChanged } from '../../server/db/reference-cache.ts';
import { pipelinedWrite, shapedStatement, type Database, type Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import type { QueryCreator } from 'kysely';
import { AppError } from '../../server/errors.ts';
import { workCalendarFor } from './calendar.store.ts';
import { computeLimit, defaultWarningPolicy, nextAttention, warningMoment, type LimitSpec, type LimitState, type WarningPolicy } from './clock-math.ts';
import type { WorkCalendar } from './work-calendar.ts';
import type { ClockTable, PauseReason } from './calendar.tables.ts';
import './calendar.tables.ts';

type ClockRow = {
  [K in keyof ClockTable]: ClockTable[K] extends import('kysely').Generated<infer T> ? T : ClockTable[K];
};

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** What a clock's deadlines depend on besides the clock row: its pauses and its extensions. */
export interface ClockParts {
  pauses: { started_at: Date; ended_at: Date | null }[];
  extensions: { applies_to: 'committed' | 'legal' | 'both'; amount: number }[];
}

async function loadParts(db: Executor, clockId: number) {
  const [pauses, extensions] = await Promise.all([
    db.selectFrom('clock_pause').selectAll().where('clock_id', '=', clockId).orderBy('id').execute(),
    db.selectFrom('clock_extension').selectAll().where('clock_id', '=', clockId).orderBy('id').execute(),
  ]);
  return { pauses, extensions };
}

/** Both limits of a clock as of `now` (a stopped clock is measured at its stop). */
export function evaluate(cal: WorkCalendar, clock: ClockRow, parts: ClockParts, now: number) {
  const at = clock.stopped_at ? clock.stopped_at.getTime() : now;
  const pauses = parts.pauses.map((p) => ({ startedAt: p.started_at.getTime(), endedAt: p.ended_at?.getTime() ?? null }));
  const extensions = parts.extensions.map((e) => ({ appliesTo: e.applies_to, amount: e.amount }));
  const start = clock.started_at.getTime();
  const committed =
    clock.committed_limit !== null
      ? computeLimit(cal, start, { limit: clock.committed_limit, unit: clock.committed_unit! }, 'committed', pauses, extensions, at)
      : null;
  const legal =
    clock.legal_limit !== null ? computeLimit(cal, start, { limit: clock.legal_limit, unit: clock.legal_unit! }, 'legal', pauses, extensions, at) : null;
  return { committed, legal };
}

/**
 * Recompute a clock's stored deadlines, overdue flag and next attention moment, and record the
 * change when a deadline moved. Called inside the caller's transaction after every clock action.
 */
/** The warning thresholds every clock's yellow moment follows (one row, edited by supervision). */
export function getWarningPolicy(db: Executor): Promise<WarningPolicy & { version: number; updatedAt: string }> {
  return cachedReference(db, 'warning-policy', async () => {
    const row = await db.selectFrom('clock_warning_policy').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) return { ...defaultWarningPolicy, version: 0, updatedAt: new Date(0).toISOString() };
    return { workdaysLeft: row.workdays_left, usedPercent: row.used_percent, version: row.version, updatedAt: row.updated_at.toISOString() };
  });
}

/**
 * Change the warning thresholds. Open clocks take them when re-marked (`remarkOpenClocks`, run by the
 * supervision job); new and changed clocks take them at once.
 */
export async function setWarningPolicy(ctx: WriteContext, input: WarningPolicy & { expectedVersion?: number }) {
  await referenceChanged(ctx.tx);
  let q = ctx.tx
    .updateTable('clock_warning_policy')
    .set({
      workdays_left: input.workdaysLeft,
      used_percent: input.usedPercent,
      remark_after_id: 0,
      version: sql`version + 1`,
      updated_at: new Date(),
      updated_by: ctx.actor?.accountId || null,
    })
    .where('id', '=', 1);
  if (input.expectedVersion !== undefined) q = q.where('version', '=', input.expectedVersion);
  const row = await q.returning('version').executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { reason: 'the thresholds were changed meanwhile' });
  return getWarningPolicy(ctx.tx);
}

/**
 * After a threshold change, re-mark the next batch of open clocks with the new yellow moments; returns
 * how many were re-marked (0 when none are left). One batch per transaction, the cursor kept in the
 * policy row, so a re-mark of millions of clocks survives restarts and never holds locks for long.
 */
export async function remarkOpenClocks(ctx: WriteContext, limit = 500): Promise<number> {
  const cursor = await ctx.tx
    .selectFrom('clock_warning_policy')
    .select('remark_after_id')
    .where('id', '=', 1)
    .where('remark_after_id', 'is not', null)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!cursor) return 0;
  const rows = (await ctx.tx
    .selectFrom('clock')
    .selectAll()
    .where('state', '<>', 'stopped')
    .where('id', '>', cursor.remark_after_id!)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute()) as ClockRow[];
  for (const clock of rows) await settle(ctx, clock, 'recomputed', null);
  await ctx.tx
    .updateTable('clock_warning_policy')
    .set({ remark_after_id: rows.length === limit ? rows[rows.length - 1]!.id : null })
    .where('id', '=', 1)
    .execute();
  return rows.length;
}

/** What a clock's row says after a change: its deadlines, overdue flag, yellow moment and next attention moment. */
async function settlement(db: Executor, clock: ClockRow, parts: ClockParts, now: number) {
  const { calendar } = await workCalendarFor(db, clock.region_id);
  const policy = await getWarningPolicy(db);
  // while paused, deadlines are shown as if the clock resumed at the pause's start
  const evalAt = clock.state === 'paused' ? (parts.pauses.find((p) => !p.ended_at)?.started_at.getTime() ?? now) : now;
  const { committed, legal } = evaluate(calendar, clock, parts, evalAt);
  const limits = [committed, legal].filter((l): l is LimitState => l !== null);
  const committedDue = committed ? new Date(committed.dueAt) : null;
  const legalDue = legal ? new Date(legal.dueAt) : null;
  const overdue = limits.some((l) => (clock.stopped_at ? clock.stopped_at.getTime() : now) >= l.dueAt);
  const marks = limits.map((l) => ({ warnAt: warningMoment(calendar, clock.started_at.getTime(), l, policy), dueAt: l.dueAt }));
  const warnAt = marks.length ? Math.min(...marks.map((m) => m.warnAt)) : null;
  const attention = clock.state === 'running' ? nextAttention(marks, now) : null;
  return {
    row: {
      committed_due_at: committedDue,
      legal_due_at: legalDue,
      is_overdue: overdue,
      next_attention_at: attention === null ? null : new Date(attention),
      warn_at: warnAt === null ? null : new Date(warnAt),
    },
    moved: committedDue?.getTime() !== clock.committed_due_at?.getTime() || legalDue?.getTime() !== clock.legal_due_at?.getTime(),
  };
}

const changeColumns = ['clock_id', 'kind', 'committed_due_before', 'committed_due_after', 'legal_due_before', 'legal_due_after', 'note'] as const;

/**
 * The `clock_change` row (`changeColumns`) of a clock that the statement's CTE `written` inserts or
 * updates: its deadlines `before` and as written.
 */
function changeOf(written: 'c' | 'u', kind: string, before: Pick<ClockRow, 'committed_due_at' | 'legal_due_at'>, note: string | null) {
  return sql`
    SELECT w.id, ${kind}::text, ${before.committed_due_at}::timestamptz, w.committed_due_at, ${before.legal_due_at}::timestamptz, w.legal_due_at, ${note}::text
    FROM ${sql.table(written)} w`;
}

type Figures = Awaited<ReturnType<typeof settlement>>['row'];
type Settled = Figures & Pick<ClockRow, 'state' | 'stopped_at' | 'id' | 'version'> & { now: Date };
type Change = { kind: string; committedBefore: Date | null; legalBefore: Date | null; note: string | null };

/** The clock written as settled, if still at the version read. */
function clockUpdate(db: QueryCreator<Database>, v: Settled) {
  return db
    .updateTable('clock')
    .set({
      state: v.state,
      stopped_at: v.stopped_at,
      committed_due_at: v.committed_due_at,
      legal_due_at: v.legal_due_at,
      is_overdue: v.is_overdue,
      next_attention_at: v.next_attention_at,
      warn_at: v.warn_at,
      version: sql`version + 1`,
      updated_at: v.now,
    })
    .where('id', '=', v.id)
    .where('version', '=', v.version)
    .returningAll();
}

/** The change of the clock the statement's `u` wrote. */
function changeRecord(db: QueryCreator<Database>, v: Change) {
  return db
    .insertInto('clock_change')
    .columns(changeColumns)
    .expression(changeOf('u', v.kind, { committed_due_at: v.committedBefore, legal_due_at: v.legalBefore }, v.note));
}

/** settle's statement: the clock written if still at its version, with its change recorded (`recorded`) or not. */
const settleStatement = shapedStatement(
  (recorded: boolean) => String(recorded),
  (db, recorded, v: Settled | (Settled & Change)) => {
    const update = clockUpdate(db, v);
    if (!recorded || !('kind' in v)) return update;
    return db
      .with('u', () => update)
      .with('ch', (w) => changeRecord(w, v))
      .selectFrom('u')
      .selectAll();
  },
);

/**
 * settle's statement when nobody reads its answer: the clock written if still at its version, with its
 * change recorded; should the clock have changed since it was read, the transaction ends with 409.
 */
const quietSettleStatement = shapedStatement(
  () => '',
  (db, _shape, v: Settled & Change) =>
    db
      .with('u', () => clockUpdate(db, v))
      .with('ch', (w) => changeRecord(w, v))
      .selectNoFrom(sql<null>`CASE WHEN NOT EXISTS (SELECT 1 FROM u) THEN changed_meanwhile('the clock was changed by someone else') END`.as('ok')),
);

/** Write a clock's change without waiting for the answer (see quietSettleStatement). */
async function settleQuietly(ctx: WriteContext, clock: ClockRow, kind: string, note: string | null, now: number, parts: ClockParts): Promise<void> {
  knownClocks.delete(ctx.tx);
  const { row: figures } = await settlement(ctx.tx, clock, parts, now);
  const written = { ...figures, state: clock.state, stopped_at: clock.stopped_at, now: new Date(), id: clock.id, version: clock.version };
  await pipelinedWrite(ctx.tx, quietSettleStatement('', { ...written, kind, committedBefore: clock.committed_due_at, legalBefore: clock.legal_due_at, note }));
}

async function settle(ctx: WriteContext, clock: ClockRow, kind: string, note: string | null, now = Date.now(), known?: ClockParts) {
  // whatever the transaction's first read brought of the clock is not the row any more
  knownClocks.delete(ctx.tx);
  const parts = known ?? (await loadParts(ctx.tx, clock.id));
  const { row: figures, moved } = await settlement(ctx.tx, clock, parts, now);
  const written = { ...figures, state: clock.state, stopped_at: clock.stopped_at, now: new Date(), id: clock.id, version: clock.version };
  // the change is recorded in the statement that writes the clock (and only if it did)
  const updated = (
    await ctx.tx.executeQuery(
      moved || kind !== 'recomputed'
        ? settleStatement(true, { ...written, kind, committedBefore: clock.committed_due_at, legalBefore: clock.legal_due_at, note })
        : settleStatement(false, written),
    )
  ).rows[0];
  if (!updated) throw new AppError('CONFLICT', { clockId: clock.id, reason: 'the clock changed meanwhile' });
  return updated as ClockRow;
}

export interface StartClock {
  ownerType: string;
  ownerId: string | number;
  regionId: number | null;
  startedAt?: Date;
  committed?: LimitSpec | null;
  legal?: LimitSpec | null;
}

/**
 * startClock's statement: the clock, with an id drawn beforehand (`nextClockId`), and its 'started'
 * change. It answers nothing, so the action need not wait for it: the case row that names the clock
 * follows it in the same round trip.
 */
const startStatement = shapedStatement(
  () => '',
  (
    _db,
    _shape,
    v: Figures &
      Pick<ClockRow, 'id' | 'owner_type' | 'owner_id' | 'region_id' | 'started_at' | 'committed_limit' | 'committed_unit' | 'legal_limit' | 'legal_unit'>,
  ) => sql`
    WITH c AS (
      INSERT INTO clock (id, owner_type, owner_id, region_id, started_at, committed_limit, committed_unit, legal_limit, legal_unit,
                         committed_due_at, legal_due_at, is_overdue, next_attention_at, warn_at)
      OVERRIDING SYSTEM VALUE
      VALUES (${v.id}::bigint, ${v.owner_type}::text, ${v.owner_id}::text, ${v.region_id}::bigint, ${v.started_at}::timestamptz,
              ${v.committed_limit}::int, ${v.committed_unit}::text, ${v.legal_limit}::int, ${v.legal_unit}::text,
              ${v.committed_due_at}::timestamptz, ${v.legal_due_at}::timestamptz, ${v.is_overdue}::boolean,
              ${v.next_attention_at}::timestamptz, ${v.warn_at}::timestamptz)
      RETURNING id, committed_due_at, legal_due_at
    )
    INSERT INTO clock_change (${sql.join(changeColumns.map((c) => sql.ref(c)))})
    ${changeOf('c', 'started', { committed_due_at: null, legal_due_at: null }, null)}`,
);

/**
 * Clock ids drawn ahead from the clock table's identity, a block at a time: a new clock knows its id
 * before it is written, so whatever names it (a case's `clock_id`) is written right after it without
 * waiting for its answer. Ids a process drew and did not use are skipped, as a sequence skips the ids of
 * rolled-back inserts; they are unique across processes, not in the order the clocks were started.
 */
const drawnClockIds: number[] = [];
const clockIdBlock = 32;
async function nextClockId(db: Executor): Promise<number> {
  if (drawnClockIds.length === 0) {
    const { rows } = await sql<{ id: number }>`
      SELECT nextval('clock_id_seq'::regclass) AS id FROM generate_series(1, ${clockIdBlock}::int) ORDER BY 1`.execute(db);
    drawnClockIds.push(...rows.map((r) => r.id));
  }
  return drawnClockIds.shift()!;
}

/** Start a clock for something with a time limit (a case, a work order, a rectification). */
export async function startClock(ctx: WriteContext, input: StartClock) {
  if (!input.committed && !input.legal) throw new AppError('VALIDATION_FAILED', { field: 'limits', reason: 'a clock needs a committed or a legal limit' });
  for (const l of [input.committed, input.legal]) {
    if (l && (!Number.isInteger(l.limit) || l.limit < 0 || l.limit > 3650)) throw new AppError('VALIDATION_FAILED', { field: 'limit' });
  }
  // a new clock has no pauses or extensions yet: its deadlines are worked out before it is written,
  // and the clock and its 'started' change are inserted in one statement
  const startedAt = input.startedAt ?? new Date();
  const fresh: ClockRow = {
    id: 0,
    owner_type: input.ownerType,
    owner_id: String(input.ownerId),
    region_id: input.regionId,
    started_at: startedAt,
    state: 'running',
    committed_limit: input.committed?.limit ?? null,
    committed_unit: input.committed?.unit ?? null,
    committed_due_at: null,
    legal_limit: input.legal?.limit ?? null,
    legal_unit: input.legal?.unit ?? null,
    legal_due_at: null,
    next_attention_at: null,
    warn_at: null,
    warn_before_minutes: 0,
    stopped_at: null,
    is_overdue: false,
    version: 0,
    created_at: startedAt,
    updated_at: startedAt,
  };
  const { row: figures } = await settlement(ctx.tx, fresh, { pauses: [], extensions: [] }, Date.now());
  const id = await nextClockId(ctx.tx);
  await pipelinedWrite(
    ctx.tx,
    startStatement('', {
      ...figures,
      id,
      owner_type: fresh.owner_type,
      owner_id: fresh.owner_id,
      region_id: fresh.region_id,
      started_at: startedAt,
      committed_limit: fresh.committed_limit,
      committed_unit: fresh.committed_unit,
      legal_limit: fresh.legal_limit,
      legal_unit: fresh.legal_unit,
    }),
  );
  // the row as the statement writes it (its defaults: version 1, created now)
  const now = new Date();
  return { ...fresh, ...figures, id, version: 1, created_at: now, updated_at: now } as ClockRow;
}

/** A clock with its pauses and extensions as `lockClock` reads them. */
type ReadClock = ClockRow & { parts: ClockParts };
export type ClockJson = { [K in keyof ClockRow]: ClockRow[K] extends Date | null ? string | null : ClockRow[K] } & {
  pause_spans: [number, number | null][] | null;
  extension_parts: ClockParts['extensions'] | null;
};
const clockTimes = ['started_at', 'committed_due_at', 'legal_due_at', 'next_attention_at', 'warn_at', 'stopped_at', 'created_at', 'updated_at'] as const;

/** The pauses (as epoch milliseconds) and extensions of the clock `c`, each one expression. */
const partsOf = {
  pauses: sql`(SELECT json_agg(json_build_array(floor(extract(epoch FROM p.started_at) * 1000), floor(extract(epoch FROM p.ended_at) * 1000)) ORDER BY p.id)
    FROM clock_pause p WHERE p.clock_id = c.id)`,
  extensions: sql`(SELECT json_agg(json_build_object('applies_to', e.applies_to, 'amount', e.amount) ORDER BY e.id)
    FROM clock_extension e WHERE e.clock_id = c.id)`,
};

function readClock(
  row: Omit<ClockRow, 'id'> & { id: number; pause_spans: [number, number | null][] | null; extension_parts: ClockParts['extensions'] | null },
): ReadClock {
  const { pause_spans, extension_parts, ...clock } = row;
  const parts: ClockParts = {
    pauses: (pause_spans ?? []).map(([started, ended]) => ({ started_at: new Date(started), ended_at: ended === null ? null : new Date(ended) })),
    extensions: extension_parts ?? [],
  };
  return { ...(clock as ClockRow), parts };
}

/**
 * The clock `clockId` names (an expression of the caller's statement) with its pauses and extensions,
 * as one JSON value: an action that may stop or change its case's clock reads it with its first read
 * and hands it over with `knowClock`, so that `lockClock` need not read it again.
 */
export function clockInRead(clockId: RawBuilder<unknown>): RawBuilder<ClockJson | null> {
  return sql<ClockJson | null>`(SELECT to_jsonb(c) || jsonb_build_object('pause_spans', ${partsOf.pauses}, 'extension_parts', ${partsOf.extensions})
    FROM clock c WHERE c.id = ${clockId})`;
}

/** Clocks a transaction read with its first read (`clockInRead`), each taken once by `lockClock`. */
const knownClocks = new WeakMap<Executor, ReadClock>();

/** Hand over a clock read by `clockInRead` for the rest of the transaction's first use of it. */
export function knowClock(tx: Executor, json: ClockJson | null): void {
  if (!json) return;
  const row = json as unknown as Record<string, unknown>;
  for (const column of clockTimes) if (typeof row[column] === 'string') row[column] = new Date(row[column] as string);
  knownClocks.set(tx, readClock(json as unknown as Parameters<typeof readClock>[0]));
}

/**
 * A clock with its pauses and extensions, in one read (or as the transaction's first read brought it,
 * see `knowClock`). Not locked: `settle` writes it back only at the version read here, so a concurrent
 * change makes one of the two a conflict.
 */
async function lockClock(ctx: WriteContext, clockId: number, expectedVersion?: number): Promise<ReadClock> {
  let clock = knownClocks.get(ctx.tx);
  if (clock?.id === clockId) knownClocks.delete(ctx.tx);
  else {
    const { rows } = await sql<Parameters<typeof readClock>[0]>`
      SELECT c.*, ${partsOf.pauses} AS pause_spans, ${partsOf.extensions} AS extension_parts FROM clock c WHERE c.id = ${clockId}`.execute(ctx.tx);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    clock = readClock(rows[0]);
  }
  if (expectedVersion !== undefined && clock.version !== expectedVersion) throw new AppError('CONFLICT', { expectedVersion, actual: clock.version });
  return clock;
}

/** The parts with the open pause ended at `at`. */
const endOpenPause = (parts: ClockParts, at: Date): ClockParts => ({
  ...parts,
  pauses: parts.pauses.map((p) => (p.ended_at === null ? { ...p, ended_at: at } : p)),
});

/** 暂停: supplements awaited or a special procedure the law does not count (行政许可法 art. 45). */
export async function pauseClock(
  ctx: WriteContext,
  clockId: number,
  input: { reason: PauseReason; note?: string | null; at?: Date; expectedVersion?: number },
) {
  const clock = await lockClock(ctx, clockId, input.expectedVersion);
  if (clock.state !== 'running') throw new AppError('CONFLICT', { reason: `the clock is ${clock.state}`, state: clock.state });
  const at = input.at ?? new Date();
  await ctx.tx
    .insertInto('clock_pause')
    .values({
      clock_id: clockId,
      reason: input.reason,
      note: input.note ?? null,
      actor_id: ctx.actor?.accountId || null,
      started_at: at,
      ended_at: null,
      ended_by: null,
    })
    .execute();
  const parts = { ...clock.parts, pauses: [...clock.parts.pauses, { started_at: at, ended_at: null }] };
  return settle(ctx, { ...clock, state: 'paused' }, 'paused', input.reason, at.getTime(), parts);
}

/** 恢复计时: the paused time is left out and the deadlines move out by it. */
export async function resumeClock(ctx: WriteContext, clockId: number, input: { at?: Date; expectedVersion?: number } = {}) {
  const clock = await lockClock(ctx, clockId, input.expectedVersion);
  if (clock.state !== 'paused') throw new AppError('CONFLICT', { reason: `the clock is ${clock.state}`, state: clock.state });
  const at = input.at ?? new Date();
  await ctx.tx
    .updateTable('clock_pause')
    .set({ ended_at: at, ended_by: ctx.actor?.accountId || null })
    .where('clock_id', '=', clockId)
    .where('ended_at', 'is', null)
    .execute();
  return settle(ctx, { ...clock, state: 'running' }, 'resumed', null, at.getTime(), endOpenPause(clock.parts, at));
}

/** 延期: extra time approved by someone (art. 42: a licensing decision may take 10 more working days). */
export async function extendClock(
  ctx: WriteContext,
  clockId: number,
  input: { appliesTo: 'committed' | 'legal' | 'both'; amount: number; reason: string; approvedBy: number; expectedVersion?: number },
) {
  const clock = await lockClock(ctx, clockId, input.expectedVersion);
  if (clock.state === 'stopped') throw new AppError('CONFLICT', { reason: 'the clock is stopped', state: clock.state });
  if (!Number.isInteger(input.amount) || input.amount <= 0) throw new AppError('VALIDATION_FAILED', { field: 'amount' });
  await ctx.tx
    .insertInto('clock_extension')
    .values({ clock_id: clockId, applies_to: input.appliesTo, amount: input.amount, reason: input.reason, approved_by: input.approvedBy })
    .execute();
  const parts = { ...clock.parts, extensions: [...clock.parts.extensions, { applies_to: input.appliesTo, amount: input.amount }] };
  return settle(ctx, clock, 'extended', `${input.appliesTo} +${input.amount}: ${input.reason}`, Date.now(), parts);
}

/** Stop the clock (办结): elapsed time is frozen and the clock needs no more attention. */
export async function stopClock(ctx: WriteContext, clockId: number, input: { at?: Date; expectedVersion?: number } = {}) {
  const clock = await lockClock(ctx, clockId, input.expectedVersion);
  if (clock.state === 'stopped') throw new AppError('CONFLICT', { reason: 'the clock is already stopped', state: clock.state });
  return stopLocked(ctx, clock, input.at ?? new Date());
}

async function stopLocked(ctx: WriteContext, clock: ClockRow & { parts: ClockParts }, at: Date) {
  if (clock.state === 'paused') {
    await ctx.tx
      .updateTable('clock_pause')
      .set({ ended_at: at, ended_by: ctx.actor?.accountId || null })
      .where('clock_id', '=', clock.id)
      .where('ended_at', 'is', null)
      .execute();
  }
  return settle(ctx, { ...clock, state: 'stopped', stopped_at: at }, 'stopped', null, at.getTime(), endOpenPause(clock.parts, at));
}

/** Stop the clock unless it is stopped already (a case concluding after its clock was stopped elsewhere). */
export async function stopClockIfRunning(ctx: WriteContext, clockId: number): Promise<void> {
  const clock = await lockClock(ctx, clockId);
  if (clock.state === 'stopped') return;
  if (clock.state === 'paused') {
    await stopLocked(ctx, clock, new Date());
    return;
  }
  // a running clock: its stop is written without waiting (nobody reads the row it leaves)
  const at = new Date();
  await settleQuietly(ctx, { ...clock, state: 'stopped', stopped_at: at }, 'stopped', null, at.getTime(), clock.parts);
}

/** Everything about a clock now: both limits with deadlines, elapsed and remaining, pauses, extensions, history. */
export async function describeClock(db: Executor, clockId: number, now = Date.now()) {
  const clock = (await db.selectFrom('clock').selectAll().where('id', '=', clockId).executeTakeFirst()) as ClockRow | undefined;
  if (!clock) throw new AppError('NOT_FOUND');
  const { calendar } = await workCalendarFor(db, clock.region_id);
  const parts = await loadParts(db, clockId);
  const { committed, legal } = evaluate(calendar, clock, parts, now);
  const changes = await db.selectFrom('clock_change').selectAll().where('clock_id', '=', clockId).orderBy('id').execute();
  const limitView = (l: LimitState | null) =>
    l && {
      limit: l.limit,
      unit: l.unit,
      extension: l.extension,
      paused: l.paused,
      dueAt: iso(l.dueAt)!,
      elapsed: l.elapsed,
      remaining: l.remaining,
      isOverdue: l.isOverdue,
    };
  return {
    id: clock.id,
    ownerType: clock.owner_type,
    ownerId: clock.owner_id,
    state: clock.state,
    startedAt: clock.started_at.toISOString(),
    stoppedAt: clock.stopped_at?.toISOString() ?? null,
    committed: limitView(committed),
    legal: limitView(legal),
    isOverdue: [committed, legal].some((l) => l?.isOverdue),
    nextAttentionAt: clock.next_attention_at?.toISOString() ?? null,
    version: clock.version,
    pauses: parts.pauses.map((p) => ({ reason: p.reason, note: p.note, startedAt: p.started_at.toISOString(), endedAt: p.ended_at?.toISOString() ?? null })),
    extensions: parts.extensions.map((e) => ({
      appliesTo: e.applies_to,
      amount: e.amount,
      reason: e.reason,
      approvedBy: e.approved_by,
      at: e.at.toISOString(),
    })),
    changes: changes.map((c) => ({
      kind: c.kind,
      note: c.note,
      at: c.at.toISOString(),
      committedDueBefore: c.committed_due_before?.toISOString() ?? null,
      committedDueAfter: c.committed_due_after?.toISOString() ?? null,
      legalDueBefore: c.legal_due_before?.toISOString() ?? null,
      legalDueAfter: c.legal_due_after?.toISOString() ?? null,
    })),
  };
}

export async function clockIdOf(db: Executor, ownerType: string, ownerId: string | number): Promise<number | undefined> {
  return (await db.selectFrom('clock').select('id').where('owner_type', '=', ownerType).where('owner_id', '=', String(ownerId)).executeTakeFirst())?.id;
}

/**
 * Clocks whose next attention moment has passed, through the partial index on next_attention_at:
 * the cost grows with what is due, not with what is open. SKIP LOCKED lets several workers share.
 */
export async function claimClocksNeedingAttention(ctx: WriteContext, now: Date, limit = 500) {
  return ctx.tx
    .selectFrom('clock')
    .selectAll()
    .where('next_attention_at', '<=', now)
    .orderBy('next_attention_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Advance a clock past the moment it was attended to (sets overdue, picks the next moment). */
export async function refreshClock(ctx: WriteContext, clockId: number, now = Date.now()) {
  const clock = await lockClock(ctx, clockId);
  return settle(ctx, clock, 'recomputed', null, now, clock.parts);
}

/**
 * After a calendar change: recompute every open clock in the affected regions (null = all) and
 * record each moved deadline on its clock. Returns how many clocks had a deadline move.
 */
export async function recomputeOpenClocks(ctx: WriteContext, regionPath: string | null, note: string): Promise<number> {
  let moved = 0;
  let after = 0;
  for (;;) {
    let q = ctx.tx
      .selectFrom('clock as c')
      .leftJoin('region as r', 'r.id', 'c.region_id')
      .selectAll('c')
      .where('c.state', '<>', 'stopped')
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(1000);
    if (regionPath) q = q.where('r.path', 'like', `${regionPath}%`);
    const rows = (await q.execute()) as ClockRow[];
    if (rows.length === 0) return moved;
    for (const clock of rows) {
      const updated = await settle(ctx, clock, 'recomputed', note);
      if (updated.committed_due_at?.getTime() !== clock.committed_due_at?.getTime() || updated.legal_due_at?.getTime() !== clock.legal_due_at?.getTime())
        moved += 1;
    }
    after = rows[rows.length - 1]!.id;
  }
}
