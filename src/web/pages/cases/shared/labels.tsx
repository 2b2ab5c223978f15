import { Tag } from 'antd';
import type { Locale } from '../../../../common/errors.ts';
import { decisionWording } from '../../../../common/decisions.ts';
import type { LicenseAction } from '../../../../common/licenses.ts';
import type { CaseKey, CaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseKind, CaseStatus, Channel, DeliveryMethod, Limit, SpecialKind } from '../../../api/cases.ts';

/** Labels and colours of the case vocabulary (statuses, the seven kinds, channels…), one place for every page. */

export const statusColor: Record<CaseStatus, string> = {
  submitted: 'blue',
  notified: 'orange',
  in_progress: 'processing',
  awaiting_supplement: 'gold',
  decided: 'cyan',
  concluded: 'green',
  delivered: 'success',
  refused: 'red',
  withdrawn: 'default',
};

export const kindColor: Record<CaseKind, string> = {
  immediate: 'green',
  committed: 'blue',
  joint: 'purple',
  reported_up: 'geekblue',
  urgent: 'red',
  awaiting_supplement: 'gold',
  returned: 'volcano',
};

export const statusLabel = (t: CaseT, s: CaseStatus | string) => t(`cases.status.${s}` as CaseKey);
export const kindLabel = (t: CaseT, k: CaseKind | string) => t(`cases.kind.${k}` as CaseKey);
export const channelLabel = (t: CaseT, c: Channel | string) => t(`cases.channel.${c}` as CaseKey);

/** A list's 收件时间 cell: when the case was received, and by which channel under it. */
export function ReceivedCell({ at, channel, t, locale }: { at: string; channel: Channel | string; t: CaseT; locale: Locale }) {
  return (
    <>
      {formatDateTime(at, locale)}
      <div className="cell-sub">{channelLabel(t, channel)}</div>
    </>
  );
}
export const deliveryLabel = (t: CaseT, m: DeliveryMethod | string) => t(`cases.delivery.${m}` as CaseKey);
export const specialLabel = (t: CaseT, k: SpecialKind | string) => t(`cases.special.${k}` as CaseKey);
export const unitLabel = (t: CaseT, u: Limit['unit'] | string) => t(`cases.unit.${u}` as CaseKey);
export const roleLabel = (t: CaseT, r: string) => t(`cases.taskRole.${r}` as CaseKey);

/**
 * A case's decision in the words of its item's type (src/common/decisions.ts), in the page's language: the buttons that
 * grant and deny — 准予许可 / 不予许可, 予以确认 / 不予确认, 准予办理 / 不予办理 … — and the outcome once made; an application
 * for a permit held, as its 延续, 变更 or 注销.
 */
export function decisionWords(c: { itemType?: string | null; licenseAction?: LicenseAction | null }, locale: Locale) {
  const w = decisionWording(c.itemType, c.licenseAction);
  const i = locale === 'en' ? 1 : 0;
  return { grant: w.grant[i], deny: w.deny[i], granted: w.granted[i], denied: w.denied[i] };
}

/** A decision made, as a tag or a banner says it. */
export const decisionLabel = (c: { itemType?: string | null; licenseAction?: LicenseAction | null; decision: 'granted' | 'denied' }, locale: Locale) =>
  decisionWords(c, locale)[c.decision];

export function StatusTag({ status, t }: { status: CaseStatus; t: CaseT }) {
  return (
    // the neutral tag (已撤回) keeps a border: filled, it would vanish on the page's grey
    <Tag color={statusColor[status]} variant={statusColor[status] === 'default' ? 'outlined' : undefined} data-testid="case-status">
      {statusLabel(t, status)}
    </Tag>
  );
}

export function KindTags({ kinds, t }: { kinds: CaseKind[]; t: CaseT }) {
  return (
    <span className="tag-wrap">
      {kinds.map((k) => (
        <Tag key={k} color={kindColor[k]} variant="outlined">
          {kindLabel(t, k)}
        </Tag>
      ))}
    </span>
  );
}

/** "3 个工作日" / "3 working days". */
export function formatLimit(t: CaseT, value: number, unit: string): string {
  return t('cases.limitValue', {
    value: Number.isInteger(value) ? value : value.toFixed(1),
    unit: value === 1 ? t(`cases.unitOne.${unit}` as CaseKey) : unitLabel(t, unit),
  });
}
