import { useState } from 'react';
import { Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { api } from '../../api/client.ts';
import { orgKeys, useOrganizationOptions, useStaff, type StaffFilter } from '../../api/org.ts';
import type { StaffView } from '../../api/types.ts';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { StaffDrawer } from './StaffDrawer.tsx';
import { StaffRolesModal } from './StaffRolesModal.tsx';
import { pagerOf } from '../../components/pager.ts';

/** 工作人员: staff in scope with roles and window posts; add staff, manage roles, disable, unlock. */
export function StaffPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const me = useMe().data!;
  const [filter, setFilter] = useState<StaffFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<number | null>(null);
  const list = useStaff(filter, page, pageSize, can(me, 'org.read'));
  const organizations = useOrganizationOptions(can(me, 'org.read'));
  const queryClient = useQueryClient();
  const canManage = can(me, 'staff.manage');
  const update = useMutation({
    mutationFn: ({ id, body }: { id: number; body: { status?: 'active' | 'disabled'; unlock?: boolean } }) => api.patch<StaffView>(`/org/staff/${id}`, body),
    onSuccess: () => {
      message.success(t('common.saved'));
      return queryClient.invalidateQueries({ queryKey: orgKeys.staff });
    },
  });
  if (!can(me, 'org.read')) return <Forbidden />;

  const setFilterAndReset = (patch: Partial<StaffFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableColumnsType<StaffView> = [
    {
      title: t('staff.name'),
      dataIndex: 'name',
      width: 150,
      render: (name: string, s) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          <div className="cell-sub mono">{s.username}</div>
          {s.phone && <div className="cell-sub mono">{s.phone}</div>}
        </div>
      ),
    },
    {
      title: t('staff.organization'),
      dataIndex: 'organizationName',
      width: 190,
      render: (org: string, s) => (
        <div>
          {org}
          {s.title && <div className="cell-sub">{s.title}</div>}
        </div>
      ),
    },
    { title: t('staff.roles'), dataIndex: 'roles', render: (roles: StaffView['roles']) => <RoleTags roles={roles} /> },
    {
      title: t('staff.windows'),
      dataIndex: 'windows',
      width: 120,
      render: (windows: StaffView['windows']) =>
        windows.length ? (
          <span className="tag-wrap">
            {windows.map((w) => (
              <Tag key={`${w.windowId}${w.post}`} color={w.post === 'A' ? 'blue' : 'default'} title={w.hallName}>
                {t('staff.windowPost', { number: w.number, post: w.post })}
              </Tag>
            ))}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: string, s) =>
        s.lockedUntil ? (
          <Tag color="orange" title={formatDateTime(s.lockedUntil, locale)}>
            {t('staff.locked')}
          </Tag>
        ) : status === 'active' ? (
          <Tag color="green">{t('common.active')}</Tag>
        ) : (
          <Tag color="red">{t('staff.disabled')}</Tag>
        ),
    },
    { title: t('staff.lastLogin'), dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => formatDateTime(v, locale) },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_v, s) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setRolesOf(s.accountId)}>
            {t('staff.manageRoles')}
          </Button>
          {s.lockedUntil && (
            <Button type="link" size="small" onClick={() => update.mutate({ id: s.accountId, body: { unlock: true } })}>
              {t('staff.unlock')}
            </Button>
          )}
          {s.accountId !== me.id &&
            (s.status === 'active' ? (
              <Popconfirm
                title={t('staff.disableConfirm', { name: s.name })}
                onConfirm={() => update.mutate({ id: s.accountId, body: { status: 'disabled' } })}
              >
                <Button type="link" size="small" danger>
                  {t('staff.disable')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => update.mutate({ id: s.accountId, body: { status: 'active' } })}>
                {t('staff.enable')}
              </Button>
            ))}
        </Space>
      ),
    });

  const editing = rolesOf === null ? undefined : list.data?.items.find((s) => s.accountId === rolesOf);
  return (
    <>
      <PageHeader
        title={t('nav.staff')}
        subtitle={t('staff.subtitle')}
        crumbs={[{ title: t('nav.org') }]}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="staff-create">
              {t('staff.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="filter-bar">
          <Input.Search
            allowClear
            placeholder={t('staff.searchPlaceholder')}
            onSearch={(q) => setFilterAndReset({ q: q.trim() || undefined })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('staff.filterOrganization')}
            value={filter.organizationId}
            onChange={(organizationId?: number) => setFilterAndReset({ organizationId })}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            style={{ width: 260 }}
          />
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="accountId"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={filter.q || filter.organizationId ? t('staff.emptyFiltered') : t('staff.empty')} /> }}
            pagination={pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) })}
            data-testid="staff-table"
          />
        )}
      </Card>
      {creating && <StaffDrawer onClose={() => setCreating(false)} />}
      {editing && <StaffRolesModal staff={editing} onClose={() => setRolesOf(null)} />}
    </>
  );
}
