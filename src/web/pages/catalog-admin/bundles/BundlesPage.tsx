import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n/index.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { can, useMe } from '../../../api/auth.ts';
import { catalogAdminApi, catalogAdminKeys, useBundles, type BundleSummary } from '../../../api/catalog-admin.ts';
import { EmptyHint, ErrorState, Forbidden } from '../../../components/PageState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { audienceLabels, formatLimit, labelOf } from '../labels.ts';
import { BundleDrawer } from './BundleDrawer.tsx';
import { BundlePreview } from './BundlePreview.tsx';
import '../catalog-admin.css';

/** 一件事一次办: the published bundles, a drawer to create or change one, and the merged material list it gives. */
export function BundlesPage() {
  const t = useT();
  const { message } = useFeedback();
  const me = useMe().data!;
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ code: string | null } | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [draftSaved, setDraftSaved] = useState<string | null>(null);
  const list = useBundles(q);
  const cancel = useMutation({
    mutationFn: (code: string) => catalogAdminApi.cancelBundle(code),
    onSuccess: () => {
      message.success(t('ca.bundle.cancelled'));
      return queryClient.invalidateQueries({ queryKey: catalogAdminKeys.bundles });
    },
  });
  if (!can(me, 'catalog.manage')) return <Forbidden />;

  const columns: TableColumnsType<BundleSummary> = [
    {
      title: t('ca.bundle.name'),
      dataIndex: 'name',
      render: (name: string, b) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text> <span className="cell-sub mono">{b.code}</span>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: b.description }} className="ca-cell-paragraph ca-bundle-description">
            {b.description}
          </Typography.Paragraph>
        </div>
      ),
    },
    { title: t('ca.bundle.organization'), dataIndex: 'organizationName', width: 170 },
    { title: t('ca.bundle.itemCount'), dataIndex: 'itemCount', width: 72, align: 'right' },
    { title: t('ca.bundle.committedLimit'), dataIndex: 'committedLimit', width: 100, render: (l: BundleSummary['committedLimit']) => formatLimit(t, l) },
    {
      title: t('ca.item.audience'),
      dataIndex: 'audience',
      width: 130,
      render: (a: BundleSummary['audience']) => (
        <span className="tag-wrap">
          {a.map((x) => (
            <Tag key={x}>{labelOf(t, audienceLabels, x)}</Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 236,
      fixed: 'right',
      render: (_v, b) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setPreviewing(b.code)}>
            {t('ca.bundle.preview')}
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ code: b.code })}>
            {t('action.edit')}
          </Button>
          <Popconfirm
            title={t('ca.bundle.cancelConfirm', { name: b.name })}
            onConfirm={() => cancel.mutate(b.code)}
            okText={t('ca.bundle.cancel')}
            cancelText={t('action.cancel')}
          >
            <Button type="link" size="small" danger icon={<StopOutlined />}>
              {t('ca.bundle.cancel')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ca.nav.bundles')}
        subtitle={t('ca.bundle.subtitle')}
        crumbs={[{ title: t('ca.nav.group') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ code: null })} data-testid="bundle-create">
            {t('ca.bundle.create')}
          </Button>
        }
      />
      {draftSaved && (
        <Alert
          className="block-gap"
          type="info"
          showIcon
          title={t('ca.bundle.draftSaved', { code: draftSaved })}
          closable={{ onClose: () => setDraftSaved(null) }}
        />
      )}
      <Card>
        <Space wrap className="filter-bar">
          <Input.Search allowClear placeholder={t('ca.bundle.searchPlaceholder')} onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 280 }} />
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={list.data ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            pagination={false}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('ca.bundle.empty')} /> }}
            data-testid="bundles-table"
          />
        )}
      </Card>
      {editing && (
        <BundleDrawer
          code={editing.code}
          onClose={() => setEditing(null)}
          onSaved={(code, published) => {
            setEditing(null);
            if (published) setPreviewing(code);
            else setDraftSaved(code);
          }}
        />
      )}
      {previewing && <BundlePreview code={previewing} onClose={() => setPreviewing(null)} />}
    </>
  );
}
