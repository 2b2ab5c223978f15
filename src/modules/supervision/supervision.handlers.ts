import { sql } from 'kysely';
import type { Tx } from '../../server/db/database.ts';
import { onEvent, type DomainEvent } from '../../server/events.ts';
import { dateOfInstant, instantOf, minuteOfDay } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { getWarningPolicy } from '../calendar/clocks.service.ts';
import type { WarningPolicy } from '../calendar/clock-math.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { deliverInApp, type Localized } from '../notify/notify.service.ts';
import type { FindingKind } from './supervision.tables.ts';
import '../cases/cases.tables.ts';
import '../identity/identity.tables.ts';
import './supervision.tables.ts';

/**
 * A task's yellow moment under the warning policy: `workdaysLeft` working days before the end of a
 * day-based due time (hours before an hour-based one), or `usedPercent` of the time from the task's
 * creation to its due time, whichever is first.
 */
export function taskYellowAt(cal: WorkCalendar, createdAt: number, dueAt: number, policy: WarningPolicy): number {
  const off = cal.settings.offsetMinutes;
  const byUse = createdAt + Math.ceil(((dueAt - createdAt) * policy.usedPercent) / 100);
  let byLeft = dueAt;
  if (policy.workdaysLeft > 0) {
    if (minuteOfDay(dueAt, off) === 0) {
      // due at the end of a day: go back to the start of the working day `workdaysLeft - 1` before it
      let day = dateOfInstant(dueAt, off) - 1;
      for (let left = policy.workdaysLeft - 1; left > 0;) {
        day -= 1;
        if (cal.isWorkday(day)) left -= 1;
      }
      byLeft = instantOf(day, 0, off);
    } else byLeft = dueAt - policy.workdaysLeft * 3_600_000;
  }
  return Math.max(createdAt, Math.min(byUse, byLeft, dueAt));
}

/** Keep the sweep's watch list in step with the case's open tasks: add new ones, drop finished ones. */
async function syncTaskWatch(tx: Tx, caseId: number): Promise<void> {
  await tx
    .deleteFrom('supervision_task_watch')
    .where('case_id', '=', caseId)
    .where('task_id', 'in', (eb) => eb.selectFrom('case_task').select('id').where('case_id', '=', caseId).where('state', 'not in', ['open', 'claimed']))
    .execute();
  const fresh = await tx
    .selectFrom('case_task as t')
    .innerJoin('kase as k', 'k.id', 't.case_id')
    .select(['t.id', 't.created_at', 't.due_at', 'k.region_id'])
    .where('t.case_id', '=', caseId)
    .where('t.state', 'in', ['open', 'claimed'])
    .where('t.due_at', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('supervision_task_watch as w').select('w.task_id').whereRef('w.task_id', '=', 't.id'))))
    .execute();
  if (fresh.length === 0) return;
  const policy = await getWarningPolicy(tx);
  const { calendar } = await workCalendarFor(tx, fresh[0]!.region_id);
  await tx
    .insertInto('supervision_task_watch')
    .values(
      fresh.map((t) => {
        const yellow = taskYellowAt(calendar, t.created_at.getTime(), t.due_at!.getTime(), policy);
        return {
          task_id: t.id,
          case_id: caseId,
          yellow_at: new Date(yellow),
          red_at: t.due_at!,
          next_at: new Date(yellow),
        };
      }),
    )
    .onConflict((oc) => oc.column('task_id').doNothing())
    .execute();
}

/**
 * The suspicious patterns of seed 001's supervision: a clock paused more than twice, an extension
 * on an immediate item (即办件 are decided at the window), acceptance after the five days the law
 * gives for the one-time notice (行政许可法 art. 32: the case then counts as accepted on receipt), and a
 * result delivered after the ten working days art. 44 gives from the decision (the delivery says so); and a grant by
 * written commitment checked after its check period (告知承诺制's 事后核查, the check says so); and a renewal (延续)
 * decided after the license it renews ran out (行政许可法 art. 50).
 */
async function recordFindings(tx: Tx, caseId: number, e: DomainEvent): Promise<void> {
  const k = await tx
    .selectFrom('kase as k')
    .leftJoin('clock as c', 'c.id', 'k.clock_id')
    .select([
      'k.id',
      'k.case_kind',
      'k.notice_due_at',
      'k.received_at',
      'k.decided_at',
      'k.for_license_id',
      'k.license_action',
      sql<number>`(SELECT count(*) FROM clock_pause p WHERE p.clock_id = k.clock_id)::int`.as('pauses'),
      sql<number>`(SELECT count(*) FROM clock_extension e WHERE e.clock_id = k.clock_id)::int`.as('extensions'),
    ])
    .where('k.id', '=', caseId)
    .executeTakeFirst();
  if (!k) return;
  const found: { kind: FindingKind; detail: object }[] = [];
  if (k.pauses > 2) found.push({ kind: 'paused_often', detail: { pauses: k.pauses } });
  if (k.case_kind === 'immediate' && k.extensions > 0) found.push({ kind: 'immediate_extended', detail: { extensions: k.extensions } });
  // a late acceptance (after the art. 32 point with no one-time notice by it) is counted from receipt
  // (accepted_at = received_at): the event says so; an acceptance after a notice given in time is not late
  const lateAction = e.type === 'case.accepted' && (e.payload as { countedFromReceipt?: boolean }).countedFromReceipt === true;
  if (lateAction)
    found.push({
      kind: 'late_acceptance',
      detail: {
        receivedAt: k.received_at.toISOString(),
        acceptedAt: e.at.toISOString(),
        noticeDueAt: k.notice_due_at.toISOString(),
      },
    });
  const delivered = e.type === 'case.delivered' ? (e.payload as { late?: boolean; daysAfterDecision?: number }) : null;
  if (delivered?.late === true)
    found.push({
      kind: 'late_delivery',
      detail: { decidedAt: k.decided_at?.toISOString() ?? null, deliveredAt: e.at.toISOString(), workdaysAfterDecision: delivered.daysAfterDecision ?? null },
    });
  // 告知承诺制: a grant by commitment checked after its check period ran out (the check says so)
  const checked = e.type === 'case.commitment_checked' ? (e.payload as { late?: boolean; dueAt?: string; result?: string }) : null;
  if (checked?.late === true)
    found.push({ kind: 'late_commitment_check', detail: { dueAt: checked.dueAt ?? null, checkedAt: e.at.toISOString(), result: checked.result ?? null } });
  // 延续 (行政许可法 art. 50): a renewal decided after the license it renews ran out (the license counted as renewed meanwhile)
  if (e.type === 'case.decided' && k.for_license_id !== null && k.license_action === 'renew' && k.decided_at) {
    const license = await tx
      .selectFrom('case_document')
      .select(['number', sql<string | null>`valid_until::text`.as('valid_until')])
      .select(sql<boolean>`(${k.decided_at} AT TIME ZONE 'Asia/Shanghai')::date > valid_until`.as('late'))
      .where('id', '=', k.for_license_id)
      .executeTakeFirst();
    if (license?.late)
      found.push({ kind: 'late_renewal', detail: { validUntil: license.valid_until, decidedAt: k.decided_at.toISOString(), licenseNumber: license.number } });
  }
  if (found.length === 0) return;
  await tx
    .insertInto('supervision_finding')
    .values(found.map((f) => ({ case_id: caseId, kind: f.kind, detail: JSON.stringify(f.detail) })))
    .onConflict((oc) => oc.columns(['case_id', 'kind']).doNothing())
    .execute();
}

/** Accounts of an organization holding one of the roles (the department's heads or approvers). */
async function holders(tx: Tx, organizationId: number, roles: ('head' | 'approver')[]): Promise<number[]> {
  const rows = await tx
    .selectFrom('role_assignment as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .select('r.account_id')
    .distinct()
    .where('r.organization_id', '=', organizationId)
    .where('r.role', 'in', roles)
    .where('a.status', '=', 'active')
    .execute();
  return rows.map((r) => r.account_id);
}

async function tellAll(tx: Tx, e: DomainEvent, accounts: number[], title: Localized, body: Localized, link: string) {
  for (const accountId of new Set(accounts)) await deliverInApp(tx, { accountId, eventId: e.id, kind: 'supervision', title, body, link });
}

const caseEvent = /^case\./;

/** Supervision's reactions to domain events: the task watch list, findings, and notifications. */
export function registerSupervisionHandlers(): void {
  onEvent('*', 'supervision.watch', async (tx, e) => {
    if (e.streamType !== 'case' || !caseEvent.test(e.type)) return;
    const caseId = Number(e.streamId);
    await syncTaskWatch(tx, caseId);
    await recordFindings(tx, caseId, e);
  });

  onEvent('supervision.warning_raised', 'supervision.notify-warning', async (tx, e) => {
    const p = e.payload as { level: 'yellow' | 'red'; caseId: number; taskId: number | null; organizationId: number; dueAt: string };
    const kase = await tx.selectFrom('kase').select(['number', 'subject']).where('id', '=', p.caseId).executeTakeFirst();
    if (!kase) return;
    let accounts: number[];
    if (p.taskId) {
      const task = await tx.selectFrom('case_task').select(['assignee_account_id', 'assignee_role', 'name']).where('id', '=', p.taskId).executeTakeFirst();
      accounts = task?.assignee_account_id
        ? [task.assignee_account_id]
        : await holders(tx, p.organizationId, task?.assignee_role === 'head' ? ['head'] : ['approver', 'head']);
    } else {
      const orgs = await tx
        .selectFrom('case_task')
        .select('organization_id')
        .distinct()
        .where('case_id', '=', p.caseId)
        .where('state', 'in', ['open', 'claimed'])
        .execute();
      const targets = orgs.length ? orgs.map((o) => o.organization_id) : [p.organizationId];
      accounts = [];
      for (const o of targets) accounts.push(...(await holders(tx, o, p.level === 'red' ? ['approver', 'head'] : ['approver'])));
    }
    if (p.level === 'red') accounts.push(...(await holders(tx, p.organizationId, ['head'])));
    const due = new Date(p.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const red = p.level === 'red';
    await tellAll(
      tx,
      e,
      accounts,
      red ? { 'zh-CN': '红色预警：办件已超期', en: 'Red warning: overdue' } : { 'zh-CN': '黄色预警：办理时限将至', en: 'Yellow warning: deadline near' },
      red
        ? {
            'zh-CN': `办件 ${kase.number}（${kase.subject}）已超过办理时限（${due}），请立即办理并说明原因。`,
            en: `Case ${kase.number} passed its deadline (${p.dueAt}); act now and explain why.`,
          }
        : { 'zh-CN': `办件 ${kase.number}（${kase.subject}）将于 ${due} 到期，请抓紧办理。`, en: `Case ${kase.number} is due at ${p.dueAt}; please hurry.` },
      `/workbench/cases/${p.caseId}`,
    );
  });

  onEvent('supervision.order_changed', 'supervision.notify-order', async (tx, e) => {
    const p = e.payload as {
      orderId: number;
      number: string;
      kind: 'issued' | 'replied' | 'escalated' | 'closed';
      organizationId: number;
      issuedBy: number;
      replyDueAt: string;
    };
    const due = new Date(p.replyDueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const texts: Record<typeof p.kind, { title: Localized; body: Localized }> = {
      issued: {
        title: { 'zh-CN': '收到督办令', en: 'Supervision order received' },
        body: {
          'zh-CN': `督办令 ${p.number} 要求贵单位于 ${due} 前办理并答复。`,
          en: `Order ${p.number} asks your department to act and reply by ${p.replyDueAt}.`,
        },
      },
      escalated: {
        title: { 'zh-CN': '督办令已升级', en: 'Supervision order escalated' },
        body: { 'zh-CN': `督办令 ${p.number} 已升级督办，请于 ${due} 前重新答复。`, en: `Order ${p.number} was escalated; reply again by ${p.replyDueAt}.` },
      },
      replied: {
        title: { 'zh-CN': '督办令已答复', en: 'Supervision order answered' },
        body: { 'zh-CN': `责任单位已答复督办令 ${p.number}，请审核办结或升级督办。`, en: `The department answered order ${p.number}; close it or escalate.` },
      },
      closed: {
        title: { 'zh-CN': '督办令已办结', en: 'Supervision order closed' },
        body: { 'zh-CN': `督办令 ${p.number} 已办结。`, en: `Order ${p.number} is closed.` },
      },
    };
    const accounts = p.kind === 'replied' ? [p.issuedBy] : await holders(tx, p.organizationId, p.kind === 'closed' ? ['head'] : ['head', 'approver']);
    const link = p.kind === 'replied' ? `/workbench/supervision/orders/${p.orderId}` : `/workbench/supervision/inbox/${p.orderId}`;
    await tellAll(tx, e, accounts, texts[p.kind].title, texts[p.kind].body, link);
  });
}
