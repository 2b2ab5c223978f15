import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useLocale, useT, type MessageKey } from '../../i18n/index.tsx';
import { formatDateTime, roleName } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { useAuditEntries, useVerifyAudit, type AuditFilter } from '../../api/audit.ts';
import type { AuditEntry } from '../../api/types.ts';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useWorkT } from '../../i18n/case-work.ts';
import { useTolT } from '../../i18n/tolerated.ts';
import { useLicT } from '../../i18n/licenses.ts';
import { eventDetailText, eventLabel } from '../cases/shared/CaseTimeline.tsx';
import type { Locale } from '../../../common/errors.ts';
import { pagerOf } from '../../components/pager.ts';

const actionKeys: Record<string, MessageKey> = {
  'account.create': 'audit.action.accountCreate',
  'account.lock': 'audit.action.accountLock',
  'account.password_change': 'audit.action.passwordChange',
  'apikey.create': 'audit.action.apikeyCreate',
  'applicant.create': 'audit.action.applicantCreate',
  'applicant.reveal': 'audit.action.applicantReveal',
  'case.revealed': 'audit.action.caseRevealed',
  'hall.create': 'audit.action.hallCreate',
  'hall.update': 'audit.action.hallUpdate',
  'organization.create': 'audit.action.organizationCreate',
  'organization.update': 'audit.action.organizationUpdate',
  'region.create': 'audit.action.regionCreate',
  'region.update': 'audit.action.regionUpdate',
  'role.assign': 'audit.action.roleAssign',
  'role.remove': 'audit.action.roleRemove',
  'session.login': 'audit.action.login',
  'session.logout': 'audit.action.logout',
  'session.revoke': 'audit.action.sessionRevoke',
  'staff.update': 'audit.action.staffUpdate',
  'window.create': 'audit.action.windowCreate',
  'window.staff': 'audit.action.windowStaff',
  'window.update': 'audit.action.windowUpdate',
};

/** Case events of 证照 (a license running out, cancelled) the action filter offers. */
const licenseActions = ['case.license_expiring', 'case.license_cancelled'];

const targetKeys: Record<string, MessageKey> = {
  account: 'audit.target.account',
  applicant: 'audit.target.applicant',
  api_key: 'audit.target.apiKey',
  case: 'audit.target.case',
  hall: 'audit.target.hall',
  organization: 'audit.target.organization',
  region: 'audit.target.region',
  window: 'audit.target.window',
};

/** The keys of a change the trail names in words; any other shows as stored. */
const changeKeys: Record<string, MessageKey> = {
  code: 'audit.key.code',
  date: 'audit.key.date',
  days: 'audit.key.days',
  filter: 'audit.key.filter',
  ip: 'audit.key.ip',
  kind: 'audit.key.kind',
  name: 'audit.key.name',
  note: 'audit.key.note',
  number: 'audit.key.number',
  phone: 'audit.key.phone',
  reason: 'audit.key.reason',
  remarks: 'audit.key.note',
  role: 'audit.key.role',
  roles: 'audit.key.role',
  status: 'audit.key.status',
  until: 'audit.key.until',
  username: 'audit.key.username',
};

type ChangeWords = { t: ReturnType<typeof useT>; lt: ReturnType<typeof useLicT>; tt: ReturnType<typeof useTolT>; locale: Locale };

/** A value of a change as a person reads it: text as it is, a list by its items, a nested record in short. */
function plain(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object' || x === null) ? v.join(', ') : `[${v.length}]`;
  return JSON.stringify(v);
}

/**
 * An entry's change in words: a case action as its timeline tells it (the opinion, the reason, the new deadline …),
 * with the steps that followed; anything else as its fields, named where the trail knows them, empty ones left out.
 */
function changeText(e: AuditEntry, { t, lt, tt, locale }: ChangeWords): string {
  const change = e.change;
  if (change === null || change === undefined) return '—';
  if (typeof change !== 'object' || Array.isArray(change)) return plain(change);
  const fields = change as Record<string, unknown>;
  const sep = locale === 'zh-CN' ? '；' : '; ';
  if (e.action.startsWith('case.')) {
    // the entry carries the case's number beside the event's own fields: the target column shows it
    const { number, ...own } = fields;
    const payload = number === e.targetLabel ? own : fields;
    const steps = [
      { type: e.action.slice(5), payload },
      ...((fields.followedBy as { type?: unknown }[] | undefined) ?? []).map((f) => ({ type: String(f.type), payload: f })),
    ];
    const lines = steps.flatMap((step) => eventDetailText({ type: step.type, payload: step.payload, at: e.at }, lt, tt, locale));
    if (lines.length > 0) return lines.join(sep);
  }
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const shown = Object.entries(fields).filter(
    ([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'followedBy' && !(e.action.startsWith('case.') && k === 'number' && v === e.targetLabel),
  );
  if (shown.length === 0) return '—';
  return shown.map(([k, v]) => `${changeKeys[k] ? t(changeKeys[k]) : k}${colon}${plain(v)}`).join(sep);
}

/** 审计日志: the tamper-evident trail, filterable, with a check that recomputes every hash chain. */
export function AuditPage() {
  const t = useT();
  const tw = useWorkT();
  const tt = useTolT();
  // 证照到期提醒 and 注销证照 are named by the license strings
  const lt = useLicT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const allowed = can(me, 'audit.read');
  const entries = useAuditEntries(filter, page, pageSize, allowed);
  const verify = useVerifyAudit();
  if (!allowed) return <Forbidden />;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 170,
      render: (name: string | null, e) => (
        <div>
          {name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>}
          {/* the platform's own scheduled work is no one's role: 系统 alone */}
          {e.actorRole && name !== null && <div className="cell-sub">{roleName(e.actorRole, locale)}</div>}
        </div>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 190,
      render: (a: string, e) => {
        // a case action: the timeline's name of its first event, and the events that followed it in the same action
        const caseEvent = a.startsWith('case.') ? a.slice(5) : null;
        const followed = caseEvent ? ((e.change as { followedBy?: { type?: unknown; name?: unknown; node?: unknown }[] } | null)?.followedBy ?? []) : [];
        // a stage entered is named, as the timeline names it: 进入「决定」环节
        const then = (f: (typeof followed)[number]) =>
          f.type === 'stage_entered' ? lt('cases.ev.stageEntered', { name: String(f.name ?? f.node ?? '') }) : eventLabel(tw, String(f.type), tt, lt);
        return (
          <div>
            {actionKeys[a] ? t(actionKeys[a]) : caseEvent ? eventLabel(tw, caseEvent, tt, lt) : a}
            {followed.length > 0 && (
              <div className="cell-sub">
                {t('audit.followedBy')}
                {followed.map(then).join(locale === 'zh-CN' ? '、' : ', ')}
              </div>
            )}
            <div className="cell-sub mono">{a}</div>
          </div>
        );
      },
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: 200,
      render: (_v, e) => (
        <span>
          {targetKeys[e.targetType] ? t(targetKeys[e.targetType]) : e.targetType} {/* a case by its number, opening its page; anything else by its id */}
          {e.targetType === 'case' && e.targetLabel ? (
            <Link to={`/workbench/cases/${e.targetId}`} className="mono" data-testid="audit-target-case">
              {e.targetLabel}
            </Link>
          ) : (
            <span className="mono">#{e.targetId}</span>
          )}
        </span>
      ),
    },
    {
      title: t('audit.change'),
      dataIndex: 'change',
      // what changed in words; the whole record, as stored and hashed, is in the expanded row
      ellipsis: { showTitle: false },
      render: (c: unknown, e) => {
        const text = changeText(e, { t, lt, tt, locale });
        return (
          <Tooltip title={text} placement="topLeft">
            <span data-testid="audit-change">{text}</span>
          </Tooltip>
        );
      },
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 120,
      render: (h: string) => (
        <Tooltip title={h}>
          <span className="mono">{h.slice(0, 10)}…</span>
        </Tooltip>
      ),
    },
  ];

  const result = verify.data;
  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {result && (
        <Alert
          className="block-gap"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={result.ok ? 'success' : 'error'}
          data-testid="audit-verdict"
          title={result.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
          description={
            result.ok
              ? t('audit.verifyOkDetail', { entries: result.entries, seals: result.seals })
              : t('audit.verifyBrokenDetail', {
                  id: result.firstBroken?.id ?? '—',
                  stream: result.firstBroken?.stream ?? '—',
                  reason: result.firstBroken?.reason ?? '—',
                })
          }
        />
      )}
      <Card>
        <Space wrap className="filter-bar">
          <Select
            id="audit-target"
            allowClear
            placeholder={t('audit.filterTarget')}
            value={draft.targetType}
            onChange={(targetType?: string) => setDraft((d) => ({ ...d, targetType }))}
            options={Object.entries(targetKeys).map(([value, key]) => ({ value, label: t(key) }))}
            style={{ width: 150 }}
          />
          <Input
            allowClear
            placeholder={t('audit.filterTargetId')}
            value={draft.targetId}
            onChange={(e) => setDraft((d) => ({ ...d, targetId: e.target.value || undefined }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterAction')}
            value={draft.action}
            onChange={(action?: string) => setDraft((d) => ({ ...d, action }))}
            options={[
              ...Object.entries(actionKeys).map(([value, key]) => ({ value, label: `${t(key)} (${value})` })),
              // the licenses' case events, found by their action
              ...licenseActions.map((value) => ({ value, label: `${eventLabel(tw, value.slice(5), tt, lt)} (${value})` })),
            ]}
            style={{ width: 260 }}
          />
          <Button
            type="primary"
            onClick={() => {
              setFilter(draft);
              setPage(1);
            }}
          >
            {t('action.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft({});
              setFilter({});
              setPage(1);
            }}
          >
            {t('action.reset')}
          </Button>
        </Space>
        {entries.isError ? (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={entries.data?.items ?? []}
            loading={entries.isFetching}
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            expandable={{
              expandedRowRender: (e) => <pre className="json-block">{JSON.stringify({ change: e.change, requestId: e.requestId, hash: e.hash }, null, 2)}</pre>,
            }}
            locale={{ emptyText: entries.isPending ? ' ' : <EmptyHint text={t('audit.empty')} /> }}
            pagination={pagerOf({
              page,
              pageSize,
              total: entries.data?.total ?? 0,
              setPage,
              setPageSize,
              totalText: (total) => (entries.data?.totalCapped ? t('common.totalCapped', { total: total.toLocaleString() }) : t('common.total', { total })),
            })}
            data-testid="audit-table"
          />
        )}
      </Card>
    </>
  );
}
