import { useState } from 'react';
import { Card, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT, type MessageKey } from '../../i18n/index.tsx';
import { formatDue } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import type { Permission } from '../../../common/roles.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { orderStatuses, useOrders, type Order, type OrderStatus } from './api.ts';
import { OrderStatusTag } from './shared.tsx';
import { pagerOf } from '../../components/pager.ts';

/**
 * The list of 督办 orders: the supervisor's (`issued`: orders of cases in scope) or the department's
 * (`department`: orders addressed to it, to answer).
 */
function OrderList({ view }: { view: 'issued' | 'department' }) {
  const t = useT();
  const { locale } = useLocale();
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useOrders({ view, status, limit: pageSize, offset: (page - 1) * pageSize });
  const base = view === 'issued' ? '/workbench/supervision/orders' : '/workbench/supervision/inbox';
  // the widths add up to what a 1366-pixel screen has beside the menu (the table scrolls only on a smaller
  // one): every column, the last included, in view
  const columns: TableColumnsType<Order> = [
    {
      title: t('sup.order.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string, o) => (
        <Link to={`${base}/${o.id}`} className="mono">
          {n}
        </Link>
      ),
    },
    { title: t('sup.order.status'), dataIndex: 'status', width: 130, render: (s: OrderStatus, o) => <OrderStatusTag status={s} late={o.isLate} t={t} /> },
    {
      title: t('sup.col.case'),
      dataIndex: 'caseSubject',
      width: 190,
      render: (subject: string, o) => (
        <div>
          {view === 'issued' ? <Link to={`/workbench/cases/${o.caseId}`}>{subject}</Link> : subject}
          <div className="sup-sub mono">{o.caseNumber}</div>
        </div>
      ),
    },
    { title: t('sup.order.request'), dataIndex: 'request', ellipsis: true },
    { title: t('sup.issue.organization'), dataIndex: 'organizationName', width: 140 },
    { title: t('sup.order.replyDue'), dataIndex: 'replyDueAt', width: locale === 'en' ? 170 : 130, render: (v: string) => formatDue(v, locale) },
    { title: t('sup.order.escalations'), dataIndex: 'escalations', width: locale === 'en' ? 100 : 80, align: 'right' },
    { title: t('sup.order.issuedBy'), dataIndex: 'issuedByName', width: 80 },
  ];
  return (
    <Card>
      <Space wrap className="filter-bar">
        <Select
          allowClear
          placeholder={t('sup.order.filterStatus')}
          value={status}
          onChange={(v?: OrderStatus) => {
            setStatus(v);
            setPage(1);
          }}
          options={orderStatuses.map((s) => ({ value: s, label: t(`sup.order.status.${s}` as MessageKey) }))}
          style={{ width: 180 }}
        />
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Order>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          className="sup-table"
          scroll={{ x: 1040 }}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={view === 'issued' ? t('sup.order.empty') : t('sup.order.emptyInbox')} /> }}
          pagination={pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) })}
          data-testid="orders-table"
        />
      )}
    </Card>
  );
}

function Guarded({ permission, children }: { permission: Permission; children: React.ReactNode }) {
  const me = useMe().data!;
  return can(me, permission) ? <>{children}</> : <Forbidden />;
}

/** 督办管理: the orders a supervisor follows. */
export function OrdersPage() {
  const t = useT();
  return (
    <Guarded permission="supervision.read">
      <PageHeader title={t('sup.orders.title')} subtitle={t('sup.orders.subtitle')} />
      <OrderList view="issued" />
    </Guarded>
  );
}

/** 督办件: the orders addressed to the reader's department, to answer. */
export function DepartmentOrdersPage() {
  const t = useT();
  return (
    <Guarded permission="case.handle">
      <PageHeader title={t('sup.inbox.title')} subtitle={t('sup.inbox.subtitle')} />
      <OrderList view="department" />
    </Guarded>
  );
}
