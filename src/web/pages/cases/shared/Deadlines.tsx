import { Descriptions, Tag } from 'antd';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import type { CaseDetail, LimitView } from '../../../api/cases.ts';
import { formatLimit, specialLabel } from './labels.tsx';

/**
 * The statutory clocks of a case: committed and legal deadlines (承诺 / 法定时限), time used and left,
 * what was not counted (supplements, special procedures) and extensions. Before acceptance there is
 * no clock yet, only the 5-day limit for a one-time notice (行政许可法 art. 32).
 */
export function Deadlines({ kase, compact }: { kase: CaseDetail; compact?: boolean }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const clock = kase.clock;
  // 补正期限, while the case waits for what a one-time notice or a supplement request asked
  const waiting = (kase.status === 'notified' || kase.status === 'awaiting_supplement') && kase.supplementDueAt;
  const supplementRow = waiting
    ? [
        {
          key: 'supplement',
          label: t('cases.supplementDueLabel'),
          children: (
            <span data-testid="supplement-due">
              <Due iso={kase.supplementDueAt!} overdue={Date.parse(kase.supplementDueAt!) < Date.now()} />
              <div className="cell-sub">{t('cases.supplementDueHint')}</div>
            </span>
          ),
        },
      ]
    : [];
  if (!clock) {
    const open = kase.status === 'submitted' || kase.status === 'notified';
    return (
      <Descriptions
        size="small"
        column={1}
        data-testid="case-deadlines"
        items={[
          ...(compact ? [] : [{ key: 'received', label: t('cases.receivedAt'), children: formatDateTime(kase.receivedAt, locale) }]),
          ...(open
            ? [{ key: 'notice', label: t('cases.noticeDue'), children: <Due iso={kase.noticeDueAt} overdue={Date.parse(kase.noticeDueAt) < Date.now()} /> }]
            : []),
          ...supplementRow,
          // an application withdrawn or refused before acceptance never had a clock, nor will
          {
            key: 'none',
            label: t('cases.clock'),
            children: t(kase.status === 'withdrawn' || kase.status === 'refused' ? 'cases.clockNever' : 'cases.clockNotStarted'),
          },
        ]}
      />
    );
  }
  const row = (key: string, label: string, l: LimitView | null) =>
    l && {
      key,
      label,
      children: (
        <div>
          <Due iso={l.dueAt} overdue={l.isOverdue} />
          <div className="cell-sub">
            {t('cases.limitOf', { limit: formatLimit(t, l.limit + l.extension, l.unit) })}
            {clock.state === 'stopped'
              ? ` · ${t('cases.used', { value: formatLimit(t, l.elapsed, l.unit) })}`
              : ` · ${t('cases.remaining', { value: formatLimit(t, Math.max(0, l.remaining), l.unit) })}`}
            {l.paused > 0 && ` · ${t('cases.pausedFor', { value: formatLimit(t, l.paused, l.unit) })}`}
            {l.extension > 0 && ` · ${t('cases.extendedBy', { value: formatLimit(t, l.extension, l.unit) })}`}
          </div>
        </div>
      ),
    };
  const paused = clock.pauses.find((p) => !p.endedAt);
  const items = [
    ...supplementRow,
    row('committed', t('cases.committedDue'), clock.committed),
    row('legal', t('cases.legalDue'), clock.legal),
    {
      key: 'state',
      label: t('cases.clock'),
      children: (
        <span>
          <Tag color={clock.state === 'paused' ? 'gold' : clock.state === 'stopped' ? 'default' : clock.isOverdue ? 'red' : 'green'}>
            {t(clock.state === 'paused' ? 'cases.clockPaused' : clock.state === 'stopped' ? 'cases.clockStopped' : 'cases.clockRunning')}
          </Tag>
          {paused && <span className="cell-sub">{pauseReason(paused.reason)}</span>}
        </span>
      ),
    },
  ].filter((x): x is NonNullable<typeof x> => !!x);
  if (!compact) {
    for (const [i, p] of clock.pauses.entries())
      items.push({
        key: `pause-${i}`,
        label: t('cases.pause', { n: i + 1 }),
        children: (
          <span>
            {pauseReason(p.reason)}
            {p.note ? t('cases.paren', { text: p.note }) : ''} · {formatDateTime(p.startedAt, locale)} –{' '}
            {p.endedAt ? formatDateTime(p.endedAt, locale) : t('cases.ongoing')}
          </span>
        ),
      });
    for (const [i, x] of clock.extensions.entries())
      items.push({
        key: `ext-${i}`,
        label: t('cases.extension'),
        children: <span>{`${formatLimit(t, x.amount, clock.legal?.unit ?? 'workday')} · ${x.reason}`}</span>,
      });
  }
  return <Descriptions size="small" column={1} items={items} data-testid="case-deadlines" />;

  function pauseReason(reason: string) {
    return reason === 'supplement' ? t('cases.pauseSupplement') : reason === 'other' ? t('cases.pauseOther') : specialLabel(t, reason);
  }
}

function Due({ iso, overdue }: { iso: string; overdue: boolean }) {
  const t = useCaseT();
  const { locale } = useLocale();
  return (
    <span className={overdue ? 'case-overdue' : undefined}>
      {formatDue(iso, locale)}
      {overdue && (
        <Tag color="red" className="case-overdue-tag">
          {t('cases.overdue')}
        </Tag>
      )}
    </span>
  );
}
