import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, DatePicker, Divider, Input, Segmented, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CoffeeOutlined, ThunderboltFilled } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import { can, useMe } from '../../../api/auth.ts';
import {
  useAway,
  useBatchClaim,
  useCommitmentChecks,
  useInbox,
  type Inbox,
  type InboxExtensionRequest,
  type InboxFilter,
  type InboxPost,
  type InboxTask,
} from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { DecideExtensionDialog } from './CaseCollab.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../../components/PageState.tsx';
import { roleLabel } from '../shared/labels.tsx';
import { oneOf, positiveInt, useUrlFilter } from '../../../components/useUrlFilter.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';
import '../cases.css';
import { BatchBar, BatchFailures } from '../shared/Batch.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { CommitmentChecksTab } from './CommitmentChecksTab.tsx';

// the search text stays out of the address: it may be an applicant's name (browser history, referrers)
const inboxFilterKeys = ['itemId', 'stage', 'state', 'urgent', 'due', 'sort'] as const;
/** The inbox's filter from its address (`/workbench/tasks?due=overdue`, as the home page's counts link to it). */
const inboxFilterFrom = (p: URLSearchParams): InboxFilter => ({
  itemId: positiveInt(p.get('itemId')),
  stage: p.get('stage') || undefined,
  state: oneOf(['open', 'claimed'] as const, p.get('state')),
  urgent: p.get('urgent') === 'true' || undefined,
  due: oneOf(['overdue', 'today', 'soon'] as const, p.get('due')),
  sort: oneOf(['due', 'arrived', '-arrived'] as const, p.get('sort')),
});

/**
 * 待办: open tasks of my posts, urgent (green channel) first, then by due time; open one to work the case. A second
 * tab (`?tab=checks`) lists the checks after a grant by commitment (事后核查) my departments owe.
 */
export function InboxPage() {
  const t = useWorkT();
  const ct = useCommitT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'checks' ? 'checks' : 'tasks';
  const chooseTab = (key: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (key === 'checks') next.set('tab', 'checks');
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );
  // the checks waiting, counted on the tab
  const pendingChecks = useCommitmentChecks('pending', 1, 1, can(me, 'case.handle'));
  const [mine, setMine] = useState(true);
  const [deciding, setDeciding] = useState<{ request: InboxExtensionRequest; approve: boolean } | null>(null);
  const [filter, setFilter] = useUrlFilter<InboxFilter>(inboxFilterKeys, inboxFilterFrom);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const inbox = useInbox(mine, can(me, 'case.handle'), filter, page, pageSize);
  const [chosen, setChosen] = useState<InboxTask[]>([]);
  // what is chosen is what is shown: another page, filter or whose tasks starts afresh
  useEffect(() => setChosen([]), [filter, page, pageSize, mine]);
  const batch = useBatchClaim();
  const { message, notification } = useFeedback();
  const claimChosen = async () => {
    const { claimed, failed } = await batch.run(chosen);
    setChosen([]);
    if (claimed > 0) message.success(t('batch.claimed', { n: claimed }));
    if (failed.length > 0)
      notification.warning({
        title: t('batch.failed', { n: failed.length }),
        description: <BatchFailures failed={failed} />,
        duration: 0,
      });
  };
  const narrow = useCallback(
    (change: Partial<InboxFilter>) => {
      setFilter((f) => ({ ...f, ...change }));
      setPage(1);
    },
    [setFilter],
  );
  if (!can(me, 'case.handle')) return <Forbidden />;
  const filtered = Object.entries(filter).some(([k, v]) => k !== 'sort' && v !== undefined && v !== '' && v !== false);
  // the column the inbox is ordered by: the deadline (urgent first), or arrival either way
  const sortOrder = (column: 'due' | 'arrived'): 'ascend' | 'descend' | null => {
    const sort = filter.sort ?? 'due';
    if (column === 'due') return sort === 'due' ? 'ascend' : null;
    if (sort === 'arrived') return 'ascend';
    return sort === '-arrived' ? 'descend' : null;
  };
  const columns: TableColumnsType<InboxTask> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      // a case number (20 characters) on one line
      width: 210,
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
          <span className="tag-wrap">
            {x.kind === 'cosign' && <Tag color="purple">{t('task.kind.cosign')}</Tag>}
            {x.delegated && <Tag color="cyan">{t('task.delegated')}</Tag>}
            {x.urgedCount > 0 && <Tag color="volcano">{t('task.urged', { n: x.urgedCount })}</Tag>}
            {x.pausedFor && (
              <Tag color="gold" data-testid="inbox-paused">
                {x.pausedFor === 'supplement'
                  ? t('task.pausedSupplement')
                  : x.pausedFor === 'registration'
                    ? t('task.pausedRegistration')
                    : t('task.pausedSpecial')}
              </Tag>
            )}
          </span>
        </div>
      ),
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 120 },
    {
      title: t('cases.task'),
      dataIndex: 'name',
      width: 170,
      render: (name: string, x) => (
        <div>
          {name}
          <div className="cell-sub">
            {x.organizationName} · <span className="nowrap">{roleLabel(t, x.role)}</span>
          </div>
        </div>
      ),
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 100,
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
      key: 'due',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('due'),
      sortDirections: ['ascend'],
      render: (due: string | null) => {
        const overdue = !!due && Date.parse(due) < Date.now();
        return (
          <span className={overdue ? 'case-overdue' : undefined}>
            {formatDue(due, locale)}
            {overdue && (
              <Tag color="red" className="case-overdue-tag">
                {t('cases.overdue')}
              </Tag>
            )}
          </span>
        );
      },
    },
    {
      title: t('cases.arrivedAt'),
      dataIndex: 'createdAt',
      key: 'arrived',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('arrived'),
      sortDirections: ['ascend', 'descend'],
      render: (v: string) => formatDateTime(v, locale),
    },
    {
      title: '',
      key: 'open',
      width: 90,
      fixed: 'right',
      render: (_v, x) => (
        <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${x.caseId}`)} data-testid="inbox-open">
          {t('cases.handle')}
        </Button>
      ),
    },
  ];
  const tasks = (
    <>
      {inbox.data && <PostNotices post={inbox.data.post} />}
      {inbox.data && inbox.data.extensionRequests.length > 0 && (
        <Card title={t('ext.inboxTitle', { n: inbox.data.extensionRequests.length })} className="block-gap" data-testid="inbox-extensions">
          <Table<InboxExtensionRequest>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={inbox.data.extensionRequests}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('cases.subjectAndNumber'),
                dataIndex: 'subject',
                render: (subject: string, e) => (
                  <div>
                    <Link to={`/workbench/cases/${e.caseId}`} className="case-link">
                      {subject}
                    </Link>
                    <div className="cell-sub mono">{e.caseNumber}</div>
                  </div>
                ),
              },
              { title: t('cases.extendDays'), dataIndex: 'days', width: 150, render: (days: number) => t('ext.days', { days }) },
              { title: t('cases.reason'), dataIndex: 'reason' },
              {
                title: t('cases.applicant'),
                key: 'by',
                width: 200,
                render: (_v, e) => <span className="cell-sub">{t('ext.by', { name: e.requestedBy, at: formatDateTime(e.createdAt, locale) })}</span>,
              },
              {
                title: '',
                key: 'decide',
                width: 170,
                fixed: 'right',
                render: (_v, e) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding({ request: e, approve: true })} data-testid="inbox-extension-approve">
                      {t('ext.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ request: e, approve: false })} data-testid="inbox-extension-refuse">
                      {t('ext.refuse')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {deciding && (
        <DecideExtensionDialog
          caseId={deciding.request.caseId}
          request={deciding.request}
          approve={deciding.approve}
          subtitle={`${deciding.request.caseNumber} · ${deciding.request.subject}`}
          onClose={() => {
            setDeciding(null);
            void inbox.refetch();
          }}
        />
      )}
      <Card>
        <InboxFilters
          filter={filter}
          facets={inbox.data?.facets}
          onChange={narrow}
          onReset={() => {
            setFilter((f) => ({ sort: f.sort }));
            setPage(1);
          }}
          filtered={filtered}
        />
        {chosen.length > 0 && (
          <BatchBar
            title={t('batch.selected', { n: chosen.length })}
            action={t('batch.claim')}
            progress={batch.progress}
            running={(p) => t('batch.claiming', p)}
            onRun={() => void claimChosen()}
            onClear={() => setChosen([])}
            testId="batch-bar"
            actionTestId="batch-claim"
          />
        )}
        {inbox.isError ? (
          <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : (
          <Table<InboxTask>
            rowKey="id"
            rowSelection={{
              selectedRowKeys: chosen.map((x) => x.id),
              onChange: (_keys, rows) => setChosen(rows),
              getCheckboxProps: (x) => ({ disabled: x.state !== 'open' || !!batch.progress, title: t('batch.hint') }),
            }}
            columns={columns}
            dataSource={inbox.data?.items ?? []}
            loading={inbox.isFetching}
            pagination={{
              current: page,
              pageSize,
              total: inbox.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination, _filters, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const sort: InboxFilter['sort'] = s?.columnKey === 'arrived' && s.order ? (s.order === 'ascend' ? 'arrived' : '-arrived') : undefined;
              if (sort !== filter.sort) {
                setFilter((f) => ({ ...f, sort }));
                setPage(1);
                return;
              }
              setPage(pagination.current ?? 1);
              setPageSize(pagination.pageSize ?? 20);
            }}
            scroll={{ x: 1000 }}
            rowClassName={(x) => (x.isUrgent ? 'case-row-urgent' : '')}
            onRow={(x) => ({ onDoubleClick: () => navigate(`/workbench/cases/${x.caseId}`) })}
            locale={{
              emptyText: inbox.isPending ? ' ' : <EmptyHint text={t(filtered ? 'inbox.noMatch' : 'cases.inboxEmpty')} />,
            }}
            data-testid="inbox-table"
          />
        )}
      </Card>
    </>
  );
  return (
    <>
      <PageHeader
        title={t('cases.inbox')}
        subtitle={tab === 'checks' ? ct('commit.tabHint') : t('cases.inboxSubtitle')}
        extra={
          tab === 'tasks' ? (
            <Space wrap separator={<Divider orientation="vertical" />}>
              {inbox.data && <AwayControl post={inbox.data.post} />}
              <Segmented
                value={mine ? 'mine' : 'all'}
                onChange={(v) => {
                  setMine(v === 'mine');
                  setPage(1);
                }}
                options={[
                  { value: 'mine', label: t('cases.inboxMine') },
                  { value: 'all', label: t('cases.inboxAll') },
                ]}
              />
            </Space>
          ) : undefined
        }
      />
      <Tabs
        activeKey={tab}
        onChange={chooseTab}
        data-testid="inbox-tabs"
        items={[
          { key: 'tasks', label: t('inbox.tabTasks'), children: tasks },
          {
            key: 'checks',
            label: (
              <span data-testid="inbox-tab-checks">
                {ct('commit.tab')} {pendingChecks.data?.total ? <Badge count={pendingChecks.data.total} size="small" className="case-tab-badge" /> : null}
              </span>
            ),
            children: <CommitmentChecksTab />,
          },
        ]}
      />
    </>
  );
}

/**
 * The inbox's filters: a case number, applicant or item typed in; the item and the stage, with how many
 * tasks each has; how near the deadline is; claimed or not; the green channel only.
 */
function InboxFilters({
  filter,
  facets,
  onChange,
  onReset,
  filtered,
}: {
  filter: InboxFilter;
  facets: Inbox['facets'] | undefined;
  onChange: (change: Partial<InboxFilter>) => void;
  onReset: () => void;
  filtered: boolean;
}) {
  const t = useWorkT();
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => {
    const h = setTimeout(() => {
      if ((filter.q ?? '') !== text.trim()) onChange({ q: text.trim() || undefined });
    }, 300);
    return () => clearTimeout(h);
  }, [text, filter.q, onChange]);
  useEffect(() => {
    if (filter.q === undefined) setText('');
  }, [filter.q]);
  return (
    <Space wrap className="block-gap inbox-filters" data-testid="inbox-filters">
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        placeholder={t('inbox.search')}
        style={{ width: 260 }}
        data-testid="inbox-search"
      />
      <Select
        id="inbox-item"
        allowClear
        value={filter.itemId}
        onChange={(itemId?: number) => onChange({ itemId })}
        placeholder={t('inbox.item')}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
        options={(facets?.items ?? []).map((i) => ({ value: i.itemId, label: `${i.name}（${i.n}）` }))}
      />
      <Select
        id="inbox-stage"
        allowClear
        value={filter.stage}
        onChange={(stage?: string) => onChange({ stage })}
        placeholder={t('inbox.stage')}
        style={{ width: 150 }}
        options={(facets?.stages ?? []).map((x) => ({ value: x.stage, label: `${x.name}（${x.n}）` }))}
      />
      <Select
        id="inbox-due"
        allowClear
        value={filter.due}
        onChange={(due?: InboxFilter['due']) => onChange({ due })}
        placeholder={t('inbox.due')}
        style={{ width: 140 }}
        options={(['overdue', 'today', 'soon'] as const).map((d) => ({ value: d, label: t(`inbox.due.${d}`) }))}
      />
      <Segmented
        value={filter.state ?? 'any'}
        onChange={(v) => onChange({ state: v === 'any' ? undefined : (v as InboxFilter['state']) })}
        options={[
          { value: 'any', label: t('inbox.state.any') },
          { value: 'open', label: t('cases.unclaimed') },
          { value: 'claimed', label: t('inbox.state.claimed') },
        ]}
        data-testid="inbox-state"
      />
      <Checkbox checked={!!filter.urgent} onChange={(e) => onChange({ urgent: e.target.checked || undefined })} data-testid="inbox-urgent">
        {t('inbox.urgentOnly')}
      </Checkbox>
      {filtered && (
        <Button type="link" onClick={onReset} data-testid="inbox-reset">
          {t('inbox.reset')}
        </Button>
      )}
    </Space>
  );
}

/** AB 岗: whom the caller covers for now, or that only urgent tasks of the A post show. */
function PostNotices({ post }: { post: InboxPost }) {
  const t = useWorkT();
  const { locale } = useLocale();
  if (post.covering.length > 0)
    return (
      <Alert
        type="warning"
        showIcon
        className="block-gap"
        data-testid="covering-notice"
        title={t('away.covering', {
          names: post.covering
            .map((c) => (c.awayUntil ? t('away.coveringUntil', { name: c.name, until: formatDateTime(c.awayUntil, locale) }) : c.name))
            .join(t('cases.listSep')),
        })}
      />
    );
  if (post.backupOnly) return <Alert type="info" showIcon className="block-gap" data-testid="backup-notice" title={t('away.backupOnly')} />;
  return null;
}

/** "I am away until …" (leave, trip): the B post covers meanwhile; "I am back" ends it. */
function AwayControl({ post }: { post: InboxPost }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const [until, setUntil] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key, renew] = useIdempotencyKey();
  const away = useAway();
  const send = (value: string | null) => {
    setError(null);
    away.mutate(
      { body: { until: value, reason: value ? reason.trim() || null : null }, key },
      {
        onSuccess: () => {
          renew();
          setUntil(null);
          setReason('');
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  if (post.awayUntil)
    return (
      <Space data-testid="away-control">
        <Tag color="orange" icon={<CoffeeOutlined />} data-testid="away-state">
          {t('away.isAwayShort', { until: formatDateTime(post.awayUntil, locale) })}
        </Tag>
        <Button size="small" loading={away.isPending} onClick={() => send(null)} data-testid="away-back">
          {t('away.back')}
        </Button>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    );
  return (
    <Space wrap data-testid="away-control">
      {/* what the row is for: going away hands the A post's tasks to the B post meanwhile */}
      <Tooltip title={t('away.hint')}>
        <Typography.Text type="secondary">
          <CoffeeOutlined /> {t('away.title')}
        </Typography.Text>
      </Tooltip>
      <DatePicker
        id="away-until"
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        placeholder={t('away.setUntil')}
        value={until}
        onChange={setUntil}
        disabledDate={(d) => d.isBefore(dayjs().startOf('day')) || d.isAfter(dayjs().add(1, 'year'))}
      />
      <Input size="middle" style={{ width: 230 }} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('away.reason')} />
      <Button icon={<CoffeeOutlined />} disabled={!until} loading={away.isPending} onClick={() => until && send(until.toISOString())} data-testid="away-mark">
        {t('away.mark')}
      </Button>
      {error && (
        <Typography.Text type="danger" data-testid="away-error">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}
