import { Card, Col, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT, type WorkT } from '../../../i18n/case-work.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useWorkToday, type WorkToday as Today } from '../../../api/cases.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { formatDeadline } from '../shared/labels.tsx';
import { NoticeDue } from '../shared/BundleParts.tsx';
import '../cases.css';

/** One count of today's work: a tile that opens the page where that work is done, filtered to it. */
function Tile(props: { to: string; title: string; value: number; hint: ReactNode; tone?: 'danger' | 'warning'; testId: string }) {
  return (
    <Col flex="1 1 200px">
      <Link to={props.to} className={`today-tile${props.tone ? ` today-tile-${props.tone}` : ''}`} data-testid={props.testId} data-count={props.value}>
        <Statistic title={props.title} value={props.value} />
        <div className="today-tile-hint">{props.hint}</div>
      </Link>
    </Col>
  );
}

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
  return (
    <>
      <Tile
        to="/workbench/intake?tab=prereview"
        title={t('today.preReview')}
        value={intake.preReview}
        tone={intake.noticeDue > 0 ? 'danger' : undefined}
        hint={intake.noticeDue > 0 ? t('today.noticeDue', { n: intake.noticeDue }) : t('today.noticeFine')}
        testId="today-prereview"
      />
      <Tile
        to="/workbench/cases?kind=awaiting_supplement"
        title={t('today.awaitingApplicant')}
        value={intake.awaitingApplicant}
        hint={t('today.awaitingApplicantHint')}
        testId="today-awaiting"
      />
      <Tile
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
  return (
    <>
      <Tile
        to="/workbench/tasks"
        title={t('today.inbox')}
        value={tasks.open}
        hint={t('today.inboxHint', { unclaimed: tasks.unclaimed, claimed: tasks.claimed })}
        testId="today-inbox"
      />
      <Tile
        to="/workbench/tasks?due=today"
        title={t('today.dueToday')}
        value={tasks.dueToday}
        tone={tasks.dueToday > 0 ? 'warning' : undefined}
        hint={t('today.soonHint', { n: tasks.soon })}
        testId="today-due"
      />
      <Tile
        to="/workbench/tasks?due=overdue"
        title={t('today.overdue')}
        value={tasks.overdue}
        tone={tasks.overdue > 0 ? 'danger' : undefined}
        hint={t('today.overdueHint')}
        testId="today-overdue"
      />
      <Tile to="/workbench/tasks?urgent=true" title={t('today.urgent')} value={tasks.urgent} hint={t('today.urgentHint')} testId="today-urgent" />
      {isHead && (
        <Tile
          to="/workbench/tasks"
          title={t('today.extensions')}
          value={tasks.extensionRequests}
          tone={tasks.extensionRequests > 0 ? 'warning' : undefined}
          hint={t('today.extensionsHint')}
          testId="today-extensions"
        />
      )}
    </>
  );
}

function PressingTasks({ tasks, t }: { tasks: NonNullable<Today['tasks']>; t: WorkT }) {
  const { locale } = useLocale();
  return (
    <Card
      size="small"
      title={t('today.pressingTasks')}
      extra={<Link to="/workbench/tasks">{t('today.allTasks')}</Link>}
      className="full-height"
      data-testid="today-pressing-tasks"
    >
      {tasks.pressing.length === 0 ? (
        <EmptyHint text={t('today.noTasks')} />
      ) : (
        <List
          size="small"
          dataSource={tasks.pressing}
          renderItem={(task) => {
            const overdue = !!task.dueAt && Date.parse(task.dueAt) < Date.now();
            return (
              <List.Item key={task.id}>
                <List.Item.Meta
                  title={
                    <span>
                      {task.isUrgent && <Tag color="red">{t('today.urgent')}</Tag>}
                      <Link to={`/workbench/cases/${task.caseId}`} className="case-link">
                        {task.subject}
                      </Link>
                    </span>
                  }
                  description={
                    <span className="mono">
                      {task.caseNumber} · {task.applicantName}
                    </span>
                  }
                />
                <div className="today-due">
                  <div>{task.name}</div>
                  <div className={overdue ? 'case-overdue' : 'cell-sub'}>{task.dueAt ? formatDeadline(task.dueAt, locale, t) : t('today.noDeadline')}</div>
                  {overdue && (
                    <Tag color="red" className="case-overdue-tag">
                      {t('today.overdue')}
                    </Tag>
                  )}
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

function PressingIntake({ intake, t }: { intake: NonNullable<Today['intake']>; t: WorkT }) {
  return (
    <Card
      size="small"
      title={t('today.pressingIntake')}
      extra={<Link to="/workbench/intake?tab=prereview">{t('today.allIntake')}</Link>}
      className="full-height"
      data-testid="today-pressing-intake"
    >
      {intake.pressing.length === 0 ? (
        <EmptyHint text={t('today.noIntake')} />
      ) : (
        <List
          size="small"
          dataSource={intake.pressing}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <List.Item.Meta
                title={
                  <span>
                    <Link to={`/workbench/cases/${c.id}`} className="case-link">
                      {c.subject}
                    </Link>
                  </span>
                }
                description={
                  <span className="mono">
                    {c.number} · {c.applicantName}
                  </span>
                }
              />
              <NoticeDue c={{ status: 'submitted', noticeDueAt: c.noticeDueAt }} t={t} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
