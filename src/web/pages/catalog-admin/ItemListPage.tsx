import { useState } from 'react';
import { Badge, Button, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { useOrganizationOptions } from '../../api/org.ts';
import { useAdminItems, useReviewQueue, type AdminItemFilter, type AdminItemRow, type ItemStatus } from '../../api/catalog-admin.ts';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CreateItemDrawer } from './CreateItemDrawer.tsx';
import { labelOf, optionsOf, statusColors, statusLabels, versionStateColors, versionStateLabels } from './labels.ts';
import './catalog-admin.css';
import { pagerOf } from '../../components/pager.ts';

type View = 'all' | 'review';

/** 事项目录: every item in my catalog scope, in every state; new items; the review queue for reviewers. */
export function ItemListPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const canManage = can(me, 'catalog.manage');
  const canReview = can(me, 'catalog.review');
  // a reviewer who does not edit lands on the review queue
  const view: View = params.get('view') === 'review' || (!canManage && params.get('view') !== 'all') ? 'review' : 'all';
  const [filter, setFilter] = useState<AdminItemFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const list = useAdminItems(filter, page, pageSize, view === 'all' && (canManage || canReview));
  const queue = useReviewQueue({ q: filter.q, org: filter.org }, canReview);
  const organizations = useOrganizationOptions(canManage || canReview);
  if (!canManage && !canReview) return <Forbidden />;

  const update = (patch: Partial<AdminItemFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const setView = (next: View) => setParams({ view: next }, { replace: true });
  const current = view === 'review' ? queue : list;
  const rows = view === 'review' ? (queue.data ?? []) : (list.data?.items ?? []);

  const columns: TableColumnsType<AdminItemRow> = [
    {
      title: t('ca.item.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <div>
          <Link to={`/workbench/catalog/items/${r.id}`} data-testid="item-link">
            <Typography.Text strong className="link-text">
              {name}
            </Typography.Text>
          </Link>
          <div className="cell-sub mono">{r.code}</div>
        </div>
      ),
    },
    {
      title: t('ca.item.organization'),
      dataIndex: 'organizationName',
      width: 200,
      render: (v: string, r) => (
        <div>
          {v}
          <div className="cell-sub">{r.regionName}</div>
        </div>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 96,
      render: (s: ItemStatus) => <Tag color={statusColors[s]}>{labelOf(t, statusLabels, s)}</Tag>,
    },
    {
      title: t('ca.item.openVersion'),
      dataIndex: 'openState',
      width: 130,
      render: (s: AdminItemRow['openState'], r) =>
        s ? (
          <Tag color={versionStateColors[s]}>
            {labelOf(t, versionStateLabels, s)} · v{r.openNumber}
          </Tag>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: t('ca.item.publishedVersion'),
      dataIndex: 'publishedNumber',
      width: 110,
      align: 'center',
      render: (n: number | null) => (n ? <span className="mono">v{n}</span> : <span className="muted">—</span>),
    },
    {
      title: t('ca.item.delegated'),
      dataIndex: 'delegated',
      width: 96,
      align: 'center',
      render: (d: boolean) => (d ? <Tag color="purple">{t('ca.item.delegatedTag')}</Tag> : <span className="muted">—</span>),
    },
    {
      title: t('ca.item.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (v: string) => <span className="cell-sub">{formatDateTime(v, locale)}</span>,
    },
  ];

  const filtered = !!(filter.q || filter.status || filter.org);
  return (
    <>
      <PageHeader
        title={t('ca.nav.items')}
        subtitle={t('ca.items.subtitle')}
        crumbs={[{ title: t('ca.nav.group') }]}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="item-create">
              {t('ca.items.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="filter-bar">
          {canReview && (
            <Segmented<View>
              value={view}
              onChange={setView}
              data-testid="items-view"
              options={[
                { value: 'all', label: t('ca.items.viewAll') },
                {
                  value: 'review',
                  label: (
                    <Space size={6}>
                      {t('ca.items.viewReview')}
                      <Badge count={queue.data?.length ?? 0} size="small" />
                    </Space>
                  ),
                },
              ]}
            />
          )}
          <Input.Search
            allowClear
            placeholder={t('ca.items.searchPlaceholder')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ width: 260 }}
            aria-label={t('ca.items.searchPlaceholder')}
            data-testid="items-search"
          />
          {view === 'all' && (
            <Select
              allowClear
              placeholder={t('ca.items.filterStatus')}
              value={filter.status}
              onChange={(status?: ItemStatus) => update({ status })}
              style={{ width: 140 }}
              options={optionsOf(t, statusLabels)}
              data-testid="items-status"
            />
          )}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ca.items.filterOrganization')}
            value={filter.org}
            onChange={(org?: number) => update({ org })}
            style={{ width: 240 }}
            loading={organizations.isPending}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Space>
        {view === 'review' && (
          <Typography.Paragraph type="secondary" className="small-note ca-review-note">
            {t('ca.items.reviewHint')}
          </Typography.Paragraph>
        )}
        {current.isError ? (
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={current.isFetching}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: current.isPending ? (
                ' '
              ) : (
                <EmptyHint text={view === 'review' ? t('ca.items.reviewEmpty') : filtered ? t('ca.items.emptyFiltered') : t('ca.items.empty')} />
              ),
            }}
            pagination={
              view === 'review'
                ? { pageSize: 20, hideOnSinglePage: true }
                : pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) })
            }
            data-testid="items-table"
          />
        )}
      </Card>
      {creating && <CreateItemDrawer onClose={() => setCreating(false)} />}
    </>
  );
}
