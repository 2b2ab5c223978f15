import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Divider, Form, Modal, Space, Switch, Typography, type FormInstance } from 'antd';
import { CheckCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useCaseT, type CaseT } from '../../../i18n/cases-pages.ts';
import { useSitT } from '../../../i18n/window-sitting.ts';
import { useApply, type Applicant, type DeliveryChoice, type DeliveryMethod, type ItemContent } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { SchemaFields, prefillValues, recordBoundFields } from '../../../components/schema-form/index.ts';
import { DeliveryChoiceInput, deliveryProblems } from '../shared/DeliveryChoiceInput.tsx';

/**
 * What 窗口收件 takes alike for an item and for a bundle (一件事): the form filled from the applicant's record, how the
 * result goes out, the green channel, and the buttons that receive — or receive and accept — the application.
 */

/**
 * 申请表 at the window: the form, filled from the applicant's record, the fields bound to it read-only (实名: the server
 * fills their number); `onChange` as the clerk types.
 */
export function WindowFormSection({
  form,
  spec,
  applicant,
  onChange,
}: {
  form: FormInstance;
  spec: ItemContent['form'];
  applicant: Applicant | null;
  onChange: () => void;
}) {
  const t = useCaseT();
  const initial = useMemo(
    () =>
      prefillValues(
        spec,
        applicant && { name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone, legalRepresentative: applicant.legalRepresentative },
      ),
    [spec, applicant],
  );
  const bound = useMemo(() => recordBoundFields(spec, applicant && { idNumber: applicant.idNumber, kind: applicant.kind }), [spec, applicant]);
  return (
    <>
      <Typography.Title level={5}>{t('cases.step3Form')}</Typography.Title>
      <Form form={form} layout="vertical" initialValues={initial} scrollToFirstError={{ block: 'center' }} data-testid="intake-form" onValuesChange={onChange}>
        <SchemaFields spec={spec} bound={bound} />
      </Form>
    </>
  );
}

/** At the window the applicant is there: collecting at the window comes first where it is offered. */
const initialDelivery = (methods: DeliveryMethod[]): DeliveryChoice | null =>
  methods.length ? { method: methods.includes('pickup') ? 'pickup' : methods[0]! } : null;

/**
 * What 窗口收件 keeps while it receives an application, an item's or a bundle's: how the result goes out among `methods`,
 * the green channel, the error of the last try, the button pressed last, and the request with its Idempotency-Key.
 */
export function useWindowReceive(methods: DeliveryMethod[]) {
  const [urgent, setUrgent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<DeliveryChoice | null>(() => initialDelivery(methods));
  const [deliveryChecked, setDeliveryChecked] = useState(false);
  const [sent, setSent] = useState<'receive' | 'accept' | null>(null);
  const [key, renewKey] = useIdempotencyKey();
  const [modal, holder] = Modal.useModal();
  const apply = useApply();
  return {
    methods,
    urgent,
    setUrgent,
    error,
    setError,
    delivery,
    setDelivery,
    deliveryChecked,
    setDeliveryChecked,
    sent,
    setSent,
    key,
    renewKey,
    modal,
    holder,
    apply,
  };
}
export type WindowReceive = ReturnType<typeof useWindowReceive>;

/**
 * The checks every receipt at the window starts with: an applicant taken, the form valid (`validate`, whose values it
 * answers), the way the result goes out complete. What fails is said as the receipt's error, and it answers null.
 */
export async function checkApplication<T>(r: WindowReceive, t: CaseT, applicant: Applicant | null, validate: () => Promise<T>): Promise<T | null> {
  r.setError(null);
  if (!applicant) {
    r.setError(t('cases.pickApplicantFirst'));
    return null;
  }
  let values: T;
  try {
    values = await validate();
  } catch {
    r.setError(t('cases.fixForm'));
    return null;
  }
  if (deliveryProblems(r.delivery).length) {
    r.setDeliveryChecked(true);
    r.setError(t('cases.deliveryIncomplete'));
    return null;
  }
  return values;
}

/**
 * The end of 窗口收件: how the result goes out and the green channel, then the buttons that receive (`onReceive(false)`)
 * or receive and accept (`onReceive(true)`, while `complete`), with the error of the last try and `hint` under them;
 * `more`: other ways to receive offered between them.
 */
export function ReceiveFooter({
  receive: r,
  recipient,
  complete,
  onReceive,
  hint,
  more,
}: {
  receive: WindowReceive;
  recipient: string | undefined;
  complete: boolean;
  onReceive: (accept: boolean) => void;
  hint: ReactNode;
  more?: ReactNode;
}) {
  return (
    <>
      <DeliveryAndUrgency
        methods={r.methods}
        delivery={r.delivery}
        onDelivery={(d) => {
          r.setDelivery(d);
          r.setError(null);
        }}
        showProblems={r.deliveryChecked}
        recipient={recipient}
        urgent={r.urgent}
        onUrgent={r.setUrgent}
      />
      <ReceiveButtons
        complete={complete}
        pending={r.apply.isPending}
        sent={r.sent}
        onReceive={(accept) => {
          r.setSent(accept ? 'accept' : 'receive');
          onReceive(accept);
        }}
        error={r.error}
        hint={hint}
        more={more}
      />
    </>
  );
}

/** Received with required materials missing: the clerk confirms, and the one-time notice follows in pre-review. */
export async function confirmReceiveWithout(modal: ReturnType<typeof Modal.useModal>[0], t: CaseT, missing: { name: string }[]): Promise<boolean> {
  if (missing.length === 0) return true;
  return modal.confirm({
    title: t('cases.missingTitle'),
    content: t('cases.missingWindowText', { names: missing.map((m) => m.name).join(t('cases.listSep')) }),
    okText: t('cases.receiveAnyway'),
    cancelText: t('action.cancel'),
  });
}

/** 结果领取方式 and 绿色通道: how the result goes out (where the guide offers a way), and whether the case is urgent. */
function DeliveryAndUrgency({
  methods,
  delivery,
  onDelivery,
  showProblems,
  recipient,
  urgent,
  onUrgent,
}: {
  methods: DeliveryMethod[];
  delivery: DeliveryChoice | null;
  onDelivery: (d: DeliveryChoice | null) => void;
  showProblems: boolean;
  recipient: string | undefined;
  urgent: boolean;
  onUrgent: (v: boolean) => void;
}) {
  const t = useCaseT();
  return (
    <>
      {methods.length > 0 && (
        <>
          <Typography.Title level={5}>{t('cases.step5Delivery')}</Typography.Title>
          <DeliveryChoiceInput methods={methods} value={delivery} onChange={onDelivery} showProblems={showProblems} defaultRecipient={recipient} />
          <Divider />
        </>
      )}
      <Space align="center" className="block-gap">
        <Switch checked={urgent} onChange={onUrgent} data-testid="urgent-switch" />
        <span>
          <ThunderboltOutlined className={urgent ? 'case-urgent-icon' : undefined} /> {t('cases.greenChannel')}
        </span>
        <Typography.Text type="secondary">{t('cases.greenChannelHint')}</Typography.Text>
      </Space>
    </>
  );
}

/**
 * 收件并受理 (while `complete`) and 确认收件, with the error of the last try and the hint under them; `more`: other ways
 * to receive offered between them (收件并容缺受理). `sent` is the button pressed last, shown loading while `pending`.
 */
function ReceiveButtons({
  complete,
  pending,
  sent,
  onReceive,
  error,
  hint,
  more,
}: {
  complete: boolean;
  pending: boolean;
  sent: 'receive' | 'accept' | null;
  onReceive: (accept: boolean) => void;
  error: string | null;
  hint: ReactNode;
  more?: ReactNode;
}) {
  const t = useCaseT();
  const s = useSitT();
  return (
    <>
      {error && <Alert type="error" showIcon className="block-gap" title={error} data-testid="intake-error" />}
      <div>
        <Space wrap>
          {complete && (
            <Button
              type="primary"
              size="large"
              icon={<CheckCircleOutlined />}
              loading={pending && sent === 'accept'}
              disabled={pending && sent !== 'accept'}
              onClick={() => onReceive(true)}
              data-testid="intake-accept"
            >
              {s('sit.receiveAndAccept')}
            </Button>
          )}
          {more}
          <Button
            type={complete || more ? 'default' : 'primary'}
            size="large"
            loading={pending && sent === 'receive'}
            disabled={pending && sent !== 'receive'}
            onClick={() => onReceive(false)}
            data-testid="intake-submit"
          >
            {t('cases.receive')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" className="block-gap-top" data-testid="intake-submit-hint">
          {hint}
        </Typography.Paragraph>
      </div>
    </>
  );
}
