import { useEffect, useState } from 'react';
import { Button, Select, Space, Table, Tag, Tooltip } from 'antd';
import { deliveryChoiceFilterList, type CaseListFilter } from '../../../../common/case-filter.ts';
import type { TableColumnsType } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useCaseBatch, useCases, type CaseSummary } from '../../../api/cases.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { BatchBar, BatchFailures } from '../shared/Batch.tsx';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { DeliverDialog } from './DeliverDialog.tsx';
import { deliveryLabel } from '../shared/labels.tsx';
import { CaseSubjectCell } from '../shared/CaseSubjectCell.tsx';
import { useTolT } from '../../../i18n/tolerated.ts';
import { toleratedDay } from '../shared/Tolerated.tsx';
import { civilDay } from '../shared/Licenses.tsx';

/** 待出件: concluded cases whose results wait for unified delivery (行政许可法 art. 44: within 10 days of the decision). */
export function DeliveryTab() {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  // by how the results go out: the day's post in one batch, the pickups for the window
  const [delivery, setDelivery] = useState<CaseListFilter['delivery']>(undefined);
  // the longest decided first: their art. 44 deadline is nearest
  const list = useCases({ status: 'concluded', delivery }, page, 20, { refetchInterval: 30_000, sort: 'decided' });
  const [delivering, setDelivering] = useState<CaseSummary | null>(null);
  // 批量电子送达: the results asked for electronically go out together (a pickup checks a person, a post a waybill)
  const [chosen, setChosen] = useState<CaseSummary[]>([]);
  useEffect(() => setChosen([]), [page, delivery]);
  const batch = useCaseBatch();
  const { message, notification } = useFeedback();
  const deliverChosen = async () => {
    const { succeeded, failed } = await batch.run(
      chosen.map((c) => ({ caseId: c.id, caseNumber: c.number, body: { action: 'deliver', method: 'electronic' }, key: `deliver-${c.id}-electronic` })),
    );
    setChosen([]);
    if (succeeded > 0) message.success(t('cases.batchDelivered', { n: succeeded }));
    if (failed.length > 0)
      notification.warning({ title: t('cases.batchDeliverFailed', { n: failed.length }), description: <BatchFailures failed={failed} />, duration: 0 });
  };
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.subjectAndNumber'),
      dataIndex: 'subject',
      // a case number (20 characters) on one line
      width: 220,
      render: (_subject: string, c) => <CaseSubjectCell c={c} />,
    },
    { title: t('cases.applicant'), dataIndex: 'applicantName', width: 110 },
    // the rest of the row's width: on a hall's 1366-pixel screen every column is in sight, a long name ends in …
    { title: t('cases.organization'), dataIndex: 'organizationName', ellipsis: true },
    { title: t('cases.decidedAtShort'), dataIndex: 'decidedAt', width: 150, render: (v: string | null) => formatDateTime(v, locale) },
    {
      title: <Tooltip title={t('cases.deliveryDueHint')}>{t('cases.deliveryDue')}</Tooltip>,
      dataIndex: 'delivery',
      width: 170,
      render: (d: CaseSummary['delivery'], c) => (
        <>
          {d && (
            <span data-testid="delivery-due">
              <span>{civilDay(d.dueDate, locale)}</span>{' '}
              {d.workdaysLeft < 0 ? (
                <Tag color="red">{t('cases.deliveryLate', { n: -d.workdaysLeft })}</Tag>
              ) : d.workdaysLeft === 0 ? (
                <Tag color="orange">{t('cases.deliveryToday')}</Tag>
              ) : (
                <Tag color={d.workdaysLeft <= 3 ? 'gold' : 'default'}>{t('cases.deliveryLeft', { n: d.workdaysLeft })}</Tag>
              )}
            </span>
          )}
          {(c.toleratedDueAt || c.revokedAt) && (
            <div className="tag-wrap case-delivery-flags">
              {/* 容缺受理: the result waits for the materials to follow */}
              {c.toleratedDueAt && (
                <Tooltip title={tt('tol.heldTip', { due: toleratedDay(c.toleratedDueAt, locale) })}>
                  <Tag color="orange" data-testid="delivery-held">
                    {tt('tol.heldTag')}
                  </Tag>
                </Tooltip>
              )}
              {c.revokedAt && (
                <Tag color="red" data-testid="delivery-revoked">
                  {tt('tol.revokedTag')}
                </Tag>
              )}
            </div>
          )}
        </>
      ),
    },
    {
      title: t('cases.deliveryChoiceShort'),
      dataIndex: 'deliveryChoice',
      width: 100,
      render: (m: CaseSummary['deliveryChoice']) => (m ? deliveryLabel(t, m) : <span className="cell-sub">—</span>),
    },
    {
      title: '',
      key: 'deliver',
      width: 110,
      fixed: 'right',
      render: (_v, c) => (
        <Button type="primary" size="small" icon={<SendOutlined />} onClick={() => setDelivering(c)} data-testid="delivery-open">
          {t('cases.deliver')}
        </Button>
      ),
    },
  ];
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Space className="block-gap" wrap>
        <span>{t('cases.deliveryChoiceShort')}</span>
        <Select
          id="delivery-filter"
          allowClear
          value={delivery}
          onChange={(v?: CaseListFilter['delivery']) => {
            setDelivery(v);
            setPage(1);
          }}
          placeholder={t('common.all')}
          style={{ width: 180 }}
          options={deliveryChoiceFilterList.map((d) => ({ value: d, label: d === 'none' ? t('cases.deliveryNotChosenShort') : deliveryLabel(t, d) }))}
          data-testid="delivery-filter"
        />
      </Space>
      {chosen.length > 0 && (
        <BatchBar
          title={t('cases.batchDeliverChosen', { n: chosen.length })}
          action={t('cases.batchDeliver')}
          progress={batch.progress}
          running={(p) => t('cases.batchDelivering', p)}
          onRun={() => void deliverChosen()}
          onClear={() => setChosen([])}
          testId="batch-deliver-bar"
          actionTestId="batch-deliver"
        />
      )}
      <Table<CaseSummary>
        rowKey="id"
        rowSelection={{
          selectedRowKeys: chosen.map((c) => c.id),
          onChange: (_keys, rows) => setChosen(rows),
          getCheckboxProps: (c) => ({
            disabled: c.deliveryChoice !== 'electronic' || !!c.toleratedDueAt || !!batch.progress,
            title: c.toleratedDueAt ? tt('tol.batchHeld') : t('cases.batchDeliverHint'),
          }),
        }}
        columns={columns}
        dataSource={(list.data?.items ?? []).filter((c) => c.parentId === null)}
        loading={list.isFetching}
        scroll={{ x: 1040 }}
        locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('cases.toDeliverEmpty')} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid="delivery-table"
      />
      {delivering && (
        <DeliverDialog
          kase={{
            id: delivering.id,
            number: delivering.number,
            subject: delivering.subject,
            applicant: { name: delivering.applicantName, idNumber: '' },
            toleratedDueAt: delivering.toleratedDueAt,
            revokedAt: delivering.revokedAt,
          }}
          onClose={() => setDelivering(null)}
        />
      )}
    </>
  );
}
