import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { hasPermission, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { deliveryBounds } from './delivery-deadline.ts';
import { commitmentChecksDue } from './commitment.ts';
import { casesWithWindowStepOpen, endOfToday, inboxTasks, pendingExtensionRequests, scopedCases, soonCutoff } from './cases.queries.ts';
import { heldLicenses } from './licenses.ts';

/** How many of the most pressing cases and tasks today's work lists. */
const pressingCount = 5;

/**
 * 今日工作: what waits for the caller today, as the workbench's home page shows it — at the comprehensive window
 * (case.intake) the desk's queues, counted as 综合受理 counts them (a bundle once), with what the law makes
 * pressing: one-time notices due by art. 32 and deliveries due or late by art. 44; for whoever works tasks
 * (case.handle) the inbox as 待办 shows it (the same tasks, the same "today", "overdue" and "soon"), with its most
 * pressing tasks, the checks after grants by commitment coming due and, for a head, the extensions waiting for their decision. A section the caller has no post
 * for is `null`. An applicant gets their own section instead (applicantToday).
 */
export async function workToday(db: Db, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'applicant') return { asOf: new Date().toISOString(), intake: null, tasks: null, applicant: await applicantToday(db, actor) };
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const [intake, tasks] = await Promise.all([
    hasPermission(actor, 'case.intake') && hasPermission(actor, 'case.read') ? intakeToday(db, actor) : null,
    taskToday(db, actor),
  ]);
  return { asOf: new Date().toISOString(), intake, tasks, applicant: null };
}

/**
 * 待我处理, for an applicant (their own cases and those they applied for as an agent): how many are in hand, which
 * wait for them — materials asked for (a bundle's one-time notice is answered on the bundle, a supplement asked
 * during review on its item case, as 我的办件 counts them) or fees to pay — and which are decided and wait for
 * delivery; with the cases that wait for them, newest first.
 */
async function applicantToday(db: Db, actor: Actor) {
  const cases = await scopedCases(db, actor);
  // materials asked for: a one-time notice, a supplement during review, or what was accepted to follow (容缺后补)
  const asked = sql<boolean>`((k.parent_id IS NULL AND k.status = 'notified') OR (k.bundle_id IS NULL AND k.status = 'awaiting_supplement')
    OR (k.tolerated_due_at IS NOT NULL AND k.status NOT IN ('withdrawn', 'refused')))`;
  const unpaid = sql<number | null>`(SELECT sum(f.amount_cents)::int FROM case_fee f WHERE f.case_id = k.id AND f.status = 'unpaid')`;
  const owes = sql<boolean>`EXISTS (SELECT 1 FROM case_fee f WHERE f.case_id = k.id AND f.status = 'unpaid')`;
  const [counts, waiting] = await Promise.all([
    cases
      .select([
        sql<number>`count(*) FILTER (WHERE k.parent_id IS NULL AND k.status IN ('submitted', 'notified', 'in_progress', 'awaiting_supplement', 'decided'))::int`.as(
          'inProgress',
        ),
        sql<number>`count(*) FILTER (WHERE ${asked})::int`.as('supplement'),
        sql<number>`count(*) FILTER (WHERE ${owes})::int`.as('fees'),
        sql<number>`count(*) FILTER (WHERE k.parent_id IS NULL AND k.status = 'concluded')::int`.as('toDeliver'),
        sql<number>`count(*) FILTER (WHERE k.parent_id IS NULL AND k.status = 'delivered')::int`.as('delivered'),
      ])
      .executeTakeFirstOrThrow(),
    cases
      .where((eb) => eb.or([eb(asked, '=', true), eb(owes, '=', true)]))
      .select(['k.id', 'k.number', 'k.subject', 'k.status', asked.as('asked'), unpaid.as('unpaid_cents')])
      .orderBy('k.id', 'desc')
      .limit(10)
      .execute(),
  ]);
  // 证照即将到期: the applicant's own licenses whose renewal falls due (or is past due) with none applied for
  const licensesExpiring = actor.applicantId ? (await heldLicenses(db, actor.applicantId)).filter((l) => l.state === 'expiring').length : 0;
  return {
    ...counts,
    licensesExpiring,
    /** what each case waits for from the applicant: materials (`supplement`), a payment (`fee`, with the amount), or both */
    waiting: waiting.map((c) => ({
      id: c.id,
      number: c.number,
      subject: c.subject,
      status: c.status,
      supplement: c.asked,
      unpaidCents: c.unpaid_cents,
    })),
  };
}

async function intakeToday(db: Db, actor: Actor) {
  const cases = await scopedCases(db, actor);
  // a bundle's item cases are worked through the bundle application (parent_id): counted once, as 综合受理 counts
  const desk = cases.where('k.parent_id', 'is', null);
  const [counts, atWindow, tolerated, regions, pressing] = await Promise.all([
    cases
      .where('k.status', 'in', ['submitted', 'notified', 'awaiting_supplement', 'concluded'])
      .select([
        sql<number>`count(*) FILTER (WHERE k.parent_id IS NULL AND k.status = 'submitted')::int`.as('preReview'),
        sql<number>`count(*) FILTER (WHERE k.parent_id IS NULL AND k.status = 'submitted' AND k.notice_due_at < ${endOfToday})::int`.as('noticeDue'),
        // as the case list's kind awaiting_supplement counts (a bundle through its item cases)
        sql<number>`count(*) FILTER (WHERE k.bundle_id IS NULL AND k.status IN ('awaiting_supplement', 'notified'))::int`.as('awaitingApplicant'),
        // 补正期限 ending by tonight: unanswered, the nightly sweep deems them withdrawn (a bundle by its application)
        sql<number>`count(*) FILTER (WHERE k.status IN ('awaiting_supplement', 'notified') AND (k.parent_id IS NULL OR k.status = 'awaiting_supplement')
          AND k.supplement_due_at <= ${endOfToday})::int`.as('supplementEndsToday'),
        sql<number>`count(*) FILTER (WHERE k.parent_id IS NULL AND k.status = 'concluded')::int`.as('toDeliver'),
      ])
      .executeTakeFirstOrThrow(),
    // immediate items accepted here whose decision or conclusion the window makes on the spot, as 当场办结 lists them
    cases
      .where('k.id', 'in', casesWithWindowStepOpen(db))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
    // 容缺待补, as its list counts them: materials accepted to follow not all in, and of them those past their day
    cases
      .where('k.tolerated_due_at', 'is not', null)
      .where('k.status', 'not in', ['withdrawn', 'refused'])
      .select([sql<number>`count(*)::int`.as('n'), sql<number>`count(*) FILTER (WHERE k.tolerated_due_at < now())::int`.as('overdue')])
      .executeTakeFirstOrThrow(),
    desk.where('k.status', '=', 'concluded').select('k.region_id').distinct().execute(),
    desk
      .where('k.status', '=', 'submitted')
      .innerJoin('applicant as ap', 'ap.id', 'k.applicant_id')
      .select(['k.id', 'k.number', 'k.subject', 'ap.name as applicant_name', 'k.channel', 'k.received_at', 'k.notice_due_at', 'k.bundle_id'])
      .orderBy('k.notice_due_at')
      .orderBy('k.id')
      .limit(pressingCount)
      .execute(),
  ]);
  // art. 44 by each case's region's calendar, as the 待出件 list shows it: the regions sharing a calendar share
  // the moments of decision that make a delivery late or due today, and the cases are counted by them
  const byBounds = new Map<string, { regionIds: number[]; lateBefore: Date; dueTodayBefore: Date }>();
  const now = Date.now();
  for (const { region_id } of regions) {
    const bounds = deliveryBounds((await workCalendarFor(db, region_id)).calendar, now);
    const key = `${bounds.lateBefore.getTime()}:${bounds.dueTodayBefore.getTime()}`;
    const group = byBounds.get(key) ?? { ...bounds, regionIds: [] };
    group.regionIds.push(region_id);
    byBounds.set(key, group);
  }
  let deliveryDueToday = 0;
  let lateDelivery = 0;
  if (byBounds.size > 0) {
    type Group = { regionIds: number[]; lateBefore: Date; dueTodayBefore: Date };
    // decided in [from, before) by the calendar of the case's region
    const decided = (from: (g: Group) => Date | null, before: (g: Group) => Date) =>
      sql.join(
        [...byBounds.values()].map((g) => {
          const since = from(g);
          return sql`(k.region_id = ANY(${g.regionIds}::bigint[]) AND k.decided_at < ${before(g)}${since ? sql` AND k.decided_at >= ${since}` : sql``})`;
        }),
        sql` OR `,
      );
    const delivery = await desk
      .where('k.status', '=', 'concluded')
      .select([
        sql<number>`count(*) FILTER (WHERE ${decided(
          () => null,
          (g) => g.lateBefore,
        )})::int`.as('late'),
        sql<number>`count(*) FILTER (WHERE ${decided(
          (g) => g.lateBefore,
          (g) => g.dueTodayBefore,
        )})::int`.as('dueToday'),
      ])
      .executeTakeFirstOrThrow();
    deliveryDueToday = delivery.dueToday;
    lateDelivery = delivery.late;
  }
  return {
    ...counts,
    windowDecision: atWindow.n,
    tolerated: tolerated.n,
    toleratedOverdue: tolerated.overdue,
    deliveryDueToday,
    lateDelivery,
    /** the applications waiting for pre-review, the nearest one-time-notice deadline (art. 32) first */
    pressing: pressing.map((c) => ({
      id: c.id,
      number: c.number,
      subject: c.subject,
      applicantName: c.applicant_name,
      channel: c.channel,
      isBundle: c.bundle_id !== null,
      receivedAt: c.received_at.toISOString(),
      noticeDueAt: c.notice_due_at.toISOString(),
    })),
  };
}

async function taskToday(db: Db, actor: Actor) {
  const inbox = await inboxTasks(db, actor, true);
  if (!inbox) return null;
  const { q } = inbox;
  const [counts, pressing, extensions, checksDue] = await Promise.all([
    q
      .select([
        sql<number>`count(*)::int`.as('open'),
        sql<number>`count(*) FILTER (WHERE t.state = 'open')::int`.as('unclaimed'),
        sql<number>`count(*) FILTER (WHERE t.state = 'claimed')::int`.as('claimed'),
        sql<number>`count(*) FILTER (WHERE t.due_at < now())::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE t.due_at < ${endOfToday})::int`.as('dueToday'),
        sql<number>`count(*) FILTER (WHERE t.due_at < ${soonCutoff})::int`.as('soon'),
        sql<number>`count(*) FILTER (WHERE t.is_urgent)::int`.as('urgent'),
      ])
      .executeTakeFirstOrThrow(),
    // as the inbox orders them: urgent first, then the nearest deadline
    q
      .select(['t.id', 't.case_id', 'k.number', 'k.subject', 'ap.name as applicant_name', 't.name', 't.stage', 't.state', 't.is_urgent', 't.due_at'])
      .orderBy('t.is_urgent', 'desc')
      .orderBy(sql`t.due_at NULLS LAST`)
      .orderBy('t.id')
      .limit(pressingCount)
      .execute(),
    pendingExtensionRequests(db, actor),
    hasPermission(actor, 'case.handle') ? commitmentChecksDue(db, actor) : 0,
  ]);
  return {
    ...counts,
    extensionRequests: extensions.length,
    /** 事后核查 of grants by written commitment: overdue or due within 10 days */
    commitmentChecksDue: checksDue,
    pressing: pressing.map((t) => ({
      id: t.id,
      caseId: t.case_id,
      caseNumber: t.number,
      subject: t.subject,
      applicantName: t.applicant_name,
      name: t.name,
      stage: t.stage,
      state: t.state,
      isUrgent: t.is_urgent,
      dueAt: t.due_at?.toISOString() ?? null,
    })),
  };
}
