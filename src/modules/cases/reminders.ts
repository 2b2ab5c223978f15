import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { systemActor } from '../../server/access.ts';
import { runWrite } from '../../server/write.ts';
import { periodEnd } from '../calendar/calendar.store.ts';
import { loadCase, recordCaseEvent, updateCase } from './case-core.ts';
import { licensesToRemind } from './licenses.ts';
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
