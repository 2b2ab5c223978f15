import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import {
  specialKinds,
  useCaseAction,
  useColleagues,
  type AskItem,
  type CaseAction,
  type CaseDetail,
  type CaseTask,
  type SpecialKind,
} from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { specialLabel } from '../shared/labels.tsx';
import { AskList, askComplete } from './AskList.tsx';
import type { Completeness } from './completeness.ts';

export type TaskDialogKind = 'approve' | 'reject' | 'return' | 'transfer' | 'request_supplement' | 'start_special' | 'end_special' | 'extend';

interface Props {
  kind: TaskDialogKind;
  task: CaseTask;
  kase: CaseDetail;
  me: Me;
  completeness: Completeness;
  approveText: string;
  rejectText: string;
  onClose: () => void;
}

/** One dialog per task action, each asking for what the law and the record need (opinion, reason, colleague, days). */
export function TaskDialog({ kind, task, kase, me, completeness, approveText, rejectText, onClose }: Props) {
  const t = useCaseT();
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(kind === 'approve' ? t('cases.defaultOpinion') : '');
  const [accountId, setAccountId] = useState<number | undefined>();
  const [items, setItems] = useState<AskItem[]>([]);
  const [special, setSpecial] = useState<SpecialKind>('expert_review');
  const [days, setDays] = useState<number | null>(kind === 'extend' ? 10 : null);
  const organizationId = me.roles.find((r) => r.organizationName === task.organizationName)?.organizationId ?? me.staff?.organizationId;
  const colleagues = useColleagues(kind === 'transfer' ? (organizationId ?? undefined) : undefined);
  const candidates = (colleagues.data ?? []).filter(
    (s) =>
      s.accountId !== me.id &&
      s.status === 'active' &&
      s.roles.some((r) => r.role === task.role && (r.organizationId === null || r.organizationId === organizationId)),
  );
  const long = text.trim().length >= 2;
  let body: CaseAction | null = null;
  let content: ReactNode = null;
  let title = '';
  let okText = '';
  let danger = false;
  const textArea = (label: string, placeholder: string, required: boolean, max = 2000) => (
    <Form.Item label={label} required={required}>
      <Input.TextArea id="task-text" rows={4} maxLength={max} showCount value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
    </Form.Item>
  );
  switch (kind) {
    case 'approve':
      title = t('cases.approveTitle', { action: approveText, task: task.name });
      okText = approveText;
      body = { action: 'approve', taskId: task.id, opinion: text.trim() || null, expectedVersion: task.version };
      content = textArea(t('cases.opinion'), t('cases.opinionPlaceholder'), false);
      break;
    case 'reject':
      title = t('cases.approveTitle', { action: rejectText, task: task.name });
      okText = rejectText;
      danger = true;
      body = long ? { action: 'reject', taskId: task.id, opinion: text.trim(), expectedVersion: task.version } : null;
      content = (
        <>
          {task.stage === 'decide' && <Alert type="warning" showIcon className="block-gap" title={t('cases.denyWarning')} />}
          {textArea(t('cases.opinion'), t('cases.reasonRequired'), true)}
        </>
      );
      break;
    case 'return':
      title = t('cases.returnTitle', { task: task.name });
      okText = t('cases.return');
      body = long ? { action: 'return', taskId: task.id, opinion: text.trim() } : null;
      content = (
        <>
          <Typography.Paragraph>{t('cases.returnText')}</Typography.Paragraph>
          {textArea(t('cases.opinion'), t('cases.reasonRequired'), true)}
        </>
      );
      break;
    case 'transfer':
      title = t('cases.transferTitle', { task: task.name });
      okText = t('cases.transfer');
      body = accountId ? { action: 'transfer', taskId: task.id, accountId, opinion: text.trim() || null } : null;
      content = (
        <>
          <Form.Item label={t('cases.colleague')} required>
            <Select
              id="transfer-to"
              loading={colleagues.isPending && !!organizationId}
              value={accountId}
              onChange={setAccountId}
              options={candidates.map((s) => ({ value: s.accountId, label: `${s.name}${s.title ? ` · ${s.title}` : ''}` }))}
              placeholder={t('cases.pickColleague')}
              notFoundContent={t('cases.noColleague')}
            />
          </Form.Item>
          {textArea(t('cases.transferNote'), t('cases.optional'), false, 500)}
        </>
      );
      break;
    case 'request_supplement':
      title = t('cases.requestSupplementTitle');
      okText = t('cases.requestSupplement');
      body = askComplete(items) ? { action: 'request_supplement', taskId: task.id, items: items.map((i) => ({ key: i.key, note: i.note.trim() })) } : null;
      content = (
        <>
          <Alert type="info" showIcon className="block-gap" title={t('cases.requestSupplementText')} />
          <AskList
            options={completeness.rows.map((r) => ({ key: r.key, name: r.name, required: r.necessity === 'required', missing: r.status === 'missing' }))}
            value={items}
            onChange={setItems}
          />
        </>
      );
      break;
    case 'start_special':
      title = t('cases.startSpecial');
      okText = t('cases.startSpecial');
      body = long ? { action: 'start_special', taskId: task.id, kind: special, reason: text.trim(), expectedDays: days } : null;
      content = (
        <>
          <Alert type="info" showIcon className="block-gap" title={t('cases.specialText')} />
          <Form.Item label={t('cases.specialKind')} required>
            <Select id="special-kind" value={special} onChange={setSpecial} options={specialKinds.map((k) => ({ value: k, label: specialLabel(t, k) }))} />
          </Form.Item>
          {textArea(t('cases.reason'), t('cases.reasonRequired'), true, 1000)}
          <Form.Item label={t('cases.expectedDays')}>
            <InputNumber min={1} max={365} precision={0} value={days} onChange={(v) => setDays(v)} />
          </Form.Item>
        </>
      );
      break;
    case 'end_special':
      title = t('cases.endSpecial');
      okText = t('cases.endSpecial');
      body = text.trim() ? { action: 'end_special', taskId: task.id, result: text.trim() } : null;
      content = textArea(t('cases.specialResult'), t('cases.specialResultPlaceholder'), true, 1000);
      break;
    case 'extend':
      title = t('cases.extendTitle');
      okText = t('cases.extend');
      body = long && days && days >= 1 && days <= 10 ? { action: 'extend', taskId: task.id, days, reason: text.trim() } : null;
      content = (
        <>
          <Alert type="info" showIcon className="block-gap" title={t('cases.extendText')} />
          <Form.Item label={t('cases.extendDays')} required>
            <InputNumber
              id="extend-days"
              min={1}
              max={10}
              precision={0}
              value={days}
              onChange={(v) => setDays(v)}
              suffix={t('cases.unit.workday')}
              style={{ width: 200 }}
            />
          </Form.Item>
          {textArea(t('cases.reason'), t('cases.reasonRequired'), true, 1000)}
        </>
      );
      break;
  }
  return (
    <Modal
      open
      width={kind === 'request_supplement' ? 640 : 520}
      title={title}
      okText={okText}
      okButtonProps={{ danger, disabled: !body, loading: action.isPending, 'data-testid': 'task-dialog-ok' }}
      onOk={() => body && action.mutate({ body, key }, { onSuccess: onClose, onError: (e) => setError(e.message) })}
      onCancel={onClose}
      data-testid="task-dialog"
    >
      <Typography.Paragraph type="secondary">
        {kase.number} · {kase.subject}
      </Typography.Paragraph>
      <Form layout="vertical">{content}</Form>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}
