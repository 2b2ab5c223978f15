import { useState } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Input, Row, Select, Space, Statistic, Table, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TableColumnsType } from 'antd';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDue } from '../../../i18n/format.ts';
import { can, useMe } from '../../../api/auth.ts';
import {
  caseExportLimit,
  caseKinds,
  caseLedgerUrl,
  caseStatuses,
  channels,
  useCaseKinds,
  useCases,
  type CaseFilter,
  type CaseKind,
  type CaseStatus,
  type CaseSummary,
  type Channel,
} from '../../../api/cases.ts';
import { useOrganizationOptions } from '../../../api/org.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../../components/PageState.tsx';
import { KindTags, ReceivedCell, StatusTag, channelLabel, kindColor, kindLabel, statusLabel } from '../shared/labels.tsx';
import { CommitmentTag } from '../shared/Commitment.tsx';
import { NoticeDue, nestBundles, nestedRow, useBundleExpansion, type CaseRow } from '../shared/BundleParts.tsx';
import { day, oneOf, positiveInt, useUrlFilter } from '../../../components/useUrlFilter.ts';
import '../cases.css';
import { CaseSubjectCell } from '../shared/CaseSubjectCell.tsx';
import { pagerOf } from '../../../components/pager.ts';

// the search text stays out of the address: it may be a person's name or ID number (browser history, referrers)
const caseFilterKeys = ['status', 'kind', 'channel', 'org', 'item', 'applicant', 'from', 'to', 'overdue'] as const;
/** The list's filter from its address (`/workbench/cases?kind=awaiting_supplement`, as the home page links to it). */
const caseFilterFrom = (p: URLSearchParams): CaseFilter => ({
  status: oneOf(caseStatuses, p.get('status')),
  kind: oneOf(caseKinds, p.get('kind')),
  channel: oneOf(channels, p.get('channel')),
  org: positiveInt(p.get('org')),
  item: p.get('item') || undefined,
  applicant: positiveInt(p.get('applicant')),
  from: day(p.get('from')),
  to: day(p.get('to')),
  overdue: p.get('overdue') === 'true' || undefined,
});

/**
 * The one deadline a case runs against now, named: before acceptance the one-time notice's (告知期限) or, once the notice
 * is given, the applicant's supplement period; after it the committed deadline (承诺办结), red when past.
 */
function CaseDue({ c, t }: { c: CaseSummary; t: ReturnType<typeof useWorkT> }) {
  const { locale } = useLocale();
  if (c.status === 'submitted' || (c.status === 'notified' && c.supplementDueAt))
    return (
      <>
        <NoticeDue c={c} t={t} />
        {c.status === 'submitted' && <div className="cell-sub">{t('notice.due')}</div>}
      </>
    );
  if (!c.committedDueAt) return <span className="cell-sub">—</span>;
  return (
    <>
      <span className={c.isOverdue ? 'case-overdue' : undefined}>{formatDue(c.committedDueAt, locale)}</span>
      <div className="cell-sub">{t('cases.committedDueShort')}</div>
    </>
  );
}

/**
 * 办件查询: cases in my scope by number or subject, status, kind (七件制, also by clicking its card), department,
 * channel, received days and deadline, with the seven kinds counted; the cases as filtered export as a ledger (办件台账).
 */
export function CaseSearchPage() {
  const t = useWorkT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const allowed = can(me, 'case.read');
  const [filter, setFilter] = useUrlFilter<CaseFilter>(caseFilterKeys, caseFilterFrom);
  const [text, setText] = useState(filter.q ?? '');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useCases(filter, page, pageSize, { enabled: allowed });
  const kinds = useCaseKinds(allowed);
  const orgs = useOrganizationOptions(allowed && can(me, 'org.read'));
  const rows = nestBundles(list.data?.items ?? []);
  const expandable = useBundleExpansion(rows);
  if (!allowed) return <Forbidden />;
  // what a case is and where it stands first, its deadline beside its status: on a hall's 1366-pixel screen every
  // column is in sight; on a narrower one the subject stays at the left while the rest scrolls
  const columns: TableColumnsType<CaseRow> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      width: 220,
      fixed: 'left',
      render: (_subject: string, c) => <CaseSubjectCell c={c} />,
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 110 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: CaseStatus, c: CaseSummary) => (
        <>
          <StatusTag status={s} t={t} />
          {/* 告知承诺制: the grant was revoked */}
          <CommitmentTag kase={{ byCommitment: false, revokedAt: c.revokedAt }} />
        </>
      ),
    },
    { title: t('cases.dueColumn'), key: 'due', width: 155, render: (_v, c) => <CaseDue c={c} t={t} /> },
    { title: t('cases.kinds'), dataIndex: 'kinds', width: 145, render: (k: CaseSummary['kinds']) => <KindTags kinds={k} t={t} /> },
    {
      title: t('cases.receivedAt'),
      dataIndex: 'receivedAt',
      width: 150,
      render: (v: string, c) => <ReceivedCell at={v} channel={c.channel} t={t} locale={locale} />,
    },
    // the rest of the row's width; a long name ends in … and shows whole when pointed at
    { title: t('cases.organization'), dataIndex: 'organizationName', ellipsis: true },
  ];
  const patch = (p: Partial<CaseFilter>) => {
    setFilter((f) => ({ ...f, ...p }));
    setPage(1);
  };
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== false && v !== '');
  const total = list.data?.total ?? 0;
  // the server counts up to the ledger's limit: past it, the list says "more than" and the ledger cannot be made
  const capped = list.data?.totalCapped ?? false;
  const tooMany = capped || total > caseExportLimit;
  return (
    <>
      <PageHeader title={t('cases.search')} subtitle={t('cases.searchSubtitle')} />
      <Row gutter={[12, 12]} className="block-gap" data-testid="kind-cards">
        <Col xs={12} md={6} xl={3}>
          {/* a bundle application counts as its item cases, as the statistics count it; the list below shows it too */}
          <Tooltip title={t('cases.totalHint')}>
            <Card size="small" className="case-kind-card">
              <Statistic title={t('cases.total')} value={kinds.data?.total ?? 0} loading={kinds.isPending} />
            </Card>
          </Tooltip>
        </Col>
        {caseKinds.map((k) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <Tooltip title={t('search.kindCardHint')}>
              <Card
                size="small"
                hoverable
                className={`case-kind-card case-kind-${kindColor[k]}${filter.kind === k ? ' case-kind-chosen' : ''}`}
                data-kind={k}
                onClick={() => patch({ kind: filter.kind === k ? undefined : k })}
              >
                <Statistic title={kindLabel(t, k)} value={kinds.data?.[k] ?? 0} loading={kinds.isPending} />
              </Card>
            </Tooltip>
          </Col>
        ))}
      </Row>
      <Card>
        <div className="case-search-bar">
          <Space wrap className="filter-bar">
            <Input.Search
              allowClear
              placeholder={t('cases.searchPlaceholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
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
              style={{ width: 160 }}
              id="case-filter-status"
            />
            <Select
              allowClear
              placeholder={t('search.kind')}
              value={filter.kind}
              onChange={(kind?: CaseKind) => patch({ kind })}
              options={caseKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
              style={{ width: 140 }}
              id="case-filter-kind"
            />
            {can(me, 'org.read') && (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('search.org')}
                value={filter.org}
                onChange={(org?: number) => patch({ org })}
                loading={orgs.isPending}
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                style={{ width: 220 }}
                id="case-filter-org"
              />
            )}
            <Select
              allowClear
              placeholder={t('search.channel')}
              value={filter.channel}
              onChange={(channel?: Channel) => patch({ channel })}
              options={channels.map((c) => ({ value: c, label: channelLabel(t, c) }))}
              style={{ width: 140 }}
              id="case-filter-channel"
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('search.received'), t('search.received')]}
              value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
              onChange={(range) => patch({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })}
              data-testid="case-filter-received"
            />
            <Checkbox checked={!!filter.overdue} onChange={(e) => patch({ overdue: e.target.checked || undefined })} data-testid="case-filter-overdue">
              {t('search.overdue')}
            </Checkbox>
            {filtered && (
              <Button
                type="link"
                onClick={() => {
                  setText('');
                  setFilter({});
                  setPage(1);
                }}
                data-testid="case-filter-reset"
              >
                {t('inbox.reset')}
              </Button>
            )}
          </Space>
          <Tooltip title={tooMany ? t('search.exportTooMany', { max: caseExportLimit }) : t('search.exportHint')}>
            <Button
              icon={<DownloadOutlined />}
              href={tooMany || total === 0 ? undefined : caseLedgerUrl(filter)}
              disabled={tooMany || total === 0}
              download
              data-testid="case-export"
            >
              {t('search.export')}
            </Button>
          </Tooltip>
        </div>
        {/* why the ledger cannot be made, in sight and not only when the disabled button is pointed at */}
        {tooMany && (
          <div className="cell-sub case-export-why" data-testid="case-export-why">
            {t('search.exportTooMany', { max: caseExportLimit.toLocaleString() })}
          </div>
        )}
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<CaseRow>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            expandable={expandable}
            loading={list.isFetching}
            scroll={{ x: 1030 }}
            rowClassName={(c) => `${c.isOverdue ? 'case-row-overdue' : ''} ${nestedRow(c)}`}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={filtered ? t('cases.emptyFiltered') : t('cases.emptyScope')} /> }}
            pagination={pagerOf({
              page,
              pageSize,
              total,
              setPage,
              setPageSize,
              totalText: (total) => (capped ? t('common.totalCapped', { total: total.toLocaleString() }) : t('common.total', { total })),
            })}
            data-testid="cases-table"
          />
        )}
      </Card>
    </>
  );
}
