import { Card, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { QueryState } from '../../components/PageState.tsx';
import { CountTile } from '../cases/shared/CaseLine.tsx';
import { localToday, metricsApi } from './api.ts';

/** 今日办件 on the workbench's home page: today's received, accepted, completed and delivered cases in scope, with yesterday's. */
export function MetricsToday() {
  const t = useT();
  const query = { period: 'day', date: localToday() };
  const day = useQuery({ queryKey: ['metrics', 'dashboard', query], queryFn: () => metricsApi.dashboard(query), refetchInterval: 60_000 });
  return (
    <Card title={t('m.today.title')} extra={<Link to="/workbench/metrics">{t('m.nav.dashboard')}</Link>} data-testid="metrics-today">
      <QueryState query={day} rows={2}>
        {(data) => (
          <Row gutter={[12, 12]}>
            {(['received', 'accepted', 'completed', 'delivered'] as const).map((key) => (
              <CountTile
                key={key}
                to="/workbench/metrics"
                title={t(`m.today.${key}`)}
                value={data.current[key] ?? 0}
                hint={t('m.today.yesterday', { n: data.previous[key] ?? 0 })}
                testId={`metrics-today-${key}`}
              />
            ))}
          </Row>
        )}
      </QueryState>
    </Card>
  );
}
