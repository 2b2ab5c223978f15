import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { caseFeesStrings, useFeesT, type FeesKey } from '../../../i18n/case-fees.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import {
  billOwed,
  paymentAbandoned,
  useCaseFees,
  useFeeAction,
  useStartPayment,
  yuan,
  type CaseFees,
  type ExpectedFee,
  type FeeLine,
  type Payment,
} from '../../../api/case-fees.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';

const statusColor = { unpaid: 'orange', paid: 'green', waived: 'default', refunded: 'purple' } as const;
type WindowAction = 'pay' | 'assess' | 'reduce' | 'waive';

/**
 * 收费: the case's fee lines, totals and payments. At the window a clerk assesses, reduces or waives a
 * line (with the reason), takes cash or card, refunds a duplicate online payment, and gives back what was paid for a
 * service not rendered (退费: withdrawn, refused, denied); the applicant pays online through the provider's page.
 */
export function FeesPanel({ caseId, mode }: { caseId: number; mode: 'window' | 'applicant' | 'view' }) {
  const t = useFeesT();
  const { locale } = useLocale();
  const fees = useCaseFees(caseId);
  const [params] = useSearchParams();
  const returned = params.get('payment');
  const [acting, setActing] = useState<{ line: FeeLine; action: WindowAction } | null>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  // a bill that came in is a new document and a step of the case: the case's other views follow
  const billsIn =
    fees.data?.payments.reduce((n, p) => n + (p.fiscalBill?.status === 'issued' ? 1 : 0) + (p.fiscalBill?.reversal?.status === 'issued' ? 1 : 0), 0) ?? 0;
  const queryClient = useQueryClient();
  const seen = useRef(billsIn);
  useEffect(() => {
    if (billsIn > seen.current)
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'cases' && q.queryKey[2] === caseId && q.queryKey[1] !== 'fees' });
    seen.current = billsIn;
  }, [billsIn, caseId, queryClient]);
  return (
    <QueryState query={fees} rows={3}>
      {(data) =>
        data.lines.length === 0 ? (
          data.expected.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fees.none')} />
          ) : (
            <div data-testid="fees-panel">
              <ExpectedFees fees={data.expected} mode={mode} />
            </div>
          )
        ) : (
          <div data-testid="fees-panel">
            {mode === 'applicant' && returned && <ReturnNotice payment={data.payments.find((p) => p.reference === returned)} fees={data} t={t} />}
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.lines}
              scroll={{ x: true }}
              columns={[
                {
                  title: t('fees.item'),
                  key: 'name',
                  render: (_v, l) => (
                    <>
                      <Typography.Text strong>{l.name}</Typography.Text>
                      <div className="cell-sub">
                        {t(l.chargeAt === 'acceptance' ? 'fees.chargeAt.acceptance' : 'fees.chargeAt.decision')} · {l.standard}
                      </div>
                    </>
                  ),
                },
                {
                  title: t('fees.amount'),
                  key: 'amount',
                  align: 'right',
                  // the heading and 待窗口核定 on one line
                  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
                  render: (_v, l) => (
                    <>
                      <span className="mono" style={{ whiteSpace: 'nowrap' }}>
                        {l.amountCents === null ? t('fees.unassessed') : yuan(l.amountCents)}
                      </span>
                      {l.adjustment && (
                        <div className="cell-sub">
                          {t(`fees.adjustment.${l.adjustment}`)}
                          {l.adjustmentReason ? `：${l.adjustmentReason}` : ''}
                        </div>
                      )}
                    </>
                  ),
                },
                {
                  title: t('fees.status'),
                  key: 'status',
                  render: (_v, l) => (
                    <Tag color={statusColor[l.status]} data-testid={`fee-status-${l.id}`}>
                      {t(`fees.status.${l.status}`)}
                    </Tag>
                  ),
                },
                // what can be done with a line, where anything can (a staff reader only looks)
                ...(mode === 'view'
                  ? []
                  : [
                      {
                        title: t('common.actions'),
                        key: 'act',
                        render: (_v: unknown, l: FeeLine) =>
                          l.status !== 'unpaid' ? null : mode === 'applicant' ? (
                            data.onlinePayment ? (
                              l.amountCents !== null && <PayOnlineButton caseId={caseId} line={l} />
                            ) : (
                              <Typography.Text type="secondary">{t('fees.windowOnly')}</Typography.Text>
                            )
                          ) : (
                            <Space size={4} wrap>
                              {l.amountCents !== null && l.amountCents > 0 && (
                                <Button size="small" type="primary" onClick={() => setActing({ line: l, action: 'pay' })} data-testid={`fee-pay-${l.id}`}>
                                  {t('fees.pay')}
                                </Button>
                              )}
                              {(l.amountCents === null || l.reducible) && (
                                <Button size="small" onClick={() => setActing({ line: l, action: 'assess' })}>
                                  {t('fees.assess')}
                                </Button>
                              )}
                              {l.reducible && l.amountCents !== null && l.amountCents > 0 && (
                                <Button size="small" onClick={() => setActing({ line: l, action: 'reduce' })}>
                                  {t('fees.reduce')}
                                </Button>
                              )}
                              {l.reducible && (
                                <Button size="small" onClick={() => setActing({ line: l, action: 'waive' })}>
                                  {t('fees.waive')}
                                </Button>
                              )}
                            </Space>
                          ),
                      },
                    ]),
              ]}
            />
            <Typography.Paragraph className="block-gap-top" data-testid="fees-total">
              {/* what was paid includes what was given back since, which follows it: the figures add up */}
              {t('fees.total', {
                due: yuan(data.totals.dueCents),
                paid: yuan(data.totals.paidCents + data.totals.refundedCents),
                unpaid: yuan(data.totals.unpaidCents),
              })}
              {data.totals.refundedCents > 0 && t('fees.totalRefunded', { refunded: yuan(data.totals.refundedCents) })}
              {/* a line still to be assessed has no amount in the sums yet */}
              {data.totals.unassessed > 0 && t('fees.totalUnassessed', { n: data.totals.unassessed })}
            </Typography.Paragraph>
            {data.payments.length > 0 && (
              <>
                <Typography.Text strong>{t('fees.payments')}</Typography.Text>
                <ul style={{ paddingLeft: 18, marginTop: 4 }} data-testid="fee-payments">
                  {data.payments.map((p) => (
                    <li key={p.id} className="keep-words" data-testid={`fee-payment-${p.id}`} data-status={paymentAbandoned(data, p) ? 'abandoned' : p.status}>
                      {formatDateTime(p.confirmedAt ?? p.createdAt, locale)} · {data.lines.find((l) => l.id === p.feeId)?.name} · {yuan(p.amountCents)} ·{' '}
                      {t(`fees.method.${p.method}`)}
                      {/* the window's own records: the POS slip's reference, the cash handed over and the change */}
                      {mode === 'window' && p.posReference && (
                        <span className="mono">
                          {' '}
                          ({t('fees.posReference')} {p.posReference})
                        </span>
                      )}
                      {mode === 'window' && p.tenderedCents !== null && (
                        <span data-testid={`fee-payment-cash-${p.id}`}>
                          {' '}
                          ({t('fees.tenderedShown', { tendered: yuan(p.tenderedCents), change: yuan(p.tenderedCents - p.amountCents) })})
                        </span>
                      )}{' '}
                      ·{' '}
                      {paymentAbandoned(data, p) ? (
                        <Tooltip title={t('fees.payment.abandonedHint')}>
                          <Typography.Text type="secondary">{t('fees.payment.abandoned')}</Typography.Text>
                        </Tooltip>
                      ) : (
                        t(`fees.payment.${p.status}`)
                      )}
                      {p.status === 'refunded' && p.refundedAt && (
                        <Typography.Text type="secondary">
                          {' '}
                          · {t('fees.refundedOn', { at: formatDateTime(p.refundedAt, locale), reason: p.refundReason ?? '' })}
                        </Typography.Text>
                      )}
                      {mode === 'window' && p.status === 'superseded' && (
                        <Button size="small" type="link" onClick={() => setRefunding(p)} data-testid={`fee-refund-${p.id}`}>
                          {t('fees.refund')}
                        </Button>
                      )}
                      {mode === 'window' && p.status === 'succeeded' && data.refundable && (
                        <Button size="small" type="link" danger onClick={() => setRefunding(p)} data-testid={`fee-refund-${p.id}`}>
                          {t('fees.refundLine')}
                        </Button>
                      )}
                      {p.receiptDocumentId && (
                        <>
                          {' · '}
                          <a href={`/api/v1/cases/${caseId}/documents/${p.receiptDocumentId}/pdf`} target="_blank" rel="noreferrer">
                            {t('fees.receipt')}
                          </a>
                        </>
                      )}
                      <FiscalBillNote caseId={caseId} fees={data} payment={p} mode={mode} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {data.expected.length > 0 && <ExpectedFees fees={data.expected} mode={mode} />}
            {acting && <FeeActionDialog caseId={caseId} {...acting} onClose={() => setActing(null)} />}
            {refunding && (
              <RefundDialog
                caseId={caseId}
                payment={refunding}
                name={data.lines.find((l) => l.id === refunding.feeId)?.name ?? ''}
                onClose={() => setRefunding(null)}
              />
            )}
          </div>
        )
      }
    </QueryState>
  );
}

/**
 * 将收取的费用: the fees of the item version still to be charged — at acceptance, or once granted — with their amount
 * by the published standard (or that the window assesses it then), so that nobody is surprised by a fee.
 */
function ExpectedFees({ fees, mode }: { fees: ExpectedFee[]; mode: 'window' | 'applicant' | 'view' }) {
  const t = useFeesT();
  return (
    <div className="fees-expected" data-testid="fees-expected">
      <Typography.Text strong>{t('fees.expected')}</Typography.Text>
      <ul className="fees-expected-list">
        {fees.map((f) => (
          <li key={f.feeIndex} data-testid={`fee-expected-${f.feeIndex}`}>
            <Tag color={f.chargeAt === 'acceptance' ? 'blue' : 'default'}>
              {t(f.chargeAt === 'acceptance' ? 'fees.chargeAt.acceptance' : 'fees.expected.decision')}
            </Tag>
            <Typography.Text>{f.name}</Typography.Text>{' '}
            <Typography.Text strong className="mono">
              {f.amountCents === null ? t('fees.unassessed') : yuan(f.amountCents)}
            </Typography.Text>
            <div className="cell-sub">{f.standard}</div>
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" className="cell-sub">
        {t(mode === 'applicant' ? 'fees.expectedHint' : 'fees.expectedHintStaff')}
      </Typography.Text>
    </div>
  );
}

/**
 * 财政电子票据 of a payment: its number, to download, with its code and check code — or that it is on its way, or owed
 * while the platform does not answer (the window sees what the platform said).
 */
function FiscalBillNote({ caseId, fees, payment: p, mode }: { caseId: number; fees: CaseFees; payment: Payment; mode: string }) {
  const t = useFeesT();
  const bill = p.fiscalBill;
  if (bill?.status === 'issued' && bill.documentId) {
    const red = bill.reversal;
    return (
      <span data-testid={`fiscal-bill-${p.id}`} data-status="issued">
        {' · '}
        <Tooltip title={t('fees.bill.codes', { code: bill.billCode ?? '', number: bill.billNumber ?? '', check: bill.checkCode ?? '' })}>
          <a href={`/api/v1/cases/${caseId}/documents/${bill.documentId}/pdf`} target="_blank" rel="noreferrer">
            {t('fees.bill.issued', { number: bill.billNumber ?? '' })}
          </a>
        </Tooltip>
        {/* 红冲: the red bill once the fee was refunded, or that it is on its way */}
        {p.status === 'refunded' && (
          <span data-testid={`fiscal-bill-reversal-${p.id}`} data-status={red?.status ?? 'pending'}>
            {' · '}
            {red?.status === 'issued' && red.documentId ? (
              <Tooltip title={t('fees.bill.codes', { code: red.billCode ?? '', number: red.billNumber ?? '', check: red.checkCode ?? '' })}>
                <a href={`/api/v1/cases/${caseId}/documents/${red.documentId}/pdf`} target="_blank" rel="noreferrer">
                  {t('fees.bill.reversed', { number: red.billNumber ?? '' })}
                </a>
              </Tooltip>
            ) : red?.status === 'failed' ? (
              <>
                <Tooltip title={mode === 'window' ? t('fees.bill.failedDetail', { n: red.attempts, error: red.lastError ?? '' }) : undefined}>
                  <Typography.Text type="warning">{t('fees.bill.reversalFailed')}</Typography.Text>
                </Tooltip>
                {mode === 'window' && <BillAgain caseId={caseId} paymentId={p.id} />}
              </>
            ) : (
              <Typography.Text type="secondary">{t('fees.bill.reversing')}</Typography.Text>
            )}
          </span>
        )}
      </span>
    );
  }
  if (!billOwed(fees, p)) return null;
  if (bill?.status === 'failed')
    return (
      <span data-testid={`fiscal-bill-${p.id}`} data-status="failed">
        {' · '}
        <Tooltip title={mode === 'window' ? t('fees.bill.failedDetail', { n: bill.attempts, error: bill.lastError ?? '' }) : undefined}>
          <Typography.Text type="warning">{t('fees.bill.failed')}</Typography.Text>
        </Tooltip>
        {mode === 'window' && <BillAgain caseId={caseId} paymentId={p.id} />}
      </span>
    );
  return (
    <span data-testid={`fiscal-bill-${p.id}`} data-status="pending">
      {' · '}
      <Typography.Text type="secondary">{t('fees.bill.pending')}</Typography.Text>
    </span>
  );
}

/** 重新开具: the window asks the platform now for what it owes, rather than waiting for the next attempt; a platform still down is said so. */
function BillAgain({ caseId, paymentId }: { caseId: number; paymentId: number }) {
  const t = useFeesT();
  const { message } = useFeedback();
  const mutation = useFeeAction(caseId);
  const [key] = useIdempotencyKey();
  return (
    <Button
      size="small"
      type="link"
      loading={mutation.isPending}
      onClick={() =>
        mutation.mutate(
          { body: { action: 'bill', paymentId }, key },
          { onSuccess: () => message.success(t('fees.bill.againDone')), onError: (e) => message.error(e.message) },
        )
      }
      data-testid={`fiscal-bill-again-${paymentId}`}
    >
      {t('fees.bill.again')}
    </Button>
  );
}

function ReturnNotice({ payment, fees, t }: { payment: Payment | undefined; fees: CaseFees; t: ReturnType<typeof useFeesT> }) {
  // back from an attempt left unpaid while the fee was settled otherwise: nothing is on its way
  const status = payment && paymentAbandoned(fees, payment) ? 'abandoned' : payment?.status;
  if (status === 'succeeded') return <Alert type="success" showIcon className="block-gap" title={t('fees.paidNotice')} data-testid="payment-done" />;
  if (status === 'pending') return <Alert type="info" showIcon className="block-gap" title={t('fees.pendingNotice')} />;
  return null;
}

function PayOnlineButton({ caseId, line }: { caseId: number; line: FeeLine }) {
  const t = useFeesT();
  const [key] = useIdempotencyKey();
  const start = useStartPayment(caseId);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        type="primary"
        size="small"
        title={t('fees.payOnlineHint')}
        loading={start.isPending}
        onClick={() => start.mutate({ feeId: line.id, key }, { onSuccess: (p) => window.location.assign(p.payUrl), onError: (e) => setError(e.message) })}
        data-testid={`fee-pay-online-${line.id}`}
      >
        {t('fees.payOnline')} {yuan(line.amountCents)}
      </Button>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </>
  );
}

/** A payment provider by its name in the page's language (演示支付平台), or by its code. */
function providerName(t: ReturnType<typeof useFeesT>, code: string | null): string {
  if (!code) return '';
  const key = `fees.provider.${code}`;
  return key in caseFeesStrings ? t(key as FeesKey) : code;
}

/** 退款: the window gives a duplicate online payment back through its provider, with the reason. */
function RefundDialog({ caseId, payment, name, onClose }: { caseId: number; payment: Payment; name: string; onClose: () => void }) {
  const t = useFeesT();
  const [key] = useIdempotencyKey();
  const mutation = useFeeAction(caseId);
  // a duplicate is refunded for what it is; a fee given back (退费) says why
  const line = payment.status === 'succeeded';
  const [reason, setReason] = useState(() => (line ? '' : t('fees.refundDefault')));
  const [error, setError] = useState<string | null>(null);
  const ready = reason.trim().length >= 2;
  return (
    <Modal
      open
      title={t(line ? 'fees.refundLineTitle' : 'fees.refundTitle', { name })}
      okText={t(line ? 'fees.refundLine' : 'fees.refund')}
      okButtonProps={{ disabled: !ready, loading: mutation.isPending, danger: true, 'data-testid': 'fee-refund-ok' }}
      onOk={() =>
        mutation.mutate(
          { body: { action: 'refund', paymentId: payment.id, reason: reason.trim(), expectedVersion: payment.version }, key },
          { onSuccess: onClose, onError: (e) => setError(e.message) },
        )
      }
      onCancel={onClose}
      data-testid="fee-refund-dialog"
    >
      <Typography.Paragraph>
        <Typography.Text strong className="mono">
          {yuan(payment.amountCents)}
        </Typography.Text>{' '}
        · <span className="mono">{payment.reference}</span>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {line ? t('fees.refundLineHint') : t('fees.refundHint', { provider: providerName(t, payment.provider) })}
      </Typography.Paragraph>
      {line && <BillToReverse payment={payment} />}
      <Form layout="vertical">
        <Form.Item label={t('fees.refundReason')} required help={ready ? undefined : t('fees.reasonRequired')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={line ? t('fees.refundLinePlaceholder') : undefined}
            data-testid="fee-refund-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** What the refund does to the fee's e-bill: the bill it reverses by number, or that a bill not yet issued never will be. */
function BillToReverse({ payment }: { payment: Payment }) {
  const t = useFeesT();
  const bill = payment.fiscalBill;
  const issued = bill?.status === 'issued';
  return (
    <Alert
      type={issued ? 'warning' : 'info'}
      showIcon
      className="block-gap"
      data-testid="fee-refund-bill"
      data-status={bill?.status ?? 'none'}
      title={issued ? t('fees.refundBillReversed', { number: bill.billNumber ?? '', code: bill.billCode ?? '' }) : t('fees.refundBillNever')}
    />
  );
}

function FeeActionDialog({ caseId, line, action, onClose }: { caseId: number; line: FeeLine; action: WindowAction; onClose: () => void }) {
  const t = useFeesT();
  const [key] = useIdempotencyKey();
  const mutation = useFeeAction(caseId);
  const [method, setMethod] = useState<'cash' | 'card'>('cash');
  const initial = action === 'assess' ? (line.amountCents ?? line.standardCents) : null;
  const [amount, setAmount] = useState<number | null>(initial === null ? null : initial / 100);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // the counter's records: a card's POS slip reference (参考号), cash handed over and the change
  const [posReference, setPosReference] = useState('');
  const posValid = /^[0-9A-Za-z]{6,32}$/.test(posReference.trim());
  const [tendered, setTendered] = useState<number | null>(null);
  const tenderedCents = tendered === null ? null : Math.round(tendered * 100);
  const shortOf = tenderedCents !== null && line.amountCents !== null && tenderedCents < line.amountCents;
  const cents = amount === null ? null : Math.round(amount * 100);
  const needsReason = action === 'reduce' || action === 'waive';
  const payReady = method === 'card' ? posValid : !shortOf;
  const ready = (action === 'waive' || (action === 'pay' && payReady) || (action !== 'pay' && cents !== null)) && (!needsReason || reason.trim().length >= 2);
  const submit = () => {
    const body =
      action === 'pay'
        ? {
            action,
            feeId: line.id,
            method,
            amountCents: line.amountCents!,
            ...(method === 'card' ? { posReference: posReference.trim() } : tenderedCents !== null ? { tenderedCents } : {}),
          }
        : action === 'waive'
          ? { action, feeId: line.id, reason: reason.trim() }
          : action === 'reduce'
            ? { action, feeId: line.id, amountCents: cents!, reason: reason.trim() }
            : { action, feeId: line.id, amountCents: cents!, reason: reason.trim() || null };
    mutation.mutate({ body, key }, { onSuccess: onClose, onError: (e) => setError(e.message) });
  };
  return (
    <Modal
      open
      title={t('fees.actionTitle', { action: t(`fees.${action}`), name: line.name })}
      okText={t('fees.confirm')}
      okButtonProps={{ disabled: !ready, loading: mutation.isPending, 'data-testid': 'fee-action-ok' }}
      onOk={submit}
      onCancel={onClose}
      data-testid="fee-action-dialog"
    >
      <Typography.Paragraph type="secondary">{line.standard}</Typography.Paragraph>
      <Form layout="vertical">
        {action === 'pay' ? (
          <>
            <Form.Item label={t('fees.amount')}>
              <Typography.Text strong className="mono">
                {yuan(line.amountCents)}
              </Typography.Text>
            </Form.Item>
            <Form.Item label={t('fees.method')}>
              <Radio.Group
                value={method}
                onChange={(e) => setMethod(e.target.value as 'cash' | 'card')}
                optionType="button"
                buttonStyle="solid"
                data-testid="fee-pay-method"
              >
                <Radio.Button value="cash">{t('fees.method.cash')}</Radio.Button>
                <Radio.Button value="card">{t('fees.method.card')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            {method === 'card' ? (
              <Form.Item
                label={t('fees.posReference')}
                required
                extra={t('fees.posReferenceHint')}
                validateStatus={posReference.trim() && !posValid ? 'error' : undefined}
              >
                <Input id="fee-pos-reference" maxLength={32} value={posReference} onChange={(e) => setPosReference(e.target.value)} className="mono" />
              </Form.Item>
            ) : (
              <Form.Item
                label={t('fees.tendered')}
                validateStatus={shortOf ? 'error' : undefined}
                help={shortOf ? t('fees.tenderedShort') : undefined}
                extra={
                  tenderedCents !== null && !shortOf ? (
                    <span data-testid="fee-change">{t('fees.change', { amount: yuan(tenderedCents - line.amountCents!) })}</span>
                  ) : (
                    t('fees.tenderedHint')
                  )
                }
              >
                <InputNumber
                  id="fee-tendered"
                  min={0}
                  max={10_000_000}
                  precision={2}
                  value={tendered}
                  onChange={(v) => setTendered(v === null ? null : Number(v))}
                  style={{ width: 200 }}
                />
              </Form.Item>
            )}
          </>
        ) : (
          action !== 'waive' && (
            <Form.Item label={t('fees.amountYuan')} required>
              <InputNumber
                min={0}
                max={10_000_000}
                precision={2}
                value={amount}
                onChange={(v) => setAmount(v === null ? null : Number(v))}
                style={{ width: 200 }}
              />
            </Form.Item>
          )
        )}
        {action !== 'pay' && (
          <Form.Item label={t('fees.reason')} required={needsReason} help={needsReason && reason.trim().length < 2 ? t('fees.reasonRequired') : undefined}>
            <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** The unpaid lines that hold delivery back (统一出件 waits for payment), as an alert; empty when nothing is owed. */
export function UnpaidFeesAlert({ caseId }: { caseId: number }) {
  const t = useFeesT();
  const fees = useCaseFees(caseId);
  const unpaid = fees.data?.lines.filter((l) => l.status === 'unpaid') ?? [];
  if (!unpaid.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="block-gap"
      data-testid="unpaid-fees"
      title={t('fees.blocksDelivery', {
        lines: unpaid.map((l) => `${l.name} ${l.amountCents === null ? t('fees.unassessed') : yuan(l.amountCents)}`).join('；'),
      })}
    />
  );
}

/** Whether delivery has to wait for payment. */
export function useDeliveryBlockedByFees(caseId: number): boolean {
  const fees = useCaseFees(caseId);
  return !!fees.data?.lines.some((l) => l.status === 'unpaid');
}
