import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { CalculatorOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useRegions } from '../../api/org.ts';
import { useDeadline, type ClockUnit, type Deadline, type DeadlineQuery } from '../../api/calendar.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { EmptyHint } from '../../components/Feedback.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { todayInChina, weekdayName } from './dates.ts';
import './calendar.css';

const units: ClockUnit[] = ['workday', 'day', 'workhour'];
/** The calendars count in China Standard Time; a working-hour start is sent with its offset. */
const offset = '+08:00';

interface FormState {
  start: string;
  time: string;
  days: number | null;
  unit: ClockUnit;
  regionId?: number;
}

function fromParams(params: URLSearchParams): FormState {
  const unit = params.get('unit') as ClockUnit | null;
  const start = params.get('start') ?? '';
  const days = Number(params.get('days'));
  const regionId = Number(params.get('region'));
  return {
    start: /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : todayInChina(),
    time: /T(\d{2}:\d{2})/.exec(start)?.[1] ?? '09:00',
    days: params.has('days') && Number.isInteger(days) && days >= 0 ? days : 20,
    unit: unit && units.includes(unit) ? unit : 'workday',
    regionId: regionId > 0 ? regionId : undefined,
  };
}

/** 时限计算: a limit from a start day (or moment) in working days, calendar days or working hours, with the days skipped and why. */
export function DeadlinePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const regions = useRegions();
  const [form, setForm] = useState<FormState>(() => fromParams(params));
  const asked = params.has('start') && params.has('days');
  const applied = fromParams(params);
  const appliedRegion = applied.regionId ? regions.data?.find((r) => r.id === applied.regionId) : undefined;
  const ready = asked && (!applied.regionId || !!appliedRegion);
  const query: DeadlineQuery | null = ready
    ? {
        start: applied.unit === 'workhour' ? `${applied.start}T${applied.time}:00${offset}` : applied.start,
        days: applied.days ?? 0,
        unit: applied.unit,
        region: appliedRegion?.code ?? null,
      }
    : null;
  const deadline = useDeadline(query);

  const compute = () => {
    if (!form.start || form.days === null) return;
    const next = new URLSearchParams();
    next.set('start', form.unit === 'workhour' ? `${form.start}T${form.time}` : form.start);
    next.set('days', String(form.days));
    next.set('unit', form.unit);
    if (form.regionId) next.set('region', String(form.regionId));
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('dl.title')} subtitle={t('dl.subtitle')} crumbs={[{ title: t('nav.calendar') }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card>
            <Form layout="vertical" onFinish={compute} data-testid="deadline-form">
              <Form.Item label={t('dl.unit')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={form.unit}
                  onChange={(e) => setForm((f) => ({ ...f, unit: e.target.value as ClockUnit }))}
                  options={units.map((u) => ({ value: u, label: t(`dl.unit.${u}` as MessageKey) }))}
                  data-testid="deadline-unit"
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={form.unit === 'workhour' ? 14 : 24}>
                  <Form.Item label={t('dl.start')} htmlFor="deadline-start">
                    {/* written as the app writes days (2026/02/06), whatever the browser's own language; 2026-02-06 is taken too */}
                    <DatePicker
                      id="deadline-start"
                      format={['YYYY/MM/DD', 'YYYY-MM-DD']}
                      value={form.start ? dayjs(form.start) : null}
                      onChange={(d) => setForm((f) => ({ ...f, start: d ? d.format('YYYY-MM-DD') : '' }))}
                      disabledDate={(d) => d.year() < 1990 || d.year() > 2100}
                      allowClear={false}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                {form.unit === 'workhour' && (
                  <Col span={10}>
                    <Form.Item label={t('dl.startTime')} htmlFor="deadline-time">
                      <Input id="deadline-time" type="time" value={form.time} onChange={(e) => setForm((f) => ({ ...f, time: e.target.value }))} required />
                    </Form.Item>
                  </Col>
                )}
              </Row>
              <Form.Item label={t('dl.limit')} htmlFor="deadline-days">
                <InputNumber
                  id="deadline-days"
                  min={0}
                  max={3650}
                  precision={0}
                  value={form.days}
                  onChange={(v) => setForm((f) => ({ ...f, days: v }))}
                  suffix={t(`dl.unit.${form.unit}` as MessageKey)}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item label={t('dl.region')}>
                <RegionTreeSelect
                  value={form.regionId}
                  onChange={(regionId) => setForm((f) => ({ ...f, regionId }))}
                  allowClear
                  placeholder={t('cal.regionPlaceholder')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<CalculatorOutlined />}
                block
                disabled={!form.start || form.days === null}
                data-testid="deadline-compute"
              >
                {t('dl.compute')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {!query ? (
            asked ? (
              <Skeleton active />
            ) : (
              <Card>
                <EmptyHint text={t('dl.empty')} />
              </Card>
            )
          ) : deadline.isPending ? (
            <Card>
              <Skeleton active paragraph={{ rows: 6 }} />
            </Card>
          ) : deadline.isError ? (
            <Card>
              <ErrorState error={deadline.error} onRetry={() => void deadline.refetch()} />
            </Card>
          ) : (
            <DeadlineResult result={deadline.data} regionName={appliedRegion?.name} />
          )}
        </Col>
      </Row>
    </>
  );
}

function DeadlineResult({ result, regionName }: { result: Deadline; regionName?: string }) {
  const t = useT();
  const hourly = result.unit === 'workhour';
  const dueDate = result.due.slice(0, 10);
  // the day as the app writes days: 2026/03/12
  const dueText = hourly ? `${dueDate.replaceAll('-', '/')} ${result.due.slice(11, 16)}` : dueDate.replaceAll('-', '/');
  const skipped = result.skipped.filter((s) => s.reason !== 'makeup_workday').length;
  const worked = result.skipped.length - skipped;
  const rows = result.skipped;
  return (
    <Card data-testid="deadline-result">
      {result.unpublishedYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t('dl.unpublished', { years: result.unpublishedYears.join(t('svc.sep')) })}
          data-testid="deadline-unpublished"
        />
      )}
      <div className="dl-due">
        <div className="dl-due-label">
          {t('dl.due')} · {regionName ?? t('cal.national')}
        </div>
        <div className="dl-due-value" data-testid="deadline-due">
          {dueText}
        </div>
        <div className="dl-due-sub">
          {weekdayName(t, dueDate)} · {t(hourly ? 'dl.dueHintHour' : 'dl.dueHint')}
        </div>
      </div>
      <Row gutter={16} className="dl-counts">
        <Col span={12}>
          <div className="cal-stat">
            <div className="cal-stat-label">{t('dl.workdays')}</div>
            <div className="cal-stat-value" data-testid="deadline-workdays">
              {t('cal.days', { n: result.workdays })}
            </div>
          </div>
        </Col>
        <Col span={12}>
          <div className="cal-stat">
            <div className="cal-stat-label">{t('dl.naturalDays')}</div>
            <div className="cal-stat-value" data-testid="deadline-natural">
              {t('cal.days', { n: result.naturalDays })}
            </div>
          </div>
        </Col>
      </Row>
      <div className="dl-skipped-head">
        <Typography.Title level={5} className="dl-skipped-title">
          {t('dl.skipped')}
        </Typography.Title>
        <span className="muted">
          {t('dl.skippedDays', { n: skipped })}
          {worked > 0 && ` · ${t('dl.workedDays', { n: worked })}`}
        </span>
      </div>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('dl.skippedEmpty')}</Typography.Text>
      ) : (
        <Table
          rowKey="date"
          size="small"
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
          columns={[
            { title: t('cal.import.date'), dataIndex: 'date', width: 130, render: (d: string) => <span className="mono">{d}</span> },
            { title: t('dl.weekdayTitle'), dataIndex: 'date', key: 'weekday', width: 110, render: (d: string) => weekdayName(t, d) },
            {
              title: t('dl.reason'),
              dataIndex: 'reason',
              render: (reason: string, s) =>
                reason === 'weekend' ? (
                  <Tag>{t('dl.reason.weekend')}</Tag>
                ) : reason === 'holiday' ? (
                  <Tag color="red">{t('dl.reason.holiday', { name: s.name ?? '' })}</Tag>
                ) : (
                  <Tag color="blue">{t('dl.reason.makeup', { name: s.name ?? '' })}</Tag>
                ),
            },
          ]}
          data-testid="deadline-skipped"
        />
      )}
    </Card>
  );
}
