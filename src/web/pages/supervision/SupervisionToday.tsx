import { Card, Row } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { QueryState } from '../../components/PageState.tsx';
import { CountTile } from '../cases/shared/CaseLine.tsx';
import { useSummary } from './api.ts';

/** 监察概况 on the workbench's home page: red and yellow cases, today's warnings (by level) and the orders awaiting a reply, in scope. */
export function SupervisionToday() {
  const t = useT();
  const summary = useSummary();
  return (
    <Card title={t('sup.today.title')} extra={<Link to="/workbench/supervision">{t('sup.nav.console')}</Link>} data-testid="supervision-today">
      <QueryState query={summary} rows={2}>
        {(data) => (
          <Row gutter={[12, 12]}>
            <CountTile
              to="/workbench/supervision"
              title={t('sup.today.redCases')}
              value={data.cases.red}
              hint={t('sup.today.redCasesHint')}
              tone={data.cases.red > 0 ? 'danger' : undefined}
              testId="sup-red"
            />
            <CountTile
              to="/workbench/supervision"
              title={t('sup.today.yellowCases')}
              value={data.cases.yellow}
              hint={t('sup.today.yellowCasesHint')}
              tone={data.cases.yellow > 0 ? 'warning' : undefined}
              testId="sup-yellow"
            />
            <CountTile
              to="/workbench/supervision"
              title={t('sup.today.warnings')}
              value={data.warnings.today}
              hint={t('sup.today.warningsHint', { red: data.warnings.todayRed, yellow: data.warnings.todayYellow })}
              testId="sup-warnings"
            />
            <CountTile
              to="/workbench/supervision/orders"
              title={t('sup.today.orders')}
              value={data.orders.open + data.orders.escalated}
              hint={t('sup.today.ordersHint', { late: data.orders.late })}
              tone={data.orders.late > 0 ? 'danger' : undefined}
              testId="sup-orders"
            />
          </Row>
        )}
      </QueryState>
    </Card>
  );
}
