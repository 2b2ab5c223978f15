import { Badge, Button, Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageSpin } from '../../components/PageState.tsx';
import { useBoard, useLiveTickets } from './queue-api.ts';
import { HallPicker, hallDayText, useCategoryName, useHallStream } from './queue-shared.tsx';
import { formatTime } from '../../i18n/format.ts';
import { useManagedHall } from './QueueConfigPage.tsx';

/** 实时队列看板: waiting per category, every window's state and number, today's open tickets — live. */
export function QueueBoardPage() {
  const t = useT();
  const { locale } = useLocale();
  const { halls, hallId, setHall } = useManagedHall();
  const qc = useQueryClient();
  const initial = useBoard(hallId);
  const tickets = useLiveTickets(hallId);
  const nameOf = useCategoryName();
  const { board: live, connected } = useHallStream(hallId, () => void qc.invalidateQueries({ queryKey: ['queue', 'live', hallId] }));
  const board = live ?? initial.data;
  return (
    <>
      <PageHeader
        title={t('q.nav.board')}
        subtitle={t('q.board.subtitle')}
        extra={
          <Space wrap>
            {halls.data && <HallPicker halls={halls.data} value={hallId} onChange={setHall} />}
            {hallId && (
              <>
                <Button href={`/queue/display/${hallId}`} target="_blank">
                  {t('q.board.openDisplay')}
                </Button>
                <Button href={`/queue/kiosk/${hallId}`} target="_blank">
                  {t('q.board.openKiosk')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {halls.isPending || (hallId && !board && initial.isPending) ? (
        <PageSpin />
      ) : halls.isError ? (
        <ErrorState error={halls.error} />
      ) : initial.isError && !board ? (
        <ErrorState error={initial.error} onRetry={() => void initial.refetch()} />
      ) : board ? (
        <Row gutter={[16, 16]} data-testid="queue-board">
          <Col span={24}>
            <Card size="small">
              <Space wrap size="large">
                <Badge status={connected ? 'success' : 'warning'} text={connected ? t('q.live') : t('q.reconnecting')} />
                <span data-testid="board-day">{hallDayText(t, board)}</span>
                <Statistic title={t('q.board.waitingTotal')} value={board.categories.reduce((n, c) => n + c.waiting, 0)} />
                <Statistic title={t('q.board.issuedTotal')} value={board.categories.reduce((n, c) => n + c.issued, 0)} />
              </Space>
            </Card>
          </Col>
          {board.categories.map((c) => (
            <Col key={c.id} xs={12} md={8} xl={4}>
              <Card size="small" className={`q-board-cat${c.isGreen ? ' q-card-green' : ''}`}>
                <Statistic title={`${c.prefix} ${nameOf(c)}`} value={c.waiting} suffix={t('q.people')} />
                <div className="q-muted q-nowrap">
                  {t('q.board.lastCalled')}: {c.lastCalled ?? '—'}
                </div>
                <div className="q-muted q-nowrap">{t('q.board.issued', { n: c.issued })}</div>
              </Card>
            </Col>
          ))}
          <Col xs={24} xl={10}>
            <Card title={t('q.board.windows')} size="small">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={board.windows}
                columns={[
                  { title: t('q.window'), key: 'w', render: (_, w) => `${t('q.windowN', { n: w.number })} ${w.name}` },
                  {
                    title: t('q.status'),
                    dataIndex: 'state',
                    render: (s: string) => (
                      <Badge status={s === 'open' ? 'success' : s === 'paused' ? 'warning' : 'default'} text={t(`q.wstate.${s}` as 'q.wstate.open')} />
                    ),
                  },
                  { title: t('q.board.current'), dataIndex: 'current', render: (v: string | null) => v ?? '—' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card title={t('q.board.open')} size="small">
              <Table
                size="small"
                rowKey="id"
                loading={tickets.isPending}
                dataSource={tickets.data}
                pagination={{ pageSize: 15 }}
                locale={{ emptyText: t('q.calling.empty') }}
                columns={[
                  { title: t('q.number'), dataIndex: 'code' },
                  { title: t('q.category'), dataIndex: 'categoryName' },
                  { title: t('q.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`q.status.${s}` as 'q.status.waiting')}</Tag> },
                  { title: t('q.window'), dataIndex: 'windowNumber', render: (v: string | null) => v ?? '—' },
                  { title: t('q.channel'), dataIndex: 'channel', render: (v: string) => t(`q.channel.${v}` as 'q.channel.kiosk') },
                  { title: t('q.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
                  { title: t('q.calling.issued'), dataIndex: 'issuedAt', render: (v: string) => formatTime(v, locale) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
