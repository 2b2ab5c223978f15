import { useState } from 'react';
import { Button, Card, Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ThunderboltFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { can, useMe } from '../../../api/auth.ts';
import { useInbox, type InboxTask } from '../../../api/cases.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../../components/PageState.tsx';
import { formatDeadline, roleLabel } from '../shared/labels.tsx';
import '../cases.css';

/** 待办: open tasks of my posts, urgent (green channel) first, then by due time; open one to work the case. */
export function InboxPage() {
  const t = useCaseT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const navigate = useNavigate();
  const [mine, setMine] = useState(true);
  const inbox = useInbox(mine, can(me, 'case.handle'));
  if (!can(me, 'case.handle')) return <Forbidden />;
  const columns: TableColumnsType<InboxTask> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      render: (subject: string, x) => (
        <div>
          {x.isUrgent && (
            <Tag color="red" icon={<ThunderboltFilled />}>
              {t('cases.kind.urgent')}
            </Tag>
          )}
          <Link to={`/workbench/cases/${x.caseId}`} className="case-link">
            {subject}
          </Link>
          <div className="cell-sub mono">{x.caseNumber}</div>
        </div>
      ),
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 160 },
    {
      title: t('cases.task'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, x) => (
        <div>
          {name}
          <div className="cell-sub">
            {x.organizationName} · {roleLabel(t, x.role)}
          </div>
        </div>
      ),
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 120,
      render: (_v, x) =>
        x.claimedByMe ? (
          <Tag color="processing">{t('cases.claimedByMe')}</Tag>
        ) : x.state === 'claimed' ? (
          <Tag>{t('cases.claimedByColleague')}</Tag>
        ) : (
          <Tag color="blue">{t('cases.unclaimed')}</Tag>
        ),
    },
    {
      title: t('cases.taskDue'),
      dataIndex: 'dueAt',
      width: 170,
      render: (due: string | null) => {
        const overdue = !!due && Date.parse(due) < Date.now();
        return (
          <span className={overdue ? 'case-overdue' : undefined}>
            {formatDeadline(due, locale, t)}
            {overdue && (
              <Tag color="red" className="case-overdue-tag">
                {t('cases.overdue')}
              </Tag>
            )}
          </span>
        );
      },
    },
    { title: t('cases.arrivedAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_v, x) => (
        <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${x.caseId}`)} data-testid="inbox-open">
          {t('cases.handle')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('cases.inbox')}
        subtitle={t('cases.inboxSubtitle')}
        extra={
          <Segmented
            value={mine ? 'mine' : 'all'}
            onChange={(v) => setMine(v === 'mine')}
            options={[
              { value: 'mine', label: t('cases.inboxMine') },
              { value: 'all', label: t('cases.inboxAll') },
            ]}
          />
        }
      />
      <Card>
        {inbox.isError ? (
          <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : (
          <Table<InboxTask>
            rowKey="id"
            columns={columns}
            dataSource={inbox.data?.items ?? []}
            loading={inbox.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            rowClassName={(x) => (x.isUrgent ? 'case-row-urgent' : '')}
            onRow={(x) => ({ onDoubleClick: () => navigate(`/workbench/cases/${x.caseId}`) })}
            locale={{ emptyText: inbox.isPending ? ' ' : <EmptyHint text={t('cases.inboxEmpty')} /> }}
            footer={() => t('common.total', { total: inbox.data?.total ?? 0 })}
            data-testid="inbox-table"
          />
        )}
      </Card>
    </>
  );
}
