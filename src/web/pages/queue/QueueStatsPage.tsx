import { useState } from 'react';
import { Card, Col, DatePicker, Row, Space, Statistic, Table, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageSpin } from '../../components/PageState.tsx';
import { useStats, type QueueStats } from './queue-api.ts';
import { HallPicker, todayInChina } from './queue-shared.tsx';
import { useManagedHall } from './QueueConfigPage.tsx';

const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

/** Tickets per category and hour as a heat table: one row per category, one column per hour. */
function HourGrid({ stats }: { stats: QueueStats }) {
  const t = useT();
  const hours = [...new Set(stats.byCategoryHour.map((r) => r.hour))].sort((a, b) => a - b);
  const cats = [...new Map(stats.byCategoryHour.map((r) => [r.prefix, r.name])).entries()];
  const max = Math.max(1, ...stats.byCategoryHour.map((r) => r.tickets));
  if (!hours.length) return <div className="q-muted">{t('q.stats.none')}</div>;
  return (
    <div className="q-hours" data-testid="stats-hours">
      <table>
        <thead>
          <tr>
            <th />
            {hours.map((h) => (
              <th key={h}>{`${h}:00`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cats.map(([prefix, name]) => (
            <tr key={prefix}>
              <th>
                {prefix} {name}
              </th>
              {hours.map((h) => {
                const n = stats.byCategoryHour.find((r) => r.prefix === prefix && r.hour === h)?.tickets ?? 0;
                return (
                  <td
                    key={h}
                    style={{ background: n ? `rgba(26, 95, 180, ${0.12 + (0.75 * n) / max})` : undefined, color: n / max > 0.55 ? '#fff' : undefined }}
                  >
                    <Tooltip title={`${prefix} ${h}:00 · ${n}`}>{n || ''}</Tooltip>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 排队统计: waits (average and P90), service time per window, no-shows and appointment uptake over a date range. */
export function QueueStatsPage() {
  const t = useT();
  const { halls, hallId, setHall } = useManagedHall();
  const [range, setRange] = useState<[string, string]>([todayInChina(-6), todayInChina()]);
  const stats = useStats(hallId, range[0], range[1]);
  return (
    <>
      <PageHeader
        title={t('q.nav.stats')}
        subtitle={t('q.stats.subtitle')}
        extra={
          <Space wrap>
            {halls.data && <HallPicker halls={halls.data} value={hallId} onChange={setHall} />}
            <DatePicker.RangePicker
              value={[dayjs(range[0]), dayjs(range[1])]}
              allowClear={false}
              format="YYYY/MM/DD"
              onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
              aria-label={t('q.stats.range')}
            />
          </Space>
        }
      />
      {halls.isPending || stats.isPending ? (
        <PageSpin />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Row gutter={[16, 16]} data-testid="queue-stats">
          {[
            [t('q.stats.tickets'), stats.data.totals.tickets],
            [t('q.stats.avgWait'), fmt(stats.data.totals.avgWaitMinutes)],
            [t('q.stats.p90Wait'), fmt(stats.data.totals.p90WaitMinutes)],
            [t('q.stats.noShowRate'), fmt(stats.data.totals.noShowRate, '%')],
            [t('q.stats.appointments'), stats.data.appointments.booked],
            [t('q.stats.uptake'), fmt(stats.data.appointments.uptakeRate, '%')],
          ].map(([title, value]) => (
            <Col key={String(title)} xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={title} value={value as string | number} />
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card title={t('q.stats.byHour')} size="small">
              <HourGrid stats={stats.data} />
            </Card>
          </Col>
          {/* side by side only where both tables fit without breaking a heading or a name */}
          <Col xs={24} xxl={12}>
            <Card title={t('q.stats.waitByCategory')} size="small">
              <Table
                className="q-stats-table"
                size="small"
                rowKey="categoryId"
                pagination={false}
                dataSource={stats.data.waitByCategory}
                columns={[
                  { title: t('q.category'), key: 'c', render: (_, r) => <span className="q-nowrap-text">{`${r.prefix} ${r.name}`}</span> },
                  { title: t('q.stats.tickets'), dataIndex: 'tickets' },
                  { title: t('q.stats.called'), dataIndex: 'called' },
                  { title: t('q.stats.avgWait'), dataIndex: 'avgWaitMinutes', render: (v: number | null) => fmt(v) },
                  { title: t('q.stats.p90Wait'), dataIndex: 'p90WaitMinutes', render: (v: number | null) => fmt(v) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={12}>
            <Card title={t('q.stats.serviceByWindow')} size="small">
              <Table
                className="q-stats-table"
                size="small"
                rowKey="windowId"
                pagination={false}
                dataSource={stats.data.serviceByWindow}
                columns={[
                  { title: t('q.window'), dataIndex: 'number', render: (n: string) => t('q.windowN', { n }) },
                  { title: t('q.stats.served'), dataIndex: 'served' },
                  { title: t('q.stats.avgService'), dataIndex: 'avgServiceMinutes', render: (v: number | null) => fmt(v) },
                  { title: t('q.stats.p90Service'), dataIndex: 'p90ServiceMinutes', render: (v: number | null) => fmt(v) },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('q.stats.appointmentUse')} size="small">
              <Space size="large" wrap>
                <Statistic title={t('q.stats.booked')} value={stats.data.appointments.booked} />
                <Statistic title={t('q.stats.checkedIn')} value={stats.data.appointments.checkedIn} />
                <Statistic title={t('q.stats.apptNoShow')} value={stats.data.appointments.noShow} />
                <Statistic title={t('q.stats.cancelled')} value={stats.data.appointments.cancelled} />
                <Statistic title={t('q.stats.slotUse')} value={`${stats.data.appointments.slotBooked} / ${stats.data.appointments.slotCapacity}`} />
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
