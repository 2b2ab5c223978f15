import { Tag } from 'antd';
import type { CaseKey, CaseT } from '../../../i18n/cases-pages.ts';
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
export const deliveryLabel = (t: CaseT, m: DeliveryMethod | string) => t(`cases.delivery.${m}` as CaseKey);
export const specialLabel = (t: CaseT, k: SpecialKind | string) => t(`cases.special.${k}` as CaseKey);
export const unitLabel = (t: CaseT, u: Limit['unit'] | string) => t(`cases.unit.${u}` as CaseKey);
export const roleLabel = (t: CaseT, r: string) => t(`cases.taskRole.${r}` as CaseKey);

export function StatusTag({ status, t }: { status: CaseStatus; t: CaseT }) {
  return (
    <Tag color={statusColor[status]} data-testid="case-status">
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
  return t('cases.limitValue', { value: Number.isInteger(value) ? value : value.toFixed(1), unit: unitLabel(t, unit) });
}
