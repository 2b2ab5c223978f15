import { Card, Col, List, Row, Skeleton, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useWorkToday } from '../../../api/cases.ts';
import { yuan } from '../../../api/case-fees.ts';
import { EmptyHint, ErrorState } from '../../../components/PageState.tsx';
import { StatusTag } from '../shared/labels.tsx';
import '../cases.css';

/**
 * 我的办件 on the applicant's account page: their cases in hand, what waits for them — materials asked for, fees to
 * pay — and what is decided or delivered; each case that waits for them opens its page, where they act.
 */
export function MyCasesSummary() {
  const t = useWorkT();
  const today = useWorkToday();
  const mine = today.data?.applicant;
  const tile = (to: string, title: string, value: number, testId: string, tone?: 'danger' | 'warning') => (
    <Col flex="1 1 150px">
      <Link to={to} className={`today-tile${tone && value > 0 ? ` today-tile-${tone}` : ''}`} data-testid={testId} data-count={value}>
        <Statistic title={title} value={value} />
      </Link>
    </Col>
  );
  return (
    <Card title={t('mine.title')} extra={<Link to="/my/cases">{t('mine.all')}</Link>} data-testid="my-cases-summary">
      {today.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : today.isError ? (
        <ErrorState error={today.error} onRetry={() => void today.refetch()} />
      ) : !mine ? null : (
        <>
          <Row gutter={[12, 12]}>
            {tile('/my/cases', t('mine.inProgress'), mine.inProgress, 'mine-in-progress')}
            {tile('/my/cases', t('mine.supplement'), mine.supplement, 'mine-supplement', 'warning')}
            {tile('/my/cases', t('mine.fees'), mine.fees, 'mine-fees', 'danger')}
            {tile('/my/cases?status=concluded', t('mine.toDeliver'), mine.toDeliver, 'mine-to-deliver')}
            {tile('/my/cases?status=delivered', t('mine.delivered'), mine.delivered, 'mine-delivered')}
          </Row>
          <div className="block-gap-top">
            <div className="mine-waiting-title">{t('mine.waiting')}</div>
            {mine.waiting.length === 0 ? (
              <EmptyHint text={t('mine.nothingWaiting')} />
            ) : (
              <List
                size="small"
                data-testid="mine-waiting"
                dataSource={mine.waiting}
                renderItem={(c) => (
                  <List.Item key={c.id}>
                    <List.Item.Meta
                      title={
                        <span>
                          <Link to={`/my/cases/${c.id}`} className="case-link">
                            {c.subject}
                          </Link>
                        </span>
                      }
                      description={<span className="mono">{c.number}</span>}
                    />
                    <span>
                      <StatusTag status={c.status} t={t} />
                      {c.supplement && <Tag color="orange">{t('mine.askSupplement')}</Tag>}
                      {c.unpaidCents !== null ? (
                        <Tag color="red">{t('mine.askFee', { amount: yuan(c.unpaidCents) })}</Tag>
                      ) : (
                        !c.supplement && <Tag color="red">{t('mine.askFeeUnassessed')}</Tag>
                      )}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </div>
        </>
      )}
    </Card>
  );
}
