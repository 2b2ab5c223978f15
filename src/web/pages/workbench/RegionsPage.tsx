import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import { useRegions } from '../../api/org.ts';
import { buildRegionTree, childLevel, type RegionTreeNode } from '../../api/regions.ts';
import type { RegionLevel } from '../../api/types.ts';
import { inScope, regionScope } from '../../auth/scope.ts';
import { EmptyHint, Forbidden, QueryState } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionFormModal, type RegionModalState } from './RegionFormModal.tsx';
import { levelKeys } from './labels.ts';

const levelColors: Record<RegionLevel, string> = { city: 'red', district: 'blue', street: 'cyan', community: 'default' };

/** Table rows need `children: undefined` on leaves, or antd draws an expand button on them. */
type Row = Omit<RegionTreeNode, 'children'> & { children?: Row[] };
const toRows = (nodes: RegionTreeNode[]): Row[] => nodes.map((n) => ({ ...n, children: n.children.length ? toRows(n.children) : undefined }));

/** 行政区划: the four-level tree with organization counts; add and rename within one's scope. */
export function RegionsPage() {
  const t = useT();
  const me = useMe().data!;
  const regions = useRegions();
  const [modal, setModal] = useState<RegionModalState | null>(null);
  // versions learned from this page's own saves, for when the tree does not carry them
  const [versions, setVersions] = useState<Record<number, number>>({});
  const scope = regionScope(me, 'org.manage');
  const canManage = can(me, 'org.manage');
  const tree = useMemo(() => toRows(buildRegionTree(regions.data ?? [])), [regions.data]);
  const expanded = useMemo(() => (regions.data ?? []).filter((r) => r.level === 'city' || r.level === 'district').map((r) => r.id), [regions.data]);

  if (!can(me, 'org.read')) return <Forbidden />;

  const columns: TableColumnsType<Row> = [
    { title: t('region.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('region.code'), dataIndex: 'code', width: 160, render: (code: string) => <span className="mono">{code}</span> },
    { title: t('region.level'), dataIndex: 'level', width: 120, render: (level: RegionLevel) => <Tag color={levelColors[level]}>{t(levelKeys[level])}</Tag> },
    { title: t('region.organizations'), dataIndex: 'organizationCount', width: 110, align: 'right' },
    { title: t('region.organizationsTotal'), dataIndex: 'totalOrganizations', width: 130, align: 'right' },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_v, r) =>
        inScope(scope, r.path) ? (
          <Space size={0}>
            {childLevel[r.level] && (
              <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create', parent: r })}>
                {t('region.addChild')}
              </Button>
            )}
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setModal({ mode: 'rename', region: r, version: r.version ?? versions[r.id] ?? 1 })}
            >
              {t('action.rename')}
            </Button>
          </Space>
        ) : null,
    });

  return (
    <>
      <PageHeader title={t('nav.regions')} subtitle={t('region.subtitle')} crumbs={[{ title: t('nav.org') }]} />
      <Card>
        <QueryState query={regions}>
          {() => (
            <Table
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={tree}
              pagination={false}
              expandable={{ defaultExpandedRowKeys: expanded }}
              scroll={{ x: 800 }}
              locale={{ emptyText: <EmptyHint text={t('region.empty')} /> }}
              data-testid="regions-table"
            />
          )}
        </QueryState>
      </Card>
      {modal && (
        <RegionFormModal
          state={modal}
          onClose={() => setModal(null)}
          onSaved={(saved) => {
            setVersions((v) => ({ ...v, [saved.id]: saved.version }));
            setModal(null);
          }}
        />
      )}
    </>
  );
}
