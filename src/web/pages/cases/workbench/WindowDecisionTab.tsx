import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseStatus } from '../../../api/cases.ts';
import { StatusTag } from '../shared/labels.tsx';
import { DeskQueueTable } from './DeskQueueTable.tsx';

/**
 * 当场办结: accepted immediate items (即办件) whose department authorized the window to decide them on the
 * spot, waiting for the window's decision or conclusion — one left when the applicant stepped away, or
 * taken by a colleague. The longest waiting first.
 */
export function WindowDecisionTab() {
  const t = useCaseT();
  const { locale } = useLocale();
  return (
    <DeskQueueTable
      filter={{ queue: 'window_decision' }}
      sort="received"
      columns={[
        { title: t('cases.organization'), dataIndex: 'organizationName', width: 200 },
        { title: t('cases.acceptedAt'), dataIndex: 'acceptedAt', width: 170, render: (v: string | null) => formatDateTime(v, locale) },
        { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: CaseStatus) => <StatusTag status={s} t={t} /> },
      ]}
      open={{ label: t('cases.windowDecisionAction'), testId: 'window-decision-open' }}
      empty={t('cases.windowDecisionEmpty')}
      testId="window-decision-table"
    />
  );
}
