import { Typography } from 'antd';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseStatus, CaseSummary } from '../../../api/cases.ts';
import { StatusTag } from '../shared/labels.tsx';
import { ToleratedDue, isPast } from '../shared/Tolerated.tsx';
import { DeskQueueTable } from './DeskQueueTable.tsx';

/**
 * 容缺待补: cases the window accepted with materials to follow that are not all in yet, the soonest due first and the
 * overdue in red — the window calls those applicants; their results wait until the materials are in.
 */
export function ToleratedTab() {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  return (
    <div data-testid="tolerated-queue">
      <Typography.Paragraph type="secondary">{tt('tol.tabHint')}</Typography.Paragraph>
      <DeskQueueTable
        filter={{ queue: 'tolerated' }}
        columns={[
          {
            title: tt('tol.col.missing'),
            key: 'missing',
            // the rest of the row's width: on a hall's 1366-pixel screen every column is in sight
            render: (_v, c) => <span data-testid="tolerated-names">{(c.tolerated ?? []).map((m) => m.name).join(t('cases.listSep'))}</span>,
          },
          {
            title: tt('tol.col.due'),
            dataIndex: 'toleratedDueAt',
            width: 150,
            render: (due: string | null) => (due ? <ToleratedDue dueAt={due} t={tt} prefix={false} /> : '—'),
          },
          { title: tt('tol.col.acceptedAt'), dataIndex: 'acceptedAt', width: 150, render: (v: string | null) => formatDateTime(v, locale) },
          { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: CaseStatus) => <StatusTag status={s} t={t} /> },
        ]}
        open={{ label: tt('tol.open'), testId: 'tolerated-open' }}
        empty={tt('tol.empty')}
        testId="tolerated-table"
        rowClassName={(c: CaseSummary) => (isPast(c.toleratedDueAt) ? 'case-row-overdue' : '')}
        scrollX={1040}
      />
    </div>
  );
}
