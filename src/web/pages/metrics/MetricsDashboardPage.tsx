import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DesktopOutlined, FileExcelOutlined, FilePdfOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useLocale, useT } from '../../i18n/index.tsx';
import { QueryState } from '../../components/PageState.tsx';
import { Chart, type EChartsOption } from './charts.tsx';
import { kindKeys, localToday, metricKeys, metricsApi, type Dashboard, type MetricKey } from './api.ts';
import { formatChange, formatMetric, groupRowName, isNoChange } from './format.ts';
import './metrics.css';

const periods = ['day', 'week', 'month', 'quarter', 'year'] as const;
const groups = ['organization', 'window', 'item', 'channel', 'kind', 'region'] as const;
const headline: MetricKey[] = ['accepted', 'completed', 'completionRate', 'onTimeRate', 'earlyRate', 'immediateShare', 'atWindowShare', 'onlineUptake'];
const secondary: MetricKey[] = ['received', 'avgCommittedDays', 'avgActualDays', 'avgLegalDays', 'onlineCapableShare', 'fees', 'satisfaction', 'late'];
const labelWidth: Record<string, string> = { window: '12em', item: '10em', region: '8em' };
/** The breakdown chart draws this many rows at most (the table lists them all) and says so when it leaves some out. */
const chartRows = 30;

function ChangeTag({ value }: { value: number | null | undefined }) {
  const t = useT();
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  // no change is neither good nor bad news: no arrow, no colour
  if (isNoChange(value)) return <Typography.Text type="secondary">{t('m.noChange')}</Typography.Text>;
  return <Typography.Text type={value > 0 ? 'success' : 'danger'}>{formatChange(value)}</Typography.Text>;
}

/** 办结率 counts the cases accepted in the period (a cohort), not the 办结量 beside it: its title says so. */
function CompletionRateTitle({ inCard }: { inCard?: boolean }) {
  const t = useT();
  const help = (
    <Tooltip title={t('m.completionRate.help')}>
      <QuestionCircleOutlined aria-label={t('m.completionRate.help')} style={{ color: 'rgba(0, 0, 0, 0.45)', marginInlineStart: 4 }} />
    </Tooltip>
  );
  return inCard ? (
    <span>
      {t('m.completionRate.title')}
      {help}
    </span>
  ) : (
    <span>
      {t('m.metric.completionRate')}
      {help}
      <span className="metrics-rate-base">{t('m.completionRate.base')}</span>
    </span>
  );
}

export function MetricsDashboardPage() {
  const t = useT();
  const { locale } = useLocale();
  const [period, setPeriod] = useState<(typeof periods)[number]>('month');
  const [date, setDate] = useState(localToday());
  const [groupBy, setGroupBy] = useState<(typeof groups)[number]>('organization');
  const [organization, setOrganization] = useState<number | undefined>();
  const [channel, setChannel] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const query = { period, date, groupBy, organization, channel, kind };
  const dash = useQuery({ queryKey: ['metrics', 'dashboard', query], queryFn: () => metricsApi.dashboard(query) });
  const options = useQuery({ queryKey: ['metrics', 'options'], queryFn: metricsApi.options });
  const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

  return (
    <div className="page" data-testid="metrics-dashboard">
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }} align="start">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('m.dash.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('m.dash.subtitle')}</Typography.Paragraph>
        </div>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={`/api/v1/metrics/dashboard.xlsx?${qs}`}>
            {t('m.export.xlsx')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={`/api/v1/metrics/report.pdf?month=${date.slice(0, 7)}`} target="_blank">
            {t('m.export.pdf')}
          </Button>
          <Link to="/screen/metrics">
            <Button icon={<DesktopOutlined />}>{t('m.nav.screen')}</Button>
          </Link>
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Segmented
            aria-label={t('m.period')}
            value={period}
            onChange={(v) => setPeriod(v as typeof period)}
            options={periods.map((p) => ({ value: p, label: t(`m.period.${p}`) }))}
          />
          <DatePicker
            aria-label={t('m.date')}
            allowClear={false}
            value={dayjs(date)}
            picker={period === 'day' ? 'date' : period}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
          />
          <Select
            // wide enough for the longest choice in either language ("Group by: Center (region)")
            style={{ width: locale === 'en' ? 220 : 170 }}
            aria-label={t('m.groupBy')}
            value={groupBy}
            onChange={setGroupBy}
            options={groups.map((g) => ({ value: g, label: t('m.groupBy.choice', { group: t(`m.group.${g}`) }) }))}
          />
          <Select
            style={{ width: 170 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('m.filter.organization')}
            value={organization}
            onChange={setOrganization}
            options={(options.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select
            style={{ width: 130 }}
            allowClear
            placeholder={t('m.filter.channel')}
            value={channel}
            onChange={setChannel}
            options={['window', 'online', 'mobile', 'terminal', 'post'].map((c) => ({ value: c, label: t(`m.channel.${c}` as never) }))}
          />
          <Select
            style={{ width: 130 }}
            allowClear
            placeholder={t('m.filter.kind')}
            value={kind}
            onChange={setKind}
            options={['immediate', 'committed'].map((c) => ({ value: c, label: t(`m.kind.${c}` as never) }))}
          />
        </Space>
      </Card>
      <QueryState query={dash}>{(d) => <DashboardBody d={d} groupBy={groupBy} />}</QueryState>
    </div>
  );
}

function DashboardBody({ d, groupBy }: { d: Dashboard; groupBy: string }) {
  const t = useT();
  const name = (k: MetricKey) => t(`m.metric.${k}` as never);
  const kindValue = new Map(kindKeys.map((k) => [t(`m.kind.${k}` as never) as string, d.current.kinds[k]]));
  // a year's previous period is the year before: 环比 would repeat 同比
  const hasMom = d.period.kind !== 'year';
  const trendOption = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [name('accepted'), name('completed'), name('onTimeRate')] },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: d.trend.map((x) => x.label) },
      yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: name('accepted'), type: 'bar', data: d.trend.map((x) => x.figures.accepted) },
        { name: name('completed'), type: 'bar', data: d.trend.map((x) => x.figures.completed) },
        {
          name: name('onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          data: d.trend.map((x) => (x.figures.onTimeRate === null ? null : Math.round(x.figures.onTimeRate * 1000) / 10)),
        },
      ],
    }),
    [d, t],
  );
  const rows = d.breakdown.map((b) => ({ ...b, label: groupRowName(t, groupBy, b.key, b.name) }));
  // every row of the table up to `chartRows`; the chart says when there are more
  const plotted = rows.slice(0, chartRows);
  const breakdownOption: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 140, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: plotted.map((r) => r.label).reverse(), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [
      {
        name: name('accepted'),
        type: 'bar',
        barMaxWidth: 28,
        data: plotted.map((r) => r.figures.accepted).reverse(),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
  // the legend names each kind with its count; slices carry no labels (small ones would be cut or overlap)
  const kindsOption: EChartsOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, formatter: (kind: string) => `${kind} ${kindValue.get(kind) ?? 0}` },
    series: [
      {
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '42%'],
        label: { show: false },
        labelLine: { show: false },
        data: kindKeys.map((k) => ({ name: t(`m.kind.${k}` as never), value: d.current.kinds[k] })),
      },
    ],
  };
  const empty = d.current.received === 0 && d.current.accepted === 0 && d.current.completed === 0;
  const completion = (f: { accepted: number | null; completedOfAccepted?: number }) =>
    t('m.completionRate.of', { done: formatMetric('completed', f.completedOfAccepted ?? 0), accepted: formatMetric('accepted', f.accepted ?? 0) });
  return (
    <>
      <Typography.Paragraph>
        <Tag color="blue">{d.period.label}</Tag>
        <Typography.Text type="secondary">
          {d.period.from} ~ {d.period.to} · {hasMom && `${t('m.mom')} ${d.previousLabel} · `}
          {t('m.yoy')} {d.lastYearLabel} · {t('m.catalog', { items: d.catalog.items, capable: d.catalog.onlineCapable })}
        </Typography.Text>
      </Typography.Paragraph>
      {empty && <Alert type="info" showIcon title={t('m.empty')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {headline.map((k) => (
          <Col key={k} xs={12} md={8} xl={6} xxl={3}>
            <Card size="small" data-testid={`kpi-${k}`}>
              {k === 'completionRate' ? (
                // the rate with what it is the rate of: "261 / 269" beside 受理 269 and 办结 263
                <Statistic
                  title={<CompletionRateTitle inCard />}
                  value={formatMetric(k, d.current[k])}
                  suffix={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="completion-base">
                      {completion(d.current)}
                    </Typography.Text>
                  }
                />
              ) : (
                <Statistic title={name(k)} value={formatMetric(k, d.current[k])} />
              )}
              <div className="metrics-changes">
                {hasMom && (
                  <span>
                    {t('m.mom')} <ChangeTag value={d.mom[k]} />
                  </span>
                )}
                <span>
                  {t('m.yoy')} <ChangeTag value={d.yoy[k]} />
                </span>
              </div>
            </Card>
          </Col>
        ))}
        {secondary.map((k) => (
          <Col key={k} xs={12} md={8} xl={6} xxl={3}>
            <Card size="small" data-testid={`kpi-${k}`}>
              <Statistic
                title={name(k)}
                value={k === 'satisfaction' && d.current.satisfaction === null ? t('m.noRatings') : formatMetric(k, d.current[k])}
                styles={{ content: { fontSize: 20 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('m.trend')} size="small">
            <Chart option={trendOption} testId="chart-trend" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('m.kinds')} size="small">
            <Chart option={kindsOption} testId="chart-kinds" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`${t('m.breakdown')} · ${t(`m.group.${groupBy}` as never)}`} size="small">
            {rows.length ? (
              <div data-plotted={plotted.length}>
                <Chart option={breakdownOption} height={Math.max(200, plotted.length * 28 + 40)} testId="chart-breakdown" />
              </div>
            ) : null}
            {rows.length > plotted.length && (
              <Typography.Paragraph type="secondary" data-testid="chart-breakdown-partial">
                {t('m.chart.topOnly', { shown: plotted.length, total: rows.length })}
              </Typography.Paragraph>
            )}
            <Table
              className="metrics-table"
              data-testid="breakdown-table"
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              // as wide as its card; wider only when the columns cannot fit, and then it scrolls inside the card
              scroll={{ x: true }}
              tableLayout="auto"
              locale={{ emptyText: t('m.empty') }}
              columns={[
                {
                  title: t(`m.group.${groupBy}` as never),
                  dataIndex: 'label',
                  fixed: 'left',
                  // a department's name on one line; a window's or an item's on two or three, not a character a line
                  render: (v: string) => <div style={{ minWidth: labelWidth[groupBy] ?? '6em' }}>{v}</div>,
                },
                ...metricKeys
                  .filter((k) => k !== 'onlineCapableShare')
                  .map((k) => ({
                    title: k === 'completionRate' ? <CompletionRateTitle /> : name(k),
                    key: k,
                    align: 'right' as const,
                    className: 'metrics-num',
                    render: (_: unknown, r: (typeof rows)[number]) =>
                      k === 'completionRate' && r.figures.completionRate !== null ? (
                        <Tooltip title={completion(r.figures)}>
                          <span>{formatMetric(k, r.figures[k])}</span>
                        </Tooltip>
                      ) : (
                        formatMetric(k, r.figures[k])
                      ),
                    sorter: (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.figures[k] ?? -1) - (b.figures[k] ?? -1),
                  })),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
