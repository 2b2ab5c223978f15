import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { useCaseAction, type CaseDetail, type CommitmentCheck } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { formatDue } from '../../../i18n/format.ts';

/**
 * 事后核查 among a case's actions, for whom the server lets record it (`mayCheck`): when it is due (overdue in red)
 * and the button that opens the dialog.
 */
export function CommitmentCheckAction({ kase }: { kase: CaseDetail }) {
  const t = useCommitT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const check = kase.commitmentCheck;
  if (!check?.mayCheck) return null;
  const due = formatDue(check.dueAt, locale);
  return (
    <div className="case-my-task" data-testid="commitment-check-action">
      <Alert
        type={check.overdue ? 'error' : 'warning'}
        showIcon
        title={t(check.overdue ? 'commit.checkOverdue' : 'commit.checkDue', { due })}
        action={
          <Button type="primary" icon={<AuditOutlined />} onClick={() => setOpen(true)} data-testid="commitment-check-open">
            {t('commit.record')}
          </Button>
        }
      />
      {open && <CommitmentCheckDialog kase={kase} check={check} onClose={() => setOpen(false)} />}
    </div>
  );
}

/**
 * 事后核查: the finding on site — the commitment kept, or false (which revokes the license: the server issues the
 * revocation decision and tells the applicant) — with the findings written down.
 */
function CommitmentCheckDialog({ kase, check, onClose }: { kase: CaseDetail; check: CommitmentCheck; onClose: () => void }) {
  const t = useCommitT();
  const { locale } = useLocale();
  const [result, setResult] = useState<'kept' | 'broken' | null>(null);
  const [opinion, setOpinion] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const { message } = useFeedback();
  const text = opinion.trim();
  const opinionBad = text.length < 2 || text.length > 1000;
  const submit = () => {
    setTried(true);
    setError(null);
    if (!result || opinionBad) return;
    // the promise: the recorded check changes the case, whose page may take the dialog away first
    action.mutateAsync({ body: { action: 'check_commitment', result, opinion: text }, key }).then(
      () => {
        message.success(t(result === 'broken' ? 'commit.recordedBroken' : 'commit.recordedKept'));
        onClose();
      },
      (e: Error) => setError(e.message),
    );
  };
  return (
    <Modal
      open
      title={t('commit.dialogTitle', { number: kase.number })}
      okText={t(result === 'broken' ? 'commit.confirmBroken' : 'commit.confirmKept')}
      okButtonProps={{ danger: result === 'broken', loading: action.isPending, 'data-testid': 'commitment-check-ok' }}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={submit}
      width={600}
      data-testid="commitment-check-dialog"
    >
      <Typography.Paragraph type="secondary">{t('commit.dialogIntro')}</Typography.Paragraph>
      <Typography.Paragraph className={check.overdue ? 'case-overdue' : undefined}>
        {t('commit.dueBy', { due: formatDue(check.dueAt, locale) })}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('commit.result')}
          required
          validateStatus={tried && !result ? 'error' : undefined}
          help={tried && !result ? t('commit.resultRequired') : undefined}
        >
          <div data-testid="commitment-result">
            <Radio.Group
              value={result}
              optionType="button"
              buttonStyle="solid"
              onChange={(e) => {
                setResult(e.target.value as 'kept' | 'broken');
                setError(null);
              }}
              options={[
                { value: 'kept', label: t('commit.result.kept') },
                { value: 'broken', label: t('commit.result.broken') },
              ]}
            />
          </div>
        </Form.Item>
        {result === 'broken' && (
          <Alert type="warning" showIcon className="block-gap" title={t('commit.brokenWarning')} data-testid="commitment-broken-warning" />
        )}
        <Form.Item
          label={t('commit.opinion')}
          required
          validateStatus={tried && opinionBad ? 'error' : undefined}
          help={tried && opinionBad ? t('commit.opinionRequired') : undefined}
        >
          <Input.TextArea
            id="commitment-opinion"
            rows={4}
            maxLength={1000}
            showCount
            placeholder={t('commit.opinionPlaceholder')}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} data-testid="commitment-check-error" />}
    </Modal>
  );
}
