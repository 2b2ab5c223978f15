import { useState } from 'react';
import { Button, Card, Col, Input, Row, Segmented, Space, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT, type MessageKey } from '../../i18n/index.tsx';
import { formatDateTime, formatDue } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import {
  useCaseLights,
  useFindings,
  useSummary,
  useTaskLights,
  useWarnings,
  type CaseLight,
  type Finding,
  type Light,
  type TaskLight,
  type Warning,
} from './api.ts';
import { LightBadge } from './shared.tsx';
import { IssueOrderModal } from './IssueOrderModal.tsx';
import { pagerOf } from '../../components/pager.ts';
import { civilDay } from '../cases/shared/Licenses.tsx';

const lights: Light[] = ['red', 'yellow', 'green'];

function usePaging() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  return {
    page,
    query: { limit: pageSize, offset: (page - 1) * pageSize },
    reset: () => setPage(1),
    pagination: (total: number, t: ReturnType<typeof useT>) =>
      pagerOf({ page, pageSize, total, setPage, setPageSize, totalText: (n) => t('common.total', { total: n }) }),
  };
}

function LightFilter({ value, onChange }: { value: Light | undefined; onChange: (l: Light | undefined) => void }) {
  const t = useT();
  return (
    <Segmented
      value={value ?? 'all'}
      onChange={(v) => onChange(v === 'all' ? undefined : (v as Light))}
      options={[{ value: 'all', label: t('sup.light.all') }, ...lights.map((l) => ({ value: l, label: t(`sup.light.${l}` as MessageKey) }))]}
      data-testid="light-filter"
    />
  );
}

function CasesTab({ canOrder }: { canOrder: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const [light, setLight] = useState<Light | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [ordering, setOrdering] = useState<CaseLight | null>(null);
  const paging = usePaging();
  const list = useCaseLights({ ...paging.query, light, q });
  // the columns fit a 1366-pixel screen beside the menu, so nothing slides under the fixed 操作 column: the
  // region is a line under the department, the legal deadline a line under the committed one, and the
  // clock is named only when it is paused
  const columns: TableColumnsType<CaseLight> = [
    {
      title: t('sup.col.light'),
      dataIndex: 'light',
      className: 'nowrap',
      render: (l: Light, c) => (
        <div>
          <LightBadge light={l} t={t} />
          {c.clockState === 'paused' && (
            <div>
              <Tag color="gold">{t('sup.clock.paused')}</Tag>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('sup.col.case'),
      dataIndex: 'subject',
      render: (subject: string, c) => (
        <div>
          <Link to={`/workbench/cases/${c.id}`}>{subject}</Link>
          <div className="sup-sub mono">{c.number}</div>
        </div>
      ),
    },
    {
      title: t('sup.col.org'),
      dataIndex: 'organizationName',
      render: (org: string, c) => (
        <div style={{ minWidth: '8em' }}>
          {org}
          <div className="sup-sub">{c.regionName}</div>
        </div>
      ),
    },
    { title: t('sup.col.warnAt'), dataIndex: 'warnAt', className: 'nowrap', render: (v: string | null) => formatDateTime(v, locale) },
    {
      title: (
        <span>
          {t('sup.col.committedDue')}
          <span className="sup-sub sup-block">{t('sup.col.legalDue')}</span>
        </span>
      ),
      key: 'due',
      className: 'nowrap',
      render: (_: unknown, c) => (
        <div>
          {formatDue(c.committedDueAt, locale)}
          <div className="sup-sub">{formatDue(c.legalDueAt, locale)}</div>
        </div>
      ),
    },
    {
      title: t('sup.col.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, c) => (
        <Space size={4}>
          <Link to={`/workbench/cases/${c.id}`} className="nowrap">
            {t('sup.trail')}
          </Link>
          {canOrder && (
            <Button size="small" type="link" onClick={() => setOrdering(c)} data-testid={`issue-${c.number}`}>
              {t('sup.issue')}
            </Button>
          )}
          {c.openOrders > 0 && <Tag color="volcano">{t('sup.openOrders', { n: c.openOrders })}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space wrap className="filter-bar">
        <LightFilter
          value={light}
          onChange={(l) => {
            setLight(l);
            paging.reset();
          }}
        />
        <Input.Search
          allowClear
          placeholder={t('sup.search')}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            paging.reset();
          }}
          style={{ width: 260 }}
        />
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CaseLight>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          className="sup-table"
          scroll={{ x: true }}
          tableLayout="auto"
          rowClassName={(c) => `sup-row-${c.light}`}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={light || q ? t('sup.empty.casesLight') : t('sup.empty.cases')} /> }}
          pagination={paging.pagination(list.data?.total ?? 0, t)}
          data-testid="case-lights"
        />
      )}
      <IssueOrderModal kase={ordering} onClose={() => setOrdering(null)} />
    </>
  );
}

function TasksTab() {
  const t = useT();
  const { locale } = useLocale();
  const [light, setLight] = useState<Light | undefined>();
  const paging = usePaging();
  const list = useTaskLights({ ...paging.query, light });
  const columns: TableColumnsType<TaskLight> = [
    { title: t('sup.col.light'), dataIndex: 'light', className: 'nowrap', render: (l: Light) => <LightBadge light={l} t={t} /> },
    { title: t('sup.col.task'), dataIndex: 'name', render: (v: string) => <span className="keep-words">{v}</span> },
    {
      title: t('sup.col.case'),
      dataIndex: 'caseSubject',
      render: (subject: string, r) => (
        <div>
          <Link to={`/workbench/cases/${r.caseId}`}>{subject}</Link>
          <div className="sup-sub mono">{r.caseNumber}</div>
        </div>
      ),
    },
    { title: t('sup.col.taskOrg'), dataIndex: 'organizationName', render: (v: string) => <div style={{ minWidth: '8em' }}>{v}</div> },
    { title: t('sup.col.assignee'), dataIndex: 'assigneeName', className: 'nowrap', render: (v: string | null) => v ?? '—' },
    { title: t('sup.col.warnAt'), dataIndex: 'yellowAt', className: 'nowrap', render: (v: string | null) => formatDateTime(v, locale) },
    { title: t('sup.col.due'), dataIndex: 'dueAt', className: 'nowrap', render: (v: string) => formatDue(v, locale) },
  ];
  return (
    <>
      <Space wrap className="filter-bar">
        <LightFilter
          value={light}
          onChange={(l) => {
            setLight(l);
            paging.reset();
          }}
        />
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TaskLight>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          className="sup-table"
          scroll={{ x: true }}
          tableLayout="auto"
          rowClassName={(r) => `sup-row-${r.light}`}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('sup.empty.tasks')} /> }}
          pagination={paging.pagination(list.data?.total ?? 0, t)}
          data-testid="task-lights"
        />
      )}
    </>
  );
}

function WarningsTab() {
  const t = useT();
  const { locale } = useLocale();
  const [level, setLevel] = useState<'yellow' | 'red' | undefined>();
  const paging = usePaging();
  const list = useWarnings({ ...paging.query, level });
  const columns: TableColumnsType<Warning> = [
    { title: t('sup.col.level'), dataIndex: 'level', className: 'nowrap', render: (l: Light) => <LightBadge light={l} t={t} /> },
    {
      title: t('sup.col.case'),
      dataIndex: 'caseSubject',
      render: (subject: string, w) => (
        <div>
          <Link to={`/workbench/cases/${w.caseId}`}>{subject}</Link>
          <div className="sup-sub mono">{w.caseNumber}</div>
        </div>
      ),
    },
    {
      title: t('sup.col.limit'),
      dataIndex: 'limitKind',
      className: 'nowrap',
      render: (k: string, w) => (
        <span>
          {t(`sup.limit.${k}` as MessageKey)}
          {w.taskName && <div className="sup-sub">{w.taskName}</div>}
        </span>
      ),
    },
    { title: t('sup.col.org'), dataIndex: 'organizationName', render: (v: string) => <div style={{ minWidth: '8em' }}>{v}</div> },
    { title: t('sup.col.due'), dataIndex: 'dueAt', className: 'nowrap', render: (v: string) => formatDue(v, locale) },
    { title: t('sup.col.crossedAt'), dataIndex: 'crossedAt', className: 'nowrap', render: (v: string) => formatDateTime(v, locale) },
    { title: t('sup.col.raisedAt'), dataIndex: 'raisedAt', className: 'nowrap', render: (v: string) => formatDateTime(v, locale) },
  ];
  return (
    <>
      <Space wrap className="filter-bar">
        <Segmented
          value={level ?? 'all'}
          onChange={(v) => {
            setLevel(v === 'all' ? undefined : (v as 'yellow' | 'red'));
            paging.reset();
          }}
          options={[
            { value: 'all', label: t('sup.light.all') },
            { value: 'red', label: t('sup.light.red') },
            { value: 'yellow', label: t('sup.light.yellow') },
          ]}
        />
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Warning>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          className="sup-table"
          scroll={{ x: true }}
          tableLayout="auto"
          locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('sup.empty.warnings')} /> }}
          pagination={paging.pagination(list.data?.total ?? 0, t)}
          data-testid="warnings-table"
        />
      )}
    </>
  );
}

function findingDetail(f: Finding, t: ReturnType<typeof useT>, locale: 'zh-CN' | 'en'): string {
  if (f.kind === 'paused_often') return t('sup.finding.detail.paused_often', { n: Number(f.detail.pauses ?? 0) });
  if (f.kind === 'immediate_extended') return t('sup.finding.detail.immediate_extended', { n: Number(f.detail.extensions ?? 0) });
  if (f.kind === 'late_delivery') return t('sup.finding.detail.late_delivery', { n: Number(f.detail.workdaysAfterDecision ?? 0) });
  if (f.kind === 'late_commitment_check')
    return t(f.detail.result === 'broken' ? 'sup.finding.detail.late_commitment_check_broken' : 'sup.finding.detail.late_commitment_check', {
      due: formatDue(String(f.detail.dueAt ?? ''), locale),
    });
  if (f.kind === 'late_renewal')
    return t('sup.finding.detail.late_renewal', {
      number: String(f.detail.licenseNumber ?? ''),
      validUntil: civilDay(typeof f.detail.validUntil === 'string' ? f.detail.validUntil : null, locale),
      decidedAt: formatDateTime(String(f.detail.decidedAt ?? ''), locale),
    });
  return t('sup.finding.detail.late_acceptance', { due: formatDue(String(f.detail.noticeDueAt ?? ''), locale) });
}

function FindingsTab() {
  const t = useT();
  const { locale } = useLocale();
  const paging = usePaging();
  const list = useFindings(paging.query);
  const columns: TableColumnsType<Finding> = [
    {
      title: t('sup.col.kind'),
      dataIndex: 'kind',
      className: 'nowrap',
      render: (k: string) => <Tag color="volcano">{t(`sup.finding.${k}` as MessageKey)}</Tag>,
    },
    {
      title: t('sup.col.case'),
      dataIndex: 'caseSubject',
      render: (subject: string, f) => (
        <div>
          <Link to={`/workbench/cases/${f.caseId}`}>{subject}</Link>
          <div className="sup-sub mono">{f.caseNumber}</div>
        </div>
      ),
    },
    { title: t('sup.col.detail'), key: 'detail', render: (_: unknown, f) => <div style={{ minWidth: '12em' }}>{findingDetail(f, t, locale)}</div> },
    { title: t('sup.col.org'), dataIndex: 'organizationName', render: (v: string) => <div style={{ minWidth: '8em' }}>{v}</div> },
    { title: t('sup.col.foundAt'), dataIndex: 'foundAt', className: 'nowrap', render: (v: string) => formatDateTime(v, locale) },
  ];
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<Finding>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching && !list.data}
      className="sup-table"
      scroll={{ x: true }}
      tableLayout="auto"
      locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('sup.empty.findings')} /> }}
      pagination={paging.pagination(list.data?.total ?? 0, t)}
      data-testid="findings-table"
    />
  );
}

function LightCounts({ counts }: { counts: Record<Light, number> | undefined }) {
  const t = useT();
  return (
    <div className="sup-lights">
      {lights.map((l) => (
        <span key={l} className="sup-light-count">
          <span className={`sup-count sup-count-${l}`} data-testid={`count-${l}`}>
            {counts?.[l] ?? '–'}
          </span>
          <span className="sup-sub">{t(`sup.light.${l}` as MessageKey)}</span>
        </span>
      ))}
    </div>
  );
}

/** 电子监察台: running cases and tasks by light, warnings, suspicious patterns; 督办 from any case. */
export function SupervisionConsolePage() {
  const t = useT();
  const me = useMe().data!;
  const allowed = can(me, 'supervision.read');
  const summary = useSummary();
  if (!allowed) return <Forbidden />;
  const s = summary.data;
  const findings = s ? Object.values(s.findings).reduce((a, b) => a + (b ?? 0), 0) : undefined;
  return (
    <>
      <PageHeader title={t('sup.console.title')} subtitle={t('sup.console.subtitle')} />
      {summary.isError && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
      <Row gutter={[12, 12]} className="block-gap sup-cards" data-testid="sup-summary">
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title={t('sup.card.cases')} loading={summary.isPending} data-testid="card-cases">
            <LightCounts counts={s?.cases} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title={t('sup.card.tasks')} loading={summary.isPending} data-testid="card-tasks">
            <LightCounts counts={s?.tasks} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title={t('sup.card.warnings')} loading={summary.isPending} data-testid="card-warnings">
            <div className="sup-count">{s ? s.warnings.yellow + s.warnings.red : '–'}</div>
            <div className="sup-sub">{s && t('sup.card.warningsDetail', s.warnings)}</div>
            <div className="sup-sub">{s && t('sup.card.pending', { n: s.pending })}</div>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            size="small"
            title={t('sup.card.orders')}
            loading={summary.isPending}
            extra={<Link to="/workbench/supervision/orders">{t('sup.nav.orders')}</Link>}
            data-testid="card-orders"
          >
            <div className="sup-count">{s ? s.orders.open + s.orders.replied + s.orders.escalated + s.orders.closed : '–'}</div>
            <div className="sup-sub">
              {s &&
                t('sup.card.ordersDetail', {
                  open: s.orders.open + s.orders.escalated,
                  replied: s.orders.replied,
                  closed: s.orders.closed,
                  late: s.orders.late,
                  escalations: s.orders.escalations,
                })}
            </div>
            <div className="sup-sub">
              {t('sup.card.findings')}: {findings ?? '–'}
            </div>
          </Card>
        </Col>
      </Row>
      <Card>
        <Tabs
          items={[
            { key: 'cases', label: t('sup.tab.cases'), children: <CasesTab canOrder={can(me, 'supervision.order')} /> },
            { key: 'tasks', label: t('sup.tab.tasks'), children: <TasksTab /> },
            { key: 'warnings', label: t('sup.tab.warnings'), children: <WarningsTab /> },
            { key: 'findings', label: t('sup.tab.findings'), children: <FindingsTab /> },
          ]}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
