import { Col, Empty, Row, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { useBundles } from '../../api/catalog.ts';
import { InlineError } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatLimit } from './labels.ts';
import './catalog-portal.css';

/** 一件事一次办: the published bundles, each a card leading to its items and merged material list. */
export function BundlesPage() {
  const t = useT();
  usePageTitle(t('bundles.title'));
  const bundles = useBundles();
  return (
    <div className="portal-page" data-testid="bundles-page">
      <section className="svc-search">
        <h1 className="svc-title">{t('bundles.title')}</h1>
        <p className="svc-subtitle">{t('bundles.subtitle')}</p>
      </section>
      {bundles.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : bundles.isError ? (
        <InlineError error={bundles.error} onRetry={() => void bundles.refetch()} />
      ) : bundles.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bundles.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {bundles.data.map((b) => (
            <Col xs={24} md={12} lg={8} key={b.code}>
              <Link to={`/bundles/${encodeURIComponent(b.code)}`} className="bundle-card" data-testid="bundle-card">
                <span className="bundle-card-name">{b.name}</span>
                <span className="bundle-card-stats">
                  <Tag color="blue">{t('bundles.items', { n: b.itemCount })}</Tag>
                  <Tag color="green">{t('bundles.committed', { limit: formatLimit(t, b.committedLimit) })}</Tag>
                </span>
                <span className="bundle-card-text">{b.description}</span>
                <span className="bundle-card-foot">
                  {t('svc.labelled', { label: t('bundles.lead'), value: b.organizationName })}
                  {b.themes.map((theme) => (
                    <span key={theme} className="svc-theme-link">
                      #{theme}
                    </span>
                  ))}
                </span>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
