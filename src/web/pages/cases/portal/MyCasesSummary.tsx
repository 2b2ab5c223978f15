import { Card, List, Row, Tag } from 'antd';
import { Link } from 'react-router';
import { useLicT } from '../../../i18n/licenses.ts';
import { useWorkToday } from '../../../api/cases.ts';
import { yuan } from '../../../api/case-fees.ts';
import { EmptyHint, QueryState } from '../../../components/PageState.tsx';
import { StatusTag } from '../shared/labels.tsx';
import { CaseLine, CountTile } from '../shared/CaseLine.tsx';
import '../cases.css';

/**
 * 我的办件 on the applicant's account page: their cases in hand, what waits for them — materials asked for, fees to
 * pay — and what is decided or delivered; each case that waits for them opens its page, where they act.
 */
export function MyCasesSummary() {
  const t = useLicT();
  const today = useWorkToday();
  return (
    <Card title={t('mine.title')} extra={<Link to="/my/cases">{t('mine.all')}</Link>} data-testid="my-cases-summary">
      <QueryState query={today} rows={3}>
        {({ applicant: mine }) =>
          mine && (
            <>
              <Row gutter={[12, 12]}>
                <CountTile to="/my/cases" title={t('mine.inProgress')} value={mine.inProgress} testId="mine-in-progress" width={150} />
                <CountTile
                  to="/my/cases"
                  title={t('mine.supplement')}
                  value={mine.supplement}
                  testId="mine-supplement"
                  tone={mine.supplement > 0 ? 'warning' : undefined}
                  width={150}
                />
                <CountTile to="/my/cases" title={t('mine.fees')} value={mine.fees} testId="mine-fees" tone={mine.fees > 0 ? 'danger' : undefined} width={150} />
                <CountTile to="/my/cases?status=concluded" title={t('mine.toDeliver')} value={mine.toDeliver} testId="mine-to-deliver" width={150} />
                <CountTile to="/my/cases?status=delivered" title={t('mine.delivered')} value={mine.delivered} testId="mine-delivered" width={150} />
                {/* 证照即将到期: licenses to renew, on 我的证照 */}
                {(mine.licensesExpiring ?? 0) > 0 && (
                  <CountTile
                    to="/my/licenses"
                    title={t('lic.today.tile')}
                    value={mine.licensesExpiring ?? 0}
                    hint={t('lic.today.hint')}
                    testId="mine-licenses-expiring"
                    tone="warning"
                    width={150}
                  />
                )}
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
                      <CaseLine key={c.id} to={`/my/cases/${c.id}`} subject={c.subject} number={c.number}>
                        <span>
                          <StatusTag status={c.status} t={t} />
                          {c.supplement && <Tag color="orange">{t('mine.askSupplement')}</Tag>}
                          {c.unpaidCents !== null ? (
                            <Tag color="red">{t('mine.askFee', { amount: yuan(c.unpaidCents) })}</Tag>
                          ) : (
                            !c.supplement && <Tag color="red">{t('mine.askFeeUnassessed')}</Tag>
                          )}
                        </span>
                      </CaseLine>
                    )}
                  />
                )}
              </div>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
