import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { CalculatorOutlined, ImportOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import { useRegions } from '../../api/org.ts';
import { buildRegionTree, flattenTree } from '../../api/regions.ts';
import { useCalendarYear, type CalendarDay } from '../../api/calendar.ts';
import type { Me } from '../../api/types.ts';
import { inScope, regionScope } from '../../auth/scope.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { DayEditModal } from './DayEditModal.tsx';
import { ImportModal } from './ImportModal.tsx';
import { isWeekend, shortDate, todayInChina } from './dates.ts';
import './calendar.css';

const isSysAdmin = (me: Me) => me.roles.some((r) => r.role === 'sys_admin');
const minYear = 1990;
const maxYear = 2100;

/** A run of consecutive days with one name and kind: 春节 2 月 15 日至 2 月 23 日. */
interface Period {
  name: string;
  kind: CalendarDay['kind'];
  from: string;
  to: string;
  days: number;
  regional: boolean;
}

function periodsOf(days: CalendarDay[]): Period[] {
  const out: Period[] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    const next = last ? new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : '';
    if (last && last.name === d.name && last.kind === d.kind && next === d.date) {
      last.to = d.date;
      last.days += 1;
    } else out.push({ name: d.name, kind: d.kind, from: d.date, to: d.date, days: 1, regional: d.source === 'regional' });
  }
  return out;
}

/**
 * 工作日历 by year: twelve months with holidays and make-up working days, the year's working-day count,
 * a warning for a year without a published arrangement; administrators set days and import arrangements.
 */
export function CalendarYearPage() {
  const t = useT();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const regions = useRegions();
  const flat = useMemo(() => flattenTree(buildRegionTree(regions.data ?? [])), [regions.data]);
  const manageScope = regionScope(me, 'calendar.manage');
  const sysAdmin = isSysAdmin(me);

  const thisYear = Number(todayInChina().slice(0, 4));
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= minYear && yearParam <= maxYear ? yearParam : thisYear;
  // a regional administrator starts on their own region's calendar; "0" is the national one
  const regionParam = params.get('region');
  const regionId =
    regionParam === null
      ? !sysAdmin && manageScope.kind === 'regions'
        ? manageScope.ids[0]
        : undefined
      : Number(regionParam) > 0
        ? Number(regionParam)
        : undefined;
  const region = regionId ? flat.find((r) => r.id === regionId) : undefined;
  const regionCode = region?.code ?? null;
  const waitingForRegion = regionId !== undefined && !region;

  const calendar = useCalendarYear(year, regionCode);
  const data = waitingForRegion ? undefined : calendar.data;
  const dayMap = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const periods = useMemo(() => periodsOf(data?.days ?? []), [data]);
  const canManage = can(me, 'calendar.manage') && (region ? inScope(manageScope, region.path) : sysAdmin);
  const [editing, setEditing] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const today = todayInChina();
  const onDayClick = useCallback((date: string) => setEditing(date), []);

  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const years = Array.from({ length: 9 }, (_v, i) => thisYear - 4 + i);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);

  const holidayCount = data?.days.filter((d) => d.kind === 'holiday' && !isWeekend(d.date)).length ?? 0;
  const makeupCount = data?.days.filter((d) => d.kind === 'makeup_workday').length ?? 0;
  const hours = (data?.officeHours ?? []).map(([a, b]) => `${fmtMinute(a!)}–${fmtMinute(b!)}`).join('，');
  const regionRef = region ? { code: region.code, name: region.name } : null;

  return (
    <>
      <PageHeader
        title={t('nav.calendarYear')}
        subtitle={t('cal.subtitle')}
        crumbs={[{ title: t('nav.calendar') }]}
        extra={
          <Space wrap>
            <Link to="/workbench/calendar/deadline">
              <Button icon={<CalculatorOutlined />}>{t('cal.toDeadline')}</Button>
            </Link>
            {canManage && (
              <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
                {t('cal.import')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="block-gap" size="small">
        <Space wrap size={16}>
          <Space size={4}>
            <Button icon={<LeftOutlined />} aria-label={String(year - 1)} disabled={year <= minYear} onClick={() => setParam({ year: String(year - 1) })} />
            <Select<number>
              value={year}
              onChange={(y) => setParam({ year: String(y) })}
              options={years.map((y) => ({ value: y, label: t('cal.yearValue', { year: y }) }))}
              style={{ width: 110 }}
              aria-label={t('cal.year')}
              data-testid="calendar-year"
            />
            <Button icon={<RightOutlined />} aria-label={String(year + 1)} disabled={year >= maxYear} onClick={() => setParam({ year: String(year + 1) })} />
          </Space>
          <Space size={8}>
            <span className="muted">{t('cal.region')}</span>
            <RegionTreeSelect
              value={regionId}
              onChange={(id) => setParam({ region: id ? String(id) : '0' })}
              allowClear
              placeholder={t('cal.regionPlaceholder')}
              style={{ width: 240 }}
            />
          </Space>
          <span className="cal-legend">
            <span className="cal-swatch cal-holiday" />
            {t('cal.legend.holiday')}
            <span className="cal-swatch cal-makeup" />
            {t('cal.legend.makeup')}
            <span className="cal-swatch cal-weekend" />
            {t('cal.legend.weekend')}
            {region && (
              <>
                <span className="cal-swatch cal-regional-swatch" />
                {t('cal.legend.regional')}
              </>
            )}
          </span>
        </Space>
      </Card>

      {calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          {!data.published && (
            <Alert
              type="warning"
              showIcon
              className="block-gap"
              title={t('cal.unpublished', { year: data.year })}
              description={t('cal.unpublishedText')}
              data-testid="calendar-unpublished"
            />
          )}
          <Row gutter={[16, 16]} className="block-gap">
            <Col xs={12} md={6}>
              <div className="cal-stat" data-testid="calendar-workdays">
                <div className="cal-stat-label">{t('cal.workdays')}</div>
                <div className="cal-stat-value">{t('cal.days', { n: data.workdays })}</div>
              </div>
            </Col>
            <Col xs={12} md={6}>
              <div className="cal-stat">
                <div className="cal-stat-label">{t('cal.holidays')}</div>
                <div className="cal-stat-value cal-text-holiday">{t('cal.days', { n: holidayCount })}</div>
              </div>
            </Col>
            <Col xs={12} md={6}>
              <div className="cal-stat">
                <div className="cal-stat-label">{t('cal.makeups')}</div>
                <div className="cal-stat-value cal-text-makeup">{t('cal.days', { n: makeupCount })}</div>
              </div>
            </Col>
            <Col xs={12} md={6}>
              <div className="cal-stat">
                <div className="cal-stat-label">{t('cal.officeHours')}</div>
                <div className="cal-stat-value cal-stat-small">{hours || '—'}</div>
              </div>
            </Col>
          </Row>
          {can(me, 'calendar.manage') && (
            <Typography.Paragraph type="secondary" className="cal-hint">
              {canManage ? t('cal.clickToEdit') : t('cal.nationalOnlySysAdmin')}
            </Typography.Paragraph>
          )}
          <div className={`cal-year${calendar.isPlaceholderData ? ' cal-year-stale' : ''}`} data-testid="calendar-year-grid">
            {Array.from({ length: 12 }, (_v, m) => (
              <MonthGrid key={`${year}-${m}`} year={year} month={m} days={dayMap} today={today} onDayClick={canManage ? onDayClick : undefined} />
            ))}
          </div>
          <Card title={t('cal.periods')} size="small" className="block-gap-top" data-testid="calendar-periods">
            {periods.length === 0 ? (
              <Typography.Text type="secondary">{t('cal.periodsEmpty')}</Typography.Text>
            ) : (
              <ul className="cal-periods">
                {periods.map((p) => (
                  <li key={p.from}>
                    <Tag color={p.kind === 'holiday' ? 'red' : 'blue'}>{p.name}</Tag>
                    <span>
                      {p.days > 1
                        ? t('cal.period.range', { from: shortDate(t, p.from), to: shortDate(t, p.to), n: p.days })
                        : t('cal.period.single', { from: shortDate(t, p.from) })}
                    </span>
                    {p.regional && <Tag className="cal-period-regional">{t('cal.legend.regional')}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
      {editing && <DayEditModal date={editing} day={dayMap.get(editing)} region={regionRef} onClose={() => setEditing(null)} />}
      {importing && <ImportModal region={regionRef} onClose={() => setImporting(false)} />}
    </>
  );
}

function fmtMinute(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
