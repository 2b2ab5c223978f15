import { useMemo } from 'react';
import { Col, Row, Skeleton, Tag } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';
import { useRegions } from '../../api/org.ts';
import { buildRegionTree, flattenTree, type RegionTreeNode } from '../../api/regions.ts';
import { EmptyHint, InlineError } from '../../components/Feedback.tsx';

/** 服务网点: the city, its districts, streets and communities, from the public region tree. */
export function ServiceNetwork() {
  const t = useT();
  const regions = useRegions();
  const roots = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  const counts = useMemo(() => {
    const all = flattenTree(roots);
    const by = (level: string) => all.filter((n) => n.level === level).length;
    return [
      { label: t('region.level.district'), value: by('district') },
      { label: t('region.level.street'), value: by('street') },
      { label: t('region.level.community'), value: by('community') },
      { label: t('home.networkOrganizations'), value: all.reduce((s, n) => s + n.organizationCount, 0) },
    ];
  }, [roots, t]);

  return (
    <>
      <h2 className="section-title">{t('home.networkTitle')}</h2>
      <p className="section-text">{t('home.networkText')}</p>
      {regions.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : regions.isError ? (
        <InlineError error={regions.error} onRetry={() => void regions.refetch()} />
      ) : roots.length === 0 ? (
        <EmptyHint text={t('home.networkEmpty')} />
      ) : (
        <>
          <div className="network-stats">
            {counts.map((c) => (
              <div className="network-stat" key={c.label}>
                <div className="network-stat-value">{c.value}</div>
                <div className="network-stat-label">{c.label}</div>
              </div>
            ))}
          </div>
          {roots.map((city) => (
            <CityNetwork key={city.id} city={city} />
          ))}
        </>
      )}
    </>
  );
}

function CityNetwork({ city }: { city: RegionTreeNode }) {
  const t = useT();
  return (
    <div data-testid="service-network">
      <div className="network-city">
        <EnvironmentOutlined /> <strong>{city.name}</strong>
        <span className="network-city-note"> · {t('home.cityOrganizations', { count: city.organizationCount })}</span>
      </div>
      <Row gutter={[16, 16]}>
        {city.children.map((district) => (
          <Col xs={24} lg={12} key={district.id}>
            <div className="network-card">
              <div className="network-card-head">
                <span className="network-card-title">{district.name}</span>
                <span className="network-card-extra">{t('home.organizationsCount', { count: district.totalOrganizations })}</span>
              </div>
              <div className="network-card-body">
                {district.children.length === 0 ? (
                  <span className="muted">{t('home.noStreets')}</span>
                ) : (
                  district.children.map((street) => (
                    <div key={street.id} className="network-street">
                      <div className="network-street-name">{street.name}</div>
                      <div className="tag-wrap">
                        {street.children.map((c) => (
                          <Tag key={c.id} variant="filled">
                            {c.name}
                          </Tag>
                        ))}
                      </div>
                    </div>
                  ))
                )}
              </div>
            </div>
          </Col>
        ))}
      </Row>
    </div>
  );
}
