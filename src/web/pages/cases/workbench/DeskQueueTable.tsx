import { useState } from 'react';
import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useCases, type CaseFilter, type CaseSummary } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { CaseSubjectCell } from '../shared/CaseSubjectCell.tsx';

/**
 * A queue of the window desk (当场办结, 容缺待补): its cases page by page, each with its subject and applicant first,
 * the queue's own columns, and a button that opens the case page; loading, empty and failed as every list.
 */
export function DeskQueueTable({
  filter,
  sort,
  columns,
  open,
  empty,
  testId,
  rowClassName,
  scrollX = 1000,
}: {
  filter: CaseFilter;
  sort?: 'newest' | 'decided' | 'received';
  /** the queue's columns, between the applicant and the button */
  columns: TableColumnsType<CaseSummary>;
  /** the button's text and test id */
  open: { label: string; testId: string };
  empty: string;
  testId: string;
  rowClassName?: (c: CaseSummary) => string;
  scrollX?: number;
}) {
  const t = useCaseT();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useCases(filter, page, 20, { refetchInterval: 30_000, sort });
  const all: TableColumnsType<CaseSummary> = [
    // a case number (20 characters) on one line
    { title: t('cases.subjectAndNumber'), dataIndex: 'subject', width: 220, render: (_subject: string, c) => <CaseSubjectCell c={c} /> },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 130 },
    ...columns,
    {
      title: '',
      key: 'open',
      width: 100,
      fixed: 'right',
      render: (_v, c) => (
        <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${c.id}`)} data-testid={open.testId}>
          {open.label}
        </Button>
      ),
    },
  ];
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<CaseSummary>
      rowKey="id"
      columns={all}
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
      scroll={{ x: scrollX }}
      rowClassName={rowClassName}
      locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={empty} /> }}
      data-testid={testId}
    />
  );
}
