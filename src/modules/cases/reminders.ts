import { sql } from 'kysely';
import type { Db, Tx } from '../../server/db/database.ts';
import { AppError } from '../../server/errors.ts';
import { systemActor } from '../../server/access.ts';
import { runWrite } from '../../server/write.ts';
import { periodEnd } from '../calendar/calendar.store.ts';
import { loadCase, recordCaseEvent, updateCase } from './case-core.ts';
import { licensesToRemind } from './licenses.ts';
import { endWithdrawn } from './intake.service.ts';
import { withdrawBundle } from './bundle-cases.service.ts';
import './cases.tables.ts';

/** The rows whose day falls by the end of so many working days from now, each by its region's calendar (overdue ones too). */
async function dueBy<T extends { region_id: number }>(db: Db, rows: T[], dueAt: (row: T) => Date, workdays: number, now: number): Promise<T[]> {
  const bounds = new Map<number, Date>();
  const due: T[] = [];
  for (const row of rows) {
    if (!bounds.has(row.region_id)) bounds.set(row.region_id, await periodEnd(db, row.region_id, { value: workdays, unit: 'workday' }, now));
    if (dueAt(row) <= bounds.get(row.region_id)!) due.push(row);
  }
  return due;
}

/**
 * 容缺受理's reminder (the daily `case-reminders` job): an applicant whose materials accepted to follow are due by
 * the end of the next working day, or overdue, is reminded once — the event `tolerated_reminded` on the case's
 * timeline, which the applicant's message and SMS follow (cases.notifications.ts). Answers how many were reminded.
 */
export async function remindToleratedDue(db: Db, now = Date.now()): Promise<number> {
  const waiting = await db
    .selectFrom('kase as k')
    .select(['k.id', 'k.region_id', 'k.tolerated_due_at'])
    .where('k.tolerated_due_at', 'is not', null)
    .where('k.status', 'not in', ['withdrawn', 'refused'])
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = k.id AND e.type = 'tolerated_reminded')`)
    .execute();
  let reminded = 0;
  for (const c of await dueBy(db, waiting, (r) => r.tolerated_due_at!, 1, now)) {
    const done = await runWrite(db, systemActor, async (ctx) => {
      const kase = await loadCase(ctx.tx, c.id);
      // handed in meanwhile: nothing to remind of
      if (!kase.tolerated_due_at) return false;
      const materials = await ctx.tx
        .selectFrom('case_material')
        .select(['material_key as key', 'name'])
        .where('case_id', '=', kase.id)
        .where('status', '=', 'tolerated')
        .orderBy('id')
        .execute();
      const touched = await updateCase(ctx, kase, {});
      await recordCaseEvent(
        ctx,
        touched,
        'tolerated_reminded',
        { dueAt: kase.tolerated_due_at.toISOString(), overdue: kase.tolerated_due_at.getTime() < now, materials },
        null,
        { metrics: false },
      );
      return true;
    });
    if (done) reminded += 1;
  }
  return reminded;
}

/**
 * 告知承诺制's reminder (the same daily job): the department owing a check after a grant by commitment is told once
 * when the check falls due within five working days, or is overdue — the staff-only event `commitment_check_due`,
 * which its approvers hear of in the app (cases.notifications.ts). Answers how many checks were reminded of.
 */
export async function remindCommitmentChecksDue(db: Db, now = Date.now()): Promise<number> {
  const pending = await db
    .selectFrom('commitment_check as c')
    .innerJoin('kase as k', 'k.id', 'c.case_id')
    .select(['c.case_id', 'c.organization_id', 'c.due_at', 'k.region_id'])
    .where('c.state', '=', 'pending')
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.case_id AND e.type = 'commitment_check_due')`)
    .execute();
  let reminded = 0;
  for (const c of await dueBy(db, pending, (r) => r.due_at, 5, now)) {
    await runWrite(db, systemActor, async (ctx) => {
      const touched = await updateCase(ctx, await loadCase(ctx.tx, c.case_id), {});
      await recordCaseEvent(
        ctx,
        touched,
        'commitment_check_due',
        { organizationId: c.organization_id, dueAt: c.due_at.toISOString(), overdue: c.due_at.getTime() < now },
        null,
        { metrics: false },
      );
    });
    reminded += 1;
  }
  return reminded;
}

/**
 * 证照到期提醒 (the same daily job): the holder of a license whose renewal falls due within thirty days — its
 * renewal deadline being the item's lead before its last day (延续, 行政许可法 art. 50) — or is past due while the
 * license still runs, with no renewal in hand, is reminded once per license: the event `license_expiring` on the
 * timeline of the case that issued it, which the applicant's message and SMS follow. Answers how many were reminded.
 */
export async function remindLicensesExpiring(db: Db, now = Date.now()): Promise<number> {
  let reminded = 0;
  for (const l of await licensesToRemind(db, now)) {
    await runWrite(db, systemActor, async (ctx) => {
      const touched = await updateCase(ctx, await loadCase(ctx.tx, l.caseId), {});
      await recordCaseEvent(
        ctx,
        touched,
        'license_expiring',
        { licenseId: l.id, licenseNumber: l.number, type: l.type, validUntil: l.validUntil, renewBy: l.renewBy, overdue: l.overdue },
        null,
        { metrics: false },
      );
    });
    reminded += 1;
  }
  return reminded;
}

/** The cases waiting for supplements with a period set: an item case's own, a bundle application's for its item cases' notice. */
async function waitingForSupplements(db: Db) {
  return (
    db
      .selectFrom('kase as k')
      .select(['k.id', 'k.region_id', 'k.supplement_due_at', 'k.bundle_id'])
      .where('k.status', 'in', ['notified', 'awaiting_supplement'])
      .where('k.supplement_due_at', 'is not', null)
      // what a bundle's one-time notice asked is handed in on the bundle application, and its period runs there
      .where((w) => w.or([w('k.parent_id', 'is', null), w('k.status', '=', 'awaiting_supplement')]))
      .execute()
  );
}

/** What a case waits for: the materials missing in its latest round, or a bundle application's item cases'. */
async function materialsAsked(db: Db | Tx, caseId: number, bundle: boolean): Promise<{ key: string; name: string }[]> {
  const { rows } = await sql<{ key: string; name: string }>`
    SELECT DISTINCT ON (m.material_key) m.material_key AS key, m.name
    FROM kase c
    JOIN case_material m ON m.case_id = c.id
    WHERE ${bundle ? sql`c.parent_id = ${caseId} AND c.status = 'notified'` : sql`c.id = ${caseId}`}
      AND m.status = 'missing' AND m.round = (SELECT max(round) FROM case_material r WHERE r.case_id = c.id)
    ORDER BY m.material_key, m.id`.execute(db);
  return rows;
}

/**
 * 补正期限's reminder (the daily `case-reminders` job): an applicant whose supplement period ends within three working
 * days is reminded once per period — the event `supplement_reminded` on the case's timeline, naming the day and the
 * materials asked, which the applicant's message and SMS follow (cases.notifications.ts). Answers how many were reminded.
 */
export async function remindSupplementDue(db: Db, now = Date.now()): Promise<number> {
  const waiting = (await waitingForSupplements(db)).filter((c) => c.supplement_due_at!.getTime() > now);
  let reminded = 0;
  for (const c of await dueBy(db, waiting, (r) => r.supplement_due_at!, 3, now)) {
    const done = await runWrite(db, systemActor, async (ctx) => {
      const kase = await loadCase(ctx.tx, c.id);
      const dueAt = kase.supplement_due_at;
      // handed in or withdrawn meanwhile, or this period already reminded of
      if (!dueAt || dueAt.getTime() <= now || !['notified', 'awaiting_supplement'].includes(kase.status)) return false;
      const told = await ctx.tx
        .selectFrom('case_event')
        .select('id')
        .where('case_id', '=', kase.id)
        .where('type', '=', 'supplement_reminded')
        .where(sql<boolean>`(payload ->> 'dueAt')::timestamptz = ${dueAt}`)
        .executeTakeFirst();
      if (told) return false;
      const touched = await updateCase(ctx, kase, {});
      await recordCaseEvent(
        ctx,
        touched,
        'supplement_reminded',
        { dueAt: dueAt.toISOString(), materials: await materialsAsked(ctx.tx, kase.id, kase.bundle_id !== null) },
        null,
        { metrics: false },
      );
      return true;
    });
    if (done) reminded += 1;
  }
  return reminded;
}

/**
 * 逾期未补正，视为撤回申请 (the nightly `supplement-lapse` job): a case whose supplement period has passed with nothing
 * handed in is withdrawn as the applicant would withdraw it — open tasks end, the clock stops — with the event
 * `withdrawn` marked `lapsed` and the day that passed; the applicant is told. A bundle application lapses whole. Each
 * case is its own transaction: one whose applicant hands the materials in at the same moment is left to them (409).
 * Answers how many lapsed.
 */
export async function lapseUnsupplemented(db: Db, now = Date.now()): Promise<number> {
  let lapsed = 0;
  for (const c of (await waitingForSupplements(db)).filter((c) => c.supplement_due_at!.getTime() <= now)) {
    try {
      const done = await runWrite(db, systemActor, async (ctx) => {
        const kase = await loadCase(ctx.tx, c.id);
        const dueAt = kase.supplement_due_at;
        if (!dueAt || dueAt.getTime() > now || !['notified', 'awaiting_supplement'].includes(kase.status)) return false;
        const payload = { reason: null, lapsed: true as const, dueAt: dueAt.toISOString() };
        if (kase.bundle_id !== null) await withdrawBundle(ctx, kase.id, payload);
        else await endWithdrawn(ctx, kase, payload);
        return true;
      });
      if (done) lapsed += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.status === 409)) throw error;
    }
  }
  return lapsed;
}
