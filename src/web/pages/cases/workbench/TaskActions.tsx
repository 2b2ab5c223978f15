import { useState } from 'react';
import { Alert, Button, Dropdown, Modal, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { BellOutlined, CheckOutlined, CloseOutlined, DownOutlined, LockOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT, type WorkT } from '../../../i18n/case-work.ts';
import { useCaseAction, type CaseDetail, type CaseTask } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { decisionWords, roleLabel } from '../shared/labels.tsx';
import type { Locale } from '../../../../common/errors.ts';
import { TaskDialog, type TaskDialogKind } from './TaskDialog.tsx';
import type { Completeness } from './completeness.ts';
import { formatDue } from '../../../i18n/format.ts';

/**
 * Stage-specific words: at 决定 approving grants in the words of the item's type (准予许可, 予以确认, 准予办理 …), at 办结
 * it concludes, elsewhere it passes the review.
 */
function approveLabel(t: WorkT, kase: CaseDetail, task: CaseTask, locale: Locale): string {
  return task.stage === 'decide' ? decisionWords(kase, locale).grant : t(task.stage === 'conclude' ? 'cases.conclude' : 'cases.approve');
}
function rejectLabel(t: WorkT, kase: CaseDetail, task: CaseTask, locale: Locale): string {
  return task.stage === 'decide' ? decisionWords(kase, locale).deny : t('cases.reject');
}

const isOpen = (task: CaseTask) => task.state === 'open' || task.state === 'claimed';

/** What the caller may do on this case's tasks now (the server says per task: `canAct`, `canReassign`, `canRecall`). */
export function hasTaskActions(kase: CaseDetail, me: Me): boolean {
  const staffReader = me.permissions.includes('case.read');
  return kase.tasks.some((x) => x.canAct || x.canRecall || x.canReassign || (x.assignedToMe && x.delegated) || (staffReader && isOpen(x)));
}

/**
 * The case's tasks with what the caller can do: on a task they may work now — claim, approve or reject,
 * return, transfer, delegate (交办), add a co-signer (加签), request supplements, special procedures,
 * ask for an extension (or, as head, extend); a task delegated to them — answer it; their own finished
 * step — recall it (撤回) while the next has not started; anyone else's open task — urge it (催办) and,
 * as head of the department, reassign it (改派).
 */
export function TaskActions({
  kase,
  me,
  completeness,
  onDone,
}: {
  kase: CaseDetail;
  me: Me;
  completeness: Completeness;
  /** the case as a task action left it (a decision made at the window may have concluded it: the delivery follows) */
  onDone?: (kase: CaseDetail) => void;
}) {
  const t = useWorkT();
  const { locale } = useLocale();
  const [dialog, setDialog] = useState<{ kind: TaskDialogKind; task: CaseTask } | null>(null);
  const open = kase.tasks.filter(isOpen);
  const mine = open.filter((x) => x.canAct || (x.assignedToMe && x.delegated));
  const others = open.filter((x) => !mine.includes(x));
  const recallable = kase.tasks.filter((x) => x.canRecall);
  const waiting = kase.status === 'awaiting_supplement';
  if (mine.length === 0 && others.length === 0 && recallable.length === 0) return null;
  return (
    <div data-testid="task-actions">
      {mine.map((task) => (
        <MyTaskRow key={task.id} kase={kase} task={task} me={me} onDialog={(kind) => setDialog({ kind, task })} />
      ))}
      {recallable.map((task) => (
        <RecallRow key={task.id} kase={kase} task={task} />
      ))}
      {others.length > 0 && (
        <div className="case-other-tasks" data-testid="other-tasks">
          {(mine.length > 0 || recallable.length > 0) && <Typography.Text type="secondary">{t('task.othersSteps')}</Typography.Text>}
          {others.map((task) => (
            <div key={task.id} className="case-my-task" data-task={task.id}>
              <TaskHead task={task} t={t} />
              <Space wrap>
                <Typography.Text type="secondary" data-testid="task-why-not">
                  {waiting
                    ? t('cases.waitingSupplement')
                    : task.delegated && task.assignee
                      ? t('task.delegatedAway', { name: task.assignee })
                      : t('task.notYours')}
                </Typography.Text>
                {/* urged is whoever holds it: not oneself, nor anyone while the applicant is the one to act */}
                {!waiting && !task.assignedToMe && (
                  <Button size="small" icon={<BellOutlined />} onClick={() => setDialog({ kind: 'urge', task })} data-testid="task-urge">
                    {t('task.urge')}
                  </Button>
                )}
                {task.canReassign && (
                  <Button size="small" icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'reassign', task })} data-testid="task-reassign">
                    {t('task.reassign')}
                  </Button>
                )}
              </Space>
            </div>
          ))}
        </div>
      )}
      {dialog && (
        <TaskDialog
          kind={dialog.kind}
          task={dialog.task}
          kase={kase}
          me={me}
          completeness={completeness}
          approveText={approveLabel(t, kase, dialog.task, locale)}
          rejectText={rejectLabel(t, kase, dialog.task, locale)}
          onClose={() => setDialog(null)}
          onDone={onDone}
        />
      )}
    </div>
  );
}

function TaskHead({ task, t }: { task: CaseTask; t: WorkT }) {
  const { locale } = useLocale();
  return (
    <div className="case-my-task-head">
      <Typography.Text strong>{task.name}</Typography.Text>
      <Tag>{roleLabel(t, task.role)}</Tag>
      <span className="cell-sub">{task.organizationName}</span>
      {task.kind === 'cosign' && <Tag color="purple">{t('task.kind.cosign')}</Tag>}
      {task.delegated && <Tag color="cyan">{t('task.delegated')}</Tag>}
      {task.urgedCount > 0 && <Tag color="volcano">{t('task.urged', { n: task.urgedCount })}</Tag>}
      {task.state === 'claimed' ? (
        <Tag color="processing">{t('cases.claimedBy', { name: task.assignee ?? '' })}</Tag>
      ) : (
        <Tag color="blue">{t('cases.unclaimed')}</Tag>
      )}
      {task.dueAt && (
        <span className={Date.parse(task.dueAt) < Date.now() ? 'case-overdue' : 'cell-sub'}>{t('cases.dueBy', { due: formatDue(task.dueAt, locale) })}</span>
      )}
    </div>
  );
}

function MyTaskRow({ kase, task, me, onDialog }: { kase: CaseDetail; task: CaseTask; me: Me; onDialog: (kind: TaskDialogKind) => void }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const isHead = me.roles.some((r) => r.role === 'head');
  const extended = kase.timeline.some((e) => e.type === 'extended');
  const pendingExtension = kase.extensionRequests.some((e) => e.state === 'pending');
  const openPause = kase.clock?.pauses.find((p) => !p.endedAt);
  // 企业开办一件事: the case waits for the company's registration, its clock paused; it is neither decided nor sent back
  const awaitingRegistration = openPause?.reason === 'registration';
  const inSpecial = !!openPause && openPause.reason !== 'supplement' && !awaitingRegistration;
  const waiting = kase.status === 'awaiting_supplement' || awaitingRegistration;
  if (task.delegated && task.assignedToMe)
    return (
      <div className="case-my-task" data-task={task.id}>
        <TaskHead task={task} t={t} />
        <Alert type="info" showIcon className="block-gap" title={t('task.delegatedToMe')} />
        <Button type="primary" icon={<RollbackOutlined />} onClick={() => onDialog('answer')} data-testid="task-answer">
          {t('task.answer')}
        </Button>
      </div>
    );
  // a decision the department authorized the window to make: granted, denied or handed to a colleague at the window
  const atWindow = task.role === 'clerk';
  const more: MenuProps['items'] = atWindow
    ? [{ key: 'transfer', label: t('cases.transfer') }]
    : [
        { key: 'return', label: task.mayReturn ? t('cases.return') : t('task.returnNowhere'), disabled: waiting || inSpecial || !task.mayReturn },
        { key: 'transfer', label: t('cases.transfer') },
        { key: 'delegate', label: t('task.delegate') },
        ...(task.kind !== 'cosign' ? [{ key: 'add_cosigner', label: t('task.cosign'), disabled: !['in_progress', 'decided'].includes(kase.status) }] : []),
        ...(task.canReassign ? [{ key: 'reassign', label: t('task.reassign') }] : []),
        { type: 'divider' as const },
        { key: 'request_supplement', label: t('cases.requestSupplement'), disabled: kase.status !== 'in_progress' || awaitingRegistration },
        inSpecial
          ? { key: 'end_special', label: t('cases.endSpecial') }
          : { key: 'start_special', label: t('cases.startSpecial'), disabled: kase.status !== 'in_progress' || awaitingRegistration },
        {
          key: 'request_extension',
          label: extended ? t('cases.extendedOnce') : pendingExtension ? t('task.extensionPending') : t('task.requestExtension'),
          disabled: extended || pendingExtension || !kase.clock,
        },
        ...(isHead ? [{ key: 'extend', label: extended ? t('cases.extendedOnce') : t('cases.extend'), disabled: extended || !kase.clock }] : []),
      ];
  return (
    <div className="case-my-task" data-task={task.id}>
      <TaskHead task={task} t={t} />
      {atWindow && <Alert type="info" showIcon className="block-gap" title={t('task.atWindow', decisionWords(kase, locale))} data-testid="task-at-window" />}
      <Space wrap>
        {task.state === 'open' && <ClaimButton kase={kase} task={task} />}
        <Button type="primary" icon={<CheckOutlined />} disabled={waiting || inSpecial} onClick={() => onDialog('approve')} data-testid="task-approve">
          {approveLabel(t, kase, task, locale)}
        </Button>
        {task.stage !== 'conclude' && (
          <Button danger icon={<CloseOutlined />} disabled={waiting || inSpecial} onClick={() => onDialog('reject')} data-testid="task-reject">
            {rejectLabel(t, kase, task, locale)}
          </Button>
        )}
        <Dropdown menu={{ items: more, onClick: ({ key }) => onDialog(key as TaskDialogKind) }} trigger={['click']}>
          <Button data-testid="task-more">
            {t('cases.moreActions')} <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
      {awaitingRegistration ? (
        <div className="case-inline-hint" data-testid="task-awaiting-registration">
          {t('task.awaitingRegistration')}
        </div>
      ) : (
        waiting && <div className="case-inline-hint">{t('cases.waitingSupplement')}</div>
      )}
      {inSpecial && (
        <div className="case-inline-hint" data-testid="task-in-special">
          {t('task.inSpecial')}
        </div>
      )}
    </div>
  );
}

/** 撤回: the caller's own approval or rejection, while the next step has not started. */
function RecallRow({ kase, task }: { kase: CaseDetail; task: CaseTask }) {
  const t = useWorkT();
  const [key, renew] = useIdempotencyKey();
  const [modal, holder] = Modal.useModal();
  const { message } = useFeedback();
  const action = useCaseAction(kase.id);
  return (
    <div className="case-my-task" data-task={task.id} data-testid="recall-row">
      {holder}
      <div className="case-my-task-head">
        <Typography.Text strong>{task.name}</Typography.Text>
        {task.outcome && <Tag color={task.outcome === 'rejected' ? 'red' : 'green'}>{t(`cases.outcome.${task.outcome}`)}</Tag>}
        {task.opinion && <span className="cell-sub">{task.opinion}</span>}
      </div>
      <Button
        icon={<RollbackOutlined />}
        loading={action.isPending}
        data-testid="task-recall"
        onClick={() =>
          void modal.confirm({
            title: t('task.recallTitle'),
            content: t('task.recallText'),
            okText: t('task.recall'),
            onOk: () =>
              action
                .mutateAsync({ body: { action: 'recall', taskId: task.id }, key })
                .then(() => renew())
                .catch((e: Error) => {
                  message.error(e.message);
                }),
          })
        }
      >
        {t('task.recall')}
      </Button>
    </div>
  );
}

function ClaimButton({ kase, task }: { kase: CaseDetail; task: CaseTask }) {
  const t = useWorkT();
  const [key] = useIdempotencyKey();
  const { message } = useFeedback();
  const action = useCaseAction(kase.id);
  return (
    <Button
      icon={<LockOutlined />}
      loading={action.isPending}
      onClick={() =>
        action.mutate({ body: { action: 'claim', taskId: task.id, expectedVersion: task.version }, key }, { onError: (e) => message.error(e.message) })
      }
      data-testid="task-claim"
    >
      {t('cases.claim')}
    </Button>
  );
}
