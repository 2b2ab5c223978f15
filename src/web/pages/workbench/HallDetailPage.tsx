import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import { useHall, useWindows } from '../../api/org.ts';
import type { Hall, WindowView } from '../../api/types.ts';
import { EmptyHint, Forbidden, NotFoundState, QueryState } from '../../components/PageState.tsx';
import { idOf } from '../../components/address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WindowModal } from './WindowModal.tsx';
import { WindowStaffModal } from './WindowStaffModal.tsx';
import { windowKindKeys } from './labels.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; window: WindowView } | { kind: 'staff'; window: WindowView };

/** One hall: its details and its windows (综合窗口 / 专业窗口) with the categories they serve and their A/B posts. */
export function HallDetailPage() {
  const t = useT();
  const me = useMe().data!;
  const id = idOf(useParams().id);
  const hall = useHall(id);
  const back = { to: '/workbench/org/halls', label: t('hall.backToList') };
  if (!can(me, 'org.read')) return <Forbidden back={{ to: '/workbench', label: t('state.backToWorkbench') }} />;
  const notFound = (
    <>
      <PageHeader title={t('hall.hall')} crumbs={[{ title: t('nav.org') }, { title: t('nav.halls'), to: '/workbench/org/halls' }]} />
      <NotFoundState title={t('hall.notFound')} hint={t('hall.notFoundHint')} back={back} />
    </>
  );
  if (!id) return notFound;
  return (
    <QueryState query={hall} notFound={notFound} forbidden={<Forbidden back={back} />}>
      {(h) => <HallDetail hall={h} canManage={can(me, 'org.manage')} />}
    </QueryState>
  );
}

function HallDetail({ hall, canManage }: { hall: Hall; canManage: boolean }) {
  const t = useT();
  const windows = useWindows(hall.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const post = (w: WindowView, p: 'A' | 'B') => w.staff.find((s) => s.post === p)?.name;

  const columns: TableColumnsType<WindowView> = [
    { title: t('window.number'), dataIndex: 'number', width: 80, render: (n: string) => <span className="window-badge">{n}</span> },
    { title: t('window.name'), dataIndex: 'name', width: 120 },
    {
      title: t('window.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: WindowView['kind']) => <Tag color={k === 'comprehensive' ? 'blue' : 'purple'}>{t(windowKindKeys[k])}</Tag>,
    },
    { title: t('window.organization'), dataIndex: 'organizationName', width: 160, render: (v: string | null) => v ?? '—' },
    {
      title: t('window.categories'),
      dataIndex: 'categories',
      render: (cats: string[]) =>
        cats.length ? (
          <span className="tag-wrap">
            {cats.map((c) => (
              <Tag key={c}>{c}</Tag>
            ))}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('window.postA'),
      key: 'a',
      width: 80,
      render: (_v, w) => post(w, 'A') ?? <Typography.Text type="secondary">{t('window.vacant')}</Typography.Text>,
    },
    {
      title: t('window.postB'),
      key: 'b',
      width: 80,
      render: (_v, w) => post(w, 'B') ?? <Typography.Text type="secondary">{t('window.vacant')}</Typography.Text>,
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">{t('window.open')}</Tag> : <Tag>{t('window.closed')}</Tag>),
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      fixed: 'right',
      render: (_v, w) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', window: w })}>
            {t('action.edit')}
          </Button>
          <Button type="link" size="small" icon={<UserSwitchOutlined />} onClick={() => setDialog({ kind: 'staff', window: w })}>
            {t('window.assign')}
          </Button>
        </Space>
      ),
    });

  return (
    <>
      <PageHeader
        title={hall.name}
        subtitle={hall.organizationName}
        crumbs={[{ title: t('nav.org') }, { title: t('nav.halls'), to: '/workbench/org/halls' }]}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="window-create">
              {t('window.create')}
            </Button>
          )
        }
      />
      <Card className="block-gap">
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'region', label: t('org.region'), children: hall.regionName },
            { key: 'address', label: t('hall.address'), children: hall.address ?? '—' },
            { key: 'phone', label: t('hall.phone'), children: hall.phone ?? '—' },
            { key: 'hours', label: t('hall.openingHours'), children: hall.openingHours ?? '—', span: 2 },
            { key: 'windows', label: t('hall.windowCount'), children: windows.data?.length ?? hall.windowCount },
          ]}
        />
      </Card>
      <Card title={t('window.title')}>
        <QueryState query={windows}>
          {(rows) => (
            <Table
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 960 }}
              locale={{ emptyText: <EmptyHint text={canManage ? t('window.emptyManage') : t('window.empty')} /> }}
              data-testid="windows-table"
            />
          )}
        </QueryState>
      </Card>
      {dialog?.kind === 'create' && <WindowModal hall={hall} window={null} existing={windows.data ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <WindowModal hall={hall} window={dialog.window} existing={windows.data ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'staff' && <WindowStaffModal window={dialog.window} onClose={() => setDialog(null)} />}
    </>
  );
}
