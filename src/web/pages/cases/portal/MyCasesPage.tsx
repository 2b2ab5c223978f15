import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import { caseStatuses, useCases, type CaseStatus, type CaseSummary } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { isStaff, useMe } from '../../../api/auth.ts';
import { toleratedDay } from '../shared/Tolerated.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { useNarrow } from '../../../components/useNarrow.ts';
import { KindTags, StatusTag, statusLabel } from '../shared/labels.tsx';
import { CommitmentTag } from '../shared/Commitment.tsx';
import { BundleTag, nestBundles, nestedRow, useBundleExpansion, type CaseRow } from '../shared/BundleParts.tsx';
import { oneOf, useUrlFilter } from '../../../components/useUrlFilter.ts';
import { MyDrafts } from './MyDrafts.tsx';
import '../cases.css';

const needsMe: CaseStatus[] = ['notified', 'awaiting_supplement'];
/** Waiting for the applicant: materials asked for, or accepted to follow (容缺后补) and not handed in yet. */
const waitsForMe = (c: CaseSummary) => needsMe.includes(c.status) || (c.toleratedDueAt !== null && c.status !== 'withdrawn' && c.status !== 'refused');
/** The status filter lives in the address (`/my/cases?status=delivered`, as 我的账户 links to it). */
const statusKeys = ['status'] as const;

/** 我的办件: every application of the signed-in applicant (or made for them by an agent), newest first. */
export function MyCasesPage() {
  const t = useWorkT();
  const { locale } = useLocale();
  usePageTitle(t('cases.myCases'));
  const [filter, setFilter] = useUrlFilter<{ status?: CaseStatus }>(statusKeys, (p) => ({ status: oneOf(caseStatuses, p.get('status')) }));
  const status = filter.status;
  const setStatus = (s: CaseStatus | undefined) => setFilter({ status: s });
  const [page, setPage] = useState(1);
  const list = useCases({ status }, page, 20);
  const me = useMe().data!;
  const waiting = useCases({ status: 'notified' }, 1, 100);
  const waiting2 = useCases({ status: 'awaiting_supplement' }, 1, 100);
  const waiting3 = useCases({ queue: 'tolerated' }, 1, 100);
  // a bundle's one-time notice is answered on the bundle, a review-time supplement on the item case; what was accepted to follow on its case
  const toDo =
    (waiting.data?.items.filter((c) => c.parentId === null).length ?? 0) +
    (waiting2.data?.items.filter((c) => !c.isBundle).length ?? 0) +
    (waiting3.data?.items.filter((c) => c.status !== 'awaiting_supplement').length ?? 0);
  const rows = nestBundles(list.data?.items ?? []);
  const expandable = useBundleExpansion(rows);
  const narrow = useNarrow();
  const subjectCell = (c: CaseRow) => (
    <div className="case-subject-cell">
      {c.isBundle && <BundleTag t={t} />}
      <Link to={`/my/cases/${c.id}`} className="case-link">
        {c.subject}
      </Link>
      <div className="cell-sub mono">{c.number}</div>
      {c.agentApplicantId !== null && (
        <Tag color="geekblue" data-testid="agent-tag">
          {c.agentApplicantId === me.applicant?.id ? t('cases.asAgentFor', { name: c.applicantName }) : t('cases.byAgent')}
        </Tag>
      )}
      {c.parentId !== null && !c.nested && (
        <Link to={`/my/cases/${c.parentId}`} className="cell-sub">
          {t('bundle.belongsTo')}
        </Link>
      )}
    </div>
  );
  const statusCell = (c: CaseRow) => (
    <div>
      <StatusTag status={c.status} t={t} />
      <CommitmentTag kase={{ byCommitment: false, revokedAt: c.revokedAt }} />
      {waitsForMe(c) && <div className="case-needs-me">{t('cases.needsYou')}</div>}
      {waitsForMe(c) && c.supplementDueAt && (
        <div className="cell-sub" data-testid="my-supplement-due">
          {t('cases.supplementDueShort', { due: toleratedDay(c.supplementDueAt, locale) })}
        </div>
      )}
    </div>
  );
  const dueCell = (c: CaseRow) => <span className={c.isOverdue ? 'case-overdue' : undefined}>{formatDue(c.committedDueAt, locale)}</span>;
  // a phone: each case a card of its own — what, where it stands, who has it, by when — rather than a table wider than the screen
  const cardColumns: TableColumnsType<CaseRow> = [
    {
      title: t('cases.myCases'),
      key: 'case',
      render: (_v, c) => (
        <div className="case-card" data-testid="my-case-card">
          {subjectCell(c)}
          {statusCell(c)}
          <div className="cell-sub">
            {c.organizationName} · {formatDateTime(c.receivedAt, locale)}
          </div>
          <div className="cell-sub">
            {t('cases.cardDue')}
            {dueCell(c)}
          </div>
        </div>
      ),
    },
  ];
  const columns: TableColumnsType<CaseRow> = [
    { title: t('cases.subjectAndNumber'), dataIndex: 'subject', render: (_subject: string, c) => subjectCell(c) },
    { title: t('cases.organization'), dataIndex: 'organizationName', width: 190 },
    { title: t('cases.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    { title: t('common.status'), dataIndex: 'status', width: 130, render: (_s: CaseStatus, c: CaseRow) => statusCell(c) },
    { title: t('cases.kinds'), dataIndex: 'kinds', width: 170, render: (k: CaseSummary['kinds']) => <KindTags kinds={k} t={t} /> },
    { title: t('cases.committedDue'), dataIndex: 'committedDueAt', width: 160, render: (_v: string | null, c) => dueCell(c) },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_v, c) => (
        <Link to={`/my/cases/${c.id}`}>
          <Button size="small">{t('cases.view')}</Button>
        </Link>
      ),
    },
  ];
  return (
    <div className="portal-page" data-testid="my-cases">
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/my">{t('nav.myAccount')}</Link> }, { title: t('cases.myCases') }]} />
      <div className="case-page-title">
        <Typography.Title level={2}>{t('cases.myCases')}</Typography.Title>
        <Link to="/services">
          <Button type="primary">{t('cases.newApplication')}</Button>
        </Link>
      </div>
      {toDo > 0 && <Alert type="warning" showIcon className="block-gap" title={t('cases.toDoAlert', { n: toDo })} data-testid="my-cases-todo" />}
      {/* 暂存: applications saved unfinished, above the applications filed (staff keep none) */}
      {!isStaff(me) && <MyDrafts />}
      <Card>
        <div className="filter-bar">
          <Select
            allowClear
            placeholder={t('cases.filterStatus')}
            value={status}
            onChange={(s?: CaseStatus) => {
              setStatus(s);
              setPage(1);
            }}
            options={caseStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            style={{ width: 200 }}
          />
        </div>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<CaseRow>
            rowKey="id"
            columns={narrow ? cardColumns : columns}
            dataSource={rows}
            expandable={expandable}
            loading={list.isFetching}
            scroll={narrow ? undefined : { x: 1000 }}
            rowClassName={(c) => `${waitsForMe(c) ? 'case-row-attention' : ''} ${nestedRow(c)}`}
            locale={{
              emptyText: list.isPending ? (
                ' '
              ) : (
                <EmptyHint text={status ? t('cases.emptyFiltered') : t('cases.emptyMine')}>
                  <Link to="/services">
                    <Button type="primary">{t('cases.findService')}</Button>
                  </Link>
                </EmptyHint>
              ),
            }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
            data-testid="my-cases-table"
          />
        )}
      </Card>
    </div>
  );
}
