import { useState, type ReactNode } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useSitT } from '../../../i18n/window-sitting.ts';
import { useFacets } from '../../../api/catalog.ts';
import {
  specialKinds,
  useCaseAction,
  useColleagues,
  useCosigners,
  type AskItem,
  type CaseAction,
  type CaseDetail,
  type CaseTask,
  type SpecialKind,
} from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { CommonPhrases, withPhrase, type PhrasePurpose } from '../../../components/CommonPhrases.tsx';
import { specialLabel } from '../shared/labels.tsx';
import { AskList, askComplete } from './AskList.tsx';
import type { Completeness } from './completeness.ts';

export type TaskDialogKind =
  | 'approve'
  | 'reject'
  | 'return'
  | 'transfer'
  | 'request_supplement'
  | 'start_special'
  | 'end_special'
  | 'extend'
  | 'delegate'
  | 'answer'
  | 'add_cosigner'
  | 'reassign'
  | 'urge'
  | 'request_extension';

interface Props {
  kind: TaskDialogKind;
  task: CaseTask;
  kase: CaseDetail;
  me: Me;
  completeness: Completeness;
  approveText: string;
  rejectText: string;
  onClose: () => void;
  /** the case as the action left it */
  onDone?: (kase: CaseDetail) => void;
}

/** One dialog per task action, each asking for what the law and the record need (opinion, reason, colleague, days). */
export function TaskDialog({ kind, task, kase, me, completeness, approveText, rejectText, onClose, onDone }: Props) {
  const t = useWorkT();
  const s = useSitT();
  // 当场办结: a decision made at the window concludes the case with it, unless the clerk leaves it for later
  const [concludeWith, setConcludeWith] = useState(task.concludesAtWindow);
  const conclude = task.concludesAtWindow && concludeWith ? { conclude: true } : {};
  const concludeChoice = task.concludesAtWindow && (
    <Form.Item extra={s('sit.concludeWithHint')}>
      <Checkbox checked={concludeWith} onChange={(e) => setConcludeWith(e.target.checked)} data-testid="task-conclude-with">
        {s('sit.concludeWith')}
      </Checkbox>
    </Form.Item>
  );
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(kind === 'approve' ? t('cases.defaultOpinion') : '');
  const [accountId, setAccountId] = useState<number | undefined>();
  const [items, setItems] = useState<AskItem[]>([]);
  const [special, setSpecial] = useState<SpecialKind>('expert_review');
  const [days, setDays] = useState<number | null>(kind === 'extend' || kind === 'request_extension' ? 10 : null);
  const [cosignOrg, setCosignOrg] = useState<number | undefined>(task.organizationId);
  const [cosignRole, setCosignRole] = useState<'approver' | 'head'>('approver');
  const organizationId = kind === 'add_cosigner' ? cosignOrg : task.organizationId;
  const needsColleagues = kind === 'transfer' || kind === 'delegate' || kind === 'reassign' || kind === 'add_cosigner';
  const roles =
    kind === 'transfer'
      ? [task.role]
      : kind === 'reassign'
        ? task.role === 'head'
          ? ['head']
          : ['approver', 'head']
        : kind === 'add_cosigner'
          ? [cosignRole]
          : ['approver', 'head'];
  // only those the action accepts are asked for, so a large department's list is not cut short
  const colleagues = useColleagues(needsColleagues && kind !== 'add_cosigner' ? organizationId : undefined, roles);
  // a co-signer may work in a department outside my own scope: the staff directory names them
  const cosigners = useCosigners(kind === 'add_cosigner' ? cosignOrg : undefined, cosignRole);
  const people = kind === 'add_cosigner' ? cosigners : colleagues;
  const facets = useFacets();
  // the server answers with exactly those the action accepts (active, holding the role there); not me
  // 改派 gives the task to someone else than who holds it
  const candidates = (people.data ?? []).filter((s) => s.accountId !== me.id && !(kind === 'reassign' && s.accountId === task.assigneeAccountId));
  const personOptions = candidates.map((s) => ({ value: s.accountId, label: `${s.name}${s.title ? ` · ${s.title}` : ''}` }));
  const orgOptions = [
    { value: task.organizationId, label: task.organizationName },
    ...(facets.data?.organizations ?? []).filter((o) => o.id !== task.organizationId).map((o) => ({ value: o.id, label: o.name })),
  ];
  const long = text.trim().length >= 2;
  let body: CaseAction | null = null;
  let content: ReactNode = null;
  let title = '';
  let okText = '';
  let danger = false;
  // 常用语 under the opinion of an approval, a denial or a return
  const purpose: PhrasePurpose | null = kind === 'approve' || kind === 'reject' || kind === 'return' ? kind : null;
  const textArea = (label: string, placeholder: string, required: boolean, max = 2000) => (
    <>
      <Form.Item label={label} required={required}>
        <Input.TextArea id="task-text" rows={4} maxLength={max} showCount value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
      </Form.Item>
      {/* below the count, clear of it */}
      {purpose && (
        <div className="block-gap">
          <CommonPhrases purpose={purpose} onPick={(p) => setText((v) => withPhrase(v, p, [t('cases.defaultOpinion')]))} />
        </div>
      )}
    </>
  );
  // the working days of an extension (art. 42: ten at most) and why, with what the extension does
  const extensionFields = (note: string, id: string) => (
    <>
      <Alert type="info" showIcon className="block-gap" title={note} />
      <Form.Item label={t('cases.extendDays')} required>
        <InputNumber id={id} min={1} max={10} precision={0} value={days} onChange={(v) => setDays(v)} suffix={t('cases.unit.workday')} style={{ width: 200 }} />
      </Form.Item>
      {textArea(t('cases.reason'), t('cases.reasonRequired'), true, 1000)}
    </>
  );
  const personPicker = (label: string, required: boolean, id: string, hint?: string) => (
    <Form.Item label={label} required={required} extra={hint}>
      <Select
        id={id}
        allowClear={!required}
        showSearch={{ optionFilterProp: 'label' }}
        loading={people.isPending && !!organizationId}
        value={accountId}
        onChange={setAccountId}
        options={personOptions}
        placeholder={t('task.pickPerson')}
        notFoundContent={t('task.noPerson')}
      />
    </Form.Item>
  );
  switch (kind) {
    case 'delegate':
      title = t('task.delegateTitle', { task: task.name });
      okText = t('task.delegate');
      body = accountId ? { action: 'delegate', taskId: task.id, accountId, note: text.trim() || null } : null;
      content = (
        <>
          <Alert type="info" showIcon className="block-gap" title={t('task.delegateText')} />
          {personPicker(t('task.to'), true, 'delegate-to')}
          {textArea(t('task.note'), t('cases.optional'), false, 500)}
        </>
      );
      break;
    case 'answer':
      title = t('task.answerTitle', { task: task.name });
      okText = t('task.answer');
      body = long ? { action: 'answer', taskId: task.id, opinion: text.trim() } : null;
      content = (
        <>
          <Typography.Paragraph>{t('task.answerText')}</Typography.Paragraph>
          {textArea(t('cases.opinion'), t('cases.reasonRequired'), true)}
        </>
      );
      break;
    case 'add_cosigner':
      title = t('task.cosignTitle', { task: task.name });
      okText = t('task.cosign');
      body =
        long && cosignOrg
          ? {
              action: 'add_cosigner',
              taskId: task.id,
              organizationId: cosignOrg,
              accountId: accountId ?? null,
              role: cosignRole,
              note: text.trim(),
            }
          : null;
      content = (
        <>
          <Alert type="info" showIcon className="block-gap" title={t('task.cosignText')} />
          <Form.Item label={t('task.cosignOrg')} required>
            <Select
              id="cosign-org"
              showSearch={{ optionFilterProp: 'label' }}
              loading={facets.isPending}
              value={cosignOrg}
              onChange={(v: number) => {
                setCosignOrg(v);
                setAccountId(undefined);
              }}
              options={orgOptions}
              placeholder={t('task.pickOrg')}
            />
          </Form.Item>
          <Form.Item label={t('task.cosignRole')}>
            <Radio.Group
              value={cosignRole}
              onChange={(e) => {
                setCosignRole(e.target.value as 'approver' | 'head');
                setAccountId(undefined);
              }}
              options={[
                { value: 'approver', label: t('cases.taskRole.approver') },
                { value: 'head', label: t('cases.taskRole.head') },
              ]}
            />
          </Form.Item>
          {personPicker(t('task.cosignAccount'), false, 'cosign-account', t('task.cosignAccountHint'))}
          {textArea(t('task.note'), t('cases.reasonRequired'), true, 1000)}
        </>
      );
      break;
    case 'reassign':
      title = t('task.reassignTitle', { task: task.name });
      okText = t('task.reassign');
      body = accountId ? { action: 'reassign', taskId: task.id, accountId, note: text.trim() || null } : null;
      content = (
        <>
          <Typography.Paragraph>{t('task.reassignText')}</Typography.Paragraph>
          {personPicker(t('task.to'), true, 'reassign-to')}
          {textArea(t('task.note'), t('cases.optional'), false, 500)}
        </>
      );
      break;
    case 'urge':
      title = t('task.urgeTitle', { task: task.name });
      okText = t('task.urge');
      body = { action: 'urge', taskId: task.id, note: text.trim() || null };
      content = (
        <>
          <Typography.Paragraph>{t('task.urgeText')}</Typography.Paragraph>
          {textArea(t('task.note'), t('cases.optional'), false, 500)}
        </>
      );
      break;
    case 'request_extension':
      title = t('task.requestExtensionTitle', { task: task.name });
      okText = t('task.requestExtension');
      body = long && days && days >= 1 && days <= 10 ? { action: 'request_extension', taskId: task.id, days, reason: text.trim() } : null;
      content = extensionFields(t('task.requestExtensionText'), 'extension-days');
      break;
    case 'approve':
      title = t('cases.approveTitle', { action: approveText, task: task.name });
      okText = 'conclude' in conclude ? s('sit.grantAndConclude', { grant: approveText }) : approveText;
      body = { action: 'approve', taskId: task.id, opinion: text.trim() || null, expectedVersion: task.version, ...conclude };
      content = (
        <>
          {textArea(t('cases.opinion'), t('cases.opinionPlaceholder'), false)}
          {concludeChoice}
        </>
      );
      break;
    case 'reject':
      title = t('cases.approveTitle', { action: rejectText, task: task.name });
      okText = 'conclude' in conclude ? s('sit.denyAndConclude', { deny: rejectText }) : rejectText;
      danger = true;
      body = long ? { action: 'reject', taskId: task.id, opinion: text.trim(), expectedVersion: task.version, ...conclude } : null;
      content = (
        <>
          {task.stage === 'decide' && <Alert type="warning" showIcon className="block-gap" title={t('cases.denyWarning', { deny: rejectText })} />}
          {textArea(t('cases.opinion'), t('cases.reasonRequired'), true)}
          {concludeChoice}
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
              loading={people.isPending && !!organizationId}
              value={accountId}
              onChange={setAccountId}
              options={personOptions}
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
      content = extensionFields(t('cases.extendText'), 'extend-days');
      break;
  }
  return (
    <Modal
      open
      width={kind === 'request_supplement' || kind === 'add_cosigner' ? 640 : 520}
      title={title}
      okText={okText}
      okButtonProps={{ danger, disabled: !body, loading: action.isPending, 'data-testid': 'task-dialog-ok' }}
      onOk={() => {
        setError(null);
        // the promise, not mutate's callbacks: a task finished takes this dialog away with its row before those would run
        if (body)
          void action.mutateAsync({ body, key }).then(
            (done) => {
              onClose();
              onDone?.(done);
            },
            (e: Error) => setError(e.message),
          );
      }}
      onCancel={onClose}
      data-testid="task-dialog"
    >
      <Typography.Paragraph type="secondary">
        {kase.number} · {kase.subject}
      </Typography.Paragraph>
      <Form layout="vertical">{content}</Form>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} data-testid="task-dialog-error" />}
    </Modal>
  );
}
