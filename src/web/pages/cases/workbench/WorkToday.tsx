import { Card, Col, List, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT, type WorkT } from '../../../i18n/case-work.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import { useWorkToday, type WorkToday as Today } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';

import { NoticeDue } from '../shared/BundleParts.tsx';
import { CaseLine, CountTile } from '../shared/CaseLine.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import '../cases.css';

/**
 * 今日工作: the counts a window clerk and an approver start the day with — the desk's queues and the inbox, each
 * opening its page filtered to it — and the few cases and tasks that cannot wait. Refreshed every minute.
 */
export function WorkToday({ isHead }: { isHead: boolean }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const today = useWorkToday();
  if (today.isPending)
    return (
      <Card title={t('today.title')}>
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  if (today.isError)
    return (
      <Card title={t('today.title')}>
        <ErrorState error={today.error} onRetry={() => void today.refetch()} />
      </Card>
    );
  const { intake, tasks, asOf } = today.data;
  if (!intake && !tasks) return null;
  return (
    <Card
      title={t('today.title')}
      extra={<Typography.Text type="secondary">{t('today.asOf', { time: formatDateTime(asOf, locale) })}</Typography.Text>}
      data-testid="work-today"
    >
      <Row gutter={[12, 12]}>
        {intake && <IntakeTiles intake={intake} t={t} />}
        {tasks && <TaskTiles tasks={tasks} t={t} isHead={isHead} />}
      </Row>
      <Row gutter={[16, 16]} className="block-gap-top">
        {tasks && (
          <Col xs={24} xl={intake ? 12 : 24}>
            <PressingTasks tasks={tasks} t={t} />
          </Col>
        )}
        {intake && (
          <Col xs={24} xl={tasks ? 12 : 24}>
            <PressingIntake intake={intake} t={t} />
          </Col>
        )}
      </Row>
    </Card>
  );
}

function IntakeTiles({ intake, t }: { intake: NonNullable<Today['intake']>; t: WorkT }) {
  const tt = useTolT();
  return (
    <>
      <CountTile
        to="/workbench/intake?tab=prereview"
        title={t('today.preReview')}
        value={intake.preReview}
        tone={intake.noticeDue > 0 ? 'danger' : undefined}
        hint={intake.noticeDue > 0 ? t('today.noticeDue', { n: intake.noticeDue }) : t('today.noticeFine')}
        testId="today-prereview"
      />
      <CountTile
        to="/workbench/cases?kind=awaiting_supplement"
        title={t('today.awaitingApplicant')}
        value={intake.awaitingApplicant}
        tone={intake.supplementEndsToday > 0 ? 'warning' : undefined}
        hint={intake.supplementEndsToday > 0 ? t('today.supplementEndsToday', { n: intake.supplementEndsToday }) : t('today.awaitingApplicantHint')}
        testId="today-awaiting"
      />
      {intake.windowDecision > 0 && (
        <CountTile
          to="/workbench/intake?tab=window_decision"
          title={t('today.windowDecision')}
          value={intake.windowDecision}
          tone="warning"
          hint={t('today.windowDecisionHint')}
          testId="today-window-decision"
        />
      )}
      {intake.tolerated > 0 && (
        <CountTile
          to="/workbench/intake?tab=tolerated"
          title={tt('tol.todayTitle')}
          value={intake.tolerated}
          tone={intake.toleratedOverdue > 0 ? 'danger' : 'warning'}
          hint={intake.toleratedOverdue > 0 ? tt('tol.todayOverdue', { n: intake.toleratedOverdue }) : tt('tol.todayFine')}
          testId="today-tolerated"
        />
      )}
      <CountTile
        to="/workbench/intake?tab=delivery"
        title={t('today.toDeliver')}
        value={intake.toDeliver}
        tone={intake.lateDelivery > 0 ? 'danger' : intake.deliveryDueToday > 0 ? 'warning' : undefined}
        hint={
          intake.lateDelivery > 0
            ? t('today.lateDelivery', { n: intake.lateDelivery })
            : intake.deliveryDueToday > 0
              ? t('today.deliveryDueToday', { n: intake.deliveryDueToday })
              : t('today.deliveryFine')
        }
        testId="today-deliver"
      />
    </>
  );
}

function TaskTiles({ tasks, t, isHead }: { tasks: NonNullable<Today['tasks']>; t: WorkT; isHead: boolean }) {
  const ct = useCommitT();
  return (
    <>
      <CountTile
        to="/workbench/tasks"
        title={t('today.inbox')}
        value={tasks.open}
        hint={t('today.inboxHint', { unclaimed: tasks.unclaimed, claimed: tasks.claimed })}
        testId="today-inbox"
      />
      <CountTile
        to="/workbench/tasks?due=today"
        title={t('today.dueToday')}
        value={tasks.dueToday}
        tone={tasks.dueToday > 0 ? 'warning' : undefined}
        hint={t('today.soonHint', { n: tasks.soon })}
        testId="today-due"
      />
      <CountTile
        to="/workbench/tasks?due=overdue"
        title={t('today.overdue')}
        value={tasks.overdue}
        tone={tasks.overdue > 0 ? 'danger' : undefined}
        hint={t('today.overdueHint')}
        testId="today-overdue"
      />
      <CountTile to="/workbench/tasks?urgent=true" title={t('today.urgent')} value={tasks.urgent} hint={t('today.urgentHint')} testId="today-urgent" />
      {isHead && (
        <CountTile
          to="/workbench/tasks"
          title={t('today.extensions')}
          value={tasks.extensionRequests}
          tone={tasks.extensionRequests > 0 ? 'warning' : undefined}
          hint={t('today.extensionsHint')}
          testId="today-extensions"
        />
      )}
      {tasks.commitmentChecksDue > 0 && (
        <CountTile
          to="/workbench/tasks?tab=checks"
          title={ct('commit.todayTitle')}
          value={tasks.commitmentChecksDue}
          tone="warning"
          hint={ct('commit.todayHint')}
          testId="today-commitment-checks"
        />
      )}
    </>
  );
}

/** A short list of the cases that cannot wait, with a link to the page that lists them all. */
function Pressing<T>(props: { title: string; more: ReactNode; empty: string; items: T[]; testId: string; render: (item: T) => ReactNode }) {
  return (
    <Card size="small" title={props.title} extra={props.more} className="full-height" data-testid={props.testId}>
      {props.items.length === 0 ? <EmptyHint text={props.empty} /> : <List size="small" dataSource={props.items} renderItem={props.render} />}
    </Card>
  );
}

function PressingTasks({ tasks, t }: { tasks: NonNullable<Today['tasks']>; t: WorkT }) {
  const { locale } = useLocale();
  return (
    <Pressing
      title={t('today.pressingTasks')}
      more={<Link to="/workbench/tasks">{t('today.allTasks')}</Link>}
      empty={t('today.noTasks')}
      items={tasks.pressing}
      testId="today-pressing-tasks"
      render={(task) => {
        const overdue = !!task.dueAt && Date.parse(task.dueAt) < Date.now();
        return (
          <CaseLine
            key={task.id}
            to={`/workbench/cases/${task.caseId}`}
            subject={task.subject}
            number={task.caseNumber}
            who={task.applicantName}
            tags={task.isUrgent && <Tag color="red">{t('today.urgent')}</Tag>}
          >
            <div className="today-due">
              <div>{task.name}</div>
              <div className={overdue ? 'case-overdue' : 'cell-sub'}>{task.dueAt ? formatDue(task.dueAt, locale) : t('today.noDeadline')}</div>
              {overdue && (
                <Tag color="red" className="case-overdue-tag">
                  {t('today.overdue')}
                </Tag>
              )}
            </div>
          </CaseLine>
        );
      }}
    />
  );
}

function PressingIntake({ intake, t }: { intake: NonNullable<Today['intake']>; t: WorkT }) {
  return (
    <Pressing
      title={t('today.pressingIntake')}
      more={<Link to="/workbench/intake?tab=prereview">{t('today.allIntake')}</Link>}
      empty={t('today.noIntake')}
      items={intake.pressing}
      testId="today-pressing-intake"
      render={(c) => (
        <CaseLine key={c.id} to={`/workbench/cases/${c.id}`} subject={c.subject} number={c.number} who={c.applicantName}>
          <div className="today-due">
            <NoticeDue c={{ status: 'submitted', noticeDueAt: c.noticeDueAt }} t={t} />
            <div className="cell-sub">{t('notice.due')}</div>
          </div>
        </CaseLine>
      )}
    />
  );
}
