import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Input, Result, Space, Steps, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, FileDoneOutlined, PrinterOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useSitT } from '../../../i18n/window-sitting.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useCase, useCaseAction, type CaseDetail, type CaseTask } from '../../../api/cases.ts';
import { useCaseDocuments } from '../../../api/case-fees.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { decisionWords } from '../shared/labels.tsx';
import { DeliverDialog } from './DeliverDialog.tsx';

const isOpen = (task: CaseTask) => task.state === 'open' || task.state === 'claimed';

/**
 * 当场办理: what follows 收件并受理 at the window, on the same tab — the receipt and the acceptance notice to print,
 * the steps of the sitting (收件, 受理, 决定, 办结, 出件) as the case records them, and the next of them in front of the
 * clerk: the decision the department authorized the window to make (which concludes the case with it), then the
 * delivery. An item the department decides is handed over to it, and the clerk goes on with the next applicant.
 */
/** `extra`: what else the sitting offers beside its own steps (办结叫号, for the ticket the window received for). */
export function WindowSitting({ caseId, onNext, extra }: { caseId: number; onNext: () => void; extra?: ReactNode }) {
  const kase = useCase(caseId);
  return (
    <div data-testid="window-sitting">
      <QueryState query={kase} rows={8}>
        {(data) => <Sitting kase={data} onNext={onNext} extra={extra} />}
      </QueryState>
    </div>
  );
}

function Sitting({ kase, onNext, extra }: { kase: CaseDetail; onNext: () => void; extra?: ReactNode }) {
  const t = useCaseT();
  const s = useSitT();
  const { locale } = useLocale();
  // the delivery is offered as soon as the decision concluded the case; closed, 当场出件 offers it again
  const [delivering, setDelivering] = useState(false);
  const windowTask = kase.tasks.find((x) => x.role === 'clerk');
  const open = kase.tasks.filter(isOpen);
  const mine = open.find((x) => x.role === 'clerk' && x.canAct);
  const delivered = kase.status === 'delivered';
  const steps = sittingSteps(kase);
  const next = (
    <Button type={delivered ? 'primary' : 'default'} icon={<UserAddOutlined />} onClick={onNext} data-testid="sitting-next">
      {t('cases.nextApplicant')}
    </Button>
  );
  let panel;
  if (delivered)
    panel = (
      <Result
        status="success"
        title={s('sit.delivered')}
        subTitle={s('sit.deliveredSub', { number: kase.number })}
        extra={[<span key="extra">{extra}</span>, <span key="next">{next}</span>]}
        data-testid="sitting-delivered"
      />
    );
  else if (kase.status === 'concluded')
    panel = (
      <Alert
        type="success"
        showIcon
        title={s('sit.concludedHint')}
        action={
          <Button type="primary" icon={<SendOutlined />} onClick={() => setDelivering(true)} data-testid="sitting-deliver">
            {s('sit.deliverNow')}
          </Button>
        }
        data-testid="sitting-concluded"
      />
    );
  else if (mine) panel = <DecidePanel key={mine.id} kase={kase} task={mine} onConcluded={() => setDelivering(true)} />;
  else if (open.length > 0) {
    const task = open[0]!;
    panel = (
      <Alert
        type="info"
        showIcon
        title={
          task.role === 'clerk' && task.assignee
            ? s('sit.withColleague', { name: task.assignee })
            : s('sit.withDepartment', { org: task.organizationName, task: task.name })
        }
        data-testid="sitting-handed-over"
      />
    );
  }
  return (
    <>
      <AcceptedHeader kase={kase} next={delivered ? null : next} extra={extra} />
      {windowTask && (
        <Steps
          size="small"
          className="block-gap case-sitting-steps"
          current={steps.some((x) => !x.at) ? steps.findIndex((x) => !x.at) : steps.length}
          items={steps.map((x) => ({
            title: s(`sit.step.${x.step}`),
            content: x.at ? formatDateTime(x.at, locale) : undefined,
            status: x.at ? ('finish' as const) : undefined,
          }))}
          data-testid="sitting-steps"
        />
      )}
      {panel}
      {delivering && kase.status === 'concluded' && <DeliverDialog kase={kase} onClose={() => setDelivering(false)} checkedAtIntake />}
    </>
  );
}

/** The sitting's legal steps as the case records them, each with when it was done. */
function sittingSteps(kase: CaseDetail) {
  return [
    { step: 'received', at: kase.receivedAt },
    { step: 'accepted', at: kase.acceptedAt },
    { step: 'decided', at: kase.decidedAt },
    { step: 'concluded', at: kase.concludedAt },
    { step: 'delivered', at: kase.deliveredAt },
  ] as const;
}

/** 已收件并受理: the case's number, and the receipt and the acceptance notice for the applicant to take along. */
function AcceptedHeader({ kase, next, extra }: { kase: CaseDetail; next: ReactNode; extra?: ReactNode }) {
  const t = useCaseT();
  const s = useSitT();
  const documents = useCaseDocuments(kase.id);
  const doc = (kind: string) => documents.data?.items.find((d) => d.kind === kind);
  const print = (kind: string, label: string, testId: string) => (
    <Button
      icon={<PrinterOutlined />}
      href={doc(kind)?.url ?? undefined}
      target="_blank"
      disabled={!doc(kind)}
      loading={documents.isPending}
      data-testid={testId}
    >
      {label}
    </Button>
  );
  return (
    <Alert
      type="success"
      showIcon
      className="block-gap"
      title={s('sit.accepted')}
      description={
        <div className="case-sitting-head">
          <span data-testid="case-number">
            {t('cases.numberIs')}{' '}
            <Typography.Text copyable className="mono">
              {kase.number}
            </Typography.Text>
          </span>
          <span className="cell-sub">
            {kase.subject} · {kase.applicant.name}
          </span>
          <Space wrap className="block-gap-top">
            {print('material_receipt', t('cases.printReceipt'), 'print-receipt')}
            {print('acceptance_notice', s('sit.printNotice'), 'print-acceptance')}
            <Link to={`/workbench/cases/${kase.id}`} data-testid="open-received">
              <Button icon={<FileDoneOutlined />}>{s('sit.openCase')}</Button>
            </Link>
            {extra}
            {next}
          </Space>
        </div>
      }
      data-testid="sitting-accepted"
    />
  );
}

/**
 * The window's decision on the spot: an opinion (the reasons, to deny), and 准予 or 不予 — in the words of the item's
 * type — which concludes the case with it where the window concludes it too; or the conclusion alone, should the
 * decision have been made without it.
 */
function DecidePanel({ kase, task, onConcluded }: { kase: CaseDetail; task: CaseTask; onConcluded: () => void }) {
  const s = useSitT();
  const { locale } = useLocale();
  const words = decisionWords(kase, locale);
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<'approve' | 'reject' | null>(null);
  const [key] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const reasons = opinion.trim();
  const concluding = task.stage === 'conclude';
  const decide = (outcome: 'approve' | 'reject') => {
    setError(null);
    setSent(outcome);
    const conclude = task.concludesAtWindow ? { conclude: true } : {};
    // the promise, not mutate's callbacks: the concluded case takes this panel away before those would run
    void action
      .mutateAsync({
        body:
          outcome === 'approve'
            ? { action: 'approve', taskId: task.id, opinion: reasons || null, expectedVersion: task.version, ...conclude }
            : { action: 'reject', taskId: task.id, opinion: reasons, expectedVersion: task.version, ...conclude },
        key,
      })
      .then(
        (done) => {
          if (done.status === 'concluded') onConcluded();
        },
        (e: Error) => setError(e.message),
      );
  };
  return (
    <Card
      title={concluding ? s('sit.concludeTitle', { task: task.name }) : s('sit.decideTitle', { task: task.name })}
      className="block-gap"
      data-testid="sitting-decide"
    >
      {!concluding && (
        <>
          <Typography.Paragraph type="secondary">{s('sit.decideIntro', { org: kase.organizationName, ...words })}</Typography.Paragraph>
          <label className="case-sitting-label" htmlFor="sitting-opinion">
            {s('sit.opinion')}
          </label>
          <Input.TextArea
            id="sitting-opinion"
            rows={3}
            maxLength={2000}
            showCount
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            placeholder={s('sit.opinionPlaceholder', words)}
            data-testid="sitting-opinion"
          />
        </>
      )}
      <Space wrap className="block-gap-top">
        {concluding ? (
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={action.isPending} onClick={() => decide('approve')} data-testid="sitting-grant">
            {s('sit.conclude')}
          </Button>
        ) : (
          <>
            <Button
              type="primary"
              size="large"
              icon={<CheckOutlined />}
              loading={action.isPending && sent === 'approve'}
              disabled={action.isPending && sent !== 'approve'}
              onClick={() => decide('approve')}
              data-testid="sitting-grant"
            >
              {task.concludesAtWindow ? s('sit.grantAndConclude', words) : words.grant}
            </Button>
            <Tooltip title={reasons.length < 2 ? s('sit.denyNeedsReason', words) : undefined}>
              <Button
                danger
                size="large"
                icon={<CloseOutlined />}
                loading={action.isPending && sent === 'reject'}
                disabled={reasons.length < 2 || (action.isPending && sent !== 'reject')}
                onClick={() => decide('reject')}
                data-testid="sitting-deny"
              >
                {task.concludesAtWindow ? s('sit.denyAndConclude', words) : words.deny}
              </Button>
            </Tooltip>
          </>
        )}
      </Space>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} data-testid="sitting-error" />}
    </Card>
  );
}
