import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Tooltip, Typography } from 'antd';
import { CheckOutlined, ClockCircleOutlined, CloseOutlined, FieldTimeOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { TolerateTerms, initialTolerate, tolerateReady } from './TolerateTerms.tsx';
import { useCaseAction, type AskItem, type CaseDetail } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { CommonPhrases, withPhrase } from '../../../components/CommonPhrases.tsx';
import { AskList, askComplete, type AskOption } from './AskList.tsx';
import { DeliverDialog } from './DeliverDialog.tsx';
import type { Completeness } from './completeness.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { toleratedDay } from '../shared/Tolerated.tsx';

type Dialog = 'accept' | 'tolerate' | 'notice' | 'refuse' | 'extend' | 'deliver' | null;

/**
 * The window's actions on a case (case.intake): accept — complete, or 容缺受理 when all that is missing may follow —,
 * the one-time notice, refusal before acceptance, and unified delivery once it is concluded.
 */
export function IntakeActions({
  kase,
  completeness,
  deliveryOffered = false,
  onOfferClosed,
}: {
  kase: CaseDetail;
  completeness: Completeness;
  /** 当场办结: the window's decision just concluded the case — the delivery dialog opens by itself */
  deliveryOffered?: boolean;
  onOfferClosed?: () => void;
}) {
  const t = useCaseT();
  const tt = useTolT();
  // a dialog belongs to the case as it was opened on: once the case moves on (and these buttons go), it is gone, and
  // does not come back when the case next offers a window action (the accept dialog reappearing at delivery)
  const [opened, setOpened] = useState<{ dialog: Dialog; version: number } | null>(null);
  const offered: Dialog = deliveryOffered && kase.status === 'concluded' ? 'deliver' : null;
  const dialog = opened?.version === kase.version ? opened.dialog : offered;
  const setDialog = (d: Dialog) => {
    setOpened(d ? { dialog: d, version: kase.version } : null);
    if (!d) onOfferClosed?.();
  };
  const noticeGiven = kase.timeline.some((e) => e.type === 'notified');
  const canPreReview = kase.status === 'submitted';
  const canRefuse = kase.status === 'submitted' || kase.status === 'notified';
  const canDeliver = kase.status === 'concluded';
  const canExtend = supplementExtendable(kase);
  if (!canPreReview && !canRefuse && !canDeliver && !canExtend) return null;
  const missing = completeness.missingRequired;
  return (
    <>
      <Space wrap data-testid="intake-actions">
        {canPreReview && completeness.canTolerate && (
          <Tooltip title={tt('tol.acceptHint')}>
            <Button type="primary" icon={<ClockCircleOutlined />} onClick={() => setDialog('tolerate')} data-testid="action-tolerate">
              {tt('tol.accept')}
            </Button>
          </Tooltip>
        )}
        {canPreReview && !completeness.canTolerate && (
          <Tooltip
            title={missing.length ? t('cases.acceptBlocked', { names: completeness.missingBlocking.map((m) => m.name).join(t('cases.listSep')) }) : undefined}
          >
            <Button type="primary" icon={<CheckOutlined />} disabled={missing.length > 0} onClick={() => setDialog('accept')} data-testid="action-accept">
              {t('cases.accept')}
            </Button>
          </Tooltip>
        )}
        {canPreReview && (
          <Tooltip title={noticeGiven ? t('cases.noticeOnce') : undefined}>
            <Button icon={<FileTextOutlined />} disabled={noticeGiven} onClick={() => setDialog('notice')} data-testid="action-notice">
              {t('cases.notice')}
            </Button>
          </Tooltip>
        )}
        {canRefuse && (
          <Button danger icon={<CloseOutlined />} onClick={() => setDialog('refuse')} data-testid="action-refuse">
            {t('cases.refuse')}
          </Button>
        )}
        {canExtend && (
          <Button icon={<FieldTimeOutlined />} onClick={() => setDialog('extend')} data-testid="action-extend-supplement">
            {t('cases.extendSupplement')}
          </Button>
        )}
        {canDeliver && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('deliver')} data-testid="action-deliver">
            {t('cases.deliver')}
          </Button>
        )}
      </Space>
      {dialog === 'accept' && <AcceptDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'tolerate' && <TolerateDialog kase={kase} completeness={completeness} onClose={() => setDialog(null)} />}
      {dialog === 'notice' && <NoticeDialog kase={kase} completeness={completeness} onClose={() => setDialog(null)} />}
      {dialog === 'refuse' && <RefuseDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'extend' && <ExtendSupplementDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'deliver' && <DeliverDialog kase={kase} onClose={() => setDialog(null)} />}
    </>
  );
}

function useActionDialog(kase: CaseDetail, onClose: () => void) {
  const [key] = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const action = useCaseAction(kase.id);
  const run = (body: Parameters<typeof action.mutate>[0]['body']) => {
    setError(null);
    action.mutate({ body, key }, { onSuccess: onClose, onError: (e) => setError(e.message) });
  };
  return { run, error, pending: action.isPending };
}

function AcceptDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const t = useCaseT();
  const [note, setNote] = useState('');
  const { run, error, pending } = useActionDialog(kase, onClose);
  return (
    <Modal
      open
      title={t('cases.acceptTitle', { number: kase.number })}
      okText={t('cases.accept')}
      okButtonProps={{ loading: pending, 'data-testid': 'accept-ok' }}
      onOk={() => run({ action: 'accept', note: note.trim() || null, expectedVersion: kase.version })}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('cases.acceptText')}</Typography.Paragraph>
      <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('cases.notePlaceholder')} />
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}

/**
 * 容缺受理: accept without the missing materials the item lets follow, on the applicant's promise to hand them in
 * within a number of working days (1–30) — the window confirms the promise was made.
 */
function TolerateDialog({ kase, completeness, onClose }: { kase: CaseDetail; completeness: Completeness; onClose: () => void }) {
  const tt = useTolT();
  const [terms, setTerms] = useState(initialTolerate);
  const { run, error, pending } = useActionDialog(kase, onClose);
  return (
    <Modal
      open
      width={600}
      title={tt('tol.acceptTitle', { number: kase.number })}
      okText={tt('tol.acceptConfirm')}
      okButtonProps={{ disabled: !tolerateReady(terms), loading: pending, 'data-testid': 'tolerate-ok' }}
      onOk={() =>
        tolerateReady(terms) &&
        run({ action: 'accept', tolerate: { workdays: terms.workdays! }, note: terms.note.trim() || null, expectedVersion: kase.version })
      }
      onCancel={onClose}
      data-testid="tolerate-dialog"
    >
      <TolerateTerms materials={completeness.missingTolerable} value={terms} onChange={setTerms} />
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}

function NoticeDialog({ kase, completeness, onClose }: { kase: CaseDetail; completeness: Completeness; onClose: () => void }) {
  const t = useCaseT();
  const options: AskOption[] = completeness.rows.map((r) => ({
    key: r.key,
    name: r.name,
    required: r.necessity === 'required',
    missing: r.status === 'missing',
  }));
  const [items, setItems] = useState<AskItem[]>(() => completeness.missingRequired.map((m) => ({ key: m.key, note: t('cases.defaultMissingNote') })));
  const [note, setNote] = useState('');
  const { run, error, pending } = useActionDialog(kase, onClose);
  return (
    <Modal
      open
      width={640}
      title={t('cases.noticeTitleFor', { number: kase.number })}
      okText={t('cases.issueNotice')}
      okButtonProps={{ disabled: !askComplete(items), loading: pending, 'data-testid': 'notice-ok' }}
      onOk={() => run({ action: 'notice', items: items.map((i) => ({ key: i.key, note: i.note.trim() })), note: note.trim() || null })}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon className="block-gap" title={t('cases.noticeWarning')} />
      <AskList options={options} value={items} onChange={setItems} />
      <Input.TextArea
        rows={2}
        maxLength={1000}
        className="block-gap-top"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('cases.noticeGeneralNote')}
      />
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}

function RefuseDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const t = useCaseT();
  const [reason, setReason] = useState('');
  const { run, error, pending } = useActionDialog(kase, onClose);
  return (
    <Modal
      open
      title={t('cases.refuseTitle', { number: kase.number })}
      okText={t('cases.refuse')}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: pending, 'data-testid': 'refuse-ok' }}
      onOk={() => run({ action: 'refuse', reason: reason.trim() })}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('cases.refuseText')}</Typography.Paragraph>
      <Input.TextArea
        id="refuse-reason"
        rows={4}
        maxLength={1000}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('cases.refuseReason')}
      />
      <div className="block-gap-top">
        <CommonPhrases purpose="refuse" onPick={(p) => setReason((v) => withPhrase(v, p))} />
      </div>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}

/**
 * 延长补正期限: the window may give the applicant more time once for what was asked, while the period runs — an
 * application (or a bundle application) waiting under its one-time notice, or an item case waiting for supplements.
 */
export function supplementExtendable(kase: CaseDetail, now = Date.now()): boolean {
  if (kase.status !== 'notified' && kase.status !== 'awaiting_supplement') return false;
  if (!kase.supplementDueAt || Date.parse(kase.supplementDueAt) <= now) return false;
  // an item case under its bundle's notice is extended on the bundle application
  if (kase.parent && kase.status === 'notified') return false;
  const last = [...kase.timeline].reverse().find((e) => e.type === 'notified' || e.type === 'supplement_requested' || e.type === 'supplement_extended');
  return last?.type !== 'supplement_extended';
}

function ExtendSupplementDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const [workdays, setWorkdays] = useState<number | null>(5);
  const [reason, setReason] = useState('');
  const { run, error, pending } = useActionDialog(kase, onClose);
  const ready = workdays !== null && workdays >= 1 && workdays <= 60 && reason.trim().length >= 2;
  return (
    <Modal
      open
      title={t('cases.extendSupplementTitle', { number: kase.number })}
      okText={t('cases.extendSupplement')}
      okButtonProps={{ disabled: !ready, loading: pending, 'data-testid': 'extend-supplement-ok' }}
      onOk={() => ready && run({ action: 'extend_supplement', workdays: workdays!, reason: reason.trim() })}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('cases.extendSupplementText', { due: toleratedDay(kase.supplementDueAt!, locale) })}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('cases.extendSupplementBy')} htmlFor="extend-workdays" required>
          <Space>
            <InputNumber id="extend-workdays" min={1} max={60} precision={0} value={workdays} onChange={(v) => setWorkdays(v)} />
            <span>{t('cases.extendSupplementUnit')}</span>
          </Space>
        </Form.Item>
        {/* the counter sits under the box, clear of the dialog's buttons */}
        <Form.Item label={t('cases.extendSupplementWhy')} htmlFor="extend-reason" required style={{ marginBottom: 28 }}>
          <Input.TextArea
            id="extend-reason"
            rows={3}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('cases.extendSupplementReason')}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
    </Modal>
  );
}
