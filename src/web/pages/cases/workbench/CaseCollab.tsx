import { useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, CopyOutlined, EditOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useCaseAction, type CaseDetail, type ExtensionRequest } from '../../../api/cases.ts';
import { useDirectory } from '../../../api/org.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';

/**
 * Case-level collaboration: notes for the staff (办理备注), copies to colleagues (抄送) and the department head's
 * decision on extension requests.
 */

/** 办理备注: a note on the timeline that the staff see and the applicant does not. */
export function NoteButton({ kase }: { kase: CaseDetail }) {
  const t = useWorkT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="case-note">
        {t('note.action')}
      </Button>
      {open && <NoteDialog kase={kase} onClose={() => setOpen(false)} />}
    </>
  );
}

function NoteDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const t = useWorkT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  return (
    <Modal
      open
      title={t('note.title')}
      okText={t('note.save')}
      okButtonProps={{ disabled: text.trim().length < 2, loading: action.isPending, 'data-testid': 'note-ok' }}
      onCancel={onClose}
      onOk={() => {
        setError(null);
        // the promise: the saved note changes the case, whose page may take the dialog away first
        action.mutateAsync({ body: { action: 'note', text: text.trim() }, key }).then(onClose, (e: Error) => setError(e.message));
      }}
      data-testid="note-dialog"
    >
      <Typography.Paragraph type="secondary">{t('note.text')}</Typography.Paragraph>
      <Input.TextArea id="note-text" rows={4} maxLength={1000} showCount value={text} onChange={(e) => setText(e.target.value)} />
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}

export function CcButton({ kase, meId }: { kase: CaseDetail; meId: number }) {
  const t = useWorkT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<CopyOutlined />} onClick={() => setOpen(true)} data-testid="case-cc">
        {t('cc.action')}
      </Button>
      {open && <CcDialog kase={kase} meId={meId} onClose={() => setOpen(false)} />}
    </>
  );
}

function CcDialog({ kase, meId, onClose }: { kase: CaseDetail; meId: number; onClose: () => void }) {
  const t = useWorkT();
  const [q, setQ] = useState('');
  const [ids, setIds] = useState<number[]>([]);
  const [labels, setLabels] = useState<Record<number, string>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key] = useIdempotencyKey();
  const staff = useDirectory(q);
  const action = useCaseAction(kase.id);
  const options = [
    ...ids.filter((id) => !(staff.data ?? []).some((s) => s.accountId === id)).map((id) => ({ value: id, label: labels[id] ?? String(id) })),
    ...(staff.data ?? []).filter((s) => s.accountId !== meId).map((s) => ({ value: s.accountId, label: `${s.name} · ${s.organizationName}` })),
  ];
  return (
    <Modal
      open
      title={t('cc.title')}
      okText={t('cc.action')}
      okButtonProps={{ disabled: ids.length === 0, loading: action.isPending, 'data-testid': 'cc-ok' }}
      onCancel={onClose}
      onOk={() => {
        setError(null);
        action.mutate({ body: { action: 'cc', accountIds: ids, note: note.trim() || null }, key }, { onSuccess: onClose, onError: (e) => setError(e.message) });
      }}
      data-testid="cc-dialog"
    >
      <Typography.Paragraph type="secondary">{t('cc.text')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('cc.recipients')} required>
          <Select
            id="cc-recipients"
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={staff.isFetching}
            value={ids}
            onChange={(v: number[], opts) => {
              setIds(v);
              const list = Array.isArray(opts) ? opts : [opts];
              setLabels((l) => ({ ...l, ...Object.fromEntries(list.filter(Boolean).map((o) => [o!.value as number, String(o!.label)])) }));
            }}
            options={options}
            placeholder={t('cc.search')}
            notFoundContent={t('task.noPerson')}
          />
        </Form.Item>
        <Form.Item label={t('task.note')}>
          <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('cases.optional')} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

const stateColor: Record<ExtensionRequest['state'], string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** The case's extension requests (延期申请); a head of the department approves or refuses the pending one. */
export function ExtensionRequests({ kase }: { kase: CaseDetail }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const [deciding, setDeciding] = useState<{ request: ExtensionRequest; approve: boolean } | null>(null);
  return (
    <>
      <List
        size="small"
        dataSource={kase.extensionRequests}
        data-testid="extension-requests"
        renderItem={(e) => (
          <List.Item
            data-request={e.id}
            actions={
              e.canDecide
                ? [
                    <Button
                      key="approve"
                      size="small"
                      type="primary"
                      icon={<CheckOutlined />}
                      onClick={() => setDeciding({ request: e, approve: true })}
                      data-testid="extension-approve"
                    >
                      {t('ext.approve')}
                    </Button>,
                    <Button
                      key="refuse"
                      size="small"
                      danger
                      icon={<CloseOutlined />}
                      onClick={() => setDeciding({ request: e, approve: false })}
                      data-testid="extension-refuse"
                    >
                      {t('ext.refuse')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{t('ext.days', { days: e.days })}</Typography.Text>
                  <Tag color={stateColor[e.state]} data-testid="extension-state">
                    {t(`ext.state.${e.state}`)}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <div>{e.reason}</div>
                  <div className="cell-sub">{t('ext.by', { name: e.requestedBy, at: formatDateTime(e.createdAt, locale) })}</div>
                  {e.decisionNote && <div className="cell-sub">{t('cases.ev.note', { text: e.decisionNote })}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      {deciding && (
        <DecideExtensionDialog
          caseId={kase.id}
          request={deciding.request}
          approve={deciding.approve}
          subtitle={`${kase.number} · ${kase.subject}`}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}

/** Approve (the legal limit moves out) or refuse (with reasons) one extension request. */
export function DecideExtensionDialog({
  caseId,
  request,
  approve,
  subtitle,
  onClose,
}: {
  caseId: number;
  request: { id: number; days: number; reason: string; requestedBy: string };
  approve: boolean;
  subtitle: string;
  onClose: () => void;
}) {
  const t = useWorkT();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key] = useIdempotencyKey();
  const action = useCaseAction(caseId);
  const ready = approve || note.trim().length >= 2;
  return (
    <Modal
      open
      title={t('ext.decideTitle')}
      okText={approve ? t('ext.approve') : t('ext.refuse')}
      okButtonProps={{ danger: !approve, disabled: !ready, loading: action.isPending, 'data-testid': 'extension-decide-ok' }}
      onCancel={onClose}
      onOk={() => {
        setError(null);
        action.mutate(
          { body: { action: 'decide_extension', requestId: request.id, approve, note: note.trim() || null }, key },
          { onSuccess: onClose, onError: (e) => setError(e.message) },
        );
      }}
      data-testid="extension-decide-dialog"
    >
      <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{t('ext.days', { days: request.days })}</Typography.Text> · {request.requestedBy}
        <br />
        {request.reason}
      </Typography.Paragraph>
      <Alert
        type={approve ? 'info' : 'warning'}
        showIcon
        className="block-gap"
        title={approve ? t('ext.approveText', { days: request.days }) : t('ext.refuseText')}
      />
      <Form layout="vertical">
        <Form.Item label={t('ext.decisionNote')} required={!approve}>
          <Input.TextArea
            id="extension-note"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={approve ? t('cases.optional') : t('cases.reasonRequired')}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
