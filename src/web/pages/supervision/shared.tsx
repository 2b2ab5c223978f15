import { Badge, Tag } from 'antd';
import type { MessageKey, TFunction } from '../../i18n/index.tsx';
import type { Light, OrderStatus } from './api.ts';
import './supervision.css';

/** The light of a case or task as a coloured dot with its name. */
export function LightBadge({ light, t }: { light: Light; t: TFunction }) {
  const status = light === 'red' ? 'error' : light === 'yellow' ? 'warning' : 'success';
  return <Badge status={status} text={t(`sup.light.${light}` as MessageKey)} className={`sup-light sup-light-${light}`} data-light={light} />;
}

const orderColor: Record<OrderStatus, string> = { open: 'blue', replied: 'cyan', escalated: 'volcano', closed: 'green' };

export function OrderStatusTag({ status, late, t }: { status: OrderStatus; late?: boolean; t: TFunction }) {
  return (
    <span>
      <Tag color={orderColor[status]}>{t(`sup.order.status.${status}` as MessageKey)}</Tag>
      {late && <Tag color="red">{t('sup.order.late')}</Tag>}
    </span>
  );
}
