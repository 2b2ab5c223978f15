import { useState, type HTMLAttributes } from 'react';
import { Alert, Breadcrumb, Button, Card, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, FileAddOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useLicT } from '../../../i18n/licenses.ts';
import { useHeldLicenses, type CaseStatus, type HeldLicense } from '../../../api/cases.ts';
import { useAgents } from '../../../api/agents.ts';
import { useMe } from '../../../api/auth.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { useNarrow } from '../../../components/useNarrow.ts';
import { StatusTag } from '../shared/labels.tsx';
import { LicenseStateTag, civilDay, dayOf, todayYmd, validUntilColumn } from '../shared/Licenses.tsx';
import '../cases.css';
import './licenses.css';

/** The PDF of a held license (the license document of the case that issued it). */
export const licensePdfUrl = (l: Pick<HeldLicense, 'caseId' | 'id'>) => `/api/v1/cases/${l.caseId}/documents/${l.id}/pdf`;
/** For a license of someone the applicant acts for (代办): whose it is, so that the application is made for them. */
const forHolder = (holderId: number | undefined) => (holderId === undefined ? '' : `&for=${holderId}`);
/** The application page of the license's item, renewing it (延续). */
export const renewUrl = (l: Pick<HeldLicense, 'itemCode' | 'id'>, holderId?: number) =>
  `/apply/${encodeURIComponent(l.itemCode)}?renews=${l.id}${forHolder(holderId)}`;
/** The application page of the license's item, changing what it records (变更). */
export const changeUrl = (l: Pick<HeldLicense, 'itemCode' | 'id'>, holderId?: number) =>
  `/apply/${encodeURIComponent(l.itemCode)}?changes=${l.id}${forHolder(holderId)}`;
/** The application page of the license's item, giving it up (申请注销). */
export const cancelUrl = (l: Pick<HeldLicense, 'itemCode' | 'id'>, holderId?: number) =>
  `/apply/${encodeURIComponent(l.itemCode)}?cancels=${l.id}${forHolder(holderId)}`;

/**
 * 我的证照: the electronic licenses the signed-in applicant holds, with until when each is valid, whether it runs out
 * soon (and by when to renew it), a renewal, a change or a cancellation in hand, and the way to apply for the renewal
 * (延续, 行政许可法 art. 50), for a change of what it records (变更), or to give it up (申请注销, art. 70).
 */
export function MyLicensesPage() {
  const t = useLicT();
  const { locale } = useLocale();
  usePageTitle(t('lic.title'));
  // 代办: besides their own, the licenses of those the applicant acts for — a company they registered holds its 营业执照
  const me = useMe();
  const principals = useAgents(!!me.data?.applicant).data?.actingFor ?? [];
  const [chosenHolder, setHolderId] = useState<number | undefined>(undefined);
  const principal = principals.find((a) => a.principal.applicantId === chosenHolder)?.principal;
  const list = useHeldLicenses(principal?.applicantId);
  const items = list.data?.items ?? [];
  const expiring = items.filter((l) => l.state === 'expiring').length;
  const expired = items.filter((l) => l.state === 'expired').length;
  const narrow = useNarrow();

  // the state in a word on one line; what it means, and by when to act, under it
  const stateCell = (l: HeldLicense) => (
    <div>
      <span className="nowrap-cell">
        <LicenseStateTag license={l} t={t} />
      </span>
      <StateHint license={l} />
    </div>
  );
  // one application for a license at a time: a renewal, a change or a cancellation
  const inHandCell = (l: HeldLicense) => {
    const inHand = l.renewal ?? l.change ?? l.cancellation;
    if (!inHand) return null;
    return (
      <div data-testid={l.renewal ? 'license-renewal' : l.change ? 'license-change-in-hand' : 'license-cancel-in-hand'}>
        {/* a case number (22 characters) on one line */}
        <Link to={`/my/cases/${inHand.id}`} className="mono nowrap-cell license-case-number" data-testid="license-in-hand-number">
          {inHand.number}
        </Link>
        <div>
          <StatusTag status={inHand.status as CaseStatus} t={t} />
        </div>
      </div>
    );
  };
  // a principal's license is renewed, changed or given up by an application made for them (代办)
  const holderId = principal?.applicantId;
  const actionsCell = (l: HeldLicense, orientation: 'vertical' | 'horizontal') => (
    <Space size={2} orientation={orientation} align="start" wrap={orientation === 'horizontal'}>
      {l.mayRenew && (
        <Link to={renewUrl(l, holderId)} data-testid="license-renew">
          <Button size="small" type={l.state === 'expiring' ? 'primary' : 'default'} icon={<SyncOutlined />}>
            {t('lic.renew')}
          </Button>
        </Link>
      )}
      {l.mayChange && (
        <Link to={changeUrl(l, holderId)} data-testid="license-change">
          <Button size="small" icon={<EditOutlined />}>
            {t('lic.change')}
          </Button>
        </Link>
      )}
      {l.mayCancel && (
        <Link to={cancelUrl(l, holderId)} data-testid="license-cancel">
          <Button size="small" danger icon={<StopOutlined />}>
            {t('lic.cancel')}
          </Button>
        </Link>
      )}
      {!principal && l.state === 'expired' && (
        <Link to={`/apply/${encodeURIComponent(l.itemCode)}`} data-testid="license-apply-anew">
          <Button size="small" type="primary" icon={<FileAddOutlined />}>
            {t('lic.applyAnew')}
          </Button>
        </Link>
      )}
      <Link to={`/my/cases/${l.caseId}`} data-testid="license-case">
        <Button size="small" type="link">
          {t('lic.viewCase')}
        </Button>
      </Link>
      <Button size="small" type="link" icon={<DownloadOutlined />} href={licensePdfUrl(l)} target="_blank" data-testid="license-download">
        {t('lic.download')}
      </Button>
    </Space>
  );
  // a phone: each license a card of its own, its state and its end in sight, the actions under it
  const cardColumns: TableColumnsType<HeldLicense> = [
    {
      title: t('lic.title'),
      key: 'license',
      render: (_v, l) => (
        <div className="case-card" data-testid="license-card">
          <div className="license-card-head">
            <Typography.Text strong>{l.type}</Typography.Text>
            {stateCell(l)}
          </div>
          <div className="mono cell-sub" data-testid="license-number">
            {l.number}
          </div>
          <div className="cell-sub">
            {l.issuer} · {dayOf(l.issuedAt, locale)}
          </div>
          <div>
            {t('lic.col.validUntil')} {validUntilColumn(locale, t).render(l.validUntil)}
          </div>
          {inHandCell(l)}
          {actionsCell(l, 'horizontal')}
        </div>
      ),
    },
  ];

  const columns: TableColumnsType<HeldLicense> = [
    { title: t('lic.col.type'), dataIndex: 'type', width: 120, render: (type: string) => <Typography.Text strong>{type}</Typography.Text> },
    {
      title: t('lic.col.number'),
      dataIndex: 'number',
      width: 195,
      render: (n: string) => (
        <span className="mono nowrap-cell" data-testid="license-number">
          {n}
        </span>
      ),
    },
    { title: t('lic.col.issuer'), dataIndex: 'issuer' },
    { title: t('lic.col.issuedAt'), dataIndex: 'issuedAt', width: 104, render: (v: string) => <span className="nowrap-cell">{dayOf(v, locale)}</span> },
    validUntilColumn(locale, t),
    {
      title: t('lic.col.state'),
      dataIndex: 'state',
      width: 156,
      render: (_v, l) => stateCell(l),
    },
    {
      title: t('lic.col.renewal'),
      key: 'renewal',
      // a case number (22 characters of 12 px monospace) on one line
      width: 192,
      render: (_v, l) => inHandCell(l) ?? <span className="cell-sub">{t('lic.noRenewal')}</span>,
    },
    {
      title: t('lic.col.actions'),
      key: 'actions',
      width: 128,
      fixed: 'right',
      render: (_v, l) => actionsCell(l, 'vertical'),
    },
  ];

  return (
    <div className="portal-page" data-testid="my-licenses">
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/my">{t('nav.myAccount')}</Link> }, { title: t('lic.title') }]} />
      <div className="case-page-title">
        <Typography.Title level={2}>{t('lic.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('lic.subtitle')}</Typography.Paragraph>
      {principals.length > 0 && (
        <Space wrap className="block-gap" data-testid="license-holder">
          <label htmlFor="license-holder">{t('lic.holder')}</label>
          <Select
            id="license-holder"
            value={principal?.applicantId ?? 0}
            onChange={(id: number) => setHolderId(id === 0 ? undefined : id)}
            style={{ minWidth: 260, maxWidth: '100%' }}
            options={[
              { value: 0, label: t('lic.holderSelf', { name: me.data?.applicant?.name ?? me.data?.displayName ?? '' }) },
              ...principals.map((a) => ({
                value: a.principal.applicantId,
                label: t('lic.holderPrincipal', { name: a.principal.name, id: a.principal.idNumber }),
              })),
            ]}
          />
        </Space>
      )}
      {principal && <Alert type="info" showIcon className="block-gap" title={t('lic.principalNote')} data-testid="license-principal-note" />}
      {(expiring > 0 || expired > 0) && (
        <Alert
          type={expiring > 0 ? 'warning' : 'error'}
          showIcon
          className="block-gap"
          data-testid="licenses-alert"
          title={t('lic.alertTitle')}
          description={[expiring > 0 ? t('lic.alertExpiring', { n: expiring }) : null, expired > 0 ? t('lic.alertExpired', { n: expired }) : null]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      <Card>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<HeldLicense>
            rowKey="id"
            size="middle"
            columns={narrow ? cardColumns : columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={narrow ? undefined : { x: 1100 }}
            rowClassName={(l) => (l.state === 'expiring' || l.state === 'expired' ? 'case-row-attention' : '')}
            onRow={(l) => ({ 'data-license': l.id, 'data-state': l.state }) as HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: list.isPending ? (
                ' '
              ) : (
                <EmptyHint text={t('lic.empty')}>
                  <Link to="/services">
                    <Button type="primary">{t('cases.findService')}</Button>
                  </Link>
                </EmptyHint>
              ),
            }}
            pagination={items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
            data-testid="licenses-table"
          />
        )}
      </Card>
      <Typography.Paragraph type="secondary" className="block-gap-top cell-sub" data-testid="licenses-legal-note">
        {/* Chinese sentences run on without a space */}
        {[t('lic.legalNote'), t('lic.changeNote')].join(locale === 'en' ? ' ' : '')}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * Under the state: by when to renew, that the deadline passed, that it cannot be renewed any more, why it still holds,
 * or that a renewal, a change or a cancellation is in hand.
 */
function StateHint({ license: l }: { license: HeldLicense }) {
  const t = useLicT();
  const { locale } = useLocale();
  if (l.state === 'expired') return <div className="cell-sub">{t('lic.expiredHint')}</div>;
  if (l.state === 'deemed_renewed') return <div className="cell-sub">{t('lic.deemedHint')}</div>;
  if (l.renewal) return <div className="cell-sub">{t('lic.renewalInProgress')}</div>;
  if (l.change)
    return (
      <div className="cell-sub" data-testid="license-change-hint">
        {t('lic.changeInProgress')}
      </div>
    );
  if (l.cancellation)
    return (
      <div className="cell-sub" data-testid="license-cancel-hint">
        {t('lic.cancelInProgress')}
      </div>
    );
  if (!l.renewBy) return null;
  const date = civilDay(l.renewBy, locale);
  if (l.state === 'expiring')
    return (
      <div className="case-needs-me" data-testid="license-renew-by">
        {l.renewBy < todayYmd() ? t('lic.renewByPast', { date }) : t('lic.renewBy', { date })}
      </div>
    );
  // the item takes the renewal only near the end: from when to when
  if (l.renewFrom && l.renewFrom > todayYmd())
    return (
      <div className="cell-sub" data-testid="license-renew-window">
        {t('lic.renewWindow', { from: civilDay(l.renewFrom, locale), to: date })}
      </div>
    );
  return <div className="cell-sub">{t('lic.renewByLater', { date })}</div>;
}
