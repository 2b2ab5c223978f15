import { useState } from 'react';
import { Card, Col, Input, Row, Select, Space, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { can, useMe } from '../../../api/auth.ts';
import { caseKinds, caseStatuses, useCaseKinds, useCases, type CaseFilter, type CaseStatus, type CaseSummary } from '../../../api/cases.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../../components/PageState.tsx';
import { KindTags, StatusTag, channelLabel, formatDeadline, kindColor, kindLabel, statusLabel } from '../shared/labels.tsx';
import { BundleTag, NoticeDue, nestBundles, useBundleExpansion, type CaseRow } from '../shared/BundleParts.tsx';
import '../cases.css';

/** 办件查询: cases in my scope by number, subject and status, with the seven kinds (七件制) counted. */
export function CaseSearchPage() {
  const t = useWorkT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const allowed = can(me, 'case.read');
  const [filter, setFilter] = useState<CaseFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useCases(filter, page, pageSize, { enabled: allowed });
  const kinds = useCaseKinds(allowed);
  const rows = nestBundles(list.data?.items ?? []);
  const expandable = useBundleExpansion(rows);
  if (!allowed) return <Forbidden />;
  const columns: TableColumnsType<CaseRow> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      render: (subject: string, c) => (
        <div className="case-subject-cell">
          {c.isBundle && <BundleTag t={t} />}
          <Link to={`/workbench/cases/${c.id}`} className="case-link">
            {subject}
          </Link>
          <div className="cell-sub mono">{c.number}</div>
        </div>
      ),
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 160 },
    { title: t('cases.organization'), dataIndex: 'organizationName', width: 180 },
    { title: t('cases.channel'), dataIndex: 'channel', width: 110, render: (c: string) => channelLabel(t, c) },
    { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: CaseStatus) => <StatusTag status={s} t={t} /> },
    { title: t('cases.kinds'), dataIndex: 'kinds', width: 170, render: (k: CaseSummary['kinds']) => <KindTags kinds={k} t={t} /> },
    { title: t('cases.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    { title: t('notice.due'), dataIndex: 'noticeDueAt', width: 190, render: (_v: string, c) => <NoticeDue c={c} t={t} /> },
    {
      title: t('cases.committedDue'),
      dataIndex: 'committedDueAt',
      width: 160,
      render: (v: string | null, c) => <span className={c.isOverdue ? 'case-overdue' : undefined}>{formatDeadline(v, locale, t)}</span>,
    },
  ];
  const patch = (p: Partial<CaseFilter>) => {
    setFilter((f) => ({ ...f, ...p }));
    setPage(1);
  };
  return (
    <>
      <PageHeader title={t('cases.search')} subtitle={t('cases.searchSubtitle')} />
      <Row gutter={[12, 12]} className="block-gap" data-testid="kind-cards">
        <Col xs={12} md={6} xl={3}>
          <Card size="small" className="case-kind-card">
            <Statistic title={t('cases.total')} value={kinds.data?.total ?? 0} loading={kinds.isPending} />
          </Card>
        </Col>
        {caseKinds.map((k) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <Card size="small" className={`case-kind-card case-kind-${kindColor[k]}`} data-kind={k}>
              <Statistic title={kindLabel(t, k)} value={kinds.data?.[k] ?? 0} loading={kinds.isPending} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space wrap className="filter-bar">
          <Input.Search
            allowClear
            placeholder={t('cases.searchPlaceholder')}
            onSearch={(q) => patch({ q: q.trim() || undefined })}
            style={{ width: 300 }}
            data-testid="case-search"
          />
          <Select
            allowClear
            placeholder={t('cases.filterStatus')}
            value={filter.status}
            onChange={(status?: CaseStatus) => patch({ status })}
            options={caseStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            style={{ width: 200 }}
          />
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<CaseRow>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            expandable={expandable}
            loading={list.isFetching}
            scroll={{ x: 1400 }}
            rowClassName={(c) => (c.isOverdue ? 'case-row-overdue' : '')}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={filter.q || filter.status ? t('cases.emptyFiltered') : t('cases.emptyScope')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            data-testid="cases-table"
          />
        )}
      </Card>
    </>
  );
}
