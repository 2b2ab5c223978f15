import { useMemo, useState } from 'react';
import { Alert, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { api } from '../../../api/client.ts';
import { useOrganizationOptions, useRegions } from '../../../api/org.ts';
import { buildRegionTree, flattenTree } from '../../../api/regions.ts';
import type { Page } from '../../../api/types.ts';
import { catalogAdminApi, catalogAdminKeys, type AdminItem, type AdminItemRow, type ItemStatus } from '../../../api/catalog-admin.ts';
import { labelOf, statusColors, statusLabels } from '../labels.ts';

type Child = AdminItem['delegatedTo'][number];

/** The item a delegated item implements, found by its code. */
function ParentLink({ code }: { code: string }) {
  const parent = useQuery({
    queryKey: [...catalogAdminKeys.items, 'by-code', code],
    queryFn: () => api.get<Page<AdminItemRow>>('/catalog/admin/items', { q: code, limit: 5 }),
    select: (p) => p.items.find((i) => i.code === code) ?? null,
  });
  return parent.data ? (
    <Link to={`/workbench/catalog/items/${parent.data.id}`} className="mono">
      {code}
    </Link>
  ) : (
    <span className="mono">{code}</span>
  );
}

/**
 * 下放: give organizations of lower regions their own item under this item's unified standard, and
 * list the items delegated so far. A delegated item shows where its standard comes from instead.
 */
export function DelegationTab({ item, canManage }: { item: AdminItem; canManage: boolean }) {
  const t = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const organizations = useOrganizationOptions();
  const [picked, setPicked] = useState<number[]>([]);

  /** Organizations in regions strictly below the item's region that do not implement it yet. */
  const candidates = useMemo(() => {
    const own = organizations.data?.find((o) => o.id === item.organizationId);
    if (!own || !regions.data) return [];
    const all = flattenTree(buildRegionTree(regions.data));
    const home = all.find((r) => r.id === own.regionId);
    if (!home) return [];
    const below = new Set(all.filter((r) => r.path.startsWith(home.path) && r.id !== home.id).map((r) => r.id));
    const taken = new Set(item.delegatedTo.filter((c) => c.status !== 'cancelled').map((c) => c.organizationName));
    return (organizations.data ?? []).filter((o) => below.has(o.regionId) && !taken.has(o.name));
  }, [organizations.data, regions.data, item.organizationId, item.delegatedTo]);

  const delegate = useMutation({
    mutationFn: () => catalogAdminApi.delegate(item.id, picked),
    onSuccess: async (r) => {
      message.success(t('ca.delegate.done', { count: r.delegated.length }));
      setPicked([]);
      await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all });
    },
  });

  const columns: TableColumnsType<Child> = [
    {
      title: t('ca.item.code'),
      dataIndex: 'code',
      render: (code: string, c) => (
        <Link to={`/workbench/catalog/items/${c.id}`} className="mono">
          {code}
        </Link>
      ),
    },
    { title: t('ca.item.organization'), dataIndex: 'organizationName' },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: ItemStatus) => <Tag color={statusColors[s]}>{labelOf(t, statusLabels, s)}</Tag> },
  ];

  if (item.delegatedFrom)
    return (
      <Alert
        type="info"
        showIcon
        title={t('ca.delegate.fromTitle')}
        description={
          <Space orientation="vertical">
            <span>
              {t('ca.delegate.fromText')} <ParentLink code={item.delegatedFrom} />
            </span>
            <span className="muted">{t('ca.delegate.fromHint')}</span>
          </Space>
        }
        data-testid="delegated-from"
      />
    );

  return (
    <div data-testid="delegation-tab">
      <Card size="small" title={t('ca.delegate.title')} className="block-gap">
        <Typography.Paragraph type="secondary">{t('ca.delegate.hint')}</Typography.Paragraph>
        {item.status !== 'published' ? (
          <Alert type="warning" showIcon title={t('ca.delegate.onlyPublished')} />
        ) : (
          <Space wrap>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={picked}
              onChange={setPicked}
              disabled={!canManage}
              loading={organizations.isPending || regions.isPending}
              placeholder={t('ca.delegate.pick')}
              options={candidates.map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
              notFoundContent={t('ca.delegate.noCandidates')}
              style={{ minWidth: 420 }}
              data-testid="delegate-orgs"
            />
            <Popconfirm
              title={t('ca.delegate.confirm', { count: picked.length })}
              onConfirm={() => delegate.mutate()}
              okText={t('ca.delegate.submit')}
              cancelText={t('action.cancel')}
              disabled={picked.length === 0}
            >
              <Button type="primary" disabled={!canManage || picked.length === 0} loading={delegate.isPending} data-testid="delegate-submit">
                {t('ca.delegate.submit')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('ca.delegate.list', { count: item.delegatedTo.length })}>
        <Table rowKey="id" size="small" columns={columns} dataSource={item.delegatedTo} pagination={false} locale={{ emptyText: t('ca.delegate.none') }} />
      </Card>
    </div>
  );
}
