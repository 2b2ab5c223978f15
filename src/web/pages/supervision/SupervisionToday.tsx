import { Card, Row, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { CountTile } from '../cases/shared/CaseLine.tsx';
import { useSummary } from './api.ts';

/** 监察概况 on the workbench's home page: red and yellow cases, today's warnings and the orders awaiting a reply, in scope. */
export function SupervisionToday() {
  const t = useT();
  const summary = useSummary();
  return (
    <Card title={t('sup.today.title')} extra={<Link to="/workbench/supervision">{t('sup.nav.console')}</Link>} data-testid="supervision-today">
      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          <CountTile
            to="/workbench/supervision"
            title={t('sup.today.redCases')}
            value={summary.data.cases.red}
            hint={t('sup.today.redCasesHint')}
            tone={summary.data.cases.red > 0 ? 'danger' : undefined}
            testId="sup-red"
          />
          <CountTile
            to="/workbench/supervision"
            title={t('sup.today.yellowCases')}
            value={summary.data.cases.yellow}
            hint={t('sup.today.yellowCasesHint')}
            tone={summary.data.cases.yellow > 0 ? 'warning' : undefined}
            testId="sup-yellow"
          />
          <CountTile
            to="/workbench/supervision"
            title={t('sup.today.warnings')}
            value={summary.data.warnings.today}
            hint={t('sup.today.warningsHint', { red: summary.data.warnings.red, yellow: summary.data.warnings.yellow })}
            testId="sup-warnings"
          />
          <CountTile
            to="/workbench/supervision/orders"
            title={t('sup.today.orders')}
            value={summary.data.orders.open + summary.data.orders.escalated}
            hint={t('sup.today.ordersHint', { late: summary.data.orders.late })}
            tone={summary.data.orders.late > 0 ? 'danger' : undefined}
            testId="sup-orders"
          />
        </Row>
      )}
    </Card>
  );
}
