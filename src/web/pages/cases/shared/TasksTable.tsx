import type { ReactNode } from 'react';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLocale } from '../../../i18n/index.tsx';
import type { CaseKey } from '../../../i18n/cases-pages.ts';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import type { CaseTask } from '../../../api/cases.ts';
import { roleLabel } from './labels.tsx';

const stateColor: Record<CaseTask['state'], string> = { open: 'blue', claimed: 'processing', done: 'green', cancelled: 'default' };
const outcomeColor: Record<string, string> = { approved: 'green', rejected: 'red', returned: 'orange', supplement_requested: 'gold' };

/** The workflow's tasks: stage, department and post, who holds it, state, outcome with the opinion, due and done times. */
export function TasksTable({ tasks, actions, compact }: { tasks: CaseTask[]; actions?: (task: CaseTask) => ReactNode; compact?: boolean }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const columns: TableColumnsType<CaseTask> = [
    {
      title: t('cases.task'),
      dataIndex: 'name',
      render: (name: string, task) => (
        <div>
          {name}
          {task.branch !== null && <span className="cell-sub"> · {t('cases.branch', { n: task.branch + 1 })}</span>}
          {task.kind === 'cosign' && (
            <Tag color="purple" className="case-task-tag">
              {t('task.kind.cosign')}
            </Tag>
          )}
          {task.delegated && (
            <Tag color="cyan" className="case-task-tag">
              {t('task.delegated')}
            </Tag>
          )}
          {task.urgedCount > 0 && (task.state === 'open' || task.state === 'claimed') && (
            <Tag color="volcano" className="case-task-tag">
              {t('task.urged', { n: task.urgedCount })}
            </Tag>
          )}
          {/* the department may wrap; the role (审批, 首席代表) stays whole */}
          <div className="cell-sub">
            {task.organizationName} · <span className="nowrap">{roleLabel(t, task.role)}</span>
          </div>
        </div>
      ),
    },
    { title: t('cases.assignee'), dataIndex: 'assignee', width: 110, render: (a: string | null) => a ?? '—' },
    {
      title: t('common.status'),
      key: 'state',
      width: 120,
      render: (_v, task) =>
        task.outcome ? (
          <Tag color={outcomeColor[task.outcome]}>{t(`cases.outcome.${task.outcome}` as CaseKey)}</Tag>
        ) : (
          <Tag color={stateColor[task.state]}>{t(`cases.taskState.${task.state}` as CaseKey)}</Tag>
        ),
    },
    { title: t('cases.opinion'), dataIndex: 'opinion', render: (o: string | null) => o ?? '—' },
    {
      title: t('cases.taskDue'),
      dataIndex: 'dueAt',
      width: 170,
      render: (due: string | null, task) => {
        const overdue = !!due && task.state !== 'done' && task.state !== 'cancelled' && Date.parse(due) < Date.now();
        return <span className={overdue ? 'case-overdue' : undefined}>{formatDue(due, locale)}</span>;
      },
    },
    {
      title: t('cases.completedAt'),
      dataIndex: 'completedAt',
      width: 150,
      // a stage called off (a recall, a return) ended without being done: said so
      render: (v: string | null, task) =>
        task.state === 'cancelled' && v ? (
          <span className="cell-sub">{t('cases.taskCancelledAt', { at: formatDateTime(v, locale) })}</span>
        ) : (
          formatDateTime(v, locale)
        ),
    },
  ];
  const shown = compact ? columns.filter((c) => c.key === 'state' || ('dataIndex' in c && (c.dataIndex === 'name' || c.dataIndex === 'assignee'))) : columns;
  if (actions) shown.push({ title: t('common.actions'), key: 'actions', width: 110, fixed: 'right', render: (_v, task) => actions(task) });
  return (
    <Table<CaseTask>
      size="small"
      rowKey="id"
      pagination={false}
      columns={shown}
      dataSource={tasks}
      scroll={compact ? undefined : { x: 900 }}
      locale={{ emptyText: t('cases.noTasks') }}
      data-testid="case-tasks"
    />
  );
}
