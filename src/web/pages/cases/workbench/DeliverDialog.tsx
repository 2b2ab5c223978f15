import { useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, Modal, Radio, Row, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { isValidIdCardNumber, isValidPhone } from '../../../../common/validators.ts';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useCase, useCaseAction, useRevealCase, type DeliveryChoice, type DeliveryMethod } from '../../../api/cases.ts';
import { DeliveryChoiceText } from '../shared/DeliveryChoiceInput.tsx';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { deliveryLabel } from '../shared/labels.tsx';
import { UnpaidFeesAlert, useDeliveryBlockedByFees } from '../shared/FeesPanel.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { useLocation, useNavigate } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { toleratedDay, toleratedMaterials } from '../shared/Tolerated.tsx';

const methods: DeliveryMethod[] = ['pickup', 'post', 'locker', 'electronic'];

type Delivered = {
  id: number;
  number: string;
  subject: string;
  applicant: { name: string; idNumber: string };
  /** 容缺受理: materials to follow still outstanding, due then (the result waits for them) */
  toleratedDueAt?: string | null;
  /** 撤销: the grant was revoked (告知承诺制) */
  revokedAt?: string | null;
};

/**
 * 统一出件: hand the result over — at the window after checking the identity of whoever collects it,
 * by post with the tracking number, in a locker with its code, or electronically. A case accepted with materials to
 * follow that are not all in is not delivered (the dialog says what it waits for); a revoked grant goes out as its
 * revocation decision.
 */
/**
 * `checkedAtIntake`: the applicant is at the window in the sitting in which the clerk received the application and
 * checked their ID (窗口收件 → 当场办结): collected by the applicant, the check stands ticked — the clerk may untick it.
 */
export function DeliverDialog({ kase, onClose, checkedAtIntake = false }: { kase: Delivered; onClose: () => void; checkedAtIntake?: boolean }) {
  const detail = useCase(kase.id);
  const toleratedDueAt = detail.data ? detail.data.toleratedDueAt : kase.toleratedDueAt;
  if (toleratedDueAt) return <HeldDialog kase={kase} dueAt={toleratedDueAt} onClose={onClose} />;
  return (
    <DeliverForm kase={kase} revokedAt={detail.data ? detail.data.revokedAt : (kase.revokedAt ?? null)} onClose={onClose} checkedAtIntake={checkedAtIntake} />
  );
}

/** 容缺待补: the result waits for the materials accepted to follow; the case page is where the window takes them. */
function HeldDialog({ kase, dueAt, onClose }: { kase: Delivered; dueAt: string; onClose: () => void }) {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const onCasePage = useLocation().pathname === `/workbench/cases/${kase.id}`;
  const detail = useCase(kase.id);
  const names = detail.data ? toleratedMaterials(detail.data).map((m) => m.name) : [];
  return (
    <Modal
      open
      title={t('cases.deliverTitle', { number: kase.number })}
      onCancel={onClose}
      data-testid="deliver-dialog"
      footer={
        <Space>
          <Button onClick={onClose} data-testid="deliver-held-close">
            {tt('tol.close')}
          </Button>
          {!onCasePage && (
            <Button type="primary" onClick={() => navigate(`/workbench/cases/${kase.id}`)} data-testid="deliver-held-open">
              {tt('tol.deliverHeldOpen')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>
        {kase.subject} · {kase.applicant.name}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        data-testid="deliver-held"
        title={tt('tol.deliverHeldTitle')}
        description={tt('tol.deliverHeldText', { due: toleratedDay(dueAt, locale), names: names.join(t('cases.listSep')) || '…' })}
      />
    </Modal>
  );
}

function DeliverForm({
  kase,
  revokedAt,
  onClose,
  checkedAtIntake,
}: {
  kase: Delivered;
  revokedAt: string | null;
  onClose: () => void;
  checkedAtIntake: boolean;
}) {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  // the methods the item's guide offers (a bundle's: any), starting from the one the applicant asked for
  const detail = useCase(kase.id);
  const offered = detail.data?.deliveryMethods?.length ? detail.data.deliveryMethods : methods;
  const chosen = detail.data?.deliveryChoice ?? null;
  const [picked, setMethod] = useState<DeliveryMethod | null>(null);
  const reveal = useRevealCase(kase.id);
  const [contactInFull, setContactInFull] = useState<DeliveryChoice | null>(null);
  const method: DeliveryMethod = picked ?? (chosen && offered.includes(chosen.method) ? chosen.method : offered[0]!);
  // 代领: someone other than the applicant collects it, with their ID and an authorization; an enterprise's result
  // always (经办人: the enterprise does not come to the window itself)
  const enterprise = detail.data?.applicant.kind === 'enterprise';
  const [proxyPicked, setProxy] = useState(false);
  const proxy = enterprise || proxyPicked;
  // ticked by the clerk, or — the applicant collecting it in the sitting that received it — checked at intake already
  const [ticked, setIdentityChecked] = useState<boolean | null>(null);
  const fromIntake = checkedAtIntake && !proxy && ticked === null;
  const identityChecked = ticked ?? fromIntake;
  const [collectorName, setCollectorName] = useState('');
  const [collectorId, setCollectorId] = useState('');
  const collectorIdValid = isValidIdCardNumber(collectorId.trim().toUpperCase());
  const [trackingNumber, setTrackingNumber] = useState('');
  // by post where the applicant gave no address (they chose to collect it, or nothing): whom and where, asked now
  const addressKnown = chosen?.method === 'post' && !!chosen.address;
  const [sendTo, setSendTo] = useState({ recipient: '', phone: '', address: '' });
  const sendToValid = sendTo.recipient.trim().length > 0 && isValidPhone(sendTo.phone.trim()) && sendTo.address.trim().length >= 5;
  const [lockerCode, setLockerCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const unpaid = useDeliveryBlockedByFees(kase.id);
  const { message } = useFeedback();
  const ready =
    (method === 'pickup' && identityChecked && (!proxy || (collectorName.trim().length >= 2 && collectorIdValid))) ||
    (method === 'post' && trackingNumber.trim() && (addressKnown || sendToValid)) ||
    (method === 'locker' && lockerCode.trim()) ||
    method === 'electronic';
  // the promise, not mutate's callbacks: on the case page the delivered case takes the dialog away with the deliver
  // button before those would run, and the clerk is still told it went out
  const submit = () =>
    action
      .mutateAsync({
        body: {
          action: 'deliver',
          method,
          identityChecked: method === 'pickup' ? identityChecked : undefined,
          collector: method === 'pickup' && proxy ? { name: collectorName.trim(), idNumber: collectorId.trim().toUpperCase() } : null,
          trackingNumber: method === 'post' ? trackingNumber.trim() : null,
          sendTo:
            method === 'post' && !addressKnown ? { recipient: sendTo.recipient.trim(), phone: sendTo.phone.trim(), address: sendTo.address.trim() } : null,
          lockerCode: method === 'locker' ? lockerCode.trim() : null,
        },
        key,
      })
      .then(
        () => {
          // at the window, by post or in a locker a 送达回证 is issued: the collector signs it at the window
          message.success(
            t(method === 'electronic' ? 'cases.delivered' : 'cases.deliveredWithReceipt', { number: kase.number, method: deliveryLabel(t, method) }),
          );
          onClose();
        },
        (e: Error) => setError(e.message),
      );
  return (
    <Modal
      open
      title={t('cases.deliverTitle', { number: kase.number })}
      okText={t('cases.confirmDeliver')}
      okButtonProps={{ disabled: !ready || unpaid, loading: action.isPending, 'data-testid': 'deliver-ok' }}
      onOk={submit}
      onCancel={onClose}
      data-testid="deliver-dialog"
    >
      {revokedAt && (
        <Alert
          type="error"
          showIcon
          className="block-gap"
          data-testid="deliver-revoked"
          title={tt('tol.deliverRevokedTitle', { date: formatDateTime(revokedAt, locale) })}
          description={tt('tol.deliverRevokedText')}
        />
      )}
      <UnpaidFeesAlert caseId={kase.id} />
      <Typography.Paragraph>
        {kase.subject} · {kase.applicant.name} <span className="mono cell-sub">{kase.applicant.idNumber}</span>
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('cases.deliveryMethod')}>
          <Radio.Group
            value={method}
            onChange={(e) => setMethod(e.target.value as DeliveryMethod)}
            optionType="button"
            buttonStyle="solid"
            data-testid="deliver-method"
          >
            {offered.map((m) => (
              <Radio.Button key={m} value={m}>
                {deliveryLabel(t, m)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {chosen && (
          <Typography.Paragraph type="secondary" data-testid="deliver-chosen">
            {t('cases.deliveryChosen', { method: deliveryLabel(t, chosen.method) })}
          </Typography.Paragraph>
        )}
        {method === 'pickup' && (
          <>
            {enterprise ? (
              <Typography.Paragraph type="secondary" data-testid="collector-for-enterprise">
                {t('cases.collectorForEnterprise')}
              </Typography.Paragraph>
            ) : (
              <Form.Item>
                <Radio.Group
                  value={proxy}
                  onChange={(e) => setProxy(e.target.value as boolean)}
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: false, label: t('cases.collectorSelf') },
                    { value: true, label: t('cases.collectorProxy') },
                  ]}
                  data-testid="collector"
                />
              </Form.Item>
            )}
            {/* labelled above each box: once filled, a name and an ID number read as what they are */}
            {proxy && (
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item label={t(enterprise ? 'cases.agentName' : 'cases.collectorName')} htmlFor="collector-name" required>
                    <Input id="collector-name" maxLength={50} value={collectorName} onChange={(e) => setCollectorName(e.target.value)} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item
                    label={t(enterprise ? 'cases.agentId' : 'cases.collectorId')}
                    htmlFor="collector-id"
                    required
                    validateStatus={collectorId.trim() && !collectorIdValid ? 'error' : undefined}
                    help={collectorId.trim() && !collectorIdValid ? t('cases.collectorIdInvalid') : undefined}
                  >
                    <Input id="collector-id" maxLength={18} value={collectorId} onChange={(e) => setCollectorId(e.target.value)} className="mono" />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item extra={fromIntake ? t('cases.identityAtIntake') : t('cases.identityHint')}>
              <Checkbox checked={identityChecked} onChange={(e) => setIdentityChecked(e.target.checked)} data-testid="identity-checked">
                {t(enterprise ? 'cases.identityCheckedAgent' : proxy ? 'cases.identityCheckedProxy' : 'cases.identityChecked')}
              </Checkbox>
            </Form.Item>
          </>
        )}
        {method === 'post' && chosen?.method === 'post' && chosen.address && (
          <Alert
            type="info"
            showIcon
            className="block-gap"
            title={t('cases.deliverSendTo')}
            description={<DeliveryChoiceText choice={contactInFull ?? chosen} contactOnly />}
            action={
              !contactInFull && (
                // the waybill needs the whole number: shown on request, the look on the case's audit trail
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  loading={reveal.isPending}
                  onClick={() => reveal.mutate(undefined, { onSuccess: (r) => setContactInFull(r.delivery) })}
                  data-testid="deliver-reveal"
                >
                  {t('cases.reveal')}
                </Button>
              )
            }
            data-testid="deliver-send-to"
          />
        )}
        {method === 'post' && !addressKnown && (
          <div data-testid="deliver-send-to-input">
            <Typography.Paragraph type="secondary">{t('cases.deliverNoAddress')}</Typography.Paragraph>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item label={t('cases.sendToRecipient')} htmlFor="sendTo-recipient" required>
                  <Input
                    id="sendTo-recipient"
                    maxLength={50}
                    value={sendTo.recipient}
                    onChange={(e) => setSendTo((v) => ({ ...v, recipient: e.target.value }))}
                  />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item
                  label={t('cases.sendToPhone')}
                  htmlFor="sendTo-phone"
                  required
                  validateStatus={sendTo.phone.trim() && !isValidPhone(sendTo.phone.trim()) ? 'error' : undefined}
                >
                  <Input id="sendTo-phone" maxLength={20} value={sendTo.phone} onChange={(e) => setSendTo((v) => ({ ...v, phone: e.target.value }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('cases.sendToAddress')} htmlFor="sendTo-address" required>
              <Input id="sendTo-address" maxLength={200} value={sendTo.address} onChange={(e) => setSendTo((v) => ({ ...v, address: e.target.value }))} />
            </Form.Item>
          </div>
        )}
        {method === 'post' && (
          <Form.Item label={t('cases.trackingNumber')} required>
            <Input id="trackingNumber" maxLength={50} value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} className="mono" />
          </Form.Item>
        )}
        {method === 'locker' && (
          <Form.Item label={t('cases.lockerCode')} required>
            <Input id="lockerCode" maxLength={50} value={lockerCode} onChange={(e) => setLockerCode(e.target.value)} className="mono" />
          </Form.Item>
        )}
        {method === 'electronic' && <Alert type="info" showIcon title={t('cases.electronicHint')} />}
      </Form>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}
