import { useState } from 'react';
import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useCases, type CaseStatus, type CaseSummary } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { StatusTag } from '../shared/labels.tsx';
import { CaseSubjectCell } from '../shared/CaseSubjectCell.tsx';

/**
 * 当场办结: accepted immediate items (即办件) whose department authorized the window to decide them on the
 * spot, waiting for the window's decision or conclusion — one left when the applicant stepped away, or
 * taken by a colleague. The longest waiting first.
 */
export function WindowDecisionTab() {
  const t = useCaseT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useCases({ queue: 'window_decision' }, page, 20, { refetchInterval: 30_000, sort: 'received' });
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      render: (_subject: string, c) => <CaseSubjectCell c={c} />,
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 160 },
    { title: t('cases.organization'), dataIndex: 'organizationName', width: 200 },
    { title: t('cases.acceptedAt'), dataIndex: 'acceptedAt', width: 170, render: (v: string | null) => formatDateTime(v, locale) },
    { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: CaseStatus) => <StatusTag status={s} t={t} /> },
    {
      title: '',
      key: 'open',
      width: 110,
      render: (_v, c) => (
        <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${c.id}`)} data-testid="window-decision-open">
          {t('cases.windowDecisionAction')}
        </Button>
      ),
    },
  ];
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<CaseSummary>
      rowKey="id"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      pagination={{
        current: page,
        pageSize: 20,
        total: list.data?.total ?? 0,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: setPage,
      }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('cases.windowDecisionEmpty')} /> }}
      data-testid="window-decision-table"
    />
  );
}
