import { useState } from 'react';
import { Button, Dropdown, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { CheckOutlined, CloseOutlined, DownOutlined, LockOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useCaseAction, type CaseDetail, type CaseTask } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { formatDeadline, roleLabel } from '../shared/labels.tsx';
import { TaskDialog, type TaskDialogKind } from './TaskDialog.tsx';
import type { Completeness } from './completeness.ts';

/** An open task of this case on one of the caller's posts (the inbox says which, and whether the caller claimed it). */
export interface MyTask {
  task: CaseTask;
  claimedByMe: boolean;
}

/** Stage-specific words: at 决定 approving is 准予, at 办结 it concludes. */
function approveLabel(task: CaseTask): 'cases.grant' | 'cases.conclude' | 'cases.approve' {
  return task.stage === 'decide' ? 'cases.grant' : task.stage === 'conclude' ? 'cases.conclude' : 'cases.approve';
}
function rejectLabel(task: CaseTask): 'cases.deny' | 'cases.reject' {
  return task.stage === 'decide' ? 'cases.deny' : 'cases.reject';
}

/**
 * The caller's open tasks on this case with what they can do: claim, approve or reject with an
 * opinion, return, transfer, request supplements, start or end a special procedure, and (heads)
 * extend the legal limit.
 */
export function TaskActions({ kase, tasks, me, completeness }: { kase: CaseDetail; tasks: MyTask[]; me: Me; completeness: Completeness }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const [dialog, setDialog] = useState<{ kind: TaskDialogKind; task: CaseTask } | null>(null);
  if (tasks.length === 0) return null;
  const isHead = me.roles.some((r) => r.role === 'head');
  const extended = kase.timeline.some((e) => e.type === 'extended');
  const openPause = kase.clock?.pauses.find((p) => !p.endedAt);
  const inSpecial = !!openPause && openPause.reason !== 'supplement';
  const waiting = kase.status === 'awaiting_supplement';
  return (
    <div data-testid="task-actions">
      {tasks.map(({ task, claimedByMe }) => {
        const claimedByOther = task.state === 'claimed' && !claimedByMe;
        const more: MenuProps['items'] = [
          { key: 'return', label: t('cases.return'), disabled: waiting },
          { key: 'transfer', label: t('cases.transfer') },
          {
            key: 'request_supplement',
            label: t('cases.requestSupplement'),
            disabled: kase.status !== 'in_progress',
          },
          inSpecial
            ? { key: 'end_special', label: t('cases.endSpecial') }
            : { key: 'start_special', label: t('cases.startSpecial'), disabled: kase.status !== 'in_progress' },
          ...(isHead ? [{ key: 'extend', label: extended ? t('cases.extendedOnce') : t('cases.extend'), disabled: extended || !kase.clock }] : []),
        ];
        return (
          <div key={task.id} className="case-my-task" data-task={task.id}>
            <div className="case-my-task-head">
              <Typography.Text strong>{task.name}</Typography.Text>
              <Tag>{roleLabel(t, task.role)}</Tag>
              {task.state === 'claimed' ? (
                <Tag color="processing">{t('cases.claimedBy', { name: task.assignee ?? '' })}</Tag>
              ) : (
                <Tag color="blue">{t('cases.unclaimed')}</Tag>
              )}
              {task.dueAt && (
                <span className={Date.parse(task.dueAt) < Date.now() ? 'case-overdue' : 'cell-sub'}>
                  {t('cases.dueBy', { due: formatDeadline(task.dueAt, locale, t) })}
                </span>
              )}
            </div>
            {claimedByOther ? (
              <Typography.Text type="secondary">{t('cases.claimedByOther')}</Typography.Text>
            ) : (
              <Space wrap>
                {task.state === 'open' && <ClaimButton kase={kase} task={task} />}
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={waiting}
                  onClick={() => setDialog({ kind: 'approve', task })}
                  data-testid="task-approve"
                >
                  {t(approveLabel(task))}
                </Button>
                {task.stage !== 'conclude' && (
                  <Button danger icon={<CloseOutlined />} disabled={waiting} onClick={() => setDialog({ kind: 'reject', task })} data-testid="task-reject">
                    {t(rejectLabel(task))}
                  </Button>
                )}
                <Dropdown menu={{ items: more, onClick: ({ key }) => setDialog({ kind: key as TaskDialogKind, task }) }} trigger={['click']}>
                  <Button data-testid="task-more">
                    {t('cases.moreActions')} <DownOutlined />
                  </Button>
                </Dropdown>
              </Space>
            )}
            {waiting && <div className="case-inline-hint">{t('cases.waitingSupplement')}</div>}
          </div>
        );
      })}
      {dialog && (
        <TaskDialog
          kind={dialog.kind}
          task={dialog.task}
          kase={kase}
          me={me}
          completeness={completeness}
          approveText={t(approveLabel(dialog.task))}
          rejectText={t(rejectLabel(dialog.task))}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

function ClaimButton({ kase, task }: { kase: CaseDetail; task: CaseTask }) {
  const t = useCaseT();
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
