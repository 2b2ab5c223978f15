import type { ReactNode } from 'react';
import { Timeline, Typography } from 'antd';
import type { Locale } from '../../../../common/errors.ts';
import { cancelGroundText, licenseCancelGrounds, type LicenseCancelGround } from '../../../../common/licenses.ts';
import { useLocale } from '../../../i18n/index.tsx';
import type { CaseKey } from '../../../i18n/cases-pages.ts';
import type { WorkKey, WorkT } from '../../../i18n/case-work.ts';
import { useLicT, type LicT as CaseT } from '../../../i18n/licenses.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import { useTolT, type TolT } from '../../../i18n/tolerated.ts';
import type { CaseEvent } from '../../../api/cases.ts';
import { channelLabel, decisionLabel, deliveryLabel, specialLabel } from './labels.tsx';
import { toleratedDay } from './Tolerated.tsx';
import { civilDay, todayYmd } from './Licenses.tsx';

type P = Record<string, any>;

const colors: Record<string, string> = {
  submitted: 'blue',
  accepted: 'green',
  notified: 'orange',
  refused: 'red',
  withdrawn: 'gray',
  supplement_requested: 'orange',
  supplemented: 'blue',
  task_rejected: 'red',
  task_returned: 'orange',
  decided: 'green',
  concluded: 'green',
  delivered: 'green',
  special_procedure_started: 'orange',
  extended: 'orange',
  tolerated_handed_in: 'green',
  tolerated_reminded: 'orange',
  supplement_reminded: 'orange',
  supplement_extended: 'orange',
  license_expiring: 'orange',
  license_cancelled: 'red',
  enterprise_registered: 'green',
  awaiting_registration: 'orange',
  registration_denied: 'red',
};

function asked(items: unknown, t: CaseT): ReactNode {
  if (!Array.isArray(items) || items.length === 0) return null;
  return (
    <ul className="case-event-list">
      {(items as { name?: string; key: string; note?: string }[]).map((i) => (
        <li key={i.key}>{i.note ? t('cases.askedLine', { name: i.name ?? i.key, note: i.note }) : (i.name ?? i.key)}</li>
      ))}
    </ul>
  );
}

const yuanOf = (cents: unknown, t: CaseT) => (typeof cents === 'number' ? `¥${(cents / 100).toFixed(2)}` : t('cases.ev.feeToAssess'));

/** What 容缺受理's steps need besides the event: their strings, and the names of the materials by key. */
interface Tolerated {
  tt: TolT;
  names: Map<string, string>;
}

/** The names of the materials accepted to follow, as the acceptance listed them (the later events name keys). */
function toleratedNames(events: CaseEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.type === 'accepted' && Array.isArray((e.payload as P).tolerated))
      for (const m of (e.payload as P).tolerated as { key?: string; name?: string }[]) if (m?.key) names.set(m.key, m.name ?? m.key);
  return names;
}

/** 延续 / 变更 / 注销: the license an application names, by its id (the case's `renews`, `changes` or `cancels`, when it is that one). */
type RenewsOf = { id: number; number: string } | null | undefined;

/** 证照到期提醒: until when the license is valid, by when to renew it — or that the day has passed, as of the reminder. */
function expiringLine(p: P, at: string, t: CaseT, locale: Locale): string {
  const day = todayYmd(Date.parse(at));
  const validUntil = typeof p.validUntil === 'string' ? p.validUntil : null;
  const renewBy = typeof p.renewBy === 'string' ? p.renewBy : null;
  const vars = {
    number: String(p.number ?? p.licenseNumber ?? ''),
    type: String(p.type ?? ''),
    validUntil: civilDay(validUntil, locale),
    renewBy: civilDay(renewBy, locale),
  };
  if (validUntil && day > validUntil) return t('lic.ev.expired', vars);
  if (p.overdue === true || (renewBy && day > renewBy)) return t('lic.ev.expiringLate', vars);
  return t('lic.ev.expiring', vars);
}

/** The "why" of a step: opinions, reasons, what was asked, the new deadlines. */
function details(
  e: CaseEvent,
  t: CaseT,
  locale: Locale,
  tol: Tolerated,
  forLicense: { renews?: RenewsOf; changes?: RenewsOf; cancels?: RenewsOf; itemType?: string | null },
): ReactNode[] {
  const p = e.payload as P;
  const named = (keys: unknown) => (Array.isArray(keys) ? (keys as string[]).map((k) => tol.names.get(k) ?? k).join(t('cases.listSep')) : '');
  const out: ReactNode[] = [];
  const line = (key: Parameters<CaseT>[0], vars: Record<string, string | number>) => out.push(t(key, vars));
  switch (e.type) {
    case 'submitted':
      if (p.bundle) {
        out.push(`${t('cases.channel')}${t('cases.colon')}${channelLabel(t, String(p.channel))}`);
        if (Array.isArray(p.children)) line('ev.children', { numbers: (p.children as string[]).join(t('cases.listSep')) });
      } else line('cases.ev.via', { channel: channelLabel(t, String(p.channel)), version: String(p.version ?? '') });
      if (p.urgent) out.push(t('cases.ev.urgent'));
      if (p.commitment) out.push(t('commit.ev.submitted'));
      if (typeof p.renews === 'number')
        out.push(forLicense.renews?.id === p.renews ? t('lic.ev.renews', { number: forLicense.renews.number }) : t('lic.ev.renewsUnnamed'));
      if (typeof p.changes === 'number')
        out.push(forLicense.changes?.id === p.changes ? t('lic.ev.changes', { number: forLicense.changes.number }) : t('lic.ev.changesUnnamed'));
      if (typeof p.cancels === 'number')
        out.push(forLicense.cancels?.id === p.cancels ? t('lic.ev.cancels', { number: forLicense.cancels.number }) : t('lic.ev.cancelsUnnamed'));
      if (typeof p.cancelReason === 'string') line('lic.ev.cancelReason', { text: p.cancelReason });
      break;
    case 'license_expiring':
      out.push(expiringLine(p, e.at, t, locale));
      break;
    case 'license_cancelled': {
      // 注销: the ground in the page's language (the payload keeps the Chinese text the holder was told)
      const known = licenseCancelGrounds.includes(p.ground as LicenseCancelGround)
        ? cancelGroundText(p.ground as LicenseCancelGround, forLicense.itemType)
        : undefined;
      const ground = known ? known[locale === 'en' ? 1 : 0] : String(p.groundText ?? p.ground ?? '');
      line('lic.ev.cancelled', { number: String(p.licenseNumber ?? ''), type: String(p.type ?? ''), ground });
      if (p.note) line('lic.ev.cancelNote', { text: String(p.note) });
      // granted on the holder's application (申请注销)
      const by = p.byCase as { number?: string } | undefined;
      if (by?.number) line('lic.ev.byCase', { number: by.number });
      break;
    }
    case 'enterprise_registered': {
      // 市场主体登记: the company the grant registered; on the bundle's other item cases, filed for it from then on
      const by = p.byCase as { number?: string } | undefined;
      line(p.bundle ? 'lic.ev.registeredInBundle' : by?.number ? 'lic.ev.filedForRegistered' : 'lic.ev.registered', {
        name: String(p.name ?? ''),
        code: String(p.creditCode ?? ''),
        number: by?.number ?? '',
      });
      break;
    }
    case 'awaiting_registration':
    case 'registration_denied': {
      // 企业开办一件事: the item case waits for the bundle's registration, or goes on after its denial
      const by = p.byCase as { number?: string; subject?: string } | undefined;
      line(e.type === 'awaiting_registration' ? 'lic.ev.awaitingText' : 'lic.ev.deniedText', { subject: by?.subject ?? '', number: by?.number ?? '' });
      break;
    }
    case 'commitment_check_due':
      if (typeof p.dueAt === 'string') line(p.overdue ? 'commit.ev.dueLate' : 'commit.ev.due', { due: formatDue(p.dueAt, locale) });
      break;
    case 'commitment_checked':
      if (p.result === 'kept' || p.result === 'broken') line('commit.ev.result', { result: t(`commit.state.${p.result as 'kept' | 'broken'}`) });
      if (p.opinion) line('commit.ev.opinion', { text: String(p.opinion) });
      break;
    case 'accepted':
      if (p.committedDueAt) line('cases.ev.deadlines', { committed: formatDue(p.committedDueAt, locale), legal: formatDue(p.legalDueAt, locale) });
      if (p.countedFromReceipt) out.push(t('cases.ev.fromReceipt'));
      if (p.commitment) out.push(t('commit.ev.accepted'));
      if (Array.isArray(p.tolerated) && p.tolerated.length && typeof p.toleratedDueAt === 'string')
        out.push(
          tol.tt('tol.ev.accepted', {
            names: (p.tolerated as { key: string; name?: string }[]).map((m) => m.name ?? m.key).join(t('cases.listSep')),
            due: toleratedDay(p.toleratedDueAt, locale),
          }),
        );
      if (p.note) line('cases.ev.note', { text: p.note });
      break;
    case 'tolerated_reminded':
      if (typeof p.dueAt === 'string')
        out.push(
          tol.tt(p.overdue ? 'tol.ev.remindedLate' : 'tol.ev.remindedDue', {
            names: Array.isArray(p.materials) ? (p.materials as { key: string; name?: string }[]).map((m) => m.name ?? m.key).join(t('cases.listSep')) : '',
            due: toleratedDay(p.dueAt, locale),
          }),
        );
      break;
    case 'tolerated_handed_in':
      out.push(tol.tt('tol.ev.materials', { names: named(p.materials) }));
      out.push(Array.isArray(p.left) && p.left.length ? tol.tt('tol.ev.left', { names: named(p.left) }) : tol.tt('tol.ev.allIn'));
      break;
    case 'stage_entered':
      break;
    case 'notified':
    case 'supplement_requested':
      if (p.task) line('cases.ev.task', { name: p.task });
      out.push(asked(p.items, t));
      if (p.note) line('cases.ev.note', { text: p.note });
      if (p.withinLimit === false) out.push(t('cases.ev.noticeLate'));
      if (typeof p.supplementDueAt === 'string') line('cases.ev.supplementDue', { due: toleratedDay(p.supplementDueAt, locale) });
      break;
    case 'supplement_extended':
      if (typeof p.from === 'string' && typeof p.to === 'string')
        line('cases.ev.supplementExtended', { from: toleratedDay(p.from, locale), to: toleratedDay(p.to, locale), workdays: Number(p.workdays ?? 0) });
      if (p.reason) line('cases.ev.reason', { text: String(p.reason) });
      break;
    case 'supplement_reminded':
      if (typeof p.dueAt === 'string')
        line('cases.ev.supplementReminded', {
          due: toleratedDay(p.dueAt, locale),
          names: Array.isArray(p.materials) ? (p.materials as { key: string; name?: string }[]).map((m) => m.name ?? m.key).join(t('cases.listSep')) : '',
        });
      break;
    case 'refused':
      line('cases.ev.reason', { text: String(p.reason ?? '') });
      break;
    case 'supplemented':
      line('cases.ev.round', { round: Number(p.round ?? 0) });
      break;
    case 'withdrawn':
      if (p.reason) line('cases.ev.reason', { text: p.reason });
      // 视为撤回申请: the supplement period passed with nothing handed in
      if (p.lapsed && typeof p.dueAt === 'string') line('cases.ev.lapsed', { due: toleratedDay(p.dueAt, locale) });
      break;
    case 'delivery_chosen':
      line('cases.ev.method', { method: deliveryLabel(t, String(p.method)) });
      break;
    case 'delivered':
      line('cases.ev.method', { method: deliveryLabel(t, String(p.method)) });
      if (p.trackingNumber) line('cases.ev.tracking', { number: p.trackingNumber });
      if (p.collector) {
        const c = p.collector as { name?: string; idNumber?: string };
        line('cases.collectedBy', { name: String(c.name ?? ''), id: String(c.idNumber ?? '') });
      }
      if (p.late) out.push(t('cases.ev.deliveryLate'));
      break;
    case 'task_claimed':
      line('cases.ev.task', { name: String(p.task ?? '') });
      break;
    case 'task_approved':
    case 'task_rejected':
    case 'task_returned':
      line('cases.ev.task', { name: String(p.task ?? '') });
      if (p.opinion) line('cases.ev.opinion', { text: p.opinion });
      break;
    case 'task_transferred':
      line('cases.ev.transferredTo', { task: String(p.task ?? ''), to: String(p.to ?? '') });
      if (p.opinion) line('cases.ev.opinion', { text: p.opinion });
      break;
    case 'special_procedure_started':
      line('cases.ev.special', { kind: specialLabel(t, String(p.kind)), text: String(p.reason ?? '') });
      if (p.expectedDays) line('cases.ev.expectedDays', { days: p.expectedDays });
      break;
    case 'special_procedure_ended':
      line('cases.ev.special', { kind: specialLabel(t, String(p.kind)), text: String(p.result ?? '') });
      break;
    case 'extended':
      line('cases.ev.extendedBy', { days: Number(p.days ?? 0), due: formatDue(p.legalDueAt, locale) });
      line('cases.ev.reason', { text: String(p.reason ?? '') });
      break;
    case 'decided':
    case 'concluded': {
      // in the words of the item's type (准予许可, 予以确认, 准予办理 …); a renewal's, a change's or a cancellation's
      // decision says so: 准予延续, 不予变更, 准予注销 …
      const licenseAction = forLicense.renews ? 'renew' : forLicense.changes ? 'change' : forLicense.cancels ? 'cancel' : null;
      if (p.decision)
        out.push(decisionLabel({ itemType: forLicense.itemType, licenseAction, decision: p.decision === 'denied' ? 'denied' : 'granted' }, locale));
      break;
    }
    case 'joint_completed':
      out.push(t(p.allAgree ? 'cases.ev.jointAgreed' : 'cases.ev.jointDisagreed'));
      break;
    case 'task_delegated':
    case 'task_reassigned':
      line('ev.to', { task: String(p.task ?? ''), to: String(p.to ?? '') });
      if (p.note) line('cases.ev.note', { text: String(p.note) });
      break;
    case 'delegation_answered':
      line('cases.ev.task', { name: String(p.task ?? '') });
      if (p.opinion) line('cases.ev.opinion', { text: String(p.opinion) });
      break;
    case 'cosigner_added':
      line('ev.cosignOrg', { task: String(p.task ?? ''), org: [p.organization, p.account].filter(Boolean).join(' · ') });
      if (p.note) line('cases.ev.note', { text: String(p.note) });
      break;
    case 'task_recalled':
      line('cases.ev.task', { name: String(p.task ?? '') });
      break;
    case 'task_urged':
      line('cases.ev.task', { name: String(p.task ?? '') });
      if (p.note) line('cases.ev.note', { text: String(p.note) });
      break;
    case 'case_copied':
      line('ev.copiedTo', { names: ((p.to ?? []) as string[]).join(t('cases.listSep')) });
      if (p.note) line('cases.ev.note', { text: String(p.note) });
      break;
    case 'case_noted':
      out.push(String(p.text ?? ''));
      line('note.staffOnly', {});
      break;
    case 'extension_requested':
      line('ev.extensionAsked', { days: Number(p.days ?? 0), reason: String(p.reason ?? '') });
      break;
    case 'extension_refused':
      if (p.note) line('cases.ev.reason', { text: String(p.note) });
      break;
    case 'fee_due':
      for (const l of (p.lines ?? []) as P[]) line('cases.ev.feeLine', { name: String(l.name), amount: yuanOf(l.amountCents, t) });
      break;
    case 'fee_assessed':
    case 'fee_reduced':
    case 'fee_waived':
    case 'payment_confirmed':
    case 'payment_refunded':
      line('cases.ev.feeLine', { name: String(p.name ?? ''), amount: yuanOf(p.amountCents, t) });
      if (p.reason) line('cases.ev.reason', { text: String(p.reason) });
      break;
    case 'fiscal_bill_issued':
      line('cases.ev.feeLine', { name: String(p.name ?? ''), amount: yuanOf(p.amountCents, t) });
      line('cases.ev.billNumbers', { code: String(p.billCode ?? ''), number: String(p.billNumber ?? '') });
      break;
    case 'fee_refunded':
      line('cases.ev.feeLine', { name: String(p.name ?? ''), amount: yuanOf(p.amountCents, t) });
      if (p.reason) line('cases.ev.reason', { text: String(p.reason) });
      break;
    case 'fiscal_bill_reversed':
      line('cases.ev.billReversed', { number: String(p.billNumber ?? ''), red: String(p.redNumber ?? '') });
      break;
  }
  return out.filter((x) => x !== null && x !== undefined && x !== '');
}

const knownEvents = new Set([
  'submitted',
  'commitment_check_due',
  'commitment_checked',
  'accepted',
  'stage_entered',
  'notified',
  'refused',
  'supplemented',
  'withdrawn',
  'supplement_reminded',
  'supplement_extended',
  'delivered',
  'task_claimed',
  'task_approved',
  'task_rejected',
  'task_returned',
  'task_transferred',
  'supplement_requested',
  'special_procedure_started',
  'special_procedure_ended',
  'extended',
  'decided',
  'concluded',
  'joint_completed',
  'delivery_chosen',
  'fee_due',
  'fee_assessed',
  'fee_reduced',
  'fee_waived',
  'payment_confirmed',
  'payment_refunded',
  'fiscal_bill_issued',
  'fee_refunded',
  'fiscal_bill_reversed',
]);
const collaborationEvents = new Set([
  'task_delegated',
  'delegation_answered',
  'cosigner_added',
  'task_reassigned',
  'task_recalled',
  'task_urged',
  'case_copied',
  'case_noted',
  'extension_requested',
  'extension_refused',
  'child_waiting',
  'child_resumed',
]);

export const eventLabel = (t: WorkT, type: string, tt?: TolT, lt?: CaseT) =>
  knownEvents.has(type)
    ? t(`cases.ev.${type}` as CaseKey)
    : collaborationEvents.has(type)
      ? t(`ev.${type}` as WorkKey)
      : type === 'tolerated_handed_in' && tt
        ? tt('tol.ev.handedIn')
        : type === 'tolerated_reminded' && tt
          ? tt('tol.ev.reminded')
          : (type === 'license_expiring' ||
                type === 'license_cancelled' ||
                type === 'enterprise_registered' ||
                type === 'awaiting_registration' ||
                type === 'registration_denied') &&
              lt
            ? lt(`lic.ev.${type}`)
            : type;

/**
 * What a case event says in words, as plain text (the audit trail's change of a case action): the timeline's lines that
 * are text, without the names of materials accepted to follow, which only the whole timeline knows.
 */
export function eventDetailText(e: Pick<CaseEvent, 'type' | 'payload' | 'at'>, t: CaseT, tt: TolT, locale: Locale): string[] {
  return details(e as CaseEvent, t, locale, { tt, names: new Map() }, {}).filter((d): d is string => typeof d === 'string');
}

/**
 * Every step of a case: what happened, who did it, when, and why. `renews` / `changes` / `cancels`: the license a
 * renewal, a change or a cancellation names (its case's), so that the application's step names it; `itemType`: the
 * item's type, in whose words the decision is told.
 */
export function CaseTimeline({
  events,
  newestFirst = false,
  renews,
  changes,
  cancels,
  itemType,
}: {
  events: CaseEvent[];
  newestFirst?: boolean;
  renews?: RenewsOf;
  changes?: RenewsOf;
  cancels?: RenewsOf;
  itemType?: string | null;
}) {
  const t = useLicT();
  const tt = useTolT();
  const { locale } = useLocale();
  const tol: Tolerated = { tt, names: toleratedNames(events) };
  const ordered = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline
      data-testid="case-timeline"
      items={ordered.map((e) => ({
        key: e.seq,
        color:
          e.type === 'commitment_checked'
            ? (e.payload as P).result === 'broken'
              ? 'red'
              : 'green'
            : (colors[e.type] ?? (e.type === 'stage_entered' ? 'gray' : 'blue')),
        content:
          e.type === 'stage_entered' ? (
            <div className="case-event case-event-stage" data-event={e.type}>
              {t('cases.ev.stageEntered', { name: String((e.payload as P).name ?? (e.payload as P).node ?? '') })}
              <span className="case-event-meta"> · {formatDateTime(e.at, locale)}</span>
            </div>
          ) : (
            <div className="case-event" data-event={e.type}>
              <div className="case-event-head">
                <Typography.Text strong>{eventLabel(t, e.type, tt, t)}</Typography.Text>
                <span className="case-event-meta">
                  {e.actor ?? t('cases.ev.system')} · {formatDateTime(e.at, locale)}
                </span>
              </div>
              {details(e, t, locale, tol, { renews, changes, cancels, itemType }).map((d, i) => (
                <div key={i} className="case-event-detail keep-words">
                  {d}
                </div>
              ))}
            </div>
          ),
      }))}
    />
  );
}
