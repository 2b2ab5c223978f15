import { useState } from 'react';
import { Alert, Descriptions } from 'antd';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseDetail, DeliveryChoice, DeliveryMethod } from '../../../api/cases.ts';
import { channelLabel, decisionLabel, deliveryLabel } from './labels.tsx';
import type { Locale } from '../../../../common/errors.ts';
import { DeliveryChoiceDialog, DeliveryChoiceEdit, DeliveryChoiceText, canChangeDelivery } from './DeliveryChoiceInput.tsx';
import { RevokedBanner, commitmentFacts } from './Commitment.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { toleratedDay, toleratedFacts } from './Tolerated.tsx';
import { useLicT } from '../../../i18n/licenses.ts';
import { isStaff, useMe } from '../../../api/auth.ts';
import { civilDay, licenseFacts } from './Licenses.tsx';
import { useCaseDocuments } from '../../../api/case-fees.ts';

export interface DeliveryRecord {
  method: DeliveryMethod;
  trackingNumber?: string | null;
  lockerCode?: string | null;
  identityChecked?: boolean;
  /** 代领: who collected it for the applicant (the ID number masked) */
  collector?: { name: string; idNumber: string };
}

/** The delivery as recorded (the server keeps it as JSON). */
export function deliveryOf(kase: CaseDetail): DeliveryRecord | null {
  let d = kase.delivery;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      return null;
    }
  }
  return d && typeof d === 'object' && 'method' in d ? (d as DeliveryRecord) : null;
}

export const beforeDecision = (kase: CaseDetail) => ['submitted', 'notified', 'in_progress', 'awaiting_supplement'].includes(kase.status);

/** The outcome so far, in one banner: refused, withdrawn, decided, delivered — or the license revoked since. */
/**
 * The decision in the words of the item's type: 准予许可 / 不予许可, 予以确认 / 不予确认, 准予办理 / 不予办理 … — for a renewal, a
 * change or a cancellation of a license held, 准予延续 / 不予变更 / 准予注销 ….
 */
function decisionText(kase: CaseDetail, locale: Locale): string {
  return decisionLabel({ ...kase, decision: kase.decision ?? 'granted' }, locale);
}

export function OutcomeBanner({ kase }: { kase: CaseDetail }) {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  const delivery = deliveryOf(kase);
  // a license the case issued that is gone before its delivery (注销, or 换发 by a renewal or a change): not to be promised
  const documents = useCaseDocuments(kase.id, kase.status === 'concluded');
  const gone = documents.data?.items.find((d) => d.kind === 'license' && (d.cancelledAt || d.supersededAt));
  // a grant revoked (告知承诺 found false) is no longer the outcome to show
  if (kase.revokedAt) return <RevokedBanner kase={kase} />;
  if (kase.status === 'refused')
    return <Alert type="error" showIcon className="block-gap" title={t('cases.refusedBanner')} description={kase.refusalReason} data-testid="outcome" />;
  if (kase.status === 'withdrawn') {
    // 视为撤回申请: the supplement period passed with nothing handed in
    const lapsed = [...kase.timeline].reverse().find((e) => e.type === 'withdrawn')?.payload as { lapsed?: boolean; dueAt?: string } | undefined;
    return (
      <Alert
        type="info"
        showIcon
        className="block-gap"
        title={t(lapsed?.lapsed ? 'cases.lapsedBanner' : 'cases.withdrawnBanner')}
        description={lapsed?.lapsed && lapsed.dueAt ? t('cases.lapsedBannerWhy', { due: toleratedDay(lapsed.dueAt, locale) }) : undefined}
        data-testid="outcome"
      />
    );
  }
  if (kase.status === 'delivered' && delivery)
    return (
      <Alert
        type="success"
        showIcon
        className="block-gap"
        data-testid="outcome"
        title={t('cases.deliveredBanner', { method: deliveryLabel(t, delivery.method), at: formatDateTime(kase.deliveredAt, locale) })}
        description={[
          kase.decision ? decisionText(kase, locale) : null,
          delivery.trackingNumber ? t('cases.ev.tracking', { number: delivery.trackingNumber }) : null,
          delivery.lockerCode ? t('cases.lockerCodeIs', { code: delivery.lockerCode }) : null,
          delivery.collector ? t('cases.collectedBy', { name: delivery.collector.name, id: delivery.collector.idNumber }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
    );
  if (kase.status === 'concluded' || kase.status === 'decided')
    return (
      <Alert
        type={kase.decision === 'denied' ? 'warning' : 'success'}
        showIcon
        className="block-gap"
        data-testid="outcome"
        title={t(kase.status === 'concluded' ? 'cases.concludedBanner' : 'cases.decidedBanner', {
          decision: decisionText(kase, locale),
        })}
        description={
          // 容缺受理: the result waits for the materials to follow before its delivery
          kase.toleratedDueAt && kase.status === 'concluded'
            ? tt('tol.outcomeHeld')
            : // the license gone: what is still delivered is the decision, by its day
              gone && kase.deliveryDeadline
              ? t(gone.cancelledAt ? 'cases.licenseGoneCancelled' : 'cases.licenseGoneReplaced', {
                  number: gone.number,
                  at: formatDateTime(gone.cancelledAt ?? gone.supersededAt, locale),
                  date: civilDay(kase.deliveryDeadline.dueDate, locale),
                })
              : kase.deliveryDeadline
                ? t('cases.deliveryBy', { date: civilDay(kase.deliveryDeadline.dueDate, locale) })
                : undefined
        }
      />
    );
  return null;
}

/** Number, item, department, channel and the key moments of a case. */
export function CaseFacts({
  kase,
  showApplicant,
  applicantInFull,
  deliveryInFull,
  deliveryEditable,
  base,
}: {
  kase: CaseDetail;
  showApplicant?: boolean;
  /** the applicant's ID and phone unmasked (查看完整信息) */
  applicantInFull?: { idNumber: string; phone: string | null };
  /** the delivery choice with its phone in full (显示完整信息) */
  deliveryInFull?: DeliveryChoice | null;
  /** the caller may change how the result comes (the applicant, or the window) */
  deliveryEditable?: boolean;
  /** where other cases open: the workbench for staff, 我的办件 for an applicant (by the caller when not given) */
  base?: '/my/cases' | '/workbench/cases';
}) {
  const applicant = { ...kase.applicant, ...applicantInFull };
  const delivery = deliveryInFull ?? kase.deliveryChoice;
  const sent = deliveryOf(kase);
  const t = useCaseT();
  const ct = useCommitT();
  const tt = useTolT();
  const lt = useLicT();
  const me = useMe().data;
  const casesBase = base ?? (me && isStaff(me) ? '/workbench/cases' : '/my/cases');
  const { locale } = useLocale();
  // the dialog is kept here, beside the facts: their cells are mounted afresh when the screen crosses a breakpoint
  const [changingDelivery, setChangingDelivery] = useState(false);
  const deliveryChangeable = !!deliveryEditable && canChangeDelivery(kase);
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        className="case-facts"
        data-testid="case-facts"
        items={[
          { key: 'number', label: t('cases.number'), children: <span className="mono nowrap">{kase.number}</span> },
          { key: 'org', label: t('cases.organization'), children: kase.organizationName },
          // 延续 / 变更: a row of its own, under the number and the department
          ...licenseFacts(kase, lt, locale, casesBase),
          ...(showApplicant
            ? [
                {
                  key: 'applicant',
                  label: t('cases.applicant'),
                  children: (
                    <span>
                      {applicant.name}{' '}
                      <span className="mono cell-sub" data-testid="case-applicant-id">
                        {applicant.idNumber}
                      </span>
                      {applicant.phone && <span className="mono cell-sub"> · {applicant.phone}</span>}
                    </span>
                  ),
                },
              ]
            : []),
          { key: 'channel', label: t('cases.channel'), children: channelLabel(t, kase.channel) },
          // once delivered, how it went (and what the application had asked, where that differs)
          ...(kase.status === 'delivered' && sent
            ? [
                {
                  key: 'delivered-by',
                  label: t('cases.deliveredBy'),
                  children: (
                    <span data-testid="delivered-by">
                      {deliveryLabel(t, sent.method)}
                      {delivery && delivery.method !== sent.method && (
                        <span className="cell-sub"> · {t('cases.chosenAtApply', { method: deliveryLabel(t, delivery.method) })}</span>
                      )}
                    </span>
                  ),
                },
              ]
            : // no choice made: said while it can still be made
              delivery || (kase.deliveryMethods?.length && !['delivered', 'refused', 'withdrawn'].includes(kase.status))
              ? [
                  {
                    key: 'delivery-choice',
                    label: t('cases.deliveryChoice'),
                    children: (
                      <span>
                        {delivery ? <DeliveryChoiceText choice={delivery} /> : <span className="cell-sub">{t('cases.deliveryNotChosen')}</span>}
                        {deliveryChangeable && <DeliveryChoiceEdit onEdit={() => setChangingDelivery(true)} />}
                      </span>
                    ),
                  },
                ]
              : []),
          { key: 'received', label: t('cases.receivedAt'), children: formatDateTime(kase.receivedAt, locale) },
          { key: 'accepted', label: t('cases.acceptedAt'), children: formatDateTime(kase.acceptedAt, locale) },
          ...(kase.decidedAt ? [{ key: 'decided', label: t('cases.decidedAt'), children: formatDateTime(kase.decidedAt, locale) }] : []),
          ...(kase.concludedAt ? [{ key: 'concluded', label: t('cases.concludedAt'), children: formatDateTime(kase.concludedAt, locale) }] : []),
          ...(kase.deliveredAt ? [{ key: 'delivered', label: t('cases.deliveredAt'), children: formatDateTime(kase.deliveredAt, locale) }] : []),
          ...toleratedFacts(kase, tt, t('cases.listSep')),
          ...commitmentFacts(kase, ct),
        ]}
      />
      {changingDelivery && deliveryChangeable && <DeliveryChoiceDialog kase={kase} onClose={() => setChangingDelivery(false)} />}
    </>
  );
}
