import { useState } from 'react';
import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useCases, type CaseStatus, type CaseSummary } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { KindTags, ReceivedCell, StatusTag } from '../shared/labels.tsx';
import { NoticeDue, noticeUrgency } from '../shared/BundleParts.tsx';
import { CaseSubjectCell } from '../shared/CaseSubjectCell.tsx';
import { pagerOf } from '../../../components/pager.ts';

/**
 * 预审: applications waiting at the window — newly submitted (accept, notify, refuse) and those under a
 * one-time notice (waiting for the applicant, or to be refused). The longest waiting first, page by page.
 */
export function PreReviewTab() {
  const t = useWorkT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  // submitted or under a one-time notice, a bundle's item cases through the bundle application; the longest waiting first
  const queue = useCases({ queue: 'prereview' }, page, pageSize, { refetchInterval: 30_000, sort: 'received' });
  // on a hall's 1440-pixel screen every column is in sight; on a narrower one the case at the left, what it waits for (its status, the notice's deadline) beside it
  // and 预审 at the right stay in sight while the rest scrolls
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      width: 220,
      fixed: 'left',
      render: (_subject: string, c) => <CaseSubjectCell c={c} />,
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 110 },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: CaseStatus) => <StatusTag status={s} t={t} /> },
    { title: t('notice.due'), dataIndex: 'noticeDueAt', width: 160, render: (_v: string, c) => <NoticeDue c={c} t={t} /> },
    {
      title: t('cases.receivedAt'),
      dataIndex: 'receivedAt',
      width: 150,
      render: (v: string, c) => <ReceivedCell at={v} channel={c.channel} t={t} locale={locale} />,
    },
    { title: t('cases.kinds'), dataIndex: 'kinds', width: 120, render: (k: CaseSummary['kinds']) => <KindTags kinds={k} t={t} /> },
    // the rest of the row's width; a long name ends in … and shows whole when pointed at
    { title: t('cases.organization'), dataIndex: 'organizationName', ellipsis: true },
    {
      title: '',
      key: 'open',
      width: 90,
      // the row's action stays in sight however far the columns scroll
      fixed: 'right',
      render: (_v, c) => (
        <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${c.id}`)} data-testid="prereview-open">
          {t('cases.preReviewAction')}
        </Button>
      ),
    },
  ];
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Table<CaseSummary>
      rowKey="id"
      columns={columns}
      dataSource={queue.data?.items ?? []}
      loading={queue.isFetching}
      pagination={{
        ...pagerOf({ page, pageSize, total: queue.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) }),
        pageSizeOptions: [20, 50, 100],
        hideOnSinglePage: true,
      }}
      scroll={{ x: 1040 }}
      rowClassName={(c) => (noticeUrgency(c) === 'past' ? 'case-row-overdue' : noticeUrgency(c) === 'near' ? 'case-row-attention' : '')}
      locale={{ emptyText: queue.isPending ? ' ' : <EmptyHint text={t('cases.preReviewEmpty')} /> }}
      data-testid="prereview-table"
    />
  );
}
