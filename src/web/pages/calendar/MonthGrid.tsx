import { memo } from 'react';
import { Tooltip } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { CalendarDay } from '../../api/calendar.ts';
import { daysInMonth, isoDate, monthTitle, weekdayOf } from './dates.ts';

/**
 * One month as a Monday-first grid: holidays in red, make-up working days (调休上班) in blue, weekends
 * grey; a named day shows its name and calendar on hover. Editable grids make every day a button.
 */
export const MonthGrid = memo(function MonthGrid({
  year,
  month,
  days,
  today,
  onDayClick,
}: {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDay>;
  today: string;
  onDayClick?: (date: string) => void;
}) {
  const t = useT();
  const count = daysInMonth(year, month);
  // Monday first: Monday → 0 … Sunday → 6
  const lead = (weekdayOf(isoDate(year, month, 1)) + 6) % 7;
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: count }, (_v, i) => isoDate(year, month, i + 1))];
  const weekdays = t('cal.weekdays').split(',');
  return (
    <div className="cal-month" data-testid={`cal-month-${month + 1}`}>
      <div className="cal-month-title">{monthTitle(t, month)}</div>
      <div className="cal-grid" role="grid" aria-label={monthTitle(t, month)}>
        {weekdays.map((w, i) => (
          <div key={w} className={`cal-weekday${i >= 5 ? ' cal-weekday-end' : ''}`} role="columnheader">
            {w}
          </div>
        ))}
        {cells.map((date, i) => {
          if (!date) return <div key={`lead-${i}`} className="cal-cell cal-cell-empty" />;
          const day = days.get(date);
          const weekend = i % 7 >= 5;
          const classes = ['cal-cell'];
          if (day?.kind === 'holiday') classes.push('cal-holiday');
          else if (day?.kind === 'makeup_workday') classes.push('cal-makeup');
          else if (weekend) classes.push('cal-weekend');
          if (day?.source === 'regional') classes.push('cal-regional');
          if (date === today) classes.push('cal-today');
          const label = Number(date.slice(8));
          const body = onDayClick ? (
            <button key={date} type="button" className={classes.join(' ')} onClick={() => onDayClick(date)} data-date={date} data-name={day?.name}>
              {label}
            </button>
          ) : (
            <div key={date} className={classes.join(' ')} data-date={date} data-name={day?.name} role="gridcell">
              {label}
            </div>
          );
          if (!day) return body;
          return (
            <Tooltip
              key={date}
              title={
                <div>
                  <div>{t(day.kind === 'holiday' ? 'cal.dayTip.holiday' : 'cal.dayTip.makeup', { name: day.name })}</div>
                  <div className="cal-tip-source">{t('cal.dayTip.source', { source: day.sourceName })}</div>
                </div>
              }
            >
              {body}
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
});
