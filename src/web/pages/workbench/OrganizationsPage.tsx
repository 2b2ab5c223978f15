import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import { useOrganizations, type OrganizationFilter } from '../../api/org.ts';
import type { OrganizationView, OrgKind } from '../../api/types.ts';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { OrganizationDrawer } from './OrganizationDrawer.tsx';
import { orgKindColors, orgKindKeys, orgKinds } from './labels.ts';
import { pagerOf } from '../../components/pager.ts';

/** 部门: organizations in scope, by name or credit code, region subtree and kind; create and edit. */
export function OrganizationsPage() {
  const t = useT();
  const me = useMe().data!;
  const [filter, setFilter] = useState<OrganizationFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState<{ record: OrganizationView | null } | null>(null);
  const list = useOrganizations(filter, page, pageSize);
  const canManage = can(me, 'org.manage');
  if (!can(me, 'org.read')) return <Forbidden />;

  const update = (patch: Partial<OrganizationFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableColumnsType<OrganizationView> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          {o.shortName && <div className="cell-sub">{o.shortName}</div>}
        </div>
      ),
    },
    { title: t('org.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('org.kind'), dataIndex: 'kind', width: 110, render: (k: OrgKind) => <Tag color={orgKindColors[k]}>{t(orgKindKeys[k])}</Tag> },
    { title: t('org.region'), dataIndex: 'regionName', width: 110 },
    { title: t('org.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('org.staffCount'), dataIndex: 'staffCount', width: 90, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_v, o) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer({ record: o })}>
          {t('action.edit')}
        </Button>
      ),
    });

  return (
    <>
      <PageHeader
        title={t('nav.organizations')}
        subtitle={t('org.subtitle')}
        crumbs={[{ title: t('nav.org') }]}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ record: null })} data-testid="org-create">
              {t('org.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="filter-bar">
          <Input.Search
            allowClear
            placeholder={t('org.searchPlaceholder')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ width: 280 }}
            aria-label={t('org.searchPlaceholder')}
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('org.filterRegion')}
            value={filter.regionId}
            onChange={(regionId) => update({ regionId })}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('org.filterKind')}
            value={filter.kind}
            onChange={(kind?: string) => update({ kind })}
            style={{ width: 160 }}
            options={orgKinds.map((k) => ({ value: k, label: t(orgKindKeys[k]) }))}
          />
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: list.isPending ? ' ' : <EmptyHint text={filter.q || filter.regionId || filter.kind ? t('org.emptyFiltered') : t('org.empty')} />,
            }}
            pagination={pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) })}
            data-testid="organizations-table"
          />
        )}
      </Card>
      {drawer && <OrganizationDrawer record={drawer.record} onClose={() => setDrawer(null)} />}
    </>
  );
}
