import { useState } from 'react';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import { commitmentCheckStates, useCommitmentChecks, type CommitmentCheckRow, type CommitmentCheckState } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { oneOf, useUrlFilter } from '../../../components/useUrlFilter.ts';

import { checkStateColor, checkStateLabel } from '../shared/Commitment.tsx';
import { pagerOf } from '../../../components/pager.ts';

type CheckFilter = { checkState: CommitmentCheckState | 'all' | undefined };
const checkFilterFrom = (p: URLSearchParams): CheckFilter => ({ checkState: oneOf([...commitmentCheckStates, 'all'] as const, p.get('checkState')) });

/**
 * 事后核查 (the inbox's second tab): the cases my departments granted by written commitment, with the check each owes
 * or made — those still to check by default, the nearest due first, the overdue in red; open one to record the check.
 */
export function CommitmentChecksTab() {
  const t = useCommitT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilter<CheckFilter>(['checkState'], checkFilterFrom);
  const state = filter.checkState ?? 'pending';
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useCommitmentChecks(state === 'all' ? undefined : state, page, pageSize);
  const columns: TableColumnsType<CommitmentCheckRow> = [
    {
      title: t('commit.col.case'),
      dataIndex: 'caseNumber',
      width: 190,
      render: (number: string, c) => (
        <Link to={`/workbench/cases/${c.caseId}`} className="case-link mono" data-testid="check-case-link">
          {number}
        </Link>
      ),
    },
    {
      title: t('commit.col.item'),
      dataIndex: 'subject',
      render: (subject: string, c) => (
        <div>
          {subject}
          <div className="cell-sub">{c.organizationName}</div>
        </div>
      ),
    },
    { title: t('commit.col.applicant'), dataIndex: 'applicantName', width: 150 },
    { title: t('commit.col.decided'), dataIndex: 'decidedAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('commit.col.due'),
      dataIndex: 'dueAt',
      width: 170,
      render: (due: string, c) => {
        const late = c.state === 'pending' && c.overdue;
        return (
          <span className={late ? 'case-overdue' : undefined} data-testid="check-due">
            {formatDue(due, locale)}
            {late && (
              <Tag color="red" className="case-overdue-tag">
                {t('commit.overdue')}
              </Tag>
            )}
          </span>
        );
      },
    },
    {
      title: t('commit.col.state'),
      dataIndex: 'state',
      width: 200,
      render: (s: CommitmentCheckState, c) => (
        <div data-testid="check-state" data-state={s}>
          <Tag color={checkStateColor[s]}>{checkStateLabel(t, s)}</Tag>
          {c.checkedAt && (
            <div className="cell-sub">
              {c.checkedBy ? t('commit.checkedBy', { name: c.checkedBy, at: formatDateTime(c.checkedAt, locale) }) : formatDateTime(c.checkedAt, locale)}
            </div>
          )}
          {c.opinion && (
            <Typography.Paragraph type="secondary" className="case-check-opinion" ellipsis={{ rows: 2, tooltip: c.opinion }}>
              {c.opinion}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 80,
      fixed: 'right',
      render: (_v, c) => (
        <Button
          size="small"
          type={c.state === 'pending' ? 'primary' : 'default'}
          onClick={() => navigate(`/workbench/cases/${c.caseId}`)}
          data-testid="check-open"
        >
          {t(c.state === 'pending' ? 'commit.open' : 'commit.view')}
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="commitment-checks">
      <Space wrap className="block-gap">
        <span>{t('commit.filter')}</span>
        <Segmented
          value={state}
          onChange={(v) => {
            setFilter({ checkState: v === 'pending' ? undefined : (v as CheckFilter['checkState']) });
            setPage(1);
          }}
          options={[...commitmentCheckStates.map((s) => ({ value: s, label: checkStateLabel(t, s) })), { value: 'all', label: t('commit.filter.all') }]}
          data-testid="check-state-filter"
        />
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CommitmentCheckRow>
          rowKey="caseId"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1090 }}
          rowClassName={(c) => (c.state === 'pending' && c.overdue ? 'case-row-overdue' : '')}
          onRow={(c) => ({ onDoubleClick: () => navigate(`/workbench/cases/${c.caseId}`) })}
          pagination={{
            ...pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) }),
            pageSizeOptions: [20, 50, 100],
          }}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t(state === 'pending' ? 'commit.empty.pending' : 'commit.empty.any')} /> }}
          data-testid="commitment-checks-table"
        />
      )}
    </div>
  );
}
