import { useEffect, useState, type HTMLAttributes } from 'react';
import { Button, Card, Input, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/index.tsx';
import { useLicT } from '../../i18n/licenses.ts';
import { can, useMe } from '../../api/auth.ts';
import type { CaseStatus } from '../../api/cases.ts';
import { issuedFilterStates, useBatchCancelLicenses, useIssuedLicenses, type IssuedFilterState, type IssuedLicense } from '../../api/licenses.ts';
import { useFeedback } from '../../components/feedback-context.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyHint, ErrorState, Forbidden } from '../../components/PageState.tsx';
import { oneOf, useUrlFilter } from '../../components/useUrlFilter.ts';
import { StatusTag } from '../cases/shared/labels.tsx';
import { LicenseStateTag, cancelGroundLabel, civilDay, dayOf, todayYmd, validUntilColumn } from '../cases/shared/Licenses.tsx';
import { BatchBar, BatchFailures } from '../cases/shared/Batch.tsx';
import { CancelLicenseDialog } from './CancelLicenseDialog.tsx';
import { BatchCancelLicensesDialog, batchRefusal } from './BatchCancelLicensesDialog.tsx';
import '../cases/cases.css';
import '../cases/portal/licenses.css';
import './licenses-admin.css';
import { pagerOf } from '../../components/pager.ts';

type LedgerFilter = { state?: IssuedFilterState };
// the search text stays out of the address: it may be a person's name (browser history, referrers)
const ledgerFilterKeys = ['state'] as const;
/** The ledger's filter from its address (`/workbench/licenses?state=expiring`). */
const ledgerFilterFrom = (p: URLSearchParams): LedgerFilter => ({ state: oneOf(issuedFilterStates, p.get('state')) });
/** 批量注销 takes what ran out without renewal: not one deemed renewed (its renewal in hand), nor another's. */
const batchCancellable = (l: IssuedLicense) => l.mayCancel && l.state === 'expired';

/**
 * 证照管理: the licenses the caller's department issued (the center: its region's), by state — 即将到期 those whose
 * renewal falls due — or by number or holder, with the renewal or change in hand and the case that issued each; 核验
 * opens the public check, and the issuing department cancels one that no longer holds (注销, 行政许可法 art. 70) —
 * under 已过期, those that ran out without renewal together (批量注销, art. 70 (一)).
 */
export function IssuedLicensesPage() {
  const t = useLicT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const allowed = can(me, 'case.read');
  const [filter, setFilter] = useUrlFilter<LedgerFilter>(ledgerFilterKeys, ledgerFilterFrom);
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [cancelling, setCancelling] = useState<IssuedLicense | null>(null);
  const list = useIssuedLicenses({ state: filter.state, q }, page, pageSize, allowed);
  // 批量注销: the rows ticked under 已过期 — what is chosen is what is shown, so another page or filter starts afresh
  const [chosenIds, setChosenIds] = useState<number[]>([]);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setChosenIds([]), [filter.state, q, page, pageSize]);
  const batch = useBatchCancelLicenses();
  const { message, notification } = useFeedback();
  if (!allowed) return <Forbidden />;

  const rows = list.data?.items ?? [];
  // rows refreshed meanwhile (cancelled in the dialog, or gone from 已过期) drop out of the choice
  const chosen = rows.filter((l) => chosenIds.includes(l.id) && batchCancellable(l));
  const batchable = filter.state === 'expired' && rows.some((l) => l.mayCancel);
  const cancelChosen = async (note: string | null) => {
    setConfirming(false);
    const { cancelled, missed } = await batch.run(chosen, note);
    setChosenIds([]);
    if (missed.length === 0) {
      message.success(t('lic.batch.done', { n: cancelled }));
      return;
    }
    notification.warning({
      title: t('lic.batch.result', { done: cancelled, left: missed.length }),
      description: <BatchFailures failed={missed.map((m) => ({ number: m.number, message: batchRefusal(m.error, t) }))} />,
      duration: 0,
    });
  };

  const filtered = !!filter.state || !!q;
  const columns: TableColumnsType<IssuedLicense> = [
    {
      title: t('lic.adm.col.license'),
      dataIndex: 'number',
      width: 220,
      render: (n: string, l) => (
        <div>
          <Typography.Text strong>{l.type}</Typography.Text>
          <div className="mono nowrap-cell" data-testid="license-number">
            {n}
          </div>
          <div className="cell-sub nowrap-cell">
            {t('lic.adm.col.case')}
            {t('cases.colon')}
            <Link to={`/workbench/cases/${l.caseId}`} className="mono" style={{ fontSize: 12 }} data-testid="license-case">
              {l.caseNumber}
            </Link>
          </div>
        </div>
      ),
    },
    {
      title: t('lic.adm.col.holder'),
      dataIndex: 'holder',
      render: (holder: string, l) => (
        <div data-testid="license-holder">
          {holder}
          {l.holderKind === 'person' && <div className="cell-sub">{t('lic.adm.person')}</div>}
        </div>
      ),
    },
    {
      title: t('lic.adm.col.issuer'),
      dataIndex: 'issuer',
      width: 170,
      render: (issuer: string, l) => (
        <div>
          {issuer}
          <div className="cell-sub nowrap-cell" data-testid="license-issued-at">
            {dayOf(l.issuedAt, locale)}
          </div>
        </div>
      ),
    },
    validUntilColumn(locale, t),
    {
      title: t('lic.col.state'),
      dataIndex: 'state',
      width: 220,
      render: (_v, l) => (
        <div>
          <LicenseStateTag license={l} t={t} />
          <LedgerStateHint license={l} />
          {/* 延续, 变更 or 注销 in hand: the application's case and where it is */}
          {inHandOf(l).map(({ what, testId, label }) => (
            <div className="cell-sub" data-testid={testId} key={testId}>
              {t(label)}
              {t('cases.colon')}
              <Link to={`/workbench/cases/${what.id}`} className="mono">
                {what.number}
              </Link>{' '}
              <StatusTag status={what.status as CaseStatus} t={t} />
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t('lic.col.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_v, l) => (
        <Space size={0} orientation="vertical" align="start">
          <Button
            size="small"
            type="link"
            icon={<SafetyCertificateOutlined />}
            href={`/verify/${encodeURIComponent(l.number)}`}
            target="_blank"
            rel="noreferrer"
            data-testid="license-verify"
          >
            {t('lic.adm.verify')}
          </Button>
          {l.mayCancel && (
            <Button size="small" type="link" danger icon={<StopOutlined />} onClick={() => setCancelling(l)} data-testid="license-cancel">
              {t('lic.adm.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const choose = (state: IssuedFilterState | undefined) => {
    setFilter({ state });
    setPage(1);
  };
  const search = (value: string) => {
    setQ(value.trim() || undefined);
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t('licnav.ledger')} subtitle={t('lic.adm.subtitle')} />
      <Card>
        <div className="license-ledger-bar">
          <Segmented<IssuedFilterState | 'all'>
            value={filter.state ?? 'all'}
            onChange={(v) => choose(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: t('lic.adm.filter.all') }, ...issuedFilterStates.map((s) => ({ value: s, label: t(`lic.adm.filter.${s}`) }))]}
            data-testid="license-state-filter"
          />
          <Space wrap>
            <Input.Search
              allowClear
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                // cleared with its button: the whole ledger again
                if (!e.target.value && q) search('');
              }}
              onSearch={search}
              placeholder={t('lic.adm.search')}
              style={{ width: 280 }}
              maxLength={60}
              data-testid="license-search"
            />
            {filtered && (
              <Button
                type="link"
                onClick={() => {
                  setText('');
                  setQ(undefined);
                  choose(undefined);
                }}
                data-testid="license-filter-reset"
              >
                {t('lic.adm.reset')}
              </Button>
            )}
          </Space>
        </div>
        {filter.state === 'expiring' && (
          <Typography.Paragraph type="secondary" className="license-ledger-note cell-sub">
            {t('lic.adm.expiringNote')}
          </Typography.Paragraph>
        )}
        {filter.state === 'expired' && (
          <Typography.Paragraph type="secondary" className="license-ledger-note cell-sub">
            {t('lic.adm.expiredNote')}
          </Typography.Paragraph>
        )}
        {batchable && chosen.length > 0 && (
          <BatchBar
            title={t('lic.batch.chosen', { n: chosen.length })}
            action={t('lic.batch.cancel')}
            progress={batch.progress}
            running={(p) => t('lic.batch.cancelling', p)}
            onRun={() => setConfirming(true)}
            onClear={() => setChosenIds([])}
            testId="batch-cancel-bar"
            actionTestId="batch-cancel"
          />
        )}
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<IssuedLicense>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            rowSelection={
              batchable
                ? {
                    selectedRowKeys: chosen.map((l) => l.id),
                    onChange: (keys) => setChosenIds(keys as number[]),
                    getCheckboxProps: (l) => ({
                      disabled: !batchCancellable(l) || !!batch.progress,
                      title: l.state === 'deemed_renewed' ? t('lic.batch.deemedHint') : t('lic.batch.pickHint'),
                    }),
                  }
                : undefined
            }
            loading={list.isFetching}
            scroll={{ x: 990 }}
            rowClassName={(l) => (l.state === 'expiring' ? 'case-row-attention' : '')}
            onRow={(l) => ({ 'data-license': l.id, 'data-state': l.state }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={filtered ? t('lic.adm.emptyFiltered') : t('lic.adm.empty')} /> }}
            pagination={pagerOf({ page, pageSize, total: list.data?.total ?? 0, setPage, setPageSize, totalText: (total) => t('common.total', { total }) })}
            data-testid="issued-licenses-table"
          />
        )}
      </Card>
      {cancelling && <CancelLicenseDialog license={cancelling} onClose={() => setCancelling(null)} />}
      {confirming && chosen.length > 0 && (
        <BatchCancelLicensesDialog licenses={chosen} onConfirm={(note) => void cancelChosen(note)} onClose={() => setConfirming(false)} />
      )}
    </>
  );
}

/** What is in hand for a license: its renewal, change or cancellation applied for (one at a time). */
function inHandOf(l: IssuedLicense) {
  const all = [
    { what: l.renewal, testId: 'license-renewal', label: 'lic.adm.renewal' as const },
    { what: l.change, testId: 'license-change-in-hand', label: 'lic.adm.change' as const },
    { what: l.cancellation, testId: 'license-cancel-in-hand', label: 'lic.adm.cancellation' as const },
  ];
  return all.flatMap((x) => (x.what ? [{ ...x, what: x.what }] : []));
}

/** Under the state: by when the renewal falls due, or when and why the license was cancelled. */
function LedgerStateHint({ license: l }: { license: IssuedLicense }) {
  const t = useLicT();
  const { locale } = useLocale();
  if (l.state === 'cancelled') {
    const ground = l.cancelGround ? cancelGroundLabel(l.cancelGround, l.itemType, locale) : null;
    return (
      <Tooltip title={[ground, l.cancelNote].filter(Boolean).join(' · ') || undefined}>
        <div className="cell-sub" data-testid="license-cancelled">
          {t('lic.adm.cancelledOn', { date: dayOf(l.cancelledAt, locale) })}
          {ground && <div>{ground}</div>}
        </div>
      </Tooltip>
    );
  }
  if (l.state === 'deemed_renewed') return <div className="cell-sub">{t('lic.deemedHint')}</div>;
  if (l.state === 'expiring' && l.renewBy) {
    const date = civilDay(l.renewBy, locale);
    return (
      <div className="case-needs-me" data-testid="license-renew-by">
        {l.renewBy < todayYmd() ? t('lic.adm.renewByPast', { date }) : t('lic.renewByLater', { date })}
      </div>
    );
  }
  return null;
}
