import { useState } from 'react';
import { Card, Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { useDeliveries } from '../../api/notify.ts';
import type { Delivery } from '../../api/types.ts';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pagerOf } from '../../components/pager.ts';

type Channel = 'all' | 'sms' | 'email';

/** 短信与邮件记录: what the SMS and e-mail channels would have sent (the development channel log). */
export function DeliveriesPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const [channel, setChannel] = useState<Channel>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useDeliveries({ channel: channel === 'all' ? undefined : channel, page, pageSize }, can(me, 'notify.devlog'));
  if (!can(me, 'notify.devlog')) return <Forbidden />;
  const columns: TableColumnsType<Delivery> = [
    { title: t('deliveries.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('deliveries.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (c: string) => <Tag color={c === 'sms' ? 'blue' : 'purple'}>{c === 'sms' ? t('deliveries.sms') : t('deliveries.email')}</Tag>,
    },
    { title: t('deliveries.recipient'), dataIndex: 'recipient', width: 140, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('deliveries.account'), dataIndex: 'accountName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('deliveries.body'), dataIndex: 'body' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => <Tag color={s === 'recorded' ? 'default' : 'green'}>{s === 'recorded' ? t('deliveries.recorded') : s}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.deliveries')} subtitle={t('deliveries.subtitle')} />
      <Card>
        <div className="filter-bar">
          <Segmented<Channel>
            value={channel}
            onChange={(c) => {
              setChannel(c);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'sms', label: t('deliveries.sms') },
              { value: 'email', label: t('deliveries.email') },
            ]}
          />
        </div>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('deliveries.empty')} /> }}
            pagination={pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) })}
            data-testid="deliveries-table"
          />
        )}
      </Card>
    </>
  );
}
