import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useCaseAction, type CaseDetail } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import type { DeliveryChoice, DeliveryMethod } from '../../../api/cases.ts';
import { isValidPhone } from '../../../../common/validators.ts';
import { deliveryLabel } from './labels.tsx';

/** What is missing from a choice by post (whom, a phone the courier can call, where), none for the other methods. */
export function deliveryProblems(choice: DeliveryChoice | null): ('recipient' | 'phone' | 'address')[] {
  if (!choice || choice.method !== 'post') return [];
  const problems: ('recipient' | 'phone' | 'address')[] = [];
  if (!choice.recipient?.trim()) problems.push('recipient');
  if (!choice.phone?.trim() || !isValidPhone(choice.phone.trim())) problems.push('phone');
  if ((choice.address?.trim().length ?? 0) < 5) problems.push('address');
  return problems;
}

/** The choice as the API takes it: the contact only for post, trimmed. */
export function deliveryInput(choice: DeliveryChoice | null): DeliveryChoice | null {
  if (!choice) return null;
  if (choice.method !== 'post') return { method: choice.method };
  return { method: 'post', recipient: choice.recipient?.trim(), phone: choice.phone?.trim(), address: choice.address?.trim() };
}

/**
 * 结果领取方式: how the applicant wants the result — among the methods the item's guide offers — and, by post, whom
 * to send it to. `showProblems` marks what is missing once a submit was tried.
 */
export function DeliveryChoiceInput({
  methods,
  value,
  onChange,
  showProblems,
  defaultRecipient,
}: {
  methods: DeliveryMethod[];
  value: DeliveryChoice | null;
  onChange: (choice: DeliveryChoice) => void;
  showProblems: boolean;
  defaultRecipient?: string;
}) {
  const t = useCaseT();
  const problems = showProblems ? deliveryProblems(value) : [];
  const status = (field: 'recipient' | 'phone' | 'address') => (problems.includes(field) ? 'error' : undefined);
  return (
    <div data-testid="delivery-choice">
      <Radio.Group
        value={value?.method}
        optionType="button"
        buttonStyle="solid"
        onChange={(e) => {
          const method = e.target.value as DeliveryMethod;
          onChange(method === 'post' ? { ...value, method, recipient: value?.recipient ?? defaultRecipient ?? '' } : { ...value, method });
        }}
        options={methods.map((m) => ({ value: m, label: deliveryLabel(t, m) }))}
      />
      {value?.method === 'post' && (
        <Form layout="vertical" className="block-gap-top case-delivery-address" component="div">
          <Form.Item
            label={t('cases.deliveryRecipient')}
            required
            validateStatus={status('recipient')}
            help={status('recipient') && t('cases.deliveryNeedRecipient')}
          >
            <Input id="delivery-recipient" maxLength={50} value={value.recipient ?? ''} onChange={(e) => onChange({ ...value, recipient: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('cases.deliveryPhone')} required validateStatus={status('phone')} help={status('phone') && t('cases.deliveryNeedPhone')}>
            <Input id="delivery-phone" maxLength={30} value={value.phone ?? ''} onChange={(e) => onChange({ ...value, phone: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('cases.deliveryAddress')} required validateStatus={status('address')} help={status('address') && t('cases.deliveryNeedAddress')}>
            <Input.TextArea
              id="delivery-address"
              rows={2}
              maxLength={200}
              value={value.address ?? ''}
              onChange={(e) => onChange({ ...value, address: e.target.value })}
            />
          </Form.Item>
        </Form>
      )}
      {value?.method === 'electronic' && (
        <Typography.Paragraph type="secondary" className="block-gap-top">
          {t('cases.deliveryElectronicNote')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** A choice as the case shows it: the method (unless `contactOnly`), and by post whom and where to. */
export function DeliveryChoiceText({ choice, contactOnly }: { choice: DeliveryChoice; contactOnly?: boolean }) {
  const t = useCaseT();
  const contact = choice.method === 'post' && choice.address && (
    <>
      {choice.recipient} <span className="mono">{choice.phone}</span> · {choice.address}
    </>
  );
  if (contactOnly) return <span data-testid="delivery-choice-text">{contact}</span>;
  return (
    <span data-testid="delivery-choice-text">
      {deliveryLabel(t, choice.method)}
      {contact && <span className="cell-sub"> · {contact}</span>}
    </span>
  );
}

/** Whether how the result comes can still change: until it went out, where the case has the item's delivery methods (not a bundle's). */
export function canChangeDelivery(kase: CaseDetail): boolean {
  return !!kase.deliveryMethods?.length && !kase.parent && !['delivered', 'refused', 'withdrawn'].includes(kase.status);
}

/**
 * 修改领取方式: the button that opens the dialog. It sits in a cell of the case's facts, which antd lays out anew —
 * and mounts afresh — when the screen crosses a breakpoint (a phone turned sideways, a window resized): the dialog and
 * what was typed in it are kept by the caller (`DeliveryChoiceDialog` beside the facts), not here.
 */
export function DeliveryChoiceEdit({ onEdit }: { onEdit: () => void }) {
  const t = useCaseT();
  return (
    <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="delivery-choice-edit">
      {t('cases.deliveryChange')}
    </Button>
  );
}

/** 修改领取方式: the applicant (or the window for them) changes how the result should come, until it went out. */
export function DeliveryChoiceDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const methods = kase.deliveryMethods ?? [];
  const t = useCaseT();
  const [choice, setChoice] = useState<DeliveryChoice | null>(kase.deliveryChoice ? { method: kase.deliveryChoice.method } : { method: methods[0]! });
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const save = () => {
    setError(null);
    if (deliveryProblems(choice).length) {
      setChecked(true);
      return;
    }
    action.mutateAsync({ body: { action: 'choose_delivery', delivery: deliveryInput(choice)! }, key }).then(onClose, (e: Error) => setError(e.message));
  };
  return (
    <Modal
      open
      title={t('cases.deliveryChoice')}
      okText={t('cases.deliveryChangeSave')}
      okButtonProps={{ loading: action.isPending, 'data-testid': 'delivery-choice-ok' }}
      onOk={save}
      onCancel={onClose}
      data-testid="delivery-choice-dialog"
    >
      <Typography.Paragraph type="secondary">{t('cases.deliveryChangeHint')}</Typography.Paragraph>
      <DeliveryChoiceInput methods={methods} value={choice} onChange={setChoice} showProblems={checked} defaultRecipient={kase.applicant.name} />
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}
