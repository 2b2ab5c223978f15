import { useEffect } from 'react';
import { Button, Col, Result, Row, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { Chart, type EChartsOption } from './charts.tsx';
import { metricsApi } from './api.ts';
import { formatMetric } from './format.ts';

const panel = { background: 'rgba(10, 40, 90, 0.55)', border: '1px solid #1d4e89', borderRadius: 8, padding: 16, height: '100%' } as const;

/** The hall's big screen (大屏): live figures for the lobby, refreshed every minute. */
export function BigScreenPage() {
  const t = useT();
  const live = useQuery({ queryKey: ['metrics', 'live'], queryFn: metricsApi.live, refetchInterval: 60_000, retry: false });
  useEffect(() => {
    document.title = t('m.screen.title');
  }, [t]);
  if (live.isPending) return <Spin fullscreen />;
  if (live.isError)
    return (
      <Result
        status="403"
        title={t('m.screen.title')}
        subTitle={t('m.screen.signIn')}
        extra={
          <Link to="/login?next=/screen/metrics">
            <Button type="primary">{t('m.nav.screen')}</Button>
          </Link>
        }
      />
    );
  const d = live.data;
  const axis = { axisLabel: { color: '#9ec3ff' }, axisLine: { lineStyle: { color: '#3a6fb0' } } };
  const days: EChartsOption = {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#cfe3ff' } },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: d.days.map((x: any) => x.label.slice(5)), ...axis },
    yAxis: { type: 'value', ...axis, splitLine: { lineStyle: { color: '#16345e' } } },
    series: [
      { name: t('m.metric.accepted'), type: 'line', smooth: true, areaStyle: { opacity: 0.2 }, data: d.days.map((x: any) => x.accepted) },
      { name: t('m.metric.completed'), type: 'line', smooth: true, data: d.days.map((x: any) => x.completed) },
    ],
  };
  // the channels today's cases came in by; none yet is said in words, not drawn as an empty ring
  const arrived = d.channels.filter((c: any) => c.received > 0);
  const channels: EChartsOption = {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { color: '#cfe3ff' } },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        top: -20,
        label: { color: '#cfe3ff' },
        data: arrived.map((c: any) => ({ name: t(`m.channel.${c.key}` as never), value: c.received })),
      },
    ],
  };
  const departments: EChartsOption = {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    grid: { left: 100, right: 16, top: 8, bottom: 24 },
    xAxis: { type: 'value', ...axis, splitLine: { lineStyle: { color: '#16345e' } } },
    yAxis: { type: 'category', data: d.departments.map((x: any) => x.name).reverse(), ...axis },
    series: [{ name: t('m.metric.accepted'), type: 'bar', data: d.departments.map((x: any) => x.accepted).reverse(), itemStyle: { color: '#36cfc9' } }],
  };
  const kpi = (label: string, value: string) => (
    <div style={{ textAlign: 'center' }}>
      <div style={{ color: '#9ec3ff', fontSize: 16 }}>{label}</div>
      <div style={{ color: '#fff', fontSize: 40, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{value}</div>
    </div>
  );
  return (
    <div data-testid="big-screen" style={{ minHeight: '100vh', background: 'radial-gradient(circle at top, #0b2a5b, #030d1f)', color: '#fff', padding: 24 }}>
      <h1 style={{ textAlign: 'center', color: '#fff', letterSpacing: 4, margin: '0 0 4px' }}>{t('m.screen.title')}</h1>
      <div style={{ textAlign: 'center', color: '#7fa7dc', marginBottom: 16 }}>{t('m.screen.updated', { time: new Date(d.at).toLocaleTimeString() })}</div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <div style={panel}>
            <div style={{ color: '#9ec3ff', marginBottom: 8 }}>{t('m.screen.today')}</div>
            <Row>
              <Col span={8}>{kpi(t('m.metric.received'), formatMetric('received', d.today.received))}</Col>
              <Col span={8}>{kpi(t('m.metric.accepted'), formatMetric('accepted', d.today.accepted))}</Col>
              <Col span={8}>{kpi(t('m.metric.completed'), formatMetric('completed', d.today.completed))}</Col>
            </Row>
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <div style={panel}>
            <div style={{ color: '#9ec3ff', marginBottom: 8 }}>
              {t('m.screen.month')} {d.monthLabel}
            </div>
            <Row>
              <Col span={6}>{kpi(t('m.metric.accepted'), formatMetric('accepted', d.month.accepted))}</Col>
              <Col span={6}>{kpi(t('m.metric.onTimeRate'), formatMetric('onTimeRate', d.month.onTimeRate))}</Col>
              <Col span={6}>{kpi(t('m.metric.immediateShare'), formatMetric('immediateShare', d.month.immediateShare))}</Col>
              <Col span={6}>{kpi(t('m.metric.onlineUptake'), formatMetric('onlineUptake', d.month.onlineUptake))}</Col>
            </Row>
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <div style={panel}>
            <div style={{ color: '#9ec3ff' }}>{t('m.screen.days')}</div>
            <Chart option={days} height={280} dark testId="screen-days" />
          </div>
        </Col>
        <Col xs={24} lg={6}>
          <div style={panel}>
            <div style={{ color: '#9ec3ff' }}>{t('m.screen.channels')}</div>
            {arrived.length > 0 ? (
              <Chart option={channels} height={280} dark testId="screen-channels" />
            ) : (
              <div
                data-testid="screen-channels-empty"
                style={{ height: 280, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#7fa7dc', fontSize: 18 }}
              >
                {t('m.screen.channelsEmpty')}
              </div>
            )}
          </div>
        </Col>
        <Col xs={24} lg={6}>
          <div style={panel}>
            {/* "top five" only when there are more than five to choose from */}
            <div style={{ color: '#9ec3ff', marginBottom: 8 }} data-testid="screen-windows-title">
              {d.windowsRanked > d.windows.length ? t('m.screen.windowsTop', { total: d.windowsRanked }) : t('m.screen.windows')}
            </div>
            {d.windows.length === 0 && <div style={{ color: '#7fa7dc' }}>{t('m.screen.windowsEmpty')}</div>}
            {d.windows.map((w: any) => (
              <div
                key={w.id}
                data-testid="screen-window"
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  alignItems: 'baseline',
                  gap: 8,
                  padding: '6px 0',
                  borderBottom: '1px solid #16345e',
                }}
              >
                {/* the name breaks between its parts (hall, number, window), never inside a word */}
                <span className="keep-words">
                  {w.rank}. {w.name}
                </span>
                <span style={{ color: '#ffd666', whiteSpace: 'nowrap' }}>{w.score?.toFixed(1) ?? '—'}</span>
              </div>
            ))}
          </div>
        </Col>
        <Col xs={24}>
          <div style={panel}>
            <div style={{ color: '#9ec3ff' }}>
              {d.departmentsTotal > d.departments.length
                ? t('m.screen.departmentsTop', { shown: d.departments.length, total: d.departmentsTotal })
                : t('m.screen.departments')}
            </div>
            <Chart option={departments} height={300} dark />
          </div>
        </Col>
      </Row>
    </div>
  );
}
