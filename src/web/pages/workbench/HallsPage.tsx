import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import { useHalls } from '../../api/org.ts';
import type { Hall } from '../../api/types.ts';
import { EmptyHint, Forbidden, QueryState } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

/** 大厅与窗口: the halls in scope; a hall's windows and A/B posts are on its own page. */
export function HallsPage() {
  const t = useT();
  const me = useMe().data!;
  const halls = useHalls(can(me, 'org.read'));
  if (!can(me, 'org.read')) return <Forbidden />;
  const columns: TableColumnsType<Hall> = [
    {
      title: t('hall.name'),
      dataIndex: 'name',
      render: (name: string, h) => (
        <Link to={`/workbench/org/halls/${h.id}`} data-testid={`hall-link-${h.id}`}>
          <Typography.Text strong className="link-text">
            {name}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('hall.organization'), dataIndex: 'organizationName' },
    { title: t('org.region'), dataIndex: 'regionName', width: 100 },
    { title: t('hall.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
    { title: t('hall.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('hall.openingHours'), dataIndex: 'openingHours', width: 260, render: (v: string | null) => v ?? '—' },
    { title: t('hall.windowCount'), dataIndex: 'windowCount', width: 90, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.halls')} subtitle={t('hall.subtitle')} crumbs={[{ title: t('nav.org') }]} />
      <Card>
        <QueryState query={halls}>
          {(rows) => (
            <Table
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <EmptyHint text={t('hall.empty')} /> }}
              data-testid="halls-table"
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
